"""The committed teacher labels (corpus/seed_teacher/labels.jsonl, made by `spacy project run teacher`)."""

import random
from pathlib import Path

import pytest
import spacy

from dataset_ner.data.relabel import read_labels
from dataset_ner.experiments.teacher import teacher_rows

from ..conftest import ROOT

LABELS = ROOT / "corpus/seed_teacher/labels.jsonl"
TEACHER = ROOT / "training/teacher/model-best"


def test_the_asset_holds_a_label_set_per_seed_text_with_confidences():
    labels = read_labels(LABELS)
    assert len(labels) == 14063
    spans = [span for spans in labels.values() for span in spans]
    assert len(spans) > 4000 and all(0.0 <= c <= 1.0 and 0 <= s < e for s, e, c in spans)
    assert all(e <= len(text) for text, found in labels.items() for _s, e, _c in found)


@pytest.mark.skipif(not Path(TEACHER).is_dir(), reason="no teacher model: run `spacy project run teacher` first")
def test_the_teacher_reproduces_the_asset_on_a_sample():
    labels = read_labels(LABELS)
    sample = random.Random(0).sample(sorted(labels), 200)
    for row in teacher_rows(spacy.load(TEACHER), sample):
        assert [(s["start"], s["end"]) for s in row["spans"]] == [(s, e) for s, e, _c in labels[row["text"]]]
        assert [s["confidence"] for s in row["spans"]] == pytest.approx([c for _s, _e, c in labels[row["text"]]], abs=1e-3)
