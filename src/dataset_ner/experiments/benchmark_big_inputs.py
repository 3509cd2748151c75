"""Peak memory of `extract` on big inputs, each run in its own process: JSONL files of 10 MB and of
`--jsonl-gb` GB (lines of about 40 KB: a 25-word "text" among a bulky "body", like a paper's
metadata, so that the run reads and decodes every byte while the pipeline sees a few words a line),
one `--text-mb` MB text file, and one PDF of `--pdf-pages` pages (pages of the given PDFs, repeated).
The inputs are written into FOLDER and deleted afterwards.

    python -m dataset_ner.experiments.benchmark_big_inputs training/sm/model-best /tmp/big \
        --pdf tests/extraction/pdfs/W18-6504.pdf --pdf tests/extraction/pdfs/W19-8623.pdf --output metrics/big_inputs.json
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import pypdfium2 as pdfium
import typer
from wasabi import msg

from ..json_files import write_json
from .benchmark_memory import document_text

BODY = "Filler words of a long body field that the extraction does not read. " * 580  # about 40 KB


def write_jsonl(path: Path, size: int) -> int:
    """JSONL lines of about 40 KB up to `size` bytes; the number of lines."""
    lines, written = 0, 0
    with path.open("w", encoding="utf8") as out:
        while written < size:
            line = json.dumps({"id": lines, "text": document_text(lines), "body": BODY}) + "\n"
            out.write(line)
            written, lines = written + len(line), lines + 1
    return lines


def write_text(path: Path, size: int) -> None:
    """One text of `size` bytes: paragraphs of the template with new names."""
    with path.open("w", encoding="utf8") as out:
        written, i = 0, 0
        while written < size:
            paragraph = " ".join(document_text(i + k) for k in range(8)) + "\n\n"
            out.write(paragraph)
            written, i = written + len(paragraph), i + 8


def write_pdf(path: Path, sources: List[Path], pages: int) -> None:
    """A PDF of `pages` pages, the pages of `sources` repeated."""
    pdf = pdfium.PdfDocument.new()
    while len(pdf) < pages:
        for source in sources:
            if len(pdf) < pages:
                with_pages = pdfium.PdfDocument(str(source))
                pdf.import_pages(with_pages, list(range(min(len(with_pages), pages - len(pdf)))))
                with_pages.close()
    pdf.save(str(path))
    pdf.close()


def peak_rss(model: str, source: Path, output: Path, text_field: str = "text") -> dict:
    """Run `extract` on `source` in a child process: its peak RSS (MB, from wait4), seconds and exit status."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "dataset_ner", "extract", str(source), "--output", str(output),
                              "--model", model, "--text-field", text_field], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    lines = child.stdout.read().splitlines()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    summary = next((line for line in reversed(lines) if " documents, " in line), lines[-1] if lines else "")
    return {"input": source.name, "bytes": source.stat().st_size, "peak_rss_mb": round(usage.ru_maxrss / 1024),
            "seconds": round(time.perf_counter() - started, 1), "exit": child.returncode, "summary": summary.strip()}


def main(
    model: str = typer.Argument(..., help="Pipeline (directory or package)"),
    folder: Path = typer.Argument(..., help="Folder for the generated inputs and outputs (emptied afterwards)"),
    pdfs: List[Path] = typer.Option(..., "--pdf", help="PDFs whose pages make the long PDF (repeat)"),
    output: Path = typer.Option(..., help="JSON file to write"),
    jsonl_gb: float = typer.Option(2.0, help="Size of the big JSONL file, GB"),
    text_mb: int = typer.Option(50, help="Size of the single text file, MB"),
    pdf_pages: int = typer.Option(1000, help="Pages of the long PDF"),
):
    """Peak RSS of `extract` on each big input, and the big JSONL's over the 10 MB JSONL's."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for name, size in (("small.jsonl", 10 * 10**6), ("big.jsonl", int(jsonl_gb * 10**9))):
            msg.info(f"{name}: {write_jsonl(folder / name, size):,} lines")
            rows.append(peak_rss(model, folder / name, folder / f"out-{name}"))
            (folder / name).unlink()
            msg.text(str(rows[-1]))
        write_text(folder / "long.txt", text_mb * 10**6)
        rows.append(peak_rss(model, folder / "long.txt", folder / "out-long"))
        msg.text(str(rows[-1]))
        write_pdf(folder / "long.pdf", pdfs, pdf_pages)
        rows.append(peak_rss(model, folder / "long.pdf", folder / "out-pdf"))
        msg.text(str(rows[-1]))
    finally:
        shutil.rmtree(folder)
    result = {"model": model, "rows": rows, "big_over_small_jsonl": round(rows[1]["peak_rss_mb"] / rows[0]["peak_rss_mb"], 3)}
    write_json(output, result)
    msg.table([(r["input"], f"{r['bytes']:,}", r["peak_rss_mb"], r["seconds"], r["exit"]) for r in rows],
              header=("input", "bytes", "peak RSS MB", "seconds", "exit"), divider=True)
    msg.info(f"peak RSS of the big JSONL over the 10 MB one: {result['big_over_small_jsonl']}")


if __name__ == "__main__":
    typer.run(main)
