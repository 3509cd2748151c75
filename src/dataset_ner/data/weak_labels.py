"""Decide for each weakly labelled span: keep, repair (trim, extend, merge) or drop, with a reason."""

import re
from collections import Counter
from dataclasses import dataclass
from typing import FrozenSet, Iterable, List, Optional, Pattern, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from ..char_spans import CharSpan
from ..pipeline.vocabulary import SPAN_HEAD_NOUNS

EDGE_CHARS = ".,;:!?()[]{}<>\"'‘’“”`*†‡§•·|/\\=+~^-–—_"
POSSESSIVES = ("'s", "’s")
NUMBER = re.compile(r"^[\d.,%×x+\-–]+$")
BROKEN_WORD = re.compile(r"^[A-Za-z][a-z]*-[a-z]+$")
REFERENCE_MARKS = re.compile(r"\bet al\b|\b[A-Z]\. ?[A-Z]?\.? ?[A-Z][a-z]+,|\b(?:Proc\.|Proceedings|In Proc|Citation Citation|pp\.)")


HEAD_NOUN_AFTER = re.compile(r"\s+(?:" + "|".join(map(re.escape, SPAN_HEAD_NOUNS)) + r")\b", re.IGNORECASE)


def extend_head_noun(text: str, start: int, end: int) -> CharSpan:
    """Take a generic head noun that follows the name into the span ("UCF101 dataset"), as the
    hand-annotated corpora do."""
    match = HEAD_NOUN_AFTER.match(text, end)
    return (start, match.end()) if match else (start, end)


PERSON_CONTEXT = re.compile(r"\b[A-Z]\. ?([A-Z][a-z]+)\b|\b([A-Z][a-z]+),? (?:[A-Z]\.|et al\b|and [A-Z]\.)")


def person_names(texts: Iterable[str]) -> FrozenSet[str]:
    """Capitalised words seen after an initial or before ", A." / "et al": authors' names."""
    return frozenset(name for text in texts for match in PERSON_CONTEXT.finditer(text) for name in match.groups() if name)


def in_reference(text: str) -> bool:
    """True for snippets from a bibliography or citation ("J. Sun.", "et al", "Proceedings")."""
    return bool(REFERENCE_MARKS.search(text))


@dataclass(frozen=True)
class SpanDecision:
    """What became of one labelled span: `action` is kept, repaired or dropped."""

    action: str
    reason: str
    start: int
    end: int


def word_bounds(text: str, start: int, end: int) -> CharSpan:
    """Extend [start, end) to the whitespace-delimited words it touches."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def trim(text: str, start: int, end: int) -> CharSpan:
    """Strip punctuation and possessive 's from the edges of [start, end)."""
    changed = True
    while changed and start < end:
        changed = False
        for suffix in POSSESSIVES:
            if text[start:end].endswith(suffix) and end - start > len(suffix):
                end -= len(suffix)
                changed = True
        while start < end and (text[start] in EDGE_CHARS or text[start].isspace()):
            start, changed = start + 1, True
        while start < end and (text[end - 1] in EDGE_CHARS or text[end - 1].isspace()):
            end, changed = end - 1, True
    return start, end


def looks_like_name(text: str) -> bool:
    """A name carries an upper-case letter or a digit (ImageNet, KITTI, FB15k, 20 Newsgroups)."""
    return any(char.isupper() or char.isdigit() for char in text)


# Words around a name that show a dataset is meant: context evidence for the filter, not the vocabulary's
# articles and head nouns (a subset or a split counts too: "X test", "X split").
CUE_BEFORE = frozenset({"on", "the", "from", "using", "in"})
CUE_AFTER = frozenset(
    "dataset datasets data corpus benchmark benchmarks database set sets test train training validation split task".split()
)


def dataset_contexts(texts: Iterable[str]) -> Counter:
    """How often each word stands where a dataset name is expected: after "on", "the", "from",
    "using", "in", or before "dataset", "corpus", "test", "split" and the like."""
    counts: Counter = Counter()
    for text in texts:
        words = [word.strip(EDGE_CHARS) for word in text.split()]
        for i, word in enumerate(words):
            before = words[i - 1].lower() if i else ""
            after = words[i + 1].lower() if i + 1 < len(words) else ""
            if word and (before in CUE_BEFORE or after in CUE_AFTER):
                counts[word] += 1
    return counts


@dataclass(frozen=True)
class Evidence:
    """What the whole corpus says about words: their lower-case use, authors' names,
    uses where a dataset is expected ("on X", "X dataset"), and a denylist."""

    lowercase_vocab: Counter
    people: FrozenSet[str]
    contexts: Counter
    denylist: FrozenSet[str] = frozenset()
    common_min: int = 3
    context_min: int = 2

    @classmethod
    def from_texts(cls, texts: Iterable[str], denylist: FrozenSet[str] = frozenset(), **limits) -> "Evidence":
        texts = list(texts)
        return cls(count_lowercase_words(texts), person_names(texts), dataset_contexts(texts), denylist, **limits)


