"""Build the model card (corpus x pipeline x exact/head/overlap P/R/F1, words/s, training time) from
the metrics files: every row into docs/model_card.md, the shipped pipelines' exact scores into the
README, and a JSON for the package meta; the dataset linker's scores into the card's linking table."""

from pathlib import Path
from typing import Dict, List, Optional

import typer
from wasabi import MarkdownRenderer, msg

from ..json_files import read_json, write_json
from .readme_table import score_cell, write_table

MODES = ("exact", "head", "overlap")


def build_rows(gold_dir: Path, speed: Dict, times_dir: Path, pipelines: List[str]) -> List[Dict]:
    """One row per corpus and pipeline, in the order of `pipelines`, with the scores unrounded."""
    rows = []
    corpora = sorted({p.stem for name in pipelines for p in (gold_dir / name).glob("*.json")})
    for corpus in corpora:
        for name in pipelines:
            scores = read_json(gold_dir / name / f"{corpus}.json")
            time_file = times_dir / f"{name}.json"
            rows.append(
                {
                    "corpus": corpus,
                    "pipeline": name,
                    **{mode: {k: scores[mode][k] for k in ("precision", "recall", "f1")} for mode in MODES},
                    "words_per_second": speed["pipelines"].get(name, {}).get("words_per_second"),
                    "train_minutes": round(read_json(time_file)["seconds"] / 60, 1) if time_file.exists() else None,
                }
            )
    return rows


def rounded(row: Dict) -> Dict:
    """The row with its scores rounded to 4 places, for the JSON."""
    return {key: {k: round(v, 4) for k, v in value.items()} if key in MODES else value for key, value in row.items()}


def words_per_second(row: Dict) -> str:
    return f"{row['words_per_second']:,}" if row["words_per_second"] else "–"


def full_table(rows: List[Dict]) -> str:
    """Every row with all three match modes, each score rounded once to 3 places from its unrounded value."""
    header = ["corpus", "pipeline"] + [f"{m} {k}" for m in MODES for k in ("P", "R", "F1")] + ["words/s", "train min"]
    cells = [
        [row["corpus"], row["pipeline"]] + [f"{row[m][k]:.3f}" for m in MODES for k in ("precision", "recall", "f1")]
        + [words_per_second(row), str(row["train_minutes"] or "–")]
        for row in rows
    ]
    return MarkdownRenderer().table(cells, header, aligns=("l", "l") + ("r",) * (len(header) - 2))


def shipped_table(rows: List[Dict], shipped: List[str], python: Optional[str] = None) -> str:
    """For the README: a row per test corpus with each shipped pipeline's exact P/R/F1, and a row of
    their words/s, labelled with the Python version they were measured on when it is known (spaCy's
    compiled parser is several times slower on Python < 3.12: docs/speed.md)."""
    header = ["test set"] + [f"{name} {k}" for name in shipped for k in ("P", "R", "F1")]
    by_key = {(row["corpus"], row["pipeline"]): row for row in rows}
    corpora = sorted({row["corpus"] for row in rows if row["pipeline"] in shipped})
    cells = [
        [corpus] + [f"{by_key[corpus, name]['exact'][k]:.3f}" for name in shipped for k in ("precision", "recall", "f1")]
        for corpus in corpora
    ]
    speed = {row["pipeline"]: words_per_second(row) for row in rows}
    label = f"words/s (Python {python})" if python else "words/s"
    cells.append([label] + [cell for name in shipped for cell in ("", "", speed[name])])
    return MarkdownRenderer().table(cells, header, aligns=("l",) + ("r",) * (len(header) - 1))


def papers_table(papers_dir: Path, pipelines: List[str]) -> str:
    """A row per pipeline and gold set with a <pipeline>_test.json or <pipeline>_<set>_test.json from evaluate-papers: the gold set
    (the folder of its papers file), papers, the lists' threshold and catalogue evidence ("–" for
    metrics written before it existed), precision, recall and F1 of the test papers' dataset lists, and
    their repeats (right entries of a dataset listed already; "–" likewise)."""
    header = ["pipeline", "gold papers", "test papers", "threshold", "catalogue evidence", "P", "R", "F1", "repeats"]
    cells = []
    for name in pipelines:
        for path in sorted(papers_dir.glob(f"{name}_*test.json")):
            result = read_json(path)
            cells.append([name, Path(result["papers_file"]).parent.name, str(result["n_papers"]),
                          str(result["dataset_threshold"]), str(result.get("catalogue_evidence", "–")),
                          *(f"{result['scores'][k]:.3f}" for k in ("precision", "recall", "f1")),
                          str(result["scores"].get("repeats", "–"))])
    return MarkdownRenderer().table(cells, header, aligns=("l",) + ("r",) * (len(header) - 1))


def linking_table(scores: Dict) -> str:
    """A row per test corpus (and all together) of the linker's scores on the gold mentions; link
    precision with its counts, which three decimals can round across a target (508 of 535: 0.9495)."""
    def precision(row):
        return "–" if row["precision"] is None else \
            f"{row['precision']:.3f} ({round(row['precision'] * row['links'])} of {row['links']})"
    header = ["test set", "mentions", "linkable", "link P", "linkable R", "NIL left unlinked", "ids per dataset"]
    cells = [[corpus, str(row["mentions"]), str(row["linkable"]), precision(row), score_cell(row["recall"]),
              score_cell(row["nil_unlinked"]), score_cell(row["ids_per_dataset"])]
             for corpus, row in sorted(scores.items(), key=lambda item: (item[0] == "all", item[0]))]
    return MarkdownRenderer().table(cells, header, aligns=("l",) + ("r",) * (len(header) - 1))


def main(
    pipelines: List[str] = typer.Argument(..., help="Pipeline names, as folders under --gold-dir"),
    shipped: List[str] = typer.Option(..., help="The pipelines the README's table shows"),
    gold_dir: Path = typer.Option(..., help="Folder of <pipeline>/<corpus>.json from evaluate_gold"),
    speed: Path = typer.Option(..., help="JSON from the benchmark command"),
    times_dir: Path = typer.Option(..., help="Folder of <pipeline>.json training times"),
    readme: Path = typer.Option(..., help="README with the results markers"),
    card: Path = typer.Option(..., help="Markdown page with the model-card markers"),
    output: Path = typer.Option(..., help="JSON of the table, for the package meta"),
    linking: Optional[Path] = typer.Option(None, help="JSON from evaluation.link_scores, for the card's linking table"),
    papers_dir: Optional[Path] = typer.Option(None, help="Folder of <pipeline>_test.json from evaluate-papers"),
):
    """Write every row between the model-card markers of CARD, the shipped pipelines' rows between the
    results markers of README, and all rows as JSON; with --papers-dir, the paper-level scores between
    the papers-card markers of CARD."""
    speed_meta = read_json(speed)
    rows = build_rows(gold_dir, speed_meta, times_dir, pipelines)
    write_table(card, "model-card", full_table(rows))
    write_table(readme, "results", shipped_table(rows, shipped, speed_meta.get("python")))
    if linking:
        write_table(card, "linking", linking_table(read_json(linking)))
    if papers_dir:
        write_table(card, "papers-card", papers_table(papers_dir, pipelines))
    output.parent.mkdir(parents=True, exist_ok=True)
    write_json(output, [rounded(row) for row in rows])
    msg.good(f"Model card written to {card}, {readme} and {output}")


if __name__ == "__main__":
    typer.run(main)
