"""Which mentions are an author's name in an in-text citation ("Cavazza and Charles (2005)",
"(Jurafsky and Martin, 2009)", "Finkel et al."), names that a pipeline can take for a dataset's and
that a paper's dataset list leaves out, as it leaves out the reference list.

A mention is a citation when "et al." follows it, or when it is one capitalised word of lowercase
letters (a surname's shape: "Vecchi", not "ImageNet" or "MNIST") followed by a year ("(2015)",
", 2015") or by "and"/"&" and another name and a year."""

import re
from typing import List

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
