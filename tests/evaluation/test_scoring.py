import pytest

from dataset_ner.evaluation.scoring import PRF, score_corpus, strip_head_noun
from dataset_ner.pipeline.vocabulary import HEAD_NOUNS

IMDB = "We use the IMDb dataset."
PTB = "Results on Penn Treebank are shown."
MNIST = "Two MNIST datasets and CIFAR-10 were used."
CONLL = "We release the CoNLL data set."


def test_offsets_used_in_tests():
    assert IMDB[11:23] == "IMDb dataset"
    assert IMDB[11:15] == "IMDb"
    assert PTB[0:7] == "Results"
    assert PTB[11:24] == "Penn Treebank"
    assert PTB[11:15] == "Penn"
    assert PTB[16:24] == "Treebank"
    assert MNIST[4:18] == "MNIST datasets"
    assert MNIST[4:9] == "MNIST"
    assert MNIST[23:31] == "CIFAR-10"
    assert MNIST[23:28] == "CIFAR"
    assert CONLL[15:29] == "CoNLL data set"
    assert CONLL[15:20] == "CoNLL"


def test_exact_hit():
    scores = score_corpus([IMDB], [[(11, 23)]], [[(11, 23)]])
    for mode in ("exact", "head", "overlap"):
        assert scores[mode] == PRF(1.0, 1.0, 1.0, 1, 1, 1, 1)


def test_boundary_miss():
    # "Treebank" vs gold "Penn Treebank": not a head-noun difference.
    scores = score_corpus([PTB], [[(11, 24)]], [[(16, 24)]])
    assert scores["exact"] == PRF(0.0, 0.0, 0.0, 0, 0, 1, 1)
    assert scores["head"] == PRF(0.0, 0.0, 0.0, 0, 0, 1, 1)
    assert scores["overlap"] == PRF(1.0, 1.0, 1.0, 1, 1, 1, 1)


@pytest.mark.parametrize(
    ("gold", "pred"),
    [((11, 23), (11, 15)), ((11, 15), (11, 23))],
    ids=["pred-without-head", "gold-without-head"],
)
def test_head_noun_difference(gold, pred):
    # "IMDb" vs "IMDb dataset", in either direction.
    scores = score_corpus([IMDB], [[gold]], [[pred]])
    assert scores["exact"] == PRF(0.0, 0.0, 0.0, 0, 0, 1, 1)
    assert scores["head"] == PRF(1.0, 1.0, 1.0, 1, 1, 1, 1)
    assert scores["overlap"] == PRF(1.0, 1.0, 1.0, 1, 1, 1, 1)


def test_plural_and_data_set_head_nouns():
    gold = [[(4, 18)], [(15, 29)]]  # "MNIST datasets", "CoNLL data set"
    pred = [[(4, 9)], [(15, 20)]]  # "MNIST", "CoNLL"
    scores = score_corpus([MNIST, CONLL], gold, pred)
    assert scores["exact"] == PRF(0.0, 0.0, 0.0, 0, 0, 2, 2)
    assert scores["head"] == PRF(1.0, 1.0, 1.0, 2, 2, 2, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMDb dataset", "IMDb"),
        ("MNIST Datasets", "MNIST"),
        ("CoNLL data set", "CoNLL"),
        ("CoNLL Data  Sets", "CoNLL"),
        ("Brown corpus", "Brown"),
        ("Europarl corpora", "Europarl"),
        ("GLUE benchmark", "GLUE"),
        ("GLUE benchmarks", "GLUE"),
        ("PubChem database", "PubChem"),
        ("PubChem DATABASES", "PubChem"),
        ("WMT benchmark datasets", "WMT benchmark"),  # only the last head noun
        ("dataset", "dataset"),  # would become empty: kept
        ("the metadataset", "the metadataset"),  # not a whole word
        ("dataset statistics", "dataset statistics"),  # not at the end
    ],
)
def test_strip_head_noun(text, expected):
    sentence = "See " + text + "."
    start, end = strip_head_noun(sentence, 4, 4 + len(text))
    assert start == 4
    assert sentence[start:end] == expected


def test_head_nouns_constant():
    assert set(HEAD_NOUNS) == {
        "dataset", "datasets", "data set", "data sets", "corpus", "corpora",
        "benchmark", "benchmarks", "database", "databases",
    }


def test_overlap_two_predictions_on_one_gold():
    # "Penn" and "Treebank" both overlap gold "Penn Treebank"; "Results" does not.
    scores = score_corpus([PTB], [[(11, 24)]], [[(11, 15), (16, 24), (0, 7)]])
    overlap = scores["overlap"]
    # P = 2/3, R = 1/1, F1 = 2 * (2/3) * 1 / (2/3 + 1) = (4/3) / (5/3) = 0.8
    assert (overlap.tp_pred, overlap.tp_gold, overlap.n_pred, overlap.n_gold) == (2, 1, 3, 1)
    assert overlap.precision == pytest.approx(2 / 3)
    assert overlap.recall == 1.0
    assert overlap.f1 == pytest.approx(0.8)
    # No prediction equals the gold span: P = 0/3, R = 0/1.
    assert scores["exact"] == PRF(0.0, 0.0, 0.0, 0, 0, 3, 1)


