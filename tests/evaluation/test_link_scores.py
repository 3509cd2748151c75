"""Linking scores from a real run of the linker over a gold corpus and hand-linked names."""

import json


from dataset_ner.evaluation.link_scores import NIL, Linked, main, scores

from ..conftest import ROOT, invoke_command, write_jsonl


def test_scores_count_links_recall_nil_and_ids_per_dataset():
    linked = [Linked("c", "PTB", "penn-treebank", "penn-treebank"), Linked("c", "Penn TB", "penn-treebank", NIL),
              Linked("c", "WSJ", "penn-treebank", "wsj"), Linked("c", "Foo", NIL, NIL), Linked("c", "Amazon", NIL, "amazon")]
    result = scores(linked)
    assert (result["links"], result["linkable"], result["nil"]) == (3, 3, 2)
    assert (result["precision"], result["recall"], result["nil_unlinked"]) == (1 / 3, 1 / 3, 1 / 2)
    assert result["ids_per_dataset"] == 2.0
    assert scores([])["precision"] is None


def test_the_command_links_the_gold_mentions_in_their_sentences(tmp_path):
    write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "1", "text": "We use PTB and FooBank.", "spans": [{"start": 7, "end": 10}, {"start": 15, "end": 22}]},
        {"id": "2", "text": "No names here.", "spans": []}])
    (tmp_path / "names.tsv").write_text("corpus\tmention\tdataset\tid\nc\tPTB\tptb\tpenn-treebank\nc\tFooBank\tfoo\tNIL\n",
                                        encoding="utf8")
    invoke_command(main, [tmp_path / "names.tsv", "--table", ROOT / "corpus/catalogue", "--corpus", f"c={tmp_path / 'gold.jsonl'}",
                          "--output", tmp_path / "s.json", "--errors", tmp_path / "errors.tsv"])
    written = json.loads((tmp_path / "s.json").read_text())
    assert written["all"]["precision"] == 1.0 and written["all"]["nil_unlinked"] == 1.0 and written["c"]["mentions"] == 2
    assert (tmp_path / "errors.tsv").read_text().splitlines() == [
        "count\tcorpus\tmention\tgold\tgold name\tpredicted\tpredicted name"]


def test_two_gold_mentions_inside_one_token_score_the_first(tmp_path):
    """A seed snippet's "Fisher+Switchboard" holds two gold mentions in one token: an entity holds whole tokens."""
    text = "on the LibriSpeech and 2000hr Fisher+Switchboard tasks."
    spans = [{"start": text.index(name), "end": text.index(name) + len(name)} for name in ("LibriSpeech", "Fisher", "Switchboard")]
    write_jsonl(tmp_path / "gold.jsonl", [{"id": "1", "text": text, "spans": spans}])
    (tmp_path / "names.tsv").write_text("corpus\tmention\tdataset\tid\nc\tLibriSpeech\tlibrispeech\tlibrispeech\n"
                                        "c\tFisher\tfisher\tNIL\nc\tSwitchboard\tswitchboard\tswitchboard-1-corpus\n",
                                        encoding="utf8")
    invoke_command(main, [tmp_path / "names.tsv", "--table", ROOT / "corpus/catalogue", "--corpus", f"c={tmp_path / 'gold.jsonl'}",
                          "--output", tmp_path / "s.json", "--errors", tmp_path / "errors.tsv"])
    assert json.loads((tmp_path / "s.json").read_text())["c"]["mentions"] == 2  # LibriSpeech and Fisher, not Switchboard
