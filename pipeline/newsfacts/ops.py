"""thinc's NumPy backend with a vectorised maxout, for running the base model's layers faster.

Every encoder layer of spaCy's CNN pipelines ends in a maxout over three pieces (``Maxout``, in the
embedding mix and in each window-encoder layer of the tagger/parser and entity recognizer tok2vecs).
thinc's ``NumpyOps.maxout`` finds the largest piece and its index in one loop of its own; two
``numpy.maximum`` calls over the pieces take about a seventh of its time, and the index is only read
by a backward pass, so it is found when one asks for it. The values are the same numbers (a maximum
is exact), so the facts do not change. Selected by ``[nlp] matmul`` in the pipeline config
(``newsfacts.nlp.matmul_ops``); a layer keeps the ops it was built with.
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps, registry


class _Deferred:
    """The pieces of a maxout, kept until a backward pass asks which one won."""

    __slots__ = ("pieces",)

    def __init__(self, pieces: numpy.ndarray) -> None:
        self.pieces = pieces

    def which(self) -> numpy.ndarray:
        return self.pieces.argmax(axis=-1).astype("int32")


@registry.ops("NewsfactsOps")
class NewsfactsOps(NumpyOps):
    """``NumpyOps`` whose maxout is two element-wise maxima; everything else is thinc's."""

    name = "newsfacts"

    def maxout(self, X):  # type: ignore[override]
        if X.ndim != 3 or X.dtype != numpy.float32 or X.shape[-1] < 2:
            return super().maxout(X)
        best = numpy.maximum(X[..., 0], X[..., 1])
        for piece in range(2, X.shape[-1]):
            numpy.maximum(best, X[..., piece], out=best)
        return best, _Deferred(X)

    def backprop_maxout(self, dY, which, P):  # type: ignore[override]
        if isinstance(which, _Deferred):
            which = which.which()
        return super().backprop_maxout(dY, which, P)
