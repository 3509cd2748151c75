import json

import pytest

from dataset_ner.extraction.inputs import Document, Problem, expand_inputs, iter_items, parse_item


def parsed(files, **fields):
    return [parse_item(item, **fields) for item in iter_items(files)]


def test_folders_are_read_recursively_sorted_and_filtered(tmp_path):
    for name in ("b/2.txt", "a.txt", "b/1.txt", "b/skip.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text " + name, encoding="utf8")
    files = expand_inputs([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b/1.txt", "b/2.txt"]
    assert parsed(files)[0] == Document(str(tmp_path / "a.txt"), "text a.txt")


def test_missing_input_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        expand_inputs([tmp_path / "nope"])


def test_jsonl_fields_are_configurable(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"doi": "10/1", "body": "On ImageNet."}) + "\n\n", encoding="utf8")
    assert parsed([path], id_field="doi", text_field="body") == [Document("10/1", "On ImageNet.")]


def test_undecodable_text_file_names_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine\nbroken \xff here\n")
    [problem] = parsed([path])
    assert (problem.file, problem.line, problem.kind) == (str(path), 2, "not-utf8")


@pytest.mark.parametrize("line,kind", [
    (b'{"id": 1, "text": "x"', "bad-json"),
    (b'[1, 2]', "bad-json"),
    (b'{"id": 1}', "no-text"),
    (b'{"id": 1, "text": 5}', "no-text"),
    (b'{"id": 1, "text": "  \\n "}', "empty-text"),
    (b'{"text": "no id"}', "no-id"),
    (b'{"id": 1, "text": "caf\xe9"}', "not-utf8"),
])
def test_bad_jsonl_lines_are_problems_with_their_line(tmp_path, line, kind):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": 0, "text": "good"}\n' + line + b"\n")
    good, problem = parsed([path])
    assert good == Document(0, "good")
    assert isinstance(problem, Problem) and (problem.file, problem.line, problem.kind) == (str(path), 2, kind)
