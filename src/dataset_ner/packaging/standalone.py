"""Copy a trained pipeline with a config that loads without the transformer's weights package,
optionally storing the transformer's weights in half precision."""

import shutil
from pathlib import Path

import spacy
import typer
from spacy.util import load_config
from wasabi import msg


def standalone_config(model: Path, name: str):
    """The model's config with the transformer's `name` block (dataset_ner.transformer_path.v1,
    which imports the weights package) replaced by the plain string `name`. Loading never reads
    it: the fine-tuned weights, tokenizer and Hugging Face config are in the model folder; only
    `nlp.initialize` (training from scratch) would fetch `name`."""
    config = load_config(model / "config.cfg", interpolate=False)
    config["components"]["transformer"]["model"]["name"] = name
    return config


def store_half(path: Path) -> None:
    """Rewrite the pipeline at `path` with its transformer's weights stored as float16. Loading
    casts them back: the model is built in float32 from its config and `load_state_dict` copies
    the stored values in, so inference runs in float32 on the rounded weights."""
    nlp = spacy.load(path)
    for node in nlp.get_pipe("transformer").model.walk():
        for shim in node.shims:
            shim._model.half()
    nlp.to_disk(path)


def main(
    model: Path = typer.Argument(..., exists=True, file_okay=False, help="Trained pipeline (training/model-best)"),
    output: Path = typer.Argument(..., help="Folder to write the standalone copy to (replaced)"),
    name: str = typer.Option(..., help="Transformer name the packaged config records, e.g. a Hugging Face hub id"),
    half: bool = typer.Option(False, "--half", help="Store the transformer's weights in float16 (half the size)"),
):
    """Write OUTPUT: MODEL's files with a config whose transformer name is the plain NAME."""
    config = standalone_config(model, name)
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(model, output)
    config.to_disk(output / "config.cfg")
    if half:
        store_half(output)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file()) / 2**20
    msg.good(f"Standalone pipeline in {output} ({size:.1f} MiB; transformer name {name!r}, "
             f"weights stored in {'float16' if half else 'float32'})")


if __name__ == "__main__":
    typer.run(main)
