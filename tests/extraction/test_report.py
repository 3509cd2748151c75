"""The report command on the output of a real extract run (ruler pipeline): the Markdown table, the
HTML page and its contexts, gone inputs, bad folders, and the page as a headless Chromium renders it."""

import json
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from dataset_ner.__main__ import app
from dataset_ner.extraction.paper_datasets import DEFAULT_CATALOGUE_EVIDENCE, DEFAULT_DATASET_THRESHOLD
from dataset_ner.extraction.report import report_keys, tally
from dataset_ner.pipeline.mention_names import abbreviation_keys, name_and_key

from ..conftest import write_jsonl

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PAPERS = {
    "a.txt": "We pretrain on ImageNet and evaluate on HMDB-51.",
    "b.txt": "Action recognition results on HMDB51 and on HMDB-51 split 1.",
    "sub/c.txt": "ImageNet features, <script>alert(1)</script> & HMDB51 | clips.",
    "d.txt": "No dataset is named here.",
}
ABSTRACTS = [{"id": "q1", "text": "Reading comprehension on SQuAD."}, {"id": 2, "text": "SQuAD and ImageNet."}]

HMDB_ROW = "| 1 | HMDB-51 | hmdb51 | HMDB-51 (2), HMDB51 (2) | 3 | 4 |"
IMAGENET_ROW = "| 2 | ImageNet | imagenet | ImageNet (3) | 3 | 3 |"
SQUAD_ROW = "| 3 | SQuAD | squad | SQuAD (2) | 2 | 2 |"


def invoke(*args):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def write_corpus(root):
    for name, text in PAPERS.items():
        (root / "papers" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "papers" / name).write_text(text, encoding="utf8")
    write_jsonl(root / "abstracts.jsonl", ABSTRACTS)


