"""Asset step: the Papers with Code and CodeSOTA catalogues (corpus/catalogue/sources, not shipped in the wheels) cleaned into the
alias table that the dataset_linker ships with (dataset_ner.linking.build_table holds the rules)."""

from pathlib import Path
from typing import List, Tuple

import typer
from wordfreq import zipf_frequency

from ..json_files import read_json, read_jsonl
from ..linking.alias_table import write_table
from ..linking.build_table import build


BY_HAND_COLUMNS = ["name", "id", "note"]
# A common English word (build_table rule 10): wordfreq's Zipf frequency of 4 or more, a word met ten
# times or more per million ("hard", "real", "animal"; "coco" and "usps" are rarer).
COMMON_ZIPF = 4.0


def is_common(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_ZIPF


def read_by_hand(path: Path) -> List[Tuple[int, str, str]]:
    """(line number, name, id) of the lines of the hand-linked names TSV (columns name, id, note; id
    NIL: decided, not linked); SystemExit naming the file and line of a malformed one."""
    lines = path.read_text(encoding="utf8").splitlines()
    if not lines or lines[0].split("\t") != BY_HAND_COLUMNS:
        raise SystemExit(f"{path}: line 1: the header is not {'<tab>'.join(BY_HAND_COLUMNS)}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(BY_HAND_COLUMNS) or not fields[0].strip() or not fields[1].strip():
            raise SystemExit(f"{path}: line {number}: expected a name, an id (or NIL) and a note")
        rows.append((number, fields[0], fields[1]))
    return rows


def main(
    pwc: Path = typer.Argument(..., exists=True, help="pwc_datasets.jsonl.gz (Papers with Code, CC BY-SA 4.0)"),
    codesota: Path = typer.Argument(..., exists=True, help="codesota_datasets.json.gz (CodeSOTA, CC BY 4.0)"),
    output: Path = typer.Argument(..., help="Folder for entries.tsv, aliases.tsv, capitals_only.txt and common_words.txt"),
    by_hand: Path = typer.Option(None, exists=True, help="Names linked by hand (aliases_by_hand.tsv: name, id, note)"),
):
    """Write the alias table of both catalogues (and the names linked by hand) into OUTPUT."""
    pwc_rows = [row for _, row in read_jsonl(pwc)]
    try:
        table = build(pwc_rows, read_json(codesota), read_by_hand(by_hand) if by_hand else [], is_common)
    except ValueError as error:
        raise SystemExit(f"{by_hand}: {error}")
    write_table(output, table)
    index = table.index()
    ambiguous = sum(len(ids) > 1 for ids in index.values())
    typer.echo(f"{output}: {len(table.entries)} datasets, {len(set(table.aliases))} aliases, "
               f"{len(index)} keys, {ambiguous} of them naming more than one dataset, "
               f"{len(table.capitals_only)} linked only in capitals, {len(table.common_words)} only with a capital")


if __name__ == "__main__":
    typer.run(main)
