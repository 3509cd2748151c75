"""A random-weight pipeline of the chosen size is built, saved and loads without its encoder folder."""

import spacy

from dataset_ner.experiments.random_transformer import main

from ..conftest import ROOT, invoke_command


def encoder_config(nlp):
    wrapper = next(node for node in nlp.get_pipe("transformer").model.walk() if node.shims)
    return wrapper.shims[0]._model.config


def test_random_pipeline_has_the_requested_size(tmp_path):
    args = [str(tmp_path / "tiny"), "--config", str(ROOT / "configs/cpu.cfg"), "--layers", "2", "--hidden", "64",
            "--heads", "2", "--intermediate", "128"]
    invoke_command(main, args)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["tiny"]
    nlp = spacy.load(tmp_path / "tiny")
    config = encoder_config(nlp)
    assert (config.num_hidden_layers, config.hidden_size, config.intermediate_size) == (2, 64, 128)
    assert nlp.get_pipe("ner").labels == ("DATASET",)
    doc = nlp("We evaluate on ImageNet and MNIST.")
    assert doc._.trf_data.model_output.last_hidden_state.shape[-1] == 64
