"""PDF input: text extracted with pypdf, kept in OUT/texts/ for the offsets; bad PDFs become problems."""

import json

import pytest
from typer.testing import CliRunner

from dataset_ner.__main__ import app
from dataset_ner.extraction.inputs import Document, Item, Problem, expand_inputs, parse_item

PAGES = {
    "one.pdf": ["We pretrain on ImageNet. The clips of HMDB-51 are short.\nResults on SQuAD improve."],
    "two.pdf": ["Our detector is trained on ImageNet. It is fast.",
                "On the second page we test on HMDB51. And SQuAD too."],
}


def make_pdf(path, pages, **encryption):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    if encryption:
        pdf.set_encryption(**encryption)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 10, text)
    pdf.output(str(path))
    return path


@pytest.fixture
def folder(tmp_path):
    """Two good PDFs (one of two pages), a truncated one, an encrypted one and two text files."""
    folder = tmp_path / "papers"
    (folder / "sub").mkdir(parents=True)
    for name, pages in PAGES.items():
        make_pdf(folder / ("sub" if name == "two.pdf" else "") / name, pages)
    good = (folder / "one.pdf").read_bytes()
    (folder / "broken.pdf").write_bytes(good[: len(good) // 2])
    make_pdf(folder / "locked.pdf", ["Secret use of ImageNet."], owner_password="owner", user_password="user")
    (folder / "a.txt").write_text("A text on SQuAD.", encoding="utf8")
    (folder / "sub" / "b.txt").write_text("Another on ImageNet.", encoding="utf8")
    return folder


def test_folders_yield_text_files_and_pdfs_once_sorted(folder):
    names = [p.relative_to(folder).as_posix() for p in expand_inputs([folder], "*")]
    assert names == ["a.txt", "broken.pdf", "locked.pdf", "one.pdf", "sub/b.txt", "sub/two.pdf"]
    names = [p.relative_to(folder).as_posix() for p in expand_inputs([folder])]
    assert names == ["a.txt", "broken.pdf", "locked.pdf", "one.pdf", "sub/b.txt", "sub/two.pdf"]


def test_pdf_text_is_its_pages_joined_by_a_blank_line(folder):
    path = str(folder / "sub" / "two.pdf")
    doc = parse_item(Item(path, 0))
    assert isinstance(doc, Document) and doc.id == path and doc.store_text
    first, second = doc.text.split("\n\n")
    assert "trained on ImageNet" in first and "test on HMDB51" in second


@pytest.mark.parametrize("name,problem", [("broken.pdf", "unreadable PDF"), ("locked.pdf", "encrypted PDF")])
def test_bad_pdfs_are_problems(folder, name, problem):
    path = str(folder / name)
    result = parse_item(Item(path, 0))
    assert isinstance(result, Problem) and (result.file, result.line, result.kind) == (path, 0, "bad-pdf")
    assert result.problem.startswith(problem)


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n" + bytes(range(256)) * 4, b"\x00garbage" * 50])
def test_garbage_named_pdf_is_a_problem(tmp_path, content):
    path = tmp_path / "junk.pdf"
    path.write_bytes(content)
    result = parse_item(Item(str(path), 0))
    assert isinstance(result, Problem) and result.kind == "bad-pdf"


def test_pdf_without_text_is_empty_text(tmp_path):
    path = make_pdf(tmp_path / "blank.pdf", [""])
    result = parse_item(Item(str(path), 0))
    assert isinstance(result, Problem) and result.kind == "empty-text" and "no text in the PDF" in result.problem


def read_records(out):
    return [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open(encoding="utf8")]


def test_extract_reads_pdfs_and_stores_their_text(tmp_path, folder, ruler_model):
    out = tmp_path / "out"
    args = ["extract", str(folder), "--output", str(out), "--model", str(ruler_model), "--shard-size", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    records = read_records(out)
    good = [folder / "a.txt", folder / "one.pdf", folder / "sub" / "b.txt", folder / "sub" / "two.pdf"]
    assert sorted(r["id"] for r in records) == sorted(map(str, good))
    by_id = {r["id"]: r for r in records}
    assert "text_file" not in by_id[str(folder / "a.txt")] and not any("text" in r for r in records)
    for name, hmdb in [("one.pdf", "HMDB-51"), ("sub/two.pdf", "HMDB51")]:
        record = by_id[str(folder / name)]
        stored = (out / record["text_file"]).read_bytes().decode("utf8")
        assert stored == parse_item(Item(str(folder / name), 0)).text
        assert [m["text"] for m in record["mentions"]] == ["ImageNet", hmdb, "SQuAD"]
        assert all(stored[m["start"]:m["end"]] == m["text"] for m in record["mentions"])
    assert len({r["text_file"] for r in records if "text_file" in r}) == 2
    errors = [json.loads(line) for line in (out / "errors.jsonl").open(encoding="utf8")]
    assert sorted((e["file"], e["line"], e["kind"]) for e in errors) == [
        (str(folder / "broken.pdf"), 0, "bad-pdf"), (str(folder / "locked.pdf"), 0, "bad-pdf")]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf8"))
    assert manifest["complete"] and manifest["totals"]["documents"] == 4 and manifest["totals"]["errors"] == 2
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and read_records(out) == records


def test_a_shard_redone_after_a_crash_rewrites_its_pdf_text(tmp_path, folder, ruler_model):
    out = tmp_path / "out"
    args = ["extract", str(folder / "one.pdf"), "--output", str(out), "--model", str(ruler_model)]
    assert CliRunner().invoke(app, args).exit_code == 0
    [record] = read_records(out)
    text = out / record["text_file"]
    expected = text.read_bytes()
    text.unlink()
    (out / "part-00000.jsonl").unlink()  # as if killed before the shard was complete
    assert CliRunner().invoke(app, args).exit_code == 0
    assert read_records(out) == [record] and text.read_bytes() == expected
