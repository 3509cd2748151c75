"""Run a command and record its wall time: `python -m dataset_ner.experiments.timed OUT.json CMD ...`."""

import subprocess
import sys
import time
from pathlib import Path
from typing import List

from ..json_files import write_json


def this_python(command: List[str]) -> List[str]:
    """The command with a leading "python" or "python3" run by this interpreter."""
    return [sys.executable, *command[1:]] if command[0] in ("python", "python3") else command


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit("usage: python -m dataset_ner.experiments.timed OUT.json COMMAND [ARG ...]")
    output, command = Path(sys.argv[1]), this_python(sys.argv[2:])
    start = time.perf_counter()
    status = subprocess.run(command).returncode
    seconds = time.perf_counter() - start
    if status == 0:
        write_json(output, {"command": command[1:], "seconds": round(seconds, 1)})
    raise SystemExit(status)


if __name__ == "__main__":
    main()
