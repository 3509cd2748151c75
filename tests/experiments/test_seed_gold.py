import json

import pytest

from dataset_ner.data.gold import Sentence, read_gold
from dataset_ner.experiments.seed_gold import agreement, in_test, main, settle
from dataset_ner.experiments.seed_sample import distinct_texts
from dataset_ner.experiments.seed_sample import main as sample_main

from ..conftest import invoke_command, write_jsonl

A = [Sentence("s-1", "on HMDB-51 and UCF101", ((3, 10), (15, 21))), Sentence("s-2", "a CINIC", ()),
     Sentence("s-3", "no name here", ())]
B = [Sentence("s-1", "on HMDB-51 and UCF101", ((3, 10), (15, 21))), Sentence("s-2", "a CINIC", ((2, 7),)),
     Sentence("s-3", "no name here", ())]


def test_agreement_counts_identical_texts_and_mention_f1():
    stats = agreement(A, B)
    assert (stats["identical_texts"], stats["mentions_a"], stats["mentions_b"], stats["common"]) == (2, 2, 3, 2)
    assert stats["f1"] == pytest.approx(0.8)


def test_disagreements_need_a_decision():
    assert [s.spans for s in settle(A, B, {"s-2": ()})] == [((3, 10), (15, 21)), (), ()]
    with pytest.raises(SystemExit):
        settle(A, B, {})


def test_split_by_text_hash_is_stable_and_halves():
    texts = [f"text {i}" for i in range(1000)]
    chosen = [t for t in texts if in_test(t)]
    assert 430 < len(chosen) < 570 and chosen == [t for t in texts if in_test(t)]


def rows(sentences):
    return [{"id": s.id, "text": s.text, "spans": [{"start": a, "end": b} for a, b in s.spans]} for s in sentences]


def test_the_command_writes_gold_dev_test_and_agreement(tmp_path):
    pass_a, pass_b = write_jsonl(tmp_path / "a.jsonl", rows(A)), write_jsonl(tmp_path / "b.jsonl", rows(B))
    decisions = write_jsonl(tmp_path / "d.jsonl", [{"id": "s-2", "spans": [], "why": "CINIC-10 cut at the edge"}])
    invoke_command(main, [pass_a, pass_b, "--decisions", decisions, "--output-dir", tmp_path / "out"])
    gold = list(read_gold(tmp_path / "out/gold.jsonl"))
    split = list(read_gold(tmp_path / "out/dev.jsonl")) + list(read_gold(tmp_path / "out/test.jsonl"))
    assert sorted(s.id for s in split) == [s.id for s in gold] == ["s-1", "s-2", "s-3"]
    assert json.loads((tmp_path / "out/agreement.json").read_text())["identical_texts"] == 2


def test_the_sample_draws_distinct_texts_as_convert_rebuilds_them(weak_conll, tmp_path):
    texts = distinct_texts(weak_conll, min_tokens=4)
    assert "trained on Sports-1M and Kinetics" in texts and "results on the UCF101 dataset" in texts
    # the two "results on the UCF101 dataset" snippets are one text; "of the model" is too short
    assert len(texts) == 3
    invoke_command(sample_main, [weak_conll, tmp_path / "s.jsonl", "--size", 2, "--min-tokens", 4])
    rows = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert len({r["text"] for r in rows}) == 2 and {r["text"] for r in rows} <= set(texts)
    for row in rows:  # the weak label, a hint, as the corpus marks it
        assert [row["text"][w["start"]:w["end"]] for w in row["weak"]] in (["UCF101"], ["1M"], ["HMDB-51,"])
