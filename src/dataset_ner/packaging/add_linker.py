"""Add the dataset linker, with an alias table, to a copy of a trained pipeline before it is
packaged: training stays as it is, the wheel links offline."""

import shutil
from pathlib import Path

import spacy
import typer
from wasabi import msg

from ..linking.dataset_linker import DATASET_LINKER


def add_linker(model: Path, output: Path, table: Path) -> list:
    """Write the pipeline at `model` with `dataset_linker` on `table` last into `output` (`model`
    itself, or a copy that replaces `output`); return its pipe names. Only the new component and
    the pipeline's config and meta are written: the others' files stay as they are (a transformer
    stored in float16 stays so)."""
    if output.resolve() != model.resolve():
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(model, output)
    nlp = spacy.load(output)
    if DATASET_LINKER in nlp.pipe_names:
        raise typer.BadParameter(f"{model} already has a {DATASET_LINKER}")
    trained = list(nlp.pipe_names)
    nlp.add_pipe(DATASET_LINKER).initialize(table=str(table))
    nlp.to_disk(output, exclude=trained)
    return nlp.pipe_names


def main(
    model: Path = typer.Argument(..., exists=True, file_okay=False, help="Trained pipeline"),
    output: Path = typer.Argument(..., help="Where to write it with the linker (MODEL itself, or a copy)"),
    table: Path = typer.Option(..., exists=True, file_okay=False, help="Alias table folder (entries.tsv, aliases.tsv, capitals_only.txt, common_words.txt, senses.tsv, NOTICE.md)"),
):
    """Add dataset_linker with TABLE to MODEL, written to OUTPUT."""
    pipes = add_linker(model, output, table)
    msg.good(f"{output}: {' → '.join(pipes)}")


if __name__ == "__main__":
    typer.run(main)
