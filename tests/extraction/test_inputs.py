import json

import pytest

from dataset_ner.extraction.inputs import Document, Problem, expand_inputs, iter_items, parse_item
from dataset_ner.extraction.shard_inputs import InputNotShared, InputRange, PendingShard, read_ranges


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


def test_a_jsonl_line_over_the_limit_is_one_problem_and_the_next_lines_are_read(tmp_path):
    path = tmp_path / "d.jsonl"
    long_line = json.dumps({"id": 1, "text": "ImageNet " * 500}).encode()
    path.write_bytes(b'{"id": 0, "text": "short"}\n' + long_line + b'\n\n{"id": 2, "text": "after"}\n')
    items = list(iter_items([path], max_line_bytes=1000))
    first, problem, last = [parse_item(item) for item in items]
    assert (first, last) == (Document(0, "short"), Document(2, "after"))
    assert (problem.line, problem.kind) == (2, "line-too-long")
    assert problem.problem == f"a line of {len(long_line) + 1:,} bytes, over the limit of 1,000"
    assert items[1].raw is None and items[2].line == 4


def test_a_shard_read_back_from_its_ranges_gives_the_same_items(tmp_path):
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "text": f"t{i}"}) + "\n" * (1 + i % 2) for i in range(7)),
                     encoding="utf8")
    text = tmp_path / "a.txt"
    text.write_text("A text.", encoding="utf8")
    items = list(iter_items([jsonl, text, jsonl]))
    shard = PendingShard(0, items)
    assert [r.line for r in shard.ranges()] == [1, 0, 1]
    assert list(read_ranges(shard.ranges())) == items


def test_a_worker_that_cannot_see_an_input_says_so(tmp_path):
    with pytest.raises(InputNotShared, match=r"gone\.jsonl:0: the Dask worker on .* cannot see this input file"):
        list(read_ranges([InputRange(str(tmp_path / "gone.jsonl"), 1, 0, 10)]))
