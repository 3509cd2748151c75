"""A pipeline component that trims connecting words and stray punctuation off predicted mentions."""

from typing import Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from .vocabulary import ARTICLES, TRIM_MENTIONS

# No mention in the hand-annotated train splits (Heddes et al. 2021, TDMSci) starts or ends with
# one of these words; a predicted mention cut off in a coordination can ("ACE-2 and"). Matched as
# written, in lower case, so that a capital that belongs to a name stays ("IJB-A", "ShanghaiTech
# Part A", "In-Shop Clothes").
CONNECTING_WORDS = {"and", "or", "of", "on", "in", "with", "for", "to", "from", "by", "at"}
# Nor does a mention end with an article, though "the" may start one ("the Penn Treebank").
END_WORDS = CONNECTING_WORDS | ARTICLES
# A bracket or quote stays at an edge only when the mention holds its partner ("British National
# Corpus (BNC)", "\"MovieLens\""); an unmatched one was cut off from text outside the mention.
PAIRS = {"(": ")", "[": "]", "{": "}", '"': '"', "'": "'"}
BRACKETS = [opening for opening, closing in PAIRS.items() if opening != closing]
OPENING_OF = {closing: opening for opening, closing in PAIRS.items()}


def _paired(span: Span, opening: str) -> bool:
    """Whether every `opening` mark in the span has its partner (a quote: an even count)."""
    texts = [token.text for token in span]
    if opening == PAIRS[opening]:
        return texts.count(opening) % 2 == 0
    return texts.count(opening) == texts.count(PAIRS[opening])


def _droppable_end(span: Span) -> bool:
    token = span[-1]
    if token.text in END_WORDS or token.is_space:
        return True
    if token.text in OPENING_OF:
        return not _paired(span, OPENING_OF[token.text])
    return token.is_punct


def _droppable_start(span: Span) -> bool:
    token = span[0]
    if token.text in CONNECTING_WORDS or token.is_space:
        return True
    if token.text in PAIRS:
        return not _paired(span, token.text)
    return token.is_punct


def _trimmed(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """The token span `start:end` less droppable tokens at its edges."""
    while end > start and _droppable_end(doc[start:end]):
        end -= 1
    while start < end and _droppable_start(doc[start:end]):
        start += 1
    return start, end


def _unclosed_bracket(span: Span) -> Optional[int]:
    """The doc index of the first opening bracket in `span` that no partner follows inside it, else
    None: "DAQUAR-ALL (Table", "AP (topic 51-150" (none of the 3,647 mentions of the hand-annotated
    train splits, Heddes revised, and seed-gold dev holds one)."""
    texts = [token.text for token in span]
    for i, text in enumerate(texts):
        if text in BRACKETS and PAIRS[text] not in texts[i + 1:]:
            return span.start + i
    return None


def _word_end(doc: Doc, end: int, limit: int) -> int:
    """The end of the word token `end - 1` is in: past the tokens before `limit` glued to it that
    begin with a letter or digit. The tokenizer cuts a unit off a number ("ImageNet-22K" →
    "ImageNet-22", "K"; "JFT-300M"), and a mention that ends there names another dataset."""
    while end < limit and not doc[end - 1].whitespace_ and doc[end].text[:1].isalnum():
        end += 1
    return end


@Language.component(TRIM_MENTIONS)
def trim_mentions(doc: Doc) -> Doc:
    """Shrink each entity past leading and trailing connecting words, whitespace tokens and
    punctuation (other than brackets and quotes paired inside it); drop it if nothing is left or
    what is left has no letter or digit (every hand-annotated mention has one; a lone symbol
    is no name). Cut it before an opening bracket whose partner it lacks (_unclosed_bracket) and trim
    again; then let it end where its last word ends (_word_end), short of the next entity."""
    trimmed = []
    ents = list(doc.ents)
    for ent, following in zip(ents, ents[1:] + [None]):
        start, end = _trimmed(doc, ent.start, ent.end)
        cut = _unclosed_bracket(doc[start:end])
        if cut is not None:
            start, end = _trimmed(doc, start, cut)
        if any(char.isalnum() for char in doc[start:end].text):
            end = _word_end(doc, end, len(doc) if following is None else following.start)
            trimmed.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
    doc.ents = trimmed
    return doc
