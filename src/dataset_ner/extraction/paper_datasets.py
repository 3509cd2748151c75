"""One dataset list per paper: the paper's mentions grouped by key, each dataset with a paper-level
confidence (a link to the catalogue counting as one more piece of evidence), kept at or above a
threshold; mentions in the reference list left out unless asked."""

import re
from collections import Counter
from typing import Callable, Dict, Iterable, List, NamedTuple, Optional

from ..linking.dataset_linker import CITATION_TAIL, EVENT_WORDS, without_repeated_name, word_stems
from ..linking.tool_words import TOOL_WORDS
from ..pipeline.mention_names import LEADING_WORDS, is_abbreviation, name_and_key
from ..pipeline.vocabulary import SPLIT_WORDS, TASK_WORDS
from .sections import REFERENCES

# Chosen together on the dev papers (the 10 PDF, 46 INLG and 33 SciREX dev papers pooled; docs/extraction.md):
# the pair of highest F1 of both shipped pipelines summed among those where a catalogue link alone does
# not keep a dataset (evidence below threshold). A dataset the catalogue knows is kept from a mention
# confidence of 0.17 (1 - 0.25 / 0.3), another one from 0.75 (stop 63).
DEFAULT_DATASET_THRESHOLD = 0.75
DEFAULT_CATALOGUE_EVIDENCE = 0.7
# A key that is another key of the paper and one digit after a letter: a footnote mark that PDF text
# glues to the name ("MSCOCO1" beside "MSCOCO"), not a version ("CIFAR-100" beside "CIFAR-10"); the
# digit must be glued in every spelling of the key (GLUED_DIGIT): "CHiME 4" beside "CHiME" is a version.
FOOTNOTE_MARK = re.compile(r"(?P<stem>.*[^\W\d])\d")
GLUED_DIGIT = re.compile(r"[^\W\d]\d$")
# A name that ends in a plural "s" or "es" after a lower-case letter: "TED-talks" beside "TED-talk",
# "Wikipedia infoboxes" beside "Wikipedia infobox" name one dataset; "SQuAD-es" is no plural.
PLURAL_ENDS = {end: re.compile(rf"[a-z]{end}$") for end in ("s", "es")}
# A run of six or more digits: a grant, report or project number ("IIS1763562", "No.:61702300"), not a
# dataset's name.
LONG_NUMBER = re.compile(r"\d{6,}")
LOWER_WORD = re.compile(r"[a-z]+")  # a word, not a name
# Three or more numbers after a name, a space before each: a row of a table ("TUDA 0 0 0 0 0 0", a team's
# results in a PDF's table), not a dataset's name, which ends in one version or year at most ("KITTI 2015").
TABLE_ROW = re.compile(r"(?:\s+[-+]?\d+(?:[.,]\d+)?%?){3,}$")
# A lower-case word with one or two digits glued to it, written once in the paper where the catalogue does not
# link it: a word with a footnote mark ("university1", "wiki12", "val2"), so a word, not a name. A dataset named
# so ("text8", "ijcnn1") is written more than once in a paper that uses it.
FOOTNOTE_WORD = re.compile(r"[a-z]{3,}\d{1,2}")
# Keys of names that are no dataset by the papers gold's convention (corpus/papers/README.md), which the
# hand-annotated training, dev and INLG sentences share (one of them alone is marked there once, Heddes'
# "Arxiv" corpus of papers): platforms, code hosts, preprint servers and publishers, a footnote digit after
# them or not ("Kaggle", "Mechanical Turk", "arXiv", "Springer"), and conferences with or without a year
# ("CVPR", "ACL 2011"). Names that also name data (NIPS, ISBI, MICCAI, ICDAR, TREC, CoNLL, WMT, SemEval,
# KDD Cup 99, the ACM graph) are not among them.
NOT_DATASET_KEY = re.compile(
    r"(?:(?:amazon)?mechanicalturk|mturk|crowdflower|figureeight|prolific|kaggle|github|gitlab|zenodo|figshare|"
    r"arxiv|biorxiv|medrxiv|openreview|googlescholar|springer|elsevier|ieee)\d?|"
    r"(?:cvpr|iccv|eccv|iclr|icml|neurips|aaai|ijcai|acl|emnlp|naacl|eacl|coling|sigir|wacv|bmvc|icassp|interspeech)"
    r"(?:\d{2}|\d{4})?")
