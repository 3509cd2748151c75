"""Where a paper's reference list is, so that each mention can say whether it is in the body or in
the references.

The text is cut into paragraphs at blank lines (as text_repair writes a PDF's text). The list
starts at the last paragraph that begins with a references heading ("References",
"7 References", "Bibliography", "Literature Cited", ...) and is followed by a reference entry;
else at a "References" after a sentence's end inside a paragraph, followed by an entry; else at
the first of a run of MIN_RUN entries in the second half of the text.
An entry is a paragraph with a year and the shape of a citation: numbered ("[12]", "12."), an
author-year entry ("Smith, J. and Lee, K. 2019. Title.", "… (2019).") or a venue word
("In Proceedings", "arXiv:", "Journal", "pages 12–20", "et al."). The list ends at an appendix
or supplementary heading ("A Appendix", "Appendix B", "Supplementary Material", "A.1 Details",
"B Training Details We train ..." run into its paragraph)
or where MIN_RUN long paragraphs in a row are not entries (prose again); else at the end. Its
figure and table captions and the paragraphs after its last entry are left to the body.
"""

import re
from typing import List, Tuple

BODY, REFERENCES = "body", "references"
MIN_RUN = 3
PROSE_CHARS = 300  # a paragraph this long that is no entry is prose

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
NUMBER = r"(?:\d+|[IVX]+|[A-Z])(?:\.\d+)*\.?"
HEADING = re.compile(rf"^(?:{NUMBER}\s+)?(?:references?|bibliography|literature\s+cited|works\s+cited|cited\s+literature|"
                     r"reference\s+list)(?:\s+and\s+notes)?\b\s*[:.]?(?=\s|$)", re.IGNORECASE)
BACK_TO_BODY = re.compile(r"^(?:(?:[A-Z](?:\.\d+)*\.?|\d+\.?)\s+)?(?i:appendix|appendices|supplementary|supplemental)\b"
                          r"|^[A-Z](?:\.\d+)+\.?\s+[A-Z]|^[A-Z]\s+[A-Z][a-z]+(?:\s+[A-Za-z]+){0,6}$")
# An appendix heading run into its first paragraph ("A Pre-training Details We construct ..."): no comma
# or full stop in its first 25 characters and no year in its first 80, where an entry has them
# ("A Vaswani, N Shazeer, ...", "C Callaway and J Lester. 2002.").
LETTER_HEADING = re.compile(r"^[A-H]\s+[A-Z][\w&-]*\s(?![^\n]{0,25}[,.])(?![^\n]{0,80}\b(?:1[89]|20)\d\d\b)")
INLINE_HEADING = re.compile(r"[.!?]\s+((?:References|REFERENCES|Bibliography|BIBLIOGRAPHY)\s+)(?=[A-Z\[])")
CAPTION = re.compile(r"^(?:Figure|Fig\.|Table)\s*\d+\s*[:.]")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d[a-z]?\b")
NUMBERED = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.\s|\[[^\]]{1,60}\d\d[a-z]?\])")
AUTHOR_YEAR = re.compile(r"\b(?:1[89]|20)\d\d[a-z]?\)?[.,:]\s|\((?:1[89]|20)\d\d[a-z]?\)")
VENUE = re.compile(r"\bIn\s+Proc|\bProceedings\b|arXiv|\bJournal\b|\bpages?\s+\d|\bpp\.\s*\d|\bet\s+al\b|\bVol\.|"
                   r"\bvolume\s+\d|\bdoi\b|\bPress\b|\bConference\b|\bWorkshop\b|\bTransactions\b|\bPreprint\b|"
                   r"https?://", re.IGNORECASE)


def paragraphs(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each non-blank paragraph of `text`."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def is_entry(paragraph: str) -> bool:
    """Whether a paragraph looks like a reference entry (or a run of them): a year, and a number,
    an author-year shape or a venue word."""
    if not YEAR.search(paragraph):
        return False
    return bool(NUMBERED.match(paragraph) or AUTHOR_YEAR.search(paragraph) or VENUE.search(paragraph))


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph begins with a references heading followed by nothing or by an entry."""
    match = HEADING.match(paragraph.strip())
    return bool(match) and (not paragraph.strip()[match.end():].strip() or is_entry(paragraph))


def returns_to_body(paragraph: str) -> bool:
    """Whether a paragraph begins with an appendix or supplementary heading and is no entry."""
    paragraph = paragraph.strip()
    return bool(LETTER_HEADING.match(paragraph)) or (bool(BACK_TO_BODY.match(paragraph)) and not is_entry(paragraph[:200]))


def list_start(text: str, spans: List[Tuple[int, int]]) -> int:
    """Where the reference list starts (its heading, or its first entry), or -1: the last paragraph
    that is a references heading followed by an entry; else the last heading that ends a
    paragraph's sentence and is followed by an entry in it; else the first of MIN_RUN entries in a
    row in the second half of the text."""
    for index in range(len(spans) - 1, -1, -1):
        start, end = spans[index]
        following = [is_entry(text[s:e]) for s, e in spans[index + 1 : index + 1 + MIN_RUN]]
        if is_heading(text[start:end]) and (any(following) or is_entry(text[start:end])):
            return start
    inline = [m.start(1) for m in INLINE_HEADING.finditer(text) if is_entry(text[m.start(1) : m.start(1) + 400])]
    if inline:
        return inline[-1]
    half = len(text) // 2
    for index, (start, _end) in enumerate(spans):
        run = spans[index : index + MIN_RUN]
        if start >= half and len(run) == MIN_RUN and all(is_entry(text[s:e]) for s, e in run):
            return start
    return -1


def list_end(text: str, spans: List[Tuple[int, int]], first: int) -> int:
    """Index of the paragraph after the reference list that starts in paragraph `first`."""
    for index in range(first + 1, len(spans)):
        start, end = spans[index]
        if returns_to_body(text[start:end]):
            return index
        run = spans[index : index + MIN_RUN]
        if len(run) == MIN_RUN and all(e - s >= PROSE_CHARS and not is_entry(text[s:e]) for s, e in run):
            return index
    return len(spans)


def reference_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each stretch of the reference list in `text` (none where no list is found):
    from its start to its last entry, less the figure and table captions among its paragraphs
    (floats that PDF text puts between entries)."""
    spans = paragraphs(text)
    start = list_start(text, spans)
    if start < 0:
        return []
    first = next(i for i, (s, e) in enumerate(spans) if s <= start < e)
    last = list_end(text, spans, first)
    kept = [i for i in range(first, last) if i == first or not CAPTION.match(text[slice(*spans[i])])]
    while len(kept) > 1 and not is_entry(text[slice(*spans[kept[-1]])]):
        kept.pop()
    stretches = []
    for index in kept:
        if stretches and index - 1 == previous:
            stretches[-1][1] = spans[index][1]
        else:
            stretches.append([max(spans[index][0], start), spans[index][1]])
        previous = index
    return [tuple(stretch) for stretch in stretches]


def section_of(stretches: List[Tuple[int, int]], start: int) -> str:
    """REFERENCES where the character at `start` lies in the reference list's `stretches`, else BODY."""
    return REFERENCES if any(s <= start < e for s, e in stretches) else BODY


def mark_sections(text: str, mentions: List[dict]) -> None:
    """Set each mention record's "section" (BODY or REFERENCES) by its start in `text`."""
    stretches = reference_spans(text) if mentions else []
    for mention in mentions:
        mention["section"] = section_of(stretches, mention["start"])
