"""The convert_scirex command on three real papers of corpus/scirex/train_docs.jsonl.gz: the shortest
of train, dev and test."""

import json

import spacy
from spacy.tokens import DocBin

from dataset_ner.data.convert_scirex import main

from ..conftest import invoke_command, write_scirex_papers

LINES = {240: "train", 100: "dev", 35: "test"}  # line index in the file → the paper's split


def convert(papers, out, *options):
    """Run convert_scirex on `papers` with every output under `out`; the train DocBin's texts."""
    invoke_command(main, [papers, "--train-output", out / "train/scirex.spacy", "--dev-output", out / "dev/scirex.spacy",
                          "--split-output", out / "split.json", "--dev-text", out / "dev_text.jsonl",
                          "--test-text", out / "test_text.jsonl", "--report", out / "report.json", *options])
    return [doc.text for doc in DocBin().from_disk(out / "train/scirex.spacy").get_docs(spacy.blank("en").vocab)]


def test_three_papers_become_docbins_a_split_and_dev_and_test_sentences(tmp_path):
    papers = tmp_path / "papers.jsonl.gz"
    rows = write_scirex_papers(papers, LINES)
    convert(papers, tmp_path)
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
    write_scirex_papers(papers, LINES)
    before = convert(papers, tmp_path / "all")
    held_text = before[3].upper().replace(" ", "  ")  # the same words, other case and spacing
    held = tmp_path / "held.jsonl"
    held.write_text(json.dumps({"id": "h", "text": held_text}) + "\n", encoding="utf8")
    after = convert(papers, tmp_path / "held", "--exclude", held)
    assert after == before[:3] + before[4:]
    assert json.loads((tmp_path / "held" / "report.json").read_text(encoding="utf8"))["splits"]["train"]["sentences held out"] == 1
    assert (tmp_path / "held" / "dev/scirex.spacy").read_bytes() == (tmp_path / "all" / "dev/scirex.spacy").read_bytes()
