"""Build the alias table from the Papers with Code and CodeSOTA catalogues (an asset step: the
catalogues are not shipped; the table is).

Rules, in order:
1. Every Papers with Code dataset is an entry (id: its slug, or for the 29 rows without a URL its
   name in lower case with hyphens, which merges 16 of them into the entry of that slug); its
   names and full names are aliases.
2. A listed variant is an alias unless it is a leaderboard name (a comma, bracket, percent sign,
   arrow, "to" or "vs" between two datasets, or words of a setting: labels, epochs, shot, steps,
   classes, sparsity, ...), has more than six words, puts words before the dataset's own name
   ("Sequential MNIST", "Noisy MNIST": another setting), is the name or full name of another entry
   (a version or derivative with an entry of its own keeps its name: "ImageNet-A"), or begins with
   one that begins with the dataset's own ("ClueWeb09-B" of CLUE, "COCO-Stuff 256x256" of COCO).
3. A CodeSOTA dataset whose name or full name is already an alias of a Papers with Code entry
   adds nothing; the others are entries (id: codesota-ID) with their name and full name.
4. The bare name of a company or website ("Amazon", "Twitter", "Wikipedia", "arXiv": PLATFORMS) is no
   alias: papers say "the Amazon dataset" of many different data sets.
5. Keys are the pipeline's own (`dataset_key` of `dataset_name`); an alias whose key has no letter
   is dropped.
6. Entries whose names have one key are one dataset listed twice ("CIFAR-10" and "CIFAR10", the
   CodeSOTA "MMLU-Pro" of two tasks), unless a name ends in "+" ("DailyDialog++" is not
   "DailyDialog"): merged into the one with the most aliases, which takes the others' aliases.
   Entries with one full name that is, letter for letter, the name of one of them ("MPII" and "MPII
   Human Pose", both "MPII Human Pose"; not "STS Benchmark" and the "STS" of 2012-2016) are merged the
   same way.
   Any other key shared by several entries keeps them all: the linker resolves it in context.
7. Derived aliases (kind "derived"), each only where its key is no key of the table yet and no other
   entry derives it: "MS-" and "Microsoft" before the name of an entry whose full name starts with
   "Microsoft" ("MS-COCO", "MSCOCO", "Microsoft COCO" of COCO, "Microsoft Common Objects in
   Context"); and a name of one word in title case and, after a hyphen or space, the name of another
   entry in capitals ("Fashion-MNIST", "Permuted MNIST") with the word shortened to its initial
   ("FMNIST", "PMNIST", as "KMNIST" and "EMNIST" are written).
8. Versions of one dataset: an entry whose name or full name is a version ("PASCAL VOC 2007", "The
   PASCAL Visual Object Classes Challenge 2012": a year, "v2", "2.0" at the end) of the name or full
   name of one other entry (the dataset: "PASCAL VOC") takes, as derived aliases, the version after
   each spelling of its dataset (the dataset's name and full name, and the names and full names of
   its versions without their version: "VOC 2007" as "VOC 2012" is written, "PASCAL VOC 2012"), each
   only where one version alone derives it and its key is no key of the table yet or the dataset's
   alone; the dataset loses its variants that begin with a version so written ("PASCAL VOC 2012",
   "PASCAL VOC 2012 test", "Pascal VOC 2007 count-test"), which name the version. A variant that is
   the name of several versions without their version, and no entry's name ("OntoNotes" of OntoNotes
   4.0 and 5.0), names none of them: it is no alias.
9. Aliases by hand (kind "by_hand"; `sources/aliases_by_hand.tsv`): names that the project's
   training texts use often and rules 1 to 8 do not link ("Microsoft COCO", "WT2"), each given its
   entry by hand or NIL; added where its key is no key of the table yet. Where the table has the key
   only as catalogue variants of another dataset, the line replaces them (a NIL line drops them):
   Papers with Code lists "WIDER Face Hard" under WFLW and "Unrestricted" under JFLEG. A line whose id
   is no entry, whose key the table has for another dataset otherwise, or whose key is that of a NIL
   line ("CNN dataset" and "CNN", the network) stops the build with its line number.
10. Common words in capitals: a key whose every alias is one word of letters with two capitals or more
   that is a common English word (`is_common`: "HARD", "REAL", "ANIMAL", "ReCoRD"; not "COCO" or
   "Places") is the table's `capitals_only`: the linker links a mention to it only where the mention
   writes the word so ("DROP", not "Drop" or "real images").
11. Two-character keys: an alias whose key has two characters or fewer ("AP", "CS", "MR", "C4"), unless
   it ends in "+" ("CK+") or is given by hand ("VG", "UD", "MR"), is no alias. Such an abbreviation names
   many things: in the project's training texts "AP" is the Associated Press collection of TREC (not
   Adversarial Paraphrase) and "CS" computer science or cross-subject (not Chinese Simile).
12. Other common words: a key of one common English word (as in rule 10) that is not in capitals_only
   ("art" of the ART Dataset, "places" of Places, "and" of the AND Dataset) is the table's
   `common_words`: the linker links a mention to it only where the mention writes the word with a
   capital ("Places", not "places database", "art images" or "English and French")."""

