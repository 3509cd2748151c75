"""Which mentions are an author's name in an in-text citation ("Cavazza and Charles (2005)",
"(Jurafsky and Martin, 2009)", "Finkel et al."), names that a pipeline can take for a dataset's and
that a paper's dataset list leaves out, as it leaves out the reference list.

A mention is a citation when "et al." follows it, or when it is one capitalised word of lowercase
letters (a surname's shape: "Vecchi", not "ImageNet" or "MNIST") followed by a year ("(2015)",
", 2015") or by "and"/"&" and another name and a year."""

import re
from bisect import bisect_right
from typing import List, NamedTuple, Tuple

AFTER = re.compile(r"\s*(?:et\.?\s*al\b|(?:and|&)\s+[A-Z][\w'\-]+(?:\s+et\.?\s*al\.?)?\s*[,(]?\s*(?:1[89]|20)\d\d"
                   r"|[,(]\s*(?:1[89]|20)\d\d[a-z]?\b)")
ET_AL = re.compile(r"\s*et\.?\s*al\b")
SURNAME = re.compile(r"[A-Z][a-z'\-]+")
LOOKAHEAD = 60  # characters after a mention that AFTER reads


def is_citation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is an author's name in an in-text citation."""
    after = text[end : end + LOOKAHEAD]
    if not AFTER.match(after):
        return False
    return bool(ET_AL.match(after)) or bool(SURNAME.fullmatch(text[start:end]))


def mark_citations(text: str, mentions: List[dict]) -> None:
    """Set each mention record's "citation" (whether it is an author's name in a citation) by its
    offsets in `text`."""
    for mention in mentions:
        mention["citation"] = is_citation(text, mention["start"], mention["end"])


# One work of a bracketed author-year citation: authors (capitalised words, "and", "&", "et al.") and a year,
# after "e.g.", "see" or "cf." or not: "Rajpurkar et al., 2016", "Voorhees and Dang, 2003", "Kim, 2014a".
_WORK = (r"(?:e\.g\.,?\s+|see\s+|cf\.\s+)?[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|de|van|von|der|and|&))*"
         r"(?:\s+et\s+al\.?)?,?\s+(?:19|20)\d\d[a-z]?(?:\s*,\s*(?:19|20)\d\d[a-z]?)*")
# A bracketed citation of one or more works (";" between them), with the spaces before it (kept where a word
# follows it at once): "(Nguyen et al.,
# 2016)", "(Kim, 2014; Chen and Manning, 2014a)"; a name with a year in brackets ("(ILSVRC 2012)", "(VOC 2007)")
# is none, nor are names and years alone ("(CoNLL 2003, 2004)"): a citation has "et al.", "and"/"&" or a comma
# between a name and its year (AUTHORS).
IN_TEXT_CITATION = re.compile(rf"\s*\(\s*{_WORK}(?:\s*;\s*{_WORK})*\s*\)")
AUTHORS = re.compile(r"et\s+al|[A-Za-z.],\s*(?:19|20)\d\d|\band\b|&")


class ReadText(NamedTuple):
    """A text without its bracketed citations (the text the pipeline reads) and where they were cut:
    before position `at[i]` of `text`, `cut[i]` characters of the original text had been cut in all."""

    text: str
    at: Tuple[int, ...] = ()
    cut: Tuple[int, ...] = ()

    def original_index(self, index: int) -> int:
        """The index in the original text of the character at `index` in `text`."""
        before = bisect_right(self.at, index)
        return index + (self.cut[before - 1] if before else 0)

    def original_span(self, start: int, end: int) -> Tuple[int, int]:
        """The original offsets of `text[start:end]` (from its first character to its last)."""
        return self.original_index(start), self.original_index(end - 1) + 1


def without_citations(text: str) -> ReadText:
    """`text` without its bracketed author-year citations (IN_TEXT_CITATION, AUTHORS): "such as SQuAD
    (Rajpurkar et al., 2016), and MS MARCO" → "such as SQuAD, and MS MARCO". The training sentences
    hold almost none (their sources dropped them), and the pipeline misses names followed by one."""
    if "(" not in text:
        return ReadText(text)
    parts, at, cut, kept = [], [], [], 0
    for match in IN_TEXT_CITATION.finditer(text):
        if not AUTHORS.search(match[0]):
            continue
        start = match.start()
        if match.end() < len(text) and text[match.end()].isalnum():  # "(Kim, 2014)ImageNet": the space stays
            start += len(match[0]) - len(match[0].lstrip())
        parts.append(text[kept:start])
        at.append(start - (cut[-1] if cut else 0))
        cut.append((cut[-1] if cut else 0) + match.end() - start)
        kept = match.end()
    if not parts:
        return ReadText(text)
    parts.append(text[kept:])
    return ReadText("".join(parts), tuple(at), tuple(cut))
