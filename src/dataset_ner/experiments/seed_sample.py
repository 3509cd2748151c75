"""Draw the seeded random sample of distinct seed-corpus texts that is annotated by hand (corpus/seed_gold/)."""

import random
from pathlib import Path

import typer
from wasabi import msg

from ..data.conll import read_conll
from ..data.snippet_text import rebuild_text
from ..input_error import InputError, stop
from ..json_files import write_jsonl
from ..pipeline.vocabulary import LABEL


def distinct_texts(conll: Path, min_tokens: int) -> dict:
    """Text → (first line, weak spans as character offsets) for every distinct snippet text of at
    least `min_tokens` tokens, rebuilt as `convert` rebuilds it (line-end hyphens rejoined)."""
    texts = {}
    for snippet in read_conll(conll):
        if len(snippet.tokens) < min_tokens:
            continue
        text, offsets = rebuild_text(snippet.tokens)
        spans = [(offsets[start][0], offsets[end - 1][1]) for start, end in snippet.mention_spans()]
        texts.setdefault(text, (snippet.line, spans))
    return texts


def main(
    conll: Path = typer.Argument(..., help="Weak CoNLL corpus"),
    output: Path = typer.Argument(..., help="JSONL to write: id, text, weak (the weak label, a hint)"),
    size: int = typer.Option(640, help="Texts to draw"),
    min_tokens: int = typer.Option(4, help="Leave out fragments shorter than this many tokens"),
    seed: int = typer.Option(0, help="Random seed"),
):
    """Write a seeded random sample of distinct seed texts, in the order drawn."""
    try:
        texts = distinct_texts(conll, min_tokens)
    except InputError as err:
        stop(err)
    drawn = random.Random(seed).sample(sorted(texts), size)
    rows = [{"id": f"seed-{texts[text][0]}", "text": text,
             "weak": [{"start": s, "end": e, "label": LABEL} for s, e in texts[text][1]]} for text in drawn]
    write_jsonl(output, rows)
    msg.good(f"{len(rows)} of {len(texts):,} distinct texts (≥ {min_tokens} tokens) → {output}")


if __name__ == "__main__":
    typer.run(main)
