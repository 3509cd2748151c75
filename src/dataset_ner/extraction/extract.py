"""Mentions of every document in a stream: long texts cut into pieces, offsets into the original text."""

import functools
from dataclasses import dataclass
from typing import Iterable, Iterator

import spacy

from ..pipeline import transformer_path  # noqa: F401  registers the function that training configs name
from .inputs import Document
from .split_text import split_text

DEFAULT_MAX_CHARS = 2000


def mention_key(text: str) -> str:
    """Canonical key that groups spellings of one name: "HMDB-51", "HMDB51", "hmdb 51" → "hmdb51"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass
class Counts:
    """Running totals, updated as extract_records yields records."""

    documents: int = 0
    words: int = 0
    mentions: int = 0


@functools.lru_cache(maxsize=2)
def load_pipeline(model: str, int8: bool = False):
    """spacy.load(model), quantised with `int8`; cached, so each process loads a model once."""
    nlp = spacy.load(model)
    if int8:
        from .quantize import quantize_int8

        quantize_int8(nlp)
    return nlp


def extract_records(nlp, documents: Iterable[Document], batch_size: int = 64, max_chars: int = DEFAULT_MAX_CHARS,
                    n_process: int = 1, counts: Counts = None) -> Iterator[dict]:
    """One record {"id", "mentions": [{"text", "start", "end", "label", "key"}]} per document,
    in input order. Each text is cut into pieces of at most `max_chars` characters that go
    through nlp.pipe; mention offsets are into the whole text."""
    counts = counts if counts is not None else Counts()

    def pieces():
        for doc in documents:
            spans = split_text(doc.text, max_chars) or [(0, len(doc.text))]
            for i, (start, end) in enumerate(spans):
                yield doc.text[start:end], (doc, start, i == len(spans) - 1)

    mentions = []
    for piece, (doc, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        counts.words += len(piece)
        mentions += [{"text": e.text, "start": e.start_char + offset, "end": e.end_char + offset, "label": e.label_,
                      "key": mention_key(e.text)} for e in piece.ents]
        if last:
            counts.documents += 1
            counts.mentions += len(mentions)
            yield {"id": doc.id, "mentions": mentions}
            mentions = []
