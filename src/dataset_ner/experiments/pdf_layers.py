"""PDF text layers compared on the same papers in one run: pages per second, papers that fail,
the defects of their text (ligatures, line-end hyphens, lone surrogates, glyph codes) and how far
their reading order agrees. pypdf and pdfminer.six are not dependencies of the project: install
them to run this (`pip install pypdf pdfminer.six`)."""

import bisect
import re
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import pypdfium2 as pdfium
import typer
from wasabi import MarkdownRenderer

from ..extraction.inputs import Problem, expand_inputs
from ..json_files import write_json
from ..extraction.pdf_text import read_pages, read_pdf
from ..extraction.text_repair import LIGATURES

LIGATURE = re.compile("[\ufb00-\ufb06]")
LINE_END_HYPHEN = re.compile(r"[^\W\d_]-\r?\n[^\W\d_]")
SOFT_BREAK = re.compile("\ufffe")
SURROGATE = re.compile("[\ud800-\udfff]")
GLYPH_CODE = re.compile(r"\(cid:\d+\)|/g\d{3,5}")
LINE_BREAK = re.compile("\ufffe(?:\r?\n)?|-\r?\n")
SHINGLE = 5  # words in a run compared for reading order


def pypdf_text(path: str) -> Tuple[str, int]:
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(path).pages]
    return "\n".join(pages), len(pages)


def pdfminer_text(path: str) -> Tuple[str, int]:
    from pdfminer.high_level import extract_text

    text = extract_text(path)
    return text, text.count("\f")  # a form feed ends each page


def pdfium_text(path: str) -> Tuple[str, int]:
    """PDFium's page texts as dataset_ner reads them, before repair."""
    pages, problems = read_pages(path)
    if problems:
        raise RuntimeError(problems[0].problem)
    return "\n".join(pages), len(pages)


def project_text(path: str) -> Tuple[str, int]:
    """dataset_ner's reading (PDFium and text_repair): one text."""
    document = read_pdf(path)
    if isinstance(document, Problem):
        raise RuntimeError(document.problem)
    pdf = pdfium.PdfDocument(path)
    pages = len(pdf)
    pdf.close()
    return document.text, pages


LIBRARIES: Dict[str, Callable[[str], Tuple[str, int]]] = {
    "pypdf": pypdf_text, "pypdfium2": pdfium_text, "pdfminer.six": pdfminer_text}
LAYERS = {**LIBRARIES, "dataset_ner (pypdfium2 + text_repair)": project_text}


