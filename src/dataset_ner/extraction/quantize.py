"""Dynamic int8 quantisation of a spacy-transformers pipeline's transformer, for faster CPU inference."""

import torch
from torch.ao.quantization import per_channel_dynamic_qconfig


def is_ffn_output(name: str) -> bool:
    """A BERT-style feed-forward down-projection (`encoder.layer.N.output.dense`): its inputs, after
    GELU, have outliers that per-tensor int8 activations lose (exact F1 fell 3 points with it)."""
    return name.endswith("output.dense") and "attention" not in name


def quantize_int8(nlp):
    """Replace the Linear layers of every PyTorch model inside the pipeline's `transformer`
    component with dynamically quantised int8 ones (per-channel weights), except the
    feed-forward output projections, which stay fp32. Returns the number of models quantised;
    raises ValueError if there is none."""
    done = 0
    for node in nlp.get_pipe("transformer").model.walk():
        for shim in node.shims:
            model = getattr(shim, "_model", None)
            if not isinstance(model, torch.nn.Module):
                continue
            names = {name for name, module in model.named_modules()
                     if isinstance(module, torch.nn.Linear) and not is_ffn_output(name)}
            spec = {name: per_channel_dynamic_qconfig for name in names}
            quantized = torch.quantization.quantize_dynamic(model, spec, dtype=torch.qint8)
            shim._model = quantized
            hf_objects = getattr(shim, "_hfmodel", None)
            if hf_objects is not None:
                hf_objects.transformer = quantized
            done += 1
    if not done:
        raise ValueError("quantize_int8: no PyTorch model in the pipeline's transformer component")
    return done
