"""The text the pipeline reads of a piece of a paper, and the way back to the text as written: bracketed
author-year citations ("SQuAD (Rajpurkar et al., 2016), and MS MARCO") are cut. The training sentences
hold almost none (their sources dropped them), and the pipeline misses names followed by one."""

from bisect import bisect_right
from typing import NamedTuple, Tuple

from .citations import bracketed_citations


class ReadText(NamedTuple):
    """The text the pipeline reads and where characters were cut from the text as written: before
    position `at[i]` of `text`, `cut[i]` characters had been cut in all."""

    text: str
    at: Tuple[int, ...] = ()
    cut: Tuple[int, ...] = ()

    def original_index(self, index: int) -> int:
        """The index in the text as written of the character at `index` in `text`."""
        before = bisect_right(self.at, index)
        return index + (self.cut[before - 1] if before else 0)

    def original_span(self, start: int, end: int) -> Tuple[int, int]:
        """The offsets in the text as written of `text[start:end]` (from its first character to its last)."""
        return self.original_index(start), self.original_index(end - 1) + 1


def text_to_read(text: str) -> ReadText:
    """`text` without its bracketed author-year citations (citations.bracketed_citations): "such as SQuAD
    (Rajpurkar et al., 2016), and MS MARCO" → "such as SQuAD, and MS MARCO"."""
    spans = list(bracketed_citations(text))
    if not spans:
        return ReadText(text)
    parts, at, cut, kept = [], [], [], 0
    for start, end in spans:
        parts.append(text[kept:start])
        at.append(start - (cut[-1] if cut else 0))
        cut.append((cut[-1] if cut else 0) + end - start)
        kept = end
    parts.append(text[kept:])
    return ReadText("".join(parts), tuple(at), tuple(cut))
