"""The detokenizer on sentences of corpus/scirex/train_docs.jsonl.gz, as SciREX splits them."""

import pytest

from dataset_ner.data.detokenize import detokenize, is_citation


@pytest.mark.parametrize("tokens, text", [
    ("It improves the test error on almost all data sets , like CIFAR - 10 and CIFAR - 100 .",
     "It improves the test error on almost all data sets, like CIFAR-10 and CIFAR-100."),
    ("Comparisons on Market - 1501 are provided in Table [ reference ] .",
     "Comparisons on Market-1501 are provided in Table [reference]."),
    ("The third dataset , the Children ’s Book Test ( CBT ) , is built from books that are freely available thanks to Project Gutenberg .",
     "The third dataset, the Children’s Book Test (CBT), is built from books that are freely available thanks to Project Gutenberg."),
    ("JFT - 300 M – and demonstrate that our design choices transfer well from ImageNet .",
     "JFT-300M – and demonstrate that our design choices transfer well from ImageNet."),
    ("obtains state - of - the - art results on Human3.6 M outperforming previous approaches",
     "obtains state-of-the-art results on Human3.6M outperforming previous approaches"),
    ('a transition from " feature engineering " to " network engineering',
     'a transition from "feature engineering" to "network engineering'),
    ("geometry [ reference ][ reference ][ reference ] . Many", "geometry [reference][reference][reference]. Many"),
    ("a probe into the country ' s nuclear program .", "a probe into the country's nuclear program."),
])
def test_real_sentences_read_as_written(tokens, text):
    assert detokenize(tokens.split(" "))[0] == text


def test_every_token_keeps_its_characters():
    words = "More recently , rajpurkar2016squad released the Stanford Question Answering ( SQuAD ) dataset".split(" ")
    text, offsets = detokenize(words)
    assert [text[s:e] for s, e in offsets] == words
    assert text == "More recently, rajpurkar2016squad released the Stanford Question Answering (SQuAD) dataset"


def test_citation_keys_and_reference_placeholders_are_told_from_names():
    assert is_citation("rajpurkar2016squad") and is_citation("deng2009imagenet")
    assert is_citation("reference", "[", "]") and is_citation("reference", "][", "][")
    assert not is_citation("newstest2014")  # a WMT test set: nothing after the year
    assert not is_citation("reference", "the", "translation")
