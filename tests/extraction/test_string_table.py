from spacy.strings import StringStore

from dataset_ner.extraction.string_table import compact_strings, table_size


def test_compacting_keeps_every_string_and_shrinks_a_table_grown_by_zones():
    strings = StringStore(["ImageNet", "SQuAD", "dataset"])
    for zone in range(50):
        with strings.memory_zone():
            for i in range(100):
                strings.add(f"Corpus{zone}x{i}")
    assert strings._map.capacity > table_size(strings)
    compact_strings(strings)
    assert strings._map.capacity == table_size(strings) == 16
    assert len(strings) == 3 and {strings[strings[s]] for s in ("ImageNet", "SQuAD", "dataset")} == {"ImageNet", "SQuAD", "dataset"}
    assert "Corpus0x0" not in strings
    strings.add("after")
    assert strings[strings["after"]] == "after" and len(strings) == 4


def test_a_table_within_its_size_is_left_alone():
    strings = StringStore([f"word{i}" for i in range(100)])
    table = strings._map
    compact_strings(strings)
    assert strings._map is table
