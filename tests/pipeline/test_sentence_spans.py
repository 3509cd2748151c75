from pathlib import Path

import spacy
from spacy.util import load_config, registry

from dataset_ner.pipeline.sentence_spans import sentence_strided_spans


def texts_of(spans):
    return [[span.text for span in doc_spans] for doc_spans in spans]


def test_windows_stay_inside_sentences():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("We use ImageNet. Then we test on SQuAD v1.1 and HMDB-51 here.")
    assert texts_of(sentence_strided_spans([doc], 128, 96)) == [["We use ImageNet.", "Then we test on SQuAD v1.1 and HMDB-51 here."]]


def test_a_long_sentence_is_read_in_overlapping_windows():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("one two three four five six seven. Eight nine.")
    [spans] = sentence_strided_spans([doc], 4, 3)
    assert [(s.start, s.end) for s in spans] == [(0, 4), (3, 7), (6, 8), (8, 11)]


def test_without_sentence_boundaries_the_whole_doc_is_windowed():
    doc = spacy.blank("en").make_doc("We use ImageNet. Then SQuAD.")
    assert texts_of(sentence_strided_spans([doc], 128, 96)) == [["We use ImageNet. Then SQuAD."]]


def test_the_span_getter_is_registered_for_configs():
    getter = registry.resolve({"g": {"@span_getters": "dataset_ner.sentence_strided_spans.v1", "window": 4, "stride": 3}})["g"]
    doc = spacy.blank("en").make_doc("a b c d e")
    assert [(s.start, s.end) for s in getter([doc])[0]] == [(0, 4), (3, 5)]


def test_the_configs_sentencizer_keeps_names_with_an_exclamation_mark_whole():
    section = load_config(Path(__file__).resolve().parents[2] / "configs" / "cpu.cfg")["components"]["sentencizer"]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={key: value for key, value in section.items() if key != "factory"})
    doc = nlp("We train on the Yahoo! Answers and WHAM! data. Is it hard? Yes.")
    assert [s.text for s in doc.sents] == ["We train on the Yahoo! Answers and WHAM! data.", "Is it hard?", "Yes."]
