"""Held-out (dev and test) texts, and whether a training text overlaps one: the same words again with
other spacing or hyphenation, a window shifted over the same passage, a longer snippet around one."""

import re
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

from ..input_error import InputError
from ..json_files import read_jsonl

RUN = 8  # words two texts must share in a row to overlap
MIN_WORDS = 3  # a held-out text shorter than RUN overlaps a text that holds it whole, from this many words

Words = Tuple[str, ...]


def words(text: str) -> Words:
    """The lower-cased runs of word characters of `text`: spacing, punctuation and hyphens dropped."""
    return tuple(re.findall(r"\w+", text.lower()))


def runs(sequence: Words) -> Iterable[Words]:
    """Every RUN consecutive words of `sequence`."""
    return (sequence[i : i + RUN] for i in range(len(sequence) - RUN + 1))


def joined(sequence: Sequence[str]) -> str:
    return " " + " ".join(sequence) + " "


class HeldOut:
    """Texts kept out of training. A training text overlaps one when they share RUN words in a row, or
    when it holds a held-out text of MIN_WORDS to RUN - 1 words whole. (A short training text inside a
    held-out one is not counted: "the state of the art" is in many sentences.)"""

    def __init__(self, texts: Iterable[str]):
        sequences = [words(text) for text in texts]
        self.runs = {run for sequence in sequences for run in runs(sequence)}
        self.short = [joined(s) for s in sequences if MIN_WORDS <= len(s) < RUN]

    def overlaps(self, text: str) -> bool:
        """Whether `text` overlaps a held-out text."""
        sequence = words(text)
        if any(run in self.runs for run in runs(sequence)):
            return True
        spaced = joined(sequence)
        return any(short in spaced for short in self.short)


def read_texts(path: Path) -> List[str]:
    """The "text" of every line of a JSONL file; InputError naming the line otherwise."""
    texts = []
    for number, row in read_jsonl(path):
        if "text" not in row:
            raise InputError(path, number, "expected a JSON object with a text")
        texts.append(row["text"])
    return texts


def read_held_out(paths: Iterable[Path]) -> HeldOut:
    """The held-out texts of JSONL files (a "text" per line)."""
    return HeldOut(text for path in paths for text in read_texts(path))
