"""Papers per second of `extract` over a folder of PDFs: in this process, and on local Dask clusters
of 1 and 2 workers, where each worker reads, parses and extracts its shards' PDFs. The folder is
`--copies` copies of the given PDFs; every path runs `--repeats` times, interleaved, the best kept.

    python -m dataset_ner.experiments.benchmark_pdf_folder training/sm/model-best \
        --pdf tests/extraction/pdfs/W18-6504.pdf --pdf tests/extraction/pdfs/W19-8623.pdf --output metrics/pdf_folder.json
"""

import io
import shutil
import tempfile
import time
from pathlib import Path
from typing import List

import typer
from wasabi import msg

from ..extraction.extract import DEFAULT_MAX_CHARS, PipelineSpec
from ..extraction.inputs import expand_inputs, iter_items
from ..extraction.processes import cores
from ..extraction.progress import Progress
from ..extraction.run_extract import pending_shards, run
from ..extraction.shards import OutputDir
from ..json_files import write_json
from .benchmark_processes import cpu_name


def time_folder(folder: Path, model: str, workers: int, shard_size: int, batch_size: int) -> dict:
    """Extract every PDF of `folder` into a throw-away output; papers/s from the model loaded (on
    every worker, for Dask) to the last shard written."""
    with tempfile.TemporaryDirectory() as output:
        progress = Progress(every=float("inf"), stream=io.StringIO())
        with OutputDir(Path(output), {"model": model}) as out:
            shards = pending_shards(out, iter_items(expand_inputs([folder])), shard_size, "id", "text", [0])
            run(out, shards, PipelineSpec(model), batch_size, DEFAULT_MAX_CHARS, progress, 1, workers)
            seconds = time.perf_counter() - progress.start
    return {"papers": progress.documents, "words": progress.words, "seconds": round(seconds, 2),
            "papers_per_second": round(progress.documents / seconds, 3)}


def main(
    model: str = typer.Argument(..., help="Pipeline (directory or package)"),
    pdfs: List[Path] = typer.Option(..., "--pdf", help="PDFs copied into the folder (repeat)"),
    output: Path = typer.Option(..., help="JSON file to write"),
    copies: int = typer.Option(50, help="Copies of each PDF"),
    repeats: int = typer.Option(1, min=1, help="Timings of each path, interleaved; the best is kept"),
    shard_size: int = typer.Option(4, help="Papers per shard (one Dask task each)"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size"),
):
    """Time the local path and 1 and 2 Dask workers on the same folder of PDFs, in one run."""
    paths = [("local, 1 process", 0), ("Dask, 1 worker", 1), ("Dask, 2 workers", 2)]
    runs = {name: [] for name, _ in paths}
    with tempfile.TemporaryDirectory() as folder:
        for copy in range(copies):
            for pdf in pdfs:
                shutil.copyfile(pdf, Path(folder) / f"{copy:04d}-{pdf.name}")
        for round_ in range(repeats):
            for name, workers in paths:
                runs[name].append(time_folder(Path(folder), model, workers, shard_size, batch_size))
                msg.text(f"round {round_ + 1}, {name}: {runs[name][-1]}")
    rows = [{"path": name, "workers": workers, "papers_per_second": max(r["papers_per_second"] for r in runs[name]),
             "runs": runs[name]} for name, workers in paths]
    one_worker = rows[1]["papers_per_second"]
    for row in rows:
        row["times_one_worker"] = round(row["papers_per_second"] / one_worker, 2)
    write_json(output, {"cpu": cpu_name(), "cores": cores(), "papers": copies * len(pdfs), "rows": rows})
    msg.table([(r["path"], r["papers_per_second"], r["times_one_worker"]) for r in rows],
              header=("path", "papers/s", "× 1 worker"), divider=True)


if __name__ == "__main__":
    typer.run(main)
