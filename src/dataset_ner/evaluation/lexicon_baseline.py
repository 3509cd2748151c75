"""Build the lexicon baseline: a spaCy pipeline whose entity ruler matches the trusted training mentions."""

from collections import Counter
from pathlib import Path
from typing import List

import spacy
import typer
from spacy.tokens import DocBin
from wasabi import msg

from ..pipeline.vocabulary import LABEL


def main(
    train: List[Path] = typer.Argument(..., help="Training DocBins whose entities make the lexicon"),
    output: Path = typer.Option(..., help="Pipeline directory to write"),
    min_count: int = typer.Option(1, help="Keep mentions seen at least this often"),
):
    """Save a blank English pipeline with an entity_ruler holding every training mention."""
    nlp = spacy.blank("en")
    counts = Counter(
        ent.text for path in train for doc in DocBin().from_disk(path).get_docs(nlp.vocab) for ent in doc.ents
    )
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": LABEL, "pattern": text} for text, n in sorted(counts.items()) if n >= min_count])
    nlp.to_disk(output)
    msg.good(f"Lexicon baseline with {len(ruler.patterns)} mentions saved to {output}")


if __name__ == "__main__":
    typer.run(main)
