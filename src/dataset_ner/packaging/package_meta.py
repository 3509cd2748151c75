"""Write the meta.json that `spacy package` merges into the packaged model."""

import json
from pathlib import Path
from typing import List

import typer

SOURCES = [
    {
        "name": "Weakly labelled dataset-mention snippets (corpus/seeds/dataset_mentions.conll)",
        "license": "not stated by its provider",
    },
    {
        "name": "Heddes et al. 2021, The Automatic Detection of Dataset Names in Scientific Articles (train split)",
        "url": "https://doi.org/10.3390/data6080084",
        "license": "CC BY 4.0",
    },
    {
        "name": "TDMSci, Hou et al. EACL 2021 (train split)",
        "url": "https://github.com/IBM/science-result-extractor",
        "license": "Apache-2.0",
    },
]


def main(
    output: Path = typer.Argument(..., help="meta.json to write"),
    version: str = typer.Option(..., help="Package version"),
    transformer: str = typer.Option(..., help="The transformer the model was trained from"),
    metrics: List[Path] = typer.Option([], help="Metrics JSON files to include, keyed by file stem"),
    distilled: bool = typer.Option(False, help="The CNN pipeline distilled from the transformer (en_dataset_ner_sm)"),
):
    """Build the package meta: description, label, license, sources, metrics. The wheel needs no
    weights package (see dataset_ner.packaging.standalone); spacy package adds spacy and
    spacy-transformers to its requirements (the distilled pipeline needs neither they nor torch)."""
    model = (
        f"a CNN ner component (no transformer) trained on the mentions of the transformer pipeline en_dataset_ner ({transformer})"
        if distilled else f"a spacy-transformers ner component trained from {transformer}"
    )
    meta = {
        "name": "dataset_ner_sm" if distilled else "dataset_ner",
        "version": version,
        "description": (
            "Finds dataset mentions (ImageNet, SQuAD v1.1, HMDB-51, LibriSpeech test-clean) in scientific "
            f"text: {model}, with the label DATASET."
        ),
        "license": "MIT (code); model trained on CC BY 4.0 and Apache-2.0 data, see sources",
        "sources": SOURCES,
        "labels": {"ner": ["DATASET"]},
        "metrics": {path.stem: json.loads(path.read_text(encoding="utf8")) for path in metrics},
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf8")


if __name__ == "__main__":
    typer.run(main)
