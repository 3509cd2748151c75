"""A corpus report of an extraction output folder: the datasets found, as report.html and report.md."""

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from spacy import displacy
from wasabi import MarkdownRenderer

from ..input_error import InputError
from ..json_files import read_json, read_jsonl
from ..pipeline.mention_names import abbreviation_keys
from ..pipeline.vocabulary import LABEL
from .inputs import Document, expand_inputs, iter_items, parse_item
from .paper_datasets import (DEFAULT_DATASET_THRESHOLD, DatasetRule, footnote_stem, is_counted, list_key, list_name,
                             paper_datasets)
from .shards import MANIFEST

WINDOW = 200
SENTENCE_END = re.compile(r"[.!?]\s+|\n\s*\n")
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


@dataclass
class Dataset:
    """What the report says of one key (a catalogue id where the linker gave one): its names and
    spellings, the documents that list it, and its catalogue entry."""

    key: str
    names: Counter = field(default_factory=Counter)
    spellings: Counter = field(default_factory=Counter)
    documents: int = 0
    mentions: int = 0
    confidences: List[float] = field(default_factory=list)
    examples: List[Tuple[object, dict]] = field(default_factory=list)  # (document id, mention)
    dataset_id: Optional[str] = None
    full_name: Optional[str] = None
    url: Optional[str] = None

    @property
    def name(self) -> str:
        """The most frequent name spelled as the key, else of all (list_name; ties: the first alphabetically)."""
        return list_name(self.names, self.key)

    @property
    def mean_confidence(self) -> Optional[float]:
        return sum(self.confidences) / len(self.confidences) if self.confidences else None

    def spelling_counts(self) -> List[Tuple[str, int]]:
        return sorted(self.spellings.items(), key=lambda item: (-item[1], item[0]))


@dataclass
class Context:
    """A window of a document's text around one mention; `start`, `end`: the mention in `text`."""

    doc_id: object
    text: str
    start: int
    end: int


@dataclass
class Report:
    """Totals of the folder's records, every dataset (ordered), contexts of the `top` ones (all if None)."""

    folder: Path
    manifest: dict
    documents: int
    with_datasets: int
    mentions: int
    datasets: List[Dataset]
    contexts: Dict[str, List[Context]]
    missing_inputs: List[str]
    top: Optional[int] = None

    @property
    def shown(self) -> List[Dataset]:
        return self.datasets[: self.top] if self.top else self.datasets

    @property
    def has_confidence(self) -> bool:
        return any(d.confidences for d in self.shown)

    @property
    def has_links(self) -> bool:
        return any(d.dataset_id for d in self.datasets)

    def unlinked(self, n: int = 20) -> List[Dataset]:
        """The `n` datasets of most mentions that the linker linked to no catalogue entry."""
        return sorted((d for d in self.datasets if not d.dataset_id), key=lambda d: (-d.mentions, d.key))[:n]


def read_manifest(folder: Path) -> dict:
    """The folder's manifest.json; InputError naming the folder if there is none."""
    path = folder / MANIFEST
    if not path.is_file():
        raise InputError(folder, 0, f"no {MANIFEST}: not an output folder of `python -m dataset_ner extract`")
    return read_json(path)


def read_records(folder: Path) -> Iterator[dict]:
    """Every record of the folder's part-*.jsonl files, in order; InputError if there are none."""
    parts = sorted(folder.glob("part-*.jsonl"))
    if not parts:
        raise InputError(folder, 0, "no part-*.jsonl files: nothing was extracted into this folder")
    for part in parts:
        for _line, record in read_jsonl(part):
            yield record


