"""Read the weakly labelled CoNLL corpus: one `token tag` per line, blank lines between snippets."""

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Tuple

from ..input_error import InputError

TAGS = ("B-DAT", "I-DAT", "O")


@dataclass(frozen=True)
class Snippet:
    """One labelled snippet: its tokens and tags, and the line it starts at."""

    tokens: Tuple[str, ...]
    tags: Tuple[str, ...]
    line: int

    def mention_spans(self) -> List[Tuple[int, int]]:
        """Token ranges [start, end) of the labelled mentions (an I-DAT after O starts one)."""
        spans: List[Tuple[int, int]] = []
        for i, tag in enumerate(self.tags):
            if tag == "B-DAT" or (tag == "I-DAT" and (i == 0 or self.tags[i - 1] == "O")):
                spans.append((i, i + 1))
            elif tag == "I-DAT":
                spans[-1] = (spans[-1][0], i + 1)
        return spans


def read_conll(path: Path) -> Iterator[Snippet]:
    """Yield the snippets of `path`; raise InputError naming file, line and problem."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, 0, "file not found")
    tokens: List[str] = []
    tags: List[str] = []
    start = 0
    n_snippets = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as err:
                raise InputError(path, number, f"not valid UTF-8 ({err.reason} at byte {err.start})") from err
            if not line.strip():
                if tokens:
                    n_snippets += 1
                    yield Snippet(tuple(tokens), tuple(tags), start)
                    tokens, tags = [], []
                continue
            fields = line.rsplit(maxsplit=1)
            if len(fields) != 2:
                raise InputError(path, number, f"expected 'token tag', found {line!r}")
            token, tag = fields
            if tag not in TAGS:
                raise InputError(path, number, f"unknown tag {tag!r} (expected one of {', '.join(TAGS)})")
            if not tokens:
                start = number
            tokens.append(token)
            tags.append(tag)
    if tokens:
        n_snippets += 1
        yield Snippet(tuple(tokens), tuple(tags), start)
    if n_snippets == 0:
        raise InputError(path, 0, "no snippets: the file is empty")