import re
from pathlib import Path
from collections import Counter, defaultdict
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Tuple

from ..pipeline.mention_names import dataset_key, name_and_key
from .alias_table import WORD, Alias, AliasTable, Entry, in_capitals, write_table

LEADERBOARD = re.compile(
    r"[,()\[\]%=+<>→:]|->|\bto\b|-to-|\bvs\.?\b|\b(labels?|labeled|epochs?|sparsity|shots?|classes|steps?|"
    r"proposals|conditional|level|image classification|image generation|per image)\b",
    re.IGNORECASE,
)
MAX_WORDS = 6
MAX_SHORT_KEY = 2  # keys of this many characters or fewer are no aliases (rule 11)
# A version at the end of a name ("PASCAL VOC 2007", "FewRel 2.0", "Google Landmarks Dataset v2").
VERSION = re.compile(r"[\s_-]*(?:v(?:ersion)?\s*\d+(?:\.\d+)*|(?:19|20)\d\d|\d+\.\d+)$", re.IGNORECASE)
PLATFORMS = frozenset({"amazon", "twitter", "facebook", "google", "youtube", "flickr", "wikipedia", "reddit", "yelp",
                       "weibo", "instagram", "github", "stackoverflow", "stackexchange", "tumblr", "foursquare",
                       "arxiv"})


def clean(text) -> str:
    """`text` with whitespace runs as one space ("" for None)."""
    return " ".join(str(text or "").split())


def is_leaderboard_name(variant: str) -> bool:
    return bool(LEADERBOARD.search(variant)) or len(variant.split()) > MAX_WORDS


def adds_words_before(variant_key: str, name_key: str) -> bool:
    """Whether the variant holds the name after other words: "sequentialmnist" of "mnist"."""
    return name_key in variant_key and not variant_key.startswith(name_key)


def begins_with_another(variant: str, name_key: str, entry_id: str, other_names: Dict[str, set]) -> bool:
    """Whether the variant's first words are the name of another entry that begins with the entry's
    own name: "ClueWeb09-B" (ClueWeb09) of CLUE, "COCO-Stuff 256x256" (COCO-Stuff) of COCO."""
    words = re.split(r"[\s-]+", variant)
    return any(key != name_key and key.startswith(name_key) and not other_names.get(key, {entry_id}) <= {entry_id}
               for key in (key_of(" ".join(words[:end])) for end in range(1, len(words))))


def pwc_id(row: dict) -> str:
    return row["slug"] or re.sub(r"[^a-z0-9]+", "-", row["name"].lower()).strip("-")


def key_of(text: str) -> str:
    """The alias key of `text`; "" for one without a letter or the name of a platform (rules 4, 5)."""
    key = name_and_key(text)[1]
    return key if any(ch.isalpha() for ch in key) and key not in PLATFORMS else ""


