"""Paper-level evaluation: the two real papers extracted by a ruler pipeline and their lists scored
against a gold file written for them; the matching rule, the threshold sweep, and bad gold files."""

import json
import shutil
from pathlib import Path

import pytest
import spacy

from dataset_ner.evaluation.papers import EVIDENCES, main, read_papers, score_paper, score_papers
from dataset_ner.extraction.paper_datasets import DatasetRule
from dataset_ner.input_error import InputError

from ..conftest import invoke_command, write_jsonl

PDFS = Path(__file__).parent.parent / "extraction" / "pdfs"  # real papers, see SOURCES.md
PATTERNS = ["ViGGO", "ViGGO test set", "E2E", "WebNLG", "SPaRKy", "Weather.gov"]
GOLD = [
    {"id": "W19-8623", "file": "pdfs/W19-8623.pdf", "split": "dev", "has_references": True,
     "datasets": [{"name": "ViGGO", "aliases": []}, {"name": "E2E NLG dataset", "aliases": ["E2E"]}]},
    {"id": "W18-6504", "file": "pdfs/W18-6504.pdf", "split": "dev", "has_references": True,
     "datasets": [{"name": "WeatherGov", "aliases": ["Weather.gov"]}, {"name": "Prodigy-METEO", "aliases": []},
                  {"name": "RoboCup", "aliases": ["Robocup Sportscasting"]}]},
]


@pytest.fixture
def papers(tmp_path):
    shutil.copytree(PDFS, tmp_path / "papers" / "pdfs")
    return write_jsonl(tmp_path / "papers" / "papers.jsonl", GOLD)


@pytest.fixture
def ruler(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "DATASET", "pattern": p} for p in PATTERNS])
    nlp.to_disk(tmp_path / "ruler")
    return tmp_path / "ruler"


def test_the_real_papers_lists_are_scored_with_their_errors(papers, ruler, tmp_path):
    output = tmp_path / "dev.json"
    invoke_command(main, [ruler, "--papers", papers, "--split", "dev", "--output", output, "--label", "ruler",
                          "--records", tmp_path / "records.jsonl"])
    result = json.loads(output.read_text())
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [str(papers.parent / g["file"]) for g in GOLD]
    assert {m["section"] for m in records[1]["mentions"]} == {"body", "references"} and "text" not in records[1]
    # W19-8623 lists ViGGO (its "ViGGO test set" too), E2E and WebNLG (named once in its body, not
    # gold); W18-6504 lists Weather.gov only: its WebNLG is in the references.
    assert result["scores"] == {"precision": 0.75, "recall": 0.6, "f1": pytest.approx(2 / 3), "tp_pred": 3,
                                "tp_gold": 3, "n_pred": 4, "n_gold": 5, "repeats": 0}
    assert [(p["id"], p["false_positives"], p["missed"]) for p in result["papers"]] == [
        ("W19-8623", ["WebNLG"], []), ("W18-6504", [], ["Prodigy-METEO", "RoboCup"])]
    assert result["n_papers"] == 2 and len(result["sweep"]) == 21 * len(EVIDENCES) and result["best_threshold"] == 0.99
    # counting the references adds SPaRKy (W19-8623) and WebNLG (W18-6504), both wrong
    assert {(row["tp_pred"], row["n_pred"]) for row in result["sweep_with_references"]} == {(3, 6)}


def test_with_a_table_the_papers_are_linked_as_the_wheel_links_them(papers, ruler, tmp_path):
    catalogue = Path(__file__).parent.parent.parent / "corpus" / "catalogue"
    invoke_command(main, [ruler, "--papers", papers, "--split", "dev", "--output", tmp_path / "dev.json",
                          "--table", catalogue, "--records", tmp_path / "records.jsonl"])
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text().splitlines()]
    linked = {(m["name"], m["dataset_id"]) for r in records for m in r["mentions"]}
    assert ("E2E", "e2e") in linked and ("ViGGO", "viggo") in linked and ("Weather.gov", None) in linked
    assert {(d["key"], d["dataset_id"]) for d in records[0]["datasets"]} >= {("e2e", "e2e"), ("viggo", "viggo")}


