"""A PDF's page texts made into running text: ligatures expanded, line-end hyphenation joined where
it is a break, the lines of a paragraph joined by spaces, glyph garbage, page numbers, running
headers and the arXiv stamp dropped; paragraphs and pages apart by a blank line."""

import re
from collections import Counter
from typing import Iterator, List, Sequence, Set

SOFT_BREAK = "\ufffe"  # PDFium's mark for a hyphen at a line end between two letters
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}
REPLACED = {"\t": " ", "\u00ad": SOFT_BREAK, **LIGATURES}  # a soft hyphen marks a break as SOFT_BREAK does
REPLACE = re.compile(f"[{''.join(REPLACED)}]")
# control characters but the line feed, surrogates, private-use glyphs, U+FFFD, U+FFFF, zero-width space, BOM
DROPPED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd\uffff\u200b\ufeff]+")
GLYPH_CODE = re.compile(r"\(cid:\d+\)|(?<![\w/])/?g\d{3,5}(?:/g\d{3,5})*(?![\w/])")  # "(cid:12)", "g2206/g2869"
GLYPH_CODE_START = re.compile(r"g\d{3}")
ARXIV_STAMP = re.compile(r"arXiv:(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})v\d+ ?"  # arXiv:1512.03385v1
                         r"\[[^\]\n]+\] ?\d{1,2} ?[A-Z][a-z]{2} ?\d{4}")  # [cs.CV] 10 Dec 2015
PAGE_NUMBER = re.compile(r"(?:page )?\d{1,4}(?: of \d{1,4})?|[ivxlc]{1,6}|[-–] ?\d{1,4} ?[-–]", re.IGNORECASE)
HEADING = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z](?:\.\d{1,2})+\.?|[A-Z]\.|[IVX]{1,4}\.) [A-Z].*|"
                     r"(?i:Abstract|References|Acknowledge?ments?|Appendix|Introduction|Conclusions?|Related Work)")
CAPTION = re.compile(r"(?:Figure|Fig\.|Table) \d+[.:]")
SENTENCE_END = re.compile(r"[.!?:][\"')\]]?$")
WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"  # letters, with the hyphens of a compound
COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)+")
LINE_END_BREAK = re.compile(f"{SOFT_BREAK}\n?|-\n")
WORD_BEFORE = re.compile(rf"(?<![^\W\d_-]){WORD}\Z")
WORD_AFTER = re.compile(WORD)
EDGE = 3  # lines at the top and at the bottom of a page where page numbers and running headers are looked for
SHORT_LINE = 0.7  # a paragraph's last line is shorter than this part of the page's full lines
SHORT_RUN = 3  # consecutive lines under half the full width: a figure's or table's text


