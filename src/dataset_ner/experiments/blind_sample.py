"""Draw a seeded sample of a hand-annotated corpus for a blind second pass: texts only, some with a
mention of the first pass and some without, so that the second pass can be scored on both."""

import random
from pathlib import Path

import typer
from wasabi import msg

from ..data.gold import read_gold
from ..input_error import InputError, stop
from ..json_files import write_jsonl


def main(
    corpus: Path = typer.Argument(..., help="Hand-annotated JSONL (id, text, spans): the first pass"),
    output: Path = typer.Argument(..., help="JSONL to write: id and text of each drawn sentence, no marks"),
    with_mention: int = typer.Option(150, help="Sentences to draw among those the first pass marks a mention in"),
    without: int = typer.Option(250, help="Sentences to draw among the others"),
    seed: int = typer.Option(0, help="Random seed"),
):
    """Write the drawn sentences of both strata shuffled together, so that the second pass cannot tell
    the strata apart."""
    try:
        sentences = list(read_gold(corpus))
    except InputError as err:
        stop(err)
    rng = random.Random(seed)
    marked = [s for s in sentences if s.spans]
    unmarked = [s for s in sentences if not s.spans]
    if with_mention > len(marked) or without > len(unmarked):
        stop(f"{corpus}: asked for {with_mention} / {without} sentences, it has {len(marked)} with a mention "
             f"and {len(unmarked)} without")
    drawn = rng.sample(marked, with_mention) + rng.sample(unmarked, without)
    rng.shuffle(drawn)
    write_jsonl(output, ({"id": s.id, "text": s.text} for s in drawn))
    msg.good(f"{with_mention} of {len(marked):,} sentences with a mention and {without} of {len(unmarked):,} "
             f"without → {output}")


if __name__ == "__main__":
    typer.run(main)
