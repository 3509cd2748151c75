"""benchmark_linker on a real (ruler) pipeline: both rates, the linker's share of the passes with it, the
linker-alone rate and the mentions."""

import json
import statistics

import spacy

from dataset_ner.experiments.benchmark_linker import main
from dataset_ner.pipeline.vocabulary import MENTION_NAMES

from ..conftest import ROOT, invoke_command, write_jsonl


def test_rates_with_and_without_the_linker_and_the_mentions_it_linked(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "DATASET", "pattern": "PTB"}])
    nlp.add_pipe(MENTION_NAMES)
    nlp.to_disk(tmp_path / "model")
    write_jsonl(tmp_path / "gold.jsonl", [{"id": str(i), "text": "Results on PTB and FooBank.",
                                           "spans": [{"start": 11, "end": 14}, {"start": 19, "end": 26}]} for i in range(20)])
    invoke_command(main, [tmp_path / "model", "--table", ROOT / "corpus/catalogue", "--corpus", tmp_path / "gold.jsonl",
                          "--output", tmp_path / "speed.json", "--rounds", 2])
    speed = json.loads((tmp_path / "speed.json").read_text())
    assert (speed["mentions"], speed["linked"], speed["gold_mentions"]) == (20, 20, 40)
    assert [len(speed["runs"][name]) for name in ("without", "with", "linker_alone_gold", "linker_share")] == [2, 2, 2, 2]
    assert speed["words_per_second_with"] > 0 and 0 < speed["linker_cost_at_gold_mentions"] < 1
    assert abs(speed["linker_cost"] - statistics.median(speed["runs"]["linker_share"])) < 1e-3 and 0 < speed["linker_cost"] < 1
