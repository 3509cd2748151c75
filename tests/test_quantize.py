import torch

from dataset_ner.quantize import quantize_int8


def tensor_shapes(nlp, text):
    doc = nlp(text)
    return [tuple(t.shape) for t in doc._.trf_data.tensors], len(doc)


def test_int8_pipeline_runs_with_output_of_the_same_shape(transformer_nlp, tmp_path):
    import spacy

    text = "We evaluate on ImageNet and HMDB-51. " * 3
    before = tensor_shapes(transformer_nlp, text)
    transformer_nlp.to_disk(tmp_path / "m")
    nlp = spacy.load(tmp_path / "m")
    assert quantize_int8(nlp) == 1
    [shim] = [shim for node in nlp.get_pipe("transformer").model.walk() for shim in node.shims]
    linears = [m for m in shim._model.modules() if isinstance(m, torch.ao.nn.quantized.dynamic.Linear)]
    assert linears
    assert tensor_shapes(nlp, text) == before
