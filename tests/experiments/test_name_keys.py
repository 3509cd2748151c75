import pytest

from dataset_ner.experiments.name_keys import key_counts, keyings, read_identity

IDENTITY = {
    "HMDB-51": "hmdb51", "HMDB51 dataset": "hmdb51", "the HMDB51 benchmark": "hmdb51",
    "Penn Treebank": "ptb", "the Penn Treebank (PTB)": "ptb", "PTB": "ptb",
    "ImageNet": "imagenet", "ImageNet-1K": "imagenet1k",
}


def test_name_keys_count_each_dataset_once_where_text_keys_do_not():
    counts = {way: key_counts(IDENTITY, keys) for way, keys in keyings(IDENTITY).items()}
    assert (counts["text"]["keys"], counts["text"]["datasets"]) == (8, 4)
    assert counts["name"]["keys"] == 5  # "PTB" apart
    resolved = counts["name+abbreviations"]
    assert (resolved["keys"], resolved["datasets"], resolved["keys_per_dataset"], resolved["merged"]) == (4, 4, 1.0, [])


def test_a_key_shared_by_two_datasets_is_reported():
    identity = {"CIFAR-10": "cifar10", "CIFAR10 dataset": "cifar10-other"}
    assert key_counts(identity, keyings(identity)["name"])["merged"] == ["cifar10"]


def test_identity_files_are_read_and_bad_rows_named(tmp_path, capsys):
    good = tmp_path / "good.tsv"
    good.write_text("mention\tdataset\nHMDB-51\thmdb51\nImageNet\timagenet\n", encoding="utf8")
    assert read_identity(good) == {"HMDB-51": "hmdb51", "ImageNet": "imagenet"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("mention\tdataset\nHMDB-51\thmdb51\nImageNet\n", encoding="utf8")
    with pytest.raises(SystemExit):
        read_identity(bad)
    assert f"{bad}:3:" in capsys.readouterr().err
