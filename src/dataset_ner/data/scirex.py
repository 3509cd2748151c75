"""Read SciREX papers and turn each sentence into an example: readable text, DATASET mentions from
the cleaned Material spans, Method/Task/Metric spans as definite non-mentions."""

import gzip
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Tuple

from spacy.tokens import Doc, Span

from ..char_spans import CharSpan, overlaps
from ..input_error import InputError
from ..json_files import parse_line
from ..pipeline.vocabulary import SPAN_HEAD_NOUNS
from .detokenize import detokenize, is_citation
from .gold import dataset_spans
from .scirex_labels import KEEP, MISSING, OUTSIDE, decide, extend_split, name_spellings
from .scirex_split import split_of
from .weak_labels import extend_head_noun, looks_like_name

MATERIAL = "Material"
NEGATIVE_TYPES = frozenset({"Method", "Task", "Metric"})
# Words that may end a dataset's name: head nouns and splits ("X corpus", "X test set")
NAME_TAILS = frozenset(w for noun in SPAN_HEAD_NOUNS for w in noun.split()) | {
    "set", "sets", "data", "training", "train", "validation", "val", "test", "testing", "dev", "development"}
MIN_KNOWN = 3  # Material spans a name needs to make a Method/Task/Metric span holding it missing elsewhere


@dataclass(frozen=True)
class Paper:
    """One SciREX paper: its words, sentences as token ranges and typed token spans."""

    doc_id: str
    words: Tuple[str, ...]
    sentences: Tuple[Tuple[int, int], ...]
    ner: Tuple[Tuple[int, int, str], ...]


@dataclass(frozen=True)
class Example:
    """One sentence: its text, the Material spans as found (`materials`), the cleaned mentions
    (`mentions`), spans known not to be mentions (`outside`: Method/Task/Metric, dropped Material,
    citations) with their labels, and spans whose tokens stay unknown (`missing`: bare numbers of
    Material, Method/Task/Metric spans that hold a dataset's name)."""

    id: str
    doc_id: str
    text: str
    materials: Tuple[CharSpan, ...]
    mentions: Tuple[CharSpan, ...]
    outside: Tuple[Tuple[int, int, str], ...]
    missing: Tuple[CharSpan, ...]


