"""spaCy components that inject faults into extraction: `raise_on_marked` raises on a document that
contains MARK, `slow_down` sleeps per document (so that a run lasts long enough to kill a worker).
Registered on import, once (`dask worker --preload`, which test Dask workers import this file with,
imports it twice)."""

import time

from spacy.language import Language

MARK = "FAIL-HERE"


def raise_on_marked(doc):
    if MARK in doc.text:
        raise ValueError(f"injected fault on a marked document ({len(doc)} tokens)")
    return doc


def slow_down(nlp, name, seconds: float):
    def sleep(doc):
        time.sleep(seconds)
        return doc

    return sleep


if not Language.has_factory("raise_on_marked"):
    Language.component("raise_on_marked", func=raise_on_marked)
    Language.factory("slow_down", default_config={"seconds": 0.01}, func=slow_down)
