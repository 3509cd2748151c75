"""Words per second of the extraction command's paths on the same documents, measured in one run,
with the exact F1 of each precision on the hand-annotated test sets; and papers and pages per second
of both shipped pipelines on a folder of PDFs (reading and pipeline)."""

import io
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

import pypdfium2 as pdfium
import torch
import typer
from wasabi import MarkdownRenderer, msg

from ..data.gold import Sentence, read_gold
from ..extraction.extract import DEFAULT_MAX_CHARS, PipelineSpec, load_pipeline
from ..extraction.inputs import PDF_SUFFIX, expand_inputs, iter_items
from ..extraction.progress import Progress
from ..extraction.run_extract import pending_shards, run
from ..extraction.shards import OutputDir
from ..evaluation.evaluate_gold import evaluate
from ..evaluation.readme_table import write_table
from ..json_files import write_json, write_jsonl


def write_documents(sentences: List[str], sentences_per_document: int, max_words: int, path: Path) -> int:
    """Join consecutive sentences into paragraph-sized documents, up to `max_words`
    whitespace words, and write them as JSONL; returns the number of documents."""
    documents, words = [], 0
    for start in range(0, len(sentences), sentences_per_document):
        if words >= max_words:
            break
        text = " ".join(sentences[start : start + sentences_per_document])
        documents.append({"id": f"doc-{len(documents)}", "text": text})
        words += len(text.split())
    write_jsonl(path, documents)
    return len(documents)


def time_extraction(documents: Path, model: str, int8: bool, workers: int, batch_size: int, shard_size: int,
                    n_process: int = 1) -> dict:
    """Run the extraction of `documents` (a JSONL file, or a folder of PDFs: read as part of the
    extraction) into a throw-away folder; words/s counted from when the model is loaded (on every
    worker, for Dask and --n-process) to the last shard written."""
    settings = {"model": model, "int8": int8}
    with tempfile.TemporaryDirectory() as folder:
        progress = Progress(every=float("inf"), stream=io.StringIO())
        with OutputDir(Path(folder), settings) as out:
            shards = pending_shards(out, iter_items(expand_inputs([documents])), shard_size, "id", "text", [0])
            run(out, shards, PipelineSpec(model, int8), batch_size, DEFAULT_MAX_CHARS, progress, n_process, workers)
            seconds = time.perf_counter() - progress.start
    return {"documents": progress.documents, "words": progress.words, "seconds": round(seconds, 2),
            "words_per_second": round(progress.words / seconds)}


def exact_f1(model: str, int8: bool, corpora: Dict[str, List[Sentence]]) -> Dict[str, float]:
    """Exact-match F1 of the pipeline, as extraction loads it, on each test corpus."""
    nlp = load_pipeline(PipelineSpec(model, int8))
    return {name: round(evaluate(nlp, sentences, 64)[0]["exact"]["f1"], 4) for name, sentences in corpora.items()}


def time_papers(folder: Path, pipelines: Dict[str, str], batch_size: int) -> List[dict]:
    """Papers/s, pages/s and words/s of each pipeline (name → directory) extracting every PDF under
    `folder`, reading included, one process."""
    pdfs = [f for f in expand_inputs([folder]) if f.suffix.lower() == PDF_SUFFIX]
    pages = 0
    for path in pdfs:
        pdf = pdfium.PdfDocument(str(path))
        pages += len(pdf)
        pdf.close()
    rows = []
    for name, pipeline in pipelines.items():
        msg.info(f"Timing {name} on {len(pdfs)} PDFs")
        speed = time_extraction(folder, pipeline, False, 0, batch_size, len(pdfs))
        rows.append({"pipeline": name, "model": pipeline, "papers": speed["documents"], "pages": pages,
                     "seconds": speed["seconds"], "papers_per_second": round(speed["documents"] / speed["seconds"], 2),
                     "pages_per_second": round(pages / speed["seconds"], 1), "words_per_second": speed["words_per_second"]})
    return rows


