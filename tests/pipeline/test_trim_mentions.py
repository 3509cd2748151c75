import pytest
import spacy
from spacy.tokens import Span

from dataset_ner.pipeline.trim_mentions import trim_mentions


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def mentions(nlp, text, token_spans):
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label="DATASET") for start, end in token_spans]
    return [ent.text for ent in trim_mentions(doc).ents], [ent.label_ for ent in doc.ents]


def test_connecting_words_and_punctuation_come_off_the_edges(nlp):
    # We | use | ACE-2 | and | ACE-2003 | , | the | Penn | Treebank | and | TREC | Aquaint | , | here | .
    texts, labels = mentions(nlp, "We use ACE-2 and ACE-2003, the Penn Treebank and TREC Aquaint, here.", [(2, 4), (5, 10), (10, 13)])
    assert texts == ["ACE-2", "the Penn Treebank", "TREC Aquaint"]
    assert labels == ["DATASET"] * 3


def test_brackets_quotes_and_inner_words_stay(nlp):
    text = 'The British National Corpus (BNC) and the "MovieLens" dataset of Chess and Plants data.'
    doc = nlp.make_doc(text)
    kept = [(1, 7), (8, 13), (14, 18)]
    assert mentions(nlp, text, kept)[0] == [doc[s:e].text for s, e in kept]


def test_capitals_that_spell_a_connecting_word_or_article_stay(nlp):
    # We | test | on | IJB | - | A | , | ShanghaiTech | Part | A | and | In | - | Shop | Clothes
    text = "We test on IJB-A, ShanghaiTech Part A and In-Shop Clothes"
    assert mentions(nlp, text, [(3, 6), (7, 10), (11, 15)])[0] == ["IJB-A", "ShanghaiTech Part A", "In-Shop Clothes"]


def test_a_full_stop_after_the_name_comes_off(nlp):
    # We | use | the | EUROVOC | thesaurus | .
    assert mentions(nlp, "We use the EUROVOC thesaurus.", [(3, 6)])[0] == ["EUROVOC thesaurus"]


def test_a_mention_of_only_connecting_words_is_dropped(nlp):
    assert mentions(nlp, "Results on and of the set.", [(2, 4), (5, 6)])[0] == ["set"]


def test_whitespace_tokens_come_off(nlp):
    assert mentions(nlp, "Caltech-256  and others", [(0, 3)])[0] == ["Caltech-256"]


def test_the_component_is_registered_for_configs():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("trim_dataset_mentions")
    assert pipeline.pipe_names == ["trim_dataset_mentions"]


def test_an_unmatched_bracket_or_quote_comes_off(nlp):
    # riments | ( | both | on | TREC | , | and | on | Web | - | like | repertoires | ) | show
    text = 'riments (both on TREC, and on Web-like repertoires) show "the MSN Soapbox collection'
    doc = nlp.make_doc(text)
    start = [t.text for t in doc].index("Web")
    quote = [t.text for t in doc].index('"')
    assert mentions(nlp, text, [(1, 5), (start, start + 5), (quote, len(doc))])[0] == [
        "both on TREC", "Web-like repertoires", "the MSN Soapbox collection"]


def test_a_mention_without_a_letter_or_digit_is_dropped(nlp):
    # to | all | parameters | \ufffd | : | argmax | over | 12 | %
    text = "to all parameters \ufffd : argmax over 12%"
    assert mentions(nlp, text, [(3, 4), (5, 6), (7, 9)])[0] == ["argmax", "12"]


def test_a_mention_ends_where_its_last_word_ends(nlp):
    # We | train | on | ImageNet-22 | K | , | JFT-300 | M | and | CIFAR-10 | 's | test | set | .
    text = "We train on ImageNet-22K, JFT-300M and CIFAR-10's test set."
    assert [t.text for t in nlp.make_doc(text)][3:5] == ["ImageNet-22", "K"]
    assert mentions(nlp, text, [(3, 4), (6, 7), (9, 10)])[0] == ["ImageNet-22K", "JFT-300M", "CIFAR-10"]
    # a glued token that another mention holds stays with it
    assert mentions(nlp, text, [(6, 7), (7, 8)])[0] == ["JFT-300", "M"]


def test_a_mention_ends_before_an_opening_bracket_it_holds_without_its_partner(nlp):
    # Results | on | AP | ( | topic | 51 | - | 150 | ) | and | DAQUAR | - | ALL | ( | Table | 2 | ) | and | the | British | ...
    text = "Results on AP (topic 51-150) and DAQUAR-ALL (Table 2) and the British National Corpus (BNC)."
    assert mentions(nlp, text, [(2, 8), (10, 15), (18, 25)])[0] == ["AP", "DAQUAR-ALL", "the British National Corpus (BNC)"]
