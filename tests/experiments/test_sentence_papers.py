import json

from dataset_ner.evaluation.papers import read_papers
from dataset_ner.experiments.sentence_papers import main

from ..conftest import invoke_command, write_jsonl

SENTENCES = [
    {"id": "inlg-W18-6504-2", "text": "We also use the WEB NLG data.", "spans": [{"start": 16, "end": 23}],
     "source": "W18-6504 (ACL Anthology, CC BY 4.0), body sentence 2; org/repo@abc:W18-6504.pdf"},
    {"id": "inlg-W18-6504-1", "text": "We train on WebNLG and E2E.", "spans": [{"start": 12, "end": 18},
                                                                          {"start": 23, "end": 26}],
     "source": "W18-6504 (ACL Anthology, CC BY 4.0), body sentence 1; org/repo@abc:W18-6504.pdf"},
    {"id": "inlg-W19-8610-1", "text": "No dataset here.", "spans": [], "source": "W19-8610, body sentence 1; x.pdf"},
]
GROUPS = [{"id": "W18-6504", "datasets": [{"name": "WebNLG", "aliases": ["WebNLG", "WEB NLG"]},
                                          {"name": "E2E", "aliases": ["E2E"]}], "notes": "WEB NLG is WebNLG"},
          {"id": "W19-8610", "datasets": [], "notes": ""}]


def test_each_paper_has_its_sentences_in_order_and_the_grouped_list(tmp_path):
    corpus, groups = write_jsonl(tmp_path / "s.jsonl", SENTENCES), write_jsonl(tmp_path / "g.jsonl", GROUPS)
    output = tmp_path / "papers.jsonl"
    invoke_command(main, [corpus, groups, output])
    papers = read_papers(output, "dev")
    assert [p["id"] for p in papers] == ["W18-6504", "W19-8610"]
    assert papers[0]["text"] == "We train on WebNLG and E2E.\nWe also use the WEB NLG data."
    assert papers[0]["datasets"] == GROUPS[0]["datasets"]
    assert papers[0]["source"] == "W18-6504 (ACL Anthology, CC BY 4.0); org/repo@abc:W18-6504.pdf"


def test_a_grouping_that_drops_or_adds_a_string_is_refused(tmp_path):
    corpus = write_jsonl(tmp_path / "s.jsonl", SENTENCES)
    dropped = json.loads(json.dumps(GROUPS))
    dropped[0]["datasets"][0]["aliases"] = ["WebNLG"]
    result = invoke_command(main, [corpus, write_jsonl(tmp_path / "g.jsonl", dropped), tmp_path / "p.jsonl"], exit_code=1)
    assert "g.jsonl:1: paper W18-6504: annotated strings in no dataset ['WEB NLG']" in result.output
    added = json.loads(json.dumps(GROUPS))
    added[1]["datasets"] = [{"name": "SQuAD", "aliases": ["SQuAD"]}]
    result = invoke_command(main, [corpus, write_jsonl(tmp_path / "g2.jsonl", added), tmp_path / "p.jsonl"], exit_code=1)
    assert "g2.jsonl:2: paper W19-8610: aliases never annotated ['SQuAD']" in result.output
    assert not (tmp_path / "p.jsonl").exists()


def test_a_paper_left_ungrouped_is_refused(tmp_path):
    corpus = write_jsonl(tmp_path / "s.jsonl", SENTENCES)
    result = invoke_command(main, [corpus, write_jsonl(tmp_path / "g.jsonl", GROUPS[:1]), tmp_path / "p.jsonl"],
                            exit_code=1)
    assert "['W19-8610']" in result.output
