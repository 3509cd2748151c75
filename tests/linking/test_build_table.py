"""The cleaning rules of the alias table, on catalogue rows written as the two catalogues have them,
and the committed table they built."""

import pytest

from dataset_ner.linking.alias_table import NIL, Sense, read_table, write_table
from dataset_ner.linking.build_table import build

from ..conftest import ROOT


def pwc(slug, name, variants=(), full_name=None, year=None, url=True):
    return {"slug": slug if url else None, "name": name, "full_name": full_name, "variants": list(variants),
            "year": year, "pwc_url": f"https://paperswithcode.com/dataset/{slug}" if url else None}


def codesota(entry_id, name, full_name=None):
    return {"id": entry_id, "name": name, "fullName": full_name, "paperUrl": None, "downloadUrl": None, "year": 2024}


ROWS = [
    pwc("penn-treebank", "Penn Treebank", ["Penn Treebank", "PTB", "Penn Treebank (Character Level)"]),
    pwc("market-1501", "Market-1501", ["Duke to Market", "Market-1501", "DukeMTMC-reID->Market-1501"]),
    pwc("cifar-10", "CIFAR-10", ["CIFAR-10, 4000 Labels", "Sequential CIFAR-10", "CIFAR10 100k"]),
    pwc("cifar10", "CIFAR10"),
    pwc("pascal-voc", "PASCAL VOC", ["PASCAL VOC 2007", "PASCAL VOC 2012", "VOC12"], "PASCAL Visual Object Classes Challenge"),
    pwc("pascal-voc-2007", "PASCAL VOC 2007"),
    pwc("squad", "SQuAD", ["SQuAD2.0", "SQuAD1.1"], "Stanford Question Answering Dataset"),
    pwc("dailydialog", "DailyDialog"),
    pwc("dailydialog-1", "DailyDialog++"),
    pwc("amazon-reviews", "Amazon", ["Amazon Reviews"]),
    pwc("ctb-a", "CTB-A", ["CTB"]),
    pwc("ctb-b", "CTB-B", ["CTB"]),
    pwc("tweetqa", "TWEETQA", url=False),
]
CODESOTA = [codesota("1", "SQuAD", "Stanford Question Answering Dataset"), codesota("2", "MMLU-Pro"),
            codesota("mmlu-pro", "MMLU-Pro")]


def aliases_of(table, entry_id):
    return sorted(alias.alias for alias in table.aliases if alias.id == entry_id)


def test_leaderboard_names_and_other_settings_are_no_aliases():
    table = build(ROWS, CODESOTA)
    assert aliases_of(table, "market-1501") == ["Market-1501", "Market-1501"]  # its name, and the variant
    assert "CIFAR-10, 4000 Labels" not in aliases_of(table, "cifar-10")
    assert "Sequential CIFAR-10" not in aliases_of(table, "cifar-10")
    assert "Penn Treebank (Character Level)" not in aliases_of(table, "penn-treebank")


def test_full_names_and_abbreviations_are_aliases():
    index = build(ROWS, CODESOTA).index()
    assert index["ptb"] == [("penn-treebank", "variant")]
    assert index["stanfordquestionanswering"] == [("squad", "full_name")]  # "Dataset" dropped as in mentions
    assert index["squad20"] == [("squad", "variant")]


def test_a_version_with_an_entry_of_its_own_keeps_its_name():
    index = build(ROWS, CODESOTA).index()
    assert index["pascalvoc2007"] == [("pascal-voc-2007", "name")]
    assert index["pascalvoc2012"] == [("pascal-voc", "variant")]


def test_a_version_takes_the_spellings_of_its_dataset_and_the_dataset_loses_them():
    rows = [pwc("pascal-voc", "PASCAL VOC", ["PASCAL VOC 2012", "PASCAL VOC 2012 test", "PASCAL VOC 2011"],
                "PASCAL Visual Object Classes Challenge"),
            pwc("pascal-voc-2007", "PASCAL VOC 2007"),
            pwc("voc-2012", "VOC 2012", [], "The PASCAL Visual Object Classes Challenge 2012"),
            pwc("kitti", "KITTI", [], "KITTI Vision Benchmark"), pwc("kitti-2015", "KITTI 2015"),
            pwc("kvb-2015", "KITTI Vision Benchmark 2015")]
    index = build(rows, []).index()
    assert index["voc2007"] == [("pascal-voc-2007", "derived")]  # as "VOC 2012" is written
    assert index["pascalvisualobjectclasseschallenge2007"] == [("pascal-voc-2007", "derived")]
    assert index["pascalvoc2012"] == [("voc-2012", "derived")] and "pascalvoc2012test" not in index
    assert index["pascalvoc2011"] == [("pascal-voc", "variant")]  # no entry of its own
    assert index["kitti2015"] == [("kitti-2015", "name")]  # a key of another entry stays its own
    assert index["kittivisionbenchmark2015"] == [("kvb-2015", "name")]


