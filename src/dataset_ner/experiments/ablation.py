"""Ablation of the data steps: switch them on one at a time, train each row with the same
config and budget, and score every model on the hand-annotated test splits."""

import subprocess
import sys
from pathlib import Path
from typing import List

import typer
from wasabi import MarkdownRenderer, msg

from ..json_files import read_json

# Each row adds one step to the row before; the last row adds the hand-annotated train splits.
ROWS = [
    ("naive", ["--naive"]),
    ("+ repair", ["--no-filter", "--no-dedupe", "--no-silence", "--no-lexicon", "--no-heads"]),
    ("+ filter", ["--no-dedupe", "--no-silence", "--no-lexicon", "--no-heads"]),
    ("+ dedupe", ["--no-silence", "--no-lexicon", "--no-heads"]),
    ("+ silence (missing labels)", ["--no-lexicon", "--no-heads"]),
    ("+ lexicon completion", ["--no-heads"]),
    ("+ head nouns", []),
]
GOLD_ROW = "+ hand-annotated train splits"


def run(command: List[str]) -> None:
    subprocess.run([sys.executable, "-m", *command], check=True)


def main(
    conll: Path = typer.Option(..., help="Weak CoNLL corpus"),
    denylist: Path = typer.Option(..., help="Denylist for the filter step"),
    gold_train: Path = typer.Option(..., help="Folder of the hand-annotated training DocBins"),
    dev: Path = typer.Option(..., help="Dev DocBin for model selection"),
    config: Path = typer.Option(..., help="Training config, the same for every row"),
    transformer: str = typer.Option(..., help="Transformer to start from"),
    max_steps: int = typer.Option(..., help="Training steps per row"),
    corpora: List[str] = typer.Option(..., "--corpus", help="NAME=PATH of a test JSONL"),
    work_dir: Path = typer.Option(..., help="Folder for each row's data, model and scores"),
    output: Path = typer.Option(..., help="Markdown table to write"),
):
    """Train and score one model per row of ROWS, then the final data plus GOLD_ROW."""
    results = []
    for index, (name, flags) in enumerate(ROWS + [(GOLD_ROW, [])]):
        row_dir = work_dir / f"row{index}"
        train_dir = row_dir / "train"
        run(["dataset_ner.data.convert", str(conll), str(train_dir / "weak.spacy"), "--denylist", str(denylist), *flags])
        if name == GOLD_ROW:
            for path in sorted(gold_train.glob("*.spacy")):
                (train_dir / path.name).write_bytes(path.read_bytes())
        run([
            "spacy", "train", str(config), "--output", str(row_dir / "model"), "--paths.train", str(train_dir),
            "--paths.dev", str(dev), "--paths.transformer", transformer, "--training.max_steps", str(max_steps),
            "--training.eval_frequency", str(max(1, max_steps // 4)), "--corpora.train.weights.weak", "1",
        ])
        corpus_args = [arg for spec in corpora for arg in ("--corpus", spec)]
        run(["dataset_ner.evaluation.evaluate_gold", str(row_dir / "model/model-best"), *corpus_args, "--output-dir", str(row_dir / "scores")])
        scores = {c.partition("=")[0]: read_json(row_dir / "scores" / f"{c.partition('=')[0]}.json") for c in corpora}
        results.append((name, scores))
    names = [c.partition("=")[0] for c in corpora]
    rows = []
    for name, scores in results:
        cells = [name]
        for n in names:
            exact = scores[n]["exact"]
            cells += [f"{exact['precision']:.3f} / {exact['recall']:.3f} / {exact['f1']:.3f}", f"{scores[n]['head']['f1']:.3f}"]
        rows.append(cells)
    table = MarkdownRenderer().table(rows, ["data", *(h for n in names for h in (f"{n} exact P / R / F1", f"{n} head F1"))])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        f"# Data ablation\n\nEach row adds one data step to the row above; each trains `{config}` from "
        f"`{transformer}` for {max_steps} steps with the same dev set. Produced by `spacy project run ablation`.\n\n"
        f"{table}\n",
        encoding="utf8",
    )
    print(table)
    msg.good(f"Ablation table written to {output}")


if __name__ == "__main__":
    typer.run(main)
