import subprocess
import sys

import pytest

from dataset_ner.data.conll import read_conll
from dataset_ner.input_error import InputError


def test_reads_snippets_with_start_lines(weak_conll):
    snippets = list(read_conll(weak_conll))
    assert len(snippets) == 5
    assert snippets[0].tokens == ("results", "on", "the", "UCF101", "dataset")
    assert snippets[0].mention_spans() == [(3, 4)]
    assert [s.line for s in snippets] == [1, 7, 14, 20, 24]


def test_i_tag_after_o_starts_a_mention(tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("a O\nb I-DAT\nc I-DAT\nd O\n", encoding="utf8")
    (snippet,) = read_conll(path)
    assert snippet.mention_spans() == [(1, 3)]


@pytest.mark.parametrize(
    "content, line, problem",
    [
        (b"", 0, "empty"),
        (b"\n\n", 0, "empty"),
        (b"ImageNet B-DAT\nresults\n", 2, "expected 'token tag'"),
        (b"ImageNet B-DATASET\n", 1, "unknown tag 'B-DATASET'"),
        (b"ImageNet B-DAT\n\nCaf\xe9 O\n", 3, "not valid UTF-8"),
    ],
)
def test_bad_input_names_file_line_and_problem(tmp_path, content, line, problem):
    path = tmp_path / "bad.conll"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(read_conll(path))
    assert caught.value.line == line
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        list(read_conll(tmp_path / "absent.conll"))


def test_convert_cli_stops_with_the_error(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_bytes(b"ImageNet B-DAT\nSQuAD X\n")
    result = subprocess.run(
        [sys.executable, "-m", "dataset_ner.data.convert", str(path), str(tmp_path / "out.spacy")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{path}:2: unknown tag 'X'" in result.stdout + result.stderr
    assert not (tmp_path / "out.spacy").exists()
