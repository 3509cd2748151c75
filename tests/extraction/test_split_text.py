from dataset_ner.extraction.split_text import split_text


def test_pieces_are_short_cover_the_text_and_cut_at_boundaries():
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 40 + "End." for i in range(20))
    pieces = split_text(text, 500)
    assert all(e - s <= 500 for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(text[e - 2 : e] == "\n\n" for _, e in pieces[:-1])


def test_falls_back_to_spaces_then_hard_cuts():
    assert split_text("aaaa bbbb cccc", 6) == [(0, 5), (5, 10), (10, 14)]
    assert split_text("x" * 10, 4) == [(0, 4), (4, 8), (8, 10)]
    assert split_text("short", 100) == [(0, 5)]


def test_a_name_with_an_exclamation_mark_is_not_cut():
    text = "We test it. Then Yahoo! Answers is big and more"
    assert [text[s:e] for s, e in split_text(text, 33)] == ["We test it. Then Yahoo! Answers ", "is big and more"]
