"""extract --n-process as a user runs it, in a subprocess under a timeout: the transformer pipeline
in two worker processes, a worker killed; and Workers with a worker that stops answering."""

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from dataset_ner.extraction.extract import PipelineSpec, extract_records
from dataset_ner.extraction.inputs import Document
from dataset_ner.extraction.processes import WorkerFailed, Workers

from ..conftest import ROOT, write_jsonl
from .test_shards import read_records

TEXTS = ["We train on ImageNet and evaluate on the COCO dataset.", "Results on SQuAD v1.1 and the Penn Treebank.",
         "We use LibriSpeech test-clean.", "The CIFAR-10 images are small. We also report HMDB-51 accuracy."]
LONG = "We train on ImageNet. " + "Then we measure the error on the held out part of the data. " * 20


def start(source, out, model, *options):
    """`python -m dataset_ner extract` in its own process group (so a hung run can be ended whole)."""
    command = [sys.executable, "-m", "dataset_ner", "extract", str(source), "--output", str(out), "--model", str(model),
               *map(str, options)]
    return subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(process, timeout):
    """(exit status, stderr) of a run, failing the test if it has not ended within `timeout` seconds."""
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"extract did not end within {timeout} s")
    return process.returncode, stderr


def workers_of(process, n=2):
    """The run's `n` worker processes, once they are all there."""
    while True:
        workers = [c for c in psutil.Process(process.pid).children() if "spawn_main" in " ".join(c.cmdline())]
        if len(workers) == n:
            return workers
        assert process.poll() is None, "the run ended before its workers started"
        time.sleep(0.02)


def wait_for_a_shard(process, out):
    manifest = out / "manifest.json"
    while not (manifest.exists() and '"fingerprint"' in manifest.read_text()):
        assert process.poll() is None, "the run ended before a shard was written"
        time.sleep(0.02)


@pytest.fixture
def long_corpus(tmp_path):
    return write_jsonl(tmp_path / "docs.jsonl", [{"id": i, "text": LONG} for i in range(200)])


def test_two_processes_run_the_transformer_pipeline_with_the_records_of_one(tmp_path, transformer_nlp):
    model = tmp_path / "model"
    transformer_nlp.to_disk(model)
    source = write_jsonl(tmp_path / "docs.jsonl", [{"id": f"d{i}", "text": text} for i, text in enumerate(TEXTS * 2)])
    code, stderr = finish(start(source, tmp_path / "two", model, "--n-process", 2, "--batch-size", 3), timeout=120)
    assert code == 0, stderr
    documents = [Document(f"d{i}", text) for i, text in enumerate(TEXTS * 2)]
    one = list(extract_records(transformer_nlp, documents, batch_size=3))
    assert read_records(tmp_path / "two") == json.loads(json.dumps(one))
    assert sum(len(record["mentions"]) for record in one) > 0


def test_a_killed_worker_ends_the_run_and_the_same_command_resumes(tmp_path, ruler_model, long_corpus):
    out, options = tmp_path / "out", ("--n-process", 2, "--shard-size", 10, "--batch-size", 4)
    process = start(long_corpus, out, ruler_model, *options)
    workers = workers_of(process)
    wait_for_a_shard(process, out)
    for worker in workers:  # nothing more gets done until one is killed
        worker.suspend()
    workers[0].kill()
    workers[1].resume()
    code, stderr = finish(process, timeout=60)
    assert code == 1 and f"WorkerFailed: extract worker process {workers[0].pid} died" in stderr
    assert "SIGKILL" in stderr and "rerun the same command to resume" in stderr
    assert not json.loads((out / "manifest.json").read_text())["complete"]
    code, stderr = finish(start(long_corpus, out, ruler_model, *options), timeout=120)
    assert code == 0, stderr
    assert sorted(record["id"] for record in read_records(out)) == list(range(200))


def test_a_worker_that_stops_answering_ends_the_read(ruler_model):
    """The timeout on a batch: set once the workers have loaded the pipeline (which takes longer)."""
    pieces = [(LONG, 0)] * 100
    with pytest.raises(WorkerFailed, match="sent nothing in 1 s"):
        with Workers(PipelineSpec(str(ruler_model)), 2, batch_size=4, timeout=60) as workers:
            stopped = psutil.Process(workers.processes[0].pid)
            stopped.suspend()
            workers.timeout = 1
            list(workers.read(pieces))
    assert not psutil.pid_exists(stopped.pid)