def report_keys(mentions: List[dict], abbreviations: Dict[str, str]) -> List[str]:
    """The key each of a document's `mentions` counts under in the report: its catalogue id where it
    is linked, else the full name's key where its key is an abbreviation (`abbreviations`), else its
    key; an unlinked key that is another mention's key with a footnote mark ("mscoco1" beside
    "mscoco", glued in each of its names) counts under that mention's report key, as it does in the
    paper's list."""
    own = [m.get("dataset_id") or abbreviations.get(m["key"], m["key"]) for m in mentions]
    by_key: Dict[str, Counter] = {}
    names: Dict[str, List[str]] = {}
    for mention, key in zip(mentions, own):
        by_key.setdefault(mention["key"], Counter())[key] += 1
        names.setdefault(mention["key"], []).append(mention["name"])
    keys = []
    for mention, key in zip(mentions, own):
        stem = None if mention.get("dataset_id") else footnote_stem(mention["key"], names[mention["key"]], by_key)
        keys.append(by_key[stem].most_common(1)[0][0] if stem else key)
    return keys


def tally(records: Iterator[dict], n_examples: int, abbreviations: Dict[str, str],
          rule: DatasetRule = DatasetRule()) -> Tuple[List[Dataset], Tuple[int, int, int]]:
    """Datasets by the number of documents that list them (paper_datasets by `rule`, then key), and
    (documents, documents listing a dataset, mentions counted); each mention counts under its
    `report_keys` key. Each dataset keeps as examples the first mention counted in each of its first
    `n_examples` documents."""
    datasets: Dict[str, Dataset] = {}
    documents, with_datasets, mentions = 0, 0, 0
    for record in records:
        documents += 1
        kept = [m for m in record["mentions"] if is_counted(m, rule)]
        found = [{**m, "key": key} for m, key in zip(kept, report_keys(kept, abbreviations))]
        listed = paper_datasets(found, rule)
        with_datasets += bool(listed)
        keys = [list_key(m) for m in found]  # "QQP validation" counts as QQP
        for entry in listed:
            dataset = datasets.setdefault(entry["key"], Dataset(entry["key"]))
            dataset.documents += 1
            counted = [m for m, key in zip(found, keys) if key == entry["key"]]
            if len(dataset.examples) < n_examples:
                dataset.examples.append((record["id"], counted[0]))
            for mention in counted:
                if mention.get("dataset_id"):
                    dataset.dataset_id, dataset.full_name = mention["dataset_id"], mention.get("dataset_full_name")
                    dataset.url = mention.get("dataset_url")
                dataset.names[mention["name"]] += 1
                dataset.spellings[mention["text"]] += 1
                if mention.get("confidence") is not None:
                    dataset.confidences.append(mention["confidence"])
            dataset.mentions += len(counted)
            mentions += len(counted)
    ordered = sorted(datasets.values(), key=lambda d: (-d.documents, d.key))
    return ordered, (documents, with_datasets, mentions)


def id_key(doc_id) -> str:
    """A hashable form of a document id (ids are any JSON value)."""
    return json.dumps(doc_id, sort_keys=True)


def path_matches(doc_id: str, path: Path) -> bool:
    """Whether a text file's id (its path as given to extract, maybe relative to another working
    folder) names `path`: the same file from here, or a tail of its absolute path."""
    given = Path(os.path.normpath(doc_id))
    if given.is_absolute() or ".." in given.parts:
        return os.path.abspath(doc_id) == str(path)
    return path.parts[-len(given.parts):] == given.parts


def find_texts(settings: dict, wanted_ids: Sequence) -> Tuple[Dict[str, str], List[str]]:
    """The texts of the documents wanted, by id_key, from one pass over the extraction's inputs
    (text files only read when their path could be a wanted id); and the inputs that have gone."""
    inputs = [Path(p) for p in settings["inputs"]]
    missing = [str(p) for p in inputs if not p.exists()]
    files = expand_inputs([p for p in inputs if p.exists()], settings["glob"])
    wanted = {id_key(i) for i in wanted_ids}
    paths_by_name: Dict[str, List[str]] = {}
    for doc_id in wanted_ids:
        if isinstance(doc_id, str):
            paths_by_name.setdefault(Path(doc_id).name, []).append(doc_id)
    texts: Dict[str, str] = {}
    for item in iter_items(files):
        if len(texts) == len(wanted):
            break
        if item.raw is None:
            path = Path(item.file).absolute()
            ids = [i for i in paths_by_name.get(path.name, []) if id_key(i) not in texts and path_matches(i, path)]
            if not ids:
                continue
            document = read_item(item, settings)
            if document is not None:
                texts.update((id_key(i), document.text) for i in ids)
        else:
            document = read_item(item, settings)
            if document is not None and id_key(document.id) in wanted:
                texts.setdefault(id_key(document.id), document.text)
    return texts, missing