def clean(text: str) -> str:
    """Ligatures expanded; control characters, lone surrogates, private-use glyphs and glyph codes
    dropped; a soft hyphen as SOFT_BREAK, and a line end after each SOFT_BREAK (newer PDFium drops
    it); runs of white space as one space; lines stripped."""
    text = REPLACE.sub(lambda m: REPLACED[m.group()], text.replace("\r\n", "\n"))
    text = DROPPED.sub("", text.replace(f"{SOFT_BREAK}\n", SOFT_BREAK).replace(SOFT_BREAK, f"{SOFT_BREAK}\n"))
    if "(cid:" in text or GLYPH_CODE_START.search(text):
        text = GLYPH_CODE.sub("", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _edges(lines: List[str]) -> Set[int]:
    """Indices of a page's first and last EDGE non-blank lines."""
    filled = [i for i, line in enumerate(lines) if line]
    return set(filled[:EDGE] + filled[-EDGE:])


def _furniture_key(line: str) -> str:
    """A line as running headers are compared: lowercased, numbers as "#"."""
    return re.sub(r"\d+", "#", line.lower())


def drop_furniture(pages: List[List[str]]) -> List[List[str]]:
    """Each page's lines less the arXiv stamp, page numbers at its top or bottom, and running
    headers and footers: top or bottom lines that recur, digits aside, on a third of the pages
    (at least 3)."""
    pages = [[ARXIV_STAMP.sub("", line).strip() if "arXiv:" in line else line for line in lines] for lines in pages]
    counts = Counter(key for lines in pages for key in {_furniture_key(lines[i]) for i in _edges(lines)})
    running = {key for key, n in counts.items() if n >= max(3, len(pages) / 3)}
    kept = []
    for lines in pages:
        edges = _edges(lines)
        kept.append([line for i, line in enumerate(lines) if not (
            i in edges and (PAGE_NUMBER.fullmatch(line) or _furniture_key(line) in running))])
    return kept


def _full_width(lines: List[str]) -> int:
    """The length of a page's full lines (its 80th percentile), 0 for a page of few lines."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(0.8 * len(lengths))] if len(lengths) >= 5 else 0


def _in_short_runs(lines: List[str], width: int) -> List[bool]:
    """Per line, whether it is one of SHORT_RUN or more consecutive lines under half the full
    width: the labels and numbers of a figure or table."""
    flags = [False] * len(lines)
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not (width and 0 < len(lines[i]) < width / 2):
            if i - start >= SHORT_RUN:
                flags[start:i] = [True] * (i - start)
            start = i + 1
    return flags


def paragraphs(lines: List[str]) -> Iterator[List[str]]:
    """A page's lines grouped into paragraphs: at blank lines, around headings and runs of short
    lines, before captions, and after a short line that ends a sentence."""
    width = _full_width(lines)
    short = SHORT_LINE * width if width else 60
    headings = [len(line) < short and bool(HEADING.fullmatch(line)) for line in lines] + [False]
    in_runs = _in_short_runs(lines, width) + [False]
    paragraph = []
    for i, line in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if line:
            paragraph.append(line)
        if (not after or headings[i] or headings[i + 1] or in_runs[i] != in_runs[i + 1] or CAPTION.match(after)
                or (width and len(line) < short and SENTENCE_END.search(line))):
            if paragraph:
                yield paragraph
            paragraph = []


class Vocabulary:
    """The words a document writes inside its lines, lowercased: hyphenated ones ("data-to-text")
    and runs of letters ("imagenet"), the evidence for line-end hyphens."""

    def __init__(self, pages: Sequence[Sequence[str]]):
        text = "\n".join("\n".join(lines) for lines in pages).lower()
        self.compounds = {m.group() for token in text.split() if "-" in token for m in COMPOUND.finditer(token)}
        self.words = set(re.findall(r"[^\W\d_]+", text))

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether `left`-`right`, broken at a line end, is a hyphenated word (see join_lines)."""
        if f"{left}-{right}".lower() in self.compounds:
            return True
        if f"{left}{right}".lower() in self.words:
            return False
        return right[0].isupper() or any(c.isupper() for c in left[1:])


def _unbreak(text: str, at: re.Match, vocabulary: Vocabulary) -> str:
    """What stands for the line-end hyphen or SOFT_BREAK matched `at` in `text` (see join_lines)."""
    left = WORD_BEFORE.search(text, max(0, at.start() - 60), at.start())
    right = WORD_AFTER.match(text, at.end())
    if left and right:
        return "-" if vocabulary.keeps_hyphen(left.group(), right.group()) else ""
    return "-" if text[at.end():at.end() + 1].isdigit() or not at.group().endswith("\n") else "- "


def join_lines(lines: List[str], vocabulary: Vocabulary) -> str:
    """A paragraph's lines as one line. A hyphen at a line end (or PDFium's SOFT_BREAK) between
    letters stays if the document writes the hyphenated word inside a line ("data-to-/text"),
    goes if it writes the word whole ("Ima-/geNet": "ImageNet"), else stays only before a capital
    ("MS-/COCO") or after a word with a capital inside ("ResNet-/like"); before a digit it stays
    ("CIFAR-/10"). Other line ends become spaces."""
    text = "\n".join(lines)
    pieces, start = [], 0
    for at in LINE_END_BREAK.finditer(text):
        pieces += [text[start:at.start()], _unbreak(text, at, vocabulary)]
        start = at.end()
    return ("".join(pieces) + text[start:]).replace("\n", " ")


def _continues(previous: str, following: str) -> bool:
    """Whether a page's last paragraph runs on into the next page's first one."""
    return not SENTENCE_END.search(previous) and following[:1].islower()


def repair_pages(pages: Sequence[str]) -> str:
    """One text of a PDF's page texts: each cleaned, its furniture dropped, its paragraphs joined
    into lines; paragraphs and pages apart by a blank line, but a sentence that runs on into the
    next page is kept whole."""
    page_lines = drop_furniture([clean(page).split("\n") for page in pages])
    vocabulary = Vocabulary(page_lines)
    blocks: List[List[str]] = []
    for lines in page_lines:
        page_blocks = list(paragraphs(lines))
        if blocks and page_blocks and _continues(blocks[-1][-1], page_blocks[0][0]):
            blocks[-1] += page_blocks.pop(0)
        blocks += page_blocks
    return "\n\n".join(join_lines(block, vocabulary) for block in blocks)
