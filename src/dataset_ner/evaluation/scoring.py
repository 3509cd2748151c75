"""Score predicted character-offset spans against gold spans.

Spans are ``(start, end)`` character offsets into a sentence, ``end`` exclusive.
Three matching modes are reported by :func:`score_corpus`:

* ``exact``: a prediction is correct iff its offsets equal a gold span's.
* ``head``: like ``exact``, after a trailing generic head noun ("dataset",
  "corpus", ...) is removed from both gold and predicted spans.
* ``overlap``: a prediction is correct iff it shares at least one character
  with a gold span; a gold span is found iff some prediction overlaps it.

Spans are compared as sets per sentence, so duplicates count once (in
``head`` mode, also spans that become identical once their head noun is removed).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Sequence

from ..char_spans import CharSpan, overlaps
from ..pipeline.vocabulary import HEAD_NOUNS

# Whitespace, then a head noun (inner spaces may be any whitespace), at the end.
_HEAD_RE = re.compile(
    r"\s+(?:"
    + "|".join(r"\s+".join(map(re.escape, noun.split())) for noun in HEAD_NOUNS)
    + r")\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the raw counts behind them.

    ``precision = tp_pred / n_pred`` and ``recall = tp_gold / n_gold``.
    ``tp_pred`` counts matched predictions and ``tp_gold`` matched gold spans;
    they are equal for ``exact`` and ``head`` but may differ for ``overlap``
    (e.g. two predictions overlapping one gold span: tp_pred=2, tp_gold=1).
    By convention precision is 0.0 when ``n_pred == 0``, recall is 0.0 when
    ``n_gold == 0`` and F1 is 0.0 when ``precision + recall == 0``; check the
    counts to tell these cases from genuine zero scores.
    """

    precision: float
    recall: float
    f1: float
    tp_pred: int
    tp_gold: int
    n_pred: int
    n_gold: int

    def to_dict(self) -> dict[str, float | int]:
        """Return the fields as a plain dict."""
        return asdict(self)


def strip_head_noun(text: str, start: int, end: int) -> CharSpan:
    """Return ``(start, end)`` without a trailing head noun from :data:`HEAD_NOUNS`.

    The head noun must be a whole word at the end of ``text[start:end]``,
    separated from the rest by whitespace (matched case-insensitively); the
    whitespace before it is dropped too. A span with nothing left before the
    head noun (e.g. just "dataset") is returned unchanged.
    """
    match = _HEAD_RE.search(text[start:end])
    if match is None or match.start() == 0:
        return start, end
    return start, start + match.start()


def _prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> PRF:
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return PRF(precision, recall, f1, tp_pred, tp_gold, n_pred, n_gold)


def _set_prf(gold: set[tuple[int, int, int]], pred: set[tuple[int, int, int]]) -> PRF:
    tp = len(gold & pred)
    return _prf(tp, tp, len(pred), len(gold))


def _validate(
    texts: Sequence[str],
    gold: Sequence[Sequence[CharSpan]],
    pred: Sequence[Sequence[CharSpan]],
) -> None:
    if not len(texts) == len(gold) == len(pred):
        raise ValueError(
            f"texts, gold and pred must have the same length, got "
            f"{len(texts)}, {len(gold)} and {len(pred)}"
        )
    for name, corpus in (("gold", gold), ("pred", pred)):
        for i, (text, spans) in enumerate(zip(texts, corpus)):
            for start, end in spans:
                if not 0 <= start < end <= len(text):
                    raise ValueError(
                        f"{name} span ({start}, {end}) in sentence {i} is invalid: "
                        f"need 0 <= start < end <= {len(text)} (text length)"
                    )


def score_corpus(
    texts: Sequence[str],
    gold: Sequence[Sequence[CharSpan]],
    pred: Sequence[Sequence[CharSpan]],
) -> dict[str, PRF]:
    """Score ``pred`` against ``gold`` over a corpus of sentences.

    ``gold[i]`` and ``pred[i]`` hold the spans of ``texts[i]``. Returns a
    :class:`PRF` for each of the keys ``"exact"``, ``"head"`` and ``"overlap"``.
    Raises ``ValueError`` if the three sequences differ in length or a span is
    not within its text with ``start < end``.
    """
    _validate(texts, gold, pred)
    gold_sets = [set(spans) for spans in gold]
    pred_sets = [set(spans) for spans in pred]

    def flat(sets: list[set[CharSpan]], strip: bool) -> set[tuple[int, int, int]]:
        return {
            (i, *(strip_head_noun(texts[i], *span) if strip else span))
            for i, spans in enumerate(sets)
            for span in spans
        }

    tp_pred = sum(
        overlaps(p, golds)
        for golds, preds in zip(gold_sets, pred_sets)
        for p in preds
    )
    tp_gold = sum(
        overlaps(g, preds)
        for golds, preds in zip(gold_sets, pred_sets)
        for g in golds
    )
    return {
        "exact": _set_prf(flat(gold_sets, False), flat(pred_sets, False)),
        "head": _set_prf(flat(gold_sets, True), flat(pred_sets, True)),
        "overlap": _prf(
            tp_pred,
            tp_gold,
            sum(map(len, pred_sets)),
            sum(map(len, gold_sets)),
        ),
    }
