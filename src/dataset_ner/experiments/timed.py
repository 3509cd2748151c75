"""Run a command and record its wall time: `python -m dataset_ner.experiments.timed OUT.json CMD ...`."""

import subprocess
import sys
import time
from pathlib import Path

from ..json_files import write_json


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit("usage: python -m dataset_ner.experiments.timed OUT.json COMMAND [ARG ...]")
    output, command = Path(sys.argv[1]), sys.argv[2:]
    if command[0] in ("python", "python3"):
        command[0] = sys.executable
    start = time.perf_counter()
    status = subprocess.run(command).returncode
    seconds = time.perf_counter() - start
    if status == 0:
        write_json(output, {"command": command[1:], "seconds": round(seconds, 1)})
    raise SystemExit(status)


if __name__ == "__main__":
    main()
