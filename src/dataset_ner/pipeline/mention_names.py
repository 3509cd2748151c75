"""A pipeline component that gives each mention a canonical dataset name and a key to count it by."""

import re
from typing import Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

# Words that precede a name without being part of it ("the Penn Treebank").
ARTICLES = {"the", "a", "an"}
# Generic head words that follow a name ("UCF101 dataset", "the COCO challenge"); "Treebank",
# "test set" or "Task 8" name a resource or a subset and stay.
HEAD_WORDS = {
    "dataset", "datasets", "data", "corpus", "corpora", "benchmark", "benchmarks", "database", "databases",
    "collection", "collections", "challenge", "challenges", "repository",
}
DATA_SET = re.compile(r"\s+data[\s-]*sets?$", re.IGNORECASE)
# A trailing abbreviation in brackets repeats the name ("Penn Treebank (PTB)"); one that starts
# with a digit is a version and stays ("MovieLens (10M)").
ABBREVIATION = re.compile(r"\s*\([A-Za-z][\w.&+-]*[A-Z][\w.&+-]*\)$")


def dataset_name(text: str) -> str:
    """The dataset's name: `text` without leading articles, trailing generic head words and a
    trailing bracketed abbreviation ("the HMDB51 benchmark" → "HMDB51", "Penn Treebank (PTB)" →
    "Penn Treebank"); `text` itself where nothing else would be left."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in ARTICLES:
        words = words[1:]
    name = " ".join(words)
    while True:
        stripped = DATA_SET.sub("", ABBREVIATION.sub("", name))
        head, _, last = stripped.rpartition(" ")
        if head and last.lower() in HEAD_WORDS:
            stripped = head
        if stripped == name or not stripped.strip():
            return name.strip(" ,;:-")
        name = stripped


def dataset_key(name: str) -> str:
    """Key that groups spellings of one name: "HMDB-51", "HMDB51", "hmdb 51" → "hmdb51"."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def name_and_key(text: str) -> Tuple[str, str]:
    name = dataset_name(text)
    return name, dataset_key(name)


for _attr in ("dataset_name", "dataset_key"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


@Language.component("dataset_mention_names", requires=["doc.ents"], assigns=["span._.dataset_name", "span._.dataset_key"])
def mention_names(doc: Doc) -> Doc:
    """Set `span._.dataset_name` and `span._.dataset_key` on every entity."""
    for ent in doc.ents:
        ent._.dataset_name, ent._.dataset_key = name_and_key(ent.text)
    return doc
