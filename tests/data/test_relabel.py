import json

import spacy
from spacy.tokens import DocBin, Span

from dataset_ner.data.relabel import fill, main, merge
from dataset_ner.experiments.teacher import main as teacher_main

from ..conftest import invoke_command, write_jsonl

TEXT = "We use ImageNet and HMDB-51 , not ResNet ."


def weak_doc():
    nlp = spacy.blank("en")
    doc = nlp.make_doc(TEXT)  # We use ImageNet and HMDB-51 , not ResNet .
    doc.set_ents([Span(doc, 2, 3, label="DATASET")], missing=[doc[4:5], doc[7:8]], default="outside")
    return doc


def labelled(doc):
    return [(e.text, e.label_) for e in doc.ents], [t.ent_iob_ for t in doc]


SCORED = [(7, 15, 0.9), (20, 27, 0.95), (34, 40, 0.3)]  # ImageNet, HMDB-51, ResNet (unsure)


def test_union_keeps_weak_mentions_and_adds_sure_teacher_ones():
    ents, iob = labelled(merge(weak_doc(), SCORED, "union", 0.5))
    assert ents == [("ImageNet", "DATASET"), ("HMDB-51", "DATASET")]
    assert iob == ["O", "O", "B", "O", "B", "O", "O", "", "O"]  # the unsure "ResNet" is missing, the rest O


def test_a_weak_mention_wins_where_the_teacher_disagrees_on_its_bounds():
    ents, _ = labelled(merge(weak_doc(), [(7, 27, 0.99)], "union", 0.5))
    assert ents == [("ImageNet", "DATASET")]


def test_teacher_policy_ignores_the_weak_labels():
    ents, _ = labelled(merge(weak_doc(), [(20, 27, 0.95)], "teacher", 0.5))
    assert ents == [("HMDB-51", "DATASET")]


def silver_doc():
    """SciREX-like: a mention, a hard negative (O) and name-like tokens left missing."""
    doc = spacy.blank("en").make_doc(TEXT)  # We use ImageNet and HMDB-51 , not ResNet .
    doc.set_ents([Span(doc, 2, 3, label="DATASET")], missing=[doc[4:5]], default="outside")
    return doc


def test_fill_labels_only_the_missing_tokens():
    # the teacher finds ImageNet (already a mention), HMDB-51 (missing) and ResNet (O in the silver)
    ents, iob = labelled(fill(silver_doc(), [(7, 15, 0.9), (20, 27, 0.95), (34, 40, 0.99)], 0.5))
    assert ents == [("ImageNet", "DATASET"), ("HMDB-51", "DATASET")]
    assert iob == ["O", "O", "B", "O", "B", "O", "O", "O", "O"]


def test_fill_leaves_an_unsure_teacher_mention_missing_and_other_missing_tokens_outside():
    assert labelled(fill(silver_doc(), [(20, 27, 0.3)], 0.5))[1] == ["O", "O", "B", "O", "", "O", "O", "O", "O"]
    assert labelled(fill(silver_doc(), [], 0.5))[1] == ["O", "O", "B", "O", "O", "O", "O", "O", "O"]


def test_fill_reads_labels_only_for_texts_with_missing_tokens(tmp_path, confident_nlp):
    nlp = spacy.blank("en")
    complete = nlp.make_doc("Results on SQuAD improve .")
    complete.set_ents([Span(complete, 2, 3, label="DATASET")], default="outside")
    DocBin(docs=[silver_doc(), complete]).to_disk(tmp_path / "scirex.spacy")
    confident_nlp.to_disk(tmp_path / "teacher")
    invoke_command(teacher_main, [tmp_path / "teacher", tmp_path / "scirex.spacy", "--output", tmp_path / "labels.jsonl",
                                  "--only-missing"])
    rows = [json.loads(line) for line in (tmp_path / "labels.jsonl").read_text().splitlines()]
    assert [r["text"] for r in rows] == [TEXT]
    invoke_command(main, [tmp_path / "scirex.spacy", tmp_path / "labels.jsonl", "--output", tmp_path / "filled.spacy",
                          "--policy", "fill"])
    filled = list(DocBin().from_disk(tmp_path / "filled.spacy").get_docs(nlp.vocab))
    assert [d.text for d in filled] == [TEXT, "Results on SQuAD improve ."]
    assert all(token.ent_iob_ for doc in filled for token in doc if token.i != 4)
    assert [e.text for e in filled[1].ents] == ["SQuAD"]