# A task's or field's abbreviation in capitals, or a run of them ("QA", "NLG", "SMT NMT", "MDS" for
# multi-document summarization): what a dataset is for, not its name; no gold mention of the hand-annotated
# training sentences is one alone (three are one with "datasets": "QA datasets", a kind of data, no name).
_TASK_ABBREVIATION = r"(?:QA|MRC|NLG|NLU|NLP|NLI|MT|NMT|SMT|ASR|TTS|SLU|DST|NER|SRL|IE|IR|EL|MDS)"
TASK_ABBREVIATION = re.compile(rf"{_TASK_ABBREVIATION}(?:[\s/]+{_TASK_ABBREVIATION})*")
# Keys of the pretrained language models and the evaluation metrics that papers name beside their data
# ("SciBERT", "BERT-base", "RoBERTa-large", "GPT-2"; "BLEU-4", "ROUGE-L", "CIDEr-D", "WUPS0.9"): a model or
# a metric, not a dataset, where the mention is the name alone ("the SciBERT corpus" is data) and the
# catalogue does not link it (the Atari game "Q*bert"). No name of the hand-annotated training, dev or
# linking sets has such a key.
MODEL_OR_METRIC_KEY = re.compile(r"[a-z\d]*(?:bert|roberta|gpt)(?:base|large|\d)*|"
                                 r"(?:bleu|rouge|meteor|cider|wups|chrf|bertscore)(?:[a-z]?\d*)*")
# A name of two or more words that ends in an organisation's word: the hospital, university or company that
# gave the data, not the data ("Pauls Stradins Clinical University Hospital"); no hand-annotated training,
# dev or INLG mention ends in one.
ORGANISATION_END = re.compile(r"\S\s+(?:Hospital|University|Institute|Laboratory|Laboratories|Foundation|Corporation|Agency|"
                              r"Ministry|Clinic|Company|Inc|Ltd)\.?$", re.IGNORECASE)
# A bracket at the end of a name with no digit in it: what else the dataset is called ("MeSH (MAG)",
# "CUB-200-2011 (Birds)"), not a version ("MultiWOZ (2.1)"). (A name never ends in an open bracket.)
BRACKET_TAIL = re.compile(r"\s*\([^()\d]*\)$")
# A citation in brackets inside a name, a word and a year ("MSNBC (Cucerzan, 2007) news datasets",
# "Wikipedia (Wikipedia, 2004) data"): not part of the name; a year alone in brackets ("COCO (2014)") is a version.
CITATION_BRACKET = re.compile(r"\s*\((?=[^()]*[A-Za-z]{2})[^()]*\b(?:19|20)\d\d[a-z]?\)")
# A count of classes before a name ("1000-class ImageNet"): what of the dataset a paper uses, not a dataset of
# its own.
CLASS_COUNT = re.compile(r"^\d+(?:,\d{3})*[-\s]class(?:es)?\s+(?=\S*[A-Z])")
# Lower-case words at the end of a name ("Triangle-COPA question", "MS-Celeb face", "VADER sentiment analyzer"):
# what the model took with the name, where the catalogue links no mention of it.
LOWER_TAIL = re.compile(r"(?:\s+[a-z]+)+$")
# A software word at the end of a mention ("SimpleNLG software", "LG-Eval toolkit", "VADER sentiment analyzer"):
# the paper calls the name a tool; where the catalogue links no such mention, its list leaves the name out.
SOFTWARE_END = re.compile(rf"\s(?:{TOOL_WORDS}|API)$", re.IGNORECASE)
# Words after a name that describe the dataset, not a part or version of it: each in lower case or
# capitalised, letters only, or a task's abbreviation ("MPII Human Pose", "IMDB movie review", "WMT'14 English
# to French", "E2E NLG"; not "ITOP front-view", "CHiME 4", "ImageNet VID").
DESCRIPTION = re.compile(rf"(?:\s+(?:[A-Z]?[a-z]+|{_TASK_ABBREVIATION}))+")
# Split words (SPLIT_WORDS); a split phrase is one, maybe with a word after it ("test set", "training split",
# "test-set", "testset").
SPLIT_WORD = "(?:%s)" % "|".join(SPLIT_WORDS)
SPLIT_PHRASE = rf"{SPLIT_WORD}(?:[\s-]*(?:sets?|splits?|subsets?|portion|partition))?"
# A size alone, a split word after it or not ("5K" cut from "ImageNet-1K and 5K", "1k training set"):
# a part of a dataset whose name is elsewhere, not a dataset's name.
SIZE_ONLY = re.compile(rf"\d+(?:[.,]\d+)?\s*[km](?:\s+{SPLIT_WORD}(?:\s+sets?)?)?", re.IGNORECASE)
# Split words at the end of a name: "CIFAR-10 test set" names CIFAR-10.
SPLIT_TAIL = re.compile(rf"(?:\s+{SPLIT_PHRASE})+$", re.IGNORECASE)
# Task words (TASK_WORDS, a kind of segmentation, the linker's EVENT_WORDS) and split words at the end of
# a name, any run of them: a paper's list counts "COCO object detection task" as COCO, "MPII validation
# set" as MPII and "COCO 2017 instance segmentation competition" as COCO 2017.
TASK_WORD = "(?:%s)" % "|".join(w.replace(" ", r"\s+") for w in (r"(?:instance|semantic|panoptic)\s+segmentation",
                                                                    *TASK_WORDS, *EVENT_WORDS))
TASK_OR_SPLIT_TAIL = re.compile(rf"(?:\s+(?:{TASK_WORD}|{SPLIT_PHRASE}))+$", re.IGNORECASE)


class DatasetRule(NamedTuple):
    """Which of a paper's datasets its list keeps: paper confidence at least `threshold`, a link of
    one of its mentions to the catalogue (dataset_linker) counting as one more mention of confidence
    `catalogue_evidence`; the mentions in the reference list and in-text citations counted too with
    `include_references`."""

    threshold: float = DEFAULT_DATASET_THRESHOLD
    include_references: bool = False
    catalogue_evidence: float = DEFAULT_CATALOGUE_EVIDENCE


def is_counted(mention: dict, rule: DatasetRule, key: Optional[str] = None) -> bool:
    """Whether a paper's list counts `mention` (its list_key `key`, computed here where not given): not a
    long number, a size alone (SIZE_ONLY), a row of a table (TABLE_ROW), a name that is never a dataset
    (NOT_DATASET_KEY: "Kaggle", "CVPR 2017"; ORGANISATION_END: "X University Hospital"; TASK_ABBREVIATION:
    "QA"), nor, where the catalogue does not link it, one lower-case word ("lowercasing", "conversational";
    "cora" linked stays) or a language model's or metric's name alone (names_a_model_or_metric), and (unless
    `rule.include_references`) neither in the reference list nor an author's name in a citation."""
    name = mention["name"]
    if LONG_NUMBER.search(name) or SIZE_ONLY.fullmatch(name) or ORGANISATION_END.search(name) \
            or TASK_ABBREVIATION.fullmatch(name) or TABLE_ROW.search(name):
        return False
    if not mention.get("dataset_id") and (LOWER_WORD.fullmatch(name) or names_a_model_or_metric(mention)):
        return False
    if not (rule.include_references or (mention.get("section") != REFERENCES and not mention.get("citation"))):
        return False
    return not NOT_DATASET_KEY.fullmatch(list_key(mention) if key is None else key)


def names_a_model_or_metric(mention: dict) -> bool:
    """Whether `mention` is a language model's or a metric's name alone (MODEL_OR_METRIC_KEY; its text
    ends in the name's last word, so no head noun such as "corpus" followed it)."""
    alone = mention["text"].split()[-1:] == mention["name"].split()[-1:]
    return alone and MODEL_OR_METRIC_KEY.fullmatch(mention["key"]) is not None


def noisy_or(confidences: Iterable[Optional[float]]) -> Optional[float]:
    """The chance that at least one mention is right, each right with its confidence independently:
    1 - prod(1 - c); None where no mention has a confidence."""
    known = [c for c in confidences if c is not None]
    if not known:
        return None
    none_right = 1.0
    for confidence in known:
        none_right *= 1.0 - confidence
    return 1.0 - none_right


def footnote_stem(key: str, names: Iterable[str], keys) -> Optional[str]:
    """The other key among `keys` that `key`, spelled `names`, is with a footnote mark (FOOTNOTE_MARK,
    glued to each name: GLUED_DIGIT), else None."""
    marked = FOOTNOTE_MARK.fullmatch(key)
    glued = all(GLUED_DIGIT.search(name) for name in names)
    return marked["stem"] if marked and glued and marked["stem"] in keys else None


def singular_key(key: str, names: Iterable[str], keys) -> Optional[str]:
    """The other key among `keys` that `key`, spelled `names`, is in the plural (PLURAL_ENDS: one "s"
    or "es" more after a lower-case letter in each name), else None."""
    for end, plural in PLURAL_ENDS.items():
        if key.endswith(end) and key[:-len(end)] in keys and all(plural.search(name) for name in names):
            return key[:-len(end)]
    return None


def name_key(name: str) -> str:
    """The key a paper's list counts `name` under: the key of the name without a citation in brackets
    inside it or a citation key after it (CITATION_BRACKET; CITATION_TAIL, without_repeated_name:
    "WikiText-103 merity2016pointer" counts as WikiText-103), without lower-case words or a count of
    classes before it (LEADING_WORDS: "word-level Penn Treebank" counts as Penn Treebank; CLASS_COUNT:
    "1000-class ImageNet" as ImageNet), without a bracket after it (BRACKET_TAIL: "MeSH (MAG)" counts as
    MeSH) and, where it ends in task or split words (TASK_OR_SPLIT_TAIL), without them ("COCO object
    detection task" counts as COCO, "MPII validation set" as MPII), so long as another word is left."""
    stripped = without_repeated_name(CITATION_TAIL.sub("", CITATION_BRACKET.sub("", name)))
    stripped = CLASS_COUNT.sub("", LEADING_WORDS.sub("", stripped))
    unbracketed = BRACKET_TAIL.sub("", stripped)
    if any(ch.isalpha() for ch in unbracketed):
        stripped = unbracketed
    shorter = TASK_OR_SPLIT_TAIL.sub("", stripped)
    if shorter != stripped:
        rest = TASK_OR_SPLIT_TAIL.sub("", " " + shorter)  # empty where the name is such words alone ("object detection")
        if any(ch.isalpha() for ch in rest):
            stripped = shorter
    return name_and_key(stripped)[1]


def named_by_catalogue(words: str, full_name: Optional[str]) -> bool:
    """Whether one of the lower-case `words` after a linked name begins (its word_stems) a word of
    the catalogue's name of its dataset ("polarity" of Yelp Review Polarity, "movie" of IMDb Movie
    Reviews; not "face" of MS-Celeb-1M), or that name is not known."""
    if not full_name:
        return True
    catalogue_words = LOWER_WORD.findall(full_name.lower())
    return any(known.startswith(stem) for stem in word_stems(words) for known in catalogue_words)


def list_key(mention: dict) -> str:
    """The key a paper's list counts `mention` under: where its key is its name's, name_key of its name,
    or that of its name without lower-case words at the end (LOWER_TAIL: "Triangle-COPA question" counts
    as Triangle-COPA, linked "MS-Celeb face" as MS-Celeb) if what is left has a capital and another
    letter, its key begins the name's and names no platform or conference (NOT_DATASET_KEY: "arXiv
    summarization" stays), and for a linked mention, no word of them is in the catalogue's name of its
    dataset (named_by_catalogue: "Yelp polarity" stays); else its key (a catalogue id the report gave it
    stays)."""
    name, key = mention["name"], mention["key"]
    if name_and_key(name)[1] != key:
        return key
    key = name_key(name)
    short = LOWER_TAIL.sub("", name)
    if short == name or not any(ch.isupper() for ch in short) or sum(ch.isalpha() for ch in short) < 2 \
            or mention.get("dataset_id") and named_by_catalogue(name[len(short):], mention.get("dataset_full_name")):
        return key
    short_key = name_key(short)
    cut = short_key != key and key.startswith(short_key) and not NOT_DATASET_KEY.fullmatch(short_key)
    return short_key if cut else key


def most_frequent(counts: Counter):
    """The most frequent item of `counts`, ties broken by the first in sort order; None if empty."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else None


def list_name(names: Counter, key: str) -> str:
    """The name a list shows for `key` spelled `names` (a Counter): the most frequent of the names that
    are spelled as the key (name_key), else of all ("Triangle-COPA" of "Triangle-COPA question" twice
    and "Triangle-COPA" once)."""
    return most_frequent(Counter({name: n for name, n in names.items() if name_key(name) == key}) or names)


def shorter_name_of(key: str, names: Dict[str, Counter], same_id: List[str],
                    fits: Callable[[str, str], bool]) -> Optional[str]:
    """The first key among `same_id` (other keys linked to the catalogue dataset `key` is linked to,
    not merged already) whose name `short` `fits(short, name)` with `key`'s `name`, else None.
    `names`: key → Counter of its names."""
    name = most_frequent(names[key])
    for other in same_id:
        if other != key and other in names and fits(most_frequent(names[other]), name):
            return other
    return None


def long_form_of(key: str, names: Dict[str, Counter], same_id: List[str]) -> Optional[str]:
    """The key among `same_id` whose name abbreviates `key`'s without beginning it (shorter_name_of),
    else None: `key` names it in full ("IARPA Janus Benchmark A" of "IJB-A", "Street View House
    Numbers" of "SVHN"; not "ITOP front-view" of "ITOP", a part)."""
    return shorter_name_of(key, names, same_id, lambda short, name: is_abbreviation(short, name) and
                           not name.casefold().startswith(short.casefold()))


def described_form_of(key: str, names: Dict[str, Counter], same_id: List[str]) -> Optional[str]:
    """The key among `same_id` whose name `key`'s name is with words that describe it after it
    (shorter_name_of, DESCRIPTION: "MPII Human Pose" of "MPII"), else None."""
    return shorter_name_of(key, names, same_id, lambda short, name: name[:len(short)].casefold() == short.casefold()
                           and DESCRIPTION.fullmatch(name[len(short):]) is not None)


def paper_datasets(mentions: Iterable[dict], rule: DatasetRule = DatasetRule()) -> List[dict]:
    """{"name", "key", "dataset_id", "mentions", "confidence"} per key (list_key: task and split
    words after a name dropped) among the mentions counted (is_counted): its name (list_name), the most
    frequent catalogue id (ties: the first in sort order; null where no mention is linked), the number of
    mentions, their noisy-or confidence with `rule.catalogue_evidence` added where one is linked
    (rounded to 4 places; null for a pipeline without confidence, whose datasets are all kept). A key
    that is another of the paper's keys with a footnote mark (FOOTNOTE_MARK) or in the plural
    (singular_key) counts under that key,
    and so does then the long form of another key linked to the same dataset (long_form_of), and
    another key's name with words that describe it after it, linked to the same dataset
    (described_form_of).
    A lower-case word with a footnote mark written once (FOOTNOTE_WORD) is not counted. Datasets below
    `rule.threshold` are left out, and so are names the paper calls a tool (a mention ending in a tool's word,
    SOFTWARE_END, or marked "tool" by tool_names.mark_tools); the rest come by mentions, then key. A
    mention the catalogue links is exempt from the footnote and the tool rules."""
    names, ids, confidences, tools = {}, {}, {}, set()
    counted = [(mention, key) for mention in mentions for key in [list_key(mention)] if is_counted(mention, rule, key)]
    written = Counter(mention["name"] for mention, _key in counted)
    for mention, key in counted:
        linked = bool(mention.get("dataset_id"))
        if not linked and written[mention["name"]] == 1 and FOOTNOTE_WORD.fullmatch(mention["name"]):
            continue
        if not linked and (mention.get("tool") or SOFTWARE_END.search(mention["text"].strip())):
            tools.add(key)
        names.setdefault(key, Counter())[mention["name"]] += 1
        ids.setdefault(key, Counter()).update(filter(None, [mention.get("dataset_id")]))
        confidences.setdefault(key, []).append(mention.get("confidence"))

    def merge(key, into):
        confidences[into] += confidences.pop(key)
        names[into].update(names.pop(key))
        ids[into].update(ids.pop(key))

    for key in list(names):
        stem = footnote_stem(key, names[key], names) or singular_key(key, names[key], names)
        if stem:
            merge(key, stem)
    linked_to = {key: most_frequent(counts) for key, counts in ids.items()}  # a merge keeps the id of both keys
    keys_of = {}  # catalogue id → the keys linked to it
    for key, entry_id in linked_to.items():
        keys_of.setdefault(entry_id, []).append(key)
    for key, entry_id in linked_to.items():
        if entry_id is None:
            continue
        short = long_form_of(key, names, keys_of[entry_id]) or described_form_of(key, names, keys_of[entry_id])
        if short:
            merge(key, short)
    datasets = []
    for key, counts in names.items():
        if key in tools:
            continue
        dataset_id = most_frequent(ids[key])
        confidence = noisy_or(confidences[key])
        if confidence is not None and dataset_id is not None:
            confidence = noisy_or([confidence, rule.catalogue_evidence])
        if confidence is not None and confidence < rule.threshold:
            continue
        datasets.append({"name": list_name(counts, key), "key": key, "dataset_id": dataset_id,
                         "mentions": sum(counts.values()),
                         "confidence": None if confidence is None else round(confidence, 4)})
    return sorted(datasets, key=lambda d: (-d["mentions"], d["key"]))
