import gzip
import json

from dataset_ner.data.scirex_split import bucket, split_of, split_papers

from ..conftest import ROOT


def test_the_split_is_a_stable_function_of_the_paper_id():
    doc_id = "000f90380d768a85e2316225854fc377c079b5c4"
    assert bucket(doc_id) == bucket(doc_id) and 0 <= bucket(doc_id) < 1
    assert split_papers([doc_id, "x"]) == split_papers(["x", doc_id])


def test_the_committed_split_is_the_rule_applied_to_every_paper():
    split = json.loads((ROOT / "corpus/scirex/split.json").read_text(encoding="utf8"))
    with gzip.open(ROOT / "corpus/scirex/train_docs.jsonl.gz", "rt", encoding="utf8") as lines:
        ids = [json.loads(line)["doc_id"] for line in lines]
    assert {name: split[name] for name in ("train", "dev", "test")} == split_papers(ids)
    assert len(split["dev"]) >= 30 and len(split["test"]) >= 40
    assert all(split_of(doc_id) == "test" for doc_id in split["test"])
