"""Dynamic int8 quantisation of a spacy-transformers pipeline's transformer, for faster CPU inference."""

import torch


def quantize_int8(nlp):
    """Replace the Linear layers of every PyTorch model inside the pipeline's `transformer`
    component with dynamically quantised int8 ones (torch.quantization.quantize_dynamic).
    Returns the number of models quantised; raises ValueError if there is none."""
    done = 0
    for node in nlp.get_pipe("transformer").model.walk():
        for shim in node.shims:
            model = getattr(shim, "_model", None)
            if not isinstance(model, torch.nn.Module):
                continue
            quantized = torch.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
            shim._model = quantized
            hf_objects = getattr(shim, "_hfmodel", None)
            if hf_objects is not None:
                hf_objects.transformer = quantized
            done += 1
    if not done:
        raise ValueError("quantize_int8: no PyTorch model in the pipeline's transformer component")
    return done
