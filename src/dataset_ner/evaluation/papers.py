"""Paper-level evaluation: extract the papers of one split of a gold file (each a PDF, or a paper's
text) and score each paper's dataset list against its gold datasets.

A reported dataset (a key of the paper's list) is right when it equals the key of the gold
dataset's name or of one of its aliases (keys as the pipeline makes them: name_and_key), or does
so once split words are dropped from the end of its name ("CIFAR-10 test set" → "CIFAR-10":
train, training, dev, development, test, testing, validation, val, valid, held-out, optionally
followed, after a space, a hyphen or nothing, by set(s), split(s), subset(s), portion, partition). Precision: right reported keys of all
papers over reported keys; recall: gold datasets some reported key names, over gold datasets."""

from pathlib import Path
from typing import Dict, List, Optional, Sequence

import spacy
import typer
from wasabi import msg

from ..extraction.extract import extract_records
from ..extraction.inputs import Document
from ..extraction.paper_datasets import (DEFAULT_CATALOGUE_EVIDENCE, DEFAULT_DATASET_THRESHOLD, SPLIT_TAIL, DatasetRule,
                                         paper_datasets)
from ..extraction.pdf_text import PdfDocument, read_pdf
from ..input_error import InputError, stop
from ..json_files import read_jsonl, write_json, write_jsonl
from ..linking.dataset_linker import DATASET_LINKER
from ..pipeline.mention_names import dataset_key, name_and_key
from .scoring import PRF

SPLITS = ("dev", "test")
THRESHOLDS = [round(0.05 * i, 2) for i in range(20)] + [0.99]
EVIDENCES = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


def load_linked(model: str, table: Optional[Path]):
    """The pipeline `model`, with dataset_linker on the alias table folder `table` added last where
    it has none (a trained pipeline before packaging links as the wheel will)."""
    nlp = spacy.load(model)
    if table is not None and DATASET_LINKER not in nlp.pipe_names:
        nlp.add_pipe(DATASET_LINKER).initialize(table=str(table))
    return nlp


def read_papers(path: Path, split: str) -> List[dict]:
    """The gold papers of `split` in a papers file, each checked: an id, a split, a list of datasets
    with a name and a list of aliases, and either a PDF `file` that exists (relative to the folder of
    `path`) or the paper's `text`. InputError naming the file, line and problem otherwise."""
    papers = []
    for line, paper in read_jsonl(path):
        for field, kind in (("id", str), ("split", str), ("datasets", list)):
            if not isinstance(paper.get(field), kind):
                raise InputError(path, line, f"'{field}' must be a {kind.__name__}, got {paper.get(field)!r}")
        if paper["split"] not in SPLITS:
            raise InputError(path, line, f"split {paper['split']!r} is none of {', '.join(SPLITS)}")
        for dataset in paper["datasets"]:
            if not isinstance(dataset, dict) or not isinstance(dataset.get("name"), str) or not isinstance(
                    dataset.get("aliases", []), list):
                raise InputError(path, line, f"a dataset must be {{'name': str, 'aliases': [str]}}, got {dataset!r}")
        has_file = isinstance(paper.get("file"), str)
        if isinstance(paper.get("text"), str) == has_file:
            raise InputError(path, line, "a paper needs either a 'file' (its PDF) or a 'text', not both or neither")
        if has_file and not (path.parent / paper["file"]).is_file():
            raise InputError(path, line, f"{paper['file']}: no such file")
        if paper["split"] == split:
            papers.append({**paper, "line": line})
    return papers


def gold_keys(dataset: dict) -> set:
    """The keys that name a gold dataset: those of its name and aliases, with and without split words at
    their end (a gold "CNN/Daily Mail test set" is named by "CNN/Daily Mail", as reported_keys has it)."""
    return {name_and_key(form)[1] for name in [dataset["name"], *dataset.get("aliases", [])]
            for form in {name, SPLIT_TAIL.sub("", name)}}


def reported_keys(entry: dict) -> set:
    """A reported dataset's key, and its key with split words dropped from the end of its name."""
    return {entry["key"], dataset_key(SPLIT_TAIL.sub("", entry["name"]))}


def score_paper(listed: Sequence[dict], gold: Sequence[dict]) -> dict:
    """Counts and errors of one paper: right reported datasets, gold datasets found, repeats (right
    reported datasets that name only gold datasets an earlier one names: one dataset listed twice),
    false positives, misses."""
    golds = [gold_keys(dataset) for dataset in gold]
    named_by = [{i for i, keys in enumerate(golds) if reported_keys(entry) & keys} for entry in listed]
    named, repeats = set(), 0
    for hits in filter(None, named_by):
        repeats += hits <= named
        named |= hits
    return {"tp_pred": sum(map(bool, named_by)), "tp_gold": len(named), "n_pred": len(listed), "n_gold": len(gold),
            "repeats": repeats, "false_positives": [e["name"] for e, hits in zip(listed, named_by) if not hits],
            "missed": [d["name"] for i, d in enumerate(gold) if i not in named]}


