import spacy

from dataset_ner.extraction.extract import Counts, extract_records
from dataset_ner.extraction.hash_tables import table_size
from dataset_ner.extraction.inputs import Document

FILLER = "The network is trained for ninety epochs with a small learning rate and strong augmentation. "


def long_text():
    """About 40,000 characters with mentions at the start, in the middle and at the end."""
    middle = FILLER * 200
    return "ImageNet results. " + middle + "We also report HMDB-51 accuracy.\n\n" + middle + "Finally SQuAD"


def test_long_document_mentions_at_start_middle_end_with_offsets(ruler_model):
    nlp, text = spacy.load(ruler_model), long_text()
    counts = Counts()
    [record] = list(extract_records(nlp, [Document("paper", text)], max_chars=1000, counts=counts))
    found = [(m["text"], m["start"], m["end"]) for m in record["mentions"]]
    assert [t for t, _, _ in found] == ["ImageNet", "HMDB-51", "SQuAD"]
    assert all(text[s:e] == t for t, s, e in found)
    assert found[0][1] == 0 and found[2][2] == len(text)
    assert counts.documents == 1 and counts.mentions == 3 and counts.words > 6000


def test_records_keep_input_order_and_ids(ruler_model):
    docs = [Document(i, f"Doc {i} uses ImageNet." if i % 2 else "Nothing here.") for i in range(7)]
    records = list(extract_records(spacy.load(ruler_model), docs, batch_size=2, max_chars=10))
    assert [r["id"] for r in records] == list(range(7))
    assert [len(r["mentions"]) for r in records] == [0, 1, 0, 1, 0, 1, 0]
    assert records[1]["mentions"][0] == {
        "text": "ImageNet", "start": 11, "end": 19, "label": "DATASET", "name": "ImageNet", "key": "imagenet",
        "confidence": None, "dataset_id": None, "dataset_url": None, "dataset_full_name": None, "section": "body",
        "citation": False, "tool": False}
    assert records[1]["datasets"] == [{"name": "ImageNet", "key": "imagenet", "dataset_id": None, "mentions": 1,
                                       "confidence": None}]


def test_the_pipeline_reads_the_text_without_its_citations_and_records_offsets_as_written(ruler_model):
    text = "Unlike SQuAD (HMDB51 Team, 2011; Li et al., 2016), the ImageNet (Deng and Li, 2009) images"
    [record] = list(extract_records(spacy.load(ruler_model), [Document("p", text)]))
    assert [(m["text"], text[m["start"]:m["end"]]) for m in record["mentions"]] == [("SQuAD", "SQuAD"),
                                                                                   ("ImageNet", "ImageNet")]
    assert record["mentions"][1]["start"] == text.index("ImageNet")


def test_long_text_runs_through_the_transformer_covering_every_token(transformer_nlp):
    text = long_text()[:6000]
    [record] = list(extract_records(transformer_nlp, [Document("p", text)], max_chars=100_000))
    assert record["id"] == "p" and all(text[m["start"]:m["end"]] == m["text"] for m in record["mentions"])
    doc = transformer_nlp(text)
    align = doc._.trf_data.align
    assert len(doc) > 1000 and all(len(align[i].data) > 0 for i in range(len(doc)) if not doc[i].is_space)


def test_new_words_leave_no_strings_behind(ruler_model):
    nlp = spacy.load(ruler_model)
    list(extract_records(nlp, [Document(0, "Warm-up on ImageNet.")]))
    before = len(nlp.vocab.strings)
    docs = [Document(i, f"We release Corpus{i}x and Benchmark{i}y, unlike ImageNet.") for i in range(300)]
    records = list(extract_records(nlp, docs, batch_size=16))
    assert [m["name"] for r in records for m in r["mentions"]] == ["ImageNet"] * 300
    assert len(nlp.vocab.strings) == before


def test_new_words_leave_the_string_table_its_size(ruler_model):
    nlp = spacy.load(ruler_model)
    list(extract_records(nlp, [Document(0, "Warm-up on ImageNet.")]))
    docs = [Document(i, f"We release Corpus{i}x and Benchmark{i}y, unlike ImageNet.") for i in range(3000)]
    records = list(extract_records(nlp, docs, batch_size=16))
    assert [m["name"] for r in records for m in r["mentions"]] == ["ImageNet"] * 3000
    assert nlp.vocab.strings._map.capacity <= table_size(len(nlp.vocab.strings))
