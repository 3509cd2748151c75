"""The extract command end to end on the ruler pipeline: output format, bad input, resume, Dask."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from dataset_ner.__main__ import app
from dataset_ner.extraction.shards import OutputDir

from ..conftest import ROOT


def run(*args):
    result = CliRunner().invoke(app, ["extract", *map(str, args)])
    return result


def read_records(out):
    return [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open(encoding="utf8")]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "papers"
    for i in range(5):
        (folder / f"sub{i % 2}").mkdir(parents=True, exist_ok=True)
        (folder / f"sub{i % 2}" / f"p{i}.txt").write_text(f"Paper {i} uses ImageNet and HMDB-51, HMDB51.", encoding="utf8")
    return folder


def test_output_records_and_manifest(tmp_path, corpus, ruler_model):
    out = tmp_path / "out"
    result = run(corpus, "--output", out, "--model", ruler_model, "--shard-size", 2)
    assert result.exit_code == 0, result.output
    records = read_records(out)
    assert sorted(r["id"] for r in records) == sorted(str(p) for p in corpus.rglob("*.txt"))
    assert [m["key"] for m in records[0]["mentions"]] == ["imagenet", "hmdb51", "hmdb51"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] and manifest["n_shards"] == 3 and manifest["totals"]["documents"] == 5
    assert (out / "errors.jsonl").read_text() == ""
    again = run(corpus, "--output", out, "--model", ruler_model, "--shard-size", 2)
    assert again.exit_code == 0 and read_records(out) == records


def test_other_inputs_into_same_output_are_refused(tmp_path, corpus, ruler_model):
    out = tmp_path / "out"
    assert run(corpus, "--output", out, "--model", ruler_model).exit_code == 0
    other = tmp_path / "other.txt"
    other.write_text("SQuAD", encoding="utf8")
    result = run(other, "--output", out, "--model", ruler_model)
    assert result.exit_code == 1 and "other settings (inputs" in result.output


def test_a_second_run_into_a_busy_output_is_refused(tmp_path, corpus, ruler_model):
    out = tmp_path / "out"
    with OutputDir(out, {"other": "run"}):
        result = run(corpus, "--output", out, "--model", ruler_model)
    assert result.exit_code == 1 and "another extraction is writing to this folder" in result.output
    assert not list(out.glob("part-*.jsonl"))
    assert run(corpus, "--output", out, "--model", ruler_model).exit_code == 1  # free again: now the settings differ


@pytest.mark.parametrize("name,content,kind,line", [
    ("bad.txt", b"ok\n\xfe\xff", "not-utf8", 2),
    ("bad.jsonl", b'{"id": "a", "text": "ImageNet"}\n{"id": "b", "text": \n', "bad-json", 2),
    ("bad.jsonl", b'{"id": "a", "text": "ImageNet"}\n\n{"id": "b", "body": "x"}\n', "no-text", 3),
    ("bad.jsonl", b'{"id": "b", "text": ""}\n{"id": "a", "text": "ImageNet"}\n', "empty-text", 1),
])
def test_bad_input_is_reported_and_the_rest_extracted(tmp_path, corpus, ruler_model, name, content, kind, line):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = run(corpus, bad, "--output", out, "--model", ruler_model, "--shard-size", 2)
    assert result.exit_code == 0, result.output
    assert "1 inputs skipped" in result.output and kind in result.output
    [error] = [json.loads(line) for line in (out / "errors.jsonl").open()]
    assert (error["file"], error["line"], error["kind"]) == (str(bad), line, kind)
    expected = 5 + (name.endswith(".jsonl"))
    assert len(read_records(out)) == expected


def test_killed_run_resumes_with_every_document_once(tmp_path, ruler_model):
    source = tmp_path / "docs.jsonl"
    text = "We train on ImageNet. " + "Then we measure the error on the held out part of the data. " * 40
    source.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(3000)), encoding="utf8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "dataset_ner", "extract", str(source), "--output", str(out),
               "--model", str(ruler_model), "--shard-size", "50"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    manifest = out / "manifest.json"
    while process.poll() is None:
        if manifest.exists() and '"fingerprint"' in manifest.read_text():
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    state = json.loads(manifest.read_text())
    assert not state["complete"] and 1 <= len(state["shards"]) < 60
    subprocess.run(command, env=env, check=True, stderr=subprocess.DEVNULL)
    ids = [r["id"] for r in read_records(out)]
    assert sorted(ids) == list(range(3000))
    assert json.loads(manifest.read_text())["complete"]


def test_dask_local_cluster_gives_the_same_records(tmp_path, corpus, ruler_model):
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"j{i}", "text": f"SQuAD {i} and ImageNet"}) + "\n" for i in range(7)))
    args = [corpus, jsonl, "--model", ruler_model, "--shard-size", 3]
    assert run(*args, "--output", tmp_path / "single").exit_code == 0
    result = run(*args, "--output", tmp_path / "dask", "--workers", 2)
    assert result.exit_code == 0, result.output
    assert read_records(tmp_path / "dask") == read_records(tmp_path / "single")
    assert len(read_records(tmp_path / "single")) == 12


def test_n_process_gives_the_same_records(tmp_path, corpus, ruler_model):
    args = [corpus, "--model", ruler_model, "--shard-size", 2, "--batch-size", 2]
    assert run(*args, "--output", tmp_path / "one").exit_code == 0
    result = run(*args, "--output", tmp_path / "two", "--n-process", 2)
    assert result.exit_code == 0, result.output
    assert read_records(tmp_path / "two") == read_records(tmp_path / "one") != []


def test_records_carry_confidence_and_min_confidence_drops_the_rest(tmp_path, confident_nlp):
    confident_nlp.to_disk(tmp_path / "model")
    folder = tmp_path / "papers"
    folder.mkdir()
    for i, text in enumerate(["We train on ImageNet and CIFAR-10 data.", "Results on MNIST and SQuAD improve."]):
        (folder / f"p{i}.txt").write_text(text, encoding="utf8")
    assert run(folder, "--output", tmp_path / "all", "--model", tmp_path / "model").exit_code == 0
    mentions = [m for r in read_records(tmp_path / "all") for m in r["mentions"]]
    scores = sorted(m["confidence"] for m in mentions)
    assert mentions and all(0.0 < s <= 1.0 for s in scores)
    assert all(m["key"] == m["name"].casefold().replace("-", "") for m in mentions)
    threshold = scores[-1]
    result = run(folder, "--output", tmp_path / "precise", "--model", tmp_path / "model", "--min-confidence", threshold)
    assert result.exit_code == 0, result.output
    kept = sorted(m["confidence"] for r in read_records(tmp_path / "precise") for m in r["mentions"])
    assert kept == [s for s in scores if s >= threshold]


@pytest.mark.parametrize("n_process", [1, 2])
def test_min_confidence_needs_a_pipeline_that_gives_one(tmp_path, corpus, ruler_model, n_process):
    result = run(corpus, "--output", tmp_path / "out", "--model", ruler_model, "--min-confidence", 0.5,
                 "--n-process", n_process)
    assert result.exit_code == 1
    assert "no dataset_mention_confidence component" in result.output
