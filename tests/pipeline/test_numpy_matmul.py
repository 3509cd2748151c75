"""numpy_matmul: the sm pipeline's layers multiply through numpy instead of BLIS, with the same output."""

import numpy
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, load_config
from thinc.api import NumpyOps, Ops

from dataset_ner.pipeline.numpy_matmul import numpy_matmul

from ..conftest import ROOT

TEXTS = ["We pre-train on ImageNet and fine-tune on PASCAL VOC 2007.", "Results on SQuAD v1.1 improve.", "Short."]


def sm_pipeline():
    """configs/sm.cfg's pipeline, trained on two sentences until it finds mentions."""
    fix_random_seed(0)
    config = load_config(ROOT / "configs/sm.cfg", overrides={"paths.train": None, "paths.dev": None}, interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    examples = [Example.from_dict(nlp.make_doc("We train on ImageNet."), {"entities": [(12, 20, "DATASET")]}),
                Example.from_dict(nlp.make_doc("Results on SQuAD improve."), {"entities": [(11, 16, "DATASET")]})]
    nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples)
    return nlp


def layer_ops(nlp):
    return [node.ops for _name, pipe in nlp.components if hasattr(pipe, "model") for node in pipe.model.walk()]


def test_the_sm_config_builds_layers_without_blis():
    nlp = sm_pipeline()
    ops = layer_ops(nlp)
    assert len(ops) > 20 and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


def test_blis_and_numpy_give_the_same_mentions_and_vectors():
    nlp = sm_pipeline()
    with_numpy = [(doc.to_json()["ents"], doc.tensor) for doc in nlp.pipe(TEXTS)]
    for name in ("tok2vec", "ner"):
        for node in nlp.get_pipe(name).model.walk():
            node.ops = NumpyOps(use_blis=True)
    with_blis = [(doc.to_json()["ents"], doc.tensor) for doc in nlp.pipe(TEXTS)]
    assert any(ents for ents, _ in with_blis)
    for (ents, tensor), (ents_blis, tensor_blis) in zip(with_numpy, with_blis):
        assert ents == ents_blis
        numpy.testing.assert_allclose(tensor, tensor_blis, rtol=1e-4, atol=1e-5)


def test_other_ops_are_left_alone():
    nlp = spacy.blank("en")
    tok2vec = nlp.add_pipe("tok2vec")
    base = Ops()
    for node in tok2vec.model.walk():
        node.ops = base
    numpy_matmul(nlp)
    assert all(node.ops is base for node in tok2vec.model.walk())
