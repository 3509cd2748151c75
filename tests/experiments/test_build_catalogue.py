"""The names linked by hand, as build-catalogue reads them: NIL lines are decisions too; a malformed
line stops the build with its file and line number."""

import pytest

from dataset_ner.experiments.build_catalogue import read_by_hand

from ..conftest import ROOT


def test_lines_are_read_with_their_numbers_nil_lines_too(tmp_path):
    path = tmp_path / "aliases_by_hand.tsv"
    path.write_text("name\tid\tnote\nMicrosoft COCO\tcoco\tfull name\nIJB\tNIL\tseries, rule 4\nWT2\twikitext-2\t\n")
    assert read_by_hand(path) == [(2, "Microsoft COCO", "coco"), (3, "IJB", "NIL"), (4, "WT2", "wikitext-2")]


@pytest.mark.parametrize("text, message", [
    ("name\tid\nWT2\twikitext-2\n", "line 1: the header"),
    ("name\tid\tnote\nWT2\twikitext-2\n", "line 2: expected a name, an id"),
    ("name\tid\tnote\nWT2\twikitext-2\tok\n\t\t\n", "line 3: expected a name, an id"),
])
def test_a_malformed_file_names_its_line(tmp_path, text, message):
    path = tmp_path / "aliases_by_hand.tsv"
    path.write_text(text)
    with pytest.raises(SystemExit, match=f"{path}: {message}"):
        read_by_hand(path)


def test_the_committed_names_by_hand_are_read():
    rows = read_by_hand(ROOT / "corpus/catalogue/sources/aliases_by_hand.tsv")
    assert {entry_id == "NIL" for _line, _name, entry_id in rows} == {True, False}
