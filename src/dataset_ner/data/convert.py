"""Convert the weakly labelled CoNLL corpus into a spaCy DocBin, accounting for every snippet and span."""

import random
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Tuple

import spacy
import typer
from spacy.tokens import Doc, DocBin
from wasabi import msg

from ..input_error import stop
from ..json_files import write_json, write_jsonl
from .conll import Snippet, read_conll
from .gold import dataset_spans
from .held_out import read_held_out
from .snippet_text import rebuild_text
from .weak_labels import (
    Evidence,
    Lexicon,
    SpanDecision,
    decide,
    drop_reason,
    extend_head_noun,
    in_reference,
    looks_like_name,
    read_denylist,
    split_candidates,
    trim,
    word_bounds,
)


@dataclass(frozen=True)
class Steps:
    """The data steps, each switchable for the ablation; all off is the naive conversion."""

    repair: bool = True  # rejoin hyphenated tokens, extend to words, trim punctuation, merge fragments
    filter: bool = True  # drop spans that are no names (stopwords, numbers, fragments, rare strings)
    dedupe: bool = True  # one doc per distinct text, the labels of its copies united
    silence: bool = True  # name-like tokens outside a label are missing, not O
    lexicon: bool = True  # label trusted names that a snippet left as O
    heads: bool = True  # take a following head noun into the span ("UCF101 dataset")
    min_count: int = 2  # a name must be labelled this often to be trusted
    common_min: int = 3  # a capitalised word seen this often in lower case is a common word
    context_min: int = 2  # a single word needs this many uses where a dataset is expected ("on X")
    max_edge_share: float = 0.5  # a part of a longer name labelled this often at an edge is a fragment


def char_span(offsets: List[Tuple[int, int]], token_span: Tuple[int, int]) -> Tuple[int, int]:
    return offsets[token_span[0]][0], offsets[token_span[1] - 1][1]


def build_lexicon(texts: List[str], spans: List[Tuple[int, int]], steps: Steps, evidence: Evidence):
    """Lexicon of trusted names and set of fragments, from the labelled spans themselves."""
    mentions = []
    for text, (start, end) in zip(texts, spans):
        if steps.repair:
            start, end = trim(text, *word_bounds(text, start, end))
        mention = text[start:end]
        if mention and drop_reason(mention, evidence) is None and not in_reference(text):
            mentions.append((mention, start == 0 or end == len(text)))
    return split_candidates(mentions, steps.min_count, steps.max_edge_share)


def unite(spans: List[Tuple[int, int]]) -> Tuple[List[Tuple[int, int]], int]:
    """Distinct spans without overlaps (the longer wins); also return how many were discarded."""
    chosen: List[Tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen), len(set(spans)) - len(chosen)


