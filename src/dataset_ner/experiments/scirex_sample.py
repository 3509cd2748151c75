"""Draw the seeded sample of SciREX train-paper sentences that is annotated by hand
(corpus/scirex/sample_gold.jsonl): half from sentences with a Material span, half from the rest,
so that both the converted labels' precision and what they miss can be measured."""

import random
from collections import Counter
from pathlib import Path
from typing import Dict, List

import typer
from wasabi import msg

from ..data.scirex import Example, examples, read_papers, train_vocabulary
from ..data.scirex_split import split_of
from ..input_error import InputError, stop
from ..json_files import write_jsonl

WITH_MATERIAL, WITHOUT_MATERIAL = "with material", "without material"


def stratum(example: Example) -> str:
    return WITH_MATERIAL if example.materials else WITHOUT_MATERIAL


def train_strata(papers_path: Path) -> Dict[str, List[Example]]:
    """The train papers' sentences of at least three words by stratum, in file order."""
    papers = list(read_papers(papers_path))
    spellings, known = train_vocabulary(papers)
    strata: Dict[str, List[Example]] = {WITH_MATERIAL: [], WITHOUT_MATERIAL: []}
    for paper in papers:
        if split_of(paper.doc_id) == "train":
            for example in examples(paper, spellings, known, Counter()):
                if len(example.text.split()) >= 3:
                    strata[stratum(example)].append(example)
    return strata


def main(
    papers_path: Path = typer.Argument(..., help="SciREX papers (corpus/scirex/train_docs.jsonl.gz)"),
    output: Path = typer.Argument(..., help="JSONL to write: id, doc_id, text (no labels: annotate blind)"),
    size: int = typer.Option(150, help="Sentences drawn from each stratum"),
    seed: int = typer.Option(0, help="Random seed"),
):
    """Write `size` sentences with and `size` without a Material span, shuffled together."""
    try:
        strata = train_strata(papers_path)
    except InputError as err:
        stop(err)
    rng = random.Random(seed)
    drawn = [example for name in (WITH_MATERIAL, WITHOUT_MATERIAL) for example in rng.sample(strata[name], size)]
    rng.shuffle(drawn)
    write_jsonl(output, ({"id": e.id, "doc_id": e.doc_id, "text": e.text} for e in drawn))
    msg.good(f"{len(drawn)} sentences ({size} of {len(strata[WITH_MATERIAL]):,} with Material, {size} of "
             f"{len(strata[WITHOUT_MATERIAL]):,} without) → {output}")


if __name__ == "__main__":
    typer.run(main)
