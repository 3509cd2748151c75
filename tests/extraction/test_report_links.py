"""Extract with a pipeline that links, then report: mentions of one catalogue dataset count
together under its id, with its full name and link; the names left unlinked are listed."""

import spacy
from typer.testing import CliRunner

import dataset_ner.linking.dataset_linker  # noqa: F401 (registers the factory)
from dataset_ner.__main__ import app
from dataset_ner.extraction.report import read_records
from dataset_ner.pipeline.vocabulary import MENTION_NAMES

from ..conftest import ROOT

PAPERS = {"a.txt": "We train on the Penn Treebank and test on FooBank.", "b.txt": "Results on PTB and FooBank."}


def invoke(*args):
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result


def test_linked_mentions_count_under_their_catalogue_id(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "DATASET", "pattern": p} for p in ("Penn Treebank", "PTB", "FooBank")])
    nlp.add_pipe(MENTION_NAMES)
    nlp.add_pipe("dataset_linker", config={"table": str(ROOT / "corpus/catalogue")})
    nlp.to_disk(tmp_path / "model")
    for name, text in PAPERS.items():
        (tmp_path / "papers" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "papers" / name).write_text(text, encoding="utf8")
    invoke("extract", tmp_path / "papers", "--output", tmp_path / "mentions", "--model", tmp_path / "model")
    mentions = [m for record in read_records(tmp_path / "mentions") for m in record["mentions"]]
    assert [(m["text"], m["dataset_id"], m["dataset_url"]) for m in mentions] == [
        ("Penn Treebank", "penn-treebank", "https://paperswithcode.com/dataset/penn-treebank"), ("FooBank", None, None),
        ("PTB", "penn-treebank", "https://paperswithcode.com/dataset/penn-treebank"), ("FooBank", None, None)]
    invoke("report", tmp_path / "mentions")
    markdown = (tmp_path / "mentions/report.md").read_text(encoding="utf8")
    assert "| 1 | FooBank |  | foobank | FooBank (2) | 2 | 2 |" in markdown  # ties: by key
    assert ("| 2 | PTB | [Penn Treebank](https://paperswithcode.com/dataset/penn-treebank) | penn-treebank | "
            "PTB (1), Penn Treebank (1) | 2 | 2 |") in markdown
    assert markdown.endswith("## Most frequent unlinked names\n\n- FooBank (`foobank`): 2 mentions in 2 documents\n")
    page = (tmp_path / "mentions/report.html").read_text(encoding="utf8")
    assert '<a href="https://paperswithcode.com/dataset/penn-treebank">Penn Treebank</a>' in page
    assert "Most frequent unlinked names: FooBank (2)." in page
