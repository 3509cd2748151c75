"""Write the meta.json that `spacy package` merges into the packaged model."""

from pathlib import Path
from typing import List, Optional

import typer

from ..json_files import read_json, write_json
from ..pipeline.vocabulary import LABEL

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


def performance(card: List[dict], pipeline: str) -> dict:
    """The pipeline's test scores as flat scalars, which `spacy package` renders in the wheel's
    README: `<corpus>_exact_p`, `_r`, `_f` per test corpus (4 decimals), and `speed` (words/s, not rendered)."""
    rows = [row for row in card if row["pipeline"] == pipeline]
    if not rows:
        raise typer.BadParameter(f"the model card has no rows of pipeline {pipeline!r}")
    scores = {f"{row['corpus']}_exact_{key[0]}": round(row["exact"][key], 4) for row in rows for key in ("precision", "recall", "f1")}
    return {**scores, "speed": rows[0]["words_per_second"]}


def main(
    output: Path = typer.Argument(..., help="meta.json to write"),
    version: str = typer.Option(..., help="Package version"),
    transformer: str = typer.Option(..., help="The transformer the model was trained from"),
    pipeline: str = typer.Option(..., help="The model card's name of the pipeline: transformer or sm (distilled CNN)"),
    card: Path = typer.Option(..., help="metrics/model_card.json"),
    dev: Optional[Path] = typer.Option(None, help="spacy evaluate's dev scores, kept under metrics"),
):
    """Build the package meta: description, label, license, sources, the test scores as performance and
    the whole model card under metrics. The wheel needs no weights package (see
    dataset_ner.packaging.standalone); spacy package adds spacy and spacy-transformers to its
    requirements (the distilled pipeline needs neither they nor torch)."""
    distilled = pipeline == "sm"
    model = (
        f"a CNN ner component (no transformer) trained on the mentions of the transformer pipeline en_dataset_ner ({transformer})"
        if distilled else f"a spacy-transformers ner component trained from {transformer}"
    )
    rows = read_json(card)
    meta = {
        "name": "dataset_ner_sm" if distilled else "dataset_ner",
        "version": version,
        "description": (
            "Finds dataset mentions (ImageNet, SQuAD v1.1, HMDB-51, LibriSpeech test-clean) in scientific "
            f"text: {model}, with the label {LABEL}. Accuracy: exact-span precision, recall and F1 on "
            "hand-annotated test sets (heddes2021: Heddes et al. 2021 revised to one mention per dataset)."
        ),
        "license": "MIT (code); model trained on CC BY 4.0 and Apache-2.0 data, see sources",
        "sources": SOURCES,
        "labels": {"ner": [LABEL]},
        "performance": performance(rows, pipeline),
        "metrics": {"model_card": rows, **({"dev": read_json(dev)} if dev else {})},
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    write_json(output, meta)


if __name__ == "__main__":
    typer.run(main)
