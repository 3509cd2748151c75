"""spaCy's English tokenizer, also splitting a full stop off a name that ends in a capital letter."""

from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex, registry

# spaCy keeps "IJB-B.", "WT10G." and "DataSetA." whole (a capital before a full stop reads as an
# initial), so no mention could end before the full stop. The stop comes off after a capital that
# follows a digit, a lower-case letter or a hyphen; initials ("J.", "U.S.", "A.B.") stay whole.
NAME_FULL_STOP = r"(?<=[0-9a-z\-][A-Z])\."


@registry.tokenizers("dataset_ner.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spacy.Tokenizer.v1 with one more suffix rule, NAME_FULL_STOP."""
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make_tokenizer(nlp: Language) -> Tokenizer:
        tokenizer = default(nlp)
        tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes) + [NAME_FULL_STOP]).search
        return tokenizer

    return make_tokenizer


def blank() -> Language:
    """A blank English pipeline with this tokenizer, as the trained pipelines have."""
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "dataset_ner.tokenizer.v1"}}})
