"""Turn the hand-annotated train splits into training and dev DocBins (test splits stay out)."""

import hashlib
from pathlib import Path
from typing import List

import spacy
import typer
from spacy.tokens import DocBin
from wasabi import msg

from ..input_error import stop
from .gold import read_gold, sentence_to_doc, write_gold


def in_dev(sentence_id: str, dev_share: float) -> bool:
    """Stable assignment by a hash of the id, independent of file order and Python's hash seed."""
    digest = hashlib.sha1(sentence_id.encode("utf8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < dev_share


def main(
    inputs: List[Path] = typer.Argument(..., help="Train-split JSONL files of hand-annotated corpora"),
    train_dir: Path = typer.Option(..., help="Folder for one training DocBin per input"),
    dev_path: Path = typer.Option(..., help="DocBin of the held-out dev sentences of all inputs"),
    dev_share: float = typer.Option(0.1, help="Share of each train split held out as dev"),
    exclude: List[Path] = typer.Option([], help="DocBins whose texts must not appear in dev"),
    dev_jsonl_dir: Path = typer.Option(None, help="Folder for each corpus's dev sentences as JSONL, for evaluate_gold"),
    dev_only: List[Path] = typer.Option([], help="JSONL files of dev sentences only (corpus/seed_gold/dev.jsonl)"),
):
    """Split each train JSONL into training and dev sentences and write DocBins; add the
    `dev_only` sentences to dev whole."""
    nlp = spacy.blank("en")
    excluded = {doc.text for path in exclude for doc in DocBin().from_disk(path).get_docs(nlp.vocab)}
    dev, rows = [], []
    train_dir.mkdir(parents=True, exist_ok=True)
    for path in inputs:
        try:
            sentences = list(read_gold(path))
        except ValueError as err:
            stop(err)
        held = [s for s in sentences if in_dev(s.id, dev_share) and s.text not in excluded]
        held_texts = {s.text for s in held}
        train = [s for s in sentences if s.text not in held_texts]
        corpus = path.parent.name
        DocBin(docs=[sentence_to_doc(nlp, s) for s in train]).to_disk(train_dir / f"{corpus}.spacy")
        dev += [sentence_to_doc(nlp, s) for s in held]
        if dev_jsonl_dir:
            write_gold(dev_jsonl_dir / f"{corpus}.jsonl", held)
        rows.append((corpus, len(sentences), len(train), len(held), len(sentences) - len(train) - len(held)))
    for path in dev_only:
        try:
            held = list(read_gold(path))
        except ValueError as err:
            stop(err)
        dev += [sentence_to_doc(nlp, s) for s in held]
        if dev_jsonl_dir:
            write_gold(dev_jsonl_dir / f"{path.parent.name}.jsonl", held)
        rows.append((path.parent.name, len(held), 0, len(held), 0))
    DocBin(docs=dev).to_disk(dev_path)
    msg.table(rows, header=("corpus", "read", "train", "dev", "dropped (dev text twin)"))
    msg.good(f"Wrote {len(dev)} dev docs to {dev_path}")


if __name__ == "__main__":
    typer.run(main)
