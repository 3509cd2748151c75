"""The memory benchmark reads RSS and the string store at each checkpoint; with memory zones the
strings of new names are freed, without them (--plain) they pile up."""

import pypdfium2 as pdfium

from dataset_ner.experiments import benchmark_memory
from dataset_ner.experiments.benchmark_big_inputs import write_jsonl, write_pdf

from ..conftest import ROOT


def test_strings_stay_flat_in_memory_zones_and_grow_without(ruler_model):
    for plain in (False, True):
        rows = benchmark_memory.measure(str(ruler_model), [100, 400], 16, plain)
        assert [row["documents"] for row in rows] == [0, 100, 400] and all(row["rss_mb"] > 0 for row in rows)
        grown = rows[2]["strings"] - rows[1]["strings"]
        assert grown >= 300 * 3 if plain else grown == 0, rows


def test_big_inputs_are_generated_to_size(tmp_path):
    lines = write_jsonl(tmp_path / "big.jsonl", 200_000)
    assert lines == len((tmp_path / "big.jsonl").read_text(encoding="utf8").splitlines()) == 5
    pdfs = sorted((ROOT / "tests/extraction/pdfs").glob("*.pdf"))
    write_pdf(tmp_path / "long.pdf", pdfs, 30)
    assert len(pdfium.PdfDocument(str(tmp_path / "long.pdf"))) == 30
