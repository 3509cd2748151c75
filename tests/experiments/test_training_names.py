"""The training texts' names and their links, on a train, a dev and a test paper of
corpus/scirex/train_docs.jsonl.gz (MS MARCO; WikiText-2; MR), a gold sentence and a seed snippet."""

import json

from dataset_ner.experiments.training_names import COLUMNS, main

from ..conftest import ROOT, invoke_command, write_scirex_papers

LINES = (35, 100, 240)  # test, dev, train paper


def test_the_train_papers_names_are_counted_and_linked_and_no_dev_or_test_name_is_there(tmp_path):
    papers, gold, seeds = tmp_path / "papers.jsonl.gz", tmp_path / "gold.jsonl", tmp_path / "seeds.conll"
    write_scirex_papers(papers, LINES)
    gold.write_text(json.dumps({"id": "g1", "text": "We use MS MARCO and Foo.", "spans": [
        {"start": 7, "end": 15, "label": "DATASET"}, {"start": 20, "end": 23, "label": "DATASET"}]}) + "\n", encoding="utf8")
    seeds.write_text("Results\tO\non\tO\nMS\tB-DAT\nMARCO\tI-DAT\n\n", encoding="utf8")
    held = tmp_path / "held.jsonl"  # the gold sentence again, other spacing: its "Foo" stays out
    held.write_text(json.dumps({"id": "h", "text": "We use MS  MARCO and Foo ."}) + "\n", encoding="utf8")
    invoke_command(main, [ROOT / "corpus/catalogue", tmp_path / "names.tsv", "--gold", gold, "--seeds", seeds, "--scirex", papers,
                          "--exclude", held])
    lines = (tmp_path / "names.tsv").read_text(encoding="utf8").splitlines()
    rows = {row[0]: row[1:] for row in (line.split("\t") for line in lines[1:])}
    assert tuple(lines[0].split("\t")) == COLUMNS
    assert rows["MS MARCO"] == ["10", "ms-marco", "MS MARCO", str(seeds)]  # 9 in the train paper, 1 in the seeds
    assert "Foo" not in rows
    assert "TREC-CAR" in rows
    assert not {"MR", "MR dataset", "Movie Review (MR)", "Penn Treebank", "WikiText-2"} & rows.keys()
    assert list(rows) == sorted(rows, key=lambda name: (-int(rows[name][0]), name))
