"""The one JSONL reader (a bad line is an InputError naming file and line) and the JSON writers."""

import ast
import json

import pytest

from dataset_ner.input_error import InputError
from dataset_ner.json_files import (
    BAD_JSON,
    NOT_UTF8,
    BadLine,
    json_line,
    jsonl_lines,
    parse_line,
    read_json,
    read_jsonl,
    write_json,
    write_jsonl,
)

from dataset_ner.data.gold import read_gold
from dataset_ner.data.held_out import read_texts
from dataset_ner.data.relabel import read_labels
from dataset_ner.experiments.seed_gold import read_decisions
from dataset_ner.extraction.report import read_records

from .conftest import ROOT


def test_objects_come_with_their_line_numbers_blank_lines_skipped(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": 1}\n\n  \n{"id": "two", "text": "caf\xc3\xa9"}\r\n')
    assert list(read_jsonl(path)) == [(1, {"id": 1}), (4, {"id": "two", "text": "café"})]


@pytest.mark.parametrize("line, kind, problem", [
    (b'{"id": 1, "text": ', BAD_JSON, "not valid JSON (Expecting value at offset 19)"),
    (b"[1, 2]", BAD_JSON, "not a JSON object: [1, 2]"),
    (b'"text"', BAD_JSON, 'not a JSON object: "text"'),
    (b'{"text": "caf\xe9"}', NOT_UTF8, "not valid UTF-8: byte 0xe9 at offset 13"),
])
def test_a_bad_line_names_file_and_line(tmp_path, line, kind, problem):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": 1}\n\n' + line + b"\n{}\n")
    rows = read_jsonl(path)
    assert next(rows) == (1, {"id": 1})
    with pytest.raises(BadLine) as caught:
        next(rows)
    assert isinstance(caught.value, InputError)
    assert (caught.value.path, caught.value.line, caught.value.kind, caught.value.problem) == (path, 3, kind, problem)
    assert str(caught.value) == f"{path}:3: {problem}"


GOOD = {"id": "s-1", "text": "On MNIST.", "spans": [{"start": 3, "end": 8, "confidence": 0.9}], "why": "-"}


@pytest.mark.parametrize("read", [read_gold, read_texts, read_labels, read_decisions, read_records])
def test_every_jsonl_reader_of_the_project_names_the_bad_line(tmp_path, read):
    path = tmp_path / "part-00000.jsonl"
    path.write_text(json.dumps(GOOD) + '\n{"id": "s-2", "text": \n', encoding="utf8")
    with pytest.raises(InputError) as caught:
        result = read(tmp_path if read is read_records else path)
        list(result.items() if isinstance(result, dict) else result)
    assert str(caught.value).startswith(f"{path}:2: not valid JSON")


def test_the_two_steps_let_a_caller_go_on_past_a_bad_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": 1}\n[]\n{"id": 3}\n')
    parsed = []
    for line, raw in jsonl_lines(path):
        try:
            parsed.append(parse_line(path, line, raw))
        except BadLine as err:
            parsed.append((err.line, err.kind))
    assert parsed == [{"id": 1}, (2, BAD_JSON), {"id": 3}]


def test_a_missing_or_broken_file_is_an_input_error_at_line_0(tmp_path):
    with pytest.raises(InputError, match=r"nope\.jsonl:0: file not found"):
        list(read_jsonl(tmp_path / "nope.jsonl"))
    with pytest.raises(InputError, match=r"nope\.json:0: file not found"):
        read_json(tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf8")
    with pytest.raises(InputError, match=r"bad\.json:0: not valid JSON"):
        read_json(tmp_path / "bad.json")


def test_the_writers_keep_floats_big_ints_and_text_exactly(tmp_path):
    value = {"f1": 0.9810771470160117, "id": 2**70, "text": "Penn Treebank – café", "none": None}
    write_json(tmp_path / "new/a.json", value)
    write_jsonl(tmp_path / "new/a.jsonl", (row for row in [value, {"n": 1}]))
    assert (tmp_path / "new/a.json").read_text(encoding="utf8") == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    assert read_json(tmp_path / "new/a.json") == value
    assert (tmp_path / "new/a.jsonl").read_text(encoding="utf8") == json.dumps(value, ensure_ascii=False) + '\n{"n": 1}\n'
    assert [row for _, row in read_jsonl(tmp_path / "new/a.jsonl")] == [value, {"n": 1}]


def test_the_committed_assets_are_written_as_they_are():
    """Rows read from the committed JSONL assets and written again give the same bytes."""
    for name in ("seed_gold/gold.jsonl", "seed_gold/sample.jsonl", "seed_teacher/labels.jsonl",
                 "seed_review/reviewed.jsonl", "inlg_papers/sentences.jsonl",
                 "inlg_papers/second_pass.jsonl", "inlg_papers/groups.jsonl", "inlg_papers/papers.jsonl"):
        path = ROOT / "corpus" / name
        rows = [row for _, row in read_jsonl(path)]
        assert "".join(map(json_line, rows)).encode("utf8") == path.read_bytes(), name


def test_json_is_parsed_only_by_the_reader():
    """No module of src/ but json_files.py parses JSON itself."""
    offenders = []
    for path in sorted((ROOT / "src/dataset_ner").rglob("*.py")):
        if path.name == "json_files.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    (node.value.id, node.attr) in {("json", "loads"), ("json", "load"), ("srsly", "read_json"),
                                                   ("srsly", "read_jsonl"), ("srsly", "json_loads")}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
