"""A pipeline component that splits a predicted mention naming several datasets at its coordinations."""

from typing import List

from spacy.language import Language
from spacy.tokens import Doc, Span

from .vocabulary import ARTICLES, SPLIT_MENTIONS

# Tokens that join coordinated names: "MNIST, CIFAR and ImageNet data sets". Words match as
# written in lower case, so a capital that belongs to a name stays ("VQA and A-OKVQA").
COORDINATORS = {",", "and", "or", ";"}
# Dropped from the start of each part
LEADING = ARTICLES | COORDINATORS


def _names(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] holds a name: a token with an upper-case letter and at least two
    letters. A version or an identifier of an elliptical coordination does not ("v2", "2010",
    "T08" of "TREC Adhoc T07 and T08 collections")."""
    return any(any(ch.isupper() for ch in token.text) and sum(ch.isalpha() for ch in token.text) >= 2
               for token in doc[start:end])


def split_parts(doc: Doc, start: int, end: int) -> List[Span]:
    """doc[start:end] cut at its coordinators into parts, each without leading articles, when every
    part names something ("ACE2004, MSNBC and AQUAINT data sets" → ACE2004 | MSNBC | AQUAINT data
    sets); else the span whole ("Something-Something v1 & v2", "TREC 2009 and 2010"). A generic
    head word stays with the last part, as in the hand-annotated corpora."""
    parts, part_start = [], start
    for i in range(start, end):
        if doc[i].text in COORDINATORS:
            parts.append((part_start, i))
            part_start = i + 1
    parts.append((part_start, end))
    trimmed = []
    for s, e in parts:
        while s < e and doc[s].text in LEADING:
            s += 1
        if s < e:
            trimmed.append((s, e))
    if len(trimmed) < 2 or not all(_names(doc, s, e) for s, e in trimmed):
        return [doc[start:end]]
    return [doc[s:e] for s, e in trimmed]


@Language.component(SPLIT_MENTIONS, requires=["doc.ents"], assigns=["doc.ents"])
def split_mentions(doc: Doc) -> Doc:
    """Split every entity that coordinates several names into one entity per name."""
    ents = []
    for ent in doc.ents:
        ents += [Span(doc, part.start, part.end, label=ent.label) for part in split_parts(doc, ent.start, ent.end)]
    doc.ents = ents
    return doc
