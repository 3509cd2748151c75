import json
from pathlib import Path

from dataset_ner.experiments.paper_sentences import MAX_WORDS, main, sentences

from ..conftest import invoke_command, write_jsonl

PDFS = Path(__file__).parents[1] / "extraction" / "pdfs"


def test_sentences_end_at_a_stop_before_a_capital_not_after_an_abbreviation():
    paragraph = ("We follow Dušek et al. (2018) and use the E2E dataset. Results are in Fig. 2 and Table 3. "
                 "Is it better? Yes! it is.")
    assert list(sentences(paragraph)) == [
        "We follow Dušek et al. (2018) and use the E2E dataset.", "Results are in Fig. 2 and Table 3.",
        "Is it better?", "Yes! it is."]


def test_a_long_sentence_is_cut_into_pieces_and_a_piece_without_letters_dropped():
    words = [f"w{i}" for i in range(MAX_WORDS + 5)]
    assert [len(piece.split()) for piece in sentences(" ".join(words))] == [MAX_WORDS, 5]
    assert list(sentences("12 34 . 56")) == []


def test_real_papers_give_body_sentences_without_the_reference_list(tmp_path):
    gold = write_jsonl(tmp_path / "papers.jsonl", [{"id": "W18-6504"}])
    output = tmp_path / "sentences.jsonl"
    invoke_command(main, [PDFS / "W18-6504.pdf", PDFS / "W19-8623.pdf", "--output", output, "--exclude", gold])
    rows = [json.loads(line) for line in output.read_text(encoding="utf8").splitlines()]
    assert {row["paper"] for row in rows} == {"W19-8623"}
    assert [row["id"] for row in rows[:2]] == ["W19-8623-1", "W19-8623-2"]
    texts = [row["text"] for row in rows]
    assert any("ViGGO" in text for text in texts)
    assert not any("A new source of inexpensive" in text for text in texts)  # the first reference entry
    assert all(len(text.split()) <= MAX_WORDS and "\n" not in text for text in texts)


def test_a_bad_exclude_file_is_refused_with_its_file_and_line(tmp_path):
    bad = tmp_path / "papers.jsonl"
    bad.write_text('{"id": "W18-6504"}\n{"id": \n', encoding="utf8")
    result = invoke_command(main, [PDFS / "W19-8623.pdf", "--output", tmp_path / "s.jsonl", "--exclude", bad], exit_code=1)
    assert f"{bad}:2: not valid JSON" in result.output
    assert not (tmp_path / "s.jsonl").exists()
