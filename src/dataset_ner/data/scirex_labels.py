"""The cleaning rule that turns SciREX Material spans into DATASET mentions.

A Material span, trimmed of edge punctuation, is
- split where it coordinates names ("CNN and Daily Mail datasets" → "CNN", "Daily Mail datasets",
  "CNN/Daily Mail" → "CNN", "Daily Mail");
- dropped as a definite non-dataset (its tokens O) when it is generic material without a name (no
  upper-case letter or digit: "real images", "datasets", "-shot", unless the paper's corpus spells
  the same words as a name: "snli"), an N-shot setting ("5-shot") or only language names
  ("English", "English-German", "EN RO");
- dropped as unsure (its tokens missing) when it is a bare number ("100", "2012": a name's fragment);
- otherwise kept, with a generic head noun that follows it ("COCO dataset") and a named split after
  that ("KITTI validation set", as the hand-annotated corpora mark "CTB test set")."""

import re
from dataclasses import dataclass
from typing import FrozenSet, Iterable, List, Optional

from ..char_spans import CharSpan
from .weak_labels import extend_head_noun, looks_like_name

LANGUAGES = frozenset(
    "english german french romanian russian czech chinese japanese spanish finnish turkish latvian estonian "
    "hindi arabic vietnamese italian dutch portuguese korean polish swedish hungarian farsi persian hebrew greek "
    "danish norwegian indonesian bulgarian croatian serbian slovenian slovak ukrainian lithuanian basque catalan "
    "tamil urdu thai swahili "
    "en de fr ro ru cs zh ja es fi tr lv et hi ar vi it nl pt ko pl".split()
)
LANGUAGE_GLUE = re.compile(r"[\s\-→/]+|\bto\b|\band\b")
SHOT = re.compile(r"\d*\s*-?\s*shot", re.IGNORECASE)
NUMBER = re.compile(r"[\d.,\s]+")
COORDINATION = re.compile(r",\s*and\s+|,\s*|\s+and\s+|/")
NAMED_SPLIT = re.compile(r"\s+(?:training|train|validation|val|test|testing|dev|development)\s+sets?\b", re.IGNORECASE)
EDGE = ".,;:!?\"“”‘’'([{)]} "

KEEP, OUTSIDE, MISSING = "keep", "outside", "missing"


@dataclass(frozen=True)
class Decision:
    """What the rule made of one Material span: `action` keep, outside (O) or missing, with the
    resulting spans (keep) or the span's own tokens (outside, missing), the reason, and the names
    kept (the mentions without head noun or split)."""

    action: str
    spans: tuple
    reason: str
    names: tuple = ()


def trim(text: str, start: int, end: int) -> CharSpan:
    """The span without edge punctuation, spaces and unbalanced brackets ("CelebA." → "CelebA")."""
    while start < end and text[start] in EDGE and not _balanced(text[start:end]):
        start += 1
    while start < end and text[end - 1] in EDGE and not _balanced(text[start:end]):
        end -= 1
    return start, end


def _balanced(mention: str) -> bool:
    """Whether the edges of `mention` are a matched bracket pair inside a name ("Penn Treebank (PTB)")."""
    return mention.count("(") == mention.count(")") > 0 and mention[-1] == ")" and mention[0] not in "(."


def is_languages(mention: str) -> bool:
    """Only language names, alone or as a pair ("English", "English-German", "EN RO", "English→Russian")."""
    words = [w for w in LANGUAGE_GLUE.split(mention) if w]
    return bool(words) and all(w.lower() in LANGUAGES for w in words)


def split_coordination(text: str, start: int, end: int) -> List[CharSpan]:
    """The names a span coordinates, each a span; the span whole when any part is no name."""
    parts, cursor = [], start
    for match in COORDINATION.finditer(text, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    if len(parts) > 1 and all(looks_like_name(text[s:e]) for s, e in parts):
        return parts
    return [(start, end)]


def name_spellings(mentions: Iterable[str]) -> FrozenSet[str]:
    """Lower-cased Material strings that carry a name somewhere in the corpus ("snli" of "SNLI")."""
    return frozenset(m.lower() for m in mentions if looks_like_name(m))


def decide(text: str, start: int, end: int, spellings: FrozenSet[str] = frozenset()) -> Decision:
    """The cleaning rule for the Material span text[start:end]."""
    start, end = trim(text, start, end)
    mention = text[start:end]
    reason: Optional[str] = None
    if not mention:
        return Decision(MISSING, (), "punctuation")
    if SHOT.fullmatch(mention):
        reason = "n-shot"
    elif is_languages(mention):
        reason = "languages"
    elif NUMBER.fullmatch(mention):
        return Decision(MISSING, ((start, end),), "number")
    elif not looks_like_name(mention) and mention.lower() not in spellings:
        reason = "generic"
    if reason:
        return Decision(OUTSIDE, ((start, end),), reason)
    parts = split_coordination(text, start, end)
    spans = tuple(extend_split(text, *extend_head_noun(text, s, e)) for s, e in parts)
    return Decision(KEEP, spans, "coordination" if len(parts) > 1 else "name", tuple(text[s:e] for s, e in parts))


def extend_split(text: str, start: int, end: int) -> CharSpan:
    """Take a named split that follows the name into the span ("KITTI validation set")."""
    match = NAMED_SPLIT.match(text, end)
    return (start, match.end()) if match else (start, end)
