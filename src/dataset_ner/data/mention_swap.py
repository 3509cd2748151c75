"""A training augmenter that puts other dataset names in the place of a sentence's mentions."""

import random
from typing import Callable, Iterator, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import registry

from .weak_labels import HEAD_NOUN_AFTER

Name = Tuple[Tuple[str, ...], Tuple[bool, ...]]


def name_end(ent: Span) -> int:
    """Where the name of a mention ends: before a generic head noun ("UCF101 | dataset",
    "MNIST | data sets"), else at the mention's end; a mention that is only a head noun has none."""
    for size in (2, 1):
        if len(ent) > size and HEAD_NOUN_AFTER.fullmatch(" " + ent[-size:].text):
            return ent.end - size
    return ent.start if HEAD_NOUN_AFTER.fullmatch(" " + ent.text) else ent.end


def entity_tag(token: Token) -> Optional[str]:
    """The token's entity tag as `Doc(ents=...)` takes it ("O", "B-DATASET", ...), None where its
    annotation is missing."""
    iob = token.ent_iob_
    return None if iob == "" else iob if iob == "O" else f"{iob}-{token.ent_type_}"


def named_mentions(doc: Doc) -> List[Tuple[Span, int]]:
    """Each mention of `doc` that holds a name, with where its name ends (`name_end`)."""
    return [(ent, end) for ent in doc.ents if (end := name_end(ent)) > ent.start]


class MentionSwap:
    """Yields every example, and with probability `level` a copy of it whose mentions each hold
    a name drawn from the mentions of the examples seen so far, before the mention's own head
    noun: the same context with another name, so that a model learns a mention from its context
    and from more names than the text has. Tokens whose annotation is missing stay missing; other
    annotation is not copied."""

    def __init__(self, level: float, seed: int):
        if not 0.0 <= level <= 1.0:
            raise ValueError(f"dataset_ner.mention_swap.v1: level must be within [0, 1], not {level!r}")
        self.level = level
        self.random = random.Random(seed)
        self.names: List[Name] = []
        self.known: Set[Name] = set()

    def _remember(self, doc: Doc, mentions: List[Tuple[Span, int]]) -> None:
        for ent, end in mentions:
            tokens = doc[ent.start:end]
            name = (tuple(t.text for t in tokens), tuple(bool(t.whitespace_) for t in tokens[:-1]))
            if name not in self.known:
                self.known.add(name)
                self.names.append(name)

    def swap(self, nlp: Language, example: Example, mentions: List[Tuple[Span, int]]) -> Example:
        """A copy of `example` with the name of each of `mentions` (the named mentions of its
        reference) replaced by a known name; every other token is copied as it is."""
        reference = example.reference
        words, spaces, tags = [], [], []
        starts = {ent.start: (ent, end) for ent, end in mentions}
        i = 0
        while i < len(reference):
            if i not in starts:
                token = reference[i]
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                tags.append(entity_tag(token))
                i += 1
                continue
            ent, end = starts[i]
            name_words, name_spaces = self.random.choice(self.names)
            head = reference[end:ent.end]
            name_spaces += (bool(reference[end - 1].whitespace_),)
            words.extend(name_words + tuple(t.text for t in head))
            spaces.extend(name_spaces + tuple(bool(t.whitespace_) for t in head))
            tags.extend([f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(name_words) + len(head) - 1))
            i = ent.end
        gold = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags)
        return Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)

    def __call__(self, nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if not self.level:
            return
        mentions = named_mentions(example.reference)
        self._remember(example.reference, mentions)
        if mentions and self.random.random() < self.level:
            yield self.swap(nlp, example, mentions)


@registry.augmenters("dataset_ner.mention_swap.v1")
def create_mention_swap(level: float = 0.5, seed: int = 0) -> Callable[[Language, Example], Iterator[Example]]:
    """Augmenter for a training corpus (`[corpora.train.augmenter]`): with probability `level`
    an example is followed by a copy whose mentions are other training mentions (level 0: none)."""
    return MentionSwap(level, seed)
