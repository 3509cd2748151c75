"""The convert_scirex command on three real papers of corpus/scirex/train_docs.jsonl.gz: the shortest
of train, dev and test."""

import gzip
import json

import spacy
from spacy.tokens import DocBin

from dataset_ner.data.convert_scirex import main

from ..conftest import ROOT, invoke_command

LINES = {240: "train", 100: "dev", 35: "test"}  # line index in the file → the paper's split


def test_three_papers_become_docbins_a_split_and_dev_and_test_sentences(tmp_path):
    papers = tmp_path / "papers.jsonl.gz"
    with gzip.open(ROOT / "corpus/scirex/train_docs.jsonl.gz", "rt", encoding="utf8") as lines, \
            gzip.open(papers, "wt", encoding="utf8") as out:
        rows = [json.loads(line) for i, line in enumerate(lines) if i in LINES]
        out.writelines(json.dumps(row) + "\n" for row in rows)
    invoke_command(main, [papers, "--train-output", tmp_path / "train/scirex.spacy", "--dev-output", tmp_path / "dev/scirex.spacy",
                          "--split-output", tmp_path / "split.json",
                          "--dev-text", tmp_path / "dev_text.jsonl", "--test-text", tmp_path / "test_text.jsonl",
                          "--report", tmp_path / "report.json"])
    by_split = {split: row for (_, split), row in zip(sorted(LINES.items()), rows)}
    split = json.loads((tmp_path / "split.json").read_text(encoding="utf8"))
    assert {name: split[name] for name in ("train", "dev", "test")} == {name: [by_split[name]["doc_id"]] for name in by_split}
    vocab = spacy.blank("en").vocab
    for name in ("train", "dev"):
        docs = list(DocBin().from_disk(tmp_path / name / "scirex.spacy").get_docs(vocab))
        assert len(docs) == len(by_split[name]["sentences"])
        assert any(doc.ents for doc in docs)
        assert {token.ent_iob_ for doc in docs for token in doc} == {"B", "I", "O", ""}  # mentions, negatives, unknown
        assert all(ent.label_ == "DATASET" for doc in docs for ent in doc.ents)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf8"))
    for name in ("dev", "test"):
        text_rows = [json.loads(line) for line in (tmp_path / f"{name}_text.jsonl").read_text(encoding="utf8").splitlines()]
        assert len(text_rows) == len(by_split[name]["sentences"]) == report["splits"][name]["sentences"]
        assert {row["doc_id"] for row in text_rows} == {by_split[name]["doc_id"]}
        assert any(row["spans"] for row in text_rows)
        assert all(row["text"][s["start"]:s["end"]].strip() == row["text"][s["start"]:s["end"]] for row in text_rows for s in row["spans"])


def test_train_sentences_that_overlap_a_held_out_text_are_left_out(tmp_path):
    papers = tmp_path / "papers.jsonl.gz"
    with gzip.open(ROOT / "corpus/scirex/train_docs.jsonl.gz", "rt", encoding="utf8") as lines, \
            gzip.open(papers, "wt", encoding="utf8") as out:
        out.writelines(line for i, line in enumerate(lines) if i in LINES)

    def convert(name, *exclude):
        invoke_command(main, [papers, "--train-output", tmp_path / name / "train.spacy", "--dev-output", tmp_path / name / "dev.spacy",
                              "--split-output", tmp_path / name / "split.json", "--dev-text", tmp_path / name / "dev.jsonl",
                              "--test-text", tmp_path / name / "test.jsonl", "--report", tmp_path / name / "report.json", *exclude])
        vocab = spacy.blank("en").vocab
        return [doc.text for doc in DocBin().from_disk(tmp_path / name / "train.spacy").get_docs(vocab)]

    before = convert("all")
    held_text = before[3].upper().replace(" ", "  ")  # the same words, other case and spacing
    held = tmp_path / "held.jsonl"
    held.write_text(json.dumps({"id": "h", "text": held_text}) + "\n", encoding="utf8")
    after = convert("held", "--exclude", held)
    assert after == before[:3] + before[4:]
    assert json.loads((tmp_path / "held" / "report.json").read_text(encoding="utf8"))["splits"]["train"]["sentences held out"] == 1
    assert (tmp_path / "held" / "dev.spacy").read_bytes() == (tmp_path / "all" / "dev.spacy").read_bytes()
