"""Run commands at once, each line of their output prefixed with the command's name:
`python -m dataset_ner.experiments.together "sm=python -m spacy train ..." "cnn=python -m ..."`.
For single-threaded jobs (the CNN pipelines' training) on a machine with a core for each: each
command's BLAS and OpenMP run one thread unless the environment says otherwise. Exits with the
first non-zero status once all have ended."""

import os
import shlex
import subprocess
import sys
import threading
from typing import IO, List, Tuple

from .timed import this_python

LOCK = threading.Lock()
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def parse(arg: str) -> Tuple[str, List[str]]:
    """NAME=COMMAND → (NAME, the command's words); "python" is this interpreter."""
    name, sep, command = arg.partition("=")
    words = shlex.split(command)
    if not sep or not name.isidentifier() or not words:
        raise SystemExit(f"together: {arg!r} is not NAME=COMMAND")
    return name, this_python(words)


def copy(name: str, stream: IO[str]) -> None:
    for line in stream:
        with LOCK:
            sys.stdout.write(f"[{name}] {line}")
            sys.stdout.flush()


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit('usage: python -m dataset_ner.experiments.together "NAME=COMMAND" ...')
    jobs = [parse(arg) for arg in sys.argv[1:]]
    env = {**{name: "1" for name in ONE_THREAD}, **os.environ}
    processes, threads = [], []
    for name, words in jobs:
        process = subprocess.Popen(words, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1, env=env)
        thread = threading.Thread(target=copy, args=(name, process.stdout))
        thread.start()
        processes.append(process)
        threads.append(thread)
    statuses = [process.wait() for process in processes]
    for thread in threads:
        thread.join()
    for (name, _), status in zip(jobs, statuses):
        if status:
            print(f"[{name}] exited with status {status}", file=sys.stderr)
    raise SystemExit(next((status for status in statuses if status), 0))


if __name__ == "__main__":
    main()
