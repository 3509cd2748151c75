"""A papers file for `evaluation.papers` from a corpus annotated sentence by sentence (ids
`<corpus>-<paper>-<n>`): each paper's text is its sentences in order, one per line, and its gold list is
the annotated mentions grouped by hand into datasets. The grouping must cover the annotation exactly:
every annotated string of a paper in one dataset's aliases, and no other string."""

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List

import typer
from wasabi import msg

from ..data.gold import parse_sentence
from ..input_error import InputError, stop
from ..json_files import read_jsonl, write_jsonl

SENTENCE_ID = re.compile(r"^[^-]+-(?P<paper>.+)-(?P<n>\d+)$")
SENTENCE_NUMBER = re.compile(r", body sentence \d+")


def paper_sentences(corpus: Path) -> Dict[str, List[dict]]:
    """Each paper's sentences (n, text, mention strings, source) in the order of their numbers."""
    papers = defaultdict(list)
    for line, record in read_jsonl(corpus):
        sentence = parse_sentence(corpus, line, record)
        match = SENTENCE_ID.match(sentence.id)
        if not match:
            raise InputError(corpus, line, f"id {sentence.id!r} is not <corpus>-<paper>-<n>")
        papers[match["paper"]].append({"n": int(match["n"]), "text": sentence.text, "source": str(record.get("source", "")),
                                       "mentions": [sentence.text[start:end] for start, end in sentence.spans]})
    return {paper: sorted(sentences, key=lambda s: s["n"]) for paper, sentences in papers.items()}


def check_grouping(path: Path, line: int, group: dict, mentions: set) -> None:
    """InputError unless the datasets of `group` hold every annotated string of its paper exactly once,
    no other, and each dataset's name among its aliases."""
    datasets = group.get("datasets")
    if not isinstance(datasets, list) or not all(isinstance(d, dict) for d in datasets):
        raise InputError(path, line, "'datasets' must be a list of {'name', 'aliases'}")
    aliases = Counter(alias for dataset in datasets for alias in dataset.get("aliases", []))
    missing, extra = mentions - set(aliases), set(aliases) - mentions
    repeated = [alias for alias, count in aliases.items() if count > 1]
    problems = [f"{what} {sorted(strings)}" for what, strings in (
        ("annotated strings in no dataset", missing), ("aliases never annotated", extra),
        ("aliases in two datasets", repeated)) if strings]
    if problems:
        raise InputError(path, line, f"paper {group['id']}: " + "; ".join(problems))
    for dataset in datasets:
        if dataset.get("name") not in dataset.get("aliases", []):
            raise InputError(path, line, f"paper {group['id']}: name {dataset.get('name')!r} is none of its aliases")


def main(
    corpus: Path = typer.Argument(..., help="Hand-annotated sentences (JSONL: id <corpus>-<paper>-<n>, text, spans, source)"),
    groups: Path = typer.Argument(..., help="JSONL: id (a paper), datasets ([{name, aliases}]), notes"),
    output: Path = typer.Argument(..., help="Papers file to write (JSONL: id, split, source, datasets, notes, text)"),
    split: str = typer.Option("dev", help="The split of every paper"),
):
    """Write one paper per grouped paper; refuse a grouping that misses or adds a paper or a string."""
    try:
        papers = paper_sentences(corpus)
        rows = []
        for line, group in read_jsonl(groups):
            sentences = papers.get(group.get("id"))
            if sentences is None:
                raise InputError(groups, line, f"paper {group.get('id')!r} has no sentence in {corpus}")
            check_grouping(groups, line, group, {m for s in sentences for m in s["mentions"]})
            rows.append({"id": group["id"], "split": split, "source": SENTENCE_NUMBER.sub("", sentences[0]["source"]),
                         "datasets": group["datasets"], "notes": str(group.get("notes", "")),
                         "text": "\n".join(s["text"] for s in sentences)})
        left = sorted(set(papers) - {row["id"] for row in rows})
        if left:
            raise InputError(groups, 0, f"no grouping for the papers {left}")
    except InputError as err:
        stop(err)
    write_jsonl(output, rows)
    msg.good(f"{len(rows)} papers, {sum(len(r['datasets']) for r in rows)} datasets → {output}")


if __name__ == "__main__":
    typer.run(main)
