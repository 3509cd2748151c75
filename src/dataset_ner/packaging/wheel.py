"""Build the model wheel from a `spacy package --build none` directory: with its own copies of the
pipeline components, without this project among its requirements.

The components are this project's pipeline modules, copied into the model package beside its
`__init__.py`, which imports them so that `spacy.load` registers them; a module comes with the
modules of its folder that it imports relatively (`from .vocabulary import LABEL`), and with those
of a sibling stage folder it imports (the linker's `from ..pipeline.mention_names import
name_and_key`), an import that the copy, beside that module, makes `from .mention_names import
name_and_key`. They are not given to `spacy package --code`, which imports every file as a
top-level module of its own, where a relative import fails.

`spacy package` lists the distribution of every registered function the config names. In the project
environment the components and the sentence-window span getter resolve through this project's entry
points, so `dataset_ner` would become a requirement of the wheel, although the wheel ships its own
copies of that code. This step drops it from the package meta, adds the project's own requirements
that the copies import (the linker's `rapidfuzz`), and then builds the wheel."""

import ast
import re
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path
from typing import Iterable, List

import typer
from spacy.util import split_requirement

from ..json_files import read_json, write_json

PROJECT = "dataset_ner"
# The generated __init__.py of the package: the component imports go before this line.
VERSION_LINE = "\n__version__"


def set_requirements(meta_path: Path, added: Iterable[str] = (), distribution: str = PROJECT) -> list:
    """Remove `distribution` from the requirements of the package meta at `meta_path` and add those of
    `added` whose distribution is not among them; return them."""
    meta = read_json(meta_path)
    kept = [req for req in meta.get("requirements", []) if split_requirement(req)[0] != distribution]
    names = {split_requirement(req)[0] for req in kept}
    meta["requirements"] = kept + [req for req in added if split_requirement(req)[0] not in names]
    write_json(meta_path, meta)
    return meta["requirements"]


def imported_requirements(modules: Iterable[Path], project: str = PROJECT) -> List[str]:
    """The requirements of `project` (its setup.cfg's install_requires, no extras) whose distribution
    `modules` import by its own name ("rapidfuzz>=3,<4" of the linker's `from rapidfuzz import process`)."""
    roots = set()
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf8"), filename=str(path))):
            if isinstance(node, ast.Import):
                roots.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                roots.add(node.module.split(".")[0])
    return [req.replace(" ", "") for req in requires(project) or [] if ";" not in req
            and split_requirement(req.replace(" ", ""))[0].replace("-", "_") in roots]


def relative_imports(path: Path) -> List[ast.ImportFrom]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf8"), filename=str(path)))
            if isinstance(node, ast.ImportFrom) and node.level]


def with_local_imports(modules: List[Path]) -> List[Path]:
    """`modules` and, recursively, the modules of their folders and of sibling folders that they
    import relatively, each once."""
    found: List[Path] = []
    todo = list(modules)
    while todo:
        path = todo.pop(0)
        if path in found:
            continue
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such pipeline module")
        found.append(path)
        for node in relative_imports(path):
            if node.level > 2 or (node.level == 2 and (not node.module or "." not in node.module)):
                raise ValueError(f"{path}:{node.lineno}: imports from outside its folder and its sibling "
                                 "folders' modules, which the wheel does not carry")
            if node.level == 2:
                todo.append(path.parent.parent.joinpath(*node.module.split(".")).with_suffix(".py"))
            else:
                names = [node.module.split(".")[0]] if node.module else [alias.name for alias in node.names]
                todo += [path.parent / f"{name}.py" for name in names]
    if len({path.name for path in found}) < len(found):
        raise ValueError(f"two modules of one name among {[str(path) for path in found]}: the wheel holds them in one folder")
    return found


def flat_source(path: Path) -> str:
    """The source of `path` with its imports from sibling folders made imports from its own folder."""
    lines = path.read_text(encoding="utf8").splitlines(keepends=True)
    for node in relative_imports(path):
        if node.level == 2:
            lines[node.lineno - 1] = re.sub(rf"from \.\.{re.escape(node.module)}\b", f"from .{node.module.split('.')[-1]}",
                                            lines[node.lineno - 1])
    return "".join(lines)


def add_components(package_dir: Path, modules: List[Path]) -> List[str]:
    """Copy `modules` (and what they import relatively) into the model package of `package_dir` and
    import `modules` from its `__init__.py`; return the names of the files copied."""
    meta = read_json(package_dir / "meta.json")
    name = meta["name"] if meta["name"].startswith(f"{meta['lang']}_") else f"{meta['lang']}_{meta['name']}"
    package = package_dir / name
    copied = []
    for path in with_local_imports(modules):
        (package / path.name).write_text(flat_source(path), encoding="utf8")
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
    modules = [Path(path) for path in code.split(",")]
    copied = add_components(package_dir, modules)
    typer.echo(f"{package_dir}: components {', '.join(copied)}")
    requirements = set_requirements(meta_path, imported_requirements(with_local_imports(modules)))
    typer.echo(f"{meta_path}: requirements {', '.join(requirements)}")
    subprocess.run([sys.executable, "-m", "build", ".", "--wheel"], cwd=package_dir, check=True)


if __name__ == "__main__":
    typer.run(main)
