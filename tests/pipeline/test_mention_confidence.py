import numpy
import pytest
import spacy

TEXTS = ["We train on ImageNet and CIFAR-10 data.", "Results on MNIST and SQuAD improve on the model."]


@pytest.fixture
def nlp(confident_nlp):
    return confident_nlp


def spans(docs):
    return [[(e.start_char, e.end_char) for e in doc.ents] for doc in docs]


def test_confidence_is_a_probability_and_leaves_the_prediction_alone(nlp):
    with nlp.select_pipes(disable=["dataset_mention_confidence"]):
        greedy = spans(nlp.pipe(TEXTS))
    docs = list(nlp.pipe(TEXTS))
    assert spans(docs) == greedy and sum(map(len, greedy)) >= 2
    scores = [ent._.confidence for doc in docs for ent in doc.ents]
    assert all(0.0 < score <= 1.0 for score in scores)
    assert [[e._.confidence for e in nlp(text).ents] for text in TEXTS] == [[e._.confidence for e in d.ents] for d in docs]


def greedy_replay_probs(nlp, doc, temperature):
    """Reference: the ner's whole greedy parse replayed, the probability of each action taken."""
    ner = nlp.get_pipe("ner")
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    ents = list(doc.ents)
    doc.set_ents([], default="missing")
    step_model = ner.model.predict([doc])
    [state] = ner.moves.init_batch([doc])
    probs = numpy.ones(len(doc))
    while not state.is_final():
        [row] = step_model.ops.to_numpy(step_model.predict([state]))
        logits = numpy.array([row[i] / temperature if ner.moves.is_valid(state, name) else -numpy.inf
                              for i, name in enumerate(names)])
        best = int(logits.argmax())
        probs[state.B(0)] = 1.0 / numpy.exp(logits - logits[best]).sum()
        ner.moves.apply_transition(state, names[best])
    doc.ents = ents
    return [round(float(probs[e.start:e.end].prod()), 4) for e in ents]


def test_confidence_equals_the_whole_greedy_parse_replayed(nlp):
    """Scoring only the entities' tokens gives what replaying the whole parse gives."""
    pipe = nlp.get_pipe("dataset_mention_confidence")
    with nlp.select_pipes(enable=["ner"]):
        docs = list(nlp.pipe(TEXTS))
    expected = [greedy_replay_probs(nlp, doc, pipe.temperature) for doc in docs]
    pipe.set_confidence(docs)
    assert [[e._.confidence for e in doc.ents] for doc in docs] == expected and sum(map(len, expected)) >= 2


def test_the_threshold_drops_the_mentions_below_it(nlp):
    docs = list(nlp.pipe(TEXTS))
    scores = sorted(ent._.confidence for doc in docs for ent in doc.ents)
    pipe = nlp.get_pipe("dataset_mention_confidence")
    threshold = (scores[0] + scores[-1]) / 2 if scores[0] < scores[-1] else scores[-1]
    pipe.threshold = threshold
    try:
        kept = sorted(ent._.confidence for doc in nlp.pipe(TEXTS) for ent in doc.ents)
    finally:
        pipe.threshold = 0.0
    assert kept == [score for score in scores if score >= threshold] and len(kept) >= 1


def test_confidence_is_set_from_a_spacy_config_override(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model", config={"components": {"dataset_mention_confidence": {"threshold": 1.01}}})
    assert loaded.get_pipe("dataset_mention_confidence").threshold == 1.01
    assert spans(loaded.pipe(TEXTS)) == [[], []]


def test_only_docs_with_mentions_are_scored(nlp, monkeypatch):
    """Docs without entities are not run through the ner again; the others score as they do alone."""
    with nlp.select_pipes(disable=["dataset_mention_confidence"]):
        docs = list(nlp.pipe(["No names here at all.", *TEXTS, "Nor here."]))
    with_ents = [doc for doc in docs if doc.ents]
    assert docs[0].ents == () and docs[-1].ents == () and with_ents
    alone = [[e._.confidence for e in nlp(doc.text).ents] for doc in with_ents]
    pipe = nlp.get_pipe("dataset_mention_confidence")
    entity_probs, batches = pipe.entity_probs, []
    monkeypatch.setattr(pipe, "entity_probs", lambda batch: batches.append(batch) or entity_probs(batch))
    pipe.set_confidence(docs)
    assert batches == [with_ents]
    assert [[e._.confidence for e in doc.ents] for doc in with_ents] == alone
    assert docs[0].ents == () and docs[-1].ents == ()
