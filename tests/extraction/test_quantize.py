import torch

from dataset_ner.extraction.quantize import is_ffn_output, quantize_int8


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
    quantized = {n for n, m in shim._model.named_modules() if isinstance(m, torch.ao.nn.quantized.dynamic.Linear)}
    fp32 = {n for n, m in shim._model.named_modules() if type(m) is torch.nn.Linear}
    assert "encoder.layer.0.attention.self.query" in quantized and "encoder.layer.0.intermediate.dense" in quantized
    assert fp32 == {n for n in quantized | fp32 if is_ffn_output(n)} == {f"encoder.layer.{i}.output.dense" for i in range(6)}
    assert tensor_shapes(nlp, text) == before
