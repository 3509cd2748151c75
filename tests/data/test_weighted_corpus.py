"""The weighted reader repeats each DocBin's examples by its weight."""

import warnings
from collections import Counter

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.util import registry


@pytest.fixture
def train_dir(tmp_path):
    nlp = spacy.blank("en")
    for stem, texts in {"weak": ["a b", "c d"], "tdmsci": ["e f"], "heddes2021": ["g h", "i j", "k l"]}.items():
        DocBin(docs=[nlp.make_doc(text) for text in texts]).to_disk(tmp_path / f"{stem}.spacy")
    return tmp_path


def read(path, weights):
    reader = registry.resolve({"r": {"@readers": "dataset_ner.weighted_corpus.v1", "path": str(path), "weights": weights}})["r"]
    return Counter(example.reference.text for example in reader(spacy.blank("en")))


def test_each_file_is_repeated_by_its_weight(train_dir):
    counts = read(train_dir, {"tdmsci": 3, "heddes2021": 0})
    assert counts == Counter({"a b": 1, "c d": 1, "e f": 3})


def test_default_weight_is_one(train_dir):
    assert sum(read(train_dir, {}).values()) == 6


def test_weight_for_a_missing_file_warns(train_dir):
    with pytest.warns(UserWarning, match="gold"):
        assert read(train_dir / "weak.spacy", {"gold": 2}) == Counter({"a b": 1, "c d": 1})


def test_zero_weight_for_a_missing_file_is_silent(train_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read(train_dir / "weak.spacy", {"distilled": 0}) == Counter({"a b": 1, "c d": 1})


@pytest.mark.parametrize("weight", [-1, 1.5])
def test_weight_must_be_a_whole_number(train_dir, weight):
    with pytest.raises(ValueError, match="tdmsci"):
        read(train_dir, {"tdmsci": weight})


def test_reader_without_a_path_says_so():
    with pytest.raises(ValueError, match="paths.train"):
        registry.resolve({"r": {"@readers": "dataset_ner.weighted_corpus.v1", "path": None, "weights": {}}})
