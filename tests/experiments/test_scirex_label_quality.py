import json

from dataset_ner.experiments.scirex_label_quality import main, match, scores

from ..conftest import ROOT, invoke_command


def test_exact_and_overlap_matches_count_each_side_once():
    counts = match(predicted=[(0, 5), (10, 30)], gold=[(0, 5), (10, 15), (20, 30), (40, 45)])
    assert scores(counts, "exact") == {"precision": 0.5, "recall": 0.25}
    assert scores(counts, "overlap") == {"precision": 1.0, "recall": 0.75}  # one coordination span covers two gold


def test_the_cleaned_labels_beat_the_material_spans_on_the_committed_sample(tmp_path):
    invoke_command(main, [ROOT / "corpus/scirex/train_docs.jsonl.gz", ROOT / "corpus/scirex/sample_gold.jsonl",
                          "--output", tmp_path / "quality.json"])
    result = json.loads((tmp_path / "quality.json").read_text(encoding="utf8"))
    assert result["sample"] == {"with material": 150, "without material": 150}
    material, cleaned = (result["labels"][label]["weighted"]["exact"] for label in ("material", "cleaned"))
    assert cleaned["precision"] > material["precision"] and cleaned["recall"] > material["recall"]
