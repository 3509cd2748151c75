"""Score a pipeline on the hand-annotated test splits: exact, head-tolerant and overlap P/R/F1."""

from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Tuple

import spacy
import typer
from spacy import displacy
from wasabi import msg

from ..char_spans import CharSpan
from ..data.gold import Sentence, read_gold
from ..input_error import stop
from ..json_files import write_json
from ..length_order import in_length_order
from ..pipeline.vocabulary import LABEL
from .scoring import score_corpus

Spans = List[CharSpan]


# Texts a memory zone holds: the strings a corpus adds are freed every ZONE_TEXTS texts.
ZONE_TEXTS = 2048


def dataset_spans(doc) -> Spans:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == LABEL]


def entity_spans(nlp, texts: Sequence[str], batch_size: int) -> Iterator[Spans]:
    """The DATASET entity spans of each text, the texts going through the pipeline inside
    nlp.memory_zone(), ZONE_TEXTS at a time (so that memory stays flat over a big corpus), each
    zone's shortest first."""
    for start in range(0, len(texts), ZONE_TEXTS):
        with nlp.memory_zone():
            yield from in_length_order(nlp, texts[start:start + ZONE_TEXTS], dataset_spans, batch_size)


def predict(nlp, texts: Sequence[str], batch_size: int, sentences: bool = False) -> List[Spans]:
    """Character spans of the DATASET entities the pipeline finds in each raw text; with
    `sentences`, each text is cut into sentences (spaCy's rule-based sentencizer) that go through
    the pipeline one by one."""
    if not sentences:
        return list(entity_spans(nlp, texts, batch_size))
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    pieces = [(i, sent.start_char, sent.text) for i, doc in enumerate(splitter.pipe(texts)) for sent in doc.sents]
    found: List[Spans] = [[] for _ in texts]
    for (i, offset, _), spans in zip(pieces, entity_spans(nlp, [text for _, _, text in pieces], batch_size)):
        found[i] += [(s + offset, e + offset) for s, e in spans]
    return found


def error_page(sentences: Sequence[Sentence], predictions: Sequence[Spans], limit: int) -> str:
    """displaCy HTML of the first `limit` sentences with a false positive or negative:
    the gold annotation above the prediction."""
    examples = []
    for sentence, predicted in zip(sentences, predictions):
        if set(sentence.spans) == set(predicted):
            continue
        for title, spans in ((f"{sentence.id}: gold", sentence.spans), ("predicted", predicted)):
            ents = [{"start": s, "end": e, "label": LABEL} for s, e in spans]
            examples.append({"text": sentence.text, "ents": ents, "title": title})
        if len(examples) >= 2 * limit:
            break
    return displacy.render(examples, style="ent", manual=True, page=True, jupyter=False)


def score(sentences: Sequence[Sentence], predictions: Sequence[Spans]) -> Dict:
    """Exact, head and overlap P/R/F1 (with counts) of the predictions against the sentences' gold spans."""
    scores = score_corpus([s.text for s in sentences], [list(s.spans) for s in sentences], predictions)
    return {mode: prf.to_dict() for mode, prf in scores.items()}


def evaluate(nlp, sentences: Sequence[Sentence], batch_size: int, split: bool = False) -> Tuple[Dict, List[Spans]]:
    predictions = predict(nlp, [s.text for s in sentences], batch_size, split)
    return score(sentences, predictions), predictions


def main(
    model: str = typer.Argument(..., help="Pipeline directory or installed package name"),
    corpora: List[str] = typer.Option(..., "--corpus", help="NAME=PATH of a hand-annotated test JSONL"),
    output_dir: Path = typer.Option(..., help="Folder for one metrics JSON per corpus"),
    errors_dir: Path = typer.Option(None, help="Folder for one displaCy error page per corpus"),
    errors_limit: int = typer.Option(50, help="Sentences with errors shown per page"),
    label: str = typer.Option(None, help="Name of the pipeline in the metrics (default: MODEL)"),
    batch_size: int = typer.Option(64, help="nlp.pipe batch size"),
    split_sentences: bool = typer.Option(False, "--split-sentences", help="Predict sentence by sentence (sentencizer)"),
    pooled: str = typer.Option(None, help="Also score all corpora as one under this name (their counts summed)"),
):
    """Score MODEL on each corpus from its raw sentence text, comparing character offsets."""
    named_paths = [corpus.partition("=")[::2] for corpus in corpora]
    if pooled in [name for name, _ in named_paths]:
        stop(ValueError(f"--pooled {pooled}: a corpus has this name already, and its metrics file would be "
                        "overwritten"))
    nlp = spacy.load(model)
    output_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    every_sentence: List[Sentence] = []
    every_prediction: List[Spans] = []

    def write(name: str, path: str, sentences: Sequence[Sentence], scores: Dict) -> None:
        result = {"pipeline": label or model, "corpus": name, "path": path, "sentences": len(sentences), **scores}
        write_json(output_dir / f"{name}.json", result)
        rows.extend((name, mode, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
                    for mode, s in scores.items())

    for name, path in named_paths:
        try:
            sentences = list(read_gold(Path(path)))
        except ValueError as err:
            stop(err)
        scores, predictions = evaluate(nlp, sentences, batch_size, split_sentences)
        write(name, path, sentences, scores)
        every_sentence += sentences
        every_prediction += predictions
        if errors_dir:
            errors_dir.mkdir(parents=True, exist_ok=True)
            (errors_dir / f"{name}.html").write_text(error_page(sentences, predictions, errors_limit), encoding="utf8")
    if pooled:
        paths = " + ".join(path for _, path in named_paths)
        write(pooled, paths, every_sentence, score(every_sentence, every_prediction))
    msg.table(rows, header=("corpus", "match", "P", "R", "F1"), divider=True)


if __name__ == "__main__":
    typer.run(main)
