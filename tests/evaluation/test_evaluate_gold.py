"""evaluate_gold, the lexicon baseline, benchmark and model card on a real (rule-based) pipeline."""

import json
import platform
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

from dataset_ner.data.gold import read_gold, sentence_to_doc


def run(*args):
    return subprocess.run([sys.executable, "-m", *args], check=True, capture_output=True, text=True)


def test_lexicon_baseline_scored_and_carded(tmp_path, gold_jsonl):
    nlp = spacy.blank("en")
    train = tmp_path / "train.spacy"
    DocBin(docs=[sentence_to_doc(nlp, s) for s in read_gold(gold_jsonl)][:1]).to_disk(train)
    run("dataset_ner.evaluation.lexicon_baseline", str(train), "--output", str(tmp_path / "lexicon"))
    run(
        "dataset_ner.evaluation.evaluate_gold", str(tmp_path / "lexicon"), "--corpus", f"toy={gold_jsonl}",
        "--output-dir", str(tmp_path / "gold/lexicon"), "--errors-dir", str(tmp_path / "errors"), "--label", "lexicon",
    )
    scores = json.loads((tmp_path / "gold/lexicon/toy.json").read_text())
    # The lexicon holds "IMDb dataset" only: 1 of 3 gold spans found, 1 of 1 prediction right.
    assert scores["sentences"] == 3
    assert (scores["exact"]["precision"], scores["exact"]["recall"]) == (1.0, 1 / 3)
    assert scores["overlap"]["tp_gold"] == 1
    page = (tmp_path / "errors/toy.html").read_text()
    assert "t-2: gold" in page and "t-1: gold" not in page  # only sentences with errors
    run("dataset_ner.evaluation.benchmark", f"lexicon={tmp_path / 'lexicon'}", "--corpus", str(gold_jsonl),
        "--output", str(tmp_path / "speed.json"), "--repeats", "2", "--components")
    speed = json.loads((tmp_path / "speed.json").read_text())
    assert speed["texts"] == 3 and len(speed["pipelines"]["lexicon"]["runs"]) == 2
    seconds = speed["pipelines"]["lexicon"]["component_seconds"]
    assert list(seconds) == ["tokenizer", *spacy.load(tmp_path / "lexicon").pipe_names] and min(seconds.values()) >= 0
    assert speed["device"] == "cpu" and speed["python"] == platform.python_version()
    readme, page = tmp_path / "README.md", tmp_path / "model_card.md"
    readme.write_text("intro\n<!-- results:start -->\nold\n<!-- results:end -->\nrest\n")
    page.write_text("card\n<!-- model-card:start -->\nold\n<!-- model-card:end -->\n")
    run("dataset_ner.evaluation.model_card", "lexicon", "--shipped", "lexicon", "--gold-dir", str(tmp_path / "gold"),
        "--speed", str(tmp_path / "speed.json"), "--times-dir", str(tmp_path / "times"), "--readme", str(readme),
        "--card", str(page), "--output", str(tmp_path / "card.json"))
    text = readme.read_text()
    assert text.startswith("intro\n") and text.endswith("rest\n") and "old" not in text
    assert "| toy | 1.000 | 0.333 | 0.500 |" in text
    assert "| toy | lexicon | 1.000 | 0.333 | 0.500 | 1.000 |" in page.read_text()  # exact, then head P
    card = json.loads((tmp_path / "card.json").read_text())
    assert card[0]["words_per_second"] == speed["pipelines"]["lexicon"]["words_per_second"]


def test_bad_corpus_line_stops_evaluation(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "spans": []}\n{oops\n')
    nlp = spacy.blank("en")
    nlp.to_disk(tmp_path / "blank")
    result = subprocess.run(
        [sys.executable, "-m", "dataset_ner.evaluation.evaluate_gold", str(tmp_path / "blank"), "--corpus", f"bad={bad}",
         "--output-dir", str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert result.returncode == 1 and f"{bad}:2: not valid JSON" in result.stderr


def test_pooled_score_sums_the_corpora(tmp_path, gold_jsonl, ruler_model):
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "o-1", "text": "We train on ImageNet and MNIST.", "spans": [{"start": 12, "end": 20}, '
                     '{"start": 25, "end": 30}]}\n', encoding="utf8")
    out = tmp_path / "out"
    run("dataset_ner.evaluation.evaluate_gold", str(ruler_model), "--corpus", f"toy={gold_jsonl}",
        "--corpus", f"other={other}", "--output-dir", str(out), "--pooled", "dev")
    toy, rest, pooled = (json.loads((out / f"{name}.json").read_text())["exact"] for name in ("toy", "other", "dev"))
    # The ruler finds SQuAD (not the gold "SQuAD v1.1") and ImageNet: pooled over both corpora 1 of 2
    # predictions right and 1 of 5 gold mentions found.
    assert (toy["tp_pred"], toy["n_pred"], toy["n_gold"]) == (0, 1, 3)
    assert (rest["tp_pred"], rest["n_pred"], rest["n_gold"]) == (1, 1, 2)
    assert (pooled["tp_pred"], pooled["n_pred"], pooled["n_gold"]) == (1, 2, 5)
    assert pooled["f1"] == pytest.approx(2 * 0.5 * 0.2 / (0.5 + 0.2))
    assert json.loads((out / "dev.json").read_text())["sentences"] == 4


def test_pooled_name_of_a_corpus_is_refused(tmp_path, gold_jsonl, ruler_model):
    result = subprocess.run(
        [sys.executable, "-m", "dataset_ner.evaluation.evaluate_gold", str(ruler_model), "--corpus", f"toy={gold_jsonl}",
         "--output-dir", str(tmp_path / "out"), "--pooled", "toy"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1 and "--pooled toy: a corpus has this name already" in result.stderr


def test_prediction_frees_the_strings_of_the_corpus(ruler_model, monkeypatch):
    from dataset_ner.evaluation import evaluate_gold

    monkeypatch.setattr(evaluate_gold, "ZONE_TEXTS", 3)
    nlp = spacy.load(ruler_model)
    texts = [f"We train on ImageNet and unseenword{i} data." for i in range(10)]
    strings = len(nlp.vocab.strings)
    found = evaluate_gold.predict(nlp, texts, batch_size=2)
    assert found == [[(12, 20)]] * 10
    assert len(nlp.vocab.strings) == strings
    assert evaluate_gold.predict(nlp, ["x. We train on ImageNet."] * 4, batch_size=2, sentences=True) == [[(15, 23)]] * 4