def test_a_variant_that_begins_with_a_longer_name_of_another_entry_is_no_alias():
    rows = [pwc("clue", "CLUE", ["ClueWeb09-B", "CLUE"]), pwc("clueweb09", "ClueWeb09"),
            pwc("coco", "COCO", ["COCO-Stuff 256x256", "COCO 2017"]), pwc("coco-stuff", "COCO-Stuff")]
    index = build(rows, [codesota("clueweb09-b", "clueweb09-b")]).index()
    assert index["clueweb09b"] == [("codesota-clueweb09-b", "name")]  # no longer known as CLUE's
    assert "cocostuff256x256" not in index and index["coco2017"] == [("coco", "variant")]


def test_ambiguous_aliases_keep_all_their_candidates_and_platforms_are_none():
    index = build(ROWS, CODESOTA).index()
    assert sorted(index["ctb"]) == [("ctb-a", "variant"), ("ctb-b", "variant")]
    assert "amazon" not in index and index["amazonreviews"] == [("amazon-reviews", "variant")]


def test_duplicates_merge_but_a_plus_names_another_dataset():
    table = build(ROWS, CODESOTA)
    index = table.index()
    assert index["cifar10"] == [("cifar-10", "name")] and "cifar10" not in table.entries
    assert sorted(index["dailydialog"]) == [("dailydialog", "name"), ("dailydialog-1", "name")]
    assert [i for i in table.entries if i.startswith("codesota")] == ["codesota-2"]  # codesota-1 is PwC's SQuAD
    assert index["tweetqa"] == [("tweetqa", "name")]  # a row without a URL: its name, hyphenated


def test_the_table_round_trips_through_its_files(tmp_path):
    table = build(ROWS, CODESOTA)._replace(notice="CC BY-SA 4.0\n")
    write_table(tmp_path, table)
    again = read_table(tmp_path)
    assert again.entries == table.entries and sorted(again.aliases) == sorted(set(table.aliases))
    assert again.notice == "CC BY-SA 4.0\n"


def test_senses_travel_with_the_table_and_a_bad_line_is_named(tmp_path):
    table = build(ROWS, CODESOTA)
    sense = Sense("tweetqa", "tweetqa", "tweets twitter", "a test sense")
    write_table(tmp_path, table._replace(senses=(sense, sense._replace(id=NIL))))
    assert read_table(tmp_path).senses == (sense, sense._replace(id=NIL))
    only_sensed = sense._replace(key="tweets")  # a key no alias has: linked only by its sense
    write_table(tmp_path, table._replace(senses=(sense, only_sensed)))
    assert read_table(tmp_path).senses == (sense, only_sensed)
    for bad in (only_sensed._replace(id=NIL), sense._replace(id="nosuchid"), sense._replace(words=" ")):
        write_table(tmp_path, table._replace(senses=(sense, bad)))
        with pytest.raises(ValueError, match=r"senses.tsv: line 3: expected an id of entries.tsv, or NIL for a key of aliases.tsv"):
            read_table(tmp_path)


def test_the_committed_table_and_its_notice():
    table = read_table(ROOT / "corpus/catalogue")
    index = table.index()
    assert len(table.entries) > 6000
    for key, entry_id in [("ptb", "penn-treebank"), ("ilsvrc2015", "imagenet"), ("squad20", "squad"),
                          ("market1501", "market-1501"), ("stanfordquestionanswering", "squad"),
                          ("voc2007", "pascal-voc-2007"), ("pascalvoc2012", "voc-2012")]:
        assert index[key] == [(entry_id, index[key][0][1])], key
    assert "arxiv" not in index  # the preprint server, not the citation graph Papers with Code names "arXiv"
    assert {"hard", "real", "animal", "drop"} <= table.capitals_only and "coco" not in table.capitals_only  # rule 10
    assert {"art", "and", "places", "wine"} <= table.common_words and not table.common_words & table.capitals_only  # rule 12
    assert "CC BY-SA 4.0" in table.notice and "CC BY 4.0" in table.notice


def test_one_full_name_that_is_the_name_of_one_of_them_is_one_dataset():
    rows = [pwc("mpii", "MPII", ["MPII"], "MPII Human Pose"), pwc("mpii-human-pose", "MPII Human Pose", [], "MPII Human Pose"),
            pwc("sts-benchmark", "STS Benchmark"), pwc("sts-2012-2016", "Semantic Textual Similarity (2012 - 2016)", [], "STS")]
    table = build(rows, [])
    index = table.index()
    assert "mpii-human-pose" not in table.entries and index["mpiihumanpose"] == [("mpii", "name")]
    assert {"sts-benchmark", "sts-2012-2016"} <= table.entries.keys()  # "STS" is not "STS Benchmark", letter for letter


