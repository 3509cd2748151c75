"""Build the model wheel from a `spacy package --build none` directory, without this project among
its requirements.

`spacy package` lists the distribution of every registered function the config names. In the project
environment the sentence-window span getter resolves through this project's entry point, so
`dataset_ner` would become a requirement of the wheel, although the wheel ships its own copy of that
code (`--code`). This step drops it from the package meta and then builds the wheel."""

import json
import subprocess
import sys
from pathlib import Path

import typer
from spacy.util import split_requirement

PROJECT = "dataset_ner"


def drop_requirement(meta_path: Path, distribution: str = PROJECT) -> list:
    """Remove `distribution` from the requirements of the package meta at `meta_path`; return them."""
    meta = json.loads(meta_path.read_text(encoding="utf8"))
    meta["requirements"] = [req for req in meta.get("requirements", []) if split_requirement(req)[0] != distribution]
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf8")
    return meta["requirements"]


def main(package_dir: Path = typer.Argument(..., help="Package directory written by spacy package")):
    """Drop this project from the package's requirements, then build its wheel into package_dir/dist."""
    meta_path = package_dir / "meta.json"
    if not meta_path.is_file():
        raise typer.BadParameter(f"{meta_path}: no meta.json; run spacy package --build none first")
    requirements = drop_requirement(meta_path)
    typer.echo(f"{meta_path}: requirements {', '.join(requirements)}")
    subprocess.run([sys.executable, "-m", "build", ".", "--wheel"], cwd=package_dir, check=True)


if __name__ == "__main__":
    typer.run(main)
