import json

from dataset_ner.packaging.wheel import drop_requirement


def test_drop_requirement_keeps_the_others(tmp_path):
    meta_path = tmp_path / "meta.json"
    meta = {"name": "dataset_ner", "requirements": ["spacy-transformers>=1.3.9,<1.4.0", "dataset_ner>=0.1.0,<0.2.0"]}
    meta_path.write_text(json.dumps(meta), encoding="utf8")
    assert drop_requirement(meta_path) == ["spacy-transformers>=1.3.9,<1.4.0"]
    written = json.loads(meta_path.read_text(encoding="utf8"))
    assert written["requirements"] == ["spacy-transformers>=1.3.9,<1.4.0"]
    assert written["name"] == "dataset_ner"
