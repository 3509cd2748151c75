"""The convert_scirex command on three real papers of corpus/scirex/train_docs.jsonl.gz: the shortest
of train, dev and test."""

import json

import spacy
from spacy.tokens import DocBin

from dataset_ner.data.convert_scirex import main

from ..conftest import invoke_command, write_scirex_papers

LINES = {240: "train", 100: "dev", 35: "test"}  # line index in the file → the paper's split


def arguments(papers, out, *options):
    return [papers, "--train-output", out / "train/scirex.spacy", "--dev-output", out / "dev/scirex.spacy",
            "--split-output", out / "split.json", "--dev-text", out / "dev_text.jsonl",
            "--test-text", out / "test_text.jsonl", "--report", out / "report.json", *options]


def train_docs(out):
    return list(DocBin().from_disk(out / "train/scirex.spacy").get_docs(spacy.blank("en").vocab))


def convert(papers, out, *options):
    """Run convert_scirex on `papers` with every output under `out`; the train DocBin's texts."""
    invoke_command(main, arguments(papers, out, *options))
    return [doc.text for doc in train_docs(out)]


def failed_convert(papers, out, *options) -> str:
    """Run convert_scirex expecting exit status 1; its output."""
    return invoke_command(main, arguments(papers, out, *options), exit_code=1).output


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


def reviewed_row(doc_id, index, text, spans):
    return {"id": f"scirex-{doc_id[:12]}-{index}", "text": text,
            "spans": [{"start": a, "end": b, "label": "DATASET"} for a, b in spans]}


def test_a_train_sentence_reviewed_by_hand_takes_its_reviewed_mentions_and_o_elsewhere(tmp_path):
    papers = tmp_path / "papers.jsonl.gz"
    train = next(row for row, split in zip(write_scirex_papers(papers, LINES), [LINES[i] for i in sorted(LINES)])
                 if split == "train")
    convert(papers, tmp_path / "silver")
    before = train_docs(tmp_path / "silver")
    # a sentence with silver mentions and unknown tokens; the review drops its first mention and marks its first word
    index = next(i for i, doc in enumerate(before) if doc.ents and doc.ents[0].start > 0 and any(t.ent_iob_ == "" for t in doc))
    silver = [(e.start_char, e.end_char) for e in before[index].ents]
    text = before[index].text
    marked = [(0, len(before[index][0]))] + silver[1:]
    reviewed = tmp_path / "reviewed.jsonl"
    reviewed.write_text(json.dumps(reviewed_row(train["doc_id"], index, text, marked)) + "\n", encoding="utf8")
    convert(papers, tmp_path / "reviewed", "--reviewed", reviewed)
    after = train_docs(tmp_path / "reviewed")
    assert [(e.start_char, e.end_char, e.label_) for e in after[index].ents] == [(s, e, "DATASET") for s, e in marked]
    assert {token.ent_iob_ for token in after[index] if not token.ent_type_} == {"O"}
    assert [doc.to_json() for i, doc in enumerate(after) if i != index] == [doc.to_json() for i, doc in enumerate(before) if i != index]
    report = json.loads((tmp_path / "reviewed" / "report.json").read_text(encoding="utf8"))["splits"]["train"]
    assert [report[key] for key in ("sentences reviewed by hand", "DATASET spans reviewed by hand",
                                    "silver DATASET spans of reviewed sentences", "silver DATASET spans kept by the review")] == [
        1, len(marked), len(silver), len(silver) - 1]


def test_a_reviewed_sentence_must_be_the_train_papers_sentence(tmp_path):
    papers = tmp_path / "papers.jsonl.gz"
    rows = write_scirex_papers(papers, LINES)
    by_split = {split: row for (_, split), row in zip(sorted(LINES.items()), rows)}
    texts = convert(papers, tmp_path / "silver")
    reviewed = tmp_path / "reviewed.jsonl"
    lines = [reviewed_row(by_split["train"]["doc_id"], 0, texts[0], []),
             reviewed_row(by_split["train"]["doc_id"], 1, texts[1] + " more", [])]
    reviewed.write_text("".join(json.dumps(row) + "\n" for row in lines), encoding="utf8")
    assert f"{reviewed}:2: the text of {lines[1]['id']} is not the paper's sentence" in failed_convert(
        papers, tmp_path / "out", "--reviewed", reviewed)
    dev = reviewed_row(by_split["dev"]["doc_id"], 0, "A dev sentence.", [])
    reviewed.write_text(json.dumps(lines[0]) + "\n" + json.dumps(dev) + "\n", encoding="utf8")
    assert f"{reviewed}:2: {dev['id']} is no sentence of a SciREX train paper" in failed_convert(
        papers, tmp_path / "out", "--reviewed", reviewed)
