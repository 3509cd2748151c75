import json
import os
import subprocess
import sys

import pytest
from spacy.cli.package import TEMPLATE_INIT
from spacy.util import split_requirement

from dataset_ner.packaging.wheel import add_components, imported_requirements, set_requirements, with_local_imports

from ..conftest import ROOT

PIPELINE = ROOT / "src/dataset_ner/pipeline"
MODULES = ["sentence_spans", "split_mentions", "trim_mentions", "mention_names", "mention_confidence"]
PIPES = ["split_dataset_mentions", "trim_dataset_mentions", "dataset_mention_confidence", "dataset_mention_names"]


def test_set_requirements_drops_the_project_and_adds_what_is_not_there(tmp_path):
    meta_path = tmp_path / "meta.json"
    meta = {"name": "dataset_ner", "requirements": ["spacy-transformers>=1.3.9,<1.4.0", "dataset_ner>=0.1.0,<0.2.0"]}
    meta_path.write_text(json.dumps(meta), encoding="utf8")
    added = ["rapidfuzz>=3,<4", "spacy-transformers>=1.3"]
    assert set_requirements(meta_path, added) == ["spacy-transformers>=1.3.9,<1.4.0", "rapidfuzz>=3,<4"]
    written = json.loads(meta_path.read_text(encoding="utf8"))
    assert written["requirements"] == ["spacy-transformers>=1.3.9,<1.4.0", "rapidfuzz>=3,<4"]
    assert written["name"] == "dataset_ner"


def test_the_linker_needs_rapidfuzz_and_the_names_component_nothing_more_than_spacy():
    linker = with_local_imports([ROOT / "src/dataset_ner/linking/dataset_linker.py"])
    assert [req for req in imported_requirements(linker) if not req.startswith("spacy")] == ["rapidfuzz<4,>=3"]
    assert [split_requirement(req)[0] for req in imported_requirements([PIPELINE / "mention_names.py"])] == ["spacy"]


def package_dir(tmp_path):
    """What `spacy package --build none` writes for en_toy, less the pipeline data."""
    root = tmp_path / "en_toy-0.0.1"
    (root / "en_toy").mkdir(parents=True)
    meta = json.dumps({"lang": "en", "name": "toy", "version": "0.0.1"})
    for folder in (root, root / "en_toy"):  # the wheel's setup.py copies meta.json into the package
        (folder / "meta.json").write_text(meta, encoding="utf8")
    (root / "en_toy/__init__.py").write_text(TEMPLATE_INIT.format(imports=""), encoding="utf8")
    return root


def test_the_package_carries_the_components_and_imports_them(tmp_path):
    root = package_dir(tmp_path)
    copied = add_components(root, [PIPELINE / f"{name}.py" for name in MODULES])
    assert copied == [f"{name}.py" for name in MODULES] + ["vocabulary.py"]  # the components import it
    assert sorted(path.name for path in (root / "en_toy").glob("*.py")) == sorted(["__init__.py", *copied])
    init = (root / "en_toy/__init__.py").read_text(encoding="utf8")
    assert [line for line in init.splitlines() if line.startswith("from . import")] == [f"from . import {m}" for m in MODULES]
    add_components(root, [PIPELINE / "trim_mentions.py"])  # again: nothing imported twice
    assert (root / "en_toy/__init__.py").read_text(encoding="utf8").count("from . import trim_mentions\n") == 1


def test_a_module_comes_with_what_it_imports_from_its_folder(tmp_path):
    (tmp_path / "a.py").write_text("from .b import X\nfrom . import c\n", encoding="utf8")
    (tmp_path / "b.py").write_text("from .c import Y\nX = 1\n", encoding="utf8")
    (tmp_path / "c.py").write_text("Y = 2\n", encoding="utf8")
    assert with_local_imports([tmp_path / "a.py"]) == [tmp_path / name for name in ("a.py", "b.py", "c.py")]
    (tmp_path / "d.py").write_text("from ..input_error import InputError\n", encoding="utf8")
    with pytest.raises(ValueError, match="d.py:1: imports from outside its folder"):
        with_local_imports([tmp_path / "d.py"])


def test_a_module_comes_with_what_it_imports_from_a_sibling_folder_imported_from_beside_it(tmp_path):
    root = package_dir(tmp_path)
    linker = ROOT / "src/dataset_ner/linking/dataset_linker.py"
    copied = add_components(root, [linker])
    assert sorted(copied) == ["alias_table.py", "dataset_linker.py", "mention_names.py", "tool_words.py", "vocabulary.py"]
    source = (root / "en_toy/dataset_linker.py").read_text(encoding="utf8")
    assert "\nfrom .mention_names import " in source and "\nfrom .vocabulary import " in source
    assert "from ..pipeline" not in source
    script = "import en_toy, spacy; print(spacy.blank('en').add_pipe('dataset_linker').name)"
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "dataset_linker"


@pytest.mark.parametrize("first", ["dataset_ner", "en_toy"])
def test_the_packaged_components_load_beside_dataset_ner(tmp_path, first):
    """Where dataset_ner and the model wheel are both installed, either may register the components
    first: importing the other must not fail (spaCy error E004), and the components work."""
    root = package_dir(tmp_path)
    add_components(root, [PIPELINE / f"{name}.py" for name in MODULES])
    project = "; ".join(f"import dataset_ner.pipeline.{name}" for name in MODULES)
    imports = [project, "import en_toy"] if first == "dataset_ner" else ["import en_toy", project]
    script = "; ".join([
        "import spacy", *imports,
        "nlp = spacy.blank('en')", "nlp.add_pipe('ner')", *[f"nlp.add_pipe({pipe!r})" for pipe in PIPES],
        "nlp.initialize()", "print(nlp.pipe_names, [e.text for e in nlp('We use ImageNet.').ents])",
    ])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(ROOT / "src")])}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("]")[0] + "]" == str(["ner", *PIPES])
