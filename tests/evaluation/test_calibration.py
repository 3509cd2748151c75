import json

import pytest

from dataset_ner.evaluation.calibration import bin_table, expected_calibration_error, main, pr_curve

from ..conftest import invoke_command, write_jsonl

SCORED = [(0.3, False), (0.6, True), (0.6, False), (0.97, True), (1.0, True)]


def test_bins_count_every_mention_once_with_their_precision():
    rows = bin_table(SCORED)
    assert sum(row["mentions"] for row in rows) == len(SCORED)
    by_low = {row["low"]: row for row in rows}
    assert (by_low[0.5]["mentions"], by_low[0.5]["precision"], by_low[0.5]["mean_confidence"]) == (2, 0.5, 0.6)
    assert (by_low[0.99]["mentions"], by_low[0.99]["precision"]) == (1, 1.0)
    assert by_low[0.8]["precision"] is None
    # |0 - 0.3| + 2 |0.5 - 0.6| + |1 - 0.97| + |1 - 1|, over 5 mentions
    assert expected_calibration_error(rows) == pytest.approx((0.3 + 0.2 + 0.03) / 5)


def test_no_mention_predicted_has_no_calibration_error():
    """A pipeline trained a few steps may predict nothing: no error to report, and no crash."""
    assert expected_calibration_error(bin_table([])) is None


def test_the_curve_trades_recall_for_precision():
    curve = {row["threshold"]: row for row in pr_curve(SCORED, n_gold=4)}
    assert (curve[0.0]["precision"], curve[0.0]["recall"]) == (0.6, 0.75)
    assert (curve[0.9]["precision"], curve[0.9]["recall"]) == (1.0, 0.5)
    assert curve[0.99]["mentions"] == 1


def test_the_command_writes_the_page_and_metrics(confident_nlp, tmp_path):
    confident_nlp.to_disk(tmp_path / "model")
    gold = write_jsonl(tmp_path / "dev.jsonl", [
        {"id": "d-1", "text": "We train on ImageNet and CIFAR-10 data.", "spans": [
            {"start": 12, "end": 20, "label": "DATASET"}, {"start": 25, "end": 33, "label": "DATASET"}]},
        {"id": "d-2", "text": "Results on SQuAD improve.", "spans": [{"start": 11, "end": 16, "label": "DATASET"}]},
    ])
    page, metrics = tmp_path / "calibration.md", tmp_path / "calibration.json"
    invoke_command(main, [tmp_path / "model", "--corpus", f"toy={gold}", "--test-corpus", f"toy={gold}", "--temperature", 1.0,
                          "--temperature", 3.0, "--output", page, "--metrics", metrics, "--label", "toy_sm"])
    result = json.loads(metrics.read_text())
    assert list(result["temperatures"]) == ["1.0", "1.5", "3.0"]  # the pipeline's 1.5 is always compared
    dev = result["splits"]["dev"]
    assert dev["gold"] == 3 and sum(row["mentions"] for row in dev["bins"]) == dev["curve"][0]["mentions"] >= 1
    assert result["splits"]["test"]["bins"] == dev["bins"]
    text = page.read_text()
    assert text.startswith("# Mention confidence: calibration of toy_sm\n")
    assert "| temperature | ECE dev | ECE test |" in text and "## test, temperature 1.5" in text
    assert "| confidence | mentions | mean confidence | precision |" in text and "| 0.50 |" in text
