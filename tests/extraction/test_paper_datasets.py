"""A paper's dataset list: grouped by key, the most frequent name and catalogue id, a noisy-or
confidence (a catalogue link one more piece of evidence) kept at the threshold, reference-list and citation mentions left out unless asked, long numbers always."""

import pytest

from dataset_ner.extraction.paper_datasets import DatasetRule, noisy_or, paper_datasets
from dataset_ner.pipeline.mention_names import dataset_key, name_and_key


def mention(name, confidence, section="body"):
    return {"text": name, "name": name, "key": dataset_key(name), "confidence": confidence, "section": section}


MENTIONS = [mention("HMDB-51", 0.6), mention("HMDB51", 0.5), mention("HMDB-51", 0.2), mention("WikiText", 0.7, "references"),
            mention("UCF101", 0.3), mention("UCF101", 0.95, "references")]


def test_noisy_or_is_the_chance_that_some_mention_is_right():
    assert noisy_or([0.5, 0.5]) == pytest.approx(0.75)
    assert noisy_or([0.9]) == pytest.approx(0.9) and noisy_or([None, 0.2, None]) == pytest.approx(0.2)
    assert noisy_or([None]) is None and noisy_or([]) is None


def test_the_list_counts_body_mentions_and_keeps_datasets_at_the_threshold():
    assert paper_datasets(MENTIONS, DatasetRule(threshold=0.3)) == [
        {"name": "HMDB-51", "key": "hmdb51", "dataset_id": None, "mentions": 3, "confidence": 0.84},
        {"name": "UCF101", "key": "ucf101", "dataset_id": None, "mentions": 1, "confidence": 0.3}]
    assert [d["key"] for d in paper_datasets(MENTIONS, DatasetRule(threshold=0.5))] == ["hmdb51"]


def test_with_references_their_mentions_count_too():
    listed = paper_datasets(MENTIONS, DatasetRule(threshold=0.5, include_references=True))
    assert [(d["key"], d["mentions"], d["confidence"]) for d in listed] == [
        ("hmdb51", 3, 0.84), ("ucf101", 2, 0.965), ("wikitext", 1, 0.7)]


def test_a_catalogue_link_counts_as_one_more_piece_of_evidence():
    linked = [{**mention("ImageNet", 0.5), "dataset_id": "imagenet"}, {**mention("ImageNet", 0.2), "dataset_id": None}]
    unlinked = [mention("GoogLeNet", 0.7)]
    listed = paper_datasets(linked + unlinked, DatasetRule(threshold=0.75, catalogue_evidence=0.6))
    assert listed == [{"name": "ImageNet", "key": "imagenet", "dataset_id": "imagenet", "mentions": 2,
                       "confidence": 0.84}]
    without = paper_datasets(linked + unlinked, DatasetRule(threshold=0.6, catalogue_evidence=0.0))
    assert [(d["key"], d["dataset_id"], d["confidence"]) for d in without] == [("imagenet", "imagenet", 0.6),
                                                                               ("googlenet", None, 0.7)]


def test_citations_and_long_numbers_are_left_out_citations_counted_with_references():
    citation = {**mention("Jurafsky", 0.9), "citation": True}
    grant = mention("IIS1763562", 0.9)
    assert [d["key"] for d in paper_datasets([citation, grant, mention("SQuAD", 0.9)])] == ["squad"]
    assert [d["key"] for d in paper_datasets([citation, grant], DatasetRule(include_references=True))] == ["jurafsky"]


def test_a_size_alone_is_no_dataset():
    sizes = [mention(name, 0.95) for name in ("5K", "1k training set", "2.5M", "10k test set")]
    kept = [mention(name, 0.95) for name in ("ImageNet-5K", "ML-20M", "Recipe1M")]
    assert [d["name"] for d in paper_datasets(sizes + kept)] == ["ImageNet-5K", "ML-20M", "Recipe1M"]


def test_one_lower_case_word_is_no_dataset_unless_the_catalogue_links_it():
    words = [mention("lowercasing", 0.95), mention("conversational", 0.9), {**mention("minival", 0.9), "dataset_id": None}]
    kept = [{**mention("cora", 0.9), "dataset_id": "cora"}, mention("enwik8", 0.9), mention("enwik8", 0.5),
            mention("Cityscapes", 0.9)]
    assert [d["name"] for d in paper_datasets(words + kept)] == ["enwik8", "Cityscapes", "cora"]


