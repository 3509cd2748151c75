"""A training corpus reader that repeats the docs of some DocBins more often than others."""

import warnings
from pathlib import Path
from typing import Callable, Dict, Iterator, Optional

from spacy.language import Language
from spacy.training import Corpus, Example
from spacy.training.corpus import walk_corpus
from spacy.util import registry


class WeightedCorpus:
    """Every DocBin under `path`, each of its examples yielded `weights[file stem]` times
    (1 for a stem not named). Weights are whole numbers; 0 leaves a file out. A positive weight
    for a file that is not there (weak data alone, say) is ignored with a warning."""

    def __init__(self, path: Path, weights: Dict[str, int], **corpus_settings):
        self.files = walk_corpus(path, ".spacy")
        unknown = {stem for stem, weight in weights.items() if weight} - {file.stem for file in self.files}
        if unknown:
            found = ", ".join(file.stem for file in self.files) or "none"
            warnings.warn(f"Corpus weights name {sorted(unknown)}, not among the DocBins under {path}: {found}")
        for stem, weight in weights.items():
            if weight != int(weight) or weight < 0:
                raise ValueError(f"Corpus weight for '{stem}' must be a whole number >= 0, not {weight!r}")
        self.weights = {file: int(weights.get(file.stem, 1)) for file in self.files}
        self.corpus_settings = corpus_settings

    def __call__(self, nlp: Language) -> Iterator[Example]:
        for file, weight in self.weights.items():
            if weight == 0:
                continue
            examples = list(Corpus(file, **self.corpus_settings)(nlp))
            for _ in range(weight):
                yield from examples


@registry.readers("dataset_ner.weighted_corpus.v1")
def create_weighted_corpus(
    path: Optional[Path],
    weights: Dict[str, int],
    gold_preproc: bool = False,
    max_length: int = 0,
    limit: int = 0,
    augmenter: Optional[Callable] = None,
) -> WeightedCorpus:
    """Read the DocBins under `path` (a file or a folder) like spacy.Corpus.v1, repeating the
    examples of each file by its weight, keyed by file stem: {"tdmsci": 3} triples tdmsci.spacy.
    spaCy shuffles the training examples every epoch, so repeats are spread over the epoch."""
    if path is None:
        raise ValueError("dataset_ner.weighted_corpus.v1: no path given (set paths.train)")
    return WeightedCorpus(
        path, weights, gold_preproc=gold_preproc, max_length=max_length, limit=limit, augmenter=augmenter
    )
