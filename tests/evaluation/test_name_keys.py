import pytest

from dataset_ner.evaluation.name_keys import KEYS, key_counts, read_identity

IDENTITY = {
    "HMDB-51": "hmdb51", "HMDB51 dataset": "hmdb51", "the HMDB51 benchmark": "hmdb51",
    "Penn Treebank": "ptb", "the Penn Treebank (PTB)": "ptb", "ImageNet": "imagenet", "ImageNet-1K": "imagenet1k",
}


def test_name_keys_count_each_dataset_once_where_text_keys_do_not():
    text, name = key_counts(IDENTITY, KEYS["text"]), key_counts(IDENTITY, KEYS["name"])
    assert (text["keys"], text["datasets"]) == (7, 4)
    assert (name["keys"], name["datasets"], name["keys_per_dataset"], name["merged"]) == (4, 4, 1.0, [])


def test_a_key_shared_by_two_datasets_is_reported():
    counts = key_counts({"CIFAR-10": "cifar10", "CIFAR10 dataset": "cifar10-other"}, KEYS["name"])
    assert counts["merged"] == ["cifar10"]


def test_identity_files_are_read_and_bad_rows_named(tmp_path, capsys):
    good = tmp_path / "good.tsv"
    good.write_text("mention\tdataset\nHMDB-51\thmdb51\nImageNet\timagenet\n", encoding="utf8")
    assert read_identity(good) == {"HMDB-51": "hmdb51", "ImageNet": "imagenet"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("mention\tdataset\nHMDB-51\thmdb51\nImageNet\n", encoding="utf8")
    with pytest.raises(SystemExit):
        read_identity(bad)
    assert f"{bad}:3:" in capsys.readouterr().err
