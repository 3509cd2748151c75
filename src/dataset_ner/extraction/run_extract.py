"""Run extraction shard by shard into an OutputDir: in this process, in local worker processes, or on Dask."""

import functools
from collections import deque
from typing import Iterable, Iterator, List, Optional

from .extract import Counts, PipelineSpec, Reader, extract_records, load_pipeline, read_pieces, records_read_by, split_failed
from .inputs import Item
from .paper_datasets import DatasetRule
from .processes import Workers
from .progress import Progress
from .shard_inputs import InputRange, PendingShard, parse_items, read_ranges
from .shards import OutputDir, plan_shards


def pending_shards(out: OutputDir, items: Iterable[Item], shard_size: int, id_field: str, text_field: str,
                   n_shards: List[int]) -> Iterator[PendingShard]:
    """Shards not yet completed, unparsed: each is parsed where it is extracted (PendingShard).
    Sets n_shards[0] to the total."""
    count = 0
    for index, shard_items in plan_shards(items, shard_size):
        count = index + 1
        if not out.is_done(index, shard_items):
            yield PendingShard(index, shard_items, id_field, text_field)
    n_shards[0] = count


def run_local(out: OutputDir, shards: Iterable[PendingShard], spec: PipelineSpec, batch_size: int, max_chars: int,
              n_process: int, progress: Progress, worker_timeout: float) -> None:
    """The documents of all pending shards through one pipeline in this process, or through
    `n_process` worker processes (Workers); each shard is written once its last record is out."""
    if n_process > 1:
        with Workers(spec, n_process, batch_size, worker_timeout) as workers:
            progress.restart()
            write_as_read(out, shards, workers.read, max_chars, progress, spec.datasets)
        return
    read = functools.partial(read_pieces, load_pipeline(spec), batch_size=batch_size)
    progress.restart()
    write_as_read(out, shards, read, max_chars, progress, spec.datasets)


def write_as_read(out: OutputDir, shards: Iterable[PendingShard], read: Reader, max_chars: int,
                  progress: Progress, rule: DatasetRule = DatasetRule()) -> None:
    """Parse each shard here and write it once `read` has given the last record of its documents
    (a document the pipeline raised on among its problems; dataset lists by `rule`)."""
    queue = deque()  # [index, items, n_documents, problems, records, words]

    def documents():
        for shard in shards:
            docs, problems = shard.parse()
            queue.append([shard.index, shard.items, len(docs), problems, [], 0])
            yield from docs

    def flush():
        while queue and len(queue[0][4]) == queue[0][2]:
            index, items, _, problems, records, words = queue.popleft()
            records, failed = split_failed(records)
            out.write(index, items, records, problems + failed, words)

    counts = Counts()
    words_before = 0
    for record in records_read_by(read, documents(), max_chars, counts, rule):
        flush()
        queue[0][4].append(record)
        queue[0][5] += counts.words - words_before
        words_before = counts.words
        flush()
        progress.update(counts.documents, counts.words)
    flush()


def extract_shard(spec: PipelineSpec, ranges: List[InputRange], id_field: str, text_field: str, batch_size: int,
                  max_chars: int):
    """One Dask task: read the shard's inputs from `ranges` here, on the worker, parse and extract
    them; its records, problems and word count. The model is loaded once per worker."""
    documents, problems = parse_items(list(read_ranges(ranges)), id_field, text_field)
    counts = Counts()
    records, failed = split_failed(extract_records(load_pipeline(spec), documents, batch_size, max_chars, counts,
                                                   spec.datasets))
    return records, problems + failed, counts.words


def preload(spec: PipelineSpec) -> None:
    """Load the pipeline into this (worker) process's cache."""
    load_pipeline(spec)


def run_dask(out: OutputDir, shards: Iterable[PendingShard], client, spec: PipelineSpec, batch_size: int,
             max_chars: int, progress: Progress, in_flight: int) -> None:
    """Load the model on every worker, then submit one task per shard (where its inputs are: the
    worker reads them), at most `in_flight` at a time; write each shard as its result comes back.
    A worker that dies costs nothing: Dask runs its tasks again on another."""
    from distributed import as_completed

    shards = iter(shards)
    pending, documents, words = {}, 0, 0
    ready = as_completed()
    client.run(preload, spec)
    progress.restart()

    def submit_next() -> bool:
        for shard in shards:
            future = client.submit(extract_shard, spec, shard.ranges(), shard.id_field, shard.text_field, batch_size,
                                   max_chars, pure=False)
            pending[future.key] = (shard.index, shard.items)
            ready.add(future)
            return True
        return False

    for _ in range(in_flight):
        if not submit_next():
            break
    for future in ready:
        records, problems, shard_words = future.result()
        index, items = pending.pop(future.key)
        out.write(index, items, records, problems, shard_words)
        documents, words = documents + len(records), words + shard_words
        progress.update(documents, words)
        submit_next()


def run(out: OutputDir, shards: Iterable[PendingShard], spec: PipelineSpec, batch_size: int, max_chars: int,
        progress: Progress, n_process: int = 1, workers: int = 0, scheduler: Optional[str] = None,
        worker_timeout: float = 600) -> None:
    """Extract the pending shards into `out`: on the Dask cluster at `scheduler`, on a local Dask
    cluster of `workers` single-threaded processes, or else here: in this process, or in
    `n_process` worker processes that may each take `worker_timeout` seconds over a batch."""
    if not (workers or scheduler):
        run_local(out, shards, spec, batch_size, max_chars, n_process, progress, worker_timeout)
        return
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) if not scheduler else None
    try:
        with Client(scheduler or cluster) as client:
            in_flight = 2 * max(1, len(client.scheduler_info()["workers"]))
            run_dask(out, shards, client, spec, batch_size, max_chars, progress, in_flight)
    finally:
        if cluster is not None:
            cluster.close()
