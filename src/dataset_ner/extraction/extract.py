"""Mentions of every document in a stream: long texts cut into pieces, offsets into the original text."""

import functools
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, List, NamedTuple, Tuple

import spacy
from spacy.tokens import Span
from spacy.util import minibatch

from ..pipeline.mention_names import name_and_key
from ..pipeline.vocabulary import MENTION_CONFIDENCE
from .citations import mark_citations
from .hash_tables import compact_vocab
from .inputs import Document, Problem
from .paper_datasets import DatasetRule, paper_datasets
from .pdf_text import PdfDocument
from .read_text import ReadText, text_to_read
from .sections import mark_sections
from .split_text import split_text
from .tool_names import mark_tools

DEFAULT_MAX_CHARS = 2000
PIPELINE_ERROR = "pipeline-error"


class NoConfidence(ValueError):
    """--min-confidence was asked of a pipeline that gives no confidence."""


class PipelineSpec(NamedTuple):
    """Which pipeline to load and how: a package name or directory, int8, the confidence threshold;
    and which datasets each paper's list keeps."""

    model: str
    int8: bool = False
    min_confidence: float = 0.0
    datasets: DatasetRule = DatasetRule()


def mention_record(span: Span, offset: int) -> dict:
    """{"text", "start", "end", "label", "name", "key", "confidence", "dataset_id", "dataset_url",
    "dataset_full_name"} of one mention, offsets shifted by `offset`; name and key as the pipeline
    set them (dataset_mention_names), else derived here, confidence null where the pipeline has no
    dataset_mention_confidence, the catalogue dataset null where dataset_linker linked none."""
    name, key = name_and_key(span.text)
    if span._.dataset_key is not None:
        name, key = span._.dataset_name, span._.dataset_key
    confidence = span._.confidence if Span.has_extension("confidence") else None
    linked = Span.has_extension("dataset_url") and bool(span.kb_id_)
    return {"text": span.text, "start": span.start_char + offset, "end": span.end_char + offset,
            "label": span.label_, "name": name, "key": key, "confidence": confidence,
            "dataset_id": span.kb_id_ or None, "dataset_url": span._.dataset_url if linked else None,
            "dataset_full_name": span._.dataset_full_name if linked else None}


@dataclass
class Counts:
    """Running totals, updated as extract_records yields records."""

    documents: int = 0
    words: int = 0
    mentions: int = 0


Piece = Tuple[str, int]  # a piece of a document's text and its offset in that text
Reader = Callable[[Iterable[Piece]], Iterator[Tuple[int, List[dict]]]]


@dataclass(frozen=True)
class Failed:
    """What read_pieces gives, in place of mention records, for a piece the pipeline raised on."""

    problem: str


def read_pieces(nlp, pieces: Iterable[Piece], batch_size: int = 64) -> Iterator[Tuple[int, List[dict]]]:
    """Per piece, in order: its number of tokens and its mention records, offsets into the document.
    The pipeline reads each piece without its bracketed author-year citations (read_text.text_to_read);
    each mention's offsets and text are those of the piece as written. Each batch goes through nlp.pipe
    inside nlp.memory_zone(), so the strings and lexemes it adds are freed, and spaCy's tables of strings
    and lexemes are compacted after it (memory stays flat however many documents pass); a batch that
    raises is read again piece by piece, and a piece that still raises gives (0, Failed) instead of its
    records."""
    for batch in minibatch(pieces, batch_size):
        results = _read_batch(nlp, batch)
        compact_vocab(nlp.vocab)
        yield from results


def placed(record: dict, piece: Piece, read: ReadText) -> dict:
    """A mention record of the text the pipeline read (`read`) with the offsets and text of `piece`, as
    written, offsets into the document."""
    text, offset = piece
    start, end = read.original_span(record["start"], record["end"])
    return {**record, "text": text[start:end], "start": start + offset, "end": end + offset}


