import numpy
import spacy
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import load_config, load_model_from_config
from typer.testing import CliRunner

from dataset_ner.training.distill_tok2vec import app, distil, teacher_vectors

from ..conftest import ROOT

TEXTS = ["We train on ImageNet and CIFAR-10 data.", "Results on SQuAD v1.1 improve.", "The model is fast.",
         "Speech from LibriSpeech test-clean.", "We use the MS COCO captions."]
WIDTH = {"components.tok2vec.model.encode.width": 32}


def student(overrides=WIDTH):
    """The small pipeline of configs/cnn_baseline.cfg, its tok2vec not yet initialised."""
    return load_model_from_config(load_config(ROOT / "configs/cnn_baseline.cfg", overrides=overrides), auto_fill=True)


def docs_of(nlp, texts=TEXTS):
    return [nlp.make_doc(text) for text in texts]


def test_teacher_vectors_are_the_ners_input_per_token(transformer_nlp):
    docs = docs_of(transformer_nlp)
    vectors = teacher_vectors(transformer_nlp, docs, batch_size=2)
    width = transformer_nlp.config["components"]["ner"]["model"]["hidden_width"]
    assert [v.shape for v in vectors] == [(len(doc), width) for doc in docs]
    alone = teacher_vectors(transformer_nlp, docs_of(transformer_nlp, TEXTS[1:2]))[0]
    numpy.testing.assert_allclose(vectors[1], alone, atol=1e-4)


def test_distil_learns_to_predict_the_targets(transformer_nlp):
    nlp = student()
    docs = docs_of(nlp)
    targets = teacher_vectors(transformer_nlp, docs_of(transformer_nlp))
    losses = list(distil(nlp.get_pipe("tok2vec").model, docs, targets, epochs=30, batch_words=20))
    assert len(losses) == 30 and losses[-1] < 0.5 * losses[0]


def test_cli_writes_weights_that_spacy_loads_as_init_tok2vec(transformer_nlp, ruler_model, tmp_path):
    teacher = tmp_path / "teacher"
    transformer_nlp.to_disk(teacher)
    docbin = tmp_path / "texts.spacy"
    DocBin(docs=docs_of(spacy.blank("en"))).to_disk(docbin)
    weights = tmp_path / "tok2vec.bin"
    args = [str(teacher), str(ROOT / "configs/cnn_baseline.cfg"), str(weights), "--docbin", str(docbin),
            "--epochs", "2", "--components.tok2vec.model.encode.width", "32"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "epoch 2: mean squared error" in result.output

    # What `spacy train --paths.init_tok2vec` does: initialise, then read the weights through [pretraining]
    nlp = student({**WIDTH, "paths.init_tok2vec": str(weights)})
    nlp.initialize(lambda: [Example.from_dict(nlp.make_doc(TEXTS[0]), {"entities": [(12, 20, "DATASET")]})])
    loaded = nlp.get_pipe("tok2vec").model
    assert loaded.to_bytes() == weights.read_bytes()

    failed = CliRunner().invoke(app, [str(ruler_model), *args[1:]])
    assert failed.exit_code == 1 and "no transformer component" in failed.output
