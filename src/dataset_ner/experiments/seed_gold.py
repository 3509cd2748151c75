"""Settle the two annotation passes of the seed sample into gold, and split it into dev and test by
a hash of the text (corpus/seed_gold/)."""

import hashlib
import json
from pathlib import Path
from typing import Dict, List, Tuple

import typer
from wasabi import msg

from ..char_spans import CharSpan
from ..input_error import stop
from ..data.gold import Sentence, read_gold
from ..data.split_gold import write_jsonl

Spans = Tuple[CharSpan, ...]


def in_test(text: str) -> bool:
    """Half the texts, chosen by a hash of the text (copies of a text fall on one side)."""
    return hashlib.sha1(text.encode("utf8")).digest()[0] % 2 == 1


def agreement(a: List[Sentence], b: List[Sentence]) -> Dict:
    """How often two passes agree: texts annotated identically, and mention-level F1 of b against a."""
    same = sum(x.spans == y.spans for x, y in zip(a, b))
    both = sum(len(set(x.spans) & set(y.spans)) for x, y in zip(a, b))
    n_a, n_b = sum(len(x.spans) for x in a), sum(len(y.spans) for y in b)
    return {"texts": len(a), "identical_texts": same, "mentions_a": n_a, "mentions_b": n_b, "common": both,
            "f1": 2 * both / (n_a + n_b) if n_a + n_b else 1.0}


def settle(a: List[Sentence], b: List[Sentence], decisions: Dict[str, Spans]) -> List[Sentence]:
    """Gold: where the passes agree, their spans; where they differ, the recorded decision."""
    gold = []
    for x, y in zip(a, b):
        if x.id != y.id or x.text != y.text:
            stop(f"the passes differ in order or text at id {x.id!r} / {y.id!r}")
        if x.spans == y.spans:
            gold.append(x)
        elif x.id in decisions:
            gold.append(Sentence(x.id, x.text, decisions[x.id]))
        else:
            stop(f"the passes disagree on {x.id!r} and no decision settles it: {x.text!r}")
    return gold


def read_decisions(path: Path) -> Dict[str, Spans]:
    """Id → settled spans, from a JSONL of {"id", "spans", "why"}."""
    decisions = {}
    for number, line in enumerate(path.read_text(encoding="utf8").splitlines(), start=1):
        row = json.loads(line)
        if not row.get("why"):
            stop(f"{path}:{number}: a decision needs a reason ('why')")
        decisions[row["id"]] = tuple((s["start"], s["end"]) for s in row["spans"])
    return decisions


def main(
    pass_a: Path = typer.Argument(..., help="First annotation pass (JSONL: id, text, spans)"),
    pass_b: Path = typer.Argument(..., help="Second annotation pass"),
    decisions: Path = typer.Option(..., help="JSONL of settled disagreements: id, spans, why"),
    output_dir: Path = typer.Option(..., help="Folder for gold.jsonl, dev.jsonl, test.jsonl and agreement.json"),
):
    """Write the settled gold and its dev/test halves, and the agreement of the passes."""
    try:
        a, b = list(read_gold(pass_a)), list(read_gold(pass_b))
    except ValueError as err:
        stop(err)
    gold = settle(a, b, read_decisions(decisions))
    write_jsonl(gold, output_dir / "gold.jsonl")
    write_jsonl([s for s in gold if not in_test(s.text)], output_dir / "dev.jsonl")
    write_jsonl([s for s in gold if in_test(s.text)], output_dir / "test.jsonl")
    stats = agreement(a, b)
    (output_dir / "agreement.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf8")
    msg.good(f"{len(gold)} texts settled ({stats['identical_texts']} identical in both passes, mention F1 "
             f"{stats['f1']:.3f}); dev {sum(not in_test(s.text) for s in gold)}, test {sum(in_test(s.text) for s in gold)}")


if __name__ == "__main__":
    typer.run(main)
