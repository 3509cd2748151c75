"""add_linker on a real (untrained) pipeline: the copy gains the linker and its table, the trained
components' files stay as they were."""

import spacy

import dataset_ner.linking.dataset_linker  # noqa: F401 (registers the factory)
from dataset_ner.packaging.add_linker import add_linker
from dataset_ner.pipeline.vocabulary import MENTION_NAMES

from ..conftest import ROOT


def test_the_copy_links_and_the_trained_files_are_untouched(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("DATASET")
    nlp.add_pipe(MENTION_NAMES)
    nlp.initialize()
    nlp.to_disk(tmp_path / "model")
    ner_model = (tmp_path / "model/ner/model").read_bytes()
    assert add_linker(tmp_path / "model", tmp_path / "package", ROOT / "corpus/catalogue") == [
        "ner", MENTION_NAMES, "dataset_linker"]
    assert spacy.load(tmp_path / "model").pipe_names == ["ner", MENTION_NAMES]  # the trained pipeline as it was
    assert (tmp_path / "package/ner/model").read_bytes() == ner_model
    assert sorted(p.name for p in (tmp_path / "package/dataset_linker").iterdir()) == [
        "NOTICE.md", "aliases.tsv", "capitals_only.txt", "common_words.txt", "entries.tsv", "senses.tsv"]
    loaded = spacy.load(tmp_path / "package")
    doc = loaded.make_doc("Results on PTB.")
    doc.ents = [doc.char_span(11, 14, "DATASET")]
    for name in (MENTION_NAMES, "dataset_linker"):
        doc = loaded.get_pipe(name)(doc)
    assert [(e.kb_id_, e._.dataset_url) for e in doc.ents] == [("penn-treebank", "https://paperswithcode.com/dataset/penn-treebank")]
