import random

from dataset_ner.data.gold import Sentence, read_gold
from dataset_ner.evaluation.evaluate_gold import predict
from dataset_ner.evaluation.paragraphs import main, paragraphs

from ..conftest import GOLD_SENTENCES, invoke_command, write_jsonl

SENTENCES = [Sentence(f"c-{i}", f"Run {i} on MNIST.", ((8 + len(str(i)), 13 + len(str(i))),)) for i in range(23)]


def test_paragraphs_join_5_to_10_sentences_and_shift_their_spans():
    rows = list(paragraphs(SENTENCES, random.Random(0)))
    sizes = [int(row.id.split("+")[1]) for row in rows]
    assert sum(sizes) == 23 and all(5 <= n <= 10 for n in sizes[:-1])
    for row in rows:
        assert [row.text[s:e] for s, e in row.spans] == ["MNIST"] * len(row.spans)
        assert row.text.count("MNIST") == len(row.spans)


def test_the_command_writes_gold_readable_paragraphs(tmp_path):
    corpus = write_jsonl(tmp_path / "c" / "test.jsonl", GOLD_SENTENCES * 4)
    invoke_command(main, [corpus, "--output", tmp_path / "p.jsonl"])
    found = list(read_gold(tmp_path / "p.jsonl"))
    assert sum(len(p.spans) for p in found) == 12 and all(p.text[s:e] for p in found for s, e in p.spans)


def test_sentence_split_prediction_maps_offsets_back(ruler_model):
    import spacy

    nlp = spacy.load(ruler_model)
    text = "We train on ImageNet. Then we test on SQuAD and HMDB-51."
    whole = predict(nlp, [text], 8)
    split = predict(nlp, [text], 8, sentences=True)
    assert whole == split and [text[s:e] for s, e in split[0]] == ["ImageNet", "SQuAD", "HMDB-51"]
