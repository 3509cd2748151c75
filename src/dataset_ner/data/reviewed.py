"""Training texts reviewed by hand (SciREX train sentences, seed texts): every dataset mention of the
text marked, so that the reviewed mentions replace the silver or weak labels and every other token is O."""

from pathlib import Path
from typing import Dict, Optional, Tuple

from spacy.tokens import Doc

from ..input_error import InputError
from .gold import Sentence, read_numbered, sentence_to_doc


class Reviewed:
    """The reviewed texts of one file by id (or by text: `by_text`), with their line numbers, and which
    of them were used."""

    def __init__(self, path: Optional[Path], by_text: bool = False):
        self.path = path
        self.by_text = by_text
        self.sentences: Dict[str, Tuple[int, Sentence]] = {}
        self.used = set()
        for number, sentence in read_numbered(path) if path else ():
            key = self.key(sentence)
            if key in self.sentences:
                what = f"text {key!r}" if by_text else f"id {key}"
                raise InputError(path, number, f"{what} is reviewed twice (first on line {self.sentences[key][0]})")
            self.sentences[key] = (number, sentence)

    def key(self, sentence: Sentence) -> str:
        """What a reviewed text is found by: its text or its id."""
        return sentence.text if self.by_text else sentence.id

    def doc(self, nlp, key: str, text: str) -> Optional[Doc]:
        """The fully annotated Doc of the reviewed text `key` (an id, or the text itself), None where it
        was not reviewed; InputError where its text is not `text` (the training text)."""
        if key not in self.sentences:
            return None
        number, sentence = self.sentences[key]
        if sentence.text != text:
            raise InputError(self.path, number, f"the text of {key} is not the paper's sentence {text!r}")
        self.used.add(key)
        return sentence_to_doc(nlp, sentence)

    def check_all_used(self, held_out: set, what: str = "sentence of a SciREX train paper") -> None:
        """InputError at the first reviewed text that is neither used (a `what`) nor held out."""
        for key, (number, sentence) in self.sentences.items():
            if key not in self.used and key not in held_out:
                raise InputError(self.path, number, f"{sentence.id} is no {what}")
