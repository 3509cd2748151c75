"""Words per second of `extract --n-process N` for each pipeline and each N, on the same documents
in one run: whether more local processes pay on this machine.

    python -m dataset_ner.experiments.benchmark_processes en_dataset_ner en_dataset_ner_sm \
        --corpus corpus/heddes2021/test_revised.jsonl --output metrics/n_process.json
"""

import platform
import tempfile
import time
from pathlib import Path
from typing import List

import torch
import typer
from wasabi import msg

from ..data.gold import read_gold
from ..extraction.processes import cores
from ..json_files import write_json
from .benchmark_extract import time_extraction, write_documents


def cpu_name() -> str:
    """The CPU's model name, as lscpu shows it (from /proc/cpuinfo where there is one)."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else platform.processor()


def main(
    models: List[str] = typer.Argument(..., help="Pipelines to time (packages or directories)"),
    corpus: Path = typer.Option(..., help="Hand-annotated JSONL whose sentences make the documents"),
    output: Path = typer.Option(..., help="JSON file to write"),
    n_process: List[int] = typer.Option([1, 2], "--n-process", help="Process counts to time (repeat the option)"),
    repeats: int = typer.Option(3, min=1, help="Timings of each pipeline and count, interleaved; the best is kept"),
    max_words: int = typer.Option(30000, help="Words of text timed per run"),
    sentences_per_document: int = typer.Option(4, help="Sentences joined into one document"),
    batch_size: int = typer.Option(16, help="Pieces per batch: small, so that a few hundred documents make enough "
                                            "batches to share among the processes"),
):
    """Time every pipeline with every --n-process count on the same documents, `repeats` rounds
    over all of them (so that other load on the machine falls on each alike), and print the best
    words/s (from the model loaded to the last shard written) and its multiple of the fewest
    processes; OUTPUT keeps every run, with its seconds from the start, loading included."""
    texts = [sentence.text for sentence in read_gold(corpus)]
    runs = {(model, n): [] for model in models for n in n_process}
    with tempfile.TemporaryDirectory() as folder:
        documents = Path(folder) / "documents.jsonl"
        n_documents = write_documents(texts, sentences_per_document, max_words, documents)
        for round_ in range(repeats):
            for model, n in runs:
                msg.info(f"Round {round_ + 1}: {model}, {n} process{'es' * (n > 1)}")
                started = time.perf_counter()
                timing = time_extraction(documents, model, False, 0, batch_size, 1000, n)
                runs[model, n].append({**timing, "seconds_with_loading": round(time.perf_counter() - started, 2)})
    rows = [{"model": model, "n_process": n, "words": timings[0]["words"],
             "words_per_second": max(t["words_per_second"] for t in timings),
             "runs": timings} for (model, n), timings in runs.items()]
    for row in rows:
        row["times_one_process"] = round(row["words_per_second"] / next(
            r["words_per_second"] for r in rows if r["model"] == row["model"] and r["n_process"] == min(n_process)), 2)
    result = {"cpu": cpu_name(), "cores": cores(), "torch_threads": torch.get_num_threads(),
              "documents": n_documents, "rows": rows}
    write_json(output, result)
    print(f"{result['cpu']}, {result['cores']} cores, {n_documents} documents, best of {repeats}")
    msg.table([(r["model"], r["n_process"], f"{r['words_per_second']:,}", r["times_one_process"]) for r in rows],
              header=("pipeline", "processes", "words/s", f"× {min(n_process)} process"), divider=True)


if __name__ == "__main__":
    typer.run(main)
