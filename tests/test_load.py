"""Loading the pipeline: what makes it cheaper must not change what is loaded, nor leave state behind."""

import gc

import pytest

from newsfacts import nlp as nlp_module


@pytest.fixture
def collections():
    """How many times the cyclic collector runs while the test body runs."""
    count = [0]

    def seen(phase: str, info: dict) -> None:
        count[0] += phase == "start"

    gc.callbacks.append(seen)
    yield count
    gc.callbacks.remove(seen)


def _allocate(n: int = 50_000) -> list:
    return [[i] for i in range(n)]  # containers: each one counts towards the next collection


def test_the_collector_runs_rarely_while_loading_and_as_before_after(collections):
    before = gc.get_threshold()
    with nlp_module.few_collections():
        kept = _allocate()
        inside = collections[0]
    assert inside == 0
    assert gc.get_threshold() == before
    collections[0] = 0
    kept += _allocate()
    assert collections[0] > 10


def test_a_collector_turned_off_stays_off():
    before = gc.get_threshold()
    gc.set_threshold(0)
    try:
        with nlp_module.few_collections():
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)


def test_load_restores_the_threshold_even_when_loading_fails(monkeypatch):
    before = gc.get_threshold()
    during = []

    def failing(*args):
        during.append(gc.get_threshold())
        raise OSError("no such model")

    monkeypatch.setattr(nlp_module, "_load", failing)
    with pytest.raises(OSError):
        nlp_module.load("missing_model")
    assert during[0][0] >= nlp_module.LOAD_GC_THRESHOLD
    assert gc.get_threshold() == before


def test_the_first_name_lexicon_is_gender_guessers_own():
    from gender_guesser.detector import Detector

    from newsfacts.namematch import detector

    ours, theirs = detector(), Detector(case_sensitive=False)
    assert ours.names == theirs.names
    assert len(ours.names) > 40_000
    for name in ("john", "Maria", "ANDREA", "jean-pierre", "kim", "sasha", "zzxq"):
        assert ours.get_gender(name) == theirs.get_gender(name)


def test_a_worker_sets_its_pipeline_aside_from_the_collector_and_inline_gives_it_back():
    """One worker runs in the caller's process: what it froze is unfrozen when the run ends."""
    from newsfacts.pool import Inline
    from newsfacts.work import load_pipeline

    assert gc.get_freeze_count() == 0
    inline = Inline(lambda: load_pipeline(None, None))
    try:
        assert gc.get_freeze_count() > 100_000  # the vocabulary, word lists and tables
        assert inline.nlp("Shares in Acme rose 3% on Monday.").text
    finally:
        inline.shutdown()
    assert gc.get_freeze_count() == 0
