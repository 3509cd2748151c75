"""Transformer windows that stay inside sentences, so that a paragraph is read as the sentences
the model was trained on (exact F1 on dev paragraphs: docs/experiments.md)."""

from typing import Callable, Iterable, List

from spacy.tokens import Doc, Span
from spacy_transformers.span_getters import get_strided_spans
from spacy_transformers.util import registry


def sentence_strided_spans(docs: Iterable[Doc], window: int, stride: int) -> List[List[Span]]:
    """Per doc, windows of at most `window` tokens every `stride` tokens within each sentence;
    over the whole doc where no component has set sentence boundaries (training on sentences)."""
    spans = []
    for doc in docs:
        parts = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        spans.append([window_span for windows in get_strided_spans(parts, window, stride) for window_span in windows])
    return spans


@registry.span_getters("dataset_ner.sentence_strided_spans.v1")
def configure_sentence_strided_spans(window: int, stride: int) -> Callable[[Iterable[Doc]], List[List[Span]]]:
    """spacy-transformers' strided spans, within sentences."""
    return lambda docs: sentence_strided_spans(docs, window, stride)