def test_derived_aliases_ms_and_an_initial_only_where_they_add_a_key_of_one_entry():
    rows = [pwc("coco", "COCO", [], "Microsoft Common Objects in Context"), pwc("mnist", "MNIST"),
            pwc("fashion-mnist", "Fashion-MNIST"), pwc("kuzushiji-mnist", "Kuzushiji-MNIST"), pwc("kmnist", "KMNIST"),
            pwc("pku-mmd", "PKU-MMD"), pwc("mmd", "MMD"), pwc("msr-vtt", "MSR-VTT", [], "Microsoft Research Video to Text")]
    table = build(rows, [])
    index = table.index()
    assert index["mscoco"] == [("coco", "derived")] and index["fmnist"] == [("fashion-mnist", "derived")]
    assert index["microsoftcoco"] == [("coco", "derived")]
    assert index["kmnist"] == [("kmnist", "name")]  # a key already in the table derives nothing
    assert "pmmd" not in index  # "PKU" is no word in title case
    assert "msmsrvtt" not in index  # a name that starts with "MS" gets no second one


def test_the_name_of_several_versions_without_a_version_names_none_of_them():
    rows = [pwc("ontonotes-4-0", "OntoNotes 4.0", ["OntoNotes 4.0"]), pwc("ontonotes-5-0", "OntoNotes 5.0", ["OntoNotes"]),
            pwc("fewrel", "FewRel", ["FewRel"]), pwc("fewrel-2-0", "FewRel 2.0")]
    index = build(rows, []).index()
    assert "ontonotes" not in index and index["ontonotes50"] == [("ontonotes-5-0", "name")]
    assert index["fewrel"] == [("fewrel", "name")]  # the name of an entry of its own stays


def test_aliases_by_hand_add_keys_the_table_lacks_and_a_clash_names_its_line():
    by_hand = [(2, "Microsoft Penn Treebank", "penn-treebank"), (3, "PTB", "penn-treebank"), (4, "SQuAD 1", "squad")]
    index = build(ROWS, CODESOTA, by_hand).index()
    assert index["microsoftpenntreebank"] == [("penn-treebank", "by_hand")]
    assert index["ptb"] == [("penn-treebank", "variant")]  # already known: nothing added
    with pytest.raises(ValueError, match="line 5: the table has 'Penn Treebank' for"):
        build(ROWS, CODESOTA, [(5, "Penn Treebank", "squad")])
    # a key that the catalogue lists only as variants of another dataset: the line replaces them
    assert build(ROWS, CODESOTA, [(5, "PTB", "squad")]).index()["ptb"] == [("squad", "by_hand")]
    assert "ptb" not in build(ROWS, CODESOTA, [(5, "PTB", "NIL")]).index()
    with pytest.raises(ValueError, match="line 6: 'no-such-id' is no entry"):
        build(ROWS, CODESOTA, [(6, "Foo", "no-such-id")])
    # a NIL line is a decision about its key: a linked name of that key contradicts it, "+" apart
    nil = [(2, "Treebank", "NIL"), (3, "Treebank+", "penn-treebank")]
    assert build(ROWS, CODESOTA, nil).index()["treebank"] == [("penn-treebank", "by_hand")]
    with pytest.raises(ValueError, match="line 4: 'Treebank dataset' has the key of line 2, which is NIL"):
        build(ROWS, CODESOTA, nil + [(4, "Treebank dataset", "penn-treebank")])


def test_common_words_in_capitals_are_linked_only_so_written_and_travel_with_the_table(tmp_path):
    rows = ROWS + [pwc("hard", "HARD"), pwc("record", "ReCoRD"), pwc("places", "Places"), pwc("mind", "MIND", ["Mind"]),
                   pwc("coco", "COCO")]
    table = build(rows, CODESOTA, is_common={"hard", "record", "places", "mind", "squad"}.__contains__)
    # not "places" (title case), "mind" (also written "Mind"), "coco" (no common word)
    assert table.capitals_only == {"hard", "record", "squad"}
    assert table.common_words == {"places", "mind"}  # rule 12: common words not only in capitals
    assert build(rows, CODESOTA).capitals_only == build(rows, CODESOTA).common_words == frozenset()  # no word list
    write_table(tmp_path, table)
    assert (tmp_path / "capitals_only.txt").read_text() == "hard\nrecord\nsquad\n"
    assert read_table(tmp_path).capitals_only == {"hard", "record", "squad"}
    assert read_table(tmp_path).common_words == {"places", "mind"}
    (tmp_path / "capitals_only.txt").write_text("hard\nnosuchkey\n")
    with pytest.raises(ValueError, match="capitals_only.txt: keys not in aliases.tsv: \\['nosuchkey'\\]"):
        read_table(tmp_path)


def test_two_character_keys_are_no_aliases_unless_they_end_in_plus_or_come_by_hand():
    rows = ROWS + [pwc("ap", "AP", ["AP", "Adversarial Paraphrase"], "Adversarial Paraphrase"),
                   pwc("ck", "CK+", ["CK+"], "Extended Cohn-Kanade dataset"),
                   pwc("universal-dependencies", "Universal Dependencies", ["UD"])]
    index = build(rows, CODESOTA, [(2, "UD", "universal-dependencies")]).index()
    assert "ap" not in index  # the Associated Press collection, average precision, ...
    assert index["adversarialparaphrase"] == [("ap", "full_name")]  # its full name stays
    assert index["ck"] == [("ck", "name")]
    assert index["ud"] == [("universal-dependencies", "by_hand")]
    assert "ud" not in build(rows, CODESOTA).index()
