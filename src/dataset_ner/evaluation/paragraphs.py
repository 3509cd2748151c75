"""A paragraph test from the hand-annotated test sentences: consecutive sentences of one corpus
joined, 5 to 10 a paragraph, their spans shifted into the paragraph."""

import json
import random
from pathlib import Path
from typing import Iterator, List

import typer
from wasabi import msg

from ..data.gold import Sentence, read_gold
from ..input_error import stop


def paragraphs(sentences: List[Sentence], rng: random.Random, low: int = 5, high: int = 10) -> Iterator[dict]:
    """Consecutive runs of `low`..`high` sentences (the last may be shorter) joined by one space."""
    start = 0
    while start < len(sentences):
        run = sentences[start : start + rng.randint(low, high)]
        text, spans = "", []
        for sentence in run:
            offset = len(text) + (1 if text else 0)
            text = f"{text} {sentence.text}" if text else sentence.text
            spans += [{"start": s + offset, "end": e + offset, "label": "DATASET"} for s, e in sentence.spans]
        yield {"id": f"{run[0].id}+{len(run)}", "text": text, "spans": spans}
        start += len(run)


def main(
    inputs: List[Path] = typer.Argument(..., help="Hand-annotated test JSONL files (one corpus each)"),
    output: Path = typer.Option(..., help="JSONL of paragraphs to write"),
    seed: int = typer.Option(0, help="Seed of the paragraph lengths"),
):
    """Write the paragraphs of every input, in input order."""
    rng = random.Random(seed)
    rows = []
    for path in inputs:
        try:
            rows += paragraphs(list(read_gold(path)), rng)
        except ValueError as err:
            stop(err)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf8")
    msg.good(f"{len(rows)} paragraphs, {sum(len(r['spans']) for r in rows)} mentions → {output}")


if __name__ == "__main__":
    typer.run(main)
