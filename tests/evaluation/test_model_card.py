from dataset_ner.evaluation.model_card import MODES, full_table, linking_table, rounded, shipped_table


def row(f1):
    scores = {"precision": 0.5, "recall": 0.25, "f1": f1}
    return {"corpus": "toy", "pipeline": "sm", **{mode: dict(scores) for mode in MODES},
            "words_per_second": 40483, "train_minutes": 3.4}


def test_the_table_rounds_each_score_once():
    # 132 of 159 predicted and of 154 gold: F1 0.84345..., which is 0.8435 at 4 places but 0.843 at 3
    f1 = 2 * 132 / (159 + 154)
    assert round(f1, 4) == 0.8435
    table = full_table([row(f1)])
    assert "| toy | sm | 0.500 | 0.250 | 0.843 |" in table and "0.844" not in table
    assert table.splitlines()[-1].endswith("| 40,483 | 3.4 |")


def test_the_readme_table_shows_the_shipped_pipelines_exact_scores():
    rows = [row(0.3), {**row(0.4), "pipeline": "cnn"}, {**row(0.5), "pipeline": "lexicon"}]
    table = shipped_table(rows, ["sm", "cnn"])
    assert table.splitlines()[0] == "| test set | sm P | sm R | sm F1 | cnn P | cnn R | cnn F1 |"
    assert table.splitlines()[2:] == ["| toy | 0.500 | 0.250 | 0.300 | 0.500 | 0.250 | 0.400 |",
                                      "| words/s |  |  | 40,483 |  |  | 40,483 |"]
    assert shipped_table(rows, ["sm"], "3.12.1").splitlines()[-1] == "| words/s (Python 3.12.1) |  |  | 40,483 |"


def test_the_json_rounds_to_four_places():
    assert rounded(row(2 * 132 / (159 + 154)))["exact"] == {"precision": 0.5, "recall": 0.25, "f1": 0.8435}


def test_the_papers_table_has_a_row_per_pipeline_and_gold_set_with_test_papers(tmp_path):
    from dataset_ner.evaluation.model_card import papers_table
    from dataset_ner.json_files import write_json

    scores = {"precision": 0.8, "recall": 0.6, "f1": 24 / 35}
    write_json(tmp_path / "sm_test.json", {"n_papers": 6, "dataset_threshold": 0.5, "scores": scores,
                                           "papers_file": "corpus/papers/papers.jsonl"})
    write_json(tmp_path / "sm_scirex_test.json", {"n_papers": 44, "dataset_threshold": 0.5, "catalogue_evidence": 0.6,
                                                  "scores": {**scores, "repeats": 3},
                                                  "papers_file": "corpus/scirex/test_papers.jsonl"})
    write_json(tmp_path / "sm_dev.json", {"n_papers": 2, "dataset_threshold": 0.5, "scores": scores,
                                          "papers_file": "corpus/papers/papers.jsonl"})
    assert papers_table(tmp_path, ["transformer", "sm"]).splitlines() == [
        "| pipeline | gold papers | test papers | threshold | catalogue evidence | P | R | F1 | repeats |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| sm | scirex | 44 | 0.5 | 0.6 | 0.800 | 0.600 | 0.686 | 3 |",
        "| sm | papers | 6 | 0.5 | – | 0.800 | 0.600 | 0.686 | – |"]


def test_the_linking_table_gives_link_precision_with_its_counts():
    row = {"mentions": 1085, "linkable": 575, "links": 535, "precision": 508 / 535, "recall": 0.883,
           "nil_unlinked": 0.957, "ids_per_dataset": 1.01}
    table = linking_table({"all": row, "tdmsci": {**row, "links": 0, "precision": None}})
    assert table.splitlines()[-2:] == [
        "| tdmsci | 1085 | 575 | – | 0.883 | 0.957 | 1.010 |",
        "| all | 1085 | 575 | 0.950 (508 of 535) | 0.883 | 0.957 | 1.010 |"]
