"""dataset_ner.pipeline.vocabulary is the one definition of the label, the pipe names, the articles and
the head nouns: the components register under its names, the configs and entry points spell them,
and no other module of src/ writes them again."""

import ast
import configparser

import pytest
import spacy
from spacy.language import Language
from spacy.util import load_config

from dataset_ner.data.weak_labels import extend_head_noun
from dataset_ner.evaluation.scoring import strip_head_noun
from dataset_ner.linking.dataset_linker import DATASET_LINKER
from dataset_ner.pipeline import vocabulary
from dataset_ner.pipeline.mention_names import dataset_name
from dataset_ner.pipeline.vocabulary import (
    ARTICLES,
    COORDINATED_MENTIONS,
    HEAD_NOUNS,
    LABEL,
    MENTION_CONFIDENCE,
    MENTION_NAMES,
    NAME_HEAD_NOUNS,
    SPAN_HEAD_NOUNS,
    SPLIT_MENTIONS,
    TRIM_MENTIONS,
)

from ..conftest import ROOT

PIPES = {SPLIT_MENTIONS, TRIM_MENTIONS, COORDINATED_MENTIONS, MENTION_CONFIDENCE, MENTION_NAMES}
SRC = ROOT / "src/dataset_ner"


def test_the_components_register_under_the_vocabulary_names():
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    for name in sorted(PIPES):
        assert Language.has_factory(name)
        nlp.add_pipe(name)
    assert nlp.pipe_names == ["ner", *sorted(PIPES)]


def test_entry_points_and_configs_name_the_vocabulary_pipes():
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg")
    entry_points = {line.split("=")[0].strip() for line in setup["options.entry_points"]["spacy_factories"].split("\n") if line}
    assert entry_points == PIPES | {DATASET_LINKER}  # the linker's name is its own module's
    for name in ("cpu.cfg", "gpu.cfg", "cnn_baseline.cfg", "sm.cfg"):
        components = load_config(ROOT / "configs" / name, interpolate=False)["components"]
        assert PIPES <= {component["factory"] for component in components.values()}, name


def literals(path):
    """The string constants of a module, less its docstrings, and the string sets of its set, list and tuple literals."""
    tree = ast.parse(path.read_text(encoding="utf8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node) is not None}
    strings = [node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
    collections = [{item.value for item in node.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)}
                   for node in ast.walk(tree) if isinstance(node, (ast.Set, ast.List, ast.Tuple))]
    return strings, collections


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda path: path.relative_to(SRC).as_posix())
def test_no_other_module_spells_the_vocabulary(path):
    where = path.relative_to(SRC).as_posix()
    if where == "pipeline/vocabulary.py":
        return
    strings, collections = literals(path)
    assert LABEL not in strings
    assert not PIPES & set(strings)
    for words in collections:  # a list of articles or of head nouns written out again
        assert not ARTICLES <= words, words
        assert len(words & set(SPAN_HEAD_NOUNS + NAME_HEAD_NOUNS)) < 2, words
    assert not [s for s in strings if "corpus|" in s or "|corpus" in s], "a head-noun pattern written out"


def test_the_head_noun_lists_differ_only_as_stated():
    assert set(SPAN_HEAD_NOUNS) - set(HEAD_NOUNS) == {"collection", "collections", "treebank", "treebanks"}
    assert set(NAME_HEAD_NOUNS) - set(HEAD_NOUNS) == {"data", "collection", "collections", "challenge", "challenges",
                                                      "repository"}
    text = "We use the Penn Treebank and the COCO challenge and the MNIST data sets."

    def at(mention):
        return text.index(mention), text.index(mention) + len(mention)

    # the weak-label repair takes a following "Treebank" into a span, not "challenge"
    assert extend_head_noun(text, *at("Penn")) == at("Penn Treebank")
    assert extend_head_noun(text, *at("COCO")) == at("COCO")
    # a canonical name keeps "Treebank" and loses "challenge"
    assert (dataset_name("the Penn Treebank"), dataset_name("the COCO challenge")) == ("Penn Treebank", "COCO")
    # the head-tolerant score strips neither; all three handle "data sets"
    assert strip_head_noun(text, *at("Penn Treebank")) == at("Penn Treebank")
    assert strip_head_noun(text, *at("COCO challenge")) == at("COCO challenge")
    assert strip_head_noun(text, *at("MNIST data sets")) == at("MNIST")
    assert extend_head_noun(text, *at("MNIST")) == at("MNIST data sets")
    assert dataset_name("the MNIST data sets") == "MNIST"


def test_the_vocabulary_imports_nothing():
    tree = ast.parse(SRC.joinpath("pipeline/vocabulary.py").read_text(encoding="utf8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert {name for name in vars(vocabulary) if name.isupper()} == {
        "LABEL", "SPLIT_MENTIONS", "TRIM_MENTIONS", "COORDINATED_MENTIONS", "MENTION_CONFIDENCE", "MENTION_NAMES", "ARTICLES", "HEAD_NOUNS",
        "SPAN_HEAD_NOUNS", "NAME_HEAD_NOUNS", "NAME_PART_WORDS", "SPLIT_WORDS", "TASK_WORDS"}
