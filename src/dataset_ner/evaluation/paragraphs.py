"""A paragraph test from the hand-annotated test sentences: consecutive sentences of one corpus
joined, 5 to 10 a paragraph, their spans shifted into the paragraph."""

import random
from pathlib import Path
from typing import Iterator, List

import typer
from wasabi import msg

from ..data.gold import Sentence, read_gold, write_gold
from ..input_error import stop


def paragraphs(sentences: List[Sentence], rng: random.Random, low: int = 5, high: int = 10) -> Iterator[Sentence]:
    """Consecutive runs of `low`..`high` sentences (the last may be shorter) joined by one space."""
    start = 0
    while start < len(sentences):
        run = sentences[start : start + rng.randint(low, high)]
        text, spans = "", []
        for sentence in run:
            offset = len(text) + (1 if text else 0)
            text = f"{text} {sentence.text}" if text else sentence.text
            spans += [(s + offset, e + offset) for s, e in sentence.spans]
        yield Sentence(f"{run[0].id}+{len(run)}", text, tuple(spans))
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
    write_gold(output, rows)
    msg.good(f"{len(rows)} paragraphs, {sum(len(r.spans) for r in rows)} mentions → {output}")


if __name__ == "__main__":
    typer.run(main)
