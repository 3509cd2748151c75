"""Score the dataset linker on hand-linked gold names: every gold mention of a corpus, in its
sentence, goes through `dataset_mention_names` and `dataset_linker` (the gold spans stand in for
the ner's), and its link is compared with the catalogue id (or NIL) its name was given by hand."""

from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, NamedTuple, Tuple

import spacy
import typer
from wasabi import msg

from ..data.gold import read_gold
from ..json_files import write_json
from ..linking.alias_table import read_table
from ..linking.dataset_linker import DATASET_LINKER
from ..pipeline.vocabulary import LABEL, MENTION_NAMES

NIL = "NIL"


class Linked(NamedTuple):
    corpus: str
    mention: str
    gold: str  # a catalogue id or NIL
    predicted: str  # a catalogue id or NIL


COLUMNS = "corpus\tmention\tdataset\tid"  # the header of a gold TSV


def read_names(path: Path) -> Dict[Tuple[str, str], str]:
    """(corpus, mention) → catalogue id or NIL, from a TSV with columns corpus, mention, dataset, id."""
    lines = path.read_text(encoding="utf8").splitlines()
    if lines[0] != COLUMNS:
        raise SystemExit(f"{path}: expected the columns corpus, mention, dataset, id")
    return {(corpus, mention): entry for corpus, mention, _dataset, entry in (line.split("\t") for line in lines[1:])}


def linker_pipeline(table: Path):
    """A blank English pipeline with the project's names component and the linker on `table`."""
    nlp = spacy.blank("en")
    nlp.add_pipe(MENTION_NAMES)
    nlp.add_pipe(DATASET_LINKER, config={"table": str(table)})
    return nlp


def link_gold(nlp, corpus: str, path: Path, names: Dict[Tuple[str, str], str]) -> List[Linked]:
    """The linker's id for every gold mention of the corpus file `path` whose name `names` holds; of
    mentions inside one token ("Fisher+Switchboard"), the first alone, as an entity holds whole tokens."""
    linked = []
    for sentence in read_gold(path):
        doc = nlp.make_doc(sentence.text)
        spans, taken = [], set()
        for start, end in sorted(sentence.spans):
            ent = doc.char_span(start, end, LABEL, alignment_mode="expand")
            if taken.isdisjoint(range(ent.start, ent.end)):
                taken.update(range(ent.start, ent.end))
                spans.append(((start, end), ent))
        doc.ents = [ent for _, ent in spans]
        for ((start, end), _), ent in zip(spans, nlp(doc).ents):
            mention = " ".join(sentence.text[start:end].split())
            if (corpus, mention) in names:
                linked.append(Linked(corpus, mention, names[corpus, mention], ent.kb_id_ or NIL))
    return linked


def scores(linked: List[Linked]) -> Dict:
    """Precision of the links made, recall of the linkable mentions, share of NIL mentions left
    unlinked, and the mean number of distinct ids the linker gives the mentions of one gold id."""
    made = [row for row in linked if row.predicted != NIL]
    linkable = [row for row in linked if row.gold != NIL]
    nil = [row for row in linked if row.gold == NIL]
    ids = defaultdict(set)
    for row in made:
        if row.gold != NIL:
            ids[row.gold].add(row.predicted)
    return {
        "mentions": len(linked), "names": len({(row.corpus, row.mention) for row in linked}),
        "linkable": len(linkable), "nil": len(nil), "links": len(made),
        "precision": sum(row.predicted == row.gold for row in made) / len(made) if made else None,
        "recall": sum(row.predicted == row.gold for row in linkable) / len(linkable) if linkable else None,
        "nil_unlinked": sum(row.predicted == NIL for row in nil) / len(nil) if nil else None,
        "ids_per_dataset": sum(map(len, ids.values())) / len(ids) if ids else None,
    }


def error_rows(linked: List[Linked], entries: Dict) -> List[str]:
    """Tab-separated rows of every distinct wrong (corpus, mention, gold, predicted), with counts."""
    def name(entry_id):
        return entries[entry_id].name if entry_id in entries else ""
    errors = Counter(row for row in linked if row.predicted != row.gold)
    return ["count\tcorpus\tmention\tgold\tgold name\tpredicted\tpredicted name"] + [
        f"{count}\t{row.corpus}\t{row.mention}\t{row.gold}\t{name(row.gold)}\t{row.predicted}\t{name(row.predicted)}"
        for row, count in sorted(errors.items(), key=lambda item: (-item[1], item[0]))
    ]


def main(
    gold: Path = typer.Argument(..., exists=True, help="TSV of gold names: corpus, mention, dataset, id (or NIL)"),
    table: Path = typer.Option(..., exists=True, file_okay=False, help="Alias table folder (entries.tsv, aliases.tsv, capitals_only.txt, common_words.txt, senses.tsv)"),
    corpus: List[str] = typer.Option(..., help="NAME=PATH of a gold JSONL corpus the TSV's corpus column names"),
    output: Path = typer.Option(..., help="JSON of the scores, overall and per corpus"),
    errors: Path = typer.Option(..., help="TSV of the wrong links and missed ones"),
):
    """Link the gold mentions of each corpus and score the links against the hand-assigned ids."""
    names = read_names(gold)
    nlp = linker_pipeline(table)
    linked = [row for spec in corpus for row in link_gold(nlp, *spec.split("=", 1)[:1], Path(spec.split("=", 1)[1]), names)]
    result = {"all": scores(linked), **{name: scores([row for row in linked if row.corpus == name])
                                         for name in sorted({row.corpus for row in linked})}}
    write_json(output, result)
    errors.parent.mkdir(parents=True, exist_ok=True)
    errors.write_text("\n".join(error_rows(linked, read_table(table).entries)) + "\n", encoding="utf8")
    overall = result["all"]
    msg.good(f"{overall['mentions']} mentions of {overall['names']} names: " + ", ".join(
        f"{key} {value:.3f}" for key, value in overall.items() if isinstance(value, float)) + f" ({output}, {errors})")


if __name__ == "__main__":
    typer.run(main)
