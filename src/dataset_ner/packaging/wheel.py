"""Build the model wheel from a `spacy package --build none` directory: with its own copies of the
pipeline components, without this project among its requirements.

The components are this project's pipeline modules, copied into the model package beside its
`__init__.py`, which imports them so that `spacy.load` registers them; a module comes with the
modules of its folder that it imports relatively (`from .vocabulary import LABEL`). They are not
given to `spacy package --code`, which imports every file as a top-level module of its own, where
a relative import fails.

`spacy package` lists the distribution of every registered function the config names. In the project
environment the components and the sentence-window span getter resolve through this project's entry
points, so `dataset_ner` would become a requirement of the wheel, although the wheel ships its own
copies of that code. This step drops it from the package meta and then builds the wheel."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List

import typer
from spacy.util import split_requirement

from ..json_files import read_json, write_json

PROJECT = "dataset_ner"
# The generated __init__.py of the package: the component imports go before this line.
VERSION_LINE = "\n__version__"


def drop_requirement(meta_path: Path, distribution: str = PROJECT) -> list:
    """Remove `distribution` from the requirements of the package meta at `meta_path`; return them."""
    meta = read_json(meta_path)
    meta["requirements"] = [req for req in meta.get("requirements", []) if split_requirement(req)[0] != distribution]
    write_json(meta_path, meta)
    return meta["requirements"]


def with_local_imports(modules: List[Path]) -> List[Path]:
    """`modules` and, recursively, the modules of their folders that they import relatively, each once."""
    found: List[Path] = []
    todo = list(modules)
    while todo:
        path = todo.pop(0)
        if path in found:
            continue
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such pipeline module")
        found.append(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf8"), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.level:
                if node.level > 1:
                    raise ValueError(f"{path}:{node.lineno}: imports from outside its folder, which the wheel does not carry")
                names = [node.module.split(".")[0]] if node.module else [alias.name for alias in node.names]
                todo += [path.parent / f"{name}.py" for name in names]
    return found


def add_components(package_dir: Path, modules: List[Path]) -> List[str]:
    """Copy `modules` (and what they import relatively) into the model package of `package_dir` and
    import `modules` from its `__init__.py`; return the names of the files copied."""
    meta = read_json(package_dir / "meta.json")
    name = meta["name"] if meta["name"].startswith(f"{meta['lang']}_") else f"{meta['lang']}_{meta['name']}"
    package = package_dir / name
    copied = []
    for path in with_local_imports(modules):
        shutil.copy(path, package / path.name)
        copied.append(path.name)
    init = package / "__init__.py"
    head, found, tail = init.read_text(encoding="utf8").partition(VERSION_LINE)
    if not found:
        raise ValueError(f"{init}: no {VERSION_LINE.strip()!r} line; not an __init__.py written by spacy package")
    imports = [f"from . import {path.stem}" for path in modules if f"from . import {path.stem}\n" not in head]
    init.write_text(head.rstrip("\n") + "\n\n" + "".join(f"{line}\n" for line in imports) + found + tail, encoding="utf8")
    return copied


def main(
    package_dir: Path = typer.Argument(..., help="Package directory written by spacy package"),
    code: str = typer.Option(..., help="Comma-separated pipeline modules whose components the wheel carries"),
):
    """Put the components into the package, drop this project from its requirements, then build its
    wheel into package_dir/dist."""
    meta_path = package_dir / "meta.json"
    if not meta_path.is_file():
        raise typer.BadParameter(f"{meta_path}: no meta.json; run spacy package --build none first")
    copied = add_components(package_dir, [Path(path) for path in code.split(",")])
    typer.echo(f"{package_dir}: components {', '.join(copied)}")
    requirements = drop_requirement(meta_path)
    typer.echo(f"{meta_path}: requirements {', '.join(requirements)}")
    subprocess.run([sys.executable, "-m", "build", ".", "--wheel"], cwd=package_dir, check=True)


if __name__ == "__main__":
    typer.run(main)
