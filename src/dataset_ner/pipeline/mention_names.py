"""A pipeline component that gives each mention a canonical dataset name and a key to count it by."""

import re
from typing import Dict, Iterable, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from .vocabulary import ARTICLES, MENTION_NAMES, NAME_HEAD_NOUNS, NAME_PART_WORDS, SPLIT_WORDS

# The one-word head nouns, matched as the name's last word, a footnote mark that PDF text glues to
# them dropped ("Reddit dataset16"); "test set" or "Task 8" name a subset and stay. "data set(s)" is
# DATA_SET's, spaced or hyphenated in any way.
HEAD_WORDS = frozenset(noun for noun in NAME_HEAD_NOUNS if " " not in noun)
DATA_SET = re.compile(r"\s+data[\s-]*sets?\d{0,2}$", re.IGNORECASE)
FOOTNOTE_DIGITS = re.compile(r"\d{1,2}$")
# A citation in square brackets, after the name or before its head word: "VGGFace2 [12]", "Cityscapes
# [reference] dataset".
CITATION_MARK = re.compile(r"\s*\[[^\[\]]*\]")
# What a key leaves out: every character but letters and digits (str.isalnum; a regex for speed).
NOT_ALNUM = re.compile(r"[\W_]+")
# A name followed by a bracketed short form: "Penn Treebank (PTB)", "20 Newsgroups (20NG) dataset".
BRACKETED = re.compile(r"^(?P<long>.*?\S)\s*\((?P<short>[^()\s]+)\)(?P<rest>.*)$")
# Lower-case words before a name that has a word with a capital or digit ("labeled RTE-5 test set",
# "word-level Penn Treebank", "traditional summarization task in TAC 2010"): not part of the name, but
# kept by dataset_name, which cannot tell them from a name's own first words in every case.
LEADING_WORDS = re.compile(r"^(?:[a-z][a-z-]*\s+)+(?=\S*[A-Z\d])")


def is_abbreviation(short: str, long: str) -> bool:
    """Whether `short` abbreviates `long` (Schwartz & Hearst 2003): its letters and digits appear
    in `long` in order, matched from the end, and its first one starts a word of `long`.
    "PTB" / "Penn Treebank", "20NG" / "20 Newsgroups": yes; "10M" / "MovieLens": no (a version)."""
    chars = [ch.lower() for ch in short if ch.isalnum()]
    if len(chars) < 2 or not any(ch.isalpha() for ch in chars) or len(short) >= len(long):
        return False
    text, position = long.lower(), len(long)
    for index in range(len(chars) - 1, -1, -1):
        position = text.rfind(chars[index], 0, position)
        while index == 0 and position > 0 and text[position - 1].isalnum():
            position = text.rfind(chars[index], 0, position)
        if position < 0:
            return False
    return True


def split_abbreviation(text: str) -> Tuple[str, str]:
    """(`text` without a bracketed abbreviation of what precedes it, the abbreviation or "")."""
    match = BRACKETED.match(text)
    if match and is_abbreviation(match["short"], match["long"]):
        return match["long"] + match["rest"], match["short"]
    return text, ""


def without_open_bracket(text: str) -> str:
    """`text` cut before a "(" or "[" that is never closed ("CoNLL 2003 (English" → "CoNLL 2003"),
    where something is left."""
    for opening, closing in ("()", "[]"):
        opened = text.rfind(opening)
        if text.count(opening) > text.count(closing) and text[:opened].strip():
            text = text[:opened].rstrip()
    return text


def is_trailing_word(word: str, before: str) -> bool:
    """Whether `word`, last in a name after the word `before`, is a generic head word (footnote
    digits aside) or a lowercase part word that follows no split word."""
    if word in NAME_PART_WORDS:
        return before.lower() not in SPLIT_WORDS
    return FOOTNOTE_DIGITS.sub("", word).lower() in HEAD_WORDS


def dataset_name(text: str) -> str:
    """The dataset's name: `text` without leading articles, trailing generic head words or part
    words, a bracketed abbreviation, citations in square brackets and a bracket left open ("the HMDB51
    benchmark" → "HMDB51", "Penn Treebank (PTB)" → "Penn Treebank", "BSD68 images [12]" → "BSD68");
    `text` itself where nothing else would be left."""
    text = without_open_bracket(CITATION_MARK.sub("", text) or text)
    words = split_abbreviation(text)[0].split()
    while len(words) > 1 and words[0].lower() in ARTICLES:
        words = words[1:]
    name = " ".join(words)
    while True:
        stripped = DATA_SET.sub("", name)
        head, _, last = stripped.rpartition(" ")
        if head and is_trailing_word(last, head.rpartition(" ")[2]):
            stripped = head
        if stripped == name or not stripped.strip():
            return name.strip(" ,;:-")
        name = stripped


def dataset_key(name: str) -> str:
    """Key that groups spellings of one name: "HMDB-51", "HMDB51", "hmdb 51" → "hmdb51" (its casefolded
    letters and digits: NOT_ALNUM)."""
    return NOT_ALNUM.sub("", name.casefold())


def name_and_key(text: str) -> Tuple[str, str]:
    name = dataset_name(text)
    return name, dataset_key(name)


def abbreviation_keys(texts: Iterable[str]) -> Dict[str, str]:
    """Key of an abbreviation → key of the name it abbreviates, from the mentions among `texts`
    that spell both ("Chinese Penn Treebank (CTB)": ctb → chinesepenntreebank), so that a corpus's
    "CTB" counts with its "Chinese Penn Treebank". An abbreviation given two meanings is left out."""
    meanings: Dict[str, set] = {}
    for text in texts:
        _long, short = split_abbreviation(" ".join(text.split()))
        if short:
            meanings.setdefault(dataset_key(short), set()).add(name_and_key(text)[1])
    return {short: next(iter(keys)) for short, keys in meanings.items() if len(keys) == 1 and short not in keys}


for _attr in ("dataset_name", "dataset_key"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


@Language.component(MENTION_NAMES, requires=["doc.ents"], assigns=["span._.dataset_name", "span._.dataset_key"])
def mention_names(doc: Doc) -> Doc:
    """Set `span._.dataset_name` and `span._.dataset_key` on every entity."""
    for ent in doc.ents:
        ent._.dataset_name, ent._.dataset_key = name_and_key(ent.text)
    return doc