def test_a_paper_given_as_text_is_scored_like_a_pdf(ruler, tmp_path):
    text = ("We train on E2E and test on the ViGGO test set.\nE2E is larger than ViGGO.\n"
            "References\nWen et al. 2015. SPaRKy and WebNLG. In Proc. of ACL, pages 1-9.")
    gold = write_jsonl(tmp_path / "papers.jsonl", [
        {"id": "text-paper", "split": "test", "text": text,
         "datasets": [{"name": "ViGGO", "aliases": []}, {"name": "E2E NLG", "aliases": ["E2E"]},
                      {"name": "Weather.gov", "aliases": []}]}])
    output = tmp_path / "test.json"
    invoke_command(main, [ruler, "--papers", gold, "--split", "test", "--output", output,
                          "--records", tmp_path / "records.jsonl"])
    result = json.loads(output.read_text())
    assert json.loads((tmp_path / "records.jsonl").read_text())["id"] == "text-paper"
    # listed: E2E and ViGGO (its "ViGGO test set" too); the references' names left out
    assert result["papers"] == [{"id": "text-paper", "tp_pred": 2, "tp_gold": 2, "n_pred": 2, "n_gold": 3,
                                 "repeats": 0, "false_positives": [], "missed": ["Weather.gov"]}]


def test_a_reported_name_matches_by_key_alias_or_without_split_words():
    gold = [{"name": "CIFAR-10", "aliases": ["CIFAR10 dataset"]}, {"name": "SQuAD v1.1", "aliases": []}]
    listed = [{"name": "CIFAR-10 test set", "key": "cifar10testset"}, {"name": "Cifar 10", "key": "cifar10"},
              {"name": "SQuAD", "key": "squad"}, {"name": "the validation split", "key": "thevalidationsplit"}]
    assert score_paper(listed, gold) == {"tp_pred": 2, "tp_gold": 1, "n_pred": 4, "n_gold": 2, "repeats": 1,
                                         "false_positives": ["SQuAD", "the validation split"], "missed": ["SQuAD v1.1"]}


def test_a_gold_name_with_split_words_is_named_without_them():
    gold = [{"name": "CNN/Daily Mail test set", "aliases": []}]
    counts = score_paper([{"name": "CNN/Daily Mail", "key": "cnndailymail"}], gold)
    assert (counts["tp_pred"], counts["tp_gold"], counts["missed"]) == (1, 1, [])


def test_a_dataset_listed_again_is_a_repeat():
    gold = [{"name": "MPII", "aliases": ["MPII Human Pose"]}, {"name": "CHiME 4", "aliases": []},
            {"name": "CHiME 4 test set", "aliases": []}]
    listed = [{"name": "CHiME 4 test set", "key": "chime4testset"}, {"name": "MPII", "key": "mpii"},
              {"name": "MPII Human Pose", "key": "mpiihumanpose"}, {"name": "CHiME 4", "key": "chime4"}]
    counts = score_paper(listed, gold)  # the first names two gold datasets: "CHiME 4" after it is a repeat
    assert (counts["tp_pred"], counts["tp_gold"], counts["repeats"]) == (4, 3, 2)
    papers = [{"id": "p", "datasets": gold[:1]}, {"id": "q", "datasets": gold[1:]}]
    records = [{"mentions": [{**entry, "text": entry["name"], "confidence": 0.9, "section": "body"} for entry in listed[1:3]]},
               {"mentions": [{**listed[0], "text": listed[0]["name"], "confidence": 0.9, "section": "body"}]}]
    assert score_papers(papers, records, DatasetRule(0.5))["scores"]["repeats"] == 1


def test_the_threshold_keeps_datasets_by_their_paper_confidence():
    papers = [{"id": "p", "datasets": [{"name": "MNIST"}]}]
    mentions = [{"text": "MNIST", "name": "MNIST", "key": "mnist", "confidence": 0.6, "section": "body"},
                {"text": "GoogLeNet", "name": "GoogLeNet", "key": "googlenet", "confidence": 0.3, "section": "body"}]
    assert score_papers(papers, [{"mentions": mentions}], DatasetRule(0.5))["scores"]["precision"] == 1.0
    assert score_papers(papers, [{"mentions": mentions}], DatasetRule(0.2))["scores"]["precision"] == 0.5


@pytest.mark.parametrize("change, problem", [
    ({"split": "train"}, "split 'train' is none of dev, test"),
    ({"file": "pdfs/gone.pdf"}, "pdfs/gone.pdf: no such file"),
    ({"datasets": [{"aliases": []}]}, "a dataset must be {'name': str, 'aliases': [str]}"),
    ({"datasets": None}, "'datasets' must be a list, got None"),
    ({"text": "A paper's text."}, "a paper needs either a 'file' (its PDF) or a 'text', not both or neither"),
])
def test_a_bad_gold_line_is_refused_with_file_line_and_problem(papers, change, problem):
    write_jsonl(papers, [GOLD[0], {**GOLD[1], **change}])
    with pytest.raises(InputError, match=f"^{papers}:2: ") as err:
        read_papers(papers, "dev")
    assert problem in str(err.value)
