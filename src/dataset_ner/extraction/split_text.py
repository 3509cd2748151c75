"""Cut a long text into pieces of at most N characters at paragraph, sentence or word boundaries."""

import re
from typing import List, Tuple

PARAGRAPH = re.compile(r"\n\s*\n")
# A sentence end, as the transformer's sentencizer has it: "." or "?", not "!", which is mostly part of a
# name in papers ("Yahoo! Answers")
SENTENCE = re.compile(r"[.?]\s+")
SPACE = re.compile(r"\s+")


def split_text(text: str, max_chars: int) -> List[Tuple[int, int]]:
    """(start, end) offsets of consecutive pieces of `text`, each at most `max_chars` long,
    cut at the last paragraph break or sentence end in the second half of the window, else
    the last whitespace, else hard. Whitespace-only pieces are left out."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = 0
        for pattern, lowest in ((PARAGRAPH, max_chars // 2), (SENTENCE, max_chars // 2), (SPACE, 1)):
            ends = [m.end() for m in pattern.finditer(window) if m.end() >= lowest and m.end() < len(window)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or max_chars
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return [(s, e) for s, e in pieces if text[s:e].strip()]
