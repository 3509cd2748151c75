"""The alias table: the catalogue's datasets (`entries.tsv`) and the keys of their names
(`aliases.tsv`), read and written as tab-separated files. Ships in the model wheel with the linker."""

import re
from pathlib import Path
from typing import Dict, FrozenSet, List, NamedTuple, Set, Tuple

ENTRIES = "entries.tsv"
ALIASES = "aliases.tsv"
NOTICE = "NOTICE.md"  # the catalogues' credits and licenses, which travel with the table
CAPITALS_ONLY = "capitals_only.txt"  # keys of common words in capitals ("HARD"), one a line (build_table rule 10)
COMMON_WORDS = "common_words.txt"  # keys of one common word not only in capitals ("art", "places"), one a line (rule 12)
SENSES = "senses.tsv"  # keys whose dataset the words around a mention decide ("WSJ" near "parsing"), made by hand
NIL = "NIL"  # a sense that is no dataset of the catalogue
# How an alias names its dataset, strongest first: the catalogue's name, its full name, another listed
# name, a name derived by build_table's rules 7 and 8 ("MS-COCO"), a name given by hand (rule 9).
KINDS = ("name", "full_name", "variant", "derived", "by_hand")
WORD = re.compile(r"[A-Za-z]+")


def in_capitals(word: str) -> bool:
    """Whether `word` has two capitals or more ("HARD", "ReCoRD"; not "Hard"): how the words of
    `capitals_only` are written, and how a mention must write them to link to them."""
    return sum(map(str.isupper, word)) >= 2


# An abbreviation in capitals in the plural ("MRs", meaning representations): not a word in capitals
PLURAL_OF_CAPITALS = re.compile(r"[A-Z]{2,}s")


def written_plain(key: str, text: str, capitals_only: FrozenSet[str], common_words: FrozenSet[str]) -> bool:
    """Whether `text` writes `key` as an ordinary word: a key of `capitals_only` with fewer than two
    capitals or as an abbreviation's plural ("Hard", "real images", "MRs" of "HARD", "REAL", "MRS"), one
    of `common_words` without a capital ("places database", "art images" of "Places", "ART Dataset")."""
    if key in capitals_only:
        return any(word.lower() == key and (not in_capitals(word) or PLURAL_OF_CAPITALS.fullmatch(word))
                   for word in WORD.findall(text))
    return key in common_words and any(word == key for word in WORD.findall(text))


def write_keys(path: Path, keys: FrozenSet[str]) -> None:
    """`keys` into `path`, sorted, one a line."""
    path.write_text("".join(f"{key}\n" for key in sorted(keys)), encoding="utf8")


class Entry(NamedTuple):
    """One dataset of the catalogue."""

    id: str
    name: str
    full_name: str
    url: str
    year: str
    source: str


class Alias(NamedTuple):
    """A name of a dataset and its key (`dataset_key` of its `dataset_name`)."""

    key: str
    alias: str
    kind: str
    id: str


class Sense(NamedTuple):
    """One meaning of a key: the catalogue id (or NIL) it has where one of `words` (lower case, separated by
    spaces) is among the words around the mention."""

    key: str
    id: str
    words: str
    note: str


class AliasTable(NamedTuple):
    """The entries, their aliases, the catalogues' notice, the keys that a mention links to only
    where it writes them with two capitals or more (`capitals_only`: "HARD", not "Hard"), and those
    it links to only where it writes them with a capital (`common_words`: "Places", not "places"), and
    the senses of keys that the words around a mention decide."""

    entries: Dict[str, Entry]
    aliases: List[Alias]
    notice: str = ""
    capitals_only: FrozenSet[str] = frozenset()
    common_words: FrozenSet[str] = frozenset()
    senses: Tuple[Sense, ...] = ()

    def index(self) -> Dict[str, List[Tuple[str, str]]]:
        """key → [(id, kind), ...]: each id of the key once, with its strongest kind."""
        kinds: Dict[str, Dict[str, str]] = {}
        for alias in self.aliases:
            ids = kinds.setdefault(alias.key, {})
            ids[alias.id] = min(ids.get(alias.id, alias.kind), alias.kind, key=KINDS.index)
        return {key: list(ids.items()) for key, ids in kinds.items()}


def read_rows(path: Path, row_type) -> list:
    lines = path.read_text(encoding="utf8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != row_type._fields:
        raise ValueError(f"{path}: the header is not {list(row_type._fields)}")
    return [row_type(*line.split("\t")) for line in lines[1:]]


def write_rows(path: Path, row_type, rows: list) -> None:
    """Tab-separated `rows` under a header; no field may hold a tab or a line break."""
    lines = ["\t".join(row) for row in [row_type._fields, *rows]]
    if any(len(line.split("\t")) != len(row_type._fields) or "\n" in line or "\r" in line for line in lines):
        raise ValueError(f"{path}: a field holds a tab or a line break")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf8")


def read_keys(path: Path, known: Set[str]) -> FrozenSet[str]:
    """The keys listed in `path`, one a line (none where there is no such file); ValueError for a key
    that is not `known` (no alias has it)."""
    if not path.is_file():
        return frozenset()
    keys = frozenset(path.read_text(encoding="utf8").split())
    unknown = sorted(keys - known)
    if unknown:
        raise ValueError(f"{path}: keys not in {ALIASES}: {unknown[:5]}")
    return keys


def read_senses(path: Path, entries: Dict[str, Entry], known: Set[str]) -> Tuple[Sense, ...]:
    """The senses listed in `path` (none where there is no such file); ValueError naming the line of
    one whose id is neither an entry nor NIL, that has no words, or that is NIL for a key not `known`
    (no alias has it: a key that only senses know links only by an entry's sense)."""
    if not path.is_file():
        return ()
    senses = tuple(read_rows(path, Sense))
    for line, sense in enumerate(senses, start=2):
        if (sense.id != NIL and sense.id not in entries) or (sense.id == NIL and sense.key not in known) or not sense.words.split():
            raise ValueError(f"{path}: line {line}: expected an id of {ENTRIES}, or {NIL} for a key of {ALIASES}, and words")
    return senses


def read_table(folder: Path) -> AliasTable:
    """The table in `folder` (entries.tsv, aliases.tsv, and NOTICE.md, capitals_only.txt,
    common_words.txt and senses.tsv where there are)."""
    entries = {entry.id: entry for entry in read_rows(folder / ENTRIES, Entry)}
    aliases = read_rows(folder / ALIASES, Alias)
    unknown = sorted({alias.id for alias in aliases} - entries.keys())
    if unknown:
        raise ValueError(f"{folder / ALIASES}: aliases of ids not in {ENTRIES}: {unknown[:5]}")
    notice = (folder / NOTICE).read_text(encoding="utf8") if (folder / NOTICE).is_file() else ""
    known = {alias.key for alias in aliases}
    return AliasTable(entries, aliases, notice, read_keys(folder / CAPITALS_ONLY, known),
                      read_keys(folder / COMMON_WORDS, known), read_senses(folder / SENSES, entries, known))


def write_table(folder: Path, table: AliasTable) -> None:
    """Write `table` into `folder`, rows sorted."""
    write_rows(folder / ENTRIES, Entry, sorted(table.entries.values()))
    write_rows(folder / ALIASES, Alias, sorted(set(table.aliases)))
    if table.notice:
        (folder / NOTICE).write_text(table.notice, encoding="utf8")
    for name, keys in ((CAPITALS_ONLY, table.capitals_only), (COMMON_WORDS, table.common_words)):
        if keys:
            write_keys(folder / name, keys)
    if table.senses:
        write_rows(folder / SENSES, Sense, list(table.senses))
