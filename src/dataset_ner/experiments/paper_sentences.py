"""The body sentences of real PDF papers, as the extractor reads them, for annotation by hand:
each PDF read and repaired by `read_pdf`, its reference list left out (`sections`), each body
paragraph cut into sentences after a full stop, question or exclamation mark followed by a capital
(not after "et al.", "e.g.", "Fig." and the like), a sentence longer than MAX_WORDS words cut into
pieces of at most that many. One JSON object per sentence: `id` (`<paper>-<n>`), `paper`,
`text`. A paper whose id is in an `--exclude` JSONL's `id` field (the papers gold) is skipped."""

import re
from pathlib import Path
from typing import Iterator, List, Set

import typer
from wasabi import msg

from ..input_error import InputError, stop
from ..json_files import read_jsonl, write_jsonl
from ..extraction.inputs import Problem
from ..extraction.pdf_text import read_pdf
from ..extraction.sections import paragraphs, reference_spans, section_of, BODY

MAX_WORDS = 60
MIN_LETTERS = 3
ABBREVIATIONS = {"al", "e.g", "i.e", "fig", "figs", "eq", "eqs", "sec", "secs", "vs", "cf", "resp", "approx", "no", "tab", "dr", "mr", "ms"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[“\"])")


def body_paragraphs(text: str) -> Iterator[str]:
    """The paragraphs of a paper's text outside its reference list, inner whitespace runs as one space."""
    stretches = reference_spans(text)
    for start, end in paragraphs(text):
        if section_of(stretches, start) == BODY:
            yield " ".join(text[start:end].split())


def sentences(paragraph: str) -> Iterator[str]:
    """The sentences of a paragraph; one longer than MAX_WORDS words cut into pieces of MAX_WORDS words."""
    start = 0
    ends = [m for m in SENTENCE_END.finditer(paragraph)
            if paragraph[: m.start()].rsplit(None, 1)[-1].rstrip(".!?").lower() not in ABBREVIATIONS]
    for end in [m.start() for m in ends] + [len(paragraph)]:
        words = paragraph[start:end].split()
        for first in range(0, len(words), MAX_WORDS):
            piece = " ".join(words[first : first + MAX_WORDS])
            if sum(char.isalpha() for char in piece) >= MIN_LETTERS:
                yield piece
        start = end


def excluded_ids(paths: List[Path]) -> Set[str]:
    """The `id` of every row of the JSONL files (InputError naming file and line for a bad one)."""
    return {row["id"] for path in paths for _, row in read_jsonl(path) if "id" in row}


def paper_rows(pdfs: List[Path], skip: Set[str]) -> Iterator[dict]:
    """The sentence rows of each readable PDF whose stem is not in `skip`, in file-name order."""
    for path in sorted(pdfs, key=lambda p: p.name):
        paper = path.stem
        if paper in skip:
            continue
        document = read_pdf(str(path))
        if isinstance(document, Problem):
            msg.warn(f"{path}: {document.kind}: {document.problem}")
            continue
        texts = (text for paragraph in body_paragraphs(document.text) for text in sentences(paragraph))
        for number, text in enumerate(texts, 1):
            yield {"id": f"{paper}-{number}", "paper": paper, "text": text}


def main(
    pdfs: List[Path] = typer.Argument(..., help="PDF files"),
    output: Path = typer.Option(..., help="JSONL of the body sentences"),
    exclude: List[Path] = typer.Option([], help="JSONL files whose `id` fields name papers to skip (corpus/papers/papers.jsonl)"),
):
    """Write the body sentences of each PDF, paper by paper, in file-name order."""
    try:
        skip = excluded_ids(exclude)
    except InputError as err:
        stop(err)
    rows = list(paper_rows(pdfs, skip))
    write_jsonl(output, rows)
    msg.good(f"Wrote {len(rows)} sentences of {len({row['paper'] for row in rows})} papers to {output}")


if __name__ == "__main__":
    typer.run(main)
