"""Settle the two annotation passes of the seed sample into gold, and split it into dev and test by
a hash of the text (corpus/seed_gold/)."""

import hashlib
from pathlib import Path
from typing import Dict, List, Tuple

import typer
from wasabi import msg

from ..char_spans import CharSpan
from ..data.gold import Sentence, read_gold, write_gold
from ..input_error import InputError, stop
from ..json_files import read_jsonl, write_json

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
    for number, row in read_jsonl(path):
        if not row.get("why"):
            stop(f"{path}:{number}: a decision needs a reason ('why')")
        try:
            decisions[row["id"]] = tuple((s["start"], s["end"]) for s in row["spans"])
        except (KeyError, TypeError) as err:
            raise InputError(path, number, f"expected id and spans with start/end ({err!r})") from None
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
        settled = read_decisions(decisions)
    except ValueError as err:
        stop(err)
    gold = settle(a, b, settled)
    write_gold(output_dir / "gold.jsonl", gold)
    write_gold(output_dir / "dev.jsonl", [s for s in gold if not in_test(s.text)])
    write_gold(output_dir / "test.jsonl", [s for s in gold if in_test(s.text)])
    stats = agreement(a, b)
    write_json(output_dir / "agreement.json", stats)
    msg.good(f"{len(gold)} texts settled ({stats['identical_texts']} identical in both passes, mention F1 "
             f"{stats['f1']:.3f}); dev {sum(not in_test(s.text) for s in gold)}, test {sum(in_test(s.text) for s in gold)}")


if __name__ == "__main__":
    typer.run(main)
