import pytest
import spacy
from spacy.tokens import Span

from dataset_ner.pipeline.split_mentions import split_mentions


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def split(nlp, text, mention):
    doc = nlp.make_doc(text)
    start = text.index(mention)
    doc.ents = [doc.char_span(start, start + len(mention), label="DATASET")]
    return [ent.text for ent in split_mentions(doc).ents]


@pytest.mark.parametrize("text, mention, parts", [
    ("Using the SVHN, STL-10 and ImageNet data sets here.", "SVHN, STL-10 and ImageNet data sets",
     ["SVHN", "STL-10", "ImageNet data sets"]),
    ("On the ACE2004, MSNBC and AQUAINT data sets.", "ACE2004, MSNBC and AQUAINT data sets", ["ACE2004", "MSNBC", "AQUAINT data sets"]),
    ("Wikipedia, TREC Ohsumed and the CLEF IP dataset", "Wikipedia, TREC Ohsumed and the CLEF IP dataset",
     ["Wikipedia", "TREC Ohsumed", "CLEF IP dataset"]),
    ("the Shuttle dataset and Ann-thyroid dataset", "Shuttle dataset and Ann-thyroid dataset", ["Shuttle dataset", "Ann-thyroid dataset"]),
    # the capital A of A-OKVQA is no article
    ("on OK-VQA and A-OKVQA.", "OK-VQA and A-OKVQA", ["OK-VQA", "A-OKVQA"]),
])
def test_coordinated_names_become_one_mention_each(nlp, text, mention, parts):
    assert split(nlp, text, mention) == parts


@pytest.mark.parametrize("text, mention", [
    ("on Something-Something v1 & v2 and Jester", "Something-Something v1 & v2"),
    ("the TREC 2009 and 2010 tracks", "TREC 2009 and 2010"),
    ("on the TREC Adhoc T07 and T08 collections", "TREC Adhoc T07 and T08 collections"),
    ("We use PASCAL VOC 2007.", "PASCAL VOC 2007"),
])
def test_a_mention_without_two_names_stays_whole(nlp, text, mention):
    assert split(nlp, text, mention) == [mention]


def test_entities_keep_their_label_and_the_others_stay(nlp):
    doc = nlp.make_doc("MNIST and CIFAR results, and ImageNet.")
    doc.ents = [Span(doc, 0, 3, label="DATASET"), Span(doc, 6, 7, label="DATASET")]
    assert [(e.text, e.label_) for e in split_mentions(doc).ents] == [("MNIST", "DATASET"), ("CIFAR", "DATASET"), ("ImageNet", "DATASET")]
