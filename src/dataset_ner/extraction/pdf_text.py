"""A PDF's text, read page by page with PDFium (pypdfium2) and repaired (text_repair): a page that
cannot be read costs that page, with a warning; a file that cannot be opened is a Problem."""

from dataclasses import dataclass
from typing import List, Tuple, Union

import pypdfium2 as pdfium

from .inputs import Document, Problem
from .text_repair import repair_pages

BAD_PAGE = "bad-pdf-page"


@dataclass(frozen=True)
class PdfDocument(Document):
    """A PDF's Document; `warnings`: one BAD_PAGE Problem per page left out."""

    warnings: Tuple[Problem, ...] = ()


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()  # decoded with errors="ignore": no lone surrogates
        finally:
            textpage.close()
    finally:
        page.close()


def read_pages(path: str) -> Tuple[List[str], List[Problem]]:
    """The text of each page that PDFium can read, and a BAD_PAGE Problem for each other page.
    Raises pdfium.PdfiumError if the file cannot be opened (not a PDF, damaged beyond repair, a
    user password); a PDF encrypted with an empty user password opens."""
    pdf = pdfium.PdfDocument(path)
    try:
        texts, problems = [], []
        for index in range(len(pdf)):
            try:
                texts.append(_page_text(pdf, index))
            except pdfium.PdfiumError as err:
                problems.append(Problem(path, 0, BAD_PAGE, f"page {index + 1} of {len(pdf)} left out: {err}"))
        return texts, problems
    finally:
        pdf.close()


def read_pdf(path: str) -> Union[PdfDocument, Problem]:
    """The PdfDocument of the PDF at `path`, its pages' text repaired into one text (store_text:
    mention offsets refer to this text), or the Problem that keeps it from being one."""
    try:
        texts, warnings = read_pages(path)
    except pdfium.PdfiumError as err:
        if "password" in str(err):
            return Problem(path, 0, "bad-pdf", "encrypted PDF: it cannot be read without a password")
        return Problem(path, 0, "bad-pdf", f"unreadable PDF: {err}")
    if warnings and not texts:
        return Problem(path, 0, "bad-pdf", f"unreadable PDF: no page could be read ({warnings[0].problem})")
    text = repair_pages(texts)
    if not text.strip():
        return Problem(path, 0, "empty-text", "no text in the PDF (scanned pages without a text layer?)")
    return PdfDocument(path, text, store_text=True, file=path, warnings=tuple(warnings))