def drop_reason(mention: str, evidence: Evidence) -> Optional[str]:
    """Why `mention` cannot be a dataset name on its own, or None if it may be one."""
    if not mention:
        return "punctuation_only"
    if mention.lower() in STOP_WORDS:
        return "stopword"
    if NUMBER.match(mention):
        return "number_fragment"
    if len(mention) <= 2:
        return "too_short"
    if sum(char.isalpha() for char in mention) < 2:
        return "number_fragment"
    if "://" in mention or "www." in mention:
        return "url"
    if any(char in mention for char in "()[]{}"):
        return "brackets"
    if BROKEN_WORD.match(mention):
        return "word_broken_by_hyphen"
    if not looks_like_name(mention):
        return "lowercase_word"
    if mention in evidence.denylist:
        return "not_a_dataset_list"
    if mention in evidence.people:
        return "person_name"
    single_word = " " not in mention
    if single_word and mention[1:].islower() and evidence.lowercase_vocab[mention.lower()] >= evidence.common_min:
        return "capitalised_common_word"
    if single_word and not any(c.isdigit() for c in mention) and evidence.contexts[mention] < evidence.context_min:
        return "no_dataset_context"
    return None


class Lexicon:
    """Trusted mention strings, found in text by one longest-first regular expression."""

    def __init__(self, names: Iterable[str]):
        self.names = frozenset(names)
        alternation = "|".join(re.escape(name) for name in sorted(self.names, key=lambda s: (-len(s), s)))
        self.pattern: Optional[Pattern[str]] = (
            re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])") if self.names else None
        )

    def find(self, text: str) -> List[CharSpan]:
        """Character spans of lexicon names in `text` (leftmost, longest, not overlapping)."""
        return [m.span() for m in self.pattern.finditer(text)] if self.pattern else []


def split_candidates(
    mentions: Iterable[Tuple[str, bool]], min_count: int, max_edge_share: float
) -> Tuple[Lexicon, FrozenSet[str]]:
    """From (mention, touches snippet edge) pairs of name-like mentions, build the lexicon of
    names seen at least `min_count` times, less the fragments: parts of a longer name that are
    labelled mostly at a snippet edge, where the rest of the name was cut off (IJB of IJB-A)."""
    seen: Counter = Counter()
    at_edge: Counter = Counter()
    for mention, edge in mentions:
        seen[mention] += 1
        at_edge[mention] += edge
    frequent = {name for name, n in seen.items() if n >= min_count}
    parts = {part for name in frequent for part in re.split(r"[\s\-]+", name) if part and part != name}
    fragments = frozenset(
        name for name in frequent if name in parts and at_edge[name] / seen[name] >= max_edge_share
    )
    return Lexicon(frequent - fragments), fragments


def read_denylist(path) -> FrozenSet[str]:
    """The strings of a one-per-line list file, without blank lines and # comments."""
    lines = (line.strip() for line in open(path, encoding="utf8"))
    return frozenset(line for line in lines if line and not line.startswith("#"))


def count_lowercase_words(texts: Iterable[str]) -> Counter:
    """How often each all-lower-case word occurs in the corpus texts."""
    return Counter(word for text in texts for word in text.split() if word.isalpha() and word.islower())


def decide(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    fragments: FrozenSet[str],
    evidence: Evidence,
    repair: bool,
    filter_spans: bool,
) -> SpanDecision:
    """Repair (when `repair`) then judge (when `filter_spans`) one labelled span of `text`."""
    reasons: List[str] = []
    if repair:
        start, end, reasons = repair_span(text, start, end, lexicon)
    if start >= end:
        return SpanDecision("dropped", "punctuation_only", start, end)
    if filter_spans:
        mention = text[start:end]
        reason = drop_reason(mention, evidence)
        if reason is None and in_reference(text):
            reason = "reference_context"
        if reason is None and mention in fragments:
            reason = "name_fragment"
        if reason is None and mention not in lexicon.names:
            reason = "rare_string"
        if reason:
            return SpanDecision("dropped", reason, start, end)
    return SpanDecision("repaired" if reasons else "kept", "+".join(reasons) or "as_labelled", start, end)


def repair_span(text: str, start: int, end: int, lexicon: Lexicon) -> Tuple[int, int, List[str]]:
    """Extend the span to whole words, trim its punctuation, then widen it to the longest
    lexicon name around it ("Something-Something [V2]" -> "Something-Something V2")."""
    reasons: List[str] = []
    wide = word_bounds(text, start, end)
    if wide != (start, end):
        reasons.append("extended_to_word")
    trimmed = trim(text, *wide)
    if trimmed != wide:
        reasons.append("trimmed_punctuation")
    start, end = trimmed
    covering = [(s, e) for s, e in lexicon.find(text) if s <= start and end <= e and e - s > end - start]
    if covering:
        start, end = max(covering, key=lambda span: span[1] - span[0])
        reasons.append("merged_fragment")
    return start, end, reasons
