import pytest
import spacy
from spacy.tokens import DocBin

from dataset_ner.data.gold import read_gold, sentence_to_doc
from dataset_ner.data.split_gold import in_dev
from dataset_ner.input_error import InputError

from ..conftest import invoke_command, write_jsonl


def test_sentences_become_fully_annotated_docs(gold_jsonl):
    nlp = spacy.blank("en")
    docs = [sentence_to_doc(nlp, s) for s in read_gold(gold_jsonl)]
    assert [[e.text for e in d.ents] for d in docs] == [["IMDb dataset"], ["SQuAD v1.1", "CoNLL 2003"], []]
    assert all(t.ent_iob_ in ("B", "I", "O") for d in docs for t in d)


@pytest.mark.parametrize(
    "line, problem",
    [
        (b"{not json\n", "not valid JSON"),
        (b'{"id": "x", "spans": []}\n', "expected id, text and spans"),
        (b'{"id": "x", "text": "ab", "spans": [{"start": 1, "end": 5}]}\n', "outside the text"),
        (b'{"id": "x", "text": "\xff", "spans": []}\n', "not valid UTF-8"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path, line, problem):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "ok", "text": "fine", "spans": []}\n' + line)
    with pytest.raises(InputError) as caught:
        list(read_gold(path))
    assert caught.value.line == 2 and problem in str(caught.value)


def test_dev_assignment_is_stable():
    ids = [f"c-train-{i}" for i in range(2000)]
    chosen = [i for i in ids if in_dev(i, 0.1)]
    assert 150 < len(chosen) < 250
    assert chosen == [i for i in ids if in_dev(i, 0.1)]


def test_split_cli_keeps_dev_and_train_apart(tmp_path):
    from dataset_ner.data.split_gold import main

    rows = [{"id": f"c-{i}", "text": f"Sentence {i} uses MNIST.", "spans": [{"start": len(f"Sentence {i} uses "), "end": len(f"Sentence {i} uses MNIST")}]} for i in range(50)]
    path = write_jsonl(tmp_path / "corp" / "train.jsonl", rows)
    invoke_command(main, [path, "--train-dir", tmp_path / "t", "--dev-path", tmp_path / "dev.spacy", "--dev-share", "0.2",
                          "--dev-jsonl-dir", tmp_path / "dev"])
    vocab = spacy.blank("en").vocab
    train = {d.text for d in DocBin().from_disk(tmp_path / "t" / "corp.spacy").get_docs(vocab)}
    dev = {d.text for d in DocBin().from_disk(tmp_path / "dev.spacy").get_docs(vocab)}
    assert train and dev and not train & dev and len(train) + len(dev) == 50
    dev_sentences = list(read_gold(tmp_path / "dev" / "corp.jsonl"))
    assert {s.text for s in dev_sentences} == dev
    assert all(s.text[slice(*s.spans[0])] == "MNIST" for s in dev_sentences)


def test_dev_only_sentences_join_dev_whole(tmp_path):
    from dataset_ner.data.split_gold import main

    train = write_jsonl(tmp_path / "corp" / "train.jsonl", [{"id": f"c-{i}", "text": f"Text {i}.", "spans": []} for i in range(20)])
    seeds = write_jsonl(tmp_path / "seed_gold" / "dev.jsonl", [
        {"id": "s-1", "text": "Results on HMDB-51.", "spans": [{"start": 11, "end": 18}]},
        {"id": "s-2", "text": "A fragment", "spans": []}])
    invoke_command(main, [train, "--train-dir", tmp_path / "t", "--dev-path", tmp_path / "dev.spacy", "--dev-share", "0",
                          "--dev-jsonl-dir", tmp_path / "dev", "--dev-only", seeds])
    dev = list(DocBin().from_disk(tmp_path / "dev.spacy").get_docs(spacy.blank("en").vocab))
    assert [(d.text, [e.text for e in d.ents]) for d in dev] == [("Results on HMDB-51.", ["HMDB-51"]), ("A fragment", [])]
    assert [s.id for s in read_gold(tmp_path / "dev" / "seed_gold.jsonl")] == ["s-1", "s-2"]
