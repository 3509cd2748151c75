"""Which mentions name what their paper calls a tool somewhere in its text ("the SimpleNLG surface
realisation engine", "SimpleNLG (Gatt and Reiter, 2009) library", "SimpleNLG is a natural language
generation framework"): software, not data, which a paper's dataset list leaves out wherever the
pipeline tags the name.

A name is called a tool where one of its occurrences in the text is followed by a tool's word, with a
bracket and at most two words between, none of them a stop word ("SimpleNLG-IT engine", "Stanford
CoreNLP POS tagger"; not "makes the DDSM a useful tool"), or by "is a"/"is an" and at most five words
before a tool's word other than "tool" ("SimpleNLG is a natural language generation framework"; not
"DDSM is a useful tool"); a name that is such a name, a hyphen and more ("SimpleNLG-NL",
"SimpleNLG-EnFr" beside "the SimpleNLG surface realisation engine") is a version of the tool. "API" is no
tool's word here: "Wikipedia API" and "Twitter API" read data."""

import re
from typing import List

from spacy.lang.en.stop_words import STOP_WORDS

from ..linking.tool_words import TOOL_WORDS

TOOL_WORD = re.compile(rf"\b(?:{TOOL_WORDS})\b", re.IGNORECASE)
EVALUATIVE_TOOL_WORDS = {"tool", "tools"}  # what a dataset is also called ("a useful tool")
# What stands between a name and the tool's word after it, read on the text before the tool's word: a bracket
# ("(Gatt and Reiter, 2009)"), then up to two words (DIRECT), or "is a(n)" and up to five words (COPULA).
BRACKET = r"(?:\s*\([^()]{0,60}\))?"
DIRECT = re.compile(BRACKET + r"(?P<words>(?:\s+[\w-]+){0,2})\s+$")
COPULA = re.compile(BRACKET + r"\s+is\s+an?(?:\s+[\w-]+){0,5}\s+$")
LOOKBEHIND = 160  # characters before a tool's word where a name may end


def calls_a_tool(window: str, end: int, tool_word: str) -> bool:
    """Whether the text `window`, which ends before `tool_word`, calls the name that ends at `end` a tool."""
    direct = DIRECT.fullmatch(window, end)
    if direct and not any(word.lower() in STOP_WORDS for word in direct["words"].split()):
        return True
    return tool_word.lower() not in EVALUATIVE_TOOL_WORDS and COPULA.fullmatch(window, end) is not None


def tool_names(text: str, names: List[str]) -> set:
    """The names among `names` that `text` calls a tool (see the module docstring)."""
    found = set()
    for tool in TOOL_WORD.finditer(text):
        window = text[max(0, tool.start() - LOOKBEHIND):tool.start()]
        for name in names:
            if name in found or name not in window:
                continue
            for occurrence in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", window):
                if calls_a_tool(window, occurrence.end(), tool.group()):
                    found.add(name)
                    break
    return found | {name for name in names if any(name.startswith(tool + "-") for tool in found)}


def mark_tools(text: str, mentions: List[dict]) -> None:
    """Set each mention record's "tool": whether `text` calls what it names (its text) a tool."""
    texts = {mention["text"].strip() for mention in mentions}
    tools = tool_names(text, sorted(texts - {""}))
    for mention in mentions:
        mention["tool"] = mention["text"].strip() in tools
