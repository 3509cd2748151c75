"""Merge a teacher's mentions with the labels a training DocBin already has: the seed texts' repaired
weak labels, or the SciREX papers' silver labels, whose missing tokens the teacher fills. Texts reviewed
by hand take their reviewed mentions instead."""

from pathlib import Path
from typing import Dict, List, Optional, Tuple

import spacy
import typer
from spacy.tokens import Doc, DocBin
from wasabi import msg

from ..char_spans import CharSpan, overlaps
from ..input_error import InputError, stop
from ..json_files import read_jsonl
from .gold import dataset_spans
from .reviewed import Reviewed

POLICIES = ("union", "teacher", "fill")
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
    return relabelled(doc, weak + sure, unsure)


def relabelled(doc: Doc, mentions: List[CharSpan], missing: List[CharSpan]) -> Doc:
    """A copy of `doc`'s tokens labelled anew: `mentions` are entities, the tokens of `missing` have
    no label, every other token is O (character offsets, widened to whole tokens)."""
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    spans = [span for span in (out.char_span(s, e, alignment_mode="expand") for s, e in missing) if span is not None]
    out.set_ents(dataset_spans(out, sorted(mentions)), missing=spans, default="outside")
    return out


def has_missing(doc: Doc) -> bool:
    """Whether some token of `doc` has no label (neither a mention nor O)."""
    return any(token.ent_iob_ == "" for token in doc)


def fill(doc: Doc, scored: Scored, min_confidence: float) -> Doc:
    """`doc` with its missing tokens labelled by the teacher and its other labels kept: a teacher
    mention of at least `min_confidence` whose tokens are all missing becomes an entity, the tokens
    of a less confident one stay missing, and every other missing token becomes O."""
    open_tokens = {token.i for token in doc if token.ent_iob_ == ""}
    sure, unsure = [], []
    for start, end, confidence in scored:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and all(i in open_tokens for i in range(span.start, span.end)):
            (sure if confidence >= min_confidence else unsure).append((span.start_char, span.end_char))
    kept = [(ent.start_char, ent.end_char) for ent in doc.ents]
    return relabelled(doc, kept + sure, [span for span in unsure if not overlaps(span, sure)])


def relabel(doc: Doc, scored: Dict[str, Scored], policy: str, min_confidence: float) -> Doc:
    """`doc` relabelled by `policy`; under "fill" a doc without missing tokens is kept as it is."""
    if policy != "fill":
        return merge(doc, scored[doc.text], policy, min_confidence)
    return fill(doc, scored[doc.text], min_confidence) if has_missing(doc) else doc


def needs_labels(doc: Doc, policy: str) -> bool:
    """Whether relabelling `doc` by `policy` reads the teacher's labels of its text."""
    return policy != "fill" or has_missing(doc)


def main(
    weak: Path = typer.Argument(..., exists=True, help="DocBin to relabel (corpus/train/weak.spacy, corpus/train/scirex.spacy)"),
    labels: Path = typer.Argument(..., exists=True, help="Teacher labels JSONL (corpus/seed_teacher/labels.jsonl)"),
    output: Path = typer.Option(..., help="DocBin to write (corpus/train/seeds.spacy)"),
    policy: str = typer.Option("union", help=f"How weak and teacher mentions combine: {', '.join(POLICIES)} (the teacher labels only the missing tokens)"),
    min_confidence: float = typer.Option(0.5, help="Teacher mentions below this confidence become missing, not entities"),
    reviewed_path: Optional[Path] = typer.Option(None, "--reviewed", help="JSONL (id, text, spans) of texts of WEAK reviewed by hand: their spans replace every other label, every other token O"),
):
    """Write OUTPUT: every weak doc relabelled with the teacher's mentions, or with its mentions
    reviewed by hand."""
    if policy not in POLICIES:
        stop(f"--policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(weak).get_docs(nlp.vocab))
    try:
        scored = read_labels(labels)
        reviewed = Reviewed(reviewed_path, by_text=True)
        by_hand = {doc.text: reviewed.doc(nlp, doc.text, doc.text) for doc in docs if doc.text in reviewed.sentences}
        reviewed.check_all_used(set(), f"text of {weak}")
    except InputError as err:
        stop(err)
    unlabelled = [doc.text for doc in docs if doc.text not in by_hand and needs_labels(doc, policy) and doc.text not in scored]
    if unlabelled:
        stop(f"{labels}: no teacher labels for {len(unlabelled)} texts of {weak}, e.g. {unlabelled[0]!r}; "
             "make them again with `spacy project run teacher`")
    merged = [by_hand[doc.text] if doc.text in by_hand else relabel(doc, scored, policy, min_confidence) for doc in docs]
    output.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=merged, store_user_data=False).to_disk(output)
    before, after = sum(len(d.ents) for d in docs), sum(len(d.ents) for d in merged)
    msg.good(f"{len(merged):,} docs ({len(by_hand):,} reviewed by hand), {before:,} weak mentions → {after:,} "
             f"({policy}, confidence ≥ {min_confidence}) → {output}")


if __name__ == "__main__":
    typer.run(main)