def test_platforms_publishers_and_conferences_are_no_datasets_even_with_references():
    never = [mention(name, 0.95) for name in ("Kaggle", "Amazon Mechanical Turk", "MTurk", "arXiv2", "Springer",
                                              "CVPR", "ACL 2011", "EMNLP'18")]
    kept = [mention(name, 0.95) for name in ("KDD Cup 99", "NIPS", "ISBI 2012", "arXiv summarization", "CVPR-2017-X")]
    assert [d["name"] for d in paper_datasets(never + kept, DatasetRule(include_references=True))] == [
        "arXiv summarization", "CVPR-2017-X", "ISBI 2012", "KDD Cup 99", "NIPS"]


def test_an_organisation_is_no_dataset():
    organisations = [mention(name, 0.95) for name in ("Pauls Stradins Clinical University Hospital", "Allen Institute",
                                                      "Acme Inc.")]
    kept = [mention(name, 0.95) for name in ("Company Profile Corpus", "Hospital-Net", "Hospital")]
    assert [d["name"] for d in paper_datasets(organisations + kept)] == ["Company Profile Corpus", "Hospital",
                                                                          "Hospital-Net"]


def test_a_row_of_a_table_is_no_dataset_but_a_version_or_two_numbers_stay():
    rows = [mention("TUDA 0 0 0 0 0 0 0 0 0", 0.9), mention("Slug2Slug 66.19 8.61 44.54", 0.9)]
    kept = [mention(name, 0.9) for name in ("KITTI 2015", "CoNLL 2003 2004", "WMT 14")]
    assert sorted(d["name"] for d in paper_datasets(rows + kept)) == ["CoNLL 2003 2004", "KITTI 2015", "WMT 14"]


def test_a_language_model_or_a_metric_named_alone_is_no_dataset_but_a_corpus_or_a_linked_name_is():
    models = [mention(name, 0.95) for name in ("GPT2", "BERTBASE", "SciBERT", "RoBERTa-large", "BLEU-4", "ROUGE-L",
                                               "WUPS0.9", "CIDEr-D")]
    kept = [{**mention("SciBERT", 0.95), "text": "SciBERT corpus"}, {**mention("Q*bert", 0.95), "dataset_id": "atari-2600-qbert"},
            mention("BERT-ImageNet", 0.95)]
    assert sorted(d["name"] for d in paper_datasets(models + kept)) == ["BERT-ImageNet", "Q*bert", "SciBERT"]


def test_a_pipeline_without_confidence_keeps_every_dataset():
    listed = paper_datasets([mention("SQuAD", None), mention("SQuAD", None), mention("IMDb", None)], DatasetRule(0.99))
    assert listed == [{"name": "SQuAD", "key": "squad", "dataset_id": None, "mentions": 2, "confidence": None},
                      {"name": "IMDb", "key": "imdb", "dataset_id": None, "mentions": 1, "confidence": None}]


def test_a_footnote_mark_glued_to_a_name_counts_with_the_name_but_a_version_does_not():
    mentions = [mention("MSCOCO", 0.9), mention("MSCOCO1", 0.5), mention("SpaCy2", 0.9), mention("CIFAR-10", 0.9),
                mention("CIFAR-100", 0.9), mention("CHiME", 0.9), mention("CHiME 4", 0.9)]
    assert [(d["name"], d["mentions"], d["confidence"]) for d in paper_datasets(mentions, DatasetRule(0.5))] == [
        ("MSCOCO", 2, 0.95), ("CHiME", 1, 0.9), ("CHiME 4", 1, 0.9), ("CIFAR-10", 1, 0.9), ("CIFAR-100", 1, 0.9),
        ("SpaCy2", 1, 0.9)]


def test_a_name_in_the_plural_counts_with_the_name_but_not_a_subset_that_ends_in_es():
    """Cases of the SciREX dev papers' lists ("TED-talks", "Wikipedia infoboxes") and the catalogue's
    SQuAD-es, the Spanish SQuAD."""
    mentions = [mention("TED-talk", 0.6), mention("TED-talks", 0.7), mention("Wikipedia infobox", 0.5),
                mention("Wikipedia infoboxes", 0.5), mention("SQuAD", 0.9), mention("SQuAD-es", 0.9),
                mention("MSCOCO", 0.9), mention("MSCOCOs", 0.9), mention("Cars", 0.9)]
    assert [(d["name"], d["mentions"], d["confidence"]) for d in paper_datasets(mentions, DatasetRule(0.5))] == [
        ("TED-talk", 2, 0.88), ("Wikipedia infobox", 2, 0.75), ("Cars", 1, 0.9), ("MSCOCO", 1, 0.9),
        ("MSCOCOs", 1, 0.9), ("SQuAD", 1, 0.9), ("SQuAD-es", 1, 0.9)]


