"""Authors' names in in-text citations, as the pipeline found them in the dev papers' PDF text."""

from dataset_ner.extraction.citations import bracketed_citations, is_citation, mark_citations
from dataset_ner.extraction.read_text import text_to_read


def marked(text, name):
    start = text.index(name)
    return is_citation(text, start, start + len(name))


def test_a_surname_before_a_year_or_a_coauthor_and_year_is_a_citation():
    assert marked("as in the work of Cavazza and Charles (2005). According", "Cavazza")
    assert marked("(Jurafsky and Martin, 2009). In future work", "Jurafsky")
    assert marked("Herbelot and Vecchi (2015)). However", "Vecchi")
    assert marked("(Herbelot and Vecchi, 2015; Sorodoc et al., 2016)", "Herbelot")
    assert marked("(Scaiella, 2010, TagMe)", "Scaiella")


def test_any_name_before_et_al_is_a_citation():
    assert marked("Finkel et al. (2005) use the CoNLL data", "Finkel")
    assert marked("MSCOCO et al. report", "MSCOCO")


def test_dataset_names_are_not_citations():
    assert not marked("We use ImageNet (2012) and", "ImageNet")
    assert not marked("results on MNIST, 2019 version", "MNIST")
    assert not marked("the Wikipedia dump and", "Wikipedia")
    assert not marked("trained on Gigaword and tested on DUC", "Gigaword")


def test_mark_citations_sets_the_field_of_every_mention():
    text = "Miwa and Bansal (2016) train on ACE 2005."
    mentions = [{"start": 0, "end": 4}, {"start": 32, "end": 40}]
    mark_citations(text, mentions)
    assert [m["citation"] for m in mentions] == [True, False]


def read(text):
    """The text the pipeline reads: `text` without what bracketed_citations finds."""
    return text_to_read(text).text


def test_bracketed_author_year_citations_are_found_with_the_spaces_before_them():
    assert read("large datasets such as SQuAD (Rajpurkar et al., 2016), and MS MARCO (Nguyen et al., 2016) have "
                "facilitated advances") == "large datasets such as SQuAD, and MS MARCO have facilitated advances"
    assert read("movie reviews (Pang and Lee, 2004).") == "movie reviews."
    assert read("n-grams learning (e.g., (Konstas and Lapata, 2012; Angeli et al., 2010)") == "n-grams learning (e.g.,"
    assert read("namely the E2E challenge (Novikova et al., 2017b) and WebNLG challenge") == (
        "namely the E2E challenge and WebNLG challenge")
    assert read("reviews (Kim, 2014)ImageNet") == "reviews ImageNet"


def test_names_with_years_and_narrative_citations_are_no_bracketed_citations():
    for text in ["results on ImageNet (ILSVRC 2012) and PASCAL VOC (2007)", "as in Cavazza and Charles (2005).",
                 "Finally, Fang et al. (2013) (see also", "the TAC (2010) data", "(CoNLL 2003, 2004)"]:
        assert list(bracketed_citations(text)) == []
