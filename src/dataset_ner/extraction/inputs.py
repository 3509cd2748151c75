"""Documents to extract from: text files, PDFs, folders of them, JSON Lines; bad input becomes a Problem."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, List, Optional, Union

from ..json_files import NOT_UTF8, BadLine, parse_line

JSONL_SUFFIX = ".jsonl"
PDF_SUFFIX = ".pdf"
PDF_GLOB = "*.[pP][dD][fF]"


MAX_LINE_BYTES = 100 * 2**20  # a longer JSONL line is a LINE_TOO_LONG problem, read past and never held
LINE_TOO_LONG = "line-too-long"


@dataclass(frozen=True)
class Item:
    """One unit of input, located without decoding it: a whole text or PDF file (line 0, `raw`
    None: read on demand) or one non-blank line of a JSONL file (`raw`: its bytes, or None where
    they are not kept; `start`, `end`: its byte offsets; `too_long`: the limit a line longer than
    it exceeded, its bytes never read into memory)."""

    file: str
    line: int
    raw: Optional[bytes] = None
    start: int = 0
    end: int = 0
    too_long: int = 0

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Document:
    """A text to extract from; `store_text`: the text exists nowhere else (extracted from a PDF),
    so the output keeps a copy for the mentions' offsets to refer to; `file` and `line`: where it
    was read (for the problem, should the pipeline raise on it)."""

    id: Any
    text: str
    store_text: bool = False
    file: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Problem:
    """Input that cannot be extracted from: `kind` is one of not-utf8, bad-json, line-too-long, no-id,
    no-text, empty-text, bad-pdf (and pipeline-error, for a document the pipeline raised on)."""

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


def iter_items(files: Iterable[Path], max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Item]:
    """One Item per text or PDF file, one per non-blank line of each `.jsonl` file, in order."""
    for path in files:
        if Path(path).suffix != JSONL_SUFFIX:
            yield Item(str(path), 0)
            continue
        yield from jsonl_items(path, max_line_bytes=max_line_bytes)


def jsonl_items(path: Path, start: int = 0, end: Optional[int] = None, first_line: int = 1,
                max_line_bytes: int = MAX_LINE_BYTES, keep_raw: bool = True) -> Iterator[Item]:
    """An Item per non-blank line of the JSONL file `path` from byte `start` (the beginning of line
    `first_line`) to byte `end` (default: the end of the file), read a line at a time, so that
    memory is bounded by `max_line_bytes`: a longer line is read past in pieces (`too_long`)."""
    with open(path, "rb") as lines:
        lines.seek(start)
        position, number = start, first_line
        while end is None or position < end:
            raw = lines.readline(max_line_bytes + 1)
            if not raw:
                return
            size = len(raw)
            if size > max_line_bytes:
                while not raw.endswith(b"\n") and (raw := lines.readline(2**20)):
                    size += len(raw)
                yield Item(str(path), number, None, position, position + size, too_long=max_line_bytes)
            elif raw.strip():
                yield Item(str(path), number, raw if keep_raw else None, position, position + size)
            position, number = position + size, number + 1


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
    if item.too_long:
        return Problem(item.file, item.line, LINE_TOO_LONG,
                       f"a line of {item.end - item.start:,} bytes, over the limit of {item.too_long:,}")
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
    return Document(doc_id, text, file=item.file, line=item.line)
