"""Character-offset spans, ``(start, end)`` with ``end`` exclusive, shared by data and evaluation."""

from typing import Iterable, Tuple

CharSpan = Tuple[int, int]


def overlaps(span: CharSpan, others: Iterable[CharSpan]) -> bool:
    """Whether `span` shares at least one character with any of `others`."""
    return any(span[0] < end and start < span[1] for start, end in others)
