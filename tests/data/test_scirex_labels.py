"""The cleaning rule on Material spans as SciREX has them (texts detokenized)."""

import pytest

from dataset_ner.data.scirex_labels import KEEP, MISSING, OUTSIDE, decide, is_languages, split_coordination, trim


def mentions(text, start=0, end=None, spellings=frozenset()):
    decision = decide(text, start, len(text) if end is None else end, spellings)
    return decision.action, decision.reason, [text[s:e] for s, e in decision.spans]


@pytest.mark.parametrize("material", ["real images", "datasets", "abstract scenes", "in-the-wild", "training"])
def test_generic_material_is_outside(material):
    assert mentions(material)[:2] == (OUTSIDE, "generic")


@pytest.mark.parametrize("material", ["-shot", "5-shot", "1-shot"])
def test_shot_settings_are_outside(material):
    assert mentions(material)[:2] == (OUTSIDE, "n-shot")


@pytest.mark.parametrize("material", ["English", "German", "English-German", "English→Russian", "EN RO", "English and French"])
def test_languages_are_outside(material):
    assert mentions(material)[:2] == (OUTSIDE, "languages")


def test_a_language_inside_a_name_keeps_the_name():
    assert not is_languages("WMT'14 English-German")
    assert mentions("WMT'14 English-German")[0] == KEEP


def test_a_bare_number_is_missing_not_outside():
    assert mentions("100")[:2] == (MISSING, "number")


def test_a_lower_case_spelling_of_a_corpus_name_is_kept():
    assert mentions("snli", spellings=frozenset({"snli"})) == (KEEP, "name", ["snli"])
    assert mentions("snli")[0] == OUTSIDE


def test_coordinated_names_are_split_and_the_head_noun_stays_with_the_last():
    text = "We evaluate on the CNN and Daily Mail datasets ."
    assert mentions(text, 19, 46) == (KEEP, "coordination", ["CNN", "Daily Mail datasets"])
    assert mentions("CNN/Daily Mail datasets")[2] == ["CNN", "Daily Mail datasets"]
    assert split_coordination("VOC 2012 training and validation sets", 0, 36) == [(0, 36)]  # "validation sets" is no name


def test_edges_are_trimmed_and_head_nouns_and_splits_taken_in():
    assert mentions("CelebA.")[2] == ["CelebA"]
    text = "Table 2 shows results on the KITTI validation set, and on the Cityscapes dataset."
    kitti, cityscapes = text.index("KITTI"), text.index("Cityscapes")
    assert mentions(text, kitti, kitti + 5)[2] == ["KITTI validation set"]
    assert mentions(text, cityscapes, cityscapes + 10)[2] == ["Cityscapes dataset"]


def test_a_bracketed_abbreviation_stays_inside_but_a_lone_bracket_goes():
    assert trim("Penn Treebank (PTB)", 0, 19) == (0, 19)
    assert trim("(CBT", 0, 4) == (1, 4)
