from collections import Counter

from dataset_ner.data.snippet_text import rebuild_text
from dataset_ner.data.weak_labels import (
    Evidence,
    Lexicon,
    decide,
    drop_reason,
    in_reference,
    person_names,
    split_candidates,
    trim,
    word_bounds,
)


def test_rebuild_text_rejoins_line_break_hyphens():
    text, offsets = rebuild_text(["on", "Sports-", "1M", "-", "x"])
    assert text == "on Sports-1M - x"
    assert [text[s:e] for s, e in offsets] == ["on", "Sports-", "1M", "-", "x"]
    assert rebuild_text(["Sports-", "1M"], rejoin_hyphens=False)[0] == "Sports- 1M"


def test_trim_and_word_bounds():
    text = "on (CINIC-10’s) train"
    assert text[slice(*trim(text, 3, 15))] == "CINIC-10"
    assert word_bounds("on Sports-1M now", 10, 12) == (3, 12)


def test_drop_reasons():
    evidence = Evidence(
        lowercase_vocab=Counter({"benchmark": 5}),
        people=frozenset({"Zhang"}),
        contexts=Counter({"ImageNet": 2, "Zhang": 5, "Figure": 5, "Benchmark": 5, "Keith": 1}),
        denylist=frozenset({"Figure"}),
    )
    expected = {
        "": "punctuation_only",
        "The": "stopword",
        "51": "number_fragment",
        "5.10−2": "number_fragment",
        "V2": "too_short",
        "learning": "lowercase_word",
        "https://x.org/CoqGym": "url",
        "h(0)i": "brackets",
        "Re-lation": "word_broken_by_hyphen",
        "Figure": "not_a_dataset_list",
        "Zhang": "person_name",
        "Benchmark": "capitalised_common_word",
        "Keith": "no_dataset_context",
        "ImageNet": None,
        "FB15k-237": None,
    }
    assert {mention: drop_reason(mention, evidence) for mention in expected} == expected


def test_evidence_counts_dataset_contexts():
    evidence = Evidence.from_texts(["results on the Kinetics test set", "the UCF101 dataset, by J. Smith"])
    assert evidence.contexts["Kinetics"] == 1 and evidence.contexts["UCF101"] == 1
    assert evidence.contexts["J."] == 0 and evidence.people == {"Smith"}


def test_people_and_references():
    assert person_names(["by J. Smith and Wang, Y. on data"]) == {"Smith", "Wang"}
    assert in_reference("Zhang et al. show")
    assert not in_reference("results on ImageNet")


def test_fragments_are_parts_of_longer_names_seen_at_edges():
    mentions = [("IJB-A", False)] * 3 + [("IJB", True)] * 3 + [("Kinetics", False)] * 3 + [("Kinetics-400", False)] * 2
    lexicon, fragments = split_candidates(mentions, min_count=2, max_edge_share=0.5)
    assert fragments == {"IJB"}
    assert lexicon.names == {"IJB-A", "Kinetics", "Kinetics-400"}
    assert lexicon.find("on Kinetics-400 and IJB-A, not IJB") == [(3, 15), (20, 25)]


def test_decide_repairs_merges_and_drops():
    lexicon = Lexicon(["Something-Something V2", "UCF101"])
    evidence = Evidence(Counter(), frozenset(), Counter({"ZooBase": 3, "IJB": 3}))
    args = (lexicon, frozenset({"IJB"}), evidence, True, True)
    text = "on Something-Something V2, UCF101, IJB"
    merged = decide(text, 23, 25, *args)
    assert (merged.action, text[merged.start : merged.end]) == ("repaired", "Something-Something V2")
    assert "merged_fragment" in merged.reason
    trimmed = decide(text, 27, 34, *args)
    assert (trimmed.action, trimmed.reason, text[trimmed.start : trimmed.end]) == ("repaired", "trimmed_punctuation", "UCF101")
    assert decide(text, 35, 38, *args).reason == "name_fragment"
    assert decide("a ZooBase b", 2, 9, *args).reason == "rare_string"
