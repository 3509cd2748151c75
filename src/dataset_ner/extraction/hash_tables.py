"""spaCy's hash tables of strings and lexemes, kept at the size their live entries need.

A memory zone frees the strings and lexemes it added by marking their cells deleted, and preshed
(3.0.15) counts deleted cells as filled: when filled cells reach 60 % a table doubles, however few
are live. Over many zones the string store's table and the vocabulary's lexeme index grew with
every word ever seen (2M and 1M cells after 320k documents; docs/scale.md).
"""

import gc

from preshed.maps import PreshMap

HEADROOM = 4  # a table's capacity, in live entries: deleted cells fill it for many batches before it is rebuilt


def table_size(entries: int) -> int:
    """The capacity of a fresh table for `entries`: the power of two at or above HEADROOM times it."""
    return 1 << (HEADROOM * max(entries, 1) - 1).bit_length()


def compact(table: PreshMap) -> None:
    """Rebuild `table` in place (same object, keys and values, new cells), where it has grown past
    table_size of its filled cells (live and deleted: a check in constant time, true after a doubling)."""
    if table.capacity > table_size(len(table)):
        items = list(table.items())
        table.__init__(table_size(len(items)))
        for key, value in items:
            table[key] = value


def compact_vocab(vocab) -> None:
    """Compact the string store's table and the vocabulary's lexeme index (Vocab._by_orth, a cdef
    attribute reached through the garbage collector's referents); outside a memory zone only."""
    compact(vocab.strings._map)
    for table in gc.get_referents(vocab):
        if isinstance(table, PreshMap):
            compact(table)
