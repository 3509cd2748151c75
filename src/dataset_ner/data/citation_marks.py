"""A training augmenter that puts citations after a sentence's mentions and other names, as papers
write them.

The training sentences have almost none ("(Nguyen et al., 2016)" in 0.3 % of them: their sources
dropped citations), while every paper a user hands us has them after its names: "such as SQuAD
(Rajpurkar et al., 2016), and MS MARCO (Nguyen et al., 2016)"."""

import random
import re
from typing import Callable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from .mention_swap import entity_tag

# Surnames for author-year citations: any will do, the model is to learn the citation's shape.
SURNAMES = ("Smith", "Wang", "Chen", "Zhang", "Li", "Liu", "Nguyen", "Kumar", "Müller", "Garcia", "Rossi",
            "Kim", "Park", "Tanaka", "Ivanov", "Dubois", "O'Brien", "van der Berg", "Devlin", "Krizhevsky",
            "He", "Lin", "Deng", "Johnson", "Silva", "Novak", "Cohen", "Ahmed", "Schmidt", "Lee")
FIRST_YEAR, LAST_YEAR = 1990, 2024
# A word written as a name: letters with a capital or a digit ("BERT", "Adam", "ResNet-50"; not "203").
NAME_LIKE = re.compile(r"^(?=.*[A-Za-z]).*[A-Z\d]")


def citation(draw: random.Random) -> str:
    """One citation as papers write it after a name: author-year in brackets ("(Li et al., 2016)",
    "(Kim and Park, 2019a; Chen, 2018)") or numeric ("[12]", "[3, 14]")."""
    if draw.random() < 0.25:
        numbers = sorted(draw.sample(range(1, 80), draw.choice((1, 1, 2))))
        return "[" + ", ".join(map(str, numbers)) + "]"
    works = []
    for _ in range(draw.choice((1, 1, 1, 2))):
        authors = draw.choice((f"{draw.choice(SURNAMES)} et al.", f"{draw.choice(SURNAMES)} and {draw.choice(SURNAMES)}",
                               draw.choice(SURNAMES)))
        works.append(f"{authors}, {draw.randint(FIRST_YEAR, LAST_YEAR)}{draw.choice(('', '', '', 'a', 'b'))}")
    return "(" + "; ".join(works) + ")"


def cited_ends(tags: List[Optional[str]], words: List[str]) -> List[int]:
    """Where a citation may follow: after a mention, or after the last of words written as names
    (NAME_LIKE; not the first word) that are not annotated as one; never inside a mention or next to a
    word whose annotation is missing."""
    ends = []
    for i, tag in enumerate(tags):
        after = tags[i + 1] if i + 1 < len(tags) else "O"
        if tag is None or after is None or after.startswith("I-"):
            continue
        next_word = words[i + 1] if i + 1 < len(words) else ""
        if tag != "O" or (i and NAME_LIKE.search(words[i]) and not NAME_LIKE.search(next_word)):
            ends.append(i + 1)
    return ends


class CitationMarks:
    """Yields every example, and with probability `level` a copy of it in which a citation follows some
    of its mentions and of the other words written as names (cited_ends; each with probability 1/2, at
    least one): the sentence as a paper writes it, where a citation follows a model or a tool as often
    as a dataset, so that it says nothing of what it follows. The citation's tokens are not mentions;
    every other token keeps its annotation (missing stays missing)."""

    def __init__(self, level: float, seed: int):
        if not 0.0 <= level <= 1.0:
            raise ValueError(f"dataset_ner.citation_marks.v1: level must be within [0, 1], not {level!r}")
        self.level = level
        self.random = random.Random(seed)

    def cited(self, nlp: Language, reference: Doc, tags: List[Optional[str]], ends: List[int]) -> Example:
        """A copy of the example whose `reference` has the entity `tags`, with a citation at some of `ends`
        (token indices of the reference)."""
        chosen = {end for end in ends if self.random.random() < 0.5} or {self.random.choice(ends)}
        words: List[str] = []
        spaces: List[bool] = []
        copied: List[Optional[str]] = []
        for token, tag in zip(reference, tags):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            copied.append(tag)
            if token.i + 1 in chosen:
                marks = nlp.make_doc(citation(self.random))
                spaces[-1] = True
                words.extend(mark.text for mark in marks)
                spaces.extend(bool(mark.whitespace_) for mark in marks)
                spaces[-1] = bool(token.whitespace_)
                copied.extend("O" for _ in marks)
        gold = Doc(nlp.vocab, words=words, spaces=spaces, ents=copied)
        return Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)

    def __call__(self, nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if not self.level or self.random.random() >= self.level:
            return
        reference = example.reference
        tags = [entity_tag(token) for token in reference]
        ends = cited_ends(tags, [token.text for token in reference])
        if ends:
            yield self.cited(nlp, reference, tags, ends)


@registry.augmenters("dataset_ner.citation_marks.v1")
def create_citation_marks(level: float = 0.3, seed: int = 0) -> Callable[[Language, Example], Iterator[Example]]:
    """Augmenter for a training corpus (`[corpora.train.augmenter]`): with probability `level` an example
    is followed by a copy with citations after some of its mentions and other names (level 0: none)."""
    return CitationMarks(level, seed)
