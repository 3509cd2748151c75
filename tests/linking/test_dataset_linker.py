"""The dataset_linker component in a real pipeline: links by key, leaves unknown and unresolved
names unlinked, resolves ambiguous ones in context, saves its table and takes a user's."""

import re

import pytest
import spacy

from dataset_ner.linking import dataset_linker  # registers the factory too
from dataset_ner.linking.alias_table import Alias, AliasTable, Entry, write_table
from dataset_ner.linking.dataset_linker import FOOTNOTE_END, abbreviated_name, end_digit_sub, is_typo, name_keys
from dataset_ner.pipeline.vocabulary import MENTION_NAMES

from ..conftest import ROOT


def entry(entry_id, name, year=""):
    return Entry(entry_id, name, "", f"https://example.org/{entry_id}", year, "test")


def own_table(folder):
    """A small catalogue: "CTB" names two datasets, "VOT" three years of one challenge."""
    entries = [entry("ctb-zh", "Chinese Treebank"), entry("ctb-cam", "CTB Camera"), entry("vot2015", "VOT2015", "2015"),
               entry("vot2016", "VOT2016", "2016"), entry("mine", "MyCorpus")]
    aliases = [Alias("chinesetreebank", "Chinese Treebank", "name", "ctb-zh"), Alias("ctb", "CTB", "variant", "ctb-zh"),
               Alias("ctb", "CTB", "variant", "ctb-cam"), Alias("vot", "VOT", "variant", "vot2015"),
               Alias("vot", "VOT", "variant", "vot2016"), Alias("mycorpus", "MyCorpus", "name", "mine")]
    write_table(folder, AliasTable({e.id: e for e in entries}, aliases, "test notice\n"))
    return folder


def linker_nlp(table):
    nlp = spacy.blank("en")
    nlp.add_pipe(MENTION_NAMES)
    nlp.add_pipe("dataset_linker", config={"table": str(table)})
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return linker_nlp(ROOT / "corpus/catalogue")


def link(nlp, text, names):
    doc, spans, start = nlp.make_doc(text), [], 0
    for name in names:  # each after the one before
        start = text.index(name, start)
        spans.append(doc.char_span(start, start + len(name), "DATASET"))
        start += len(name)
    doc.ents = spans
    return [(ent.text, ent.kb_id_, ent._.dataset_full_name, ent._.dataset_url, ent._.dataset_key) for ent in nlp(doc).ents]


def test_names_spellings_and_versions_link_to_one_entry(nlp):
    found = link(nlp, "We use PTB, the Penn Treebank dataset, SQuAD2.0, SQuAD v1.1, Market1501 and the COCO validation set.",
                 ["PTB", "the Penn Treebank dataset", "SQuAD2.0", "SQuAD v1.1", "Market1501", "the COCO validation set"])
    assert [(text, entry_id) for text, entry_id, *_ in found] == [
        ("PTB", "penn-treebank"), ("the Penn Treebank dataset", "penn-treebank"), ("SQuAD2.0", "squad"),
        ("SQuAD v1.1", "squad"), ("Market1501", "market-1501"), ("the COCO validation set", "coco")]
    assert found[2][2:] == ("Stanford Question Answering Dataset", "https://paperswithcode.com/dataset/squad", "squad20")


def test_a_version_with_its_own_entry_links_there(nlp):
    assert [e[1] for e in link(nlp, "PASCAL VOC 2007 and PASCAL VOC.", ["PASCAL VOC 2007", "PASCAL VOC"])] == [
        "pascal-voc-2007", "pascal-voc"]


def test_unknown_names_stay_unlinked(nlp):
    assert link(nlp, "Our own FooBarQA-17 corpus and the Amazon dataset.", ["FooBarQA-17 corpus", "Amazon dataset"]) == [
        ("FooBarQA-17 corpus", "", None, None, "foobarqa17"), ("Amazon dataset", "", None, None, "amazon")]


def test_the_keys_a_name_is_looked_up_by():
    assert list(name_keys("COCO 2017 test-dev"))[:3] == ["coco2017testdev", "coco2017", "coco"]
    assert list(name_keys("Penn Treebank (PTB) III")) == ["penntreebankiii", "penntreebank", "ptbiii", "ptb"]
    assert list(name_keys("CoNLL'03")) == ["conll03", "conll2003", "conll"]
    assert list(name_keys("COCO val2014")) == ["cocoval2014", "coco", "cocoval14"]  # a split with its year
    assert list(name_keys("WSJ eval92"))[:2] == ["wsjeval92", "wsj"]
    assert list(name_keys("RTE-5 test set")) == ["rte5testset", "rte5test", "rte5", "rte"]  # a number of one or two digits


