"""Which mentions name what their paper calls a tool somewhere in its text ("the SimpleNLG surface
realisation engine", "SimpleNLG (Gatt and Reiter, 2009) library", "SimpleNLG is a natural language
generation framework"): software, not data, which a paper's dataset list leaves out wherever the
pipeline tags the name.

A name is called a tool where one of its occurrences in the text is followed by a tool's word, with a
bracket and at most two words between ("SimpleNLG-IT engine", "Stanford CoreNLP POS tagger"), or by
"is a"/"is an" and at most five words before it; a name that is such a name, a hyphen and more
("SimpleNLG-NL", "SimpleNLG-EnFr" beside "the SimpleNLG surface realisation engine") is a version of
the tool. "API" is no tool's word here: "Wikipedia API" and "Twitter API" read data."""

import re
from typing import List

TOOL_WORD = re.compile(r"\b(?:toolkits?|tools?|software|librar(?:y|ies)|packages?|analy[sz]ers?|taggers?|parsers?|"
                       r"reali[sz]ers?|engines?|frameworks?)\b", re.IGNORECASE)
# What stands between a name and the tool's word after it: a bracket ("(Gatt and Reiter, 2009)"), then up to
# two words, or "is a(n)" and up to five words. Read on the text before the tool's word, to its end.
BETWEEN = re.compile(r"(?:\s*\([^()]{0,60}\))?(?:(?:\s+[\w-]+){0,2}|\s+is\s+an?(?:\s+[\w-]+){0,5})\s+$")
LOOKBEHIND = 160  # characters before a tool's word where a name may end


def tool_names(text: str, names: List[str]) -> set:
    """The names among `names` that `text` calls a tool (see the module docstring)."""
    found = set()
    for tool in TOOL_WORD.finditer(text):
        window = text[max(0, tool.start() - LOOKBEHIND):tool.start()]
        for name in names:
            if name in found or name not in window:
                continue
            for occurrence in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", window):
                if BETWEEN.fullmatch(window, occurrence.end()):
                    found.add(name)
                    break
    return found | {name for name in names if any(name.startswith(tool + "-") for tool in found)}


def mark_tools(text: str, mentions: List[dict]) -> None:
    """Set each mention record's "tool": whether `text` calls what it names (its text) a tool."""
    texts = {mention["text"].strip() for mention in mentions}
    tools = tool_names(text, sorted(texts - {""}))
    for mention in mentions:
        mention["tool"] = mention["text"].strip() in tools