def shingles(text: str) -> Dict[Tuple[str, ...], int]:
    """Position of each run of SHINGLE words that occurs once in `text` (words: lowercase letters,
    with ligatures expanded and line-end hyphens joined)."""
    text = LINE_BREAK.sub("", text.translate(str.maketrans(LIGATURES)).lower())
    words = re.findall(r"[a-z]+", text)
    runs = [tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    counts = Counter(runs)
    return {run: i for i, run in enumerate(runs) if counts[run] == 1}


def in_order(values: List[int]) -> int:
    """The length of the longest increasing subsequence of `values`."""
    tails: List[int] = []
    for value in values:
        i = bisect.bisect_left(tails, value)
        tails[i:i + 1] = [value]
    return len(tails)


def order_agreement(texts: Dict[str, str]) -> Dict[str, Tuple[int, int]]:
    """Per layer: of the word runs that every layer reads once, (how many, summed over the other
    layers, keep the order they have in that other layer's text, how many there are times the others)."""
    runs = {name: shingles(text) for name, text in texts.items()}
    common = set.intersection(*(set(r) for r in runs.values()))
    result = {}
    for name, own in runs.items():
        ordered = sorted(common, key=own.get)
        others = [other for other in runs if other != name]
        result[name] = (sum(in_order([runs[other][run] for run in ordered]) for other in others),
                        len(common) * len(others))
    return result


def measure(files: List[Path], layers: Dict[str, Callable[[str], Tuple[str, int]]]) -> Dict[str, dict]:
    """Each layer on each file, the layers taking turns file by file (so that a busy machine
    slows them alike): pages, seconds, failures and defect counts per layer, and for the LIBRARIES
    how far each one's reading order agrees with the other two's."""
    rows = {name: {"papers": 0, "pages": 0, "seconds": 0.0, "failed": [], "ligatures": 0, "line_end_hyphens": 0,
                   "soft_breaks": 0, "surrogate_papers": 0, "glyph_codes": 0, "runs_in_order": 0, "runs": 0}
            for name in layers}
    for path in files:
        texts = {}
        for name, read in layers.items():
            row = rows[name]
            start = time.perf_counter()
            try:
                text, pages = read(str(path))
            except Exception as err:  # each library fails in its own ways; the failure is what is measured
                row["seconds"] += time.perf_counter() - start
                row["failed"].append(f"{path.name}: {type(err).__name__}: {str(err)[:100]}")
                continue
            row["seconds"] += time.perf_counter() - start
            texts[name] = text
            row["papers"] += 1
            row["pages"] += pages
            row["ligatures"] += len(LIGATURE.findall(text))
            row["line_end_hyphens"] += len(LINE_END_HYPHEN.findall(text))
            row["soft_breaks"] += len(SOFT_BREAK.findall(text))
            row["surrogate_papers"] += bool(SURROGATE.search(text))
            row["glyph_codes"] += len(GLYPH_CODE.findall(text))
        if all(name in texts for name in LIBRARIES):
            for name, (kept, runs) in order_agreement({name: texts[name] for name in LIBRARIES}).items():
                rows[name]["runs_in_order"] += kept
                rows[name]["runs"] += runs
    for row in rows.values():
        row["seconds"] = round(row["seconds"], 2)
        row["pages_per_second"] = round(row["pages"] / row["seconds"], 1) if row["seconds"] else 0.0
        row["order_agreement"] = round(row["runs_in_order"] / row["runs"], 4) if row["runs"] else None
    return rows


def markdown(rows: Dict[str, dict], papers: int) -> str:
    """The comparison table, one row per layer, with its pages/s as a multiple of pypdf's."""
    base = rows["pypdf"]["pages_per_second"] if "pypdf" in rows else 0
    header = ["layer", "papers read", "pages", "seconds", "pages/s", "× pypdf", "ligatures", "line-end hyphens",
              "U+FFFE breaks", "papers with lone surrogates", "glyph codes", "order as the other libraries"]
    cells = [
        [name, f"{r['papers']}/{papers}", r["pages"], r["seconds"], r["pages_per_second"],
         f"{r['pages_per_second'] / base:.1f}" if base else "–", r["ligatures"], r["line_end_hyphens"],
         r["soft_breaks"], r["surrogate_papers"], r["glyph_codes"],
         "–" if r["order_agreement"] is None else r["order_agreement"]]
        for name, r in rows.items()
    ]
    return MarkdownRenderer().table([[str(cell) for cell in row] for row in cells], header)


def main(
    inputs: List[Path] = typer.Argument(..., help="PDFs, or folders of them"),
    output: Optional[Path] = typer.Option(None, help="JSON file to write the figures to"),
):
    """Read every PDF with pypdf, pypdfium2 and pdfminer.six, and as dataset_ner does (PDFium and
    text_repair); print the comparison table and the failures."""
    files = [path for path in expand_inputs(inputs, "*.pdf") if path.suffix.lower() == ".pdf"]
    rows = measure(files, LAYERS)
    print(markdown(rows, len(files)))
    for name, row in rows.items():
        for failure in row["failed"]:
            print(f"{name} failed on {failure}")
    if output:
        write_json(output, {"papers": len(files), "layers": rows})


if __name__ == "__main__":
    typer.run(main)
