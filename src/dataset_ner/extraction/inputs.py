"""Documents to extract from: text files, PDFs, folders of them, JSON Lines; bad input becomes a Problem."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, List, Optional, Union

from ..json_files import NOT_UTF8, BadLine, jsonl_lines, parse_line

JSONL_SUFFIX = ".jsonl"
PDF_SUFFIX = ".pdf"
PDF_GLOB = "*.[pP][dD][fF]"


@dataclass(frozen=True)
class Item:
    """One unit of input, located without decoding it: a whole text or PDF file (line 0, `raw`
    None: read on demand) or one non-blank line of a JSONL file (`raw`: its bytes)."""

    file: str
    line: int
    raw: Optional[bytes] = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Document:
    """A text to extract from; `store_text`: the text exists nowhere else (extracted from a PDF),
    so the output keeps a copy for the mentions' offsets to refer to."""

    id: Any
    text: str
    store_text: bool = False


@dataclass(frozen=True)
class Problem:
    """Input that cannot be extracted from: `kind` is one of not-utf8, bad-json, no-id, no-text, empty-text, bad-pdf."""

    file: str
    line: int
    kind: str
    problem: str

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "kind": self.kind, "problem": self.problem}


def expand_inputs(paths: Iterable[Path], pattern: str = "*.txt") -> List[Path]:
    """The files named, and the files under each folder named that match `pattern` or are PDFs
    (recursive, sorted). A path that does not exist raises FileNotFoundError."""
    files = []
    for path in paths:
        if path.is_dir():
            files += sorted({p for glob in (pattern, PDF_GLOB) for p in path.rglob(glob) if p.is_file()})
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}:0: no such file or folder")
    return files


def iter_items(files: Iterable[Path]) -> Iterator[Item]:
    """One Item per text or PDF file, one per non-blank line of each `.jsonl` file, in order."""
    for path in files:
        if path.suffix != JSONL_SUFFIX:
            yield Item(str(path), 0)
            continue
        for number, raw in jsonl_lines(path):
            yield Item(str(path), number, raw)


def _decode(data: bytes, item: Item) -> Union[str, Problem]:
    """The text of a whole text file, or the Problem at the line of its first byte that is not UTF-8."""
    try:
        return data.decode("utf8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Problem(item.file, line, NOT_UTF8, f"not valid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}")


def parse_item(item: Item, id_field: str = "id", text_field: str = "text") -> Union[Document, Problem]:
    """The Document an Item holds, or the Problem that keeps it from being one. A text or PDF
    file's id is its path; a JSONL record's id is its `id_field` value."""
    if item.raw is None and Path(item.file).suffix.lower() == PDF_SUFFIX:
        from .pdf_text import read_pdf  # it imports this module, and PDFium only when a PDF is read

        return read_pdf(item.file)
    if item.raw is None:
        text = _decode(Path(item.file).read_bytes(), item)
        if isinstance(text, Problem):
            return text
        doc_id: Any = item.file
    else:
        try:
            record = parse_line(item.file, item.line, item.raw)
        except BadLine as err:
            return Problem(item.file, item.line, err.kind, err.problem)
        if id_field not in record:
            return Problem(item.file, item.line, "no-id", f"no '{id_field}' field")
        text, doc_id = record.get(text_field), record[id_field]
        if not isinstance(text, str):
            found = "missing" if text is None else f"a {type(text).__name__}"
            return Problem(item.file, item.line, "no-text", f"no text: '{text_field}' is {found}")
    if not text.strip():
        return Problem(item.file, item.line, "empty-text", "empty text")
    return Document(doc_id, text)
