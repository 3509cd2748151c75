"""A pipeline component that scores each mention with the probability the ner model gives it."""

from collections import deque
from typing import Iterable, Iterator, List

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .vocabulary import MENTION_CONFIDENCE


def entity_actions(ent: Span) -> List[str]:
    """The ner actions that make `ent`: U, or B, I, ..., L."""
    if len(ent) == 1:
        return [f"U-{ent.label_}"]
    return [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(ent) - 2) + [f"L-{ent.label_}"]


class MentionConfidence:
    """Set `span._.confidence` on every entity: the probability the ner gives the actions that
    make it (B, I, ..., L or U), each a softmax over the valid actions of the transition scores
    divided by `temperature`, from the state in which no entity is open at its first token. Only
    the entities' tokens are scored: the parse moves over the tokens between them with O, which
    leaves the same state as the ner's own parse wherever that put no entity. Entities below
    `threshold` are dropped."""

    def __init__(self, nlp: Language, ner: str, temperature: float, threshold: float, batch_size: int):
        if not Span.has_extension("confidence"):
            Span.set_extension("confidence", default=None)
        self.nlp = nlp
        self.ner = ner
        self.temperature = temperature
        self.threshold = threshold
        self.batch_size = batch_size

    def entity_probs(self, docs: List[Doc]) -> List[numpy.ndarray]:
        """Per doc, per entity: the probability of its actions. The entities are set aside while
        the states are scored (preset entities would force the actions) and put back afterwards."""
        ner = self.nlp.get_pipe(self.ner)
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        column = {name: i for i, name in enumerate(names)}
        kept = [list(doc.ents) for doc in docs]
        # per doc, in token order: (entity index, token, action)
        todo = [deque((k, ent.start + j, action) for k, ent in enumerate(ents) for j, action in enumerate(entity_actions(ent)))
                for ents in kept]
        probs = [numpy.ones(len(ents)) for ents in kept]
        for doc in docs:
            doc.set_ents([], default="missing")
        try:
            step_model = ner.model.predict(docs)
            states = ner.moves.init_batch(docs)

            def advance(i: int) -> None:
                while todo[i] and states[i].B(0) < todo[i][0][1]:
                    ner.moves.apply_transition(states[i], "O")

            active = [i for i in range(len(docs)) if todo[i]]
            for i in active:
                advance(i)
            while active:
                scores = step_model.ops.to_numpy(step_model.predict([states[i] for i in active]))
                valid = numpy.array([[ner.moves.is_valid(states[i], name) for name in names] for i in active])
                logits = numpy.where(valid, scores / self.temperature, -numpy.inf)
                top = logits.max(axis=1, keepdims=True)
                chosen = numpy.array([logits[row, column[todo[i][0][2]]] for row, i in enumerate(active)])
                step_probs = numpy.exp(chosen - top[:, 0]) / numpy.exp(logits - top).sum(axis=1)
                for i, prob in zip(active, step_probs):
                    k, _, action = todo[i].popleft()
                    probs[i][k] *= prob
                    ner.moves.apply_transition(states[i], action)
                    advance(i)
                active = [i for i in active if todo[i]]
        finally:
            for doc, ents in zip(docs, kept):
                doc.ents = ents
        return probs

    def set_confidence(self, docs: List[Doc]) -> None:
        """Only docs with entities are scored: the ner's model runs on no other."""
        docs = [doc for doc in docs if doc.ents]
        if not docs:
            return
        for doc, probs in zip(docs, self.entity_probs(docs)):
            for ent, prob in zip(doc.ents, probs):
                ent._.confidence = round(float(prob), 4)
            if self.threshold > 0:
                doc.ents = [ent for ent in doc.ents if ent._.confidence >= self.threshold]

    def __call__(self, doc: Doc) -> Doc:
        self.set_confidence([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            self.set_confidence(batch)
            yield from batch


def mention_confidence(nlp: Language, name: str, ner: str, temperature: float, threshold: float, batch_size: int):
    """Mention confidence in [0, 1] from the pipe `ner`'s transition scores; keeps mentions >= threshold."""
    return MentionConfidence(nlp, ner, temperature, threshold, batch_size)


try:
    Language.factory(
        MENTION_CONFIDENCE,
        default_config={"ner": "ner", "temperature": 1.5, "threshold": 0.0, "batch_size": 64},
        requires=["doc.ents"],
        assigns=["span._.confidence"],
    )(mention_confidence)
except ValueError as err:
    # Where both dataset_ner and the model wheel (which carries a copy of this file) are
    # installed, the factory is registered by whichever copy is imported first (spaCy error E004
    # for the second): the code is the same.
    if "E004" not in str(err):
        raise
