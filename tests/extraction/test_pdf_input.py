"""PDF input: text read with PDFium and repaired, kept in OUT/texts/ for the offsets; a damaged
page costs that page (a warning), a PDF that cannot be opened becomes a problem."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataset_ner.__main__ import app
from dataset_ner.extraction.inputs import Document, Item, Problem, expand_inputs, parse_item
from dataset_ner.extraction.pdf_text import BAD_PAGE, PdfDocument

PDFS = Path(__file__).parent / "pdfs"  # real papers, see SOURCES.md

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


def raw_pdf(pages, fonts=b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>", missing=(), extra=()):
    """A PDF written object by object: one page per content stream of `pages`, then the `extra`
    objects (numbered from 3 + 2 * len(pages)); the page numbers (from 1) in `missing` are in the
    page tree but refer to an object that does not exist."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for number, content in enumerate(pages, start=1):
        kids.append(b"99 0 R" if number in missing else b"%d 0 R" % (len(objects) + 1))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font "
                       b"%s >> >>" % (len(objects) + 2, fonts))
        objects.append(stream(content))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects + list(extra), start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def text_content(text: bytes) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text


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


@pytest.mark.parametrize("method", ["RC4", "AES_128", "AES_256"])
def test_a_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path, method):
    from fpdf.enums import EncryptionMethod

    path = make_pdf(tmp_path / "open.pdf", ["Results on ImageNet."], owner_password="owner",
                    encryption_method=EncryptionMethod[method])
    doc = parse_item(Item(str(path), 0))
    assert isinstance(doc, Document) and doc.text == "Results on ImageNet."


def test_a_damaged_page_costs_that_page_with_a_warning(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(raw_pdf([text_content(b"We train on ImageNet."), text_content(b"Lost page."),
                              text_content(b"We test on SQuAD.")], missing={2}))
    doc = parse_item(Item(str(path), 0))
    assert isinstance(doc, PdfDocument) and doc.text == "We train on ImageNet.\n\nWe test on SQuAD."
    [warning] = doc.warnings
    assert (warning.file, warning.line, warning.kind) == (str(path), 0, BAD_PAGE)
    assert warning.problem.startswith("page 2 of 3 left out: ")


def test_a_pdf_whose_pages_all_fail_is_a_problem(tmp_path):
    path = tmp_path / "lost.pdf"
    path.write_bytes(raw_pdf([text_content(b"Lost page.")], missing={1}))
    result = parse_item(Item(str(path), 0))
    assert isinstance(result, Problem) and result.kind == "bad-pdf"
    assert result.problem.startswith("unreadable PDF: no page could be read (page 1 of 1 left out: ")


def test_lone_surrogates_never_reach_the_text(tmp_path):
    """A font whose ToUnicode map gives "A" a lone high surrogate: pypdf returns it, PDFium's text does not."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Surrogate def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <D835> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>"
    path = tmp_path / "surrogate.pdf"
    pdf = raw_pdf([text_content(b"We use ImageNet A data")], fonts=b"<< /F1 %s >>" % font, extra=[stream(cmap)])
    path.write_bytes(pdf)
    doc = parse_item(Item(str(path), 0))
    assert isinstance(doc, Document) and doc.text == "We use ImageNet data"


@pytest.mark.parametrize("name, passages", [
    ("W18-6504.pdf", ["Automated learning of templates for data-to-text generation: comparing rule-based, statistical",
                      "rule-based approaches are robust and can produce high quality output given sufficient "
                      "development time and cost."]),
    ("W19-8623.pdf", ["The existing data-to-text datasets are, however, aimed at task-oriented dialogue systems, and "
                      "often thus limited in diversity and versatility.",
                      "in particular the E2E (Novikova et al., 2017) and the WebNLG (Gardent et al., 2017) datasets."]),
])
def test_real_papers_read_as_running_text(name, passages):
    doc = parse_item(Item(str(PDFS / name), 0))
    assert isinstance(doc, PdfDocument) and not doc.warnings
    assert all(passage in doc.text for passage in passages)
    assert not any(mark in doc.text for mark in ("\ufffe", "\r", "\ufb01", "robust 36"))


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


def test_extract_keeps_a_document_with_a_damaged_page_and_lists_the_page(tmp_path, ruler_model):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(raw_pdf([text_content(b"We train on ImageNet."), text_content(b"Lost page.")], missing={2}))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(path), "--output", str(out), "--model", str(ruler_model)])
    assert result.exit_code == 0, result.output
    [record] = read_records(out)
    assert [m["text"] for m in record["mentions"]] == ["ImageNet"]
    assert len(record["warnings"]) == 1 and record["warnings"][0].startswith("page 2 of 2 left out: ")
    errors = [json.loads(line) for line in (out / "errors.jsonl").open(encoding="utf8")]
    assert errors == [{"file": str(path), "line": 0, "kind": BAD_PAGE, "problem": record["warnings"][0]}]
    totals = json.loads((out / "manifest.json").read_text(encoding="utf8"))["totals"]
    assert (totals["documents"], totals["errors"]) == (1, 1)


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
