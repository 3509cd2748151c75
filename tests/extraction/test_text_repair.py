"""Text repair of PDF pages, on snippets of real papers as PDFium (or pypdf, pdfminer.six) reads them."""

import pytest

from dataset_ner.extraction.text_repair import clean, repair_pages

# Page texts as pypdfium2's get_text_range gives them: lines end with CR LF, a hyphen at a line end
# between letters is U+FFFE, followed by CR LF (older PDFium) or not (newer).
RESNET_ABSTRACT = ("Deeper neural networks are more difficult to train. We\r\npresent a residual learning framework "
                   "to ease the training\r\nof networks that are substantially deeper than those used\r\npreviously. "
                   "We explicitly reformulate the layers as learn\ufffeing residual functions with reference to the "
                   "layer inputs, in\ufffestead of learning unreferenced functions.")


@pytest.mark.parametrize("page, expected", [
    ("greatly bene\ufb01ted from very deep models", "greatly benefited from very deep models"),  # pypdf, ResNet
    ("the \ufb01rst time, \ufb02ow and e\ufb00ect, su\ufb03cient", "the first time, flow and effect, sufficient"),
])
def test_ligatures_are_expanded(page, expected):
    assert repair_pages([page]) == expected


def test_line_ends_inside_a_paragraph_become_spaces_and_soft_breaks_join():
    text = repair_pages([RESNET_ABSTRACT])
    assert text.startswith("Deeper neural networks are more difficult to train. We present a residual learning")
    assert "layers as learning residual functions" in text and "inputs, instead of learning" in text
    assert "\n" not in text


@pytest.mark.parametrize("page, expected", [
    ("provided 1000-class Ima\ufffe\r\ngeNet training set.", "ImageNet training set"),  # older PDFium
    ("provided 1000-class Ima\ufffegeNet training set.", "ImageNet training set"),  # newer PDFium
    ("We also present analysis\r\non CIFAR-\r\n10 with 100 layers.", "on CIFAR-10 with 100"),  # ResNet
    ("the ILSVRC-\r\n2010 test set", "the ILSVRC-2010 test set"),
    ("on the MS-\r\nCOCO dataset", "on the MS-COCO dataset"),
    ("classic ResNet\ufffelike architectures are still", "classic ResNet-like architectures"),  # ViT
    ("Fast R\ufffeCNN step are both trained", "Fast R-CNN step"),  # ResNet
])
def test_a_line_end_hyphen_goes_in_a_broken_word_and_stays_in_a_hyphenated_one(page, expected):
    assert expected in repair_pages([page])


@pytest.mark.parametrize("page, expected", [
    # ViGGO (INLG 2019): the document writes "data-to-text" inside lines
    ("of neural data\ufffeto-text generation models. The data-to-text datasets", "of neural data-to-text generation"),
    # ResNet: "PASCAL" is written whole elsewhere, so the break before a capital is no hyphen
    ("fine-tune this model on the PAS\ufffeCAL VOC sets.\r\nOn PASCAL VOC 2007", "on the PASCAL VOC sets"),
    # GPT-2: "WebText" is written whole elsewhere
    ("All models still underfit Web\ufffeText and the WebText test set", "underfit WebText and"),
])
def test_the_document_decides_a_line_end_hyphen_where_it_writes_the_word(page, expected):
    assert expected in repair_pages([page])


def test_blank_lines_headings_and_short_last_lines_end_paragraphs():
    page = ("potential for supporting rich conversations.\r\n1 Introduction\r\nThe recent adoption of deep learning "
            "methods in\r\nnatural language generation (NLG) for dialogue\r\nsystems resulted in an explosion of "
            "neural "
            "models.\r\n\r\nMotivated by the rising interest in open-domain")  # ViGGO
    assert repair_pages([page]).split("\n\n") == [
        "potential for supporting rich conversations.", "1 Introduction",
        "The recent adoption of deep learning methods in natural language generation (NLG) for dialogue systems "
        "resulted in an explosion of neural models.",
        "Motivated by the rising interest in open-domain"]


def test_the_text_of_a_figure_is_a_paragraph_of_its_own():
    line = "with a depth of sixteen [41] to thirty [16]. Many other non\ufffe"
    page = "\r\n".join([line] * 5 + ["trivial visual recognition tasks [8, 12, 7, 32, 27] have also", "0 1 2 3 4 5 6 0",
                                     "10", "20", "iter. (1e4)", "training error (%)",
                                     "Figure 1. Training error (left) and test error (right) on CIFAR-10"])  # ResNet
    assert repair_pages([page]).split("\n\n")[1:] == [
        "0 1 2 3 4 5 6 0 10 20 iter. (1e4) training error (%)",
        "Figure 1. Training error (left) and test error (right) on CIFAR-10"]


@pytest.mark.parametrize("page, expected", [
    ("November 5-8, 2018. \rc 2018 Association for", "November 5-8, 2018. c 2018 Association"),  # INLG 2018
    ("September 5-8 2016. c(cid:13)2016 Association for", "2016. c2016 Association"),  # INLG 2016, pdfminer.six
    ("results on the g2206/g2869 ImageNet\x00 val\x07idation set", "results on the ImageNet validation set"),
    ("We use ImageNet \ud835 data\ue001 and\u200b SQuAD\ufffd", "We use ImageNet data and SQuAD"),  # surrogate
    ("Results\ton  SQuAD\u00a0v1.1", "Results on SQuAD v1.1"),
])
def test_control_characters_glyph_codes_and_lone_surrogates_are_dropped(page, expected):
    text = repair_pages([page])
    assert expected in text
    text.encode("utf8")


def test_page_numbers_running_headers_and_the_arxiv_stamp_are_dropped():
    header = "Published as a conference paper at ICLR 2021"  # ViT
    sentences = ["The MLP contains two layers with a GELU non-linearity.",
                 "Typically, we pre-train ViT on large datasets, and fine-tune to (smaller) downstream tasks.",
                 "We explore model scalability on the ILSVRC-2012 ImageNet dataset with 1k classes.",
                 "We also evaluate on the 19-task VTAB classification suite."]
    pages = [f"{header}\r\n{sentence}\r\n{number}" for number, sentence in enumerate(sentences, start=2)]
    pages.insert(0, "But experiments show that our current solvers on hand are unable to find solutions that are good."
                    "\r\n1\r\narXiv:1512.03385v1 [cs.CV] 10 Dec 2015")  # ResNet
    assert repair_pages(pages).split("\n\n") == [
        "But experiments show that our current solvers on hand are unable to find solutions that are good."] + sentences


def test_a_page_number_on_top_goes_and_a_sentence_runs_on_into_the_next_page():
    pages = ["Proceedings of The 11th International Natural Language Generation Conference, pages 35–45,\r\n"
             "Tilburg, The Netherlands, November 5-8, 2018.\r\n35\r\nAbstract\r\nWe train the model on the ImageNet",
             "36\r\ndataset of 1000 classes."]  # the top lines of an INLG 2018 paper
    assert repair_pages(pages).split("\n\n") == [
        "Proceedings of The 11th International Natural Language Generation Conference, pages 35–45, Tilburg, "
        "The Netherlands, November 5-8, 2018.", "Abstract",
        "We train the model on the ImageNet dataset of 1000 classes."]


def test_clean_keeps_lines_and_marks_every_soft_break_as_a_line_end():
    assert clean("Ima\ufffegeNet  and\r\nCIFAR-\r\n10 ") == "Ima\ufffe\ngeNet and\nCIFAR-\n10"
