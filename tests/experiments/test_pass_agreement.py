import json

from dataset_ner.experiments.pass_agreement import main

from ..conftest import invoke_command, write_jsonl


def span(start, end):
    return {"start": start, "end": end}


FIRST = [{"id": "a", "text": "We train on E2E and WebNLG.", "spans": [span(12, 15), span(20, 26)]},
         {"id": "b", "text": "SimpleNLG realises the text.", "spans": []},
         {"id": "c", "text": "Results on ViGGO.", "spans": []}]


def test_agreement_per_stratum_and_the_disagreements(tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", FIRST)
    second = write_jsonl(tmp_path / "second.jsonl", [
        {"id": "a", "text": FIRST[0]["text"], "spans": [span(12, 15)]},
        {"id": "c", "text": FIRST[2]["text"], "spans": [span(11, 16)]}])
    output = tmp_path / "agreement.json"
    invoke_command(main, [first, second, "--output", output])
    report = json.loads(output.read_text(encoding="utf8"))
    assert report["with_mention"] == {"texts": 1, "identical_texts": 0, "mentions_a": 2, "mentions_b": 1,
                                      "common": 1, "f1": 2 / 3}
    assert report["without_mention"]["mentions_b"] == 1 and report["without_mention"]["common"] == 0
    assert [(d["id"], d["first"], d["second"]) for d in report["disagreements"]] == [
        ("a", ["E2E", "WebNLG"], ["E2E"]), ("c", [], ["ViGGO"])]


def test_a_second_pass_sentence_not_in_the_first_is_refused(tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", FIRST)
    second = write_jsonl(tmp_path / "second.jsonl", [{"id": "b", "text": "Another text.", "spans": []}])
    result = invoke_command(main, [first, second, "--output", tmp_path / "agreement.json"], exit_code=1)
    assert "'b' is no sentence of" in result.output