def test_task_words_after_a_name_count_under_the_name():
    mentions = [mention("COCO", 0.5), mention("COCO object detection task", 0.6), mention("MS COCO object", 0.9),
                mention("ILSVRC 2016 classification task", 0.8), mention("CoNLL-2003 shared task", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [
        ("coco", 2), ("conll2003", 1), ("ilsvrc2016", 1), ("mscoco", 1)]
    assert listed[0]["confidence"] == 0.8 and listed[0]["name"] == "COCO"


def test_event_words_and_kinds_of_segmentation_after_a_name_count_under_the_name():
    mentions = [mention("COCO 2017", 0.5), mention("COCO 2017 competition", 0.6),
                mention("COCO 2017 instance segmentation competition", 0.7), mention("VOC 2012 evaluation server", 0.8)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [("coco2017", 3), ("voc2012", 1)]


def test_split_words_after_a_name_count_under_the_name():
    """Cases of the SciREX dev papers' lists: a split of a dataset is that dataset, listed once."""
    mentions = [mention("MPII", 0.6), mention("MPII training set", 0.9), mention("MPII validation set", 0.9),
                mention("LSP test sets", 0.9), mention("WIDER FACE validation", 0.9),
                mention("ImageNet-1K val set", 0.8), mention("LibriSpeech test-clean", 0.9),
                mention("COCO detection test set", 0.7), mention("TIMIT", 0.9), mention("TIMIT test-set", 0.9),
                mention("TIMIT testset", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [
        ("mpii", 3), ("timit", 3), ("coco", 1), ("imagenet1k", 1), ("librispeechtestclean", 1), ("lsp", 1), ("widerface", 1)]
    assert listed[0]["name"] == "MPII" and listed[0]["confidence"] == 0.996
    assert [d["key"] for d in paper_datasets([mention("test set", 0.9)], DatasetRule(threshold=0.0))] == ["testset"]


def test_lower_case_words_before_a_name_count_under_the_name():
    """A case of the SciREX dev papers' lists: "word-level Penn Treebank" is the Penn Treebank."""
    mentions = [mention("Penn Treebank", 0.9), mention("word-level Penn Treebank", 0.6),
                mention("labeled RTE-5 test set", 0.8), mention("real images", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"], d["name"]) for d in listed] == [
        ("penntreebank", 2, "Penn Treebank"), ("realimages", 1, "real images"), ("rte5", 1, "labeled RTE-5 test set")]


def test_a_long_form_linked_to_the_dataset_of_its_abbreviation_counts_under_the_abbreviation():
    """Cases of the SciREX dev papers' lists: one dataset named in full and short is listed once."""
    def linked(name, confidence, entry_id):
        return {**mention(name, confidence), "dataset_id": entry_id}

    mentions = [linked("IJB-A", 0.9, "ijb-a"), linked("IARPA Janus Benchmark A", 0.5, "ijb-a"),
                linked("ITOP", 0.9, "itop"), linked("ITOP front-view", 0.9, "itop"),
                mention("SVHN", 0.9), linked("Street View House Numbers", 0.9, "svhn")]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0, catalogue_evidence=0.0))
    assert [(d["key"], d["mentions"], d["dataset_id"]) for d in listed] == [
        ("ijba", 2, "ijb-a"), ("itop", 1, "itop"), ("itopfrontview", 1, "itop"), ("streetviewhousenumbers", 1, "svhn"),
        ("svhn", 1, None)]  # a part, and a name the catalogue did not link, stay apart
    assert listed[0]["confidence"] == 0.95


def test_task_words_alone_or_after_a_catalogue_id_stay():
    alone = paper_datasets([mention("object detection", 0.9)], DatasetRule(threshold=0.0))
    assert [d["key"] for d in alone] == ["objectdetection"]
    # the report counts a linked mention under its catalogue id, which the list keeps
    linked = {**mention("COCO detection", 0.9), "key": "coco-stuff", "dataset_id": "coco-stuff"}
    assert [d["key"] for d in paper_datasets([linked], DatasetRule(threshold=0.0))] == ["coco-stuff"]


def test_a_citation_key_after_a_name_counts_under_the_name():
    """A case of the SciREX dev papers' lists: LaTeX sources leave "WikiText-103 merity2016pointer"."""
    mentions = [mention("WikiText-103", 0.9), mention("WikiText-103 merity2016pointer", 0.6),
                mention("MSCOCO dataset mscoco", 0.7), mention("MSCOCO", 0.8)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [("mscoco", 2), ("wikitext103", 2)]


def test_a_name_with_words_that_describe_it_linked_to_its_dataset_counts_under_the_name():
    """Cases of the SciREX and PDF dev papers' lists: "MPII" and "MPII Human Pose", "E2E" and "E2E NLG" are one dataset; a part, a
    version or a subset in capitals is not the dataset, nor a name the catalogue did not link."""
    def linked(name, confidence, entry_id):
        return {**mention(name, confidence), "dataset_id": entry_id}

    mentions = [linked("MPII", 0.9, "mpii"), linked("MPII Human Pose", 0.5, "mpii"), linked("MPII human pose", 0.4, "mpii"),
                linked("WMT’14", 0.9, "wmt-2014"), linked("WMT’14 English to French", 0.5, "wmt-2014"),
                linked("ITOP", 0.9, "itop"), linked("ITOP front-view", 0.9, "itop"),
                linked("CHiME", 0.9, "chime"), linked("CHiME 4", 0.9, "chime"),
                linked("ImageNet", 0.9, "imagenet"), linked("ImageNet VID", 0.9, "imagenet"),
                mention("IMDB", 0.9), linked("IMDB movie review", 0.9, "imdb-movie-reviews"),
                linked("E2E", 0.9, "e2e"), linked("E2E NLG", 0.8, "e2e")]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0, catalogue_evidence=0.0))
    assert [(d["name"], d["mentions"]) for d in listed] == [
        ("MPII", 3), ("E2E", 2), ("WMT’14", 2), ("CHiME", 1), ("CHiME 4", 1), ("ImageNet", 1), ("ImageNet VID", 1),
        ("IMDB", 1), ("IMDB movie review", 1), ("ITOP", 1), ("ITOP front-view", 1)]
    assert listed[0]["confidence"] == 0.97


def test_a_bracket_after_a_name_without_a_version_in_it_counts_under_the_name():
    """"MeSH (MAG)" of a dev PDF is MeSH; a version in brackets, or a name in brackets alone, stays."""
    mentions = [mention("MeSH", 0.5), mention("MeSH (MAG)", 0.6), mention("MultiWOZ (2.1)", 0.9), mention("(NIST)", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [("mesh", 2), ("multiwoz21", 1), ("nist", 1)]


def test_a_citation_in_brackets_inside_a_name_is_left_out_but_a_year_alone_stays():
    """A case of the INLG dev papers: "MSNBC (Cucerzan, 2007) news datasets" is MSNBC's data."""
    mentions = [{**mention(name, 0.9), "key": name_and_key(name)[1]}
                for name in ("MSNBC (Cucerzan, 2007) news datasets", "Wikipedia (Wikipedia, 2004) data", "COCO (2014)")]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [d["key"] for d in listed] == ["coco2014", "msnbc", "wikipedia"]


def test_lower_case_words_after_a_name_count_under_the_name():
    """Cases of the INLG and SciREX dev papers: "Triangle-COPA question" is Triangle-COPA, "MS-Celeb face"
    MS-Celeb, and the list names it as the key is spelled; a name all in lower case, or one letter when
    cut, stays whole, and so does a linked name whose words the catalogue's name of its dataset has."""
    linked = {**mention("Yelp polarity", 0.9), "dataset_id": "yelp-review-polarity", "dataset_full_name": "Yelp Review Polarity"}
    mentions = [mention("Triangle-COPA question", 0.5), mention("Triangle-COPA question", 0.5), mention("Triangle-COPA", 0.5),
                mention("MS-Celeb face", 0.9),
                linked, mention("movie review", 0.9), mention("3D face alignment", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"], d["name"]) for d in listed] == [
        ("trianglecopa", 3, "Triangle-COPA"), ("3dfacealignment", 1, "3D face alignment"), ("moviereview", 1, "movie review"),
        ("msceleb", 1, "MS-Celeb face"), ("yelppolarity", 1, "Yelp polarity")]
    assert listed[0]["confidence"] == 0.875


def test_lower_case_words_after_a_linked_name_count_under_it_unless_the_catalogue_names_them():
    """SciREX dev: "MS-Celeb face set", linked to MS-Celeb-1M, is the gold MS-Celeb; "Yelp polarity" is Yelp
    Review Polarity's own word, and without the catalogue's name the words stay."""
    celeb = {**mention("MS-Celeb face", 0.9), "dataset_id": "ms-celeb-1m", "dataset_full_name": "MS-Celeb-1M"}
    unnamed = {**mention("Yelp polarity", 0.9), "dataset_id": "yelp-review-polarity"}
    assert [d["key"] for d in paper_datasets([celeb], DatasetRule(threshold=0.0))] == ["msceleb"]
    assert [d["key"] for d in paper_datasets([unnamed], DatasetRule(threshold=0.0))] == ["yelppolarity"]


def test_a_count_of_classes_before_a_name_counts_under_the_name():
    """A case of the SciREX dev papers: "1000-class ImageNet" is ImageNet; a number that begins a name stays."""
    mentions = [mention("ImageNet", 0.9), mention("1000-class ImageNet", 0.6), mention("20 Newsgroups", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [("imagenet", 2), ("20newsgroups", 1)]


def test_a_name_the_paper_calls_a_tool_is_no_dataset():
    """Cases of the INLG dev papers: "SimpleNLG software" makes SimpleNLG a tool in its paper, all its
    mentions left out; a name the catalogue links stays ("COCO API" of COCO)."""
    coco_api = {**mention("COCO API", 0.5), "key": "coco", "dataset_id": "coco"}
    mentions = [mention("SimpleNLG", 0.9), mention("SimpleNLG software", 0.8), mention("VADER sentiment analyzer", 0.9),
                {**mention("COCO", 0.9), "dataset_id": "coco"}, coco_api, mention("E2E", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0, catalogue_evidence=0.0))
    assert [(d["key"], d["mentions"]) for d in listed] == [("coco", 2), ("e2e", 1)]


def test_a_name_the_text_calls_a_tool_is_no_dataset():
    """A mention marked "tool" (tool_names.mark_tools: "SimpleNLG is a natural language generation framework"
    elsewhere in the paper) is left out, all its key's mentions with it, unless the catalogue links it."""
    mentions = [mention("SimpleNLG", 0.9), {**mention("SimpleNLG", 0.8), "tool": True},
                {**mention("SCIDOCS", 0.9), "dataset_id": "scidocs", "tool": True}, mention("E2E", 0.9)]
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0, catalogue_evidence=0.0))
    assert [d["key"] for d in listed] == ["e2e", "scidocs"]


def test_a_lower_case_word_with_a_footnote_mark_written_once_is_no_name():
    """Cases of the dev papers: "university1, people2, and family3" (an INLG paper's footnoted ontologies),
    "val2" once in a SciREX paper; "text8" written twice stays, and so does a name the catalogue links."""
    mentions = [mention(name, 0.9) for name in ("university1", "people2", "val2", "text8", "text8", "SNOMED-CT")]
    mentions.append({**mention("rcv1", 0.9), "dataset_id": "rcv1"})
    listed = paper_datasets(mentions, DatasetRule(threshold=0.0, catalogue_evidence=0.0))
    assert [d["name"] for d in listed] == ["text8", "rcv1", "SNOMED-CT"]


def test_a_task_abbreviation_is_no_dataset():
    """Cases of the INLG and SciREX dev papers: "QA", "NLG", "SMT NMT" and "MDS" (multi-document
    summarization) name what data is for; "VQA", "DSTC2" and "MTNT" are datasets."""
    tasks = [mention(name, 0.99) for name in ("QA", "NLG", "SMT NMT", "MDS", "QA/NLG")]
    kept = [mention(name, 0.99) for name in ("VQA", "DSTC2", "MTNT")]
    assert [d["name"] for d in paper_datasets(tasks + kept)] == ["DSTC2", "MTNT", "VQA"]
