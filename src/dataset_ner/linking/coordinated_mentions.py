"""A pipeline component that adds the catalogue's names coordinated with a predicted mention
(HELEN and IBUG of "AFW, LFPW, HELEN, IBUG and XM2VTS", where the ner found AFW and LFPW)."""

from pathlib import Path
from typing import FrozenSet, Iterable, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..pipeline.mention_names import dataset_key
from ..pipeline.vocabulary import COORDINATED_MENTIONS
from .alias_table import CAPITALS_ONLY, COMMON_WORDS, read_keys, read_table, write_keys, written_plain

# Between two coordinated names: a comma, "and", "or" or "&", or a comma and one of them.
COORDINATORS = {",", "and", "or", "&"}
MAX_TOKENS = 4  # at most this many tokens in a name added
KEYS = "keys.txt"  # the alias table's keys, saved with the pipeline beside its CAPITALS_ONLY and COMMON_WORDS


def name_token(text: str) -> bool:
    """A token of a name: an upper-case letter and one more letter or digit ("XM2VTS", "Helen")."""
    return any(ch.isupper() for ch in text) and sum(ch.isalnum() for ch in text) >= 2


def name_at(doc: Doc, start: int, step: int, taken: Set[int]) -> Optional[Tuple[int, int]]:
    """The token span of the name whose edge is token `start`, read in direction `step` (1: right,
    -1: left): name tokens, hyphens and slashes inside the sentence, up to MAX_TOKENS and up to a
    coordinator, another word or an entity's token; None where no name begins there."""
    end = start
    while 0 <= end < len(doc) and end not in taken and abs(end - start) < MAX_TOKENS:
        text = doc[end].text
        if text in COORDINATORS or not (name_token(text) or (text in ("-", "/") and end != start)):
            break
        if end != start and doc[max(end, end - step)].is_sent_start:
            break
        end += step
    low, high = (start, end) if step > 0 else (end + 1, start + 1)
    while high > low and not doc[high - 1].text[-1:].isalnum():
        high -= 1
    while low < high and not doc[low].text[:1].isalnum():
        low += 1
    return (low, high) if high > low else None


def coordinated(doc: Doc, ents: Iterable[Span]) -> List[Tuple[int, int]]:
    """Token spans of the names that one or two coordinators (", and") join to an entity, or to
    such a name, on either side, that no entity holds."""
    ents = list(ents)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for ent in ents:
        for step in (1, -1):
            edge = ent.end if step > 0 else ent.start - 1
            while True:
                i, joined = edge, 0
                while 0 <= i < len(doc) and doc[i].text in COORDINATORS and joined < 2:
                    i, joined = i + step, joined + 1
                name = name_at(doc, i, step, taken) if joined and 0 <= i < len(doc) else None
                if name is None:
                    break
                found.append(name)
                taken.update(range(*name))
                edge = name[1] if step > 0 else name[0] - 1
    return found


class CoordinatedMentions:
    """Adds as entities the names coordinated with an entity (`coordinated`; a list goes on past a
    name it does not add: "MNIST, ResNet-50 and CIFAR-10") that the catalogue knows (`known`: its
    keys, read from the alias table at initialisation and saved with the pipeline). The ner often
    finds some names of a list and misses the others ("CHiME, REVERB and ASpIRE")."""

    def __init__(self, name: str):
        self.name = name
        self.keys: FrozenSet[str] = frozenset()
        self.capitals_only: FrozenSet[str] = frozenset()
        self.common_words: FrozenSet[str] = frozenset()

    def initialize(self, get_examples=None, *, nlp=None, table: Optional[str] = None) -> None:
        """Read the keys from the alias table folder `table` (none without one)."""
        if table:
            found = read_table(Path(table))
            self.keys = frozenset(alias.key for alias in found.aliases)
            self.capitals_only, self.common_words = found.capitals_only, found.common_words

    def known(self, text: str) -> bool:
        """Whether the name `text` is the catalogue's, written as the linker links it (not
        `written_plain`: "ADAM", not the optimiser "Adam")."""
        key = dataset_key(text)
        return key in self.keys and not written_plain(key, text, self.capitals_only, self.common_words)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        added = [Span(doc, start, end, label=ents[0].label) for start, end in coordinated(doc, ents)
                 if self.known(doc[start:end].text)]
        if added:
            doc.ents = sorted(ents + added, key=lambda span: span.start)
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, keys in ((KEYS, self.keys), (CAPITALS_ONLY, self.capitals_only), (COMMON_WORDS, self.common_words)):
            write_keys(path / name, keys)

    def from_disk(self, path, *, exclude=tuple()) -> "CoordinatedMentions":
        path = Path(path)
        self.keys = frozenset((path / KEYS).read_text(encoding="utf8").split())
        self.capitals_only, self.common_words = (read_keys(path / name, self.keys) for name in (CAPITALS_ONLY, COMMON_WORDS))
        return self


def coordinated_mentions(nlp: Language, name: str) -> CoordinatedMentions:
    """Names of the catalogue coordinated with a predicted mention, added as mentions."""
    return CoordinatedMentions(name)


# Registered once: a model wheel's copy of this module and the installed project's (its entry
# point) may both be imported in one process.
if not Language.has_factory(COORDINATED_MENTIONS):
    Language.factory(COORDINATED_MENTIONS, requires=["doc.ents"], assigns=["doc.ents"])(coordinated_mentions)
