"""How good the converted SciREX labels are: precision and recall of the Material spans as they are
and of the cleaned DATASET mentions against the hand-annotated sample (corpus/scirex/sample_gold.jsonl),
per stratum of the sample and weighted to all train-paper sentences."""

from collections import Counter
from pathlib import Path
from typing import Dict, List, Set, Tuple

import spacy
import typer
from wasabi import msg

from ..char_spans import CharSpan, overlaps
from ..data.gold import read_gold
from ..data.scirex import example_doc
from ..input_error import InputError, stop
from ..json_files import write_json
from .scirex_sample import stratum, train_strata

LABELS = ("material", "cleaned")


def match(predicted: List[CharSpan], gold: List[CharSpan]) -> Counter:
    """Counts for precision (predicted spans, those that match) and recall (gold spans, those
    matched), with exact bounds and with any shared character."""
    predicted, gold = sorted(set(predicted)), sorted(set(gold))
    return Counter({"predicted": len(predicted), "gold": len(gold),
                    "exact predicted matched": len(set(predicted) & set(gold)), "exact gold matched": len(set(predicted) & set(gold)),
                    "overlap predicted matched": sum(overlaps(p, gold) for p in predicted),
                    "overlap gold matched": sum(overlaps(g, predicted) for g in gold)})


def scores(counts: Counter, kind: str) -> Dict[str, float]:
    """Precision and recall of `kind` (exact or overlap) from match's counts."""
    return {"precision": round(counts[f"{kind} predicted matched"] / counts["predicted"], 3) if counts["predicted"] else 0.0,
            "recall": round(counts[f"{kind} gold matched"] / counts["gold"], 3) if counts["gold"] else 0.0}


def gold_on_outside(doc, gold: List[CharSpan]) -> int:
    """Gold mentions with a token the converted doc marks O: a dataset taught as a non-mention."""
    outside = [(t.idx, t.idx + len(t)) for t in doc if t.ent_iob_ == "O"]
    return sum(overlaps(span, outside) for span in gold)


def main(
    papers_path: Path = typer.Argument(..., help="SciREX papers (corpus/scirex/train_docs.jsonl.gz)"),
    gold_path: Path = typer.Argument(..., help="Hand-annotated sample (corpus/scirex/sample_gold.jsonl)"),
    output: Path = typer.Option(None, help="JSON to write the counts and scores to"),
):
    """Print and write precision and recall of the converted labels before and after cleaning."""
    try:
        gold = {s.id: s for s in read_gold(gold_path)}
        strata = train_strata(papers_path)
    except InputError as err:
        stop(err)
    population = {name: len(examples) for name, examples in strata.items()}
    found = {e.id: e for examples in strata.values() for e in examples if e.id in gold}
    unknown = sorted(set(gold) - set(found))
    if unknown:
        stop(f"{gold_path}: {len(unknown)} ids are no sentence of a train paper, e.g. {unknown[0]}")
    nlp = spacy.blank("en")
    counts: Dict[Tuple[str, str], Counter] = {(label, name): Counter() for label in LABELS for name in strata}
    sampled: Counter = Counter()
    on_outside = 0
    for sentence_id, sentence in gold.items():
        example = found[sentence_id]
        if example.text != sentence.text:
            stop(f"{gold_path}: the text of {sentence_id} is not the converted text: {sentence.text[:60]!r}")
        name = stratum(example)
        sampled[name] += 1
        spans = list(sentence.spans)
        counts["material", name] += match(list(example.materials), spans)
        counts["cleaned", name] += match(list(example.mentions), spans)
        on_outside += gold_on_outside(example_doc(nlp, example), spans)
    result = {"sample": dict(sampled), "population": population, "gold mentions": sum(len(s.spans) for s in gold.values()),
              "gold mentions on a token marked O": on_outside, "labels": {}}
    rows = []
    for label in LABELS:
        weighted = Counter()
        for name in strata:
            weight = population[name] / sampled[name] if sampled[name] else 0.0
            weighted.update({key: value * weight for key, value in counts[label, name].items()})
        result["labels"][label] = {
            "strata": {name: {"counts": dict(counts[label, name]), **{k: scores(counts[label, name], k) for k in ("exact", "overlap")}}
                       for name in strata},
            "weighted": {k: scores(weighted, k) for k in ("exact", "overlap")},
        }
        for kind in ("exact", "overlap"):
            pooled = sum((counts[label, name] for name in strata), Counter())
            rows.append((label, kind, *scores(pooled, kind).values(), *result["labels"][label]["weighted"][kind].values()))
    msg.table(rows, header=("labels", "match", "P sample", "R sample", "P weighted", "R weighted"))
    msg.info(f"{on_outside} of {result['gold mentions']} gold mentions touch a token the converted doc marks O")
    if output:
        write_json(output, result)


if __name__ == "__main__":
    typer.run(main)
