"""Which training texts overlap a held-out text: real pairs of seed snippets and seed-gold or TDMSci
test texts (corpus/seeds, corpus/seed_gold/sample.jsonl, corpus/tdmsci/test.jsonl)."""

import pytest

from dataset_ner.data.held_out import HeldOut, read_held_out, words
from dataset_ner.input_error import InputError

from ..conftest import write_jsonl

SEED_GOLD = "1M and ActivityNet, YouTube-8M is not"
TDMSCI = ("To create a dataset without this property, Toutanova and Chen (2015) introduced FB15k-237 -a subset "
          "of FB15k where inverse relations are removed.")


def test_words_drop_spacing_punctuation_and_case():
    assert words("- proaches were") == words("-proaches were") == ("proaches", "were")
    assert words("FB15k-237 -a subset") == ("fb15k", "237", "a", "subset")


@pytest.mark.parametrize("text", [
    "frames. Therefore, unlike Sports-1M and ActivityNet, YouTube-8M is not restricted to",  # holds the short text
    "given its frames. Therefore, unlike Sports-1M and ActivityNet, YouTube-8M is not",
    "1M and ActivityNet, YouTube-8M is not",
    "Toutanova and Chen (2015) introduced FB15k-237 – a subset of FB15k",  # 8 words in a row, other dash
    "-237 – a subset of FB15k where inverse relations are removed",
])
def test_a_copy_a_shifted_window_or_a_longer_snippet_overlaps(text):
    assert HeldOut([SEED_GOLD, TDMSCI]).overlaps(text)


@pytest.mark.parametrize("text", [
    "1M and ActivityNet",  # a short piece inside a held-out text: not counted
    "the state of the art",
    "on Sports-1M and ActivityNet, YouTube-8M was used",
    "Toutanova and Chen (2015) introduced FB15k-237",  # 7 words in a row
    "",
])
def test_a_shared_name_or_phrase_does_not_overlap(text):
    assert not HeldOut([SEED_GOLD, TDMSCI]).overlaps(text)


def test_a_held_out_text_under_three_words_holds_nothing_out():
    assert not HeldOut(["on ImageNet", "CIFAR-10"]).overlaps("results on CIFAR-10 and on ImageNet")


def test_held_out_texts_are_read_from_jsonl_and_a_bad_line_is_named(tmp_path):
    good = write_jsonl(tmp_path / "held.jsonl", [{"id": "a", "text": SEED_GOLD}])
    assert read_held_out([good]).overlaps("unlike Sports-1M and ActivityNet, YouTube-8M is not restricted")
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "a", "text": SEED_GOLD}, {"id": "b"}])
    with pytest.raises(InputError) as err:
        read_held_out([good, bad])
    assert err.value.line == 2 and "bad.jsonl" in str(err.value)
