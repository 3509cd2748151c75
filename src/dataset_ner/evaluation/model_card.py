"""Build the model-card table (corpus x pipeline x exact/head/overlap P/R/F1, words/s, training time)
from the metrics files, and write it into the README and a JSON for the package meta."""

import json
from pathlib import Path
from typing import Dict, List

import typer
from wasabi import msg

from .readme_table import write_table

MODES = ("exact", "head", "overlap")


def load(path: Path) -> Dict:
    return json.loads(path.read_text(encoding="utf8"))


def build_rows(gold_dir: Path, speed: Dict, times_dir: Path, pipelines: List[str]) -> List[Dict]:
    """One row per corpus and pipeline, in the order of `pipelines`, with the scores unrounded."""
    rows = []
    corpora = sorted({p.stem for name in pipelines for p in (gold_dir / name).glob("*.json")})
    for corpus in corpora:
        for name in pipelines:
            scores = load(gold_dir / name / f"{corpus}.json")
            time_file = times_dir / f"{name}.json"
            rows.append(
                {
                    "corpus": corpus,
                    "pipeline": name,
                    **{mode: {k: scores[mode][k] for k in ("precision", "recall", "f1")} for mode in MODES},
                    "words_per_second": speed["pipelines"].get(name, {}).get("words_per_second"),
                    "train_minutes": round(load(time_file)["seconds"] / 60, 1) if time_file.exists() else None,
                }
            )
    return rows


def rounded(row: Dict) -> Dict:
    """The row with its scores rounded to 4 places, for the JSON."""
    return {key: {k: round(v, 4) for k, v in value.items()} if key in MODES else value for key, value in row.items()}


def markdown(rows: List[Dict]) -> str:
    """The table, each score rounded once to 3 places from its unrounded value."""
    header = "| corpus | pipeline | " + " | ".join(f"{m} P | {m} R | {m} F1" for m in MODES) + " | words/s | train min |"
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for row in rows:
        cells = [row["corpus"], row["pipeline"]]
        cells += [f"{row[m][k]:.3f}" for m in MODES for k in ("precision", "recall", "f1")]
        cells += [f"{row['words_per_second']:,}" if row["words_per_second"] else "–", str(row["train_minutes"] or "–")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(
    pipelines: List[str] = typer.Argument(..., help="Pipeline names, as folders under --gold-dir"),
    gold_dir: Path = typer.Option(..., help="Folder of <pipeline>/<corpus>.json from evaluate_gold"),
    speed: Path = typer.Option(..., help="JSON from the benchmark command"),
    times_dir: Path = typer.Option(..., help="Folder of <pipeline>.json training times"),
    readme: Path = typer.Option(..., help="README with the model-card markers"),
    output: Path = typer.Option(..., help="JSON of the table, for the package meta"),
):
    """Write the table between the markers in the README and as JSON."""
    rows = build_rows(gold_dir, load(speed), times_dir, pipelines)
    table = markdown(rows)
    write_table(readme, "model-card", table)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps([rounded(row) for row in rows], indent=2) + "\n", encoding="utf8")
    print(table)
    msg.good(f"Model card written to {readme} and {output}")


if __name__ == "__main__":
    typer.run(main)
