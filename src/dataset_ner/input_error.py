"""Errors in input files that name the file, the line and the problem."""

import sys
from pathlib import Path
from typing import NoReturn


class InputError(ValueError):
    """Malformed input, with the file and line it was found at (line 0: the whole file)."""

    def __init__(self, path: Path, line: int, problem: str):
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


def stop(err: Exception) -> NoReturn:
    """End a command line tool: the error on one unwrapped stderr line, exit status 1."""
    print(f"✘ {err}", file=sys.stderr)
    raise SystemExit(1)