def read_item(item, settings: dict) -> Optional[Document]:
    """The Document of an input item, or None if it cannot be read (any more)."""
    try:
        parsed = parse_item(item, settings["id_field"], settings["text_field"])
    except OSError:
        return None
    return parsed if isinstance(parsed, Document) else None


def context_window(doc_id, text: str, start: int, end: int, width: int = WINDOW) -> Context:
    """About `width` characters of `text` around the mention text[start:end]: whole sentences where
    the window holds sentence ends, else cut at spaces ("…" marks a cut); whitespace runs become
    single spaces."""
    room = max(width - (end - start), 0) // 2
    left, right = max(start - room, 0), min(end + room, len(text))
    if left > 0:
        first = SENTENCE_END.search(text, left, start)
        space = text.find(" ", left, start)
        left = first.end() if first else space + 1 if space >= 0 else left
    if right < len(text):
        last = [m.start() + 1 for m in SENTENCE_END.finditer(text, end, right)]
        space = text.rfind(" ", end, right)
        right = last[-1] if last else space if space >= 0 else right
    before, mention, after = (" ".join(part.split()) for part in (text[left:start], text[start:end], text[end:right]))
    before = ("… " if left > 0 else "") + before + (" " if before and text[start - 1].isspace() else "")
    after = (" " if after and text[end].isspace() else "") + after + (" …" if right < len(text) else "")
    return Context(doc_id, before + mention + after, len(before), len(before) + len(mention))


def gather_contexts(datasets: Sequence[Dataset], texts: Dict[str, str]) -> Dict[str, List[Context]]:
    """Each dataset's example contexts, by key; examples whose text is gone or changed are left out."""
    contexts = {}
    for dataset in datasets:
        contexts[dataset.key] = found = []
        for doc_id, mention in dataset.examples:
            text = texts.get(id_key(doc_id))
            if text is not None and text[mention["start"] : mention["end"]] == mention["text"]:
                found.append(context_window(doc_id, text, mention["start"], mention["end"]))
    return contexts


def build_report(folder: Path, n_contexts: int = 3, top: Optional[int] = None,
                 include_references: bool = False) -> Report:
    """Read the folder's manifest and records and, for the `top` datasets' examples, the source texts.
    The documents' dataset lists keep the extraction's --dataset-threshold and --catalogue-evidence
    (none for a folder extracted before it existed); mentions in reference lists count with
    `include_references`."""
    manifest = read_manifest(folder)
    abbreviations = abbreviation_keys(m["text"] for record in read_records(folder) for m in record["mentions"])
    settings = manifest["settings"]
    rule = DatasetRule(settings.get("dataset_threshold", DEFAULT_DATASET_THRESHOLD), include_references,
                       settings.get("catalogue_evidence", 0.0))
    datasets, (documents, with_datasets, mentions) = tally(read_records(folder), n_contexts, abbreviations, rule)
    shown = datasets[:top] if top else datasets
    wanted = list({id_key(doc_id): doc_id for d in shown for doc_id, _ in d.examples}.values())
    texts, missing = find_texts(manifest["settings"], wanted) if wanted else ({}, [])
    return Report(folder, manifest, documents, with_datasets, mentions, datasets, gather_contexts(shown, texts),
                  missing, top)


