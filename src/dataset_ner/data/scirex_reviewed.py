"""SciREX train sentences reviewed by hand: every dataset mention of the sentence marked, so that the
reviewed mentions replace the silver labels and every other token is O."""

from pathlib import Path
from typing import Dict, Optional, Tuple

from spacy.tokens import Doc

from ..input_error import InputError
from .gold import Sentence, read_numbered, sentence_to_doc


class Reviewed:
    """The reviewed sentences of one file by id, with their line numbers, and which of them were used."""

    def __init__(self, path: Optional[Path]):
        self.path = path
        self.sentences: Dict[str, Tuple[int, Sentence]] = {}
        self.used = set()
        for number, sentence in read_numbered(path) if path else ():
            if sentence.id in self.sentences:
                raise InputError(path, number, f"id {sentence.id} is reviewed twice (first on line {self.sentences[sentence.id][0]})")
            self.sentences[sentence.id] = (number, sentence)

    def doc(self, nlp, sentence_id: str, text: str) -> Optional[Doc]:
        """The fully annotated Doc of the reviewed sentence `sentence_id`, None where it was not
        reviewed; InputError where its text is not `text` (the paper's sentence)."""
        if sentence_id not in self.sentences:
            return None
        number, sentence = self.sentences[sentence_id]
        if sentence.text != text:
            raise InputError(self.path, number, f"the text of {sentence_id} is not the paper's sentence {text!r}")
        self.used.add(sentence_id)
        return sentence_to_doc(nlp, sentence)

    def check_all_used(self, held_out: set) -> None:
        """InputError at the first reviewed sentence that is neither a train sentence nor held out."""
        for sentence_id, (number, _) in self.sentences.items():
            if sentence_id not in self.used and sentence_id not in held_out:
                raise InputError(self.path, number, f"{sentence_id} is no sentence of a SciREX train paper")
