"""newsfacts.ops: the base model's layers on thinc's NumPy ops with a vectorised maxout give the very
same analysis as on thinc's own, and a backward pass still gets the winning pieces."""

import numpy
import pytest
from thinc.api import NumpyOps

from newsfacts.ops import NewsfactsOps

TEXT = ("Shares in Vodafone rose 3% in London on Tuesday after the chief executive, Vittorio Colao, said "
        "the group would sell its stake in Verizon Wireless for $130bn. \"This is a good deal,\" he said.")


@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_maxout_gives_thincs_values(pieces):
    rng = numpy.random.default_rng(7)
    X = rng.random((40, 8, pieces), dtype="float32")
    X[0, 0, :] = 1.0  # a tie
    best, _ = NewsfactsOps().maxout(X)
    best_t, _ = NumpyOps().maxout(X)
    assert best.dtype == numpy.float32 and best.flags["C_CONTIGUOUS"]
    assert numpy.array_equal(best, best_t)


def test_a_backward_pass_through_the_fast_maxout_says_what_to_train_with():
    ops = NewsfactsOps()
    X = numpy.ones((4, 2, 3), dtype="float32")
    _, which = ops.maxout(X)
    with pytest.raises(NotImplementedError, match="NumpyOps"):
        ops.backprop_maxout(numpy.ones((4, 2), dtype="float32"), which, 3)
    # anything else than float32 pieces is thinc's own maxout, backward pass included
    _, which = ops.maxout(X.astype("float64"))
    assert ops.backprop_maxout(numpy.ones((4, 2), dtype="float64"), which, 3).shape == (4, 2, 3)


def test_the_pipeline_runs_on_newsfacts_ops(nlp):
    assert isinstance(nlp.get_pipe("ner").model.ops, NewsfactsOps)
    assert isinstance(nlp.get_pipe("tok2vec").model.ops, NewsfactsOps)


def test_the_base_model_gives_the_analysis_it_gives_on_thincs_numpy_ops():
    import spacy
    from thinc.api import use_ops

    from newsfacts.nlp import matmul_ops, read_config

    model = read_config()["nlp"]["model"]
    with matmul_ops("numpy"):
        ours = spacy.load(model, exclude=["lemmatizer"])
    with use_ops("numpy", use_blis=False):
        theirs = spacy.load(model, exclude=["lemmatizer"])
    assert type(theirs.get_pipe("ner").model.ops) is NumpyOps
    a, b = ours(TEXT), theirs(TEXT)
    assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert ("Vittorio Colao", "PERSON") in [(e.text, e.label_) for e in a.ents]


def test_the_fused_layer_norm_gives_thincs_numbers():
    from thinc.api import LayerNorm, use_ops

    from newsfacts.ops import _layer_norm

    rng = numpy.random.default_rng(3)
    X = (rng.normal(size=(50, 96)) * 4 + 2).astype("float32")
    with use_ops(NewsfactsOps.name):
        layer = LayerNorm(nI=96)
        layer.initialize()
    layer.set_param("G", rng.normal(size=96).astype("float32"))
    layer.set_param("b", rng.normal(size=96).astype("float32"))
    expected = layer.predict(X)
    layer._func = _layer_norm
    got = layer.predict(X)
    assert numpy.array_equal(got, expected)
    _, backprop = layer(X, is_train=False)
    with pytest.raises(NotImplementedError, match="is_train=True"):
        backprop(got)
    Y, backprop = layer(X, is_train=True)  # training: thinc's forward, with its backward pass
    assert numpy.array_equal(Y, expected) and backprop(Y).shape == X.shape


def test_the_pipeline_layer_norms_are_fused(nlp):
    from newsfacts.ops import _layer_norm

    models = [nlp.get_pipe(name).model for name in ("tok2vec", "ner")]
    norms = [node for model in models for node in model.walk() if node.name == "layernorm"]
    assert norms and all(node._func is _layer_norm for node in norms)