def read_papers(path: Path) -> Iterator[Paper]:
    """The papers of a (gzipped) JSON Lines file; InputError naming file, line and problem."""
    opener = gzip.open if str(path).endswith(".gz") else open
    if not Path(path).is_file():
        raise InputError(path, 0, "file not found")
    with opener(path, "rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            row = parse_line(path, number, raw)
            try:
                paper = Paper(str(row["doc_id"]), tuple(row["words"]), tuple((s, e) for s, e in row["sentences"]),
                              tuple((s, e, t) for s, e, t in row["ner"]))
            except (KeyError, TypeError, ValueError) as err:
                raise InputError(path, number, f"expected doc_id, words, sentences [start, end] and ner [start, end, type] ({err!r})") from None
            for start, end, *_ in paper.sentences + paper.ner:
                if not 0 <= start < end <= len(paper.words):
                    raise InputError(path, number, f"{paper.doc_id}: token range [{start}, {end}) outside its {len(paper.words)} words")
            yield paper


def material_spellings(papers: List[Paper]) -> FrozenSet[str]:
    """Lower-cased Material strings that carry a name somewhere in the papers (scirex_labels.decide)."""
    return name_spellings(detokenize(p.words[s:e])[0] for p in papers for s, e, t in p.ner if t == MATERIAL)


def known_names(papers: List[Paper], spellings: FrozenSet[str], min_count: int = MIN_KNOWN) -> FrozenSet[str]:
    """Names the cleaning rule keeps from at least `min_count` Material spans of the papers, and
    more often than a Method, Task or Metric span is exactly that name ("ImageNet", not "CNN")."""
    kept: Counter = Counter()
    negative: Counter = Counter()
    for paper in papers:
        for start, end, label in paper.ner:
            text = detokenize(paper.words[start:end])[0]
            if label == MATERIAL:
                kept.update(decide(text, 0, len(text), spellings).names)
            elif label in NEGATIVE_TYPES:
                negative[text] += 1
    return frozenset(name for name, count in kept.items() if count >= min_count and count > negative[name])


def train_vocabulary(papers: List[Paper]) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """The Material spellings and known names of the train papers alone (`scirex_split`): what a dev
    or test paper's spans say never decides a label of any paper."""
    train = [paper for paper in papers if split_of(paper.doc_id) == "train"]
    spellings = material_spellings(train)
    return spellings, known_names(train, spellings)


def names_in(text: str, known: FrozenSet[str], longest: int = 4) -> bool:
    """Whether a run of up to `longest` words of `text` is a known name ("ImageNet pre-trained model")."""
    words = text.split()
    return any(" ".join(words[i:i + n]) in known for n in range(1, longest + 1) for i in range(len(words) - n + 1))


def join_abbreviations(text: str, spans: List[CharSpan], reasons: Counter) -> List[CharSpan]:
    """A mention followed by its bracketed abbreviation, also a mention, becomes one ("Open Movie
    Database (OMDb)"), as the guideline says."""
    joined: List[CharSpan] = []
    for start, end in sorted(spans):
        if joined and text[joined[-1][1]:start] in (" (", "(") and text[end:end + 1] == ")":
            joined[-1] = (joined[-1][0], end + 1)
            reasons["abbreviation joined"] += 1
        else:
            joined.append((start, end))
    return joined


def _sentence_spans(paper: Paper, reasons: Counter) -> Dict[int, List[Tuple[int, int, str]]]:
    """Token spans by sentence index; a span across a sentence end is counted in `reasons` and left out."""
    by_sentence: Dict[int, List[Tuple[int, int, str]]] = {}
    starts = [s for s, _ in paper.sentences]
    for start, end, label in paper.ner:
        owner = bisect_right(starts, start) - 1
        if owner < 0 or not paper.sentences[owner][0] <= start < end <= paper.sentences[owner][1]:
            reasons[f"{label} across sentences"] += 1
            continue
        by_sentence.setdefault(owner, []).append((start, end, label))
    return by_sentence


def examples(paper: Paper, spellings: FrozenSet[str], known: FrozenSet[str], reasons: Counter) -> Iterator[Example]:
    """One example per sentence. Material is cleaned (scirex_labels.decide); a Method, Task or Metric
    span holding a name that is known (`known`) or kept from the paper's own Material is missing
    rather than O ("ImageNet" tagged Method); a name kept from the paper's Material is also a
    mention where the paper leaves it untagged."""
    by_sentence = _sentence_spans(paper, reasons)
    drafts, paper_names = [], set()
    for index, (first, last) in enumerate(paper.sentences):
        words = paper.words[first:last]
        text, offsets = detokenize(words)
        materials, mentions, outside, missing, negatives = [], [], [], [], []
        for start, end, label in sorted(by_sentence.get(index, [])):
            char = (offsets[start - first][0], offsets[end - 1 - first][1])
            if label in NEGATIVE_TYPES:
                negatives.append((*char, label))
                continue
            materials.append(char)
            decision = decide(text, *char, spellings)
            reasons[decision.reason] += 1
            if decision.action == KEEP:
                mentions += decision.spans
                paper_names.update(decision.names)
            elif decision.action == OUTSIDE:
                outside += [(s, e, f"{MATERIAL}:{decision.reason}") for s, e in decision.spans]
            elif decision.action == MISSING:
                missing += decision.spans
        outside += [(*offsets[i], "citation") for i, word in enumerate(words)
                    if is_citation(word, words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")]
        drafts.append((index, text, materials, join_abbreviations(text, mentions, reasons), outside, missing, negatives))
    names = known | paper_names
    pattern = _name_pattern(paper_names)
    for index, text, materials, mentions, outside, missing, negatives in drafts:
        for start, end, label in negatives:
            if names_in(text[start:end], names):
                reasons[f"{label} with a known name: missing"] += 1
                missing.append((start, end))
            else:
                outside.append((start, end, label))
        if pattern:
            taken = mentions + [(s, e) for s, e, _ in outside] + missing
            for match in pattern.finditer(text):
                if not overlaps(match.span(), taken):
                    span = extend_split(text, *extend_head_noun(text, *match.span()))
                    mentions.append(span)
                    taken.append(span)
                    reasons["propagated in the paper"] += 1
        yield Example(f"scirex-{paper.doc_id[:12]}-{index}", paper.doc_id, text, tuple(materials), tuple(sorted(mentions)),
                      tuple(outside), tuple(missing))


def _name_pattern(names: Iterable[str]) -> Optional[re.Pattern]:
    """A regex for whole-word occurrences of the names that look like names, longest first."""
    names = sorted((n for n in set(names) if len(n) > 1 and looks_like_name(n)), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None


def example_doc(nlp, example: Example) -> Doc:
    """A Doc of the example: its DATASET mentions; tokens of the `outside` spans and tokens that look
    like no name are O; other name-like tokens, head nouns and splits right after them ("X corpus",
    "X test set": a missed name would take them) and the `missing` spans are missing."""
    doc = nlp.make_doc(example.text)
    ents = dataset_spans(doc, example.mentions)
    inside = {i for ent in ents for i in range(ent.start, ent.end)}
    ent_chars = [(ent.start_char, ent.end_char) for ent in ents]
    known = [(s, e) for s, e, _ in example.outside if not overlaps((s, e), ent_chars)]
    unsure = [(s, e) for s, e in example.missing if not overlaps((s, e), ent_chars)]
    missing: List[Span] = []
    for i, token in enumerate(doc):
        span = (token.idx, token.idx + len(token))
        if i in inside or (overlaps(span, known) and not overlaps(span, unsure)):
            continue
        after_name = bool(missing) and missing[-1].end == i and token.lower_ in NAME_TAILS
        if looks_like_name(token.text) or after_name or overlaps(span, unsure):
            missing.append(doc[i : i + 1])
    doc.set_ents(ents, missing=missing, default="outside")
    return doc
