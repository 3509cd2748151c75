"""Every distinct dataset name of the training texts with its mention count and the link the linker
gives it in the first sentence it occurs in: the names besides the dev set's that linking rules are
read on. SciREX gives the cleaned mentions of its train papers alone, so no dev or test paper's name
is among them, and a sentence that overlaps a held-out text is left out, as in training."""

from collections import Counter
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import typer
from wasabi import msg

from ..char_spans import CharSpan
from ..data.conll import read_conll
from ..data.convert import char_span
from ..data.detokenize import detokenize
from ..data.gold import read_gold
from ..data.held_out import HeldOut, read_held_out
from ..data.scirex import examples, read_papers, train_vocabulary
from ..data.scirex_split import split_of
from ..evaluation.link_scores import linker_pipeline
from ..input_error import InputError, stop
from ..linking.dataset_linker import DATASET_LINKER
from ..pipeline.vocabulary import LABEL

COLUMNS = ("name", "mentions", "id", "dataset", "source")


def gold_sentences(path: Path) -> Iterator[Tuple[str, List[CharSpan]]]:
    for sentence in read_gold(path):
        yield sentence.text, list(sentence.spans)


def seed_sentences(path: Path) -> Iterator[Tuple[str, List[CharSpan]]]:
    for snippet in read_conll(path):
        text, offsets = detokenize(snippet.tokens)
        yield text, [char_span(offsets, span) for span in snippet.mention_spans()]


def scirex_sentences(path: Path) -> Iterator[Tuple[str, List[CharSpan]]]:
    """The cleaned mentions of the train papers (the spellings and known names of the train papers too)."""
    papers = list(read_papers(path))
    spellings, known = train_vocabulary(papers)
    for paper in papers:
        if split_of(paper.doc_id) == "train":
            for example in examples(paper, spellings, known, Counter()):
                yield example.text, list(example.mentions)


def kept(sentences: Iterator[Tuple[str, List[CharSpan]]], held_out: HeldOut) -> Iterator[Tuple[str, List[CharSpan]]]:
    return (sentence for sentence in sentences if not held_out.overlaps(sentence[0]))


def name_rows(nlp, sources: Dict[str, Iterator[Tuple[str, List[CharSpan]]]]) -> List[Tuple[str, ...]]:
    """(name, mentions, id or NIL, the dataset's name, source of its first sentence), most mentioned first."""
    counts: Counter = Counter()
    first: Dict[str, Tuple[str, str, str]] = {}
    entries = nlp.get_pipe(DATASET_LINKER).table.entries
    for source, sentences in sources.items():
        for text, spans in sentences:
            doc = nlp.make_doc(text)
            ents = [doc.char_span(start, end, LABEL, alignment_mode="expand") for start, end in spans]
            try:
                doc.ents = [ent for ent in ents if ent is not None]
            except ValueError:  # overlapping spans: not a sentence the pipeline would see
                continue
            names = [" ".join(ent.text.split()) for ent in doc.ents]
            counts.update(names)
            if any(name not in first for name in names):
                for name, ent in zip(names, nlp(doc).ents):
                    entry = entries.get(ent.kb_id_)
                    first.setdefault(name, (ent.kb_id_ or "NIL", entry.name if entry else "", source))
    return [(name, str(count), *first[name]) for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def main(
    table: Path = typer.Argument(..., exists=True, file_okay=False, help="Alias table folder (corpus/catalogue)"),
    output: Path = typer.Argument(..., help="TSV to write: name, mentions, id, dataset, source"),
    gold: List[Path] = typer.Option([], help="Hand-annotated train splits, JSON Lines (corpus/heddes2021/train_revised.jsonl)"),
    seeds: List[Path] = typer.Option([], help="Weakly labelled CoNLL snippets (corpus/seeds/dataset_mentions.conll)"),
    scirex: List[Path] = typer.Option([], help="SciREX papers (corpus/scirex/train_docs.jsonl.gz): their train papers only"),
    exclude: List[Path] = typer.Option([], help="JSONL files (id, text) of held-out texts: a sentence that overlaps one is left out"),
):
    """Write the training texts' distinct names with their links."""
    sources = {**{str(path): gold_sentences(path) for path in gold}, **{str(path): seed_sentences(path) for path in seeds},
               **{str(path): scirex_sentences(path) for path in scirex}}
    try:
        held_out = read_held_out(exclude)
        rows = name_rows(linker_pipeline(table), {source: kept(sentences, held_out) for source, sentences in sources.items()})
    except InputError as err:
        stop(err)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join("\t".join(row) + "\n" for row in [COLUMNS, *rows]), encoding="utf8")
    linked = [row for row in rows if row[2] != "NIL"]
    msg.good(f"{len(rows):,} names ({sum(int(r[1]) for r in rows):,} mentions), {len(linked):,} linked "
             f"({sum(int(r[1]) for r in linked):,} mentions) → {output}")


if __name__ == "__main__":
    typer.run(main)