def pwc_aliases(row: dict, other_names: Dict[str, set]) -> Iterator[Alias]:
    """The aliases of one Papers with Code row (rules 1 and 2); `other_names`: key → ids naming it."""
    name_key, entry_id = key_of(row["name"]), pwc_id(row)
    for kind, text in (("name", row["name"]), ("full_name", row["full_name"])):
        if key_of(clean(text)):
            yield Alias(key_of(clean(text)), clean(text), kind, entry_id)
    for variant in map(clean, row["variants"] or []):
        key = key_of(variant)
        if (key and not is_leaderboard_name(variant) and not adds_words_before(key, name_key)
                and other_names.get(key, {entry_id}) <= {entry_id}
                and not begins_with_another(variant, name_key, entry_id, other_names)):
            yield Alias(key, variant, "variant", entry_id)


def merge_duplicates(table: AliasTable) -> AliasTable:
    """`table` with the entries whose names share a key merged (rule 6)."""
    by_name = defaultdict(list)
    for entry in table.entries.values():
        if not entry.name.endswith("+") and key_of(entry.name):
            by_name[key_of(entry.name)].append(entry.id)
    by_text = defaultdict(list)  # the whole name's letters and digits: "STS" is not "STS Benchmark"
    for entry in table.entries.values():
        if not entry.name.endswith("+"):
            by_text[dataset_key(entry.name)].append(entry.id)
    for entry in table.entries.values():  # one full name, the name of one of them: "MPII" of "MPII Human Pose"
        full = dataset_key(entry.full_name) if not entry.name.endswith("+") else ""
        if full and full != dataset_key(entry.name) and full in by_text and all(
                dataset_key(table.entries[other].full_name or table.entries[other].name) == full
                for other in by_text[full]):
            by_name[key_of(table.entries[by_text[full][0]].name)].append(entry.id)
    grouped = defaultdict(set)  # an entry in two groups joins them
    for ids in by_name.values():
        merged = set(ids).union(*(grouped[entry_id] for entry_id in ids))
        for entry_id in merged:
            grouped[entry_id] = merged
    by_name = {min(ids): sorted(ids) for ids in grouped.values()}
    counts = Counter(alias.id for alias in table.aliases)
    kept = {}
    for ids in by_name.values():
        keep = min(ids, key=lambda entry_id: (-counts[entry_id], entry_id))
        kept.update({entry_id: keep for entry_id in ids})
    entries = {entry_id: entry for entry_id, entry in table.entries.items() if kept.get(entry_id, entry_id) == entry_id}
    return AliasTable(entries, [alias._replace(id=kept.get(alias.id, alias.id)) for alias in table.aliases])


def build(pwc_rows: List[dict], codesota_rows: List[dict], by_hand: List[Tuple[int, str, str]] = (),
          is_common: Optional[Callable[[str], bool]] = None) -> AliasTable:
    """The alias table of both catalogues (rules 1 to 8 and 11), with `by_hand` (rule 9: (line, alias, id or NIL))
    and, given `is_common` (whether a lower-case word is a common English word), its keys of rules 10 and 12."""
    names: Dict[str, set] = {}
    for row in pwc_rows:
        for text in (row["name"], row["full_name"]):
            if key_of(clean(text)):
                names.setdefault(key_of(clean(text)), set()).add(pwc_id(row))
    entries: Dict[str, Entry] = {}
    for row in sorted(pwc_rows, key=lambda row: not row["pwc_url"]):
        entries.setdefault(pwc_id(row), Entry(pwc_id(row), clean(row["name"]), clean(row["full_name"]),
                                              clean(row["pwc_url"]), clean(row["year"]), "paperswithcode"))
    aliases = [alias for row in pwc_rows for alias in pwc_aliases(row, names)]
    known = {alias.key for alias in aliases}
    for row in codesota_rows:
        own = [(kind, clean(row[field])) for kind, field in (("name", "name"), ("full_name", "fullName"))
               if key_of(clean(row[field]))]
        if not own or any(key_of(text) in known for _kind, text in own):
            continue
        entry = Entry(f"codesota-{row['id']}", clean(row["name"]), clean(row["fullName"]),
                      clean(row["paperUrl"] or row["downloadUrl"]), clean(row["year"]), "codesota")
        entries[entry.id] = entry
        aliases += [Alias(key_of(text), text, kind, entry.id) for kind, text in own]
    table = add_by_hand(drop_short(add_versions(add_derived(merge_duplicates(AliasTable(entries, aliases))))), by_hand)
    if not is_common:
        return table
    in_capitals_only = capitals_only(table, is_common)
    return table._replace(capitals_only=in_capitals_only, common_words=common_words(table, is_common) - in_capitals_only)


