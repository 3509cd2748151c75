"""SciREX papers into examples and Docs, on the first paper of corpus/scirex/train_docs.jsonl.gz
(Full-Resolution Residual Networks, Cityscapes) and on made-up broken files."""

import gzip
import json
from collections import Counter
from itertools import islice

import pytest
import spacy

from dataset_ner.data.scirex import (example_doc, examples, join_abbreviations, material_spellings, names_in, read_papers,
                                     train_vocabulary)
from dataset_ner.data.scirex_split import split_of
from dataset_ner.input_error import InputError

from ..conftest import ROOT

PAPERS = ROOT / "corpus/scirex/train_docs.jsonl.gz"


@pytest.fixture(scope="module")
def first_paper():
    return next(islice(read_papers(PAPERS), 1))


@pytest.fixture(scope="module")
def by_id(first_paper):
    return {e.id: e for e in examples(first_paper, frozenset(), frozenset({"ImageNet"}), Counter())}


def test_a_sentence_becomes_text_with_its_mentions_and_negatives(by_id):
    example = by_id["scirex-000f90380d76-10"]
    assert example.text.endswith("achieves an intersection-over-union score of 71.8% on the Cityscapes dataset.")
    assert [example.text[s:e] for s, e in example.mentions] == ["Cityscapes dataset"]
    assert [(example.text[s:e], label) for s, e, label in example.outside] == [
        ("pretraining", "Method"), ("intersection-over-union score", "Metric")]


def test_only_the_train_papers_spans_decide_labels():
    """A dev or test paper's Material spans add no spelling or known name that labels other papers."""
    papers = list(islice(read_papers(PAPERS), 12))
    train = [paper for paper in papers if split_of(paper.doc_id) == "train"]
    assert len(train) < len(papers)
    assert material_spellings(papers) > material_spellings(train)  # the others do hold spellings of their own
    assert train_vocabulary(papers) == train_vocabulary(train)
    assert train_vocabulary(papers)[0] == material_spellings(train)


def test_a_name_the_paper_tags_elsewhere_is_a_mention_where_it_is_untagged():
    bidaf = list(islice(read_papers(PAPERS), 3))[2]  # BiDAF, which tags "CNN" as Material elsewhere
    example = {e.id: e for e in examples(bidaf, frozenset(), frozenset(), Counter())}["scirex-007ab5528b3b-111"]
    assert example.text.endswith("to attend on context words on CNN & DailyMail datasets.")
    assert [example.text[s:e] for s, e in example.materials] == ["DailyMail"]
    assert [example.text[s:e] for s, e in example.mentions] == ["CNN", "DailyMail datasets"]


def test_the_doc_marks_mentions_negatives_and_unknown_tokens(by_id):
    doc = example_doc(spacy.blank("en"), by_id["scirex-000f90380d76-189"])
    iob = {token.text: token.ent_iob_ for token in doc}
    assert [ent.text for ent in doc.ents] == ["Cityscapes validation set"]
    assert iob["bootstrapping"] == "O" and iob["reference"] == "O"  # a Method span and a citation
    assert iob["Pixels"] == ""  # looks like a name: a dataset could hide there
    assert iob["images"] == "O"
    assert iob["process"] == "O"  # the rest of the Method span "bootstrapping process"
    assert not doc.spans  # no span groups: DocBin reads them through srsly's slow registry lookup


def test_a_negative_span_holding_a_known_name_is_missing_not_outside(first_paper):
    sentence = "ImageNet pre-trained"
    assert names_in(sentence, frozenset({"ImageNet"})) and not names_in("grid search", frozenset({"GRID"}))
    strict = {e.id: e for e in examples(first_paper, frozenset(), frozenset({"ILSVRC"}), Counter())}
    example = strict["scirex-000f90380d76-82"]  # "... without requiring ILSVRC pre-training." (Method)
    assert any(example.text[s:e].startswith("ILSVRC") for s, e in example.missing)
    assert not any(example.text[s:e].startswith("ILSVRC") for s, e, _ in example.outside)


def test_a_bracketed_abbreviation_joins_its_name():
    text = "created from the Open Movie Database (OMDb) and MovieLens"
    spans = [(text.index("Open"), text.index(" (")), (text.index("OMDb"), text.index(")")), (text.index("Movie", 40), len(text))]
    assert [text[s:e] for s, e in join_abbreviations(text, spans, Counter())] == ["Open Movie Database (OMDb)", "MovieLens"]


@pytest.mark.parametrize("line, problem", [
    ("not json", "not valid JSON"),
    (json.dumps({"doc_id": "p", "words": ["a"], "sentences": [[0, 1]]}), "expected doc_id, words, sentences"),
    (json.dumps({"doc_id": "p", "words": ["a"], "sentences": [[0, 2]], "ner": []}), "p: token range [0, 2) outside its 1 words"),
])
def test_a_broken_paper_is_refused_with_file_and_line(tmp_path, line, problem):
    path = tmp_path / "papers.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf8") as out:
        out.write(json.dumps({"doc_id": "ok", "words": ["a"], "sentences": [[0, 1]], "ner": []}) + "\n" + line + "\n")
    with pytest.raises(InputError) as error:
        list(read_papers(path))
    assert str(error.value).startswith(f"{path}:2: ") and problem in str(error.value)
