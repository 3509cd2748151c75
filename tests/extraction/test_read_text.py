"""The text the pipeline reads, on snippets of the INLG dev papers' text, and the way back to the text as written."""

from dataset_ner.extraction.read_text import text_to_read


def test_citations_are_cut_and_the_rest_stays():
    assert text_to_read("such as SQuAD (Rajpurkar et al., 2016), and MS MARCO (Nguyen et al., 2016) have").text == (
        "such as SQuAD, and MS MARCO have")
    for text in ["a word frequency list based on Open-Subtitles.8 Words in the", "ImageNet (ILSVRC 2012) and VOC"]:
        assert text_to_read(text).text == text


def test_offsets_in_the_read_text_lead_back_to_the_text_as_written():
    text = "SQuAD (Rajpurkar et al., 2016), MS MARCO (Nguyen et al., 2016)ImageNet and (Kim, 2014) CIFAR-10"
    read = text_to_read(text)
    assert read.text == "SQuAD, MS MARCO ImageNet and CIFAR-10"
    for name in ["SQuAD", "MS MARCO", "ImageNet", "CIFAR-10", ", MS"]:
        start = read.text.index(name)
        assert text[slice(*read.original_span(start, start + len(name)))] == name
    start = read.text.index("MARCO ImageNet")
    assert text[slice(*read.original_span(start, start + 14))] == "MARCO (Nguyen et al., 2016)ImageNet"