def make_doc(nlp, text: str, spans: List[Tuple[int, int]], silence: bool) -> Doc:
    """A Doc with DATASET entities; with `silence`, name-like tokens outside them are missing."""
    doc = nlp.make_doc(text)
    ents = dataset_spans(doc, spans)
    inside = {i for ent in ents for i in range(ent.start, ent.end)}
    missing = [doc[i : i + 1] for i, token in enumerate(doc) if silence and i not in inside and looks_like_name(token.text)]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def convert_snippets(snippets: List[Snippet], steps: Steps, nlp, denylist: FrozenSet[str] = frozenset()) -> Tuple[List[Doc], Dict]:
    """Docs for the snippets, and a report whose counts add up to the input."""
    rebuilt = [rebuild_text(s.tokens, rejoin_hyphens=steps.repair) for s in snippets]
    texts = [text for text, _ in rebuilt]
    labelled = [(i, char_span(offsets, span)) for i, (s, (_, offsets)) in enumerate(zip(snippets, rebuilt)) for span in s.mention_spans()]
    evidence = Evidence.from_texts(texts, denylist, common_min=steps.common_min, context_min=steps.context_min)
    lexicon, fragments = (
        build_lexicon([texts[i] for i, _ in labelled], [span for _, span in labelled], steps, evidence)
        if steps.filter or steps.repair or steps.lexicon
        else (Lexicon(()), frozenset())
    )
    decisions: Dict[int, List[SpanDecision]] = defaultdict(list)
    span_report: Dict[str, Counter] = {"kept": Counter(), "repaired": Counter(), "dropped": Counter()}
    for i, (start, end) in labelled:
        decision = decide(texts[i], start, end, lexicon, fragments, evidence, steps.repair, steps.filter)
        decisions[i].append(decision)
        span_report[decision.action][decision.reason] += 1

    groups: Dict[str, List[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        groups[text if steps.dedupe else f"{i}\x00{text}"].append(i)
    docs, conflicts, added, with_heads = [], 0, 0, 0
    for members in groups.values():
        text = texts[members[0]]
        spans = [(d.start, d.end) for i in members for d in decisions[i] if d.action != "dropped"]
        if steps.lexicon:
            extra = [(s, e) for s, e in lexicon.find(text) if all(e <= a or s >= b for a, b in spans)]
            added += len(extra)
            spans += extra
        if steps.heads:
            widened = [extend_head_noun(text, s, e) for s, e in spans]
            with_heads += sum(a != b for a, b in zip(widened, spans))
            spans = widened
        spans, lost = unite(spans)
        conflicts += lost
        docs.append(make_doc(nlp, text, spans, steps.silence))

    n_tokens = sum(len(doc) for doc in docs)
    n_missing = sum(token.ent_iob_ == "" for doc in docs for token in doc)
    n_entity = sum(token.ent_iob_ in ("B", "I") for doc in docs for token in doc)
    before = Counter(texts[i][s:e] for i, (s, e) in labelled)
    after = Counter(ent.text for doc in docs for ent in doc.ents)
    report = {
        "steps": asdict(steps),
        "snippets": {
            "read": len(snippets),
            "kept_with_mentions": sum(bool(doc.ents) for doc in docs),
            "kept_without_mentions": sum(not doc.ents for doc in docs),
            "dropped": {"duplicate_text": len(snippets) - len(docs)},
        },
        "spans": {
            "read": len(labelled),
            **{action: {"total": sum(c.values()), **dict(c.most_common())} for action, c in span_report.items()},
            "overlapping_copies_discarded": conflicts,
            "added_from_lexicon": added,
            "extended_with_head_noun": with_heads,
            "in_output": sum(after.values()),
        },
        "lexicon": {"names": len(lexicon.names), "fragments": sorted(fragments)},
        "tokens": {"total": n_tokens, "entity": n_entity, "outside": n_tokens - n_entity - n_missing, "missing": n_missing},
        "top_mentions_before": before.most_common(30),
        "top_mentions_after": after.most_common(30),
    }
    return docs, report


def audit_sample(docs: List[Doc], size: int, seed: int) -> List[Dict]:
    """`size` random entity spans with their context, reproducible by `seed`."""
    ents = [ent for doc in docs for ent in doc.ents]
    sample = random.Random(seed).sample(ents, min(size, len(ents)))
    return [
        {
            "mention": ent.text,
            "context": f"{ent.doc.text[: ent.start_char]}[[{ent.text}]]{ent.doc.text[ent.end_char :]}",
            "other_entities": [other.text for other in ent.doc.ents if other != ent],
            "outside_tokens": [token.text for token in ent.doc if token.ent_iob_ == "O"],
            "is_dataset": None,
        }
        for ent in sample
    ]


def print_report(report: Dict) -> None:
    msg.divider("Weak-label conversion")
    snippets = report["snippets"]
    msg.table([(k, v if not isinstance(v, dict) else sum(v.values())) for k, v in snippets.items()], header=("snippets", "n"))
    spans = report["spans"]
    rows = [("read", "", spans["read"])]
    for action in ("kept", "repaired", "dropped"):
        rows += [(action, reason, n) for reason, n in spans[action].items() if reason != "total"]
    rows += [
        ("overlapping copies", "discarded", spans["overlapping_copies_discarded"]),
        ("added", "from lexicon", spans["added_from_lexicon"]),
        ("extended", "with head noun", spans["extended_with_head_noun"]),
        ("in output", "", spans["in_output"]),
    ]
    msg.table(rows, header=("spans", "reason", "n"))
    msg.table(list(report["tokens"].items()), header=("tokens", "n"))
    msg.table(
        [(f"{a} ({m})", f"{b} ({n})") for (a, m), (b, n) in zip(report["top_mentions_before"][:15], report["top_mentions_after"][:15])],
        header=("top mentions before", "after"),
    )


def main(
    input_path: Path = typer.Argument(..., help="Weakly labelled CoNLL file"),
    output_path: Path = typer.Argument(..., help="DocBin to write"),
    denylist_path: Path = typer.Option(None, "--denylist", help="Strings that are not dataset names, one per line"),
    report_path: Path = typer.Option(None, "--report", help="Data report JSON to write"),
    audit_path: Path = typer.Option(None, "--audit", help="JSONL of random kept spans for review"),
    audit_size: int = typer.Option(200, help="Spans in the audit export"),
    seed: int = typer.Option(0, help="Seed of the audit sample"),
    naive: bool = typer.Option(False, "--naive", help="Switch every data step off"),
    repair: bool = typer.Option(True, help="Repair spans"),
    filter: bool = typer.Option(True, help="Drop spans that are no names"),
    dedupe: bool = typer.Option(True, help="Unite duplicate texts"),
    silence: bool = typer.Option(True, help="Treat unlabelled name-like tokens as missing"),
    lexicon: bool = typer.Option(True, help="Label trusted names left as O"),
    heads: bool = typer.Option(True, help="Take a following head noun (dataset, corpus) into the span"),
    exclude: List[Path] = typer.Option([], help="JSONL files (id, text) of held-out texts: a snippet that overlaps one is left out"),
):
    """Convert the weak CoNLL corpus into a DocBin with entity label DATASET, less the snippets that
    overlap a text of `exclude` (the hand-annotated dev and test texts, kept out of training)."""
    steps = Steps(False, False, False, False, False, False) if naive else Steps(repair, filter, dedupe, silence, lexicon, heads)
    try:
        snippets = list(read_conll(input_path))
    except ValueError as err:
        stop(err)
    denylist = read_denylist(denylist_path) if denylist_path and steps.filter else frozenset()
    docs, report = convert_snippets(snippets, steps, spacy.blank("en"), denylist)
    try:
        held_out = read_held_out(exclude)
    except ValueError as err:
        stop(err)
    kept = [doc for doc in docs if not held_out.overlaps(doc.text)]
    report["excluded_docs"] = len(docs) - len(kept)
    docs = kept
    output_path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(output_path)
    if report_path:
        write_json(report_path, report)
    if audit_path:
        write_jsonl(audit_path, audit_sample(docs, audit_size, seed))
    print_report(report)
    msg.good(f"Wrote {len(docs)} docs to {output_path}")


if __name__ == "__main__":
    typer.run(main)
