"""Memory of extraction over many documents, each with names never seen before: resident memory
(RSS) and string-store size after each checkpoint, per pipeline, each pipeline in a fresh process.
`--plain` runs nlp.pipe without memory zones (extraction before issue 34), for comparison.

    python -m dataset_ner.experiments.benchmark_memory training/sm/model-best training/model-best \
        --documents 10000 --documents 100000 --documents 300000 --output metrics/memory.json
"""

import functools
import hashlib
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Iterator, List

import psutil
import typer
from wasabi import msg

from ..extraction.extract import Counts, PipelineSpec, load_pipeline, mention_record, read_pieces, records_read_by
from ..extraction.inputs import Document
from ..json_files import write_json

TEMPLATE = ("We train Model{name}x on the Corpus{name} dataset and test it on the Set-{name} benchmark, following "
            "earlier work on ImageNet with seed {name}.")


def document_text(i: int) -> str:
    """Document `i`: 25 words, four of them new (a name of six letters drawn from a hash of `i`, so
    that the texts' shape, and the pipeline's batches, stay alike from the first to the last)."""
    name = "".join(chr(ord("a") + byte % 26) for byte in hashlib.sha1(str(i).encode()).digest()[:6])
    return TEMPLATE.format(name=name)


def documents(n: int) -> Iterator[Document]:
    """`n` documents of document_text."""
    for i in range(n):
        yield Document(i, document_text(i))


def plain_pieces(nlp, pieces, batch_size: int):
    """read_pieces as it was: nlp.pipe without memory zones, over the text as written."""
    for doc, offset in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        yield len(doc), [mention_record(e, offset) for e in doc.ents]


def measure(model: str, checkpoints: List[int], batch_size: int, plain: bool) -> List[dict]:
    """Extract from max(checkpoints) documents with `model`, as the extract command does; at each
    checkpoint, the process's RSS (MB), the string store's size and the seconds since loading."""
    process = psutil.Process()
    nlp = load_pipeline(PipelineSpec(model))
    read = functools.partial(plain_pieces if plain else read_pieces, nlp, batch_size=batch_size)
    rows, counts, started = [], Counts(), time.perf_counter()
    rows.append({"documents": 0, "rss_mb": round(process.memory_info().rss / 2**20), "strings": len(nlp.vocab.strings),
                 "seconds": 0.0})
    for record in records_read_by(read, documents(max(checkpoints)), counts=counts):
        if counts.documents in checkpoints:
            rows.append({"documents": counts.documents, "rss_mb": round(process.memory_info().rss / 2**20),
                         "strings": len(nlp.vocab.strings), "seconds": round(time.perf_counter() - started, 1)})
            msg.text(f"{model}: {rows[-1]}")
    return rows


def main(
    models: List[str] = typer.Argument(..., help="Pipelines (directories or packages)"),
    checkpoints: List[int] = typer.Option([10000, 100000, 300000], "--documents", help="Documents after which RSS is read (repeat)"),
    output: Path = typer.Option(..., help="JSON file to write"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size"),
    plain: bool = typer.Option(False, "--plain", help="nlp.pipe without memory zones, for comparison"),
):
    """RSS after each checkpoint for every pipeline, and the last checkpoint's RSS over the first's."""
    results = []
    for model in models:
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            rows = pool.submit(measure, model, sorted(checkpoints), batch_size, plain).result()
        results.append({"model": model, "memory_zones": not plain, "rows": rows,
                        "last_over_first": round(rows[-1]["rss_mb"] / rows[1]["rss_mb"], 3)})
    write_json(output, {"template": TEMPLATE, "cpu_count": psutil.cpu_count(), "results": results})
    msg.table([(r["model"], row["documents"], row["rss_mb"], row["strings"], row["seconds"])
               for r in results for row in r["rows"]],
              header=("pipeline", "documents", "RSS MB", "strings", "seconds"), divider=True)
    for r in results:
        msg.info(f"{r['model']}: RSS after {r['rows'][-1]['documents']:,} / after {r['rows'][1]['documents']:,} "
                 f"documents = {r['last_over_first']}")


if __name__ == "__main__":
    typer.run(main)
