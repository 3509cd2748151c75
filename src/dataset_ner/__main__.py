"""Command line: `python -m dataset_ner extract INPUT... --output OUT` and `python -m dataset_ner report OUT`."""

from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer
from wasabi import msg

from .extraction.extract import DEFAULT_MAX_CHARS, NoConfidence, PipelineSpec
from .extraction.inputs import expand_inputs, iter_items
from .extraction.paper_datasets import DEFAULT_CATALOGUE_EVIDENCE, DEFAULT_DATASET_THRESHOLD, DatasetRule
from .extraction.processes import WorkerFailed
from .extraction.progress import Progress
from .extraction.report import write_report
from .extraction.run_extract import pending_shards, run
from .extraction.shard_inputs import InputNotShared
from .extraction.shards import ERRORS, OutputBusy, OutputDir, SettingsMismatch
from .input_error import InputError, stop
from .json_files import read_jsonl

app = typer.Typer(add_completion=False)


@app.callback()
def main():
    """Find dataset mentions in scientific text with spaCy."""


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Text files, PDFs, folders of them, or .jsonl files"),
    output: Path = typer.Option(..., "--output", help="Output folder (created; rerun the same command to resume)"),
    model: str = typer.Option("en_dataset_ner", help="Pipeline: installed package name or directory"),
    pattern: str = typer.Option("*.txt", "--glob", help="Files to read inside folders, besides every *.pdf (recursive)"),
    id_field: str = typer.Option("id", help="JSONL field holding the document id"),
    text_field: str = typer.Option("text", help="JSONL field holding the text"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size (pieces of text)"),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, help="Longest piece of text given to the pipeline at once"),
    shard_size: int = typer.Option(1000, help="Input documents per output shard"),
    n_process: int = typer.Option(1, min=1, help="Local worker processes, each loading the pipeline"),
    worker_timeout: float = typer.Option(600, min=1, help="Seconds an --n-process worker may take over one batch"),
    workers: int = typer.Option(0, help="Start a local Dask cluster with this many worker processes"),
    scheduler: Optional[str] = typer.Option(None, help="Address of a running Dask scheduler, e.g. tcp://host:8786"),
    int8: bool = typer.Option(False, "--int8", help="Quantise the transformer's Linear layers to int8 (CPU)"),
    min_confidence: float = typer.Option(0.0, min=0.0, max=1.0, help="Drop mentions below this confidence (0 keeps all)"),
    dataset_threshold: float = typer.Option(DEFAULT_DATASET_THRESHOLD, min=0.0, max=1.0,
                                            help="Keep a dataset in a document's list from this paper-level confidence"),
    catalogue_evidence: float = typer.Option(DEFAULT_CATALOGUE_EVIDENCE, min=0.0, max=1.0,
                                             help="The confidence a link to the catalogue adds to a dataset (0: none)"),
    include_references: bool = typer.Option(False, "--include-references",
                                            help="Count mentions in the reference list in the documents' dataset lists"),
):
    """Write the DATASET mentions of every input document, and its dataset list, to OUT/part-*.jsonl, one
    record per document."""
    try:
        files = expand_inputs(inputs, pattern)
    except FileNotFoundError as err:
        stop(err)
    settings = {"inputs": [str(p.resolve()) for p in inputs], "glob": pattern, "id_field": id_field,
                "text_field": text_field, "model": model, "int8": int8, "max_chars": max_chars, "shard_size": shard_size,
                "min_confidence": min_confidence, "dataset_threshold": dataset_threshold,
                "catalogue_evidence": catalogue_evidence, "include_references": include_references}
    try:
        out = OutputDir(output, settings)
    except (SettingsMismatch, OutputBusy) as err:
        stop(err)
    with out:
        n_shards = [0]
        shards = pending_shards(out, iter_items(files), shard_size, id_field, text_field, n_shards)
        progress = Progress()
        try:
            spec = PipelineSpec(model, int8, min_confidence, DatasetRule(dataset_threshold, include_references,
                                                                         catalogue_evidence))
            run(out, shards, spec, batch_size, max_chars, progress, n_process,
                workers, scheduler, worker_timeout)
        except (SettingsMismatch, NoConfidence, InputNotShared) as err:
            stop(err)
        except WorkerFailed as err:
            stop(f"WorkerFailed: {err}")
        progress.close()
        totals = out.finish(n_shards[0])
    msg.good(f"{totals['documents']:,} documents, {totals['mentions']:,} mentions in {n_shards[0]} shards → {output}")
    if totals["errors"]:
        msg.warn(f"{totals['errors']:,} inputs skipped or PDF pages left out (file, line, problem in {output / ERRORS})")
        kinds = Counter(problem["kind"] for _line, problem in read_jsonl(output / ERRORS))
        msg.table(sorted(kinds.items()), header=("problem", "count"), divider=True)


@app.command()
def report(
    folder: Path = typer.Argument(..., help="Output folder of `extract`"),
    output_dir: Optional[Path] = typer.Option(None, help="Where to write report.html and report.md (default: FOLDER)"),
    contexts: int = typer.Option(3, min=0, help="Example contexts per dataset in report.html"),
    top: Optional[int] = typer.Option(None, min=1, help="Only the N datasets found in the most documents"),
    include_references: bool = typer.Option(False, "--include-references",
                                            help="Count mentions in the reference lists too"),
):
    """Write FOLDER/report.html and report.md: the datasets of the documents' lists, by documents, with
    example contexts."""
    try:
        html_path, md_path, found = write_report(folder, output_dir, contexts, top, include_references)
    except InputError as err:
        stop(err)
    msg.good(f"{len(found.datasets):,} datasets in {found.documents:,} documents → {html_path}, {md_path}")
    if found.missing_inputs:
        msg.warn(f"inputs gone, contexts unavailable from: {', '.join(found.missing_inputs)}")


if __name__ == "__main__":
    app()
