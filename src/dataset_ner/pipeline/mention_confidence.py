"""A pipeline component that scores each mention with the probability the ner model gives it."""

from typing import Iterable, Iterator, List

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch


class MentionConfidence:
    """Set `span._.confidence` on every entity: the probability of the ner's own actions over
    the entity's tokens (B, I, ..., L or U), each a softmax over the valid actions of the
    transition scores divided by `temperature`. The ner's greedy parse is replayed, not changed.
    Entities below `threshold` are dropped."""

    def __init__(self, nlp: Language, ner: str, temperature: float, threshold: float, batch_size: int):
        if not Span.has_extension("confidence"):
            Span.set_extension("confidence", default=None)
        self.nlp = nlp
        self.ner = ner
        self.temperature = temperature
        self.threshold = threshold
        self.batch_size = batch_size

    def action_probs(self, docs: List[Doc]) -> List[numpy.ndarray]:
        """Per doc, per token: the probability of the action the greedy parse takes there. The
        entities are set aside while the parse is replayed (preset entities would force its
        actions) and put back afterwards."""
        ner = self.nlp.get_pipe(self.ner)
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        kept = [list(doc.ents) for doc in docs]
        for doc in docs:
            doc.set_ents([], default="missing")
        try:
            step_model = ner.model.predict(docs)
            states = ner.moves.init_batch(docs)
            probs = [numpy.ones(len(doc)) for doc in docs]
            active = [i for i, state in enumerate(states) if not state.is_final()]
            while active:
                scores = step_model.ops.to_numpy(step_model.predict([states[i] for i in active]))
                for row, i in zip(scores, active):
                    valid = numpy.array([ner.moves.is_valid(states[i], name) for name in names])
                    logits = numpy.where(valid, row / self.temperature, -numpy.inf)
                    best = int(logits.argmax())
                    probs[i][states[i].B(0)] = 1.0 / numpy.exp(logits - logits[best]).sum()
                    ner.moves.apply_transition(states[i], names[best])
                active = [i for i in active if not states[i].is_final()]
        finally:
            for doc, ents in zip(docs, kept):
                doc.ents = ents
        return probs

    def set_confidence(self, docs: List[Doc]) -> None:
        for doc, probs in zip(docs, self.action_probs(docs)):
            for ent in doc.ents:
                ent._.confidence = round(float(probs[ent.start:ent.end].prod()), 4)
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
        "dataset_mention_confidence",
        default_config={"ner": "ner", "temperature": 2.0, "threshold": 0.0, "batch_size": 64},
        requires=["doc.ents"],
        assigns=["span._.confidence"],
    )(mention_confidence)
except ValueError as err:
    # Where both dataset_ner and the model wheel (which carries a copy of this file) are
    # installed, the factory is registered by whichever copy is imported first (spaCy error E004
    # for the second): the code is the same.
    if "E004" not in str(err):
        raise
