"""JSON and JSON Lines files, read and written in one way.

The one JSONL reader: every non-blank line must hold a JSON object; a line that does not is a
`BadLine`, an InputError that names the file and the line (blank lines are skipped but counted).
`read_jsonl` stops at the first bad line; extraction, which reports bad lines and goes on, reads
lines itself (with a bound on their length, `extraction.inputs.jsonl_items`) and parses each with
`parse_line` when its shard is extracted.

The writers keep what the project's files have always held: UTF-8 text, exact floats and ints of
any size, one JSON value a line in JSONL, an indented document with a final newline in JSON. (srsly,
which spaCy writes with, keeps ten significant digits of a float, escapes every non-ASCII character
and cannot write an int from 2**64 up, so scores, committed assets and document ids would change.)"""

import gzip
import json
from pathlib import Path
from typing import Any, Iterable, Iterator, Tuple

from .input_error import InputError

NOT_UTF8 = "not-utf8"
BAD_JSON = "bad-json"


class BadLine(InputError):
    """A line of a JSON Lines file that holds no JSON object: `kind` is NOT_UTF8 or BAD_JSON."""

    def __init__(self, path: Path, line: int, kind: str, problem: str):
        super().__init__(path, line, problem)
        self.kind = kind


def jsonl_lines(path: Path) -> Iterator[Tuple[int, bytes]]:
    """(line number, undecoded bytes) of every non-blank line of `path` (gzip-compressed if it ends in .gz);
    InputError if there is no such file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, 0, "file not found")
    with (gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")) as lines:
        for number, raw in enumerate(lines, start=1):
            if raw.strip():
                yield number, raw


def parse_line(path: Path, line: int, raw: bytes) -> dict:
    """The JSON object on line `line` of `path` (its bytes `raw`); BadLine if it holds none."""
    try:
        text = raw.decode("utf8")
    except UnicodeDecodeError as err:
        raise BadLine(path, line, NOT_UTF8, f"not valid UTF-8: byte 0x{raw[err.start]:02x} at offset {err.start}") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise BadLine(path, line, BAD_JSON, f"not valid JSON ({err.msg} at offset {err.pos})") from None
    if not isinstance(value, dict):
        raise BadLine(path, line, BAD_JSON, f"not a JSON object: {text.strip()[:60]}")
    return value


def read_jsonl(path: Path) -> Iterator[Tuple[int, dict]]:
    """(line number, object) of every non-blank line of `path`, in order; BadLine at the first line that holds no object."""
    for line, raw in jsonl_lines(path):
        yield line, parse_line(path, line, raw)


def read_json(path: Path) -> Any:
    """The JSON document in `path` (gzip-compressed if it ends in .gz); InputError (line 0) if there is none."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, 0, "file not found")
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        return json.loads(data.decode("utf8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(path, 0, f"not valid JSON ({err})") from None


def json_line(value: Any) -> str:
    """`value` as one line of JSON Lines, with its newline."""
    return json.dumps(value, ensure_ascii=False) + "\n"


def json_text(value: Any) -> str:
    """`value` as a JSON document: indented by two spaces, with a final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write_jsonl(path: Path, rows: Iterable[Any]) -> None:
    """Write `rows` to `path` as JSON Lines, each as it comes (its folder created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf8") as out:
        for row in rows:
            out.write(json_line(row))


def write_json(path: Path, value: Any) -> None:
    """Write `value` to `path` as a JSON document (its folder created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(value), encoding="utf8")
