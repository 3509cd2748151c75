"""The citation-marks augmenter follows mentions with citations, as papers write them."""

import random
import re

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from dataset_ner.data.citation_marks import cited_ends, citation

SURNAME = r"(?:van der )?[A-Z][\w']*"
CITATION = re.compile(rf"\((?:{SURNAME}(?: et al\.| and {SURNAME})?, (?:19|20)\d\d[ab]?(?:; )?)+\)|\[\d+(?:, \d+)?\]")


@pytest.fixture
def nlp():
    return spacy.blank("en")


def example(nlp, words, tags, spaces=None):
    reference = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags)
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), reference)


def marks(level, seed=0):
    return registry.resolve({"a": {"@augmenters": "dataset_ner.citation_marks.v1", "level": level, "seed": seed}})["a"]


def test_citations_have_the_shapes_papers_write():
    draw = random.Random(0)
    written = [citation(draw) for _ in range(300)]
    assert all(CITATION.fullmatch(text) for text in written)
    assert any(" et al., " in text for text in written) and any(text.startswith("[") for text in written)
    assert any("; " in text for text in written) and any(" and " in text for text in written)


def test_level_zero_or_no_name_yields_each_example_once(nlp):
    eg = example(nlp, ["We", "use", "MNIST", "."], ["O", "O", "B-DATASET", "O"])
    assert list(marks(0.0)(nlp, eg)) == [eg]
    plain = example(nlp, ["We", "use", "the", "203", "images", "."], ["O"] * 6)
    assert list(marks(1.0)(nlp, plain)) == [plain]


def test_a_citation_may_follow_a_mention_or_the_last_word_of_another_name():
    words = ["Datasets", "of", "MS", "MARCO", "and", "Stanford", "CoreNLP", "on", "Foo", "v2", "with", "Bar", "."]
    tags = ["O", "O", "B-DATASET", "I-DATASET", "O", "O", "O", "O", None, None, "O", "O", "O"]
    # not after the first word, inside a mention or a run of names, or next to missing annotation
    assert cited_ends(tags, words) == [4, 7, 12]


def test_the_copy_cites_after_mentions_and_other_names_and_keeps_the_annotation(nlp):
    augmenter = marks(1.0)
    words = ["Datasets", "such", "as", "SQuAD", ",", "and", "MS", "MARCO", "help", "BERT", "."]
    spaces = [True, True, True, False, True, True, True, True, True, False, False]
    tags = ["O", None, "O", "B-DATASET", "O", "O", "B-DATASET", "I-DATASET", "O", "O", "O"]
    eg = example(nlp, words, tags, spaces)
    copies = [list(augmenter(nlp, eg))[1] for _ in range(40)]
    cited_after = set()
    for copy in copies:
        reference = copy.reference
        assert [ent.text for ent in reference.ents] == ["SQuAD", "MS MARCO"]
        text = reference.text
        assert CITATION.sub("", text).replace(" ,", ",").replace("  ", " ").replace(" .", ".") == (
            "Datasets such as SQuAD, and MS MARCO help BERT.")
        for match in CITATION.finditer(text):
            cited_after.add(text[:match.start()].rstrip().rsplit(" ", 1)[-1])
            span = reference.char_span(match.start(), match.end())
            assert span is not None and all(token.ent_iob_ == "O" for token in span)
        assert [t.ent_iob_ for t in reference if t.text == "such"] == [""]
        assert [t.text for t in copy.predicted] == [t.text for t in reference] and not copy.predicted.ents
    assert cited_after == {"SQuAD", "MARCO", "BERT"}


def test_a_level_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="level must be within"):
        marks(1.5)
