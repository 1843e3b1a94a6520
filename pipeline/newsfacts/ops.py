"""thinc's NumPy backend with a vectorised maxout, for running the base model's layers faster.

Every encoder layer of spaCy's CNN pipelines ends in a maxout over three pieces (``Maxout``, in the
embedding mix and in each window-encoder layer of the tagger/parser and entity recognizer tok2vecs).
thinc's ``NumpyOps.maxout`` finds the largest piece and its index in one loop of its own; two
``numpy.maximum`` calls over the pieces take about a seventh of its time. The index is only read by a
backward pass, which extraction never runs, so it is not computed (nor the pieces kept to find it
later: a chain of layers holds every layer's backward closure until it returns): these ops are for
inference, and a backward pass through their maxout raises. The values are the same numbers (a
maximum is exact), so the facts do not change. Selected by ``[nlp] matmul`` in the pipeline config
(``newsfacts.nlp.matmul_ops``); a layer keeps the ops it was built with.

Each of those maxouts is followed by a layer normalisation. thinc's forward computes the row means
twice (once for the mean, once inside ``var``) and subtracts them twice; ``fuse_layer_norms`` gives the
pipeline's layer norms a forward that does each once and works in place, with the very same numpy
operations in the same order, so the same numbers; training still runs thinc's forward.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps, registry
from thinc.layers import layernorm

_NO_INDEX = numpy.empty((0, 0), dtype="int32")  # what maxout returns for the winning pieces it did not find


@registry.ops("NewsfactsOps")
class NewsfactsOps(NumpyOps):
    """``NumpyOps`` whose maxout is element-wise maxima, without the winning pieces; the rest is thinc's."""

    name = "newsfacts"

    def maxout(self, X):  # type: ignore[override]
        if X.ndim != 3 or X.dtype != numpy.float32 or X.shape[-1] < 2:
            return super().maxout(X)
        best = numpy.maximum(X[..., 0], X[..., 1])
        for piece in range(2, X.shape[-1]):
            numpy.maximum(best, X[..., piece], out=best)
        return best, _NO_INDEX

    def backprop_maxout(self, dY, which, P):  # type: ignore[override]
        if which is _NO_INDEX:
            raise NotImplementedError("newsfacts' ops are for extraction: train with thinc's NumpyOps "
                                      "(a pipeline loaded with [nlp] matmul set runs on NewsfactsOps)")
        return super().backprop_maxout(dY, which, P)


def _layer_norm(model: Model, X, is_train: bool) -> tuple:
    """thinc's ``LayerNorm`` forward for extraction: ``(X - mean) / sqrt(var + 1e-8) * G + b``, the mean and
    the difference computed once (``var`` is the mean of the squared difference, as numpy computes it)."""
    if is_train or X.dtype != numpy.float32:
        return layernorm.forward(model, X, is_train)
    Y = X - X.mean(axis=1, keepdims=True)
    var = numpy.multiply(Y, Y).mean(axis=1, keepdims=True)
    var += 1e-08
    Y *= var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _no_backprop


def _no_backprop(dY) -> None:
    raise NotImplementedError("newsfacts' layer norm is for extraction: call the model with is_train=True to train")


def fuse_layer_norms(nlp: Language) -> int:
    """Give every layer norm of the pipeline's models on :class:`NewsfactsOps` the one-pass forward; returns
    how many. Layers on other ops (a model loaded without ``[nlp] matmul``) keep thinc's."""
    swapped = 0
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            forward: Callable = node._func
            if node.name == "layernorm" and forward is layernorm.forward and isinstance(node.ops, NewsfactsOps):
                node._func = _layer_norm
                swapped += 1
    return swapped
