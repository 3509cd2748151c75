"""The PDF-layer comparison reads real papers with every library and counts what each leaves in the text."""

from dataset_ner.experiments.pdf_layers import LAYERS, markdown, measure

from ..conftest import ROOT

PAPERS = sorted((ROOT / "tests/extraction/pdfs").glob("*.pdf"))


def test_every_layer_reads_the_real_papers_and_only_the_project_leaves_no_ligature():
    rows = measure(PAPERS, LAYERS)
    project = rows["dataset_ner (pypdfium2 + text_repair)"]
    assert set(rows) == {"pypdf", "pypdfium2", "pdfminer.six", "dataset_ner (pypdfium2 + text_repair)"}
    assert all(row["papers"] == len(PAPERS) and row["pages"] > 0 for row in rows.values())
    assert rows["pypdf"]["ligatures"] > 0 and project["ligatures"] == 0 and project["soft_breaks"] == 0
    table = markdown(rows, len(PAPERS)).splitlines()
    assert table[0].startswith("| layer | papers read |") and len(table) == 2 + len(rows)
