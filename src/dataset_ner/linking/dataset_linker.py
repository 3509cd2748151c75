"""The `dataset_linker` component: the catalogue dataset each mention names, as `ent.kb_id_` (the
catalogue id), `ent._.dataset_url` and `ent._.dataset_full_name`; "" and None where it names none
the table knows, or one of several it cannot tell apart."""

import re
import string
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Collection, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..pipeline.mention_names import BRACKETED, LEADING_WORDS, dataset_key, dataset_name, is_abbreviation, name_and_key
from ..pipeline.vocabulary import SPAN_HEAD_NOUNS
from .alias_table import NIL, AliasTable, read_table, write_table, written_plain
from .tool_words import TOOL_WORDS

DATASET_LINKER = "dataset_linker"
MAX_REMEMBERED = 100_000  # names whose key the linker remembers, forgotten all at once past this
# name_and_key of the forms a name is tried in, remembered: forms repeat within a name and across names
form_name_and_key = lru_cache(maxsize=MAX_REMEMBERED)(name_and_key)
SENSE_WINDOW = 30  # tokens on each side of a mention whose words pick a sense of its key (the table's senses)
# A name of at most three letters, all in lower case ("ind", "wsj"): a word, a language code or a short name
# written as one, which links only to an alias the catalogue spells so ("aip"), not to "inD Dataset" or "WSJ".
SHORT_LOWER = re.compile(r"[a-z]{1,3}")
# A trailing version ("ILSVRC 2012", "SQuAD v1.1", "SQuAD 2.0", "Penn Treebank III", "MNIST 12k",
# "Switchboard 300h", "Switchboard 300 hour", a number of one or two digits after a space or hyphen: "RTE-5") and a
# trailing split ("COCO validation set", "SQuAD dev", "COCO test-dev", "VQA 2.0 test-std split", "IJB-A split-1", "COCO
# val2014", "WSJ eval92", "Sintel final pass", "SQuAD testset"): what is tried without them when the whole name
# is unknown.
VERSION = re.compile(r"(?:[\s_-]*\bv(?:ersion)?\s*\d+(?:\.\d+)*|[\s_-]*(?:19|20)\d\d|[\s_-]*\d+\.\d+|"
                     r"\s+(?:I{1,3}|IV|V)|-(?:II|III|IV)|[\s_-]*\d+(?:[kmh]|\s*(?:hrs?|hours?))|[\s_-]+\d{1,2})$",
                     re.IGNORECASE)
SPLIT = re.compile(r"[\s_-]+(?:(?:train(?:ing)?|dev(?:elopment)?|val(?:idation)?)(?:\s+and\s+|\s*/\s*)"
                   r"(?:test(?:ing|-dev)?|val(?:idation)?|dev)(?:\s+(?:sets?|splits?|data))?|"
                   r"(?:train(?:ing)?|test(?:ing)?|dev(?:elopment)?|val(?:idation)?|eval(?:uation)?)\d*"
                   r"(?:[\s_-]*set|[\s_-]+(?:split|data|clean|other))?|"
                   r"test-?(?:dev|std|standard|challenge)(?:[\s_-]+(?:set|split))?|trainval|split[\s_-]*\d+|"
                   r"(?:final|clean)[\s_-]+pass)$", re.IGNORECASE)
# "set" or "split" after "test" ("Story Cloze test set"): dropped first, for the names that end in "Test" ("Story
# Cloze Test", "Children's Book Test").
TEST_SET = re.compile(r"(?<=\b[Tt]est)[\s_-]*(?:set|split)$")
# A range of years at the end of a name ("DUC 2005-2007", "TREC 2009 to 2012"): several datasets, so no year of it
# is dropped to find one.
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*(?:[-–/]|to)\s*(?:19|20)?\d\d$")
# Generic words after a name that dataset_name keeps ("CoNLL'03 shared task", "ATIS domain"); "treebank" in
# lower case ("CTB-5 dependency treebank"; "Penn Treebank" is a name).
_COLLECTIONS = tuple(word for word in SPAN_HEAD_NOUNS if word.startswith(("corp", "collection")))  # corpus, collection(s)
# Words of an event or setting after a name ("ImageNet 2013 competition", "Pascal VOC 2012 evaluation server").
EVENT_WORDS = ("competition", "contest", "workshop", "leaderboard", "evaluation server", "server", "track", "protocol")
_TRAILING_WORDS = ("shared task", "shared tasks", "task", "tasks", "domain", "splits") + EVENT_WORDS + _COLLECTIONS + tuple(
    "test " + w for w in _COLLECTIONS if "coll" in w)
TRAILING = re.compile(r"\s+(?:(?i:%s)|treebank)$" % "|".join(w.replace(" ", r"\s+") for w in _TRAILING_WORDS))
# Words of the task or kind of data between a name and its head noun ("CIFAR-10 object recognition
# datasets", "MS-COCO object detection and segmentation benchmark", "ShapeNet model database",
# "FrameNet lexicon", "CoNLL-2012 Shared Task English datasets", "GLUE diagnostic entailment dataset",
# "KITTI VO dataset", "ITOP 3D human pose estimation dataset", "WikiText-2 language modeling datasets",
# "LibriSpeech LM corpus"), dropped from the end as a run ("and" only between two of them); not "video"
# ("ImageNet video" is another dataset).
_BENCHMARKS = tuple(word for word in SPAN_HEAD_NOUNS if word.startswith("benchmark"))  # benchmark, benchmarks
_DESCRIPTORS = ("object", "objects", "image", "scene", "recognition", "detection", "segmentation",
                "semantic segmentation", "instance segmentation", "panoptic segmentation", "classification",
                "retrieval", "tracking", "QA", "question answering", *_BENCHMARKS, "challenge", "model",
                "lexicon", "English", "Chinese", "German", "French", "Spanish", "Japanese", "Arabic", "multilingual",
                "entailment", "sentiment", "parsing", "tagging", "POS", "tag", "tags", "dictionary", "dependency",
                "constituency", "translation", "summarisation", "summarization", "NER", "diagnostic", "movie",
                "review", "reviews", "stereo", "depth", "odometry", "visual odometry", "VO", "pose", "face", "flow",
                "optical flow", "action", "activity", "pedestrian", "handwritten", "digit", "digits", "2D", "3D",
                "human pose", "estimation", "language model", "language modeling", "language modelling", "LM",
                "question-answering", "textual", "knowledge graph", "raw", "news", "news stories", "news articles",
                "news data")
_DESCRIPTOR = "(?:%s)" % "|".join(r"\s+".join(map(re.escape, words.split())) for words in _DESCRIPTORS)
DESCRIPTORS = re.compile(rf"(?:\s+{_DESCRIPTOR}(?:\s+and\s+{_DESCRIPTOR})?)+$", re.IGNORECASE)
# A language or language pair after a name ("WMT'14 English to French", "ASPEC English-to-Japanese",
# "IWSLT 2015 en-vi", "DIRHA-English", "XNLI-en", "XNLI-xx" for any language): the dataset's part in those
# languages, dropped from the end.
_LANGUAGE = (r"(?:English|German|French|Spanish|Japanese|Chinese|Arabic|Romanian|Russian|Czech|Finnish|Turkish|"
             r"Estonian|Latvian|Hindi|Italian|Portuguese|Dutch|Korean|Vietnamese|Polish|Swedish)")
_CODE = r"(?:en|de|fr|es|ja|zh|ar|ro|ru|cs|fi|tr|et|lv|hi|it|pt|nl|ko|vi|pl|sv|xx)"
_ARROW = r"\s*(?:-|–|→|->|/)\s*"  # between the two languages of a pair: "English-German", "En→De"
_LANGUAGE_PAIR = rf"{_LANGUAGE}(?:{_ARROW}|-to-|\s+to\s+){_LANGUAGE}"
LANGUAGES = re.compile(rf"(?:\s+(?:{_LANGUAGE_PAIR}(?:,?\s+and\s+{_LANGUAGE_PAIR})?|(?i:{_CODE}{_ARROW}{_CODE}))|"
                       rf"(?<=[A-Za-z\d])-(?:{_LANGUAGE}|{_CODE}))$")
# What a name's head noun is said to hold ("CelebA data set of celebrity faces", "Cityscapes dataset of urban
# scenes", "OpenImagesV4 containing million images"), dropped from the end.
_HOLDERS = "|".join(word.replace(" ", r"\s+") for word in SPAN_HEAD_NOUNS if not word.startswith("treebank"))
HOLDING = re.compile(rf"(?<=\S)(?:\s+(?:{_HOLDERS})\s+(?:of|containing|with)|\s+(?:containing|with))\s+(?!the\b)[^()]*$",
                     re.IGNORECASE)
# A named part or category of a dataset ("ShanghaiTech Part B", "ClueWeb09 category B", "KITTI 141
# subset"); not a trailing "Part" ("Pascal VOC Part" is PASCAL-Part).
PART = re.compile(r"\s+(?:(?:part|category|subset)\s+(?:[A-Z]|\d+)|(?:[A-Z]\s+|\d+\s+)?subset)$", re.IGNORECASE)
# The word of a named part, tried dropped alone before the part ("ClueWeb09 category B" → "ClueWeb09 B", the
# catalogue's ClueWeb09-B, then "ClueWeb09").
PART_WORD = re.compile(r"\s+(?:part|category)(?=\s+(?:[A-Z]|\d+)$)", re.IGNORECASE)
# Where a whole name is unknown: leading publishers, platforms or organisers ("Reuters RCV1", "Google
# Billion-Word Corpus", "PASCAL RTE", "NIST TAC RTE 5", "TREC ClueWeb09"), dropped as the last resort where
# what is left is more than an ordinary word ("Pascal Faces" is not "Faces"); not "MS"/"Microsoft" or
# "Penn", which the table knows as part of names ("Penn Treebank": not "Treebank"), nor "TREC-" ("TREC-CAR"),
# nor one before "and" ("Wikipedia and Enron" names two datasets).
_SOURCES = ("Reuters", "Google", "Amazon", "Twitter", "Facebook", "Yahoo!?", "Wikipedia", "Baidu", "Alibaba", "PASCAL",
            "NIST", "LDC", "INRIA", "TAC", "MIT", "Stanford", "Berkeley")
SOURCES = re.compile(r"^(?:(?:%s)(?:['’]s)?[\s-]+|TREC\s+)+(?!(?:and|or|&)\s)(?=\S+\s+\S|\S(?-i:\S*[A-Z\d]))"
                     % "|".join(_SOURCES), re.IGNORECASE)
# the first letters of SOURCES' words, in both cases (sub_at_start)
SOURCE_INITIALS = "".join(sorted({letter for word in _SOURCES + ("TREC",) for letter in (word[0], word[0].lower())}))
# A name that lists versions ("Something-Something v1 & v2", "KITTI 2012 and 2015") names several
# datasets: what is left once its last version goes is no name to try.
LIST_END = re.compile(r"(?:\s*[&,/+]|\s+and|\s+or)$", re.IGNORECASE)
# A named split alone ("test-clean", "dev-other", "test-dev", "test-standard set"): the split of the document's
# dataset.
NAMED_SPLIT = re.compile(r"^(?:(?:train|test|dev|val)-(?:clean|other|dev|std|standard|challenge)|trainval|"
                         r"test-dev(?:20\d\d)?)(?:[\s_-]+(?:set|split))?$", re.IGNORECASE)
