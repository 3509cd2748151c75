"""Faults cost a document, not the run: a document the pipeline raises on becomes a pipeline-error
problem (locally and on Dask), and a Dask worker killed mid-run costs nothing, on a cluster started
with the `dask scheduler` and `dask worker` commands."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy

from . import failing_component
from .failing_component import MARK
from .test_shards import read_records, run
from ..conftest import ROOT, write_jsonl


def faulty_model(ruler_model: Path, folder: Path, slow: float = 0.0) -> Path:
    nlp = spacy.load(ruler_model)
    nlp.add_pipe("raise_on_marked")
    if slow:
        nlp.add_pipe("slow_down", config={"seconds": slow})
    nlp.to_disk(folder)
    return folder


def corpus(path: Path, n: int, marked: int) -> Path:
    return write_jsonl(path, [{"id": f"d{i}", "text": f"Paper {i} uses ImageNet. {MARK if i == marked else ''}"}
                              for i in range(n)])


def errors(out: Path):
    return [json.loads(line) for line in (out / "errors.jsonl").open(encoding="utf8")]


def test_a_document_the_pipeline_raises_on_is_one_problem_and_the_shard_is_written(tmp_path, ruler_model):
    model = faulty_model(ruler_model, tmp_path / "model")
    inputs = corpus(tmp_path / "docs.jsonl", 9, marked=4)
    result = run(inputs, "--output", tmp_path / "out", "--model", model, "--shard-size", 5, "--batch-size", 3)
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_records(tmp_path / "out")] == [f"d{i}" for i in range(9) if i != 4]
    [problem] = errors(tmp_path / "out")
    assert problem["kind"] == "pipeline-error" and problem["line"] == 5
    assert problem["problem"].startswith("ValueError: injected fault")
    assert "1 inputs skipped" in result.output


def start(*args: str, env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def wait_for(check, seconds: float, what: str):
    ends = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < ends, f"no {what} after {seconds} s"
        time.sleep(0.1)


def test_cli_cluster_a_killed_worker_and_a_failing_document_cost_one_document(tmp_path, ruler_model):
    model = faulty_model(ruler_model, tmp_path / "model", slow=0.02)
    n = 400
    inputs = corpus(tmp_path / "docs.jsonl", n, marked=123)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    address_file = tmp_path / "scheduler.json"
    scheduler = start("scheduler", "--scheduler-file", str(address_file), "--port", "0", "--no-dashboard", env=env)
    workers = []
    try:
        wait_for(address_file.exists, 60, "scheduler file")
        workers = [start("worker", "--scheduler-file", str(address_file), "--nthreads", "1", "--no-nanny",
                         "--no-dashboard", "--preload", failing_component.__file__, env=env) for _ in range(2)]
        address = json.loads(address_file.read_text())["address"]
        out = tmp_path / "out"
        extract = subprocess.Popen([sys.executable, "-m", "dataset_ner", "extract", str(inputs), "--output", str(out),
                                    "--model", str(model), "--scheduler", address, "--shard-size", "20"],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wait_for(lambda: (out / "part-00001.jsonl").exists() or extract.poll() is not None, 120, "shard written")
        os.kill(workers[0].pid, signal.SIGKILL)  # mid-run: tasks in flight on it
        output, _ = extract.communicate(timeout=180)
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert extract.returncode == 0, output
    assert workers[0].returncode == -signal.SIGKILL
    ids = [r["id"] for r in read_records(out)]
    assert sorted(ids) == sorted(f"d{i}" for i in range(n) if i != 123) and len(ids) == n - 1
    assert [(p["kind"], p["line"]) for p in errors(out)] == [("pipeline-error", 124)]
    assert f"{n - 1:,} documents" in output and "1 inputs skipped" in output
