"""Read the hand-annotated corpora (JSON Lines: id, text, character-offset spans)."""

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, List, Tuple

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..char_spans import CharSpan
from ..input_error import InputError
from ..json_files import read_jsonl, write_jsonl
from ..pipeline.vocabulary import LABEL


@dataclass(frozen=True)
class Sentence:
    """One hand-annotated sentence with its DATASET spans as (start, end) character offsets."""

    id: str
    text: str
    spans: Tuple[CharSpan, ...]


def read_gold(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a corpus file; raise InputError naming file, line and problem."""
    for _, sentence in read_numbered(path):
        yield sentence


def read_numbered(path: Path) -> Iterator[Tuple[int, Sentence]]:
    """Yield each sentence of a corpus file with its line number; InputError naming file, line and problem."""
    for number, record in read_jsonl(path):
        yield number, parse_sentence(path, number, record)


def parse_sentence(path: Path, number: int, record: dict) -> Sentence:
    """The sentence of one corpus record (line `number` of `path`); InputError naming file, line and problem."""
    try:
        text = record["text"]
        spans = tuple((span["start"], span["end"]) for span in record["spans"])
        sentence = Sentence(str(record["id"]), text, spans)
    except (KeyError, TypeError) as err:
        raise InputError(path, number, f"expected id, text and spans with start/end ({err!r})") from err
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            raise InputError(path, number, f"span ({start}, {end}) outside the text of length {len(text)}")
    return sentence


def write_gold(path: Path, sentences: Iterable[Sentence]) -> None:
    """Sentences in the hand-annotated corpora's JSON Lines format."""
    write_jsonl(path, ({"id": s.id, "text": s.text, "spans": [{"start": a, "end": b, "label": LABEL} for a, b in s.spans]}
                       for s in sentences))


def dataset_spans(doc: Doc, spans: Iterable[CharSpan]) -> List[Span]:
    """DATASET spans of `doc` for character offsets, widened to whole tokens, without overlaps."""
    ents = [doc.char_span(s, e, label=LABEL, alignment_mode="expand") for s, e in spans]
    return filter_spans([ent for ent in ents if ent is not None])


def sentence_to_doc(nlp, sentence: Sentence) -> Doc:
    """A fully annotated Doc: tokens outside the spans are O."""
    doc = nlp.make_doc(sentence.text)
    doc.ents = dataset_spans(doc, sentence.spans)
    return doc
