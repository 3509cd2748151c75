"""Shared fixtures: the repository root and small corpora written on the fly."""

import gzip
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WEAK_CONLL = """\
results O
on O
the O
UCF101 B-DAT
dataset O

trained O
on O
Sports- O
1M B-DAT
and O
Kinetics O

results O
on O
the O
UCF101 B-DAT
dataset O

of O
the B-DAT
model O

HMDB-51, B-DAT
and O
UCF101 O
videos O
"""

GOLD_SENTENCES = [
    {"id": "t-1", "text": "We evaluate on the IMDb dataset.", "spans": [{"start": 19, "end": 31, "label": "DATASET"}]},
    {"id": "t-2", "text": "Results on SQuAD v1.1 and CoNLL 2003 improve.", "spans": [{"start": 11, "end": 21, "label": "DATASET"}, {"start": 26, "end": 36, "label": "DATASET"}]},
    {"id": "t-3", "text": "The model is small and fast.", "spans": []},
]


def invoke_command(command, args, exit_code: int = 0):
    """Run a typer command function as its CLI would, with `args` as strings; asserts its exit status
    (0 unless told: a refused input exits 1)."""
    import typer
    from typer.testing import CliRunner

    app = typer.Typer()
    app.command()(command)
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code == exit_code, result.output
    return result


@pytest.fixture
def weak_conll(tmp_path: Path) -> Path:
    path = tmp_path / "weak.conll"
    path.write_text(WEAK_CONLL, encoding="utf8")
    return path


def write_scirex_papers(path: Path, lines) -> list:
    """The papers at `lines` (line indices) of corpus/scirex/train_docs.jsonl.gz, written gzipped to `path`."""
    with gzip.open(ROOT / "corpus/scirex/train_docs.jsonl.gz", "rt", encoding="utf8") as source:
        rows = [json.loads(line) for i, line in enumerate(source) if i in lines]
    with gzip.open(path, "wt", encoding="utf8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows)
    return rows


def write_jsonl(path: Path, rows) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf8")
    return path


@pytest.fixture
def gold_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "gold" / "train.jsonl", GOLD_SENTENCES)


RULER_PATTERNS = ["ImageNet", "HMDB-51", "HMDB51", "SQuAD"]


@pytest.fixture(scope="session")
def ruler_model(tmp_path_factory) -> Path:
    """A fast real pipeline saved to disk: a blank English tokenizer and an entity ruler tagging DATASET."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "DATASET", "pattern": p} for p in RULER_PATTERNS])
    path = tmp_path_factory.mktemp("ruler") / "model"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="session")
def transformer_nlp():
    """The real transformer + ner pipeline of configs/cpu.cfg, initialised (not trained) on two sentences.
    Seeded: its random weights otherwise depend on the tests before it, and some draws find no mention."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, load_config

    fix_random_seed(0)
    config = load_config(ROOT / "configs/cpu.cfg", overrides={"paths.train": None, "paths.dev": None}, interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    texts = [("We train on ImageNet.", (12, 20)), ("Results on SQuAD improve.", (11, 16))]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": [(s, e, "DATASET")]}) for t, (s, e) in texts]
    nlp.initialize(lambda: examples)
    return nlp


CONFIDENCE_TRAIN = [
    ("We train on ImageNet and CIFAR-10 data.", [(12, 20), (25, 33)]),
    ("Results on SQuAD improve.", [(11, 16)]),
    ("The model is fast and small.", []),
]


@pytest.fixture(scope="session")
def confident_nlp():
    """A real tok2vec + ner trained a few steps (not to certainty), then the confidence, trim and
    names components, as in configs/cnn_baseline.cfg. Seeded: otherwise its weights depend on the
    random state the tests before it leave, and about one draw in 150 finds fewer than the two
    mentions the confidence tests need."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": [(s, e, "DATASET") for s, e in spans]})
                for t, spans in CONFIDENCE_TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(12):
        nlp.update(examples, sgd=optimizer)
    for component in ("trim_dataset_mentions", "dataset_mention_confidence", "dataset_mention_names"):
        nlp.add_pipe(component)
    return nlp
