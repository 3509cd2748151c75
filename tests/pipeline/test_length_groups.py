"""length_groups: the transformer run on windows of like length gives what the plain one gives."""

import numpy
import pytest
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, load_config

from dataset_ner.pipeline.length_groups import length_groups

from ..conftest import ROOT

TEXT = ("Results. We pre-train the model on ImageNet and fine-tune it on the PASCAL VOC 2007 trainval split, "
        "then report mean average precision on the VOC 2007 test set, as earlier work on detection did. "
        "Table 1. On COCO, too. The speech model is trained on LibriSpeech and evaluated on test-clean and "
        "test-other, which hold read English speech of many speakers recorded at home.")


def test_groups_hold_every_index_once_shortest_first_within_the_budget():
    lengths = [30, 5, 12, 5, 100, 40, 7]
    groups = length_groups(lengths, 64)
    assert sorted(i for group in groups for i in group) == list(range(len(lengths)))
    flat = [lengths[i] for group in groups for i in group]
    assert flat == sorted(lengths)
    assert all(len(group) * max(lengths[i] for i in group) <= 64 for group in groups if len(group) > 1)
    assert [list(group) for group in groups if 4 in group] == [[4]]  # longer than the budget: alone


def pipeline(architecture):
    """The ner pipeline of configs/cpu.cfg with the transformer built by `architecture`, untrained."""
    config = load_config(ROOT / "configs/cpu.cfg", overrides={"paths.train": None, "paths.dev": None}, interpolate=True)
    model = config["components"]["transformer"]["model"]
    model["@architectures"] = architecture
    if architecture == "dataset_ner.LengthGroupedTransformerModel.v1":
        model["group_items"] = 128  # several groups from one paragraph
    else:
        del model["group_items"]
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def test_the_grouped_transformer_gives_the_plain_ones_output():
    fix_random_seed(0)
    grouped = pipeline("dataset_ner.LengthGroupedTransformerModel.v1")
    example = Example.from_dict(grouped.make_doc("We train on ImageNet."), {"entities": [(12, 20, "DATASET")]})
    grouped.initialize(lambda: [example])
    grouped.update([example])  # training goes through the plain forward
    plain = pipeline("spacy-transformers.TransformerModel.v3")
    plain.initialize(lambda: [example])
    plain.from_bytes(grouped.to_bytes())

    def output(doc):
        hidden, lengths = doc._.trf_data.model_output.last_hidden_state, doc._.trf_data.wordpieces.lengths
        return [(e.start_char, e.end_char) for e in doc.ents], [numpy.array(hidden[i, :n]) for i, n in enumerate(lengths)]

    texts = [TEXT, "Short.", TEXT[:150]]
    found = [output(doc) for doc in grouped.pipe(texts)]
    expected = [output(doc) for doc in plain.pipe(texts)]
    assert len(found[0][1]) > 3  # one window per sentence, of very different lengths
    assert [ents for ents, _ in found] == [ents for ents, _ in expected]
    for (_, windows), (_, windows_expected) in zip(found, expected):
        for window, window_expected in zip(windows, windows_expected, strict=True):
            numpy.testing.assert_allclose(window, window_expected, atol=1e-4)


def test_the_grouped_layer_gives_no_gradient():
    grouped = pipeline("dataset_ner.LengthGroupedTransformerModel.v1")
    grouped.initialize(lambda: [Example.from_dict(grouped.make_doc("On ImageNet."), {"entities": [(3, 11, "DATASET")]})])
    layer = grouped.get_pipe("transformer").model.layers[0]
    wordpieces = grouped.get_pipe("transformer").predict([grouped(TEXT)]).wordpieces
    _, backprop = layer(wordpieces, is_train=False)
    with pytest.raises(ValueError, match="outside training"):
        backprop(None)