def test_empty_gold():
    # No gold spans: R defined as 0, P = 0/1, F1 = 0 since P + R = 0.
    scores = score_corpus([IMDB, PTB], [[], []], [[(11, 15)], []])
    for mode in ("exact", "head", "overlap"):
        assert scores[mode] == PRF(0.0, 0.0, 0.0, 0, 0, 1, 0)


def test_empty_prediction():
    # No predictions: P defined as 0, R = 0/2, F1 = 0 since P + R = 0.
    scores = score_corpus([IMDB, PTB], [[(11, 23)], [(11, 24)]], [[], []])
    for mode in ("exact", "head", "overlap"):
        assert scores[mode] == PRF(0.0, 0.0, 0.0, 0, 0, 0, 2)


def test_mixed_corpus():
    texts = [IMDB, PTB, MNIST, "No data here.", "We also use SQuAD."]
    assert texts[3][3:7] == "data"
    assert texts[4][12:17] == "SQuAD"
    gold = [
        [(11, 23)],  # "IMDb dataset"
        [(11, 24)],  # "Penn Treebank"
        [(4, 18), (23, 31)],  # "MNIST datasets", "CIFAR-10"
        [],
        [(12, 17)],  # "SQuAD"
    ]
    pred = [
        [(11, 15)],  # "IMDb": head + overlap hit
        [(11, 24), (11, 15)],  # exact hit; "Penn": overlap only
        [(4, 9), (23, 28)],  # "MNIST": head + overlap; "CIFAR": overlap only
        [(3, 7)],  # false positive
        [],  # "SQuAD" missed
    ]
    scores = score_corpus(texts, gold, pred)
    # n_pred = 1 + 2 + 2 + 1 + 0 = 6, n_gold = 1 + 1 + 2 + 0 + 1 = 5

    exact = scores["exact"]
    # tp = 1 ("Penn Treebank"); P = 1/6, R = 1/5,
    # F1 = 2 * (1/6) * (1/5) / (1/6 + 1/5) = (2/30) / (11/30) = 2/11
    assert (exact.tp_pred, exact.tp_gold, exact.n_pred, exact.n_gold) == (1, 1, 6, 5)
    assert exact.precision == pytest.approx(1 / 6)
    assert exact.recall == pytest.approx(1 / 5)
    assert exact.f1 == pytest.approx(2 / 11)

    head = scores["head"]
    # tp = 3 ("IMDb", "Penn Treebank", "MNIST"); P = 3/6 = 0.5, R = 3/5 = 0.6,
    # F1 = 2 * 0.5 * 0.6 / (0.5 + 0.6) = 0.6 / 1.1 = 6/11
    assert (head.tp_pred, head.tp_gold, head.n_pred, head.n_gold) == (3, 3, 6, 5)
    assert head.precision == pytest.approx(0.5)
    assert head.recall == pytest.approx(0.6)
    assert head.f1 == pytest.approx(6 / 11)

    overlap = scores["overlap"]
    # matched preds = 1 + 2 + 2 + 0 = 5 -> P = 5/6
    # matched gold = 1 + 1 + 2 + 0 = 4 -> R = 4/5
    # F1 = 2 * (5/6) * (4/5) / (5/6 + 4/5) = (4/3) / (49/30) = 40/49
    assert (overlap.tp_pred, overlap.tp_gold, overlap.n_pred, overlap.n_gold) == (5, 4, 6, 5)
    assert overlap.precision == pytest.approx(5 / 6)
    assert overlap.recall == pytest.approx(4 / 5)
    assert overlap.f1 == pytest.approx(40 / 49)


def test_duplicate_spans_count_once():
    scores = score_corpus([IMDB], [[(11, 23), (11, 23)]], [[(11, 23), (11, 23)]])
    assert scores["exact"] == PRF(1.0, 1.0, 1.0, 1, 1, 1, 1)
    assert scores["overlap"] == PRF(1.0, 1.0, 1.0, 1, 1, 1, 1)


def test_to_dict():
    assert PRF(0.5, 0.25, 1 / 3, 1, 1, 2, 4).to_dict() == {
        "precision": 0.5,
        "recall": 0.25,
        "f1": 1 / 3,
        "tp_pred": 1,
        "tp_gold": 1,
        "n_pred": 2,
        "n_gold": 4,
    }


def test_length_mismatch_raises():
    with pytest.raises(ValueError, match="same length, got 2, 1 and 2"):
        score_corpus([IMDB, PTB], [[]], [[], []])


@pytest.mark.parametrize(
    ("gold", "pred", "message"),
    [
        ([(11, 25)], [], r"gold span \(11, 25\) in sentence 0"),  # end > len(IMDB) == 24
        ([], [(-1, 3)], r"pred span \(-1, 3\) in sentence 0"),
        ([(5, 5)], [], r"gold span \(5, 5\)"),  # start == end
        ([], [(7, 3)], r"pred span \(7, 3\)"),  # start > end
    ],
)
def test_invalid_span_raises(gold, pred, message):
    assert len(IMDB) == 24
    with pytest.raises(ValueError, match=message):
        score_corpus([IMDB], [gold], [pred])
