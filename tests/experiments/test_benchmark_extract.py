"""The extraction benchmark times every path on the same documents and writes its table into a Markdown page."""

import json
import shutil

import spacy

from dataset_ner.experiments import benchmark_extract, random_transformer
from dataset_ner.experiments.benchmark_extract import write_documents

from ..conftest import GOLD_SENTENCES, ROOT, invoke_command, write_jsonl

PDFS = ROOT / "tests/extraction/pdfs"  # two real papers: 11 and 9 pages
PAGES = 20


def test_documents_join_sentences_up_to_the_word_budget(tmp_path):
    texts = [s["text"] for s in GOLD_SENTENCES] * 2
    path = tmp_path / "docs.jsonl"
    assert write_documents(texts, 2, 1000, path) == 3
    docs = [json.loads(line) for line in path.read_text().splitlines()]
    assert docs[0]["text"] == f"{GOLD_SENTENCES[0]['text']} {GOLD_SENTENCES[1]['text']}"
    assert [d["id"] for d in docs] == ["doc-0", "doc-1", "doc-2"]
    assert write_documents(texts, 2, 5, path) == 1  # the first document already has more than 5 words


def test_every_path_timed_on_the_same_documents_and_tabled(tmp_path, ruler_model):
    invoke_command(random_transformer.main, [tmp_path / "tiny", "--config", ROOT / "configs/cpu.cfg", "--layers", "1",
                                             "--hidden", "32", "--heads", "2", "--intermediate", "64"])
    shutil.copytree(tmp_path / "tiny", tmp_path / "baseline")
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD_SENTENCES * 4)
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- extract-speed:start -->\nold\n<!-- extract-speed:end -->\n"
                      "<!-- papers-speed:start -->\nold\n<!-- papers-speed:end -->\nrest\n")
    output = tmp_path / "speed.json"
    invoke_command(benchmark_extract.main, [tmp_path / "tiny", "--baseline", tmp_path / "baseline",
                                            "--corpus", f"toy={gold}", "--output", output, "--page", readme,
                                            "--workers", "1", "--shard-size", "1", "--sentences-per-document", "3",
                                            "--papers", PDFS, "--sm", ruler_model])
    result = json.loads(output.read_text())
    paths = {row["path"]: row for row in result["paths"]}
    assert list(paths) == ["model fp32", "model int8", "model int8, Dask 1 worker", "roberta-base-sized fp32"]
    assert result["documents"] == 4
    words = sum(len(spacy.blank("en")(s["text"])) for s in GOLD_SENTENCES)
    assert {(row["documents"], row["words"]) for row in paths.values()} == {(4, 4 * words)}
    assert paths["roberta-base-sized fp32"]["times_baseline"] == 1.0 and "exact_f1" not in paths["roberta-base-sized fp32"]
    assert paths["model int8"]["exact_f1"] == paths["model int8, Dask 1 worker"]["exact_f1"]
    assert set(paths["model fp32"]["exact_f1"]) == {"toy"} and 0 <= paths["model fp32"]["exact_f1"]["toy"] <= 1
    text = readme.read_text()
    assert text.startswith("intro\n") and text.endswith("rest\n") and "old" not in text
    for name, row in paths.items():
        assert f"| {name} | {row['words_per_second']:,} |" in text
    papers = {row["pipeline"]: row for row in result["papers"]}
    assert list(papers) == ["transformer", "sm"] and {(r["papers"], r["pages"]) for r in papers.values()} == {(2, PAGES)}
    for name, row in papers.items():
        assert row["pages_per_second"] == round(PAGES / row["seconds"], 1)
        assert f"| {name} | 2 | {PAGES} | {row['papers_per_second']:.2f} | {row['pages_per_second']:.1f} |" in text
