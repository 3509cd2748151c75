import json

import typer
from typer.testing import CliRunner

from dataset_ner.ablation import ROWS
from dataset_ner.convert import main as convert_main

STEPS = ("repair", "filter", "dedupe", "silence", "lexicon", "heads")


def test_each_row_switches_on_one_more_step(weak_conll, tmp_path):
    app = typer.Typer()
    app.command()(convert_main)
    switched_on = []
    for index, (_name, flags) in enumerate(ROWS):
        report = tmp_path / f"row{index}.json"
        result = CliRunner().invoke(app, [str(weak_conll), str(tmp_path / f"row{index}.spacy"), "--report", str(report), *flags])
        assert result.exit_code == 0, result.output
        steps = json.loads(report.read_text())["steps"]
        switched_on.append([step for step in STEPS if steps[step]])
    assert switched_on == [list(STEPS[:n]) for n in range(len(STEPS) + 1)]
