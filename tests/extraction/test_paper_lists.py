"""Extract and report on the two real papers: every mention says its section, each record lists the
paper's datasets from its body, and the report counts those lists (references only when asked)."""

import json
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from dataset_ner.__main__ import app

PDFS = Path(__file__).parent / "pdfs"  # real papers, see SOURCES.md
# ViGGO and E2E: in W19-8623's body (E2E in its references too); SPaRKy: only in its references;
# WebNLG: once in W19-8623's body, only in W18-6504's references.
PATTERNS = ["ViGGO", "E2E", "SPaRKy", "WebNLG"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "DATASET", "pattern": p} for p in PATTERNS])
    root = tmp_path_factory.mktemp("papers")
    nlp.to_disk(root / "model")
    result = CliRunner().invoke(app, ["extract", str(PDFS), "--output", str(root / "out"), "--model", str(root / "model")])
    assert result.exit_code == 0, result.output
    return root / "out"


def records(folder):
    return {Path(r["id"]).stem: r for line in (folder / "part-00000.jsonl").open() for r in [json.loads(line)]}


def test_mentions_say_their_section_and_the_list_counts_the_body(extracted):
    found = records(extracted)
    viggo, weather = found["W19-8623"], found["W18-6504"]
    sections = {(m["key"], m["section"]) for m in viggo["mentions"]}
    assert {("e2e", "body"), ("e2e", "references"), ("sparky", "references"), ("viggo", "body")} <= sections
    assert [(d["key"], d["mentions"]) for d in viggo["datasets"]] == [("viggo", 35), ("e2e", 20), ("webnlg", 1)]
    assert {m["section"] for m in weather["mentions"]} == {"references"} and weather["datasets"] == []


def report_rows(folder, *args):
    result = CliRunner().invoke(app, ["report", str(folder), *args])
    assert result.exit_code == 0, result.output
    return [line for line in (folder / "report.md").read_text().splitlines() if line.startswith("| ") and "Key" not in line and "---" not in line]


def test_the_report_leaves_reference_mentions_out_unless_asked(extracted):
    assert [row.split(" | ")[2:5] for row in report_rows(extracted)] == [
        ["e2e", "E2E (20)", "1"], ["viggo", "ViGGO (35)", "1"], ["webnlg", "WebNLG (1)", "1"]]
    rows = [row.rstrip(" |").split(" | ")[2:6] for row in report_rows(extracted, "--include-references")]
    assert rows == [["webnlg", "WebNLG (4)", "2", "4"], ["e2e", "E2E (21)", "1", "21"], ["sparky", "SPaRKy (1)", "1", "1"],
                    ["viggo", "ViGGO (35)", "1", "35"]]
