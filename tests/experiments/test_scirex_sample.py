"""The hand-annotated SciREX sample: drawn again byte for byte, and annotated sentence for sentence."""

from dataset_ner.data.gold import read_gold
from dataset_ner.experiments.scirex_sample import main
from dataset_ner.json_files import read_jsonl

from ..conftest import ROOT, invoke_command

SAMPLE = ROOT / "corpus/scirex/sample.jsonl"


def test_the_committed_sample_is_drawn_again(tmp_path):
    invoke_command(main, [ROOT / "corpus/scirex/train_docs.jsonl.gz", tmp_path / "sample.jsonl", "--size", 150, "--seed", 0])
    assert (tmp_path / "sample.jsonl").read_bytes() == SAMPLE.read_bytes()


def test_the_gold_annotates_every_sampled_sentence_in_order():
    sample = [(row["id"], row["text"]) for _, row in read_jsonl(SAMPLE)]
    gold = list(read_gold(ROOT / "corpus/scirex/sample_gold.jsonl"))
    assert [(s.id, s.text) for s in gold] == sample and len(sample) >= 300
    for sentence in gold:
        mentions = [sentence.text[s:e] for s, e in sentence.spans]
        assert all(m == m.strip() for m in mentions)
        assert all(a[1] <= b[0] for a, b in zip(sentence.spans, sentence.spans[1:]))
