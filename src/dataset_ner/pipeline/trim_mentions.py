"""A pipeline component that trims connecting words and stray punctuation off predicted mentions."""

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# No mention in the hand-annotated train splits (Heddes et al. 2021, TDMSci) starts or ends with
# one of these words; a predicted mention cut off in a coordination can ("ACE-2 and"). Matched as
# written, in lower case, so that a capital that belongs to a name stays ("IJB-A", "ShanghaiTech
# Part A", "In-Shop Clothes").
CONNECTING_WORDS = {"and", "or", "of", "on", "in", "with", "for", "to", "from", "by", "at"}
# Nor does a mention end with an article, though "the" may start one ("the Penn Treebank").
END_WORDS = CONNECTING_WORDS | {"the", "a", "an"}
OPENING = set("([{\"'")
CLOSING = set(")]}\"'")


def _droppable_end(token: Token) -> bool:
    if token.text in END_WORDS or token.is_space:
        return True
    return token.is_punct and token.text not in CLOSING


def _droppable_start(token: Token) -> bool:
    if token.text in CONNECTING_WORDS or token.is_space:
        return True
    return token.is_punct and token.text not in OPENING


@Language.component("trim_dataset_mentions")
def trim_mentions(doc: Doc) -> Doc:
    """Shrink each entity past leading and trailing connecting words, whitespace tokens and
    punctuation (other than brackets and quotes that belong to it); drop it if nothing is left."""
    trimmed = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while end > start and _droppable_end(doc[end - 1]):
            end -= 1
        while start < end and _droppable_start(doc[start]):
            start += 1
        if end > start:
            trimmed.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
    doc.ents = trimmed
    return doc
