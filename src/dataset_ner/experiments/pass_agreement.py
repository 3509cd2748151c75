"""How a blind second annotation pass of a sample (blind_sample.py) agrees with the first pass: per
stratum (sentences the first pass marks a mention in, and the others), with every disagreement listed."""

from pathlib import Path
from typing import Dict, List

import typer
from wasabi import msg

from ..data.gold import Sentence, read_gold
from ..input_error import InputError, stop
from ..json_files import write_json
from .seed_gold import agreement


def disagreements(first: List[Sentence], second: List[Sentence]) -> List[Dict]:
    """The sentences the passes mark differently, with each pass's names."""
    return [{"id": a.id, "first": [a.text[s:e] for s, e in a.spans], "second": [b.text[s:e] for s, e in b.spans],
             "text": a.text} for a, b in zip(first, second) if set(a.spans) != set(b.spans)]


def main(
    first_pass: Path = typer.Argument(..., help="The corpus as annotated first (id, text, spans)"),
    second_pass: Path = typer.Argument(..., help="The blind second pass of a sample of it (id, text, spans)"),
    output: Path = typer.Option(..., help="JSON to write: agreement per stratum and the disagreements"),
):
    """Score the second pass against the first on the sentences it holds."""
    try:
        first = {s.id: s for s in read_gold(first_pass)}
        second = list(read_gold(second_pass))
    except InputError as err:
        stop(err)
    for sentence in second:
        if sentence.id not in first or first[sentence.id].text != sentence.text:
            stop(f"{second_pass}: {sentence.id!r} is no sentence of {first_pass} with the same text")
    firsts = [first[s.id] for s in second]
    report = {}
    for stratum, keep in (("with_mention", True), ("without_mention", False)):
        pairs = [(a, b) for a, b in zip(firsts, second) if bool(a.spans) == keep]
        report[stratum] = agreement([a for a, _ in pairs], [b for _, b in pairs])
    report["all"] = agreement(firsts, second)
    report["disagreements"] = disagreements(firsts, second)
    write_json(output, report)
    for stratum in ("with_mention", "without_mention", "all"):
        counts = report[stratum]
        msg.info(f"{stratum}: {counts['texts']} sentences, {counts['identical_texts']} identical; mentions "
                 f"first {counts['mentions_a']}, second {counts['mentions_b']}, common {counts['common']}, "
                 f"F1 {counts['f1']:.3f}")
    msg.good(f"{len(report['disagreements'])} sentences marked differently → {output}")


if __name__ == "__main__":
    typer.run(main)
