"""Texts reviewed by hand: a reviewed text's Doc, refused files."""

import json

import pytest
import spacy

from dataset_ner.data.reviewed import Reviewed
from dataset_ner.input_error import InputError

TEXT = "We train on ImageNet and test on the CIFAR-10 test set ."
ROW = {"id": "scirex-abc-3", "text": TEXT, "spans": [{"start": 12, "end": 20, "label": "DATASET"},
                                                    {"start": 37, "end": 54, "label": "DATASET"}]}


def write(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf8")
    return path


def test_a_reviewed_sentence_is_fully_annotated_and_others_are_left_to_the_silver_labels(tmp_path):
    reviewed = Reviewed(write(tmp_path / "r.jsonl", [ROW]))
    nlp = spacy.blank("en")
    doc = reviewed.doc(nlp, "scirex-abc-3", TEXT)
    assert [e.text for e in doc.ents] == ["ImageNet", "CIFAR-10 test set"]
    assert {t.ent_iob_ for t in doc if not t.ent_type_} == {"O"}
    assert reviewed.doc(nlp, "scirex-abc-4", "Another sentence .") is None
    reviewed.check_all_used(set())


def test_a_reviewed_sentence_never_read_is_refused_unless_held_out(tmp_path):
    path = write(tmp_path / "r.jsonl", [ROW])
    Reviewed(path).check_all_used({"scirex-abc-3"})
    with pytest.raises(InputError, match=r"r.jsonl:1: scirex-abc-3 is no sentence of a SciREX train paper"):
        Reviewed(path).check_all_used(set())


def test_an_id_reviewed_twice_or_another_text_is_refused_with_its_line(tmp_path):
    with pytest.raises(InputError, match=r"r.jsonl:2: id scirex-abc-3 is reviewed twice \(first on line 1\)"):
        Reviewed(write(tmp_path / "r.jsonl", [ROW, ROW]))
    reviewed = Reviewed(write(tmp_path / "r.jsonl", [ROW]))
    with pytest.raises(InputError, match=r"r.jsonl:1: the text of scirex-abc-3 is not the paper's sentence"):
        reviewed.doc(spacy.blank("en"), "scirex-abc-3", TEXT.lower())