def prf(counts: Sequence[dict]) -> PRF:
    """Micro P/R/F1 over the papers' counts."""
    tp_pred, tp_gold = sum(c["tp_pred"] for c in counts), sum(c["tp_gold"] for c in counts)
    n_pred, n_gold = sum(c["n_pred"] for c in counts), sum(c["n_gold"] for c in counts)
    precision, recall = tp_pred / n_pred if n_pred else 0.0, tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1, tp_pred, tp_gold, n_pred, n_gold)


def extract_papers(nlp, papers: Sequence[dict], folder: Path, path: Path) -> List[dict]:
    """The extraction record of each paper (every mention, sections marked): its text, or its PDF's;
    InputError naming the papers file's line where a PDF cannot be read."""
    documents = []
    for paper in papers:
        if isinstance(paper.get("text"), str):
            documents.append(Document(paper["id"], paper["text"]))
            continue
        document = read_pdf(str(folder / paper["file"]))
        if not isinstance(document, PdfDocument):
            raise InputError(path, paper["line"], f"{paper['file']}: {document.problem}")
        documents.append(document)
    return list(extract_records(nlp, documents, rule=DatasetRule(threshold=0.0)))


def score_papers(papers: Sequence[dict], records: Sequence[dict], rule: DatasetRule) -> dict:
    """P/R/F1 and repeats of the papers' lists by `rule`, and each paper's errors."""
    results = [{"id": paper["id"], **score_paper(paper_datasets(record["mentions"], rule), paper["datasets"])}
               for paper, record in zip(papers, records)]
    return {"scores": {**prf(results).to_dict(), "repeats": sum(r["repeats"] for r in results)}, "papers": results}


def main(
    model: str = typer.Argument(..., help="Pipeline directory or installed package name"),
    papers_file: Path = typer.Option(..., "--papers", help="Gold papers (JSONL: id, split, datasets, and file or text)"),
    split: str = typer.Option(..., help="dev or test"),
    output: Path = typer.Option(..., help="Metrics JSON to write"),
    label: Optional[str] = typer.Option(None, help="Name of the pipeline in the metrics (default: MODEL)"),
    dataset_threshold: float = typer.Option(DEFAULT_DATASET_THRESHOLD, min=0.0, max=1.0,
                                            help="The lists' paper-level confidence threshold"),
    catalogue_evidence: float = typer.Option(DEFAULT_CATALOGUE_EVIDENCE, min=0.0, max=1.0,
                                             help="The confidence a catalogue link adds to a dataset"),
    table: Optional[Path] = typer.Option(None, exists=True, file_okay=False,
                                         help="Alias table folder: add dataset_linker where MODEL has none"),
    records_file: Optional[Path] = typer.Option(None, "--records", help="Also write the papers' extraction records (JSONL)"),
):
    """Extract the SPLIT papers with MODEL and score their dataset lists (reference mentions left
    out) at --dataset-threshold and --catalogue-evidence, and at every pair of a sweep of both
    (choose on dev only); the sweep with the reference mentions counted too shows what leaving them
    out gains."""
    if split not in SPLITS:
        stop(ValueError(f"--split {split!r} is none of {', '.join(SPLITS)}"))
    try:
        papers = read_papers(papers_file, split)
        records = extract_papers(load_linked(model, table), papers, papers_file.parent, papers_file)
    except InputError as err:
        stop(err)
    if records_file:
        write_jsonl(records_file, [{key: value for key, value in r.items() if key != "text"} for r in records])
    result = score_papers(papers, records, DatasetRule(dataset_threshold, False, catalogue_evidence))
    pairs = [(t, e) for e in sorted({*EVIDENCES, catalogue_evidence}) for t in THRESHOLDS]
    sweep = {pair: score_papers(papers, records, DatasetRule(pair[0], False, pair[1]))["scores"] for pair in pairs}
    with_references = [{"threshold": t, **score_papers(papers, records, DatasetRule(t, True, catalogue_evidence))["scores"]}
                       for t in THRESHOLDS]
    best = max(pairs, key=lambda pair: (round(sweep[pair]["f1"], 6), pair))
    write_json(output, {"pipeline": label or model, "split": split, "papers_file": str(papers_file),
                        "n_papers": len(papers), "dataset_threshold": dataset_threshold,
                        "catalogue_evidence": catalogue_evidence, **result,
                        "best_threshold": best[0], "best_catalogue_evidence": best[1],
                        "sweep": [{"threshold": t, "catalogue_evidence": e, **sweep[t, e]} for t, e in pairs],
                        "sweep_with_references": with_references})
    rows = [(t, f"{sweep[t, e]['precision']:.3f}", f"{sweep[t, e]['recall']:.3f}", f"{sweep[t, e]['f1']:.3f}")
            for t, e in pairs if e == catalogue_evidence]
    msg.table(rows, header=("threshold", "P", "R", "F1"), divider=True)
    s = result["scores"]
    msg.good(f"{split}: {len(papers)} papers, at {dataset_threshold} (catalogue evidence {catalogue_evidence}): "
             f"P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}; highest F1 at {best[0]} "
             f"(evidence {best[1]}) → {output}")


if __name__ == "__main__":
    typer.run(main)
