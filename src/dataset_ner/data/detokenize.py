"""Readable text from pre-split tokens ("CIFAR - 10" → "CIFAR-10"), with each token's characters."""

import re
from typing import List, Sequence, Tuple

NO_SPACE_BEFORE = frozenset(", . ; : ) ] } ? ! % ’ ’s 's n't ][ )( ... … ”".split())
NO_SPACE_AFTER = frozenset("( [ { “ ‘ ][ )(".split())
JOINS = frozenset("- /".split())  # hyphens and slashes join their neighbours: "state-of-the-art", "English/German"
CLITICS = frozenset("s m t d re ll ve".split())  # after a straight apostrophe: "country ' s" → "country's"
MAGNITUDES = frozenset("K M B k".split())  # after a number: "JFT - 300 M" → "JFT-300M", "Human3.6 M" → "Human3.6M"


def _space_between(previous: str, token: str, open_quote: bool) -> bool:
    """Whether a space separates `previous` and `token`; `open_quote`: a straight double quote is open."""
    if previous in JOINS or token in JOINS or previous in NO_SPACE_AFTER or token in NO_SPACE_BEFORE:
        return False
    if previous == "'" and token in CLITICS:
        return False
    if token == "'":
        return False
    if token in MAGNITUDES and previous[-1].isdigit():
        return False
    if token == '"':
        return not open_quote  # a closing quote hugs the word before it
    if previous == '"':
        return not open_quote  # an opening quote hugs the word after it
    return True


def detokenize(words: Sequence[str]) -> Tuple[str, List[Tuple[int, int]]]:
    """The text of `words` and every word's (start, end) in it; words themselves are never changed."""
    parts: List[str] = []
    offsets: List[Tuple[int, int]] = []
    length, open_quote = 0, False
    for i, word in enumerate(words):
        if i and _space_between(words[i - 1], word, open_quote):
            parts.append(" ")
            length += 1
        if word == '"':
            open_quote = not open_quote
        parts.append(word)
        offsets.append((length, length + len(word)))
        length += len(word)
    return "".join(parts), offsets


CITATION_KEY = re.compile(r"[a-z]+(?:19|20)\d\d[a-z]+")  # deng2009imagenet (newstest2014 is none: nothing after the year)


def is_citation(word: str, previous: str = "", following: str = "") -> bool:
    """A BibTeX key left in the text (deng2009imagenet) or the placeholder word of "[ reference ]"."""
    return bool(CITATION_KEY.fullmatch(word)) or (word == "reference" and previous in ("[", "][") and following in ("]", "]["))
