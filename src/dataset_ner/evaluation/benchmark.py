"""Words per second of several pipelines on the same texts, measured in one run."""

import platform
import statistics
import time
from pathlib import Path
from typing import Dict, List

import spacy
import torch
import typer
from wasabi import msg

from ..data.gold import read_gold
from ..json_files import write_json


def words_per_second(nlp, texts: List[str], batch_size: int, repeats: int) -> List[float]:
    """One warm-up pass, then `repeats` timed passes of nlp.pipe over `texts`."""
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    list(nlp.pipe(texts[:batch_size], batch_size=batch_size))
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        rates.append(words / (time.perf_counter() - start))
    return rates


def component_seconds(nlp, texts: List[str], batch_size: int, repeats: int) -> Dict[str, float]:
    """Median seconds of the tokenizer and of each component over `texts`, each run alone on the
    previous one's output (`repeats` passes after one warm-up pass)."""
    passes: Dict[str, List[float]] = {}
    for _ in range(repeats + 1):
        start = time.perf_counter()
        docs = list(nlp.tokenizer.pipe(texts, batch_size=batch_size))
        passes.setdefault("tokenizer", []).append(time.perf_counter() - start)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=batch_size)) if hasattr(component, "pipe") \
                else [component(doc) for doc in docs]
            passes.setdefault(name, []).append(time.perf_counter() - start)
    return {name: round(statistics.median(seconds[1:]), 4) for name, seconds in passes.items()}


def main(
    pipelines: List[str] = typer.Argument(..., help="NAME=MODEL for each pipeline (directory or package)"),
    corpora: List[Path] = typer.Option(..., "--corpus", help="JSONL files whose texts are processed"),
    output: Path = typer.Option(..., help="JSON file to write"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size"),
    repeats: int = typer.Option(3, help="Timed passes per pipeline"),
    gpu_id: int = typer.Option(-1, "--gpu-id", help="GPU to run the pipelines on (-1: CPU)"),
    components: bool = typer.Option(False, "--components", help="Also time the tokenizer and each component alone"),
):
    """Measure each pipeline's words/s on the texts of the corpora, in this one process; with
    --components, also the seconds each of its components takes over the texts."""
    if gpu_id >= 0:
        spacy.require_gpu(gpu_id)
    texts = [sentence.text for path in corpora for sentence in read_gold(path)]
    results = {}
    for spec in pipelines:
        name, _, model = spec.partition("=")
        nlp = spacy.load(model)
        rates = words_per_second(nlp, texts, batch_size, repeats)
        results[name] = {"model": model, "words_per_second": round(statistics.median(rates)), "runs": [round(r) for r in rates]}
        if components:
            results[name]["component_seconds"] = component_seconds(nlp, texts, batch_size, repeats)
            msg.table(list(results[name]["component_seconds"].items()), header=(name, "seconds"), divider=True)
    device = f"gpu {gpu_id}" if gpu_id >= 0 else "cpu"
    meta = {"texts": len(texts), "device": device, "python": platform.python_version(), "torch_threads": torch.get_num_threads(), "batch_size": batch_size, "pipelines": results}
    write_json(output, meta)
    msg.table([(name, r["words_per_second"]) for name, r in results.items()], header=("pipeline", "words/s"), divider=True)


if __name__ == "__main__":
    typer.run(main)