def test_the_commands_label_and_merge_every_weak_text(tmp_path, confident_nlp):
    nlp = spacy.blank("en")
    weak = DocBin(docs=[weak_doc(), nlp.make_doc("Results on SQuAD improve .")])
    weak.to_disk(tmp_path / "weak.spacy")
    confident_nlp.to_disk(tmp_path / "teacher")
    invoke_command(teacher_main, [tmp_path / "teacher", tmp_path / "weak.spacy", "--output", tmp_path / "labels.jsonl"])
    rows = [json.loads(line) for line in (tmp_path / "labels.jsonl").read_text().splitlines()]
    assert [r["text"] for r in rows] == [TEXT, "Results on SQuAD improve ."]
    assert all(0 < s["confidence"] <= 1 and r["text"][s["start"]:s["end"]] for r in rows for s in r["spans"])
    invoke_command(main, [tmp_path / "weak.spacy", tmp_path / "labels.jsonl", "--output", tmp_path / "seeds.spacy"])
    merged = list(DocBin().from_disk(tmp_path / "seeds.spacy").get_docs(nlp.vocab))
    assert [d.text for d in merged] == [TEXT, "Results on SQuAD improve ."]
    assert "ImageNet" in [e.text for e in merged[0].ents]


def test_a_weak_text_without_teacher_labels_is_refused(tmp_path, capsys):
    DocBin(docs=[weak_doc()]).to_disk(tmp_path / "weak.spacy")
    (tmp_path / "labels.jsonl").write_text(json.dumps({"text": "other", "spans": []}) + "\n", encoding="utf8")
    result = invoke_command(main, [tmp_path / "weak.spacy", tmp_path / "labels.jsonl", "--output", tmp_path / "s.spacy"],
                            exit_code=1)
    assert "no teacher labels for 1 texts" in result.output + capsys.readouterr().err


OTHER = "Results on SQuAD improve ."


def write_reviewed(path, rows):
    write_jsonl(path, [{"id": f"weak-{i}", "text": text, "spans": [{"start": s, "end": e, "label": "DATASET"} for s, e in spans]}
                       for i, (text, spans) in enumerate(rows)])
    return path


def test_a_text_reviewed_by_hand_takes_its_reviewed_mentions_and_o_elsewhere(tmp_path):
    nlp = spacy.blank("en")
    DocBin(docs=[weak_doc(), nlp.make_doc(OTHER)]).to_disk(tmp_path / "weak.spacy")
    write_jsonl(tmp_path / "labels.jsonl", [{"text": OTHER, "spans": [{"start": 11, "end": 16, "confidence": 0.9}]}])
    reviewed = write_reviewed(tmp_path / "reviewed.jsonl", [(TEXT, [(20, 27)])])  # HMDB-51 only: ImageNet was wrong
    invoke_command(main, [tmp_path / "weak.spacy", tmp_path / "labels.jsonl", "--output", tmp_path / "seeds.spacy",
                          "--reviewed", reviewed])
    merged = list(DocBin().from_disk(tmp_path / "seeds.spacy").get_docs(nlp.vocab))
    assert labelled(merged[0]) == ([("HMDB-51", "DATASET")], ["O", "O", "O", "O", "B", "O", "O", "O", "O"])
    assert [e.text for e in merged[1].ents] == ["SQuAD"]  # not reviewed: the teacher's label, read as before


def test_a_reviewed_text_that_is_no_weak_text_or_reviewed_twice_is_refused_with_its_line(tmp_path, capsys):
    DocBin(docs=[weak_doc()]).to_disk(tmp_path / "weak.spacy")
    write_jsonl(tmp_path / "labels.jsonl", [])
    args = [tmp_path / "weak.spacy", tmp_path / "labels.jsonl", "--output", tmp_path / "s.spacy", "--reviewed"]
    reviewed = write_reviewed(tmp_path / "r.jsonl", [(TEXT, []), (OTHER, [])])
    result = invoke_command(main, [*args, reviewed], exit_code=1)
    assert f"{reviewed}:2: weak-1 is no text of {tmp_path / 'weak.spacy'}" in result.output + capsys.readouterr().err
    reviewed = write_reviewed(tmp_path / "r.jsonl", [(TEXT, []), (TEXT, [(7, 15)])])
    result = invoke_command(main, [*args, reviewed], exit_code=1)
    assert f"{reviewed}:2: text {TEXT!r} is reviewed twice (first on line 1)" in result.output + capsys.readouterr().err
    assert not (tmp_path / "s.spacy").exists()
