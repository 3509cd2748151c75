import spacy
from spacy.tokens import Span

from dataset_ner.linking.alias_table import read_table
from dataset_ner.linking.coordinated_mentions import CoordinatedMentions, coordinated

from ..conftest import ROOT

KEYS = {"afw", "lfpw", "helen", "ibug", "xm2vts", "chime", "reverb", "aspire", "mnist", "cifar10"}


def tag(nlp, text, names):
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(name), text.index(name) + len(name), label="DATASET") for name in names]
    return doc


def component(keys=KEYS):
    pipe = CoordinatedMentions("coordinated_dataset_mentions")
    pipe.keys = frozenset(keys)
    return pipe


def test_the_names_of_a_list_the_ner_half_found_are_added():
    """Real sentences of the SciREX dev papers, with the sm's mentions."""
    nlp = spacy.blank("en")
    doc = component()(tag(nlp, "68 landmarks, including AFW, LFPW, HELEN, IBUG and XM2VTS.", ["AFW", "LFPW"]))
    assert [ent.text for ent in doc.ents] == ["AFW", "LFPW", "HELEN", "IBUG", "XM2VTS"]
    doc = component()(tag(nlp, "challenges such as CHiME, REVERB and ASpIRE, which were useful", ["REVERB"]))
    assert [ent.text for ent in doc.ents] == ["CHiME", "REVERB", "ASpIRE"]
    assert {ent.label_ for ent in doc.ents} == {"DATASET"}


def test_only_names_the_catalogue_knows_and_only_across_a_coordinator():
    nlp = spacy.blank("en")
    doc = component()(tag(nlp, "We use MNIST, ResNet-50 and CIFAR-10 with MNIST images.", ["MNIST"]))
    assert [ent.text for ent in doc.ents] == ["MNIST", "CIFAR-10"]  # ResNet-50 is no catalogue name: not added
    doc = component()(tag(nlp, "We use MNIST and the CIFAR-10 data.", ["MNIST"]))
    assert [ent.text for ent in doc.ents] == ["MNIST"]  # "the" is no name
    assert [doc[s:e].text for s, e in coordinated(doc, doc.ents)] == []


def test_a_name_stops_at_the_sentence_end():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = tag(nlp, "We use MNIST and AFW. LFPW is new.", ["MNIST"])
    assert [doc[s:e].text for s, e in coordinated(doc, doc.ents)] == ["AFW"]


def test_the_keys_come_from_the_alias_table_and_are_saved_with_the_pipeline(tmp_path):
    table = read_table(ROOT / "corpus/catalogue")
    nlp = spacy.blank("en")
    nlp.add_pipe("coordinated_dataset_mentions").initialize(table=str(ROOT / "corpus/catalogue"))
    nlp.to_disk(tmp_path / "model")
    pipe = spacy.load(tmp_path / "model").get_pipe("coordinated_dataset_mentions")
    assert pipe.keys == {alias.key for alias in table.aliases} and "xm2vts" not in pipe.keys
    assert (pipe.capitals_only, pipe.common_words) == (table.capitals_only, table.common_words)
    assert "adam" in pipe.capitals_only and "places" in pipe.common_words
    doc = pipe(tag(spacy.blank("en"), "Results on AFW, Helen, Adam and LFPW; ADAM and XM2VTS.", ["AFW"]))
    assert [ent.text for ent in doc.ents] == ["AFW", "Helen", "LFPW"]  # Adam is an optimiser


def test_a_name_is_known_as_the_linker_links_it():
    """The linker's rule for common words: "ADAM" and "ReCoRD" in capitals, "Places" with a capital."""
    pipe = component()
    pipe.initialize(table=str(ROOT / "corpus/catalogue"))
    assert [pipe.known(text) for text in ("ADAM", "Adam", "Places", "CIFAR-10", "XM2VTS")] == [True, False, True, True, False]