def drop_short(table: AliasTable) -> AliasTable:
    """`table` without the aliases whose keys have two characters or fewer, but for those ending in "+" (rule 11)."""
    return table._replace(aliases=[alias for alias in table.aliases
                                   if len(alias.key) > MAX_SHORT_KEY or alias.alias.rstrip().endswith("+")])


def common_words(table: AliasTable, is_common: Callable[[str], bool]) -> FrozenSet[str]:
    """The keys that are one common word of ASCII letters (rule 12; `build` leaves out those of rule 10)."""
    return frozenset(alias.key for alias in table.aliases if alias.key.isalpha() and alias.key.isascii() and is_common(alias.key))


def capitals_only(table: AliasTable, is_common: Callable[[str], bool]) -> FrozenSet[str]:
    """The keys whose every alias is a common word written with two capitals or more (rule 10)."""
    spellings = defaultdict(set)
    for alias in table.aliases:
        spellings[alias.key].add(alias.alias)
    return frozenset(key for key, texts in spellings.items()
                     if all(WORD.fullmatch(text) and in_capitals(text) and is_common(text.lower()) for text in texts))


def hand_key(text: str) -> Tuple[str, bool]:
    """A name's key and whether the name ends in "+", which the linker tells apart ("CK" and "CK+")."""
    return key_of(text), name_and_key(text)[0].endswith("+")


def add_by_hand(table: AliasTable, by_hand: List[Tuple[int, str, str]]) -> AliasTable:
    """`table` with the aliases given by hand (rule 9) whose keys it lacks, and in place of the
    catalogue's variants where a key is only those (a NIL line drops them); ValueError naming the line
    of an id that is no entry, of a key the table has for another dataset by a name, full name or
    rule, or of a linked name whose key (and trailing "+", which the linker tells apart) is a NIL
    line's."""
    owners, kinds = defaultdict(set), defaultdict(set)
    for alias in table.aliases:
        owners[alias.key].add(alias.id)
        kinds[alias.key].add(alias.kind)
    variants_only = {key for key, found in kinds.items() if found == {"variant"}}
    nil = {hand_key(text): line for line, text, entry_id in by_hand if entry_id == "NIL"}
    added, replaced = [], {key_of(text) for _line, text, entry_id in by_hand
                           if entry_id == "NIL" and key_of(text) in variants_only}
    for line, text, entry_id in by_hand:
        if entry_id == "NIL":
            continue
        key = key_of(text)
        if entry_id not in table.entries:
            raise ValueError(f"line {line}: {entry_id!r} is no entry of the catalogue")
        if not key:
            raise ValueError(f"line {line}: {text!r} has no key (no letter, or a platform's name)")
        if owners.get(key, {entry_id}) != {entry_id}:
            if key not in variants_only:
                raise ValueError(f"line {line}: the table has {text!r} for {sorted(owners[key])}")
            replaced.add(key)
        if hand_key(text) in nil:
            raise ValueError(f"line {line}: {text!r} has the key of line {nil[hand_key(text)]}, which is NIL")
        if key not in owners or key in replaced:
            added.append(Alias(key, text, "by_hand", entry_id))
    return table._replace(aliases=[alias for alias in table.aliases if alias.key not in replaced] + added)


