"""Continue the transformer's masked-language-model pretraining on the project's training texts
(domain-adaptive pretraining): the SciREX train papers, the seed snippets and the hand-annotated
train splits, never a dev or test text. Writes a Hugging Face model directory that `train` reads
through `--paths.transformer`."""

import random
import time
from pathlib import Path
from typing import List, Optional

import spacy
import torch
import typer
from spacy.tokens import DocBin
from transformers import AutoModelForMaskedLM, AutoTokenizer, DataCollatorForLanguageModeling, PreTrainedModel
from wasabi import msg

from ..pipeline.transformer_path import transformer_path

BF16_FLAGS = ("amx_bf16", "avx512_bf16")


def pack_chunks(texts: List[str], tokenizer, max_length: int) -> List[List[int]]:
    """Consecutive texts' word pieces packed into chunks that leave room for [CLS] and [SEP]
    within `max_length`; a text longer than a chunk is cut."""
    room = max_length - 2
    chunks, current = [], []
    for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]:
        ids = ids[:room]
        if current and len(current) + len(ids) > room:
            chunks.append(current)
            current = []
        current = current + ids
    if current:
        chunks.append(current)
    return chunks


def masked_lm_head(model: PreTrainedModel) -> torch.nn.Module:
    """The masked-LM head beside the encoder: `cls` of BERT models, `lm_head` of RoBERTa's."""
    heads = [module for name, module in model.named_children() if name != model.base_model_prefix]
    if len(heads) != 1:
        raise ValueError(f"{type(model).__name__}: expected one masked-LM head beside the encoder, "
                         f"found {len(heads)}")
    return heads[0]


def masked_lm_loss(model: PreTrainedModel, batch: dict) -> torch.Tensor:
    """Cross-entropy of the masked positions only: the vocabulary projection of the other
    positions is the largest part of a full forward pass and adds nothing to the loss."""
    labels = batch.pop("labels")
    hidden = model.base_model(**batch).last_hidden_state
    masked = labels != -100
    logits = masked_lm_head(model)(hidden[masked])
    return torch.nn.functional.cross_entropy(logits.float(), labels[masked])


def cpu_has_bf16() -> bool:
    """Whether the CPU computes bfloat16 natively (AMX or AVX-512 BF16); elsewhere autocast is slower."""
    cpuinfo = Path("/proc/cpuinfo")
    flags = cpuinfo.read_text().split() if cpuinfo.is_file() else []
    return any(flag in flags for flag in BF16_FLAGS)


def pretrain(model_name: str, tokenizer, chunks: List[List[int]], steps: int, batch_size: int, seed: int,
             learn_rate: float, head_learn_rate: float, bf16: bool, device: str = "cpu",
             log_every: int = 50) -> PreTrainedModel:
    """AdamW with a linear warm-up over the first tenth of the steps and a linear decay; the
    masked-LM head (new where the model ships without one, as MiniLM does) learns at `head_learn_rate`."""
    rng = random.Random(seed)
    torch.manual_seed(seed)
    model = AutoModelForMaskedLM.from_pretrained(model_name).to(device)
    model.train()
    body_prefix = model.base_model_prefix + "."
    head = [p for n, p in model.named_parameters() if not n.startswith(body_prefix)]
    body = [p for n, p in model.named_parameters() if n.startswith(body_prefix)]
    optimizer = torch.optim.AdamW([{"params": body, "lr": learn_rate}, {"params": head, "lr": head_learn_rate}],
                                  weight_decay=0.01)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (steps - step) / steps))
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15)
    order: List[int] = []
    start, losses = time.time(), []
    for step in range(steps):
        if len(order) < batch_size:
            order += rng.sample(range(len(chunks)), len(chunks))
        batch = collator([{"input_ids": [tokenizer.cls_token_id] + chunks[order.pop()] + [tokenizer.sep_token_id]}
                          for _ in range(batch_size)])
        batch = {key: value.to(device) for key, value in batch.items()}
        with torch.autocast(torch.device(device).type, dtype=torch.bfloat16, enabled=bf16):
            loss = masked_lm_loss(model, batch)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        losses.append(loss.item())
        if (step + 1) % log_every == 0 or step + 1 == steps:
            recent = losses[-log_every:]
            msg.text(f"step {step + 1}: loss {sum(recent) / len(recent):.3f}, "
                     f"{(time.time() - start) / (step + 1):.2f} s/step")
    return model


def main(
    transformer: str = typer.Argument(..., help="Model to start from: pkg:MODULE, a local directory, a hub name"),
    output: Path = typer.Argument(..., help="Directory to write the pretrained model to"),
    docbin: List[Path] = typer.Option(..., exists=True, help="Training DocBin whose texts are read (repeatable)"),
    steps: int = typer.Option(1000, help="Optimizer steps"),
    batch_size: int = typer.Option(32, help="Chunks per step"),
    max_length: int = typer.Option(128, help="Word pieces per chunk, [CLS] and [SEP] included"),
    learn_rate: float = typer.Option(1e-4, help="Learning rate of the transformer"),
    head_learn_rate: float = typer.Option(5e-4, help="Learning rate of the new masked-LM head"),
    seed: int = typer.Option(0, help="Random seed (chunk order, masks)"),
    bf16: Optional[bool] = typer.Option(None, help="bfloat16 autocast (default: where the CPU has it natively)"),
    threads: int = typer.Option(0, help="torch threads (0: torch's default)"),
    gpu_id: int = typer.Option(-1, help="GPU to train on (-1: the CPU)"),
):
    """Masked-LM pretraining of TRANSFORMER on the texts of the DocBins, saved to OUTPUT."""
    if threads:
        torch.set_num_threads(threads)
    model_name = transformer_path(transformer)
    device = f"cuda:{gpu_id}" if gpu_id >= 0 else "cpu"
    vocab = spacy.blank("en").vocab
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    texts, chunks = 0, []
    for path in docbin:  # packed within one DocBin: a chunk never joins two sources
        docbin_texts = [doc.text for doc in DocBin().from_disk(path).get_docs(vocab)]
        texts += len(docbin_texts)
        chunks += pack_chunks(docbin_texts, tokenizer, max_length)
    if bf16 is None:
        bf16 = torch.cuda.is_bf16_supported() if gpu_id >= 0 else cpu_has_bf16()
    msg.info(f"{texts} texts in {len(chunks)} chunks of <= {max_length} word pieces; "
             f"{steps} steps of {batch_size} on {device}, bf16 {bf16}")
    model = pretrain(model_name, tokenizer, chunks, steps, batch_size, seed, learn_rate, head_learn_rate, bf16,
                     device)
    output.mkdir(parents=True, exist_ok=True)
    model.base_model.save_pretrained(output)
    tokenizer.save_pretrained(output)
    msg.good(f"Saved {output}")


if __name__ == "__main__":
    typer.run(main)
