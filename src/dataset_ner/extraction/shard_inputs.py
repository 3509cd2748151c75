"""A shard's inputs: planned as Items by the client, parsed where the shard is extracted. On Dask a
task carries only where its inputs are (InputRange: a whole file, or a JSONL file's byte range),
and the worker reads, decodes and parses them itself."""

import os
import socket
from dataclasses import dataclass
from typing import Iterator, List, NamedTuple, Tuple

from .inputs import Document, Item, Problem, jsonl_items, parse_item
from .pdf_text import PdfDocument


class InputNotShared(FileNotFoundError):
    """A Dask worker cannot see an input file: workers need the inputs on a path they share with the client."""


class InputRange(NamedTuple):
    """A whole text or PDF file (line 0), or the JSONL lines from `line` between bytes `start` and `end`."""

    file: str
    line: int = 0
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class PendingShard:
    """Shard `index`, not yet completed: its Items, and the JSONL fields that hold ids and texts."""

    index: int
    items: List[Item]
    id_field: str = "id"
    text_field: str = "text"

    def parse(self) -> Tuple[List[Document], List[dict]]:
        """Its documents, and the problems of the items that are none (and of PDF pages left out)."""
        return parse_items(self.items, self.id_field, self.text_field)

    def ranges(self) -> List[InputRange]:
        """Where its items are: consecutive lines of one JSONL file make one range."""
        ranges = []
        for item in self.items:
            if item.line and ranges and ranges[-1].file == item.file and ranges[-1].line:
                ranges[-1] = ranges[-1]._replace(end=item.end)
            else:
                ranges.append(InputRange(item.file, item.line, item.start, item.end))
        return ranges


def parse_items(items: List[Item], id_field: str, text_field: str) -> Tuple[List[Document], List[dict]]:
    """The documents `items` hold, and the problems of those that hold none (and of PDF pages left out)."""
    parsed = [parse_item(item, id_field, text_field) for item in items]
    problems = [p for p in parsed if isinstance(p, Problem)]
    problems += [w for p in parsed if isinstance(p, PdfDocument) for w in p.warnings]
    return [p for p in parsed if isinstance(p, Document)], [p.to_dict() for p in problems]


def read_ranges(ranges: List[InputRange]) -> Iterator[Item]:
    """The Items of `ranges`, read here (on a worker); InputNotShared for a file this machine cannot see."""
    for where in ranges:
        if not os.path.isfile(where.file):
            raise InputNotShared(f"{where.file}:0: the Dask worker on {socket.gethostname()} (pid {os.getpid()}) cannot "
                                 "see this input file; workers read the inputs themselves, so they need them at the "
                                 "same path as the client (a shared file system)")
        if where.line == 0:
            yield Item(where.file, 0)
        else:
            yield from jsonl_items(where.file, where.start, where.end, where.line)