def derived_names(entry: Entry, names: Dict[str, str]) -> Iterator[str]:
    """The derived names of `entry` (rule 7); `names`: key → name of every entry."""
    if entry.full_name.startswith("Microsoft ") and not entry.name.upper().startswith(("MS", "MICROSOFT")):
        yield f"MS-{entry.name}"
        yield f"Microsoft {entry.name}"
    words = re.split(r"[\s-]+", entry.name)
    if (len(words) == 2 and words[0].isalpha() and words[0].istitle() and len(words[0]) >= 3
            and words[1].isupper() and len(words[1]) >= 3
            and names.get(key_of(words[1])) == words[1]):
        yield words[0][0].upper() + words[1]


def add_derived(table: AliasTable) -> AliasTable:
    """`table` with the derived aliases of rule 7 that add a key of one entry."""
    known = {alias.key for alias in table.aliases}
    names = {key_of(entry.name): entry.name for entry in table.entries.values()}
    derived = defaultdict(set)
    for entry in table.entries.values():
        for text in derived_names(entry, names):
            if key_of(text) and key_of(text) not in known:
                derived[key_of(text)].add((text, entry.id))
    return table._replace(aliases=table.aliases + [Alias(key, text, "derived", entry_id)
                                                   for key, found in derived.items() if len({i for _t, i in found}) == 1
                                                   for text, entry_id in found])



def versioned(text: str) -> Optional[Tuple[str, str]]:
    """(the name before its version, the version) of a name that ends in a version, else None."""
    match = VERSION.search(text)
    return (text[:match.start()], match[0].strip(" _-")) if match and key_of(text[:match.start()]) else None


def add_versions(table: AliasTable) -> AliasTable:
    """`table` with the derived aliases of rule 8, less the dataset's variants that name a version."""
    names, owners = defaultdict(set), defaultdict(set)
    for alias in table.aliases:
        owners[alias.key].add(alias.id)
        if alias.kind in ("name", "full_name"):
            names[alias.key].add(alias.id)
    dataset_of = {}  # version id → the id of its dataset
    bases = defaultdict(set)  # key of a name before its version → the entries so named with a version
    for entry in table.entries.values():
        for base, _version in filter(None, map(versioned, (entry.name, entry.full_name))):
            bases[key_of(base)].add(entry.id)
            if len(names[key_of(base)]) == 1 and entry.id not in names[key_of(base)]:
                dataset_of[entry.id] = next(iter(names[key_of(base)]))
    spellings, versions = defaultdict(set), defaultdict(set)
    for version_id, dataset in dataset_of.items():
        head, entry = table.entries[dataset], table.entries[version_id]
        spellings[dataset] |= {text for text in (head.name, head.full_name) if key_of(text) and not versioned(text)}
        for base, version in filter(None, map(versioned, (entry.name, entry.full_name))):
            spellings[dataset].add(base)
            versions[version_id].add(version)
    derived, version_keys = defaultdict(set), set()  # version_keys: (dataset, key of one of its versions)
    for version_id, dataset in dataset_of.items():
        for text in {f"{spelling} {version}" for spelling in spellings[dataset] for version in versions[version_id]}:
            if owners.get(key_of(text), {dataset}) <= {dataset}:
                derived[key_of(text)].add((text, version_id))
            if owners.get(key_of(text), {dataset}) <= {dataset, version_id}:
                version_keys.add((dataset, key_of(text)))
    derived = {key: found for key, found in derived.items() if len({version_id for _text, version_id in found}) == 1}
    aliases = [alias for alias in table.aliases if alias.kind != "variant" or not (
        any(alias.key.startswith(key) for dataset, key in version_keys if dataset == alias.id)
        or (len(bases[alias.key]) > 1 and not names[alias.key]))]
    return table._replace(aliases=aliases + [Alias(key, text, "derived", version_id)
                                             for key, found in derived.items() for text, version_id in found])