# A year or a round thousand, also tried short: "trec2005" → "trec05", "ImageNet-1000" → "ImageNet-1K".
SHORT_FORMS = re.compile(r"(?<![\d.])(?:(?:19|20)(\d\d)|([1-9]\d{0,2})000)(?=\D*$)")
# The word "English" before or inside a name ("English Switchboard", "Penn English Treebank"), dropped
# as a last resort.
ENGLISH = re.compile(r"^English\s+(?=\S)|(?<=\S)\s+English(?=\s+\S)")
# The part of a dataset named before "of"/"from" ("English test data of the CoNLL-2012 shared task",
# "Wall Street Journal portion of the Penn Treebank"), dropped as a last resort.
PART_OF = re.compile(r"^.*?\S\s+(?:of|from)\s+(?:the\s+)?(?=\S)", re.IGNORECASE)
# A plural last word after another word ("Pascal Faces", "KTH Actions"), tried in the singular as a
# last resort; not one word alone ("recipes", "Spaces": ordinary nouns), nor "-is", "-ss", "-us".
PLURAL = re.compile(r"\S\s+\S*[a-z]{2}[a-hj-rtv-z]s$")
# A last word in the singular where the table knows the plural ("Cityscape", "Mapillary Vista",
# "20Newsgroup", "Street View House Number"), tried in the plural as a last resort (plural) where the
# name's key has this many characters or more ("Glass", "Protein", "Map" are other datasets than
# "GlaS", "PROTEINS", "MAPS").
MIN_PLURAL_KEY = 8
# A bracketed abbreviation inside the name ("Penn Treebank (PTB) III", "Wall Street Journal (WSJ)
# eval92") and a two-digit year ("CoNLL'03").
INNER_ABBREVIATION = re.compile(r"^(?P<long>.*?\S)\s*\((?P<short>[^()]+)\)(?P<rest>.*)$")
SHORT_YEAR = re.compile(r"\s*['’](\d\d)\b")
# A two-digit year glued to the end of a name ("VOC12", "ILSVRC-12", "WMT14") or after a space ("IWSLT 15"):
# tried written out after the name's other spellings, before its last resorts.
_TWO_DIGIT_YEAR = r"(0\d|1\d|2[0-5]|9\d)"  # a year written short, the group full_year reads
GLUED_YEAR = re.compile(rf"(?<=[A-Za-z])(?:[_-]?|\s+){_TWO_DIGIT_YEAR}$")
# A two-digit year glued to a form of the name (shorter_forms: "VOC12" of "VOC12 trainval"; not a split's
# "eval92", nor a hyphenated number: "CIFAR-10"): the key with it written out is tried before the form's
# own, as the catalogue files some glued spellings under the dataset without a year (Papers with Code
# lists "VOC12" as PASCAL VOC, not VOC 2012).
GLUED_ONLY = re.compile(rf"(?<=[A-Za-z])(?<!eval)(?<!dev)(?<!test)(?<!val)(?<!train){_TWO_DIGIT_YEAR}$")
YEAR = re.compile(r"(?:19|20)\d\d")
# A version number written with "v" or "version" ("OntoNotes v5.0"), also tried without it ("OntoNotes 5.0").
V_VERSION = re.compile(r"(?<=\w)[\s_-]*\bv(?:ersion)?\s*(?=\d+(?:\.\d+)*$)", re.IGNORECASE)
# A footnote mark glued after a sentence's period at the end of a name ("Open-Subtitles.8"), dropped as a
# last resort.
FOOTNOTE_END = re.compile(r"(?<=[a-z]{2})\.\d{1,2}$")
# A digit, which SHORT_YEAR, CITATION_TAIL, CLASSES and LEADING_YEAR all need to match: a name without one
# skips them (digit_sub), for speed; GLUED_YEAR, GLUED_ONLY, V_VERSION and FOOTNOTE_END need one at the end
# (end_digit_sub).
DIGIT = re.compile(r"\d")

# Lower-case words after a name ("BioGRID interaction dataset", "WMT16 parallel set", "Pubmed citation
# network datasets", "Cityscapes datset"), dropped where nothing else is known and what is left has a
# capital or a digit, unless the table knows a longer name of that dataset that goes on with one of the
# words ("COCO keypoint", "COCO image caption", "ImageNet video", "Quora question paraphrases": COCO
# Keypoints, COCO Captions, ImageNet VID, Quora Question Pairs), a part the words may name.
LOWER_TAIL = re.compile(r"(?:\s+[a-z][a-z-]*)+$")
CAPITAL_OR_DIGIT = re.compile(r"[A-Z\d]")
TOOL_END = re.compile(rf"\b(?:{TOOL_WORDS})$", re.IGNORECASE)  # a tool's name ("Penn Treebank tokenizer")
STEM = 3  # the first letters of a word of the tail that a longer name goes on with
# A typo of a name the table knows ("AcitvityNet", "MINIST", "FB15-237", "WIKBIO"), tried where no key is
# known: a name written as a dataset's (a digit, or a capital after its first letter: not "forums",
# "Pioneer"), not ending in a Roman numeral ("MIMIC II" is not MIMIC-III), and a one-word form of it whose
# key has this many characters or more.
MIN_TYPO_KEY = 6
NAME_LIKE = re.compile(r"\d|\S[A-Z]")
ROMAN_END = re.compile(r"[\s-](?:I{1,3}|IV|VI{0,3})$")