def papers_markdown(rows: List[dict]) -> str:
    cells = [[row["pipeline"], str(row["papers"]), str(row["pages"]), f"{row['papers_per_second']:.2f}",
              f"{row['pages_per_second']:.1f}", f"{row['words_per_second']:,}"] for row in rows]
    return MarkdownRenderer().table(cells, ["pipeline", "papers", "pages", "papers/s", "pages/s", "words/s"])


def main(
    model: str = typer.Argument(..., help="The default pipeline (directory or package)"),
    baseline: str = typer.Option(..., help="roberta-base-sized pipeline to compare with (directory)"),
    corpora: List[str] = typer.Option(..., "--corpus", help="NAME=PATH of a hand-annotated test JSONL"),
    output: Path = typer.Option(..., help="JSON file to write"),
    max_words: int = typer.Option(20000, help="Words of test text timed per path"),
    sentences_per_document: int = typer.Option(10, help="Test sentences joined into one document"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size"),
    shard_size: int = typer.Option(10, help="Documents per shard (one Dask task each)"),
    workers: int = typer.Option(2, help="Most Dask workers timed (1 up to this)"),
    page: Optional[Path] = typer.Option(None, help="Markdown page (docs/speed.md) whose extract-speed markers get the table"),
    papers: Optional[Path] = typer.Option(None, help="Folder of PDFs: time both pipelines on them (papers-speed markers)"),
    sm: Optional[str] = typer.Option(None, help="The small pipeline (directory), timed on --papers too"),
):
    """Time MODEL's extraction in fp32 and int8, on 1..WORKERS local Dask workers, and BASELINE in
    fp32, all on the same documents; score MODEL's fp32 and int8 exact F1 on the test corpora; with
    --papers, time MODEL and --sm on a folder of PDFs."""
    gold = {name: list(read_gold(Path(path))) for name, path in (c.split("=", 1) for c in corpora)}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        documents = Path(folder) / "documents.jsonl"
        texts = [sentence.text for sentences in gold.values() for sentence in sentences]
        n_documents = write_documents(texts, sentences_per_document, max_words, documents)
        paths = [("model fp32", model, False, 0), ("model int8", model, True, 0)]
        paths += [(f"model int8, Dask {n} worker{'s' * (n > 1)}", model, True, n) for n in range(1, workers + 1)]
        paths += [("roberta-base-sized fp32", baseline, False, 0)]
        for name, pipeline, int8, n_workers in paths:
            msg.info(f"Timing {name}")
            speed = time_extraction(documents, pipeline, int8, n_workers, batch_size, shard_size)
            rows.append({"path": name, "model": pipeline, "int8": int8, "dask_workers": n_workers, **speed})
    f1 = {precision: exact_f1(model, precision == "int8", gold) for precision in ("fp32", "int8")}
    base = next(r["words_per_second"] for r in rows if r["model"] == baseline)
    for row in rows:
        row["times_baseline"] = round(row["words_per_second"] / base, 1)
        if row["model"] == model:
            row["exact_f1"] = f1["int8" if row["int8"] else "fp32"]
    result = {"documents": n_documents, "torch_threads": torch.get_num_threads(), "paths": rows}
    if papers:
        result["papers"] = time_papers(papers, {"transformer": model, **({"sm": sm} if sm else {})}, batch_size)
    write_json(output, result)
    table = markdown(rows, list(gold))
    if page:
        write_table(page, "extract-speed", table)
        if papers:
            write_table(page, "papers-speed", papers_markdown(result["papers"]))
    print(table)
    if papers:
        print(papers_markdown(result["papers"]))


def markdown(rows: List[dict], corpora: List[str]) -> str:
    """The speed table: path, words/s, multiple of the roberta-base-sized pipeline, exact F1 per corpus."""
    cells = [[row["path"], f"{row['words_per_second']:,}", str(row["times_baseline"]),
              *(f"{row['exact_f1'][c]:.3f}" if "exact_f1" in row else "–" for c in corpora)] for row in rows]
    return MarkdownRenderer().table(cells, ["path", "words/s", "× roberta-base-sized", *(f"exact F1 {c}" for c in corpora)])


if __name__ == "__main__":
    typer.run(main)
