"""Authors' names in in-text citations, as the pipeline found them in the dev papers' PDF text."""

from dataset_ner.extraction.citations import is_citation, mark_citations


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