def _read_batch(nlp, batch: List[Piece]) -> List[Tuple[int, object]]:
    try:
        with nlp.memory_zone():
            read = [(text_to_read(text), (text, offset)) for text, offset in batch]
            docs = nlp.pipe(((read_text.text, (read_text, piece)) for read_text, piece in read), as_tuples=True,
                            batch_size=len(batch))
            return [(len(doc), [placed(mention_record(e, 0), piece, read_text) for e in doc.ents])
                    for doc, (read_text, piece) in docs]
    except Exception as err:
        if len(batch) == 1:
            return [(0, Failed(f"{type(err).__name__}: {err}"))]
        return [result for piece in batch for result in _read_batch(nlp, [piece])]


@functools.lru_cache(maxsize=2)
def load_pipeline(spec: PipelineSpec):
    """spacy.load(spec.model), quantised with `int8`, dropping mentions below `min_confidence`;
    cached, so each process loads a model once."""
    nlp = spacy.load(spec.model)
    if spec.min_confidence:
        if MENTION_CONFIDENCE not in nlp.pipe_names:
            raise NoConfidence(f"{spec.model} has no {MENTION_CONFIDENCE} component: it gives no confidence to filter on")
        nlp.get_pipe(MENTION_CONFIDENCE).threshold = spec.min_confidence
    if spec.int8:
        from .quantize import quantize_int8

        quantize_int8(nlp)
    return nlp


def extract_records(nlp, documents: Iterable[Document], batch_size: int = 64, max_chars: int = DEFAULT_MAX_CHARS,
                    counts: Counts = None, rule: DatasetRule = DatasetRule()) -> Iterator[dict]:
    """One record {"id", "mentions": [mention_record + "section" + "citation" + "tool", ...],
    "datasets": paper_datasets} per document, in input order; with the "text" too where the Document
    has `store_text` (OutputDir.write keeps it in a file), and "warnings" where a PdfDocument has pages
    left out. Each text is cut into pieces of at most `max_chars` characters that go through nlp.pipe;
    mention offsets are into the whole text; each mention's "section" says whether it is in the
    reference list, its "citation" whether it is an author's name in an in-text citation
    (citations.py), its "tool" whether the text calls its name a tool (tool_names.py), and "datasets"
    is the document's dataset list by `rule`. A document the pipeline raised on gives
    {"id", "error": a PIPELINE_ERROR Problem's dict} instead (split_failed takes them out)."""
    return records_read_by(functools.partial(read_pieces, nlp, batch_size=batch_size), documents, max_chars, counts,
                           rule)


def records_read_by(read: Reader, documents: Iterable[Document], max_chars: int = DEFAULT_MAX_CHARS,
                    counts: Counts = None, rule: DatasetRule = DatasetRule()) -> Iterator[dict]:
    """extract_records with `read` (read_pieces on a pipeline, in this or other processes) in place of nlp."""
    counts = counts if counts is not None else Counts()
    sources = deque()  # (document, whether it is its last piece) of each piece handed to `read`, not yet back

    def pieces():
        for doc in documents:
            spans = split_text(doc.text, max_chars) or [(0, len(doc.text))]
            for i, (start, end) in enumerate(spans):
                sources.append((doc, i == len(spans) - 1))
                yield doc.text[start:end], start

    mentions, failed = [], None
    for tokens, piece_mentions in read(pieces()):
        doc, last = sources.popleft()
        counts.words += tokens
        if isinstance(piece_mentions, Failed):
            failed = failed or piece_mentions
        else:
            mentions += piece_mentions
        if last and failed:
            yield {"id": doc.id, "error": Problem(doc.file, doc.line, PIPELINE_ERROR, failed.problem).to_dict()}
            mentions, failed = [], None
        elif last:
            counts.documents += 1
            counts.mentions += len(mentions)
            warnings = [w.problem for w in doc.warnings] if isinstance(doc, PdfDocument) else []
            mark_sections(doc.text, mentions)
            mark_citations(doc.text, mentions)
            mark_tools(doc.text, mentions)
            yield {"id": doc.id, "mentions": mentions, "datasets": paper_datasets(mentions, rule),
                   **({"text": doc.text} if doc.store_text else {}),
                   **({"warnings": warnings} if warnings else {})}
            mentions = []


def split_failed(records: Iterable[dict]) -> Tuple[List[dict], List[dict]]:
    """The records of documents extracted, and the problems of those the pipeline raised on."""
    records = list(records)
    return [r for r in records if "error" not in r], [r["error"] for r in records if "error" in r]
