"""How often the reference list of a folder of papers is found: per PDF, where the list found
starts and ends (with the paragraphs there, to check by eye) and the share of its paragraphs that
look like entries."""

from pathlib import Path
from typing import List, Optional

import typer
from wasabi import msg

from ..extraction.inputs import expand_inputs
from ..extraction.pdf_text import read_pdf
from ..extraction.sections import is_entry, paragraphs, reference_spans
from ..json_files import read_jsonl, write_json


def inspect(path: Path) -> dict:
    """Where the reference list of one PDF is found, and the paragraphs at its edges."""
    document = read_pdf(str(path))
    if not hasattr(document, "text"):
        return {"file": path.name, "problem": document.problem}
    text = document.text
    stretches = reference_spans(text)
    start, end = (stretches[0][0], stretches[-1][1]) if stretches else (0, 0)
    inside = [text[s:e] for s, e in paragraphs(text) if any(a <= s < b for a, b in stretches)]
    return {"file": path.name, "found": bool(stretches), "stretches": len(stretches),
            "start_share": round(start / len(text), 3), "end_share": round(end / len(text), 3),
            "paragraphs": len(inside), "entry_share": round(sum(map(is_entry, inside)) / len(inside), 3) if inside else None,
            "first": text[start : start + 80], "last": inside[-1][:80] if inside else "", "after": text[end:].strip()[:80]}


def main(
    folders: List[Path] = typer.Argument(..., help="Folders of PDFs"),
    papers: Optional[Path] = typer.Option(None, help="papers.jsonl: only count the papers whose has_references is true"),
    output: Path = typer.Option(..., help="JSON of every paper's result"),
):
    """Find the reference list of every PDF under FOLDERS (a file name met again is the same paper,
    read once) and count how often one is found."""
    files = list({f.name: f for f in reversed(expand_inputs(folders, "*.pdf")) if f.suffix.lower() == ".pdf"}.values())[::-1]
    if papers:
        with_references = {Path(r["file"]).name for _, r in read_jsonl(papers) if r.get("has_references")}
        files = [f for f in files if f.name in with_references]
    rows = [inspect(f) for f in files]
    read = [r for r in rows if "problem" not in r]
    found = [r for r in read if r["found"]]
    for row in read:
        if not row["found"] or row["entry_share"] < 0.8 or row["after"]:
            print(row)
    write_json(output, {"papers": len(files), "read": len(read), "found": len(found), "rows": rows})
    msg.good(f"Reference list found in {len(found)} of {len(read)} papers read ({len(files)} PDFs)")


if __name__ == "__main__":
    typer.run(main)
