"""Words/s of a pipeline with and without the dataset linker, in one run, and the share of time the
linker takes. Passes without the linker (select_pipes) and with it alternate, so that both see the
same machine load. A pass with it times each linker call as nlp.pipe would make it, on each doc as
it comes out of the pipeline: the linker's share of that pass is its cost, measured within one
pass (the paired passes' words/s differ by more than that from machine noise alone). A third pass,
alternating too, times the linker alone on the corpora's gold mentions: what it costs where the
pipeline finds as many mentions as the annotators marked, whatever the pipeline's own recall. Every
pass with the linker starts cold (DatasetLinker.forget): repeated passes over the same texts would
otherwise time the names it remembers from the pass before."""

import statistics
import time
from pathlib import Path
from typing import List, Tuple

import spacy
import typer
from wasabi import msg

from ..data.gold import read_gold
from ..evaluation.benchmark import words_per_second
from ..json_files import write_json
from ..linking.dataset_linker import DATASET_LINKER
from ..pipeline.vocabulary import LABEL, MENTION_NAMES


def gold_docs(nlp, corpora: List[Path]) -> list:
    """The corpora's texts as Docs with their gold mentions, named by dataset_mention_names."""
    docs = []
    for sentence in (sentence for path in corpora for sentence in read_gold(path)):
        doc = nlp.make_doc(sentence.text)
        doc.ents = [doc.char_span(start, end, LABEL, alignment_mode="expand") for start, end in sentence.spans]
        docs.append(nlp.get_pipe(MENTION_NAMES)(doc))
    return docs


def seconds_with_linker(nlp, linker, texts: List[str], batch_size: int) -> Tuple[float, float]:
    """Seconds of one pass of `nlp` over `texts` with `linker` called on each doc as it comes out, as
    nlp.pipe calls a component, from cold (forget); and the seconds of those calls."""
    linker.forget()
    linking = 0.0
    start = time.perf_counter()
    with nlp.select_pipes(disable=[DATASET_LINKER]):
        for doc in nlp.pipe(texts, batch_size=batch_size):
            called = time.perf_counter()
            linker(doc)
            linking += time.perf_counter() - called
    return time.perf_counter() - start, linking


def linker_words_per_second(linker, docs: list) -> float:
    """Words/s of `linker` alone over `docs`, from cold (forget)."""
    linker.forget()
    start = time.perf_counter()
    for doc in docs:
        linker(doc)
    return sum(len(doc) for doc in docs) / (time.perf_counter() - start)


def main(
    model: str = typer.Argument(..., help="Trained pipeline (directory or package) without the linker"),
    table: Path = typer.Option(..., exists=True, file_okay=False, help="Alias table folder"),
    corpora: List[Path] = typer.Option(..., "--corpus", help="JSONL files whose texts are processed"),
    output: Path = typer.Option(..., help="JSON file to write"),
    rounds: int = typer.Option(11, help="Timed passes with and without the linker, alternating"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size"),
):
    """Median words/s of MODEL without and with dataset_linker, the share of each pass with it that the
    linker takes (median over rounds; also the median of each round's paired passes' words/s), and how
    many mentions it linked (its cost grows with them)."""
    texts = [sentence.text for path in corpora for sentence in read_gold(path)]
    nlp = spacy.load(model)
    linker = nlp.add_pipe(DATASET_LINKER)
    linker.initialize(table=str(table))
    docs = gold_docs(nlp, corpora)
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    rates = {"without": [], "with": [], "linker_alone_gold": []}
    shares = []
    for _ in range(rounds):
        with nlp.select_pipes(disable=[DATASET_LINKER]):
            rates["without"] += words_per_second(nlp, texts, batch_size, repeats=1)
        seconds, linking = seconds_with_linker(nlp, linker, texts, batch_size)
        rates["with"].append(words / seconds)
        shares.append(linking / seconds)
        rates["linker_alone_gold"].append(linker_words_per_second(linker, docs))
    ents = [ent for doc in nlp.pipe(texts, batch_size=batch_size) for ent in doc.ents]
    medians = {name: statistics.median(values) for name, values in rates.items()}
    cost = statistics.median(shares)
    # each round's pair of passes, one after the other: their words/s also give a cost, a noisier one
    paired = statistics.median(1 - with_ / without for with_, without in zip(rates["with"], rates["without"]))
    # words/s of pipeline + linker where the linker sees the gold mentions: the two times add up
    gold_cost = 1 - (1 / medians["without"]) / (1 / medians["without"] + 1 / medians["linker_alone_gold"])
    write_json(output, {"model": model, "texts": len(texts), "words": words, "batch_size": batch_size, "rounds": rounds,
                        **{f"words_per_second_{name}": round(value) for name, value in medians.items()},
                        "runs": {**{name: [round(r) for r in values] for name, values in rates.items()},
                                 "linker_share": [round(share, 4) for share in shares]},
                        "linker_cost": round(cost, 4), "linker_cost_paired": round(paired, 4), "mentions": len(ents),
                        "linked": sum(bool(ent.kb_id_) for ent in ents),
                        "gold_mentions": sum(len(doc.ents) for doc in docs), "linker_cost_at_gold_mentions": round(gold_cost, 4)})
    msg.table([("without linker", round(medians["without"])), ("with linker", round(medians["with"])),
               ("linker cost (its share of the passes)", f"{cost:.1%}"), ("linker cost (paired passes)", f"{paired:.1%}"),
               ("mentions, linked", f"{len(ents)}, {sum(bool(e.kb_id_) for e in ents)}"),
               ("linker alone, gold mentions", round(medians["linker_alone_gold"])),
               ("linker cost at gold mentions", f"{gold_cost:.1%}")],
              divider=True)


if __name__ == "__main__":
    typer.run(main)
