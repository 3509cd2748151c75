"""char_spans.overlaps: spans that share a character overlap; touching ends do not."""

import pytest

from dataset_ner.char_spans import overlaps


@pytest.mark.parametrize(
    "span, others, expected",
    [
        ((0, 5), [(4, 8)], True),
        ((4, 8), [(0, 5)], True),
        ((2, 3), [(0, 10)], True),
        ((0, 5), [(5, 8)], False),
        ((5, 8), [(0, 5)], False),
        ((0, 5), [], False),
        ((10, 12), [(0, 2), (11, 20)], True),
    ],
)
def test_overlaps(span, others, expected):
    assert overlaps(span, others) is expected
