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
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps, registry

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
