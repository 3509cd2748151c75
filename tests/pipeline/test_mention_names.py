import spacy
from spacy.tokens import Span

from dataset_ner.pipeline.mention_names import dataset_key, dataset_name, name_and_key


def test_spellings_of_one_dataset_share_a_key():
    spellings = ["HMDB-51", "HMDB51 dataset", "the HMDB51 benchmark", "hmdb 51", "HMDB51 data set", "the HMDB-51 datasets"]
    assert {name_and_key(text)[1] for text in spellings} == {"hmdb51"}


def test_names_lose_articles_and_generic_head_words_only():
    assert dataset_name("ImageNet VID dataset") == "ImageNet VID"
    assert dataset_name("the Penn Treebank") == "Penn Treebank"
    assert dataset_name("the COCO challenge") == "COCO"
    assert dataset_name("CIFAR-10 data-sets") == "CIFAR-10"
    assert dataset_name("Reuters corpus collection") == "Reuters"
    # versions, subsets and resource words stay inside the name
    assert dataset_name("PASCAL VOC 2007") == "PASCAL VOC 2007"
    assert dataset_name("LibriSpeech test-clean") == "LibriSpeech test-clean"
    assert dataset_name("SemEval 2010 Task 8") == "SemEval 2010 Task 8"


def test_names_lose_part_words_footnote_marks_citations_and_open_brackets():
    # as PDF and SciREX text gives them (dev papers of corpus/papers and corpus/scirex)
    assert dataset_name("ImageNet-22K set") == "ImageNet-22K"
    assert dataset_name("BSD68 images") == "BSD68"
    assert dataset_name("E2E data sections") == "E2E"
    assert dataset_name("Reddit dataset16") == "Reddit"
    assert dataset_name("Reddit data set4") == "Reddit"
    assert dataset_name("VGGFace2 [reference]") == "VGGFace2"
    assert dataset_name("Cityscapes [12]") == "Cityscapes"
    assert dataset_name("300W-LP [reference] dataset") == "300W-LP"
    assert dataset_name("COCO [17] test images") == "COCO test images"
    assert dataset_name("COCO plus MPII [reference") == "COCO plus MPII"
    assert dataset_name("CONLL 2003 (English") == "CONLL 2003"
    # a capitalised word is the name's own, a part word after a split word names the split
    assert dataset_name("Open Images") == "Open Images"
    assert dataset_name("Tiny Images dataset") == "Tiny Images"
    assert dataset_name("COCO test set") == "COCO test set"
    assert dataset_name("Set14") == "Set14"
    assert dataset_name("(English") == "(English"


def test_a_name_that_is_only_a_generic_word_stays():
    assert dataset_name("Dataset") == "Dataset"
    assert dataset_name("the data") == "data"
    assert dataset_key("SQuAD v1.1") == "squadv11"


def test_the_component_sets_name_and_key_on_each_entity():
    nlp = spacy.blank("en")
    nlp.add_pipe("dataset_mention_names")
    doc = nlp.make_doc("Results on the UCF101 dataset and HMDB-51.")
    doc.ents = [Span(doc, 2, 5, label="DATASET"), Span(doc, 6, 7, label="DATASET")]
    doc = nlp.get_pipe("dataset_mention_names")(doc)
    assert [(e.text, e._.dataset_name, e._.dataset_key) for e in doc.ents] == [
        ("the UCF101 dataset", "UCF101", "ucf101"), ("HMDB-51", "HMDB-51", "hmdb51")]
