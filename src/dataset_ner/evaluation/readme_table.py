"""Generated Markdown tables: a score's cell, and writing a table into a Markdown page (README, docs)
between `<!-- KEY:start -->` and `<!-- KEY:end -->`."""

from pathlib import Path
from typing import Optional


def write_table(readme: Path, key: str, table: str) -> None:
    """Replace what stands between the KEY markers in `readme` with `table`; SystemExit if they are missing."""
    start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
    text = readme.read_text(encoding="utf8")
    if start not in text or end not in text:
        raise SystemExit(f"{readme}: no '{start}' ... '{end}' markers to write the table between")
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    readme.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf8")


def score_cell(value: Optional[float]) -> str:
    """A table cell for a score: three decimals, or "–" where there is none."""
    return "–" if value is None else f"{value:.3f}"
