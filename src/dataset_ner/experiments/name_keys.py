"""How well mention keys count datasets: distinct keys per distinct gold dataset, for the key of the
mention text (before dataset_mention_names), the key of its canonical name, and that key with the
corpus's abbreviations resolved (as the corpus report counts)."""

import csv
from pathlib import Path
from typing import Dict, Iterable, List

import typer
from wasabi import msg

from ..input_error import stop
from ..json_files import write_json
from ..pipeline.mention_names import abbreviation_keys, dataset_key, name_and_key


def keyings(mentions: Iterable[str]) -> Dict[str, Dict[str, str]]:
    """Per way of keying, mention → key: "text", "name", "name+abbreviations"."""
    mentions = list(mentions)
    names = {mention: name_and_key(mention)[1] for mention in mentions}
    resolve = abbreviation_keys(mentions)
    return {"text": {mention: dataset_key(mention) for mention in mentions}, "name": names,
            "name+abbreviations": {mention: resolve.get(key, key) for mention, key in names.items()}}


def read_identity(path: Path) -> Dict[str, str]:
    """Mention string → dataset id, from a two-column TSV with a header (corpus/dataset_identity/)."""
    with path.open(encoding="utf8", newline="") as rows:
        reader = csv.reader(rows, delimiter="\t")
        if next(reader, None) != ["mention", "dataset"]:
            stop(f"{path}:1: expected the header 'mention<TAB>dataset'")
        identity = {}
        for number, row in enumerate(reader, start=2):
            if len(row) != 2 or not all(row):
                stop(f"{path}:{number}: expected two non-empty tab-separated columns, got {row!r}")
            identity[row[0]] = row[1]
    return identity


def key_counts(identity: Dict[str, str], keys: Dict[str, str]) -> Dict:
    """Distinct keys and datasets; `merged`: keys shared by mentions of different datasets."""
    datasets_of: Dict[str, set] = {}
    for mention, dataset in identity.items():
        datasets_of.setdefault(keys[mention], set()).add(dataset)
    n_datasets = len(set(identity.values()))
    return {"keys": len(datasets_of), "datasets": n_datasets, "keys_per_dataset": len(datasets_of) / n_datasets,
            "merged": sorted(k for k, found in datasets_of.items() if len(found) > 1)}


def main(
    identities: List[Path] = typer.Argument(..., help="TSV files of corpus/dataset_identity/"),
    output: Path = typer.Option(..., help="JSON to write"),
):
    """Distinct keys per distinct gold dataset, per file and key."""
    results, rows = {}, []
    for path in identities:
        identity = read_identity(path)
        results[path.stem] = {name: key_counts(identity, keys) for name, keys in keyings(identity).items()}
        for name, counts in results[path.stem].items():
            rows.append((path.stem, name, counts["keys"], counts["datasets"], f"{counts['keys_per_dataset']:.3f}",
                         len(counts["merged"])))
    write_json(output, results)
    msg.table(rows, header=("gold", "key of", "keys", "datasets", "keys/dataset", "keys merging datasets"), divider=True)


if __name__ == "__main__":
    typer.run(main)
