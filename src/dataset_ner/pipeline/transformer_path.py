"""Resolve which transformer weights to start from: a hub name, a directory, or an installed package."""

import importlib
from pathlib import Path

from spacy.util import registry

PACKAGE_PREFIX = "pkg:"


@registry.misc("dataset_ner.transformer_path.v1")
def transformer_path(name: str) -> str:
    """Return `name` unchanged, or for `pkg:MODULE` the Hugging Face model directory
    shipped inside the installed Python package MODULE (its `get_model_path()`, else
    its `model/` folder). Hub names such as `roberta-base` pass through untouched."""
    if not name.startswith(PACKAGE_PREFIX):
        return name
    module_name = name[len(PACKAGE_PREFIX):]
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise ValueError(
            f"Transformer '{name}': the Python package '{module_name}' that should ship "
            f"the model weights is not installed ({err}). Install it, or pass a hub name "
            "or a local directory instead."
        ) from err
    getter = getattr(module, "get_model_path", None)
    path = Path(getter()) if getter else Path(module.__file__).parent / "model"
    if not (path / "config.json").is_file():
        raise ValueError(f"Transformer '{name}': no Hugging Face model (config.json) in {path}")
    return str(path)
