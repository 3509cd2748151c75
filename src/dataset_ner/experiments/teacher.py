"""Label the seed corpus's texts with a teacher pipeline: its mentions and their confidence, as a
JSONL asset (corpus/seed_teacher/labels.jsonl) that `relabel` merges with the weak labels."""

from pathlib import Path

import spacy
import typer
from spacy.tokens import DocBin
from wasabi import msg

from ..data.relabel import has_missing
from ..json_files import write_jsonl
from ..length_order import stream_in_length_order
from ..pipeline.vocabulary import MENTION_CONFIDENCE


def teacher_row(doc) -> dict:
    return {"text": doc.text, "spans": [{"start": e.start_char, "end": e.end_char, "confidence": e._.confidence}
                                        for e in doc.ents]}


def teacher_rows(nlp, texts, batch_size: int = 64):
    """{"text", "spans": [{"start", "end", "confidence"}]} per text, in order (labelled shortest first)."""
    return stream_in_length_order(nlp, texts, teacher_row, batch_size)


def main(
    model: str = typer.Argument(..., help=f"Teacher pipeline, with {MENTION_CONFIDENCE}"),
    docbin: Path = typer.Argument(..., exists=True, help="DocBin whose texts are labelled (corpus/train/weak.spacy)"),
    output: Path = typer.Option(..., help="JSONL to write"),
    limit: int = typer.Option(0, help="Label only the first N texts (0: all)"),
    only_missing: bool = typer.Option(False, help="Label only the texts with unlabelled tokens (what relabel --policy fill reads)"),
):
    """Write the teacher's mentions of every text of DOCBIN."""
    nlp = spacy.load(model)
    if MENTION_CONFIDENCE not in nlp.pipe_names:
        msg.fail(f"{model}: no {MENTION_CONFIDENCE} component; the labels need confidence", exits=1)
    texts = [doc.text for doc in DocBin().from_disk(docbin).get_docs(spacy.blank("en").vocab)
             if has_missing(doc) or not only_missing]
    texts = texts[:limit] if limit else texts
    write_jsonl(output, teacher_rows(nlp, texts))
    msg.good(f"{len(texts):,} texts labelled by {model} → {output}")


if __name__ == "__main__":
    typer.run(main)
