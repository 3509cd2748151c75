"""The import-linter contracts in setup.cfg: kept by the source tree, broken by an import against them."""

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def lint_imports(source_root):
    """Run lint-imports with setup.cfg's contracts over the package found under source_root."""
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
         "--no-cache", str(ROOT / "setup.cfg")],
        capture_output=True, text=True, env=env,
    )


def test_the_source_tree_keeps_the_contracts():
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, line, contract",
    [
        ("pipeline/trim_mentions.py", "from ..data import gold", "Stages import downwards"),
        ("pipeline/trim_mentions.py", "from .. import input_error", "imports nothing else of the project"),
        ("pipeline/vocabulary.py", "from ..json_files import read_jsonl", "imports nothing else of the project"),
        ("linking/dataset_linker.py", "from ..extraction import extract", "Stages import downwards"),
        ("linking/alias_table.py", "from ..json_files import read_json", "imports nothing else of the project but"),
        ("pipeline/mention_names.py", "from ..linking import alias_table", "Stages import downwards"),
        ("data/gold.py", "from ..extraction import inputs", "Stages import downwards"),
        ("extraction/inputs.py", "from ..evaluation import scoring", "Stages import downwards"),
        ("evaluation/scoring.py", "from ..experiments import timed", "Stages import downwards"),
        ("__main__.py", "from .experiments import timed", "Stages import downwards"),
    ],
)
def test_an_import_against_the_stages_breaks_a_contract(tmp_path, module, line, contract):
    shutil.copytree(ROOT / "src/dataset_ner", tmp_path / "dataset_ner", ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "dataset_ner" / module
    path.write_text(path.read_text() + f"\n{line}  # noqa: E402,F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout
