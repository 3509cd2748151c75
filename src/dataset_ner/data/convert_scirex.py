"""Convert the SciREX papers into silver DocBins (train and dev papers), the paper split and the dev
and test papers' sentences for hand annotation."""

from collections import Counter
from pathlib import Path
from typing import List, Optional

import spacy
import typer
from spacy.tokens import DocBin
from wasabi import msg

from ..input_error import InputError, stop
from ..json_files import write_json, write_jsonl
from ..pipeline.vocabulary import LABEL
from .held_out import HeldOut, read_held_out
from .scirex import NEGATIVE_TYPES, Paper, example_doc, examples, read_papers, train_vocabulary
from .reviewed import Reviewed
from .scirex_split import DEV_SHARE, TEST_SHARE, split_of, split_papers

SPLIT_RULE = (f"SHA-1 of 'scirex:' + doc_id, first 4 bytes as a number in [0, 1): test below {TEST_SHARE}, "
              f"dev below {TEST_SHARE + DEV_SHARE:.2f}, train above (scirex_split.py)")


def main(
    papers_path: Path = typer.Argument(..., help="SciREX papers, JSON Lines, gzipped or not (corpus/scirex/train_docs.jsonl.gz)"),
    train_output: Path = typer.Option(..., help="DocBin of the train papers' sentences"),
    dev_output: Path = typer.Option(..., help="DocBin of the dev papers' sentences"),
    split_output: Path = typer.Option(..., help="JSON with the rule and the paper ids of each split"),
    dev_text: Path = typer.Option(..., help="JSONL of the dev papers' sentences (id, doc_id, text, silver spans) for annotators"),
    test_text: Path = typer.Option(..., help="JSONL of the test papers' sentences (id, doc_id, text, silver spans) for annotators"),
    report: Path = typer.Option(..., help="JSON with the counts of sentences, spans and cleaning decisions per split"),
    exclude: List[Path] = typer.Option([], help="JSONL files (id, text) of held-out texts: a train sentence that overlaps one is left out"),
    reviewed_path: Optional[Path] = typer.Option(None, "--reviewed", help="JSONL (id, text, spans) of train sentences reviewed by hand: their spans replace the silver labels, every other token O"),
):
    """Write the silver DocBins (less the train sentences that overlap a held-out text; a train
    sentence reviewed by hand with its reviewed mentions), the split, the dev and test sentences and a
    report."""
    try:
        papers = list(read_papers(papers_path))
        held_out = read_held_out(exclude)
        reviewed = Reviewed(reviewed_path)
        docs, rows, counts, decisions, split_ids = convert(papers, held_out, reviewed)
    except InputError as err:
        stop(err)
    for split, path in (("train", train_output), ("dev", dev_output)):
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs[split], store_user_data=False).to_disk(path)
    write_json(split_output, {"rule": SPLIT_RULE, **split_ids})
    write_jsonl(dev_text, rows["dev"])
    write_jsonl(test_text, rows["test"])
    write_json(report, {"splits": {name: dict(count) for name, count in counts.items()}, "decisions": dict(decisions.most_common())})
    msg.table([(name, count["papers"], count["sentences"], count[f"{LABEL} spans"], count["negative spans (Method/Task/Metric)"])
               for name, count in counts.items()], header=("split", "papers", "sentences", f"{LABEL}", "negatives"))
    msg.good(f"{train_output}, {dev_output}, {split_output}, {dev_text}, {test_text}, {report}")


def convert(papers: List[Paper], held_out: HeldOut, reviewed: Reviewed):
    """The train and dev papers' Docs, the dev and test papers' sentences (silver spans), the counts
    per split, the cleaning decisions and the split's paper ids."""
    spellings, known = train_vocabulary(papers)
    nlp = spacy.blank("en")
    decisions: Counter = Counter()
    split_ids = split_papers(paper.doc_id for paper in papers)
    docs = {"train": [], "dev": []}
    rows, counts = {"dev": [], "test": []}, {name: Counter() for name in split_ids}
    held_ids = set()
    for paper in papers:
        split = split_of(paper.doc_id)
        count = counts[split]
        count["papers"] += 1
        for example in examples(paper, spellings, known, decisions):
            count["sentences"] += 1
            count["material spans"] += len(example.materials)
            count[f"{LABEL} spans"] += len(example.mentions)
            count["negative spans (Method/Task/Metric)"] += sum(label in NEGATIVE_TYPES for *_, label in example.outside)
            if split in rows:
                rows[split].append({"id": example.id, "doc_id": example.doc_id, "text": example.text,
                             "spans": [{"start": s, "end": e, "label": LABEL} for s, e in example.mentions]})
            if split == "test":
                continue
            if split == "train" and held_out.overlaps(example.text):
                count["sentences held out"] += 1
                held_ids.add(example.id)
                continue
            doc = reviewed.doc(nlp, example.id, example.text) if split == "train" else None
            if doc is None:
                doc = example_doc(nlp, example)
            else:
                reviewed_spans = {(ent.start_char, ent.end_char) for ent in doc.ents}
                count["sentences reviewed by hand"] += 1
                count[f"{LABEL} spans reviewed by hand"] += len(reviewed_spans)
                count[f"silver {LABEL} spans of reviewed sentences"] += len(example.mentions)
                count[f"silver {LABEL} spans kept by the review"] += len(reviewed_spans & set(example.mentions))
            count["tokens"] += len(doc)
            count["tokens missing"] += sum(token.ent_iob_ == "" for token in doc)
            docs[split].append(doc)
    reviewed.check_all_used(held_ids)
    return docs, rows, counts, decisions, split_ids


if __name__ == "__main__":
    typer.run(main)
