"""Citations in a paper's text. Which mentions are an author's name in an in-text citation ("Cavazza and
Charles (2005)", "(Jurafsky and Martin, 2009)", "Finkel et al."), names that a pipeline can take for a
dataset's and that a paper's dataset list leaves out, as it leaves out the reference list; and where the
bracketed author-year citations are, which the pipeline does not read (read_text).

A mention is a citation when "et al." follows it, or when it is one capitalised word of lowercase
letters (a surname's shape: "Vecchi", not "ImageNet" or "MNIST") followed by a year ("(2015)",
", 2015") or by "and"/"&" and another name and a year."""

import re
from typing import Iterator, List, Tuple

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
# A bracketed citation of one or more works (";" between them), with the spaces before it: "(Nguyen et al.,
# 2016)", "(Kim, 2014; Chen and Manning, 2014a)". A name with a year in brackets ("(ILSVRC 2012)", "(VOC 2007)")
# is none, nor are names and years alone ("(CoNLL 2003, 2004)"): a citation has "et al.", "and"/"&" or a comma
# between a name and its year (AUTHORS).
IN_TEXT_CITATION = re.compile(rf"\s*\(\s*{_WORK}(?:\s*;\s*{_WORK})*\s*\)")
AUTHORS = re.compile(r"et\s+al|[A-Za-z.],\s*(?:19|20)\d\d|\band\b|&")


def bracketed_citations(text: str) -> Iterator[Tuple[int, int]]:
    """The (start, end) of each bracketed author-year citation of `text` (IN_TEXT_CITATION, AUTHORS), with the
    spaces before it unless a word follows it at once ("(Kim, 2014)ImageNet")."""
    if "(" not in text:
        return
    for match in IN_TEXT_CITATION.finditer(text):
        if AUTHORS.search(match[0]):
            start = match.start()
            if match.end() < len(text) and text[match.end()].isalnum():
                start += len(match[0]) - len(match[0].lstrip())
            yield start, match.end()
