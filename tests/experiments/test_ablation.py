import json

from dataset_ner.data.convert import main as convert_main
from dataset_ner.experiments.ablation import ROWS

from ..conftest import invoke_command

STEPS = ("repair", "filter", "dedupe", "silence", "lexicon", "heads")


def test_each_row_switches_on_one_more_step(weak_conll, tmp_path):
    switched_on = []
    for index, (_name, flags) in enumerate(ROWS):
        report = tmp_path / f"row{index}.json"
        invoke_command(convert_main, [weak_conll, tmp_path / f"row{index}.spacy", "--report", report, *flags])
        steps = json.loads(report.read_text())["steps"]
        switched_on.append([step for step in STEPS if steps[step]])
    assert switched_on == [list(STEPS[:n]) for n in range(len(STEPS) + 1)]
