import gc

import spacy
from preshed.maps import PreshMap
from spacy.strings import StringStore

from dataset_ner.extraction.hash_tables import compact, compact_vocab, table_size

BOUND = 2 * table_size(100 + 3)  # a batch's 100 new entries over 3 live ones, doubled once before compaction


def test_compacting_after_each_zone_bounds_the_string_table_and_keeps_every_string():
    strings, grown = StringStore(["ImageNet", "SQuAD", "dataset"]), StringStore(["ImageNet", "SQuAD", "dataset"])
    capacities = []
    for zone in range(50):
        for store in (strings, grown):
            with store.memory_zone():
                for i in range(100):
                    store.add(f"Corpus{zone}x{i}")
        compact(strings._map)
        capacities.append(strings._map.capacity)
    assert max(capacities) <= BOUND < grown._map.capacity
    assert len(strings) == 3 and [strings[strings[s]] for s in ("ImageNet", "SQuAD", "dataset")] == ["ImageNet", "SQuAD", "dataset"]
    assert "Corpus0x0" not in strings
    strings.add("after")
    assert strings[strings["after"]] == "after" and len(strings) == 4


def test_a_table_within_its_size_is_left_alone():
    table = PreshMap()
    for key in range(1, 101):
        table[key] = key * 2
    cells = table.capacity
    compact(table)
    assert table.capacity == cells and dict(table.items()) == {key: key * 2 for key in range(1, 101)}


def test_the_lexeme_index_stays_bounded_and_keeps_its_lexemes():
    nlp = spacy.blank("en")
    nlp("ImageNet is a dataset.")
    attrs = sorted((lex.orth_, lex.shape_, lex.is_alpha) for lex in nlp.vocab)
    [index] = [o for o in gc.get_referents(nlp.vocab) if isinstance(o, PreshMap)]
    capacities, bound = [], 2 * table_size(100 + len(attrs))
    for zone in range(200):
        with nlp.memory_zone():
            nlp(" ".join(f"Corpus{zone}x{i}" for i in range(100)))
        compact_vocab(nlp.vocab)
        capacities.append(index.capacity)
    assert max(capacities) <= bound
    assert sorted((lex.orth_, lex.shape_, lex.is_alpha) for lex in nlp.vocab) == attrs
    assert [t.shape_ for t in nlp("ImageNet is a dataset.")] == ["XxxxxXxx", "xx", "x", "xxxx", "."]
