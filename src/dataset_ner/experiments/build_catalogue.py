"""Asset step: the Papers with Code and CodeSOTA catalogues (corpus/catalogue/sources, not shipped in the wheels) cleaned into the
alias table that the dataset_linker ships with (dataset_ner.linking.build_table holds the rules)."""

from pathlib import Path

import typer

from ..json_files import read_json, read_jsonl
from ..linking.alias_table import write_table
from ..linking.build_table import build


def main(
    pwc: Path = typer.Argument(..., exists=True, help="pwc_datasets.jsonl.gz (Papers with Code, CC BY-SA 4.0)"),
    codesota: Path = typer.Argument(..., exists=True, help="codesota_datasets.json.gz (CodeSOTA, CC BY 4.0)"),
    output: Path = typer.Argument(..., help="Folder for entries.tsv and aliases.tsv"),
):
    """Write the alias table of both catalogues into OUTPUT."""
    pwc_rows = [row for _, row in read_jsonl(pwc)]
    table = build(pwc_rows, read_json(codesota))
    write_table(output, table)
    index = table.index()
    ambiguous = sum(len(ids) > 1 for ids in index.values())
    typer.echo(f"{output}: {len(table.entries)} datasets, {len(set(table.aliases))} aliases, "
               f"{len(index)} keys, {ambiguous} of them naming more than one dataset")


if __name__ == "__main__":
    typer.run(main)
