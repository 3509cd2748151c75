"""The README stays short, names none of the project's own history, and its command table is
`spacy project document`'s output for the current project.yml."""

import re
import subprocess
import sys

from .conftest import ROOT

START = "<!-- WEASEL: AUTO-GENERATED DOCS START (do not remove) -->"
END = "<!-- WEASEL: AUTO-GENERATED DOCS END (do not remove) -->"


def test_the_readme_is_short_and_names_no_issue_or_commit():
    readme = (ROOT / "README.md").read_text(encoding="utf8")
    assert len(readme.splitlines()) <= 160
    assert not re.search(r"\bissue \d+|\b[0-9a-f]{7,40}\b", readme, re.IGNORECASE)


def test_the_command_table_is_generated_from_project_yml(tmp_path):
    (tmp_path / "project.yml").write_bytes((ROOT / "project.yml").read_bytes())
    subprocess.run([sys.executable, "-m", "spacy", "project", "document", str(tmp_path), "--output", str(tmp_path / "README.md")],
                   check=True, capture_output=True)
    generated = (tmp_path / "README.md").read_text(encoding="utf8")
    readme = (ROOT / "README.md").read_text(encoding="utf8")
    section = readme[readme.index(START):readme.index(END) + len(END)]
    assert section.strip() == generated.strip()
