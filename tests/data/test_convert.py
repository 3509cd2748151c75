import json
import os
import subprocess
import sys

import spacy
from spacy.tokens import DocBin

from dataset_ner.data.conll import read_conll
from dataset_ner.data.convert import Steps, convert_snippets, main

from ..conftest import ROOT, invoke_command, write_jsonl


def convert(path, steps=Steps()):
    return convert_snippets(list(read_conll(path)), steps, spacy.blank("en"))


def test_report_accounts_for_every_snippet_and_span(weak_conll):
    docs, report = convert(weak_conll)
    snippets, spans = report["snippets"], report["spans"]
    assert snippets["read"] == 5
    assert snippets["kept_with_mentions"] + snippets["kept_without_mentions"] + sum(snippets["dropped"].values()) == 5
    assert snippets["dropped"] == {"duplicate_text": 1}
    assert len(docs) == 4
    assert spans["read"] == spans["kept"]["total"] + spans["repaired"]["total"] + spans["dropped"]["total"] == 5
    assert spans["dropped"]["stopword"] == 1
    tokens = report["tokens"]
    assert tokens["entity"] + tokens["outside"] + tokens["missing"] == tokens["total"] == sum(len(d) for d in docs)


def test_clean_docs_have_repaired_names_and_missing_silence(weak_conll):
    docs, report = convert(weak_conll)
    by_text = {doc.text: doc for doc in docs}
    sports = by_text["trained on Sports-1M and Kinetics"]
    # Sports-1M and HMDB-51 are labelled once only: not trusted, and neither entity nor O.
    assert report["spans"]["dropped"]["rare_string"] == 2
    assert not sports.ents
    # Unlabelled name-like tokens are missing, not O.
    assert [(t.text, t.ent_iob_) for t in sports] == [("trained", "O"), ("on", "O"), ("Sports-1", ""), ("M", ""), ("and", "O"), ("Kinetics", "")]
    hmdb = by_text["HMDB-51, and UCF101 videos"]
    # UCF101 is a trusted name (labelled twice elsewhere): completed from the lexicon.
    assert [ent.text for ent in hmdb.ents] == ["UCF101"]
    assert [t.ent_iob_ for t in hmdb][:2] == ["", "O"]
    noise = by_text["of the model"]
    assert not noise.ents and all(t.ent_iob_ == "O" for t in noise)


def test_fragments_are_merged_into_whole_words(weak_conll):
    docs, report = convert(weak_conll, Steps(min_count=1))
    sports = next(doc for doc in docs if doc.text.startswith("trained"))
    assert [ent.text for ent in sports.ents] == ["Sports-1M"]
    assert report["spans"]["repaired"]["extended_to_word"] == 1


def test_naive_keeps_labels_as_they_are(weak_conll):
    docs, report = convert(weak_conll, Steps(False, False, False, False, False, False))
    assert len(docs) == 5
    assert [ent.text for ent in docs[3].ents] == ["the"]
    assert docs[4].ents[0].text == "HMDB-51,"
    assert report["tokens"]["missing"] == 0


def run_convert(tmp_path, name, hash_seed):
    out = tmp_path / f"{name}.spacy"
    subprocess.run(
        [
            sys.executable, "-m", "dataset_ner.data.convert", str(ROOT / "corpus/seeds/dataset_mentions.conll"), str(out),
            "--denylist", str(ROOT / "corpus/not_datasets.txt"), "--report", str(tmp_path / f"{name}.json"),
            "--audit", str(tmp_path / f"{name}.jsonl"),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
    )
    return out


def test_full_conversion_is_deterministic_and_accounted(tmp_path):
    first = run_convert(tmp_path, "a", "1")
    second = run_convert(tmp_path, "b", "2")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    report = json.loads((tmp_path / "a.json").read_text())
    assert report["snippets"]["read"] == 33262
    docs = list(DocBin().from_disk(first).get_docs(spacy.blank("en").vocab))
    assert len(docs) + report["snippets"]["dropped"]["duplicate_text"] == 33262
    audit = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert len(audit) == 200 and all(f"[[{row['mention']}]]" in row["context"] for row in audit)
    kept = {ent.text for doc in docs for ent in doc.ents}
    assert not kept & {"-", "in", "to", "A", "the", ",", "Figure", "IJB"}


def test_snippets_that_overlap_a_held_out_text_stay_out_of_the_docbin(weak_conll, tmp_path):
    held = write_jsonl(tmp_path / "held.jsonl", [{"id": "seed-1", "text": "results on the UCF101 dataset"},
                                                 {"id": "seed-2", "text": "on Sports - 1M and"}])  # inside a snippet, other spacing
    invoke_command(main, [weak_conll, tmp_path / "all.spacy"])
    invoke_command(main, [weak_conll, tmp_path / "out.spacy", "--exclude", held, "--report", tmp_path / "report.json"])
    vocab = spacy.blank("en").vocab
    before = [d.text for d in DocBin().from_disk(tmp_path / "all.spacy").get_docs(vocab)]
    after = [d.text for d in DocBin().from_disk(tmp_path / "out.spacy").get_docs(vocab)]
    out = {"results on the UCF101 dataset", "trained on Sports-1M and Kinetics"}
    assert out <= set(before) and after == [t for t in before if t not in out]
    assert json.loads((tmp_path / "report.json").read_text())["excluded_docs"] == 2
