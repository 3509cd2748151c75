"""The --n-process benchmark times every pipeline with every process count on the same documents."""

import json

import spacy

from dataset_ner.experiments import benchmark_processes

from ..conftest import GOLD_SENTENCES, invoke_command, write_jsonl


def test_every_pipeline_and_process_count_timed_on_the_same_words(tmp_path, ruler_model):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD_SENTENCES * 4)
    output = tmp_path / "n_process.json"
    result = invoke_command(benchmark_processes.main, [ruler_model, "--corpus", gold, "--output", output,
                                                       "--n-process", "1", "--n-process", "2", "--repeats", "1"])
    speed = json.loads(output.read_text())
    words = 4 * sum(len(spacy.blank("en")(s["text"])) for s in GOLD_SENTENCES)
    assert [(row["model"], row["n_process"], row["words"]) for row in speed["rows"]] == [
        (str(ruler_model), 1, words), (str(ruler_model), 2, words)]
    assert speed["rows"][0]["times_one_process"] == 1.0 and all(row["words_per_second"] > 0 for row in speed["rows"])
    assert speed["cores"] >= 1 and speed["cpu"] and speed["cpu"] in result.output
