import json

from dataset_ner.experiments.blind_sample import main

from ..conftest import invoke_command, write_jsonl


def corpus(tmp_path):
    rows = [{"id": f"m-{i}", "text": f"We train on E2E {i}.", "spans": [{"start": 12, "end": 15}]} for i in range(5)]
    rows += [{"id": f"o-{i}", "text": f"No dataset here {i}.", "spans": []} for i in range(8)]
    return write_jsonl(tmp_path / "sentences.jsonl", rows)


def test_the_sample_draws_each_stratum_and_shows_no_marks(tmp_path):
    output = tmp_path / "blind.jsonl"
    invoke_command(main, [corpus(tmp_path), output, "--with-mention", "2", "--without", "3", "--seed", "1"])
    rows = [json.loads(line) for line in output.read_text(encoding="utf8").splitlines()]
    assert sorted(row["id"][0] for row in rows) == ["m", "m", "o", "o", "o"]
    assert all(set(row) == {"id", "text"} for row in rows)
    again = tmp_path / "again.jsonl"
    invoke_command(main, [corpus(tmp_path), again, "--with-mention", "2", "--without", "3", "--seed", "1"])
    assert again.read_text(encoding="utf8") == output.read_text(encoding="utf8")


def test_a_sample_larger_than_a_stratum_is_refused(tmp_path):
    result = invoke_command(main, [corpus(tmp_path), tmp_path / "blind.jsonl", "--with-mention", "6"], exit_code=1)
    assert "5 with a mention" in result.output