def test_an_ambiguous_alias_is_resolved_by_the_document_or_left_unlinked(tmp_path):
    nlp = linker_nlp(own_table(tmp_path / "table"))
    assert [e[1] for e in link(nlp, "Results on CTB.", ["CTB"])] == [""]
    assert [e[1] for e in link(nlp, "The Chinese Treebank: results on CTB.", ["Chinese Treebank", "CTB"])] == [
        "ctb-zh", "ctb-zh"]
    assert [e[1] for e in link(nlp, "VOT 2016 and VOT.", ["VOT 2016", "VOT"])] == ["vot2016", ""]


def test_the_words_around_a_name_pick_its_sense_or_leave_it_unlinked(nlp):
    """corpus/catalogue/senses.tsv: "WSJ" is the Penn Treebank's part in parsing, the speech corpus in
    speech recognition, TREC's collection (no catalogue dataset) in retrieval; the catalogue's otherwise."""
    assert link(nlp, "We report parsing accuracy on WSJ.", ["WSJ"])[0][1] == "penn-treebank"
    assert link(nlp, "The acoustic model is trained on WSJ.", ["WSJ"])[0][1] == "codesota-119"
    assert link(nlp, "Retrieval results on the AP and WSJ collections.", ["AP", "WSJ collections"])[1][1] == ""
    assert link(nlp, "Results on WSJ.", ["WSJ"])[0][1] == "codesota-119"  # no word of a sense: the table's link
    assert link(nlp, "A POS tagger and ASR on WSJ.", ["WSJ"])[0][1] == ""  # words of two senses
    assert link(nlp, "Jester is a hand gesture video dataset.", ["Jester"])[0][1] == ""
    assert link(nlp, "Jester holds ratings of jokes.", ["Jester"])[0][1] == "jester"
    # "NYU" has no alias: only its sense links it (the hand pose set), nothing else does (the Depth sets)
    assert [e[1] for e in link(nlp, "3D hand pose results on ICVL and NYU.", ["ICVL", "NYU"])] == ["icvl-hand-posture", "nyu-hand"]
    assert link(nlp, "Depth estimation results on NYU.", ["NYU"])[0][1] == ""
    # a fine-grained paper's short names, beside each other; "Cars" of a driving set stays unlinked
    assert [e[1] for e in link(nlp, "Accuracy on Birds, Cars and Aircraft.", ["Birds", "Cars", "Aircraft"])] == [
        "cub-200-2011", "stanford-cars", "fgvc-aircraft-1"]
    assert link(nlp, "Detection of Cars and Pedestrians on KITTI.", ["Cars"])[0][1] == ""


def test_a_name_with_no_sense_words_around_it_takes_the_sense_its_document_gives_it(nlp):
    """One sense per document, cases of the INLG dev papers: "wsj" in a table of a realisation paper is the
    Penn Treebank's (the first "wsj", a short name in lower case, is not linked itself but picks the sense),
    "Weather" of a dialogue paper is no time-series benchmark; without words of a sense anywhere, or with
    the words of two senses in the document, the table's link stays."""
    far = " Other text." * 20  # more than SENSE_WINDOW tokens
    assert [e[1] for e in link(nlp, "Sentences of wsj realized by our CCG realizer." + far + " Table 5: wsj 0004.8",
                               ["wsj", "wsj 0004.8"])] == ["", "penn-treebank"]
    assert [e[1] for e in link(nlp, "Results on E2E and Weather datasets." + far + " Figure 1: Weather 1",
                               ["E2E", "Weather", "Weather 1"])] == ["e2e", "", ""]
    assert link(nlp, "Table 5: wsj 0004.8" + far, ["wsj 0004.8"])[0][1] == "codesota-119"
    assert [e[1] for e in link(nlp, "Our parser on WSJ." + far + " Results on WSJ." + far + " WSJ for ASR.",
                               ["WSJ", "WSJ", "WSJ"])] == ["penn-treebank", "codesota-119", "codesota-119"]