for _attr in ("dataset_url", "dataset_full_name"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


def is_named_split(text: str) -> bool:
    """Whether `text` is a named split alone (NAMED_SPLIT), looked for where it begins as one can."""
    text = text.strip()
    return text[:1] in "tTdDvV" and NAMED_SPLIT.match(text) is not None


def digit_sub(pattern: re.Pattern, replacement, text: str) -> str:
    """`pattern.sub(replacement, text)` for a pattern that needs a digit (DIGIT): `text` itself where it has none."""
    return pattern.sub(replacement, text) if DIGIT.search(text) else text


def end_digit_sub(pattern: re.Pattern, replacement, text: str) -> str:
    """`pattern.sub(replacement, text)` for a pattern that needs a digit at the end of the text (GLUED_YEAR,
    GLUED_ONLY, V_VERSION, FOOTNOTE_END; names are in one line): `text` itself where it ends in none."""
    return pattern.sub(replacement, text) if text[-1:].isdigit() else text


def full_year(match: re.Match) -> str:
    """A two-digit year match (SHORT_YEAR) written out: "'03" → " 2003", "'98" → " 1998"."""
    return f" {'19' if match[1] > '50' else '20'}{match[1]}"


def shortened(match: re.Match) -> str:
    """A SHORT_FORMS match in its other spelling."""
    return match[1] if match[1] else f"{match[2]}K"


def singular(name: str) -> str:
    """`name` with its plural last word (PLURAL) in the singular: "KTH Actions" → "KTH Action"."""
    return name[:-1] if name.endswith("s") and PLURAL.search(name) else name


def plural(name: str) -> str:
    """`name` with its last word in the plural where that word is the name or capitalised, the key is
    long enough (MIN_PLURAL_KEY) and the "s" stays in the key: "Cityscape" → "Cityscapes", "Mapillary
    Vista" → "Mapillary Vistas"; not "ImageNet video", whose "videos" is a head noun that dataset_name
    drops."""
    words = name.split()
    last = words[-1] if words else ""
    if not (last[-1:].islower() and last[-1] != "s" and (last[0].isupper() or last == name)):
        return name  # not "KITTI 141 subset", "ShapeNet model": a generic word after a name
    key = form_name_and_key(name)[1]
    return name + "s" if len(key) >= MIN_PLURAL_KEY and form_name_and_key(name + "s")[1] == key + "s" else name


# A citation key after the name, as LaTeX sources leave them ("NarrativeQA KociskySBDHMG18", "CoQA ReddyCM18",
# "1B Word Benchmark Chelba2014OneBW", "SNLI corpus snliemnlp2015"): a surname, then capitals and a
# two-digit year, or a four-digit year with letters after it or before it in lower case.
CITATION_TAIL = re.compile(r"(?<=\S)\s+(?:[A-Z][a-z]+[A-Z]+\d\d|[A-Za-z]+(?:19|20)\d\d[A-Za-z]\w*|[a-z]+(?:19|20)\d\d)$")


def without_repeated_name(name: str) -> str:
    """`name` without a last word that repeats the name's start, as a citation key does ("MSCOCO dataset
    mscoco", "UCI machine learning repository UCI")."""
    rest, _, last = name.rpartition(" ")
    return rest if rest and last.isalnum() and is_subsequence(last.lower(), dataset_key(rest)) \
        and form_name_and_key(rest)[1].startswith(last.lower()) else name


def is_subsequence(letters: str, text: str) -> bool:
    """Whether `letters` occur in `text` in order: a key that begins with them must have them so (a quick
    test before the name's key is made)."""
    rest = iter(text)
    return all(letter in rest for letter in letters)


# A count of classes before a name, which the table knows after it ("1000-class ImageNet" is ImageNet-1K,
# "21K-class ImageNet" ImageNet-21K).
CLASSES = re.compile(r"^([1-9]\d{0,2})(?:,?000|K)[\s-](?:class|category|categories)\s+(.*\S)$", re.IGNORECASE)

# A language pair before a name ("English-to-German WMT 2014"), dropped as a last resort.
LEADING_LANGUAGES = re.compile(rf"^{_LANGUAGE_PAIR}\s+(?=\S)")
LANGUAGE_INITIALS = "".join(sorted({word[0] for word in re.findall("[A-Za-z]+", _LANGUAGE)}))
# A year before a name ("2016 COCO", "2013 ILSVRC"), which the table knows after it.
LEADING_YEAR = re.compile(r"^((?:19|20)\d\d)\s+(\S.*)$")

# "and" or "&" between two words of a name, which the table may know with a slash ("CNN and Daily Mail" is
# "CNN/Daily Mail").
AND = re.compile(r"(?<=\S)\s+(?:and|&)\s+(?=\S)")


def sub_at_start(pattern: re.Pattern, replacement: str, initials: str, name: str) -> str:
    """`pattern.sub(replacement, name)` for a pattern anchored at the start whose match begins with one of
    `initials` (or a character not in ASCII, which case-insensitive matching may fold): `name` itself
    where it begins otherwise."""
    return pattern.sub(replacement, name) if name[:1] in initials or not name[:1].isascii() else name


def and_as_slash(name: str) -> str:
    """`name` with "and" or "&" between two words as a slash (AND); only looked for where it has one."""
    return AND.sub("/", name) if "and" in name or "&" in name else name


def without_english(name: str) -> str:
    """`name` without the word "English" before or inside it (ENGLISH)."""
    return ENGLISH.sub("", name) if "English" in name else name


def without_part_of(name: str) -> str:
    """`name` without the part before "of" or "from" (PART_OF); only looked for where it has one, in any case."""
    lower = name.lower()
    return PART_OF.sub("", name) if "of" in lower or "from" in lower else name


# Dropped or changed where nothing else is known, in this order: a footnote mark, a citation key or a
# repeated name after the name, a count of classes written after the name, a leading year written after it,
# a leading language pair, "and" as a slash, a leading source, "English", the part before "of", lower-case words
# before the name (LEADING_WORDS), a singular, a plural.
LAST_RESORTS = (partial(end_digit_sub, FOOTNOTE_END, ""), partial(digit_sub, CITATION_TAIL, ""), without_repeated_name,
                partial(sub_at_start, CLASSES, r"\2-\1K", "123456789"), partial(sub_at_start, LEADING_YEAR, r"\2 \1", "12"),
                partial(sub_at_start, LEADING_LANGUAGES, "", LANGUAGE_INITIALS),
                and_as_slash, partial(sub_at_start, SOURCES, "", SOURCE_INITIALS), without_english, without_part_of,
                partial(sub_at_start, LEADING_WORDS, "", string.ascii_lowercase), singular, plural)


def with_last_resorts(forms: List[str], drops=LAST_RESORTS) -> Iterator[str]:
    """`forms`, then, for each drop in turn, the forms so far with it applied (so every combination of
    drops, in a fixed order), each form once, lazily: a drop is applied once per distinct form."""
    found = list(dict.fromkeys(forms))
    known = set(found)
    yield from found
    for drop in drops:
        for form in found[:len(found)]:
            dropped = drop(form)
            if dropped not in known:
                known.add(dropped)
                found.append(dropped)
                yield dropped


def ends_a_list(text: str) -> bool:
    """Whether `text`, in one line, ends as a list does (LIST_END), tested on its last four characters: a
    match implies one there ("&", or a space and "and" or "or")."""
    return LIST_END.search(text, max(0, len(text) - 4)) is not None


def last_letters(text: str) -> str:
    """The ASCII letters that end `text`, in lower case: "KITTI stereo" → "stereo", "ITOP 3D" → "d"."""
    return text[len(text.rstrip(string.ascii_letters)):].lower()


# Quick tests that a shortening may apply to a form (in one line), for speed: the last letters its
# match may end in (last_letters; "" where the form ends in another character), or a test of the form.
# They hold for ASCII forms only (case-insensitive matching takes "ı" for "I", "ſ" for "s"), so a form
# with another character is always tried.
TEST_SET_ENDS = frozenset({"set", "split", "testset", "testsplit"})
_SPLIT_WORDS = ("train", "training", "test", "testing", "dev", "development", "val", "validation", "eval", "evaluation")
_AFTER_SPLIT = ("set", "sets", "split", "splits", "data", "clean", "other", "pass")  # "test set", "final pass"
_TEST_KINDS = ("dev", "std", "standard", "challenge")  # "test-dev", "teststd"
SPLIT_ENDS = frozenset({"", "trainval", *_SPLIT_WORDS, *(word + "set" for word in _SPLIT_WORDS), *_AFTER_SPLIT,
                        *_TEST_KINDS, *("test" + kind for kind in _TEST_KINDS)})
TRAILING_ENDS = frozenset(last_letters(words) for words in _TRAILING_WORDS + ("treebank",))
LANGUAGE_ENDS = frozenset(word.lower() for word in re.findall("[A-Za-z]+", _LANGUAGE + _CODE))
DESCRIPTOR_ENDS = frozenset(last_letters(words) for words in _DESCRIPTORS)
# VERSION ends in a digit, a Roman numeral's "i" or "v", or "k", "m", "h", "hr(s)", "hour(s)" after a
# digit: it needs a digit, or a Roman numeral at the end.
VERSION_LAST = frozenset(string.digits + "iIvVkKmMhHrRsS")
VERSION_HINT = re.compile(r"\d|[ivIV]$")
HOLDING_WORD = re.compile(r"\s(?:of|containing|with)\s", re.IGNORECASE)


def may_end_in(ends: frozenset) -> Callable[[str, Optional[str]], bool]:
    """A test that a form may end in one of `ends` (its last_letters, None for a form not in ASCII)."""
    return lambda form, letters: letters is None or letters in ends


def may_end_in_version(form: str, letters: Optional[str]) -> bool:
    """Whether VERSION may match `form` (VERSION_LAST, VERSION_HINT)."""
    return letters is None or (form[-1:] in VERSION_LAST and VERSION_HINT.search(form) is not None)


def may_end_in_part(form: str, letters: Optional[str]) -> bool:
    """Whether PART may match `form`: its last word is one letter, a number or "subset"."""
    last = form.rsplit(None, 1)[-1:]
    return letters is None or (bool(last) and (len(last[0]) == 1 or last[0].isdigit() or letters == "subset"))


# What shorter_forms drops from the end of a form, in this order, each with its quick test.
SHORTENINGS = ((TEST_SET, may_end_in(TEST_SET_ENDS)), (SPLIT, may_end_in(SPLIT_ENDS)), (VERSION, may_end_in_version),
               (TRAILING, may_end_in(TRAILING_ENDS)), (LANGUAGES, may_end_in(LANGUAGE_ENDS)),
               (DESCRIPTORS, may_end_in(DESCRIPTOR_ENDS)), (PART, may_end_in_part),
               (HOLDING, lambda form, letters: HOLDING_WORD.search(form) is not None))


def shorter_forms(name: str) -> Tuple[str, ...]:
    """`name` without its trailing split, version or generic words (SHORTENINGS), one at a time, as long
    as one goes: "COCO 2017 test-dev" → "COCO 2017", "COCO"; not past a range of years ("DUC 2005-2007")."""
    forms = [name]
    if ends_a_list(name):
        return tuple(forms)
    while not YEAR_RANGE.search(forms[-1]):
        letters = last_letters(forms[-1]) if forms[-1].isascii() else None
        for pattern, may_match in SHORTENINGS:
            if not may_match(forms[-1], letters):
                continue
            shorter = pattern.sub("", forms[-1])
            if shorter == forms[-1]:
                continue
            if ends_a_list(shorter):
                return tuple(forms)
            if shorter.strip():
                if pattern is PART and PART_WORD.search(forms[-1]):
                    forms.append(PART_WORD.sub("", forms[-1]))
                forms.append(shorter)
                break
        else:
            return tuple(forms)
    return tuple(forms)


# shorter_forms of the forms a name is tried in, remembered (typo_key tries the name's again)
form_shorter_forms = lru_cache(maxsize=MAX_REMEMBERED)(shorter_forms)


def is_typo(key: str, known: str) -> bool:
    """Whether `key`, one edit (DamerauLevenshtein) from the `known` key, is a typo of it: the edit
    changes a letter, not its first or last character nor a digit, and adds or drops no plural "s"
    ("fb15237" of "fb15k237", "minist" of "mnist"; not "cifar10100" of "cifar10100k", "daqura" of "daquar",
    "protein" of "proteins")."""
    return (key[0] == known[0] and key[-1] == known[-1] and [ch for ch in key if ch.isdigit()] == [
        ch for ch in known if ch.isdigit()] and known != key + "s" and key != known + "s")


def word_stems(words: str) -> List[str]:
    """The first STEM letters of each lower-case word of `words` that has that many: how a name's
    trailing words ("keypoint", "polarity") are matched against a longer name."""
    return [word[:STEM] for word in re.findall(r"[a-z]+", words) if len(word) >= STEM]


def abbreviated_name(text: str) -> str:
    """The name of `text` with its bracketed abbreviation in place of what it abbreviates ("Street
    View House Number (SVHN) dataset" → "SVHN", "Wall Street Journal (WSJ) eval92" → "WSJ eval92"),
    else "": dataset_name drops the abbreviation."""
    match = BRACKETED.match(text)
    return dataset_name(match["short"] + match["rest"]) if match and is_abbreviation(match["short"], match["long"]) else ""


def name_keys(name: str, short: str = "") -> Iterator[str]:
    """The keys to look `name` up by, in order, each once: its own; those of the name with a
    two-digit year written out ("CoNLL'03" → "CoNLL 2003") and a bracketed abbreviation inside it
    dropped, then put in place of what it abbreviates ("Penn Treebank (PTB) III" → "Penn Treebank
    III", "PTB III"), and of `short`, the mention's name with its bracketed abbreviation in place of
    what it abbreviates ("SVHN" of "Street View House Number (SVHN) dataset", which dataset_name drops),
    and of each with a version's "v" dropped ("OntoNotes v5.0" → "OntoNotes 5.0"), each also without trailing
    splits, versions and generic words, a form's glued year written out first (GLUED_ONLY).
    Lazily: the linker stops at the first key the table knows."""
    seen = set()
    written = digit_sub(SHORT_YEAR, full_year, name) if "'" in name or "’" in name else name
    inner = INNER_ABBREVIATION.match(written) if "(" in written else None
    starts = [name, written] + ([inner["long"] + inner["rest"], inner["short"] + inner["rest"]] if inner else [])
    starts = list(dict.fromkeys(starts + [short] if short else starts))  # each once: the same forms, in order
    # "TREC 2005" → "TREC 05", "ImageNet-1000" → "ImageNet-1K" (SHORT_FORMS needs "19", "20" or "000")
    other_spellings = [SHORT_FORMS.sub(shortened, start) if "19" in start or "20" in start or "000" in start
                       else start for start in starts]
    starts = list(dict.fromkeys(starts + other_spellings + [end_digit_sub(GLUED_YEAR, full_year, start) for start in starts]))
    starts += [end_digit_sub(V_VERSION, " ", start) for start in starts]  # "OntoNotes v5.0" → "OntoNotes 5.0"
    for start in with_last_resorts(starts):
        for form in form_shorter_forms(start):
            for key in (form_name_and_key(end_digit_sub(GLUED_ONLY, full_year, form))[1], form_name_and_key(form)[1]):
                if key and key not in seen:
                    seen.add(key)
                    yield key


class Mention(NamedTuple):
    """A mention as the linker reads it, once: its text, and the name and key that dataset_mention_names
    gave it (None where it gave none)."""

    text: str
    name: Optional[str]
    key: Optional[str]

    @property
    def written_name(self) -> str:
        """The mention's name, else its text."""
        return self.name if self.name is not None else self.text.strip()

    @property
    def ends_in_plus(self) -> bool:
        """Whether the mention's name ends in "+" ("CK+ dataset", "CoNLL++"): an extension's name."""
        return self.written_name.rstrip().endswith("+")


class DatasetLinker:
    """Links mentions by the keys of their names (`span._.dataset_name`, set by
    dataset_mention_names) to the alias table, a name no key of which is known by the one key it is a
    typo of (typo_key), else by its key without lower-case words at its end (tail_key); a key of several
    datasets is resolved by a trailing "+", then the document's other links, then the mention's year,
    then the one dataset it is the name of. A key of the table's capitals_only links only a mention that writes it in capitals, one
    of its common_words only a mention that writes it with a capital, a name of three letters or fewer
    in lower case only an alias spelled so. A key with senses in the table
    takes the one sense whose words are around the mention (SENSE_WINDOW), none where several are, and
    where none is, the one sense the document's other mentions of the key take; a key that only senses
    know ("NYU" near "hand") links only where its sense's words are there."""

    def __init__(self, name: str, table: Optional[str] = None):
        self.name = name
        self.fixed = table is not None  # a table given in the config: from_disk keeps it
        self.set_table(read_table(Path(table)) if table else AliasTable({}, []))

    def set_table(self, table: AliasTable) -> None:
        self.table, self.index = table, table.index()
        self.senses: Dict[str, List[Tuple[str, frozenset]]] = {}  # key → [(id or NIL, its words), ...]
        for sense in table.senses:
            self.senses.setdefault(sense.key, []).append((sense.id, frozenset(sense.words.split())))
        self.known = self.index.keys() | self.senses.keys()  # the keys a mention can link by
        # (first character, length) → the table's keys that start with it and have that length (typos, tails)
        self.by_start: Dict[Tuple[str, int], List[str]] = {}
        for key in self.index:
            self.by_start.setdefault((key[0], len(key)), []).append(key)
        # (first character, last character, length) → the keys that begin and end so and have one character
        # fewer, as many or one more: the keys a key of that length may be a typo of (is_typo, typo_key)
        self.near: Dict[Tuple[str, str, int], List[str]] = {}
        for key in self.index:
            for length in (len(key) - 1, len(key), len(key) + 1):
                self.near.setdefault((key[0], key[-1], length), []).append(key)
        self.longest = max(map(len, self.index), default=0)
        self.short_lower = {alias.alias for alias in table.aliases if SHORT_LOWER.fullmatch(alias.alias)}
        # (text, name) of a mention whose own key the table does not know → the key it links by (None: none)
        self.found: Dict[Tuple[str, Optional[str]], Optional[str]] = {}
        # (name, abbreviated_name) of such a mention → its key: mentions written differently may share them
        self.found_for_forms: Dict[Tuple[str, str], Optional[str]] = {}
        # key → the ids it names only as an extension: the key of a name ending in "+" ("CoNLL++" and
        # "Recipe1M+" are not CoNLL and Recipe1M), which a mention without a trailing "+" does not link to.
        self.extensions = {}
        for entry in table.entries.values():
            if entry.name.rstrip().endswith("+"):
                self.extensions.setdefault(name_and_key(entry.name)[1], set()).add(entry.id)

    def forget(self) -> None:
        """Forget the keys found for names (and the forms' names, keys and shorter forms) so far: the next
        documents are linked as by a new linker (benchmarks time cold passes so)."""
        self.found.clear()
        self.found_for_forms.clear()
        form_name_and_key.cache_clear()
        form_shorter_forms.cache_clear()

    def initialize(self, get_examples=None, *, nlp=None, table: Optional[str] = None) -> None:
        """Load the alias table from the folder `table` (entries.tsv, aliases.tsv, capitals_only.txt,
        common_words.txt, senses.tsv)."""
        if table:
            self.set_table(read_table(Path(table)))

    def key(self, mention: Mention) -> Optional[str]:
        """The first of the mention's keys that the table knows: the key dataset_mention_names gave it,
        else those of `name_keys`; a key of the table's capitals_only or common_words is skipped where
        the mention writes its word plainly (written_plain); None for a mention that begins or ends
        with a hyphen, a piece of a word."""
        text = mention.text
        written = text.strip()
        if written.startswith("-") or written.endswith("-"):
            return None  # a piece of a word cut at a line end ("-sis" of "analy-sis", "mod-")
        key = mention.key
        if key not in self.known or self.written_plain(key, text):
            remembered = (text, mention.name)
            if remembered not in self.found:
                if len(self.found) >= MAX_REMEMBERED:
                    self.found.clear()
                    self.found_for_forms.clear()
                text = " ".join(text.split())
                name = remembered[1] if remembered[1] is not None else form_name_and_key(text)[0]
                forms = (name, abbreviated_name(text))
                if forms not in self.found_for_forms:
                    self.found_for_forms[forms] = (self.first_key(name_keys(*forms), " ".join(forms), self.known)
                                                   or self.typo_key(name) or self.tail_key(name))
                self.found[remembered] = self.found_for_forms[forms]
            key = self.found[remembered]
        return key

    def first_key(self, keys: Iterable[str], text: str, known: Collection[str]) -> Optional[str]:
        """The first of `keys` among `known` that `text` does not write as an ordinary word (written_plain)."""
        return next((key for key in keys if key in known and not self.written_plain(key, text)), None)

    def tail_key(self, name: str) -> Optional[str]:
        """The first key the table knows of `name` without its lower-case words at the end (LOWER_TAIL),
        where what is left has a capital or a digit and the words end in no tool's word (TOOL_END), unless
        a longer key of the table begins with that key and goes on with the first STEM letters of one of
        those words ("cocokeypoints" of "COCO keypoint"); else None."""
        tail = LOWER_TAIL.search(name)
        rest = name[:tail.start()] if tail else ""
        if not CAPITAL_OR_DIGIT.search(rest) or TOOL_END.search(tail[0]):
            return None
        key = self.first_key(name_keys(rest), rest, self.index.keys())
        if key is None:
            return None
        stems = word_stems(tail[0])
        longer = (known[len(key):] for length in range(len(key) + 1, self.longest + 1)
                  for known in self.by_start.get((key[0], length), ()) if known.startswith(key))
        return None if any(stem in more for more in longer for stem in stems) else key

    def typo_key(self, name: str) -> Optional[str]:
        """The one key of the table that a one-word form of `name` (shorter_forms: "Swichboard" of
        "Swichboard 300h") is a typo of (is_typo), for a name written as a dataset's (NAME_LIKE, not
        ROMAN_END); None where none or several are."""
        if not NAME_LIKE.search(name) or ROMAN_END.search(name):
            return None
        for form in form_shorter_forms(name):
            if len(form.split()) > 1:
                continue
            key = form_name_and_key(form)[1]
            if len(key) < MIN_TYPO_KEY:
                continue
            near = self.near.get((key[0], key[-1], len(key)), ())
            typos = [known for known, _distance, _ in process.extract(key, near, scorer=DamerauLevenshtein.distance,
                                                                      score_cutoff=1, limit=None)
                     if known != key and is_typo(key, known) and not self.written_plain(known, form)]
            if typos:
                return typos[0] if len(typos) == 1 else None
        return None

    def candidates(self, mention: Mention, key: Optional[str], sense: Optional[str]) -> List[Tuple[str, str]]:
        """[(id, kind), ...] of the mention's `key`: its `sense` (doc_senses; none for a NIL sense or
        several), else the key's entries, without those it names only as an extension ("CoNLL++")
        unless the mention's name ends in "+"."""
        if key is None:
            return []
        if sense is not None:
            return [(sense, "by_hand")] if sense else []
        extensions = self.extensions.get(key)
        if extensions and not mention.ends_in_plus:
            return [(entry_id, kind) for entry_id, kind in self.index[key] if entry_id not in extensions]
        return self.index.get(key, [])

    def short_in_lower_case(self, mention: Mention) -> bool:
        """Whether the mention's name is three letters or fewer in lower case that no alias spells so
        (SHORT_LOWER: "ind", "wsj"), which is not linked (its words still pick its key's sense for the
        document: doc_senses)."""
        name = mention.written_name
        return SHORT_LOWER.fullmatch(name) is not None and name not in self.short_lower

    def written_plain(self, key: str, text: str) -> bool:
        """Whether `text` writes `key` as an ordinary word (`alias_table.written_plain`)."""
        return written_plain(key, text, self.table.capitals_only, self.table.common_words)

    def choose(self, mention: Mention, candidates: List[Tuple[str, str]], linked: set) -> str:
        """The id among `candidates` that a trailing "+" of the mention, the document's other links, the
        mention's year or the kind of alias single out; "" if none does."""
        ids = [entry_id for entry_id, _kind in candidates]
        if len(ids) == 1:
            return ids[0]
        plus = mention.ends_in_plus  # "DailyDialog++" is not "DailyDialog"
        years = set(YEAR.findall(mention.text))
        entries = self.table.entries
        for chosen in ([i for i in ids if entries[i].name.endswith("+") == plus], [i for i in ids if i in linked],
                       [i for i in ids if entries[i].year in years], [i for i, kind in candidates if kind == "name"]):
            if len(chosen) == 1:
                return chosen[0]
        return ""

    def sense(self, span: Span, key: str) -> Optional[str]:
        """The id that the words around `span` pick among the senses of its `key` ("" for a NIL sense,
        or where the words of several are there); None where the key has no sense or none is picked."""
        senses = self.senses.get(key)
        if not senses:
            return None
        doc = span.doc
        words = {token.lower_ for token in doc[max(0, span.start - SENSE_WINDOW):span.end + SENSE_WINDOW]}
        picked = {sense_id for sense_id, sense_words in senses if sense_words & words}
        if not picked:
            return None
        return picked.pop() if len(picked) == 1 and NIL not in picked else ""

    def doc_senses(self, ents: List[Span], keys: List[Optional[str]]) -> List[Optional[str]]:
        """The sense of each mention (sense), one sense per document: a mention with no sense's words
        around it takes the one sense that the document's other mentions of its key pick ("wsj" in a
        table of a paper that names "wsj" near "parser" elsewhere is the Penn Treebank's)."""
        if self.senses.keys().isdisjoint(keys):
            return [None] * len(keys)
        senses = [None if key is None else self.sense(ent, key) for ent, key in zip(ents, keys)]
        picked: Dict[str, set] = {}
        for key, sense in zip(keys, senses):
            if sense is not None:
                picked.setdefault(key, set()).add(sense)
        return [next(iter(picked[key])) if sense is None and len(picked.get(key, ())) == 1 else sense
                for key, sense in zip(keys, senses)]

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        underscores = [ent._ for ent in ents]
        mentions = [Mention(ent.text, underscore.get("dataset_name"), underscore.get("dataset_key"))
                    for ent, underscore in zip(ents, underscores)]
        keys = [self.key(mention) for mention in mentions]
        found = [[] if self.short_in_lower_case(mention) else self.candidates(mention, key, sense)
                 for mention, key, sense in zip(mentions, keys, self.doc_senses(ents, keys))]
        linked = {ids[0][0] for ids in found if len(ids) == 1}
        ids = [self.choose(mention, candidates, linked) if candidates else "" for mention, candidates in zip(mentions, found)]
        split = [is_named_split(mention.text) for mention in mentions]
        if any(split):
            others = {entry_id for entry_id, is_split in zip(ids, split) if entry_id and not is_split}
            if len(others) == 1:  # the one dataset of the document takes its named splits, whatever their own links
                [only] = others
                ids = [only if is_split else entry_id for entry_id, is_split in zip(ids, split)]
        for ent, underscore, entry_id in zip(ents, underscores, ids):
            linked_before = ent.kb_id_
            if entry_id != linked_before:  # the tokens hold an entity's kb id: no new spans, no doc.ents to set
                for token in ent:
                    token.ent_kb_id_ = entry_id
            if entry_id or linked_before:  # a mention never linked keeps the attributes' default, None
                entry = self.table.entries.get(entry_id)
                underscore.dataset_url = (entry.url or None) if entry else None
                underscore.dataset_full_name = (entry.full_name or entry.name) if entry else None
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        write_table(Path(path), self.table)

    def from_disk(self, path, *, exclude=tuple()) -> "DatasetLinker":
        if not self.fixed:
            self.set_table(read_table(Path(path)))
        return self


def dataset_linker(nlp: Language, name: str, table: Optional[str]) -> DatasetLinker:
    """`table`: a folder with entries.tsv and aliases.tsv (and capitals_only.txt, common_words.txt,
    senses.tsv) that replaces the one saved with the pipeline (null: the saved one)."""
    return DatasetLinker(name, table)


# Registered once: a model wheel's copy of this module and the installed project's (its entry
# point) may both be imported in one process, and spaCy refuses a second, different function.
if not Language.has_factory(DATASET_LINKER):
    Language.factory(
        DATASET_LINKER,
        default_config={"table": None},
        requires=["doc.ents", "span._.dataset_name"],
        assigns=["doc.ents", "span._.dataset_url", "span._.dataset_full_name"],
    )(dataset_linker)
