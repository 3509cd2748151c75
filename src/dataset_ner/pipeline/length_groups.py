"""spacy-transformers' TransformerModel that, outside training, runs its windows in groups of like
length.

spacy-transformers pads every window of a batch to the longest: on a paper, where a window is a
sentence (sentence_spans.py) and sentences run from a heading to a long paragraph line, about four
in five of the wordpieces the transformer reads are padding. Sorted by length and cut into groups
of at most `group_items` padded wordpieces, the same windows give the same hidden states (the
attention mask already hid the padding) at a fraction of the work: extraction of whole papers runs
3.7 times as fast on a 2-core CPU (docs/speed.md). Training passes the batch through unchanged."""

from typing import Callable, List

import numpy
import torch
from spacy_transformers.data_classes import WordpieceBatch
from spacy_transformers.layers import TransformerModel
from spacy_transformers.util import registry
from thinc.api import Model
from transformers.utils.generic import ModelOutput


def length_groups(lengths: List[int], group_items: int) -> List[numpy.ndarray]:
    """Indices of `lengths`, shortest first, cut into groups whose count × longest stays within
    `group_items` (a window longer than that is a group of its own)."""
    groups: List[List[int]] = [[]]
    for i in numpy.argsort(numpy.asarray(lengths), kind="stable"):
        if groups[-1] and (len(groups[-1]) + 1) * lengths[i] > group_items:
            groups.append([])
        groups[-1].append(int(i))
    return [numpy.asarray(group) for group in groups if group]


def in_length_groups(forward: Callable, group_items: int) -> Callable:
    """The transformer layer's `forward`, run on length groups of its wordpiece batch when not
    training; the outputs put back in the batch's order and width (zeros where it pads)."""

    def grouped_forward(model: Model, wordpieces: WordpieceBatch, is_train: bool):
        if is_train or len(wordpieces) <= 1:
            return forward(model, wordpieces, is_train)
        width = wordpieces.input_ids.shape[1]
        outputs = {}
        for group in length_groups(list(wordpieces.lengths), group_items):
            end = max(wordpieces.lengths[i] for i in group)
            part = WordpieceBatch(
                strings=[wordpieces.strings[i] for i in group],
                input_ids=wordpieces.input_ids[group, :end],
                attention_mask=wordpieces.attention_mask[group, :end],
                lengths=[wordpieces.lengths[i] for i in group],
                token_type_ids=None if wordpieces.token_type_ids is None else wordpieces.token_type_ids[group, :end],
            )
            output, _backprop = forward(model, part, False)
            rows = torch.as_tensor(group)
            for key, value in output.items():
                if key not in outputs:
                    shape = (len(wordpieces), width, *value.shape[2:]) if value.dim() > 2 else (len(wordpieces), *value.shape[1:])
                    outputs[key] = value.new_zeros(shape)
                if value.dim() > 2:
                    outputs[key][rows, :end] = value
                else:
                    outputs[key][rows] = value
        return ModelOutput(**outputs), _no_backprop

    return grouped_forward


def _no_backprop(d_output):
    raise ValueError("the length-grouped transformer runs in groups only outside training: no gradient")


@registry.architectures("dataset_ner.LengthGroupedTransformerModel.v1")
def length_grouped_transformer_model(
    name: str,
    get_spans: Callable,
    tokenizer_config: dict = {},
    transformer_config: dict = {},
    mixed_precision: bool = False,
    grad_scaler_config: dict = {},
    group_items: int = 1024,
) -> TransformerModel:
    """spacy-transformers.TransformerModel.v3, whose transformer layer runs on groups of windows of
    like length, at most `group_items` padded wordpieces each, outside training (not where
    `transformer_config` asks for every layer's hidden states or attentions: those are returned
    as they are). The same layers and weights: a pipeline trained with either architecture loads
    with the other."""
    model = TransformerModel(name, get_spans, tokenizer_config, transformer_config,
                             mixed_precision=mixed_precision, grad_scaler_config=grad_scaler_config)
    if not any(transformer_config.get(key) for key in ("output_hidden_states", "output_attentions")):
        layer = model.layers[0]
        layer._func = in_length_groups(layer._func, group_items)  # thinc keeps a layer's forward in _func
    return model