def test_the_table_is_saved_with_the_pipeline_and_a_config_table_replaces_it(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe(MENTION_NAMES)
    nlp.add_pipe("dataset_linker").initialize(table=str(ROOT / "corpus/catalogue"))
    nlp.to_disk(tmp_path / "pipeline")
    for file in ("NOTICE.md", "senses.tsv"):
        assert (tmp_path / "pipeline/dataset_linker" / file).read_text() == (ROOT / "corpus/catalogue" / file).read_text()
    loaded = spacy.load(tmp_path / "pipeline")
    assert [e[1] for e in link(loaded, "On PTB.", ["PTB"])] == ["penn-treebank"]
    own = own_table(tmp_path / "own")
    replaced = spacy.load(tmp_path / "pipeline", config={"components": {"dataset_linker": {"table": str(own)}}})
    assert [e[1] for e in link(replaced, "On PTB and MyCorpus.", ["PTB", "MyCorpus"])] == ["", "mine"]


def test_a_doc_linked_again_by_another_table_loses_the_links_that_table_lacks(tmp_path):
    doc = spacy.blank("en").make_doc("On PTB and MyCorpus.")
    doc.ents = [doc.char_span(3, 6, "DATASET"), doc.char_span(11, 19, "DATASET")]
    for nlp, expected in ((linker_nlp(ROOT / "corpus/catalogue"), ["penn-treebank", ""]),
                          (linker_nlp(own_table(tmp_path)), ["", "mine"])):
        doc = nlp(doc)
        assert [(ent.kb_id_, ent._.dataset_url) for ent in doc.ents] == [
            (entry_id, nlp.get_pipe("dataset_linker").table.entries[entry_id].url if entry_id else None)
            for entry_id in expected]


def test_task_words_parts_and_leading_sources_are_dropped_as_a_last_resort():
    assert list(name_keys("CIFAR-10 object recognition")) == ["cifar10objectrecognition", "cifar10", "cifar"]
    assert list(name_keys("ShapeNet model")) == ["shapenetmodel", "shapenet"]
    assert list(name_keys("GLUE diagnostic entailment")) == ["gluediagnosticentailment", "glue"]
    assert list(name_keys("KITTI VO")) == ["kittivo", "kitti"]
    assert list(name_keys("USPS handwritten digits"))[:2] == ["uspshandwrittendigits", "usps"]
    assert list(name_keys("ImageNet video")) == ["imagenetvideo"]
    assert list(name_keys("CoNLL-2012 Shared Task English"))[:3] == ["conll2012sharedtaskenglish", "conll2012sharedtask",
                                                                      "conll2012"]
    assert list(name_keys("ShanghaiTech Part B")) == ["shanghaitechpartb", "shanghaitechb", "shanghaitech"]
    assert list(name_keys("KITTI 141 subset")) == ["kitti141subset", "kitti"]
    assert list(name_keys("Pascal VOC Part"))[0] == "pascalvocpart" and "pascalvoc" not in name_keys("Pascal VOC Part")
    assert list(name_keys("ClueWeb09 category B collection")) == ["clueweb09categoryb", "clueweb09b", "clueweb2009",
                                                                  "clueweb09"]
    assert list(name_keys("VQA 2.0 test-std split"))[:2] == ["vqa20teststdsplit", "vqa20"]
    assert list(name_keys("Sintel final pass")) == ["sintelfinalpass", "sintel"]
    assert list(name_keys("CTB-5 dependency treebank"))[:4] == ["ctb5dependencytreebank", "ctb5dependency", "ctb5", "ctb"]
    assert list(name_keys("Reuters RCV1")) == ["reutersrcv1", "rcv1"]
    assert list(name_keys("Google Billion-Word Corpus")) == ["googlebillionword", "billionword"]
    assert list(name_keys("PASCAL RTE")) == ["pascalrte", "rte"]
    assert list(name_keys("NIST TAC RTE 5"))[-2:] == ["rte5", "rte"]  # two organisers dropped
    assert "enron" not in name_keys("Wikipedia and Enron")  # two datasets
    assert list(name_keys("1000-class ImageNet"))[2] == "imagenet1k"  # the count of classes after the name
    assert list(name_keys("21K-class ImageNet"))[1] == "imagenet21k"
    assert list(name_keys("CNN and Daily Mail"))[:2] == ["cnnanddailymail", "cnndailymail"]  # "and" as a slash
    assert list(name_keys("TREC ClueWeb09"))[3:5] == ["clueweb2009", "clueweb09"] and list(name_keys("TREC-CAR")) == ["treccar"]
    assert list(name_keys("Yahoo Music")) == ["yahoomusic", "yahoomusics"]  # not an ordinary word alone


def test_languages_after_a_name_task_words_and_a_leading_year_are_dropped_or_moved():
    assert list(name_keys("WMT’14 English to French"))[:2] == ["wmt14englishtofrench", "wmt14"]
    assert list(name_keys("ASPEC English-to-Japanese")) == ["aspecenglishtojapanese", "aspec", "aspecenglishtojapaneses"]
    assert list(name_keys("IWSLT 2015 en-vi"))[:2] == ["iwslt2015envi", "iwslt2015"]
    assert list(name_keys("DIRHA-English"))[:2] == ["dirhaenglish", "dirha"]
    assert list(name_keys("ITOP 3D human pose estimation")) == ["itop3dhumanposeestimation", "itop"]
    assert list(name_keys("WikiText-2 language modeling"))[:2] == ["wikitext2languagemodeling", "wikitext2"]
    assert list(name_keys("2016 COCO")) == ["2016coco", "16coco", "coco2016", "coco"]  # the year after the name


def test_events_splits_and_what_a_dataset_holds_are_dropped_from_the_end():
    assert list(name_keys("ImageNet 2013 competition"))[:3] == ["imagenet2013competition", "imagenet2013", "imagenet"]
    assert list(name_keys("Pascal VOC 2012 evaluation server"))[1] == "pascalvoc2012"
    assert list(name_keys("VOC 2012 training and validation sets"))[1] == "voc2012"
    assert list(name_keys("CelebA data set of celebrity faces"))[1] == "celeba"
    assert list(name_keys("OpenImagesV4 containing million images"))[1] == "openimagesv4"
    assert list(name_keys("Corpus of Linguistic Acceptability"))[:2] == ["corpusoflinguisticacceptability",
                                                                         "linguisticacceptability"]  # not "corpus"
    assert list(name_keys("Penn Treebank-III")) == ["penntreebankiii", "penntreebank"]
    assert list(name_keys("KITTI raw")) == ["kittiraw", "kitti"]
    assert list(name_keys("Stanford 2D-3D-S")) == ["stanford2d3ds", "2d3ds"]  # a leading organiser
    assert "streetviewhousenumbers" in name_keys("Google’s Street View House Numbers")
    assert list(name_keys("English-to-German WMT 2014"))[3] == "wmt2014"  # a leading language pair


def test_a_part_of_a_dataset_is_looked_up_by_the_dataset_last():
    keys = list(name_keys("English test data of the CoNLL-2012 shared task"))
    assert keys[0] == "englishtestdataoftheconll2012sharedtask" and keys[-5:-2] == [
        "conll2012sharedtask", "conll2012", "conll"]
    assert list(name_keys("Wall Street Journal corpus of the English Penn Treebank"))[-6:-4] == [
        "englishpenntreebank", "penntreebank"]  # "English" dropped after "of the"; then the plurals


def test_lower_case_words_before_a_name_are_dropped_as_a_last_resort(nlp):
    assert list(name_keys("labeled RTE-5 test set"))[-4:] == ["rte5testset", "rte5test", "rte5", "rte"]
    assert list(name_keys("data set of traditional summarization task in TAC 2010"))[-3:] == ["tac2010", "tac", "tac10"]
    assert list(name_keys("real images")) == ["real", "realimage"]  # no capital or digit left: kept
    text = "Trained on annotated dependency structures in CCGbank and the labeled RTE-5 test set."
    assert [e[1] for e in link(nlp, text, ["annotated dependency structures in CCGbank",
                                           "labeled RTE-5 test set"])] == ["ccgbank", "rte"]


def test_words_around_a_name_in_a_real_pipeline(nlp):
    text = "On CIFAR-10 object recognition datasets, ShanghaiTech Part B and Reuters RCV1."
    assert [e[1] for e in link(nlp, text, ["CIFAR-10 object recognition datasets", "ShanghaiTech Part B",
                                           "Reuters RCV1"])] == ["cifar-10", "shanghaitech", "rcv1"]


def test_a_name_ending_in_plus_is_an_extension_linked_only_by_a_plus(nlp):
    text = "CoNLL, CoNLL++, Recipe1M, Recipe1M+, DailyDialog and DailyDialog++."
    names = ["CoNLL", "CoNLL++", "Recipe1M", "Recipe1M+", "DailyDialog", "DailyDialog++"]
    assert [e[1] for e in link(nlp, text, names)] == ["", "conll", "", "recipe1m-1", "dailydialog", "dailydialog-1"]
    # the name ends in "+", not the mention: "dataset" is no part of the name
    assert [e[1] for e in link(nlp, "The CK+ dataset and CK.", ["CK+ dataset", "CK"])] == ["ck", ""]


def test_a_list_of_versions_is_not_shortened_and_english_and_plurals_go_last():
    assert list(name_keys("Something-Something v1 & v2")) == ["somethingsomethingv1v2"]
    keys = list(name_keys("KITTI 2012 and 2015"))
    assert keys[:2] == ["kitti2012and2015", "kitti2012and15"] and "kitti2012" not in keys and "kitti" not in keys
    assert list(name_keys("Penn English Treebank")) == ["pennenglishtreebank", "penntreebank", "pennenglishtreebanks",
                                                        "penntreebanks"]
    assert list(name_keys("English Switchboard")) == ["englishswitchboard", "switchboard", "englishswitchboards",
                                                      "switchboards"]
    assert list(name_keys("English")) == ["english"]
    assert list(name_keys("Pascal Faces"))[:2] == ["pascalfaces", "pascalface"]  # a plural, last
    assert list(name_keys("recipes")) == ["recipes"]  # one word: an ordinary noun


def test_a_range_of_years_is_not_shortened_and_a_glued_split_is_dropped(nlp):
    """Real names of INLG dev papers (W18-6545, W18-6536, W19-8646): a range of years is several datasets;
    "test" of "test set" may end a name."""
    assert list(name_keys("DUC 2005-2007")) == ["duc20052007", "duc200507"]  # the short year: a last resort
    assert "duc2005" not in name_keys("DUC 2005-2007 datasets")
    assert list(name_keys("SQuAD testset"))[:3] == ["squadtestset", "squadtest", "squad"]
    assert list(name_keys("Story Cloze test set"))[:3] == ["storyclozetestset", "storyclozetest", "storycloze"]
    text = "DUC 2005-2007 are used for training, DUC 2004 for testing, and the benchmark SQuAD testset."
    assert [e[1] for e in link(nlp, text, ["DUC 2005-2007", "DUC 2004", "SQuAD testset"])] == ["", "duc-2004", "squad"]


def test_splits_language_pairs_and_versions_of_scirex_train_names(nlp):
    """Real names of the reviewed SciREX train sentences (stop 66's dev names)."""
    assert "wmt2014" in name_keys("WMT 2014 English-to-German and English-to-French")  # two pairs of one dataset
    assert "rotowire" in name_keys("RotoWire development and test data")
    assert "ontonotes50" in name_keys("OntoNotes v5.0")  # "v" dropped
    text = "COCO contains 123,000 images in the training and validation set and 20,288 images in the test-dev set."
    assert [e[1] for e in link(nlp, text, ["COCO", "test-dev set"])] == ["coco", "coco"]
    assert [e[1] for e in link(nlp, "Every question in the VQA test-standard set.", ["VQA test-standard set"])] == [
        "visual-question-answering"]
    text = "The Caltech dataset has become the standard for evaluating pedestrian detectors."
    assert [e[1] for e in link(nlp, text, ["Caltech dataset"])] == ["caltech-pedestrian-dataset"]
    assert [e[1] for e in link(nlp, "Caltech images of 101 object categories.", ["Caltech"])] == [""]  # no sense word


def test_hours_language_codes_and_senses_of_seed_snippets(nlp):
    """Real names of the hand-reviewed seed snippets (stop 66's dev names)."""
    assert "switchboard" in list(name_keys("Switchboard 300 hour corpus"))[:2]
    assert list(name_keys("XNLI-en"))[:2] == ["xnlien", "xnli"]
    assert "davis2017" in name_keys("DAVIS 2017 validation and test-dev sets")
    text = "we achieved 5.5% and 10.3% WER for SWB and CH respectively"
    assert [e[1] for e in link(nlp, text, ["SWB", "CH"])] == ["switchboard-1-corpus", "codesota-118"]
    assert [e[1] for e in link(nlp, "Data of Switzerland (CH) and Austria.", ["CH"])] == [""]  # no sense word
    text = "trained and evaluated on the GRID [9] and TCD-TIMIT [10] datasets"
    assert [e[1] for e in link(nlp, text, ["GRID"])] == [""]  # the speech corpus, not the catalogue's GRID
    assert [e[1] for e in link(nlp, "Person re-identification on VIPeR and GRID.", ["VIPeR", "GRID"])] == ["viper", "grid"]


def test_a_named_part_is_tried_with_its_letter_and_a_kind_of_segmentation_dropped(nlp):
    """Real names of the Heddes train split (stop 66's dev names)."""
    assert list(name_keys("ClueWeb09 category B"))[:4] == ["clueweb09categoryb", "clueweb09b", "clueweb2009", "clueweb09"]
    assert list(name_keys("ShanghaiTech Part B"))[:3] == ["shanghaitechpartb", "shanghaitechb", "shanghaitech"]
    found = link(nlp, "On ClueWeb09 Category B and the PASCAL VOC 2012 semantic segmentation benchmark.",
                 ["ClueWeb09 Category B", "PASCAL VOC 2012 semantic segmentation benchmark"])
    assert [e[1] for e in found] == ["codesota-clueweb09-b", "voc-2012"]


def test_glued_and_slashed_splits_visual_odometry_and_short_names_of_video_and_speech(nlp):
    """Real names of the seed snippets and SciREX train sentences (stop 66's last dev names)."""
    assert "webquestions" in name_keys("WebQuestions training/validation set")
    assert "vqa" in name_keys("VQA teststandard")
    assert list(name_keys("KITTI Visual Odometry"))[:2] == ["kittivisualodometry", "kitti"]
    assert [e[1] for e in link(nlp, "COCO, results on test-dev2017.", ["COCO", "test-dev2017"])] == ["coco", "coco"]
    text = "Model dev93 WER eval92 WER GMM Kaldi tri4b 9.39"
    assert [e[1] for e in link(nlp, text, ["dev93", "eval92"])] == ["codesota-119", "codesota-119"]
    text = "Dataset UCF Kinetics Moments Something Jester Charades"
    assert [e[1] for e in link(nlp, text, ["Moments"])] == ["moments-in-time"]
    assert [e[1] for e in link(nlp, "Moments of the data.", ["Moments"])] == [""]


def test_a_named_split_alone_takes_the_one_dataset_of_its_document(nlp):
    found = link(nlp, "With the LibriSpeech corpus: dev-clean, test-other.", ["LibriSpeech corpus", "dev-clean", "test-other"])
    assert [e[1] for e in found] == ["librispeech", "librispeech", "librispeech"]
    # LibriSpeech's own split names are its aliases (by hand) ...
    assert [e[1] for e in link(nlp, "Results on dev-clean.", ["dev-clean"])] == ["librispeech"]
    two = link(nlp, "LibriSpeech and PTB: test-clean.", ["LibriSpeech", "PTB", "test-clean"])
    assert [e[1] for e in two] == ["librispeech", "penn-treebank", "librispeech"]
    # ... but the one other dataset of the document takes them: LibriTTS has a test-clean too
    tts = link(nlp, "On LibriTTS: dev-other and test-clean.", ["LibriTTS", "dev-other", "test-clean"])
    assert [e[1] for e in tts] == ["libritts", "libritts", "libritts"]
    assert [e[1] for e in link(nlp, "MS COCO test-dev.", ["MS COCO", "test-dev"])] == ["coco", "coco"]
    assert [e[1] for e in link(nlp, "COCO and PTB: test-dev.", ["COCO", "PTB", "test-dev"])] == [
        "coco", "penn-treebank", ""]  # two datasets: whose split is it?


def test_a_year_and_round_thousands_are_also_tried_short():
    assert list(name_keys("trec2005")) == ["trec2005", "trec", "trec05"]
    assert list(name_keys("ImageNet-1000")) == ["imagenet1000", "imagenet1k", "imagenet"]
    assert list(name_keys("COCO 2017 test-dev"))[:3] == ["coco2017testdev", "coco2017", "coco"]  # the long forms first
    # a two-digit year glued to a name, written out first (the catalogue files "VOC12" under PASCAL VOC)
    assert list(name_keys("PASCAL VOC12"))[:3] == ["pascalvoc2012", "pascalvoc12", "pascalvoc"]
    assert list(name_keys("BUCC18")) == ["bucc2018", "bucc18", "bucc"]
    assert list(name_keys("ModelNet40")) == ["modelnet40"]  # no year


def test_a_name_with_its_abbreviation_in_place_is_tried_after_the_name(nlp):
    assert abbreviated_name("Street View House Number (SVHN) dataset") == "SVHN"
    assert abbreviated_name("Wall Street Journal (WSJ) eval92") == "WSJ eval92"
    assert list(name_keys("Street View House Number", "SVHN")) == ["streetviewhousenumber", "svhn", "streetviewhousenumbers"]
    text = "The Street View House Number (SVHN) dataset."
    assert [e[1] for e in link(nlp, text, ["Street View House Number (SVHN) dataset"])] == ["svhn"]


def test_a_common_word_in_capitals_links_only_a_mention_in_capitals(nlp):
    """Papers with Code's "HARD", "REAL", "ANIMAL" are ordinary words in most papers."""
    assert [e[1] for e in link(nlp, "HARD and Hard and hard set.", ["HARD", "Hard", "hard set"])] == ["hard", "", ""]
    assert [e[1] for e in link(nlp, "real images and ANIMAL data.", ["real images", "ANIMAL"])] == ["", "animal"]
    assert [e[1] for e in link(nlp, "On the Animal dataset.", ["Animal dataset"])] == [""]
    assert [e[1] for e in link(nlp, "On DROP and Drop.", ["DROP", "Drop"])] == ["drop", ""]
    assert [e[1] for e in link(nlp, "On Coco and SQUAD.", ["Coco", "SQUAD"])] == ["coco", "squad"]  # no common words
    assert [e[1] for e in link(nlp, "The MRs of the MRS data.", ["MRs", "MRS"])] == ["", "mrs"]  # meaning representations


def test_another_common_word_links_only_a_mention_that_writes_it_with_a_capital(nlp):
    """"Places" and "Wine" are datasets; "art images", "frames" and the "and" of "English and French"
    are words (the ART, Frames and AND datasets of Papers with Code)."""
    names = ["Places", "places database", "art images", "frames", "English and French", "Wine dataset"]
    text = "Places, places database, art images, frames, English and French, Wine dataset."
    assert [e[1] for e in link(nlp, text, names)] == ["places", "", "", "", "", "wine"]


def test_a_short_name_in_lower_case_links_only_an_alias_spelled_so(nlp):
    """"ind" in a speech paper is no "inD Dataset" and "wsj" in a table no "WSJ"; CodeSOTA's "aip" is spelled so."""
    names = ["ind", "inD", "wsj", "WSJ", "aip"]
    assert [e[1] for e in link(nlp, "ind, inD, wsj, WSJ and aip.", names)] == ["", "ind-dataset", "", "codesota-119",
                                                                                   "codesota-aip"]


def test_a_piece_of_a_word_cut_at_a_line_end_is_not_linked(nlp):
    """PDF text cuts words at line ends: "analy-sis", "pre-vent", "mod- els"."""
    assert [e[1] for e in link(nlp, "analy -sis and mod- els on MNIST.", ["-sis", "mod-", "MNIST"])] == ["", "", "mnist"]


def test_a_citation_key_after_a_name_and_a_last_word_in_the_plural_are_last_resorts(nlp):
    """LaTeX sources leave citation keys after names; a name's last word is often written in the
    singular ("Cityscape"), but not where the plural would be a head noun ("ImageNet videos")."""
    names = ["NarrativeQA KociskySBDHMG18", "MSCOCO dataset mscoco", "Cityscape", "Street View House Number",
             "ImageNet video dataset", "Glass dataset"]
    text = "NarrativeQA KociskySBDHMG18, MSCOCO dataset mscoco, Cityscape, Street View House Number, " \
           "ImageNet video dataset and Glass dataset."
    assert [e[1] for e in link(nlp, text, names)] == ["narrativeqa", "coco", "cityscapes", "svhn", "", ""]
    assert list(name_keys("Mapillary Vista"))[-1] == "mapillaryvistas"
    assert list(name_keys("KITTI 141 subset")) == ["kitti141subset", "kitti"]  # no plural of a generic word


def test_a_footnote_mark_glued_after_a_name_s_period_is_a_last_resort(nlp):
    """PDF text glues a footnote mark to the period that ends a sentence ("a word frequency list based on
    Open-Subtitles.8 Words in", an INLG dev paper); a version after a capital or one letter stays."""
    text = "based on Open-Subtitles.8 Words, on QA.1 and on the TIMIT corpus"
    assert [e[1] for e in link(nlp, text, ["Open-Subtitles.8", "QA.1", "TIMIT"])] == ["opensubtitles", "", "timit"]
    assert [end_digit_sub(FOOTNOTE_END, "", name) for name in ["Open-Subtitles.8", "WMT.14", "SQuAD v.2"]] == [
        "Open-Subtitles", "WMT.14", "SQuAD v.2"]


def test_a_typo_of_a_known_name_links_to_it_and_an_ordinary_word_does_not(nlp):
    """Real typos of the seed snippets and SciREX papers link; a word near a name ("forums" and
    "Forms"), a Roman numeral ("MIMIC II" is not MIMIC-III), a first or last letter, a digit or a
    plural "s" (CIFAR-10/100 is not CIFAR-10/100K) make no typo."""
    names = ["AcitvityNet", "MINIST", "FB15-237", "Swichboard 300h", "forums", "MIMIC II database", "DAQURA",
             "CIFAR-10/100", "Protein dataset"]
    text = "AcitvityNet, MINIST, FB15-237, Swichboard 300h, forums, MIMIC II database, DAQURA, CIFAR-10/100, Protein dataset."
    assert [e[1] for e in link(nlp, text, names)] == ["activitynet", "mnist", "fb15k-237", "switchboard-1-corpus",
                                                      "", "", "", "", ""]


def test_is_typo():
    assert is_typo("acitvitynet", "activitynet") and is_typo("fb15237", "fb15k237") and is_typo("minist", "mnist")
    assert not is_typo("hyoutube", "youtube") and not is_typo("cifar10100", "cifar10100k")
    assert not is_typo("daqura", "daquar") and not is_typo("protein", "proteins") and not is_typo("imagenet2", "imagenet3")


def test_lower_case_words_after_a_name_go_unless_a_longer_name_goes_on_with_them(nlp):
    """Seed snippets and SciREX papers write what a dataset holds after its name; "COCO keypoint",
    "ImageNet video" and "Quora question paraphrases" are other datasets, which the table knows by longer
    names that go on with those words (COCO Keypoints, ImageNet VID, Quora Question Pairs)."""
    names = ["BioGRID interaction dataset", "WMT16 parallel set", "Pubmed citation network datasets", "COCO keypoint dataset",
             "ImageNet video dataset", "Quora question paraphrases", "unseen classes", "Penn Treebank tokenizer"]
    text = ("BioGRID interaction dataset, WMT16 parallel set, Pubmed citation network datasets, COCO keypoint dataset, "
            "ImageNet video dataset, Quora question paraphrases, unseen classes and the Penn Treebank tokenizer.")
    assert [e[1] for e in link(nlp, text, names)] == ["biogrid", "wmt-2016", "pubmed", "", "", "", "", ""]


def test_short_names_of_person_reid_pretraining_and_amr_link_only_near_their_words(nlp):
    """"Duke" beside Market1501, "JFT" where a paper pre-trains, "AMR 2.0" near parsing link; "Duke" and
    "AMR" elsewhere do not."""
    names = ["CUHK03", "Market1501", "Duke", "JFT", "AMR 2.0"]
    text = "Person re-id results on CUHK03, Market1501 and Duke; pretrained on JFT; AMR 2.0 parsing."
    assert [e[1] for e in link(nlp, text, names)] == ["cuhk03", "market-1501", "dukemtmc-reid", "jft-300m", "amr-bank"]
    assert [e[1] for e in link(nlp, "Data from Duke and AMR.", ["Duke", "AMR"])] == ["", ""]


def test_a_spaced_two_digit_year_any_language_and_a_language_model_corpus(nlp):
    """Seed snippets write "IWSLT 15", "XNLI-xx" (every language) and "LibriSpeech LM corpus"."""
    names = ["IWSLT 15", "XNLI-xx", "LibriSpeech LM corpus"]
    assert [e[1] for e in link(nlp, "IWSLT 15, XNLI-xx and the LibriSpeech LM corpus.", names)] == [
        "iwslt2015", "xnli", "librispeech"]


def test_a_glued_year_is_tried_written_out_first():
    """The catalogue files "VOC12" under PASCAL VOC; "VOC12 trainval" is VOC 2012's split."""
    assert list(name_keys("VOC12 trainval"))[:3] == ["voc12trainval", "voc2012", "voc12"]


def test_a_linker_forgets_the_names_it_remembered_and_links_them_the_same_again(nlp):
    linker = nlp.get_pipe("dataset_linker")
    linker.forget()
    first = link(nlp, "We train on the Penn English Treebank and MyUnknownBank.", ["Penn English Treebank", "MyUnknownBank"])
    assert linker.found  # names whose own key the table lacks were looked up and remembered
    linker.forget()
    assert not linker.found and not linker.found_for_forms
    assert link(nlp, "We train on the Penn English Treebank and MyUnknownBank.", ["Penn English Treebank", "MyUnknownBank"]) == first
    assert [kb_id for _text, kb_id, *_ in first] == ["penn-treebank", ""]


def quick_test_forms():
    """Forms that end in each word the shortenings know, in several cases, with a few that their
    case-insensitive matching folds ("ı", "ſ", the Kelvin sign) and other shapes."""
    words = [*dataset_linker._DESCRIPTORS, *dataset_linker._TRAILING_WORDS, "treebank", "Treebank",
             *re.findall("[A-Za-z]+", dataset_linker._LANGUAGE + dataset_linker._CODE),
             "test set", "testset", "Testset", "test split", "dev", "val2014", "trainval", "test-dev", "eval92",
             "split 1", "final pass", "v1.1", "version 2", "2012", "III", "ı", "ſubset", "tasK", "12k", "300h",
             "300 hours", "Part B", "category 2", "subset", "with images", "of celebrity faces", "containing faces",
             "&", "and", "or", "en-de", "English-to-German", "English to French", "12", "2005-2007"]
    for split in dataset_linker._SPLIT_WORDS:
        words += [split, f"{split}2", f"{split}set", f"{split}_set", f"{split}10 set", f"{split} clean", f"{split}-other",
                  f"{split} and test sets", f"{split}/val", f"{split} and test-dev split"]
    words += ["test-std set", "test-std", "test-standard", "test-challenge", "teststandard", "testchallenge split",
              "testsplit", "Testsplit", "trainval", "split_3", "clean pass", "test split1"]
    for word in words:
        for form in (f"Foo {word}", f"Foo {word.upper()}", f"Foo {word.lower()}", f"Foo-{word}", f"Foo{word}",
                     f"Foo_{word}"):
            yield form


def test_the_quick_tests_never_skip_a_shortening_or_a_drop_that_applies():
    sources = re.findall("[A-Za-z]+", dataset_linker.SOURCES.pattern)
    leading = [f"{word} Foo Bar" for word in sources + [w.upper() for w in sources] + ["ſtanford", "1000-class", "21K class",
                                                                                    "2016", "1999", "English-to-German",
                                                                                    "German to English", "word-level"]]
    for form in leading + [f"{word} {form}" for word in ("the", "The", "Reuters", "Reuters'", "PASCAL-") for form in leading]:
        for drop in dataset_linker.LAST_RESORTS:
            if getattr(drop, "func", None) is dataset_linker.sub_at_start:
                pattern, replacement, _initials = drop.args
                assert drop(form) == pattern.sub(replacement, form), (pattern.pattern[:30], form)
    for form in quick_test_forms():
        letters = dataset_linker.last_letters(form) if form.isascii() else None
        for pattern, may_match in dataset_linker.SHORTENINGS:
            assert may_match(form, letters) or not pattern.search(form), (pattern.pattern[:40], form)
        assert dataset_linker.ends_a_list(form) == bool(dataset_linker.LIST_END.search(form)), form
        for pattern in (dataset_linker.GLUED_YEAR, dataset_linker.GLUED_ONLY):
            assert dataset_linker.end_digit_sub(pattern, "x", form) == pattern.sub("x", form), form
        version = dataset_linker.V_VERSION
        assert dataset_linker.end_digit_sub(version, " ", form) == version.sub(" ", form), form
        for drop, pattern, replacement in ((dataset_linker.and_as_slash, dataset_linker.AND, "/"),
                                           (dataset_linker.without_english, dataset_linker.ENGLISH, ""),
                                           (dataset_linker.without_part_of, dataset_linker.PART_OF, "")):
            assert drop(form) == pattern.sub(replacement, form), form
