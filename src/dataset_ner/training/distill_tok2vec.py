"""Distil the transformer into en_dataset_ner_sm's tok2vec: the CNN learns to predict, for every token
of the training texts, the vector the transformer pipeline's ner reads. `train-sm` starts from the
weights written here ([initialize] init_tok2vec)."""

import random
import time
from pathlib import Path
from typing import Iterator, List

import numpy
import spacy
import typer
from spacy.cli._util import parse_config_overrides
from spacy.tokens import Doc, DocBin
from thinc.api import Adam, Linear, Maxout, Model, chain, fix_random_seed, list2array
from wasabi import msg


def teacher_vectors(nlp, docs: List[Doc], batch_size: int = 64) -> List[numpy.ndarray]:
    """Per doc, a (tokens × width) array: the transformer's token vectors after the ner's projection,
    the input of the ner's transition model. Each text is read whole, as in the transformer's
    training (its sentencizer is not run)."""
    transformer = nlp.get_pipe("transformer")
    projection = nlp.get_pipe("ner").model.get_ref("tok2vec")
    vectors = []
    for start in range(0, len(docs), batch_size):
        batch = list(transformer.pipe(docs[start:start + batch_size]))
        rows = numpy.asarray(projection.predict(batch), dtype="float32")
        vectors += numpy.split(rows, numpy.cumsum([len(doc) for doc in batch])[:-1])
        for doc in batch:  # keep only the vectors, not every doc's transformer output
            doc._.trf_data = None
    return vectors


def student_head(width: int, hidden: int = 256) -> Model:
    """Maps the tok2vec's output of a batch of docs to one predicted teacher vector per token."""
    return chain(list2array(), Maxout(nO=hidden, nP=3, normalize=True), Linear(nO=width))


def distil(tok2vec: Model, docs: List[Doc], targets: List[numpy.ndarray], epochs: int,
           batch_words: int = 1000, learn_rate: float = 0.001, seed: int = 0) -> Iterator[float]:
    """Train `tok2vec` (with a head that is then dropped) to predict the standardised `targets`,
    yielding each epoch's mean squared error as it ends."""
    fix_random_seed(seed)
    shuffle = random.Random(seed).shuffle
    stacked = numpy.concatenate(targets)
    mean, std = stacked.mean(0), stacked.std(0) + 1e-6
    targets = [(t - mean) / std for t in targets]
    model = chain(tok2vec, student_head(stacked.shape[1]))
    model.initialize(X=docs[:100], Y=numpy.concatenate(targets[:100]))
    optimizer = Adam(learn_rate)
    order = list(range(len(docs)))
    for _ in range(epochs):
        shuffle(order)
        squared, count, i = 0.0, 0, 0
        while i < len(order):
            batch, words = [], 0
            while i < len(order) and words < batch_words:
                batch.append(order[i])
                words += len(docs[order[i]])
                i += 1
            truth = numpy.concatenate([targets[j] for j in batch])
            predicted, backprop = model.begin_update([docs[j] for j in batch])
            backprop((predicted - truth) / len(truth))
            model.finish_update(optimizer)
            squared += float(((predicted - truth) ** 2).sum())
            count += truth.size
        yield squared / count


app = typer.Typer(add_completion=False)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def main(
    ctx: typer.Context,
    teacher: str = typer.Argument(..., help="Trained transformer pipeline (training/model-best)"),
    config: Path = typer.Argument(..., exists=True, help="The small pipeline's config (configs/cnn_baseline.cfg)"),
    output: Path = typer.Argument(..., help="Tok2vec weights to write (training/sm_tok2vec.bin)"),
    docbin: List[Path] = typer.Option(..., exists=True, help="DocBin whose texts are read (repeat the option)"),
    epochs: int = typer.Option(15, help="Passes over the texts"),
    seed: int = typer.Option(0, help="Random seed of the initial weights and the order of texts"),
):
    """Write OUTPUT: CONFIG's tok2vec trained to predict TEACHER's ner input. Further --section.key
    options override CONFIG as in `spacy train` (give the same as to the training)."""
    overrides = parse_config_overrides(ctx.args)
    nlp = spacy.util.load_model_from_config(spacy.util.load_config(config, overrides=overrides), auto_fill=True)
    if "tok2vec" not in nlp.pipe_names:
        msg.fail(f"{config}: no tok2vec component to distil into", exits=1)
    teacher_nlp = spacy.load(teacher)
    if "transformer" not in teacher_nlp.pipe_names:
        msg.fail(f"{teacher}: no transformer component to distil from", exits=1)
    docs = [Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
            for path in docbin for doc in DocBin().from_disk(path).get_docs(nlp.vocab)]
    start = time.perf_counter()
    targets = teacher_vectors(teacher_nlp, docs)
    msg.info(f"Teacher vectors of {sum(map(len, docs)):,} tokens in {len(docs):,} texts "
             f"({time.perf_counter() - start:.0f} s)")
    tok2vec = nlp.get_pipe("tok2vec").model
    for epoch, loss in enumerate(distil(tok2vec, docs, targets, epochs, seed=seed), start=1):
        msg.text(f"epoch {epoch}: mean squared error {loss:.4f}")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(tok2vec.to_bytes())
    msg.good(f"tok2vec weights → {output}")


if __name__ == "__main__":
    app()
