import numpy
import spacy
import torch
from spacy.util import load_config

from dataset_ner.packaging.standalone import main

from ..conftest import invoke_command

TEXT = "We evaluate on ImageNet and the IMDb dataset."


def weights_bytes(path):
    return (path / "transformer" / "model").stat().st_size


def hidden_states(nlp):
    return nlp.get_pipe("transformer")(nlp.make_doc(TEXT))._.trf_data.tensors[0]


def test_the_copy_names_the_transformer_by_a_plain_string(transformer_nlp, tmp_path):
    transformer_nlp.to_disk(tmp_path / "model")
    invoke_command(main, [tmp_path / "model", tmp_path / "standalone", "--name", "sentence-transformers/all-MiniLM-L6-v2"])
    config = load_config(tmp_path / "standalone/config.cfg", interpolate=False)
    assert config["components"]["transformer"]["model"]["name"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert "@misc" not in (tmp_path / "standalone/config.cfg").read_text()
    assert weights_bytes(tmp_path / "standalone") == weights_bytes(tmp_path / "model")
    loaded = spacy.load(tmp_path / "standalone")
    assert numpy.array_equal(hidden_states(loaded), hidden_states(transformer_nlp))


def test_half_precision_halves_the_weights_and_loads_as_float32(transformer_nlp, tmp_path):
    transformer_nlp.to_disk(tmp_path / "model")
    invoke_command(main, [tmp_path / "model", tmp_path / "half", "--name", "minilm", "--half"])
    assert weights_bytes(tmp_path / "half") < 0.6 * weights_bytes(tmp_path / "model")
    loaded = spacy.load(tmp_path / "half")
    models = [shim._model for node in loaded.get_pipe("transformer").model.walk() for shim in node.shims]
    assert models and {p.dtype for model in models for p in model.parameters()} == {torch.float32}
    original, rounded = hidden_states(transformer_nlp), hidden_states(loaded)
    assert numpy.allclose(original, rounded, atol=0.05) and not numpy.array_equal(original, rounded)
