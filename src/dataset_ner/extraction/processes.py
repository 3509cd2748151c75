"""extract --n-process: pieces of text read by worker processes, each with its own copy of the pipeline.

Workers are spawned, not forked: loading a transformer pipeline runs torch's OpenMP thread pool,
and a forked copy of a process in that state waits forever in its first parallel operation
(libgomp's threads do not survive a fork). Each worker loads the pipeline itself and gives torch
its share of the cores. A worker that dies, or sends nothing for `timeout` seconds, ends the run
with WorkerFailed; a worker's exception is raised again in the parent."""

import os
import signal
import sys
import time
import traceback
from multiprocessing import get_context
from multiprocessing.connection import wait
from typing import Iterable, Iterator, List, Tuple

from spacy.util import minibatch

from .extract import Piece, PipelineSpec, load_pipeline, read_pieces

EXIT_S = 10  # seconds a worker has to exit once told to stop


class WorkerFailed(RuntimeError):
    """An extraction worker process died or stopped answering."""


def cores() -> int:
    """The CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def serve(spec: PipelineSpec, batch_size: int, threads: int, tasks, answers) -> None:
    """A worker: load the pipeline, say so, then answer each batch of pieces from `tasks` with
    read_pieces' results until None comes. Ctrl-C is left to the parent, which ends the workers.
    Once done it exits at once: the interpreter's teardown would spend seconds collecting the
    pipeline's garbage, and every answer is already in the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        nlp = load_pipeline(spec)
        from thinc.compat import has_torch

        if has_torch:
            import torch

            torch.set_num_threads(threads)
        answers.send(("ready", None))
        for pieces in iter(tasks.get, None):
            answers.send(("done", list(read_pieces(nlp, pieces, batch_size))))
    except Exception as err:
        answers.send(("error", (err, traceback.format_exc())))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


class Workers:
    """`n` worker processes reading batches of `batch_size` pieces with the pipeline of `spec`,
    one batch each at a time. Batches go through queues, so that handing one to a worker that
    has stopped never blocks; answers come through pipes. Use as a context manager: it waits
    until every worker has loaded the pipeline, and on leaving ends them (killed, if the run failed).
    Spawned workers import the main module: a script that uses Workers needs `if __name__ == "__main__":`."""

    def __init__(self, spec: PipelineSpec, n: int, batch_size: int, timeout: float):
        self.spec, self.n, self.batch_size, self.timeout = spec, n, batch_size, timeout
        self.processes, self.tasks, self.connections = [], [], []

    def __enter__(self) -> "Workers":
        context, threads = get_context("spawn"), max(1, cores() // self.n)
        try:
            for _ in range(self.n):
                tasks, (parent_end, child_end) = context.Queue(), context.Pipe(duplex=False)
                process = context.Process(target=serve, args=(self.spec, self.batch_size, threads, tasks, child_end),
                                          daemon=True, name="dataset_ner extract worker")
                process.start()
                child_end.close()
                self.processes.append(process)
                self.tasks.append(tasks)
                self.connections.append(parent_end)
            since = time.monotonic()
            for worker in range(self.n):
                self._receive(worker, since, "loading the pipeline")
        except BaseException:
            self._end(kill=True)
            raise
        return self

    def __exit__(self, kind, *_) -> None:
        self._end(kill=kind is not None)

    def _end(self, kill: bool) -> None:
        """Tell the workers to stop (or kill them), then wait for them, killing any still there after EXIT_S."""
        for tasks, connection in zip(self.tasks, self.connections):
            if kill:
                tasks.cancel_join_thread()
            else:
                tasks.put(None)
            tasks.close()
            connection.close()
        for process in self.processes:
            process.join(0 if kill else EXIT_S)
            if process.is_alive():
                process.kill()
                process.join()

    def read(self, pieces: Iterable[Piece]) -> Iterator[Tuple[int, List[dict]]]:
        """read_pieces on the workers: batches go to whichever worker is free, at most 2n batches
        ahead of the oldest unanswered one; results come back in input order."""
        batches = iter(minibatch(pieces, self.batch_size))
        free, busy, answers = list(range(self.n)), {}, {}  # busy: worker -> (batch number, sent at)
        sent = received = 0
        while True:
            while free and sent < received + 2 * self.n and (batch := next(batches, None)) is not None:
                worker = free.pop()
                self.tasks[worker].put(batch)
                busy[worker] = (sent, time.monotonic())
                sent += 1
            if received in answers:
                yield from answers.pop(received)
                received += 1
                continue
            if not busy:
                return
            for worker in self._answering(busy):
                number, since = busy.pop(worker)
                answers[number] = self._receive(worker, since, f"reading batch {number}")
                free.append(worker)

    def _answering(self, busy: dict) -> List[int]:
        """The busy workers that have answered (or died), waiting for the first of them; WorkerFailed
        for one that has had its batch for `timeout` seconds."""
        oldest = min(busy, key=lambda worker: busy[worker][1])
        left = busy[oldest][1] + self.timeout - time.monotonic()
        ready = wait([self.connections[w] for w in busy] + [self.processes[w].sentinel for w in busy], max(left, 0))
        if not ready:
            self._fail(oldest, f"sent nothing in {self.timeout:g} s (reading batch {busy[oldest][0]})")
        return [w for w in busy if self.connections[w] in ready or self.processes[w].sentinel in ready]

    def _receive(self, worker: int, since: float, doing: str):
        """The worker's next answer, waiting until `since` + timeout; raises the worker's own exception."""
        connection = self.connections[worker]
        if not connection.poll(max(since + self.timeout - time.monotonic(), 0)):
            self._fail(worker, f"sent nothing in {self.timeout:g} s ({doing})")
        try:
            kind, value = connection.recv()
        except EOFError:
            self.processes[worker].join()
            self._fail(worker, f"died ({doing})")
        if kind == "error":
            err, worker_traceback = value
            raise err from WorkerFailed(f"in worker process {self.processes[worker].pid}:\n{worker_traceback}")
        return value

    def _fail(self, worker: int, what: str):
        process = self.processes[worker]
        code = process.exitcode
        how = "" if code is None else f", {signal.Signals(-code).name}" if code < 0 else f", exit status {code}"
        raise WorkerFailed(f"extract worker process {process.pid} {what}{how}; the shards written so far are kept: "
                           "rerun the same command to resume")