def md_escape(text) -> str:
    """`text` safe inside a Markdown table cell."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def totals(report: Report) -> List[Tuple[int, str]]:
    return [(report.documents, "documents"), (report.with_datasets, "documents with a dataset"),
            (report.mentions, "mentions"), (len(report.datasets), "distinct datasets")]


COLUMNS = [("#", "num"), ("Dataset", "name"), ("Key", "key"), ("Spellings", "spellings"), ("Documents", "num"),
           ("Mentions", "num"), ("Mean confidence", "num")]


CATALOGUE = ("Catalogue entry", "link")  # a column only where the linker linked a mention


def columns(report: Report) -> List[Tuple[str, str]]:
    """(heading, kind) of each table column; mean confidence only where some mention has one."""
    heads = COLUMNS if report.has_confidence else COLUMNS[:-1]
    return heads[:2] + [CATALOGUE] + heads[2:] if report.has_links else heads


def table_rows(report: Report) -> Iterator[List[str]]:
    """The table's rows as plain (unescaped) strings, one per dataset shown."""
    for rank, dataset in enumerate(report.shown, start=1):
        spellings = ", ".join(f"{text} ({count:,})" for text, count in dataset.spelling_counts())
        mean = dataset.mean_confidence
        row = [str(rank), dataset.name, dataset.key, spellings, f"{dataset.documents:,}", f"{dataset.mentions:,}",
               "—" if mean is None else f"{mean:.2f}"]
        if report.has_links:
            row.insert(2, dataset.full_name or "")
        yield row[: len(columns(report))]


def md_link(dataset: Dataset) -> str:
    return f"[{md_escape(dataset.full_name)}]({dataset.url})" if dataset.url else md_escape(dataset.full_name or "")


def unlinked_markdown(report: Report) -> List[str]:
    """The most frequent names the linker left unlinked, where it linked some."""
    if not report.has_links:
        return []
    return ["", "## Most frequent unlinked names", ""] + [
        f"- {md_escape(d.name)} (`{d.key}`): {d.mentions:,} mentions in {d.documents:,} documents"
        for d in report.unlinked()]


def render_markdown(report: Report) -> str:
    """The report as Markdown: a title, the totals and the table of datasets."""
    heads = columns(report)
    lines = [f"# Dataset mentions in {md_escape(report.folder)}", "",
             ", ".join(f"{n:,} {label}" for n, label in totals(report)), ""]
    if len(report.shown) < len(report.datasets):
        lines += [f"The {len(report.shown):,} datasets found in the most documents.", ""]
    rows = [[md_escape(cell) for cell in row] for row in table_rows(report)]
    if report.has_links:
        for row, dataset in zip(rows, report.shown):
            row[2] = md_link(dataset)
    lines.append(MarkdownRenderer().table(rows, [heading for heading, _ in heads],
                                          ["r" if kind == "num" else "l" for _, kind in heads]))
    return "\n".join(lines + unlinked_markdown(report)) + "\n"


CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px;
       padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.source { color: #666; margin-top: 0; font-family: monospace; }
.totals { display: flex; gap: 1rem; list-style: none; padding: 0; flex-wrap: wrap; }
.totals li { background: #f3f4f6; border-radius: 0.4rem; padding: 0.5rem 0.9rem; }
.totals b { display: block; font-size: 1.3rem; }
.warning { background: #fff4e5; border-left: 4px solid #f59e0b; padding: 0.5rem 0.8rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f9fafb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.key { font-family: monospace; color: #555; }
section.dataset { margin-bottom: 1.5rem; }
section.dataset h2 { font-size: 1.15rem; border-bottom: 1px solid #e5e7eb; padding-bottom: 0.2rem; }
section.dataset h2 small { color: #666; font-weight: normal; }
figure.context { margin: 0.4rem 0 0.8rem; }
figure.context figcaption { font-size: 0.8rem; color: #666; font-family: monospace; }
.unavailable { color: #92400e; font-style: italic; }
"""


def e(value) -> str:
    return html.escape(str(value), quote=True)


def render_context(context: Context) -> str:
    """One context as displaCy markup, the mention marked DATASET, with the document id above."""
    ents = [{"start": context.start, "end": context.end, "label": LABEL}]
    marked = displacy.render({"text": context.text, "ents": ents}, style="ent", manual=True, page=False,
                             jupyter=False, options={"colors": {LABEL: "#fde68a"}})
    return f'<figure class="context"><figcaption>{e(context.doc_id)}</figcaption>{marked}</figure>'


def render_table(report: Report) -> str:
    """The table of datasets; each name links to its contexts."""
    heads = columns(report)
    head = "".join(f'<th class="{kind}">{e(h)}</th>' for h, kind in heads)
    rows = []
    for rank, row in enumerate(table_rows(report), start=1):
        cells = [e(cell) for cell in row]
        cells[1] = f'<a href="#dataset-{rank}">{cells[1]}</a>'
        url = report.shown[rank - 1].url if report.has_links else None
        if url:
            cells[2] = f'<a href="{e(url)}">{cells[2]}</a>'
        rows.append("<tr>" + "".join(f'<td class="{kind}">{c}</td>' for (_, kind), c in zip(heads, cells)) + "</tr>")
    return f'<table class="datasets"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def render_section(report: Report, rank: int, dataset: Dataset) -> str:
    """A dataset's heading and its example contexts, or a note that they are unavailable."""
    body = "".join(render_context(c) for c in report.contexts.get(dataset.key, [])) or (
        '<p class="unavailable">Contexts unavailable: the source documents could not be read '
        "(input gone or changed since extraction).</p>")
    return (f'<section class="dataset" id="dataset-{rank}"><h2>{e(dataset.name)} <small>{e(dataset.key)} · '
            f"{dataset.documents:,} documents · {dataset.mentions:,} mentions</small></h2>{body}</section>")


def render_notes(report: Report) -> str:
    """Warnings (inputs gone, extraction incomplete) and what --top left out."""
    notes = []
    if report.missing_inputs:
        notes.append(("warning", f"Inputs gone since extraction: {', '.join(report.missing_inputs)}; "
                                 "contexts from them are unavailable."))
    if not report.manifest.get("complete", True):
        notes.append(("warning", "The extraction is incomplete: this report covers the shards written so far."))
    if len(report.shown) < len(report.datasets):
        notes.append(("note", f"The {len(report.shown):,} datasets found in the most documents."))
    if report.has_links:
        notes.append(("note", "Most frequent unlinked names: " + ", ".join(
            f"{d.name} ({d.mentions:,})" for d in report.unlinked()) + "."))
    return "".join(f'<p class="{kind}">{e(note)}</p>' for kind, note in notes)


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page: totals, the table, example contexts per dataset."""
    items = "".join(f"<li><b>{n:,}</b>{e(label)}</li>" for n, label in totals(report))
    sections = ""
    if any(d.examples for d in report.shown):  # none: --contexts 0, or no mentions
        sections = "<h2>Contexts</h2>" + "".join(render_section(report, rank, dataset)
                                                 for rank, dataset in enumerate(report.shown, start=1))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Dataset mentions: '
            f"{e(report.folder.name)}</title><style>{CSS}</style></head><body><header><h1>Dataset mentions</h1>"
            f'<p class="source">{e(report.folder)}</p><ul class="totals">{items}</ul></header>{render_notes(report)}'
            f"{render_table(report)}{sections}</body></html>\n")


def write_report(folder: Path, output_dir: Optional[Path] = None, n_contexts: int = 3,
                 top: Optional[int] = None, include_references: bool = False) -> Tuple[Path, Path, Report]:
    """Write report.html and report.md for the extraction output `folder` into `output_dir`
    (default: `folder`); their paths and the report."""
    report = build_report(folder, n_contexts, top, include_references)
    output_dir = output_dir or folder
    output_dir.mkdir(parents=True, exist_ok=True)
    html_path, md_path = output_dir / "report.html", output_dir / "report.md"
    html_path.write_text(render_html(report), encoding="utf8")
    md_path.write_text(render_markdown(report), encoding="utf8")
    return html_path, md_path, report
