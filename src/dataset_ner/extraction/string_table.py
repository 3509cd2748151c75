"""The string store's hash table, kept at the size its strings need.

A memory zone frees the strings it added by marking their cells deleted, and preshed (3.0.15)
counts deleted cells as filled: when filled cells reach 60 % the table doubles, however few are
live. Over many zones the table grew with every string ever seen (2M cells, 32 MiB, after 320k
documents; docs/scale.md).
"""

from preshed.maps import PreshMap

HEADROOM = 4  # a table's capacity, in live strings: deleted cells fill it for many batches before it is rebuilt


def table_size(strings) -> int:
    """The capacity of a fresh table for `strings`: the power of two at or above HEADROOM times its size."""
    return 1 << (HEADROOM * max(len(strings), 1) - 1).bit_length()


def compact_strings(strings) -> None:
    """Rebuild `strings`' table, with the same keys and string pointers, where it has grown past
    table_size; outside a memory zone only (its transient keys must be gone)."""
    size = table_size(strings)
    if strings._map.capacity > size:
        table = PreshMap(size)
        for key, value in strings._map.items():
            table[key] = value
        strings._map = table
