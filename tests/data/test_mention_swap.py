"""The mention-swap augmenter puts names seen in earlier examples in place of a mention's name."""

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry


@pytest.fixture
def nlp():
    return spacy.blank("en")


def example(nlp, words, tags):
    reference = Doc(nlp.vocab, words=words, ents=tags)
    return Example(Doc(nlp.vocab, words=words), reference)


def swap(level, seed=0):
    return registry.resolve({"a": {"@augmenters": "dataset_ner.mention_swap.v1", "level": level, "seed": seed}})["a"]


def test_level_zero_yields_each_example_once(nlp):
    augmenter = swap(0.0)
    eg = example(nlp, ["We", "use", "MNIST", "."], ["O", "O", "B-DATASET", "O"])
    assert list(augmenter(nlp, eg)) == [eg]


def test_the_copy_holds_a_known_name_before_the_mention_s_head_noun(nlp):
    augmenter = swap(1.0)
    first = example(nlp, ["Pascal", "VOC", "2007", "is", "used", "."], ["B-DATASET", "I-DATASET", "I-DATASET", "O", "O", "O"])
    list(augmenter(nlp, first))
    second = example(nlp, ["On", "the", "UCF101", "data", "set", "we", "train", "."],
                     ["O", "O", "B-DATASET", "I-DATASET", "I-DATASET", "O", "O", "O"])
    copies = [list(augmenter(nlp, second))[1] for _ in range(20)]
    mentions = {tuple(ent.text for ent in copy.reference.ents) for copy in copies}
    assert mentions == {("Pascal VOC 2007 data set",), ("UCF101 data set",)}
    for copy in copies:
        assert copy.reference.text.startswith("On the ") and copy.reference.text.endswith(" data set we train . ")
        assert [t.text for t in copy.predicted] == [t.text for t in copy.reference]
        assert not copy.predicted.ents


def test_missing_annotation_stays_missing(nlp):
    augmenter = swap(1.0)
    eg = example(nlp, ["MNIST", "and", "Foo", "."], ["B-DATASET", "O", None, "O"])
    copy = list(augmenter(nlp, eg))[1]
    assert [t.ent_iob_ for t in copy.reference] == ["B", "O", "", "O"]


def test_a_mention_that_is_only_a_head_noun_is_kept_and_never_lent(nlp):
    augmenter = swap(1.0)
    eg = example(nlp, ["The", "dataset", "and", "MNIST", "."], ["O", "B-DATASET", "O", "B-DATASET", "O"])
    copy = list(augmenter(nlp, eg))[1]
    assert [ent.text for ent in copy.reference.ents] == ["dataset", "MNIST"]
    alone = example(nlp, ["The", "corpus", "."], ["O", "B-DATASET", "O"])
    assert len(list(augmenter(nlp, alone))) == 1


def test_the_same_seed_makes_the_same_copies(nlp):
    names = [["A1"], ["B2", "x"], ["C3"], ["D4"]]
    egs = [example(nlp, words + ["set", "."], ["B-DATASET"] + ["I-DATASET"] * (len(words) - 1) + ["O", "O"]) for words in names]

    def run(seed):
        augmenter = swap(0.5, seed)
        return [eg.reference.text for e in egs for eg in augmenter(nlp, e)]

    assert run(3) == run(3)


@pytest.mark.parametrize("level", [-0.1, 1.5])
def test_level_outside_zero_to_one_is_refused(level):
    with pytest.raises(ValueError, match="level"):
        swap(level)
