"""The reference list of real papers and of texts written to each rule: where it starts and ends,
and which paragraphs inside it stay body."""

from pathlib import Path

import pytest

from dataset_ner.extraction.pdf_text import read_pdf
from dataset_ner.extraction.sections import BODY, REFERENCES, mark_sections, reference_spans

PDFS = Path(__file__).parent / "pdfs"
PROSE = ("We train a sequence-to-sequence model on the restaurant data and compare it with a template system "
         "that fills slots in hand-written sentences; the outputs are rated by crowd workers for fluency and "
         "for how well they convey the meaning representation, with several ratings for each of the outputs. ")
ENTRIES = ["Alice Smith and Bo Lee. 2019. Learning to generate. In Proceedings of ACL, pages 1-10.",
           "Carl Doe, Dan Roe, and Eve Poe. 2020. A corpus of forecasts. Journal of NLG, 3(2):5-9.",
           "Fay Gale. 2018. Evaluation at scale. arXiv preprint arXiv:1801.00001."]


def paragraphs(*parts):
    return "\n\n".join(parts)


@pytest.mark.parametrize("name, first, after", [
    ("W19-8623.pdf", "Michael Buhrmester, Tracy Kwang", "A Appendix A.1 Additional ViGGO Dataset Examples"),
    ("W18-6504.pdf", "Ibrahim Adeyanju. 2012.", ""),
])
def test_the_reference_list_of_a_real_paper_runs_from_its_heading_to_the_appendix_or_end(name, first, after):
    text = read_pdf(str(PDFS / name)).text
    stretches = reference_spans(text)
    start, end = stretches[0][0], stretches[-1][1]
    assert text[start:].startswith("References\n\n" + first)
    assert text[end:].strip().startswith(after) and (after or end == len(text))


def test_numbered_entries_without_a_heading_are_found_in_the_second_half():
    entries = [f"[{i}] {entry}" for i, entry in enumerate(ENTRIES, start=1)]
    text = paragraphs("1 Introduction", PROSE, PROSE, *entries)
    assert reference_spans(text) == [(text.index("[1]"), len(text))]


def test_captions_in_the_list_and_prose_after_it_stay_body():
    caption = "Table 3: Accuracy on ImageNet and CIFAR-10."
    text = paragraphs("2 Method", PROSE, "References", ENTRIES[0], caption, ENTRIES[1], ENTRIES[2],
                      "Response to reviewers", PROSE, PROSE, PROSE)
    assert reference_spans(text) == [(text.index("References"), text.index(caption) - 2),
                                      (text.index(ENTRIES[1]), text.index(ENTRIES[2]) + len(ENTRIES[2]))]
    mentions = [{"start": text.index("ImageNet")}, {"start": text.index("corpus of forecasts")},
                {"start": text.rindex("restaurant")}]
    mark_sections(text, mentions)
    assert [m["section"] for m in mentions] == [BODY, REFERENCES, BODY]


def test_a_heading_inside_a_paragraph_after_a_sentence_starts_the_list():
    text = paragraphs(PROSE, PROSE + "We thank the annotators. References " + " ".join(ENTRIES))
    assert reference_spans(text) == [(text.index("References"), len(text))]


def test_a_text_without_a_reference_list_has_none():
    text = paragraphs("Abstract", PROSE, "1 Introduction", PROSE + "(Smith et al., 2019)", PROSE)
    assert reference_spans(text) == []


def test_an_appendix_heading_run_into_its_paragraph_ends_the_list_but_an_initial_and_surname_does_not():
    initials = "C Callaway and J Lester. 2002. Narrative prose generation. Artificial Intelligence, 139(2):213-252."
    appendix = "B Training Details We train the model for ten epochs on the ImageNet training set with a batch of 64."
    text = paragraphs(PROSE, PROSE, "References", ENTRIES[0], initials, ENTRIES[1], appendix, PROSE)
    assert reference_spans(text) == [(text.index("References"), text.index(appendix) - 2)]
