"""Merge the teacher's mentions of the seed texts with their repaired weak labels into a training DocBin."""

from pathlib import Path
from typing import Dict, List, Tuple

import spacy
import typer
from spacy.tokens import Doc, DocBin
from wasabi import msg

from ..char_spans import overlaps
from ..input_error import InputError, stop
from ..json_files import read_jsonl
from .gold import dataset_spans

POLICIES = ("union", "teacher")
Scored = List[Tuple[int, int, float]]


def read_labels(path: Path) -> Dict[str, Scored]:
    """Text → [(start, end, confidence)] from the teacher's JSONL (experiments.teacher)."""
    labels = {}
    for number, row in read_jsonl(path):
        try:
            labels[row["text"]] = [(s["start"], s["end"], s["confidence"]) for s in row["spans"]]
        except (KeyError, TypeError) as err:
            raise InputError(path, number, f"expected text and spans with start, end, confidence ({err!r})") from None
    return labels


def merge(doc: Doc, scored: Scored, policy: str, min_confidence: float) -> Doc:
    """`doc` (weak labels) relabelled: teacher mentions of at least `min_confidence` are entities,
    with the weak ones under "union" (a weak mention wins where they overlap) and alone under
    "teacher"; the tokens of less confident teacher mentions are missing; every other token is O."""
    weak = [(ent.start_char, ent.end_char) for ent in doc.ents] if policy == "union" else []
    sure = [(s, e) for s, e, c in scored if c >= min_confidence and not overlaps((s, e), weak)]
    unsure = [(s, e) for s, e, c in scored if c < min_confidence and not overlaps((s, e), weak + sure)]
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    ents = dataset_spans(out, sorted(weak + sure))
    missing = [span for span in (out.char_span(s, e, alignment_mode="expand") for s, e in unsure) if span is not None]
    out.set_ents(ents, missing=missing, default="outside")
    return out


def main(
    weak: Path = typer.Argument(..., exists=True, help="Weak DocBin (corpus/train/weak.spacy)"),
    labels: Path = typer.Argument(..., exists=True, help="Teacher labels JSONL (corpus/seed_teacher/labels.jsonl)"),
    output: Path = typer.Option(..., help="DocBin to write (corpus/train/seeds.spacy)"),
    policy: str = typer.Option("union", help=f"How weak and teacher mentions combine: {', '.join(POLICIES)}"),
    min_confidence: float = typer.Option(0.5, help="Teacher mentions below this confidence become missing, not entities"),
):
    """Write OUTPUT: every weak doc relabelled with the teacher's mentions."""
    if policy not in POLICIES:
        stop(f"--policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    try:
        scored = read_labels(labels)
    except InputError as err:
        stop(err)
    docs = list(DocBin().from_disk(weak).get_docs(spacy.blank("en").vocab))
    unlabelled = [doc.text for doc in docs if doc.text not in scored]
    if unlabelled:
        stop(f"{labels}: no teacher labels for {len(unlabelled)} texts of {weak}, e.g. {unlabelled[0]!r}; "
             "make them again with `spacy project run teacher`")
    merged = [merge(doc, scored[doc.text], policy, min_confidence) for doc in docs]
    output.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=merged, store_user_data=False).to_disk(output)
    before, after = sum(len(d.ents) for d in docs), sum(len(d.ents) for d in merged)
    msg.good(f"{len(merged):,} docs, {before:,} weak mentions → {after:,} ({policy}, confidence ≥ {min_confidence}) → {output}")


if __name__ == "__main__":
    typer.run(main)