@pytest.fixture
def mentions(tmp_path, ruler_model, monkeypatch):
    """Extract from relative input paths (ids: "papers/a.txt", ...), then leave that working folder."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path)
    result = invoke("extract", "papers", "abstracts.jsonl", "--output", "mentions", "--model", ruler_model,
                    "--shard-size", 2)
    assert result.exit_code == 0, result.output
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    return tmp_path / "mentions"


def report(folder, *args):
    result = invoke("report", folder, *args)
    assert result.exit_code == 0, result.output
    return result


def marks(page):
    return re.findall(r'<mark class="entity"[^>]*>\s*(.*?)\s*<span', page, re.S)


def test_markdown_table_groups_spellings_and_counts_documents(mentions):
    report(mentions)
    lines = (mentions / "report.md").read_text(encoding="utf8").splitlines()
    assert "6 documents, 5 documents with a dataset, 9 mentions, 3 distinct datasets" in lines
    rows = [line for line in lines if line.startswith("| ") and line[2].isdigit()]
    assert rows == [HMDB_ROW, IMAGENET_ROW, SQUAD_ROW]


def test_html_page_has_totals_table_and_escaped_contexts(mentions):
    report(mentions)
    page = (mentions / "report.html").read_text(encoding="utf8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<link|<script|src=", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert "<li><b>5</b>documents with a dataset</li>" in page and "<li><b>9</b>mentions</li>" in page
    assert '<td class="spellings">HMDB-51 (2), HMDB51 (2)</td>' in page
    assert marks(page) == ["HMDB-51", "HMDB51", "HMDB51", "ImageNet", "ImageNet", "ImageNet", "SQuAD", "SQuAD"]
    for doc_id in ["papers/a.txt", "papers/b.txt", "papers/sub/c.txt", "q1", "2"]:
        assert f"<figcaption>{doc_id}</figcaption>" in page
    assert "Contexts unavailable" not in page and "class=\"warning\"" not in page


def test_gone_input_leaves_the_table_and_says_contexts_are_unavailable(mentions):
    (mentions.parent / "abstracts.jsonl").unlink()
    result = report(mentions)
    assert "contexts unavailable" in result.output
    assert [r for r in (mentions / "report.md").read_text().splitlines() if r.startswith("| 3 ")] == [SQUAD_ROW]
    page = (mentions / "report.html").read_text(encoding="utf8")
    assert "abstracts.jsonl; contexts from them are unavailable" in page
    squad = page[page.index('id="dataset-3"'):]
    assert "Contexts unavailable" in squad and not marks(squad)
    assert marks(page) == ["HMDB-51", "HMDB51", "HMDB51", "ImageNet", "ImageNet"]


def test_top_contexts_and_output_dir(mentions, tmp_path):
    report(mentions, "--top", 1, "--contexts", 1, "--output-dir", tmp_path / "site")
    lines = (tmp_path / "site" / "report.md").read_text().splitlines()
    assert [line for line in lines if line.startswith("| ") and line[2].isdigit()] == [HMDB_ROW]
    page = (tmp_path / "site" / "report.html").read_text(encoding="utf8")
    assert marks(page) == ["HMDB-51"] and "<li><b>3</b>distinct datasets</li>" in page
    assert not (mentions / "report.html").exists()
    report(mentions, "--contexts", 0)
    page = (mentions / "report.html").read_text(encoding="utf8")
    assert "Contexts" not in page and page.count("<tr>") == 4


def test_mean_confidence_column(mentions):
    for part in mentions.glob("part-*.jsonl"):
        records = [json.loads(line) for line in part.open()]
        for record in records:
            for mention in record["mentions"]:
                mention["confidence"] = 0.98 if mention["key"] == "hmdb51" else None
        write_jsonl(part, records)
    report(mentions)
    lines = (mentions / "report.md").read_text().splitlines()
    assert "| # | Dataset | Key | Spellings | Documents | Mentions | Mean confidence |" in lines
    assert HMDB_ROW + " 0.98 |" in lines and IMAGENET_ROW + " — |" in lines


def test_the_report_lists_datasets_at_the_extractions_dataset_threshold(mentions):
    for part in mentions.glob("part-*.jsonl"):
        records = [json.loads(line) for line in part.open()]
        for record in records:
            for mention in record["mentions"]:
                mention["confidence"] = 0.98 if mention["key"] == "hmdb51" else 0.5
        write_jsonl(part, records)
    manifest = json.loads((mentions / "manifest.json").read_text())
    assert manifest["settings"]["dataset_threshold"] == DEFAULT_DATASET_THRESHOLD
    manifest["settings"]["dataset_threshold"] = 0.9
    (mentions / "manifest.json").write_text(json.dumps(manifest))
    report(mentions)
    lines = (mentions / "report.md").read_text().splitlines()
    assert "6 documents, 3 documents with a dataset, 4 mentions, 1 distinct datasets" in lines
    assert [line for line in lines if line.startswith("| 1 ")] == [HMDB_ROW + " 0.98 |"]


def test_the_report_adds_the_extractions_catalogue_evidence_to_linked_datasets(mentions):
    for part in mentions.glob("part-*.jsonl"):
        records = [json.loads(line) for line in part.open()]
        for record in records:
            for mention in record["mentions"]:
                mention["confidence"] = 0.4  # two mentions: 0.64; one linked: 0.76
                mention["dataset_id"] = "imagenet" if mention["key"] == "imagenet" else None
        write_jsonl(part, records)
    manifest = json.loads((mentions / "manifest.json").read_text())
    assert manifest["settings"]["catalogue_evidence"] == DEFAULT_CATALOGUE_EVIDENCE
    manifest["settings"].update(dataset_threshold=0.75, catalogue_evidence=0.6)
    (mentions / "manifest.json").write_text(json.dumps(manifest))
    report(mentions)
    rows = [line for line in (mentions / "report.md").read_text().splitlines() if line.startswith(("| 1 ", "| 2 "))]
    assert len(rows) == 1 and "| imagenet |" in rows[0]
    del manifest["settings"]["catalogue_evidence"]  # a folder extracted before the setting: no evidence
    (mentions / "manifest.json").write_text(json.dumps(manifest))
    report(mentions)
    assert not [line for line in (mentions / "report.md").read_text().splitlines() if line.startswith("| 1 ")]


def test_a_folder_without_manifest_or_parts_is_refused(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("report", empty)
    assert result.exit_code == 1 and f"{empty}:0: no manifest.json" in result.output
    (empty / "manifest.json").write_text(json.dumps({"settings": {}, "complete": True}))
    result = invoke("report", empty)
    assert result.exit_code == 1 and f"{empty}:0: no part-*.jsonl files" in result.output


def chromium(*args, tmp_path):
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH: install it (Debian: apt-get install -y "
                                              "chromium) to render the report in a headless browser")
def test_headless_chromium_renders_the_report(mentions, tmp_path):
    report(mentions)
    url = (mentions / "report.html").as_uri()
    dom = chromium("--dump-dom", url, tmp_path=tmp_path).stdout
    rows = re.findall(r"<tr>(.*?)</tr>", dom, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows]
    assert [[re.sub(r"<[^>]+>", "", c) for c in row] for row in cells if row] == [
        ["1", "HMDB-51", "hmdb51", "HMDB-51 (2), HMDB51 (2)", "3", "4"],
        ["2", "ImageNet", "imagenet", "ImageNet (3)", "3", "3"],
        ["3", "SQuAD", "squad", "SQuAD (2)", "2", "2"]]
    assert len(marks(dom)) == 8 and "<script>" not in dom
    screenshot = tmp_path / "report.png"
    chromium(f"--screenshot={screenshot}", "--window-size=1200,1600", url, tmp_path=tmp_path)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000


def test_an_abbreviation_the_corpus_spells_out_counts_with_the_full_name():
    def mention(text):
        name, key = name_and_key(text)
        return {"text": text, "start": 0, "end": len(text), "label": "DATASET", "name": name, "key": key}

    records = [{"id": "a", "mentions": [mention("Chinese Penn Treebank (CTB)")]},
               {"id": "b", "mentions": [mention("CTB"), mention("CTB 5.1")]},
               {"id": "c", "mentions": [mention("the Chinese Penn Treebank")]}]
    texts = [m["text"] for r in records for m in r["mentions"]]
    datasets, totals = tally(iter(records), 3, abbreviation_keys(texts))
    assert [(d.key, d.documents, d.mentions) for d in datasets] == [("chinesepenntreebank", 3, 3), ("ctb51", 1, 1)]
    assert totals == (3, 3, 4)


def test_a_footnote_mark_on_a_linked_name_counts_under_its_catalogue_id():
    def mention(text, dataset_id=None):
        name, key = name_and_key(text)
        return {"text": text, "start": 0, "end": len(text), "label": "DATASET", "name": name, "key": key,
                "dataset_id": dataset_id}

    records = [{"id": "a", "mentions": [mention("MSCOCO", "coco"), mention("MSCOCO1"), mention("CIFAR-100")]},
               {"id": "b", "mentions": [mention("MSCOCO1"), mention("CIFAR-10", "cifar-10")]}]
    datasets, totals = tally(iter(records), 3, {})
    assert [(d.key, d.documents, d.mentions) for d in datasets] == [
        ("cifar-10", 1, 1), ("cifar100", 1, 1), ("coco", 1, 2), ("mscoco1", 1, 1)]
    assert totals == (2, 2, 5)


def test_a_digit_after_a_space_is_a_version_not_a_footnote_mark():
    """"CHiME 4" beside "CHiME" is a version, and so is "CHiME4" beside them (one key, one way)."""
    def keys(*texts):
        mentions = [{"name": name, "key": key, "dataset_id": None} for name, key in map(name_and_key, texts)]
        return report_keys(mentions, {})

    assert keys("CHiME", "CHiME 4", "CHiME4", "VOT") == ["chime", "chime4", "chime4", "vot"]
    assert keys("CHiME", "CHiME4") == ["chime", "chime"]


def test_a_name_with_split_or_task_words_alone_counts_under_the_name():
    """A paper that names QQP only as "QQP validation" lists QQP, with that mention as its example."""
    def mention(text):
        name, key = name_and_key(text)
        return {"text": text, "start": 0, "end": len(text), "label": "DATASET", "name": name, "key": key}

    records = [{"id": "a", "mentions": [mention("QQP validation"), mention("COCO object detection task")]},
               {"id": "b", "mentions": [mention("QQP"), mention("QQP dev set")]}]
    datasets, totals = tally(iter(records), 3, {})
    assert [(d.key, d.documents, d.mentions) for d in datasets] == [("qqp", 2, 3), ("coco", 1, 1)]
    assert [(doc_id, m["text"]) for doc_id, m in datasets[0].examples] == [("a", "QQP validation"), ("b", "QQP")]
    assert totals == (2, 2, 4)


def test_the_report_names_a_dataset_as_its_key_is_spelled():
    """A case of the INLG dev papers: two "Triangle-COPA question set" and one "Triangle-COPA" are Triangle-COPA."""
    def mention(text):
        name, key = name_and_key(text)
        return {"text": text, "start": 0, "end": len(text), "label": "DATASET", "name": name, "key": key}

    records = [{"id": "a", "mentions": [mention("Triangle-COPA question set"), mention("Triangle-COPA question set"),
                                        mention("Triangle-COPA")]}]
    datasets, _ = tally(iter(records), 3, {})
    assert [(d.key, d.name, d.mentions) for d in datasets] == [("trianglecopa", "Triangle-COPA", 3)]
