"""An `after_pipeline_creation` callback that has the pipeline's CPU layers multiply their matrices
through numpy's BLAS (OpenBLAS in numpy's wheels) instead of thinc's default, BLIS.

On a 2-core AMD EPYC (AVX2) BLIS took 4.8 ms for the (1,850 × 192) · (192 × 192) product of a
tok2vec layer, numpy 1.0 ms (0.95 on one thread); the sm pipeline went from 24,000 to 42,700
words/s on the same texts with the same mentions and confidences (docs/speed.md). The parser's
per-state step still calls BLIS from C; on a GPU (CupyOps) nothing changes."""

from typing import Callable

from spacy.language import Language
from spacy.util import registry
from thinc.api import Model, NumpyOps


def numpy_matmul(nlp: Language) -> Language:
    """Give every layer of `nlp`'s components that runs on thinc's BLIS NumpyOps a NumpyOps
    without BLIS; the weights stay as they are."""
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if type(node.ops) is NumpyOps and node.ops.use_blis:
                    node.ops = ops
    return nlp


@registry.callbacks("dataset_ner.numpy_matmul.v1")
def create_numpy_matmul() -> Callable[[Language], Language]:
    """The `[nlp.after_pipeline_creation]` callback `numpy_matmul`."""
    return numpy_matmul
