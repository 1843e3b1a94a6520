"""The Python API: extract from strings, ingest and read back, and a saved pipeline that loads in plain spaCy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsfacts
from newsfacts.extensions import facts_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "dev" / "kazakh-kyrgyz-ties.txt"
STORY = ("ALMATY – Kazakhstan will lend $2 billion to Kyrgyzstan next year, Foreign Minister "
         "Yermek Kosherbayev said on Monday. “We are partners,” Kosherbayev said.")


@pytest.fixture(scope="module")
def facts(nlp):
    return newsfacts.extract(STORY, published="2026-02-16", nlp=nlp)


def test_every_public_name_resolves():
    assert set(newsfacts.__all__) == {"__version__", *newsfacts._EXPORTS}
    for name in newsfacts.__all__:
        assert getattr(newsfacts, name) is not None, name
    with pytest.raises(AttributeError):
        newsfacts.no_such_name  # noqa: B018


def test_import_does_not_load_spacy():
    code = "import sys, newsfacts; print('spacy' in sys.modules, 'sqlite_utils' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_extract_gives_typed_records_with_offsets(facts):
    assert isinstance(facts, newsfacts.Facts)
    assert facts.dateline == "Almaty" and facts.published == "2026-02-16"
    assert [(a.text, a.value, a.currency) for a in facts.amounts] == [("$2 billion", 2e9, "USD")]
    assert ("Monday", "2026-02-16") in [(d.text, d.value) for d in facts.dates]
    direct = [q for q in facts.quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("We are partners", "Yermek Kosherbayev")]
    for kind in newsfacts.KINDS:
        for record in getattr(facts, kind):
            assert STORY[record.start:record.end] == record.text, (kind, record)
    assert json.loads(json.dumps(facts.as_dict()))["amounts"][0]["currency"] == "USD"


def test_extract_equals_the_pipeline_on_a_doc(nlp, facts):
    from newsfacts.extensions import make_doc

    doc = nlp(make_doc(nlp, STORY, published="2026-02-16", dateline="Almaty"))
    assert facts_of(doc) == {kind: getattr(facts, kind) for kind in newsfacts.KINDS}


@pytest.mark.parametrize("article, published, country", [
    ("Shares fell on Tuesday.", None, None),  # no date: relative dates stay unresolved
    ({"text": "Shares fell on Tuesday.", "published": "2026-02-16"}, "2026-02-16", None),
    ({"text": "LONDON, March 8, 2026 (Reuters) - Shares fell.", "published": None}, "2026-03-08", "GB"),  # dateline
    ({"text": "ALEXANDRIA, Va., March 8 (Reuters) - Shares fell.", "published": "2026-03-09"}, "2026-03-09", "US"),
    ({"text": "Shares fell.", "dateline": "Tbilisi"}, None, "GE"),  # a dateline given
])
def test_extract_many_takes_strings_and_mappings(nlp, article, published, country):
    [found] = newsfacts.extract_many([article], nlp=nlp)
    assert (found.published, found.country) == (published, country)


def test_extract_many_keeps_order_across_batches(nlp):
    texts = [f"The fund raised ${n} million on Monday." for n in range(1, 8)]
    values = [f.amounts[0].value for f in newsfacts.extract_many(texts, nlp=nlp, batch_size=3)]
    assert values == [n * 1e6 for n in range(1, 8)]


def test_extract_rejects_what_is_not_text(nlp):
    with pytest.raises(TypeError, match="must be a string"):
        newsfacts.extract(b"bytes", nlp=nlp)


def test_ingest_then_read(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    db = tmp_path / "news.db"
    result = newsfacts.ingest(folder, db=db, workers=1)
    assert (result.new, result.failed) == (1, 0)
    with newsfacts.read(db) as reader:
        assert [p["name"] for p in reader.people(name="Kosherbayev")] == ["Yermek Kosherbayev"]
        assert reader.sql("SELECT COUNT(*) AS n FROM current_articles") == [{"n": 1}]
        with pytest.raises(newsfacts.QueryError):
            reader.sql("DELETE FROM articles")
    with pytest.raises(newsfacts.NotANewsfactsDatabase):
        newsfacts.read(tmp_path / "missing.db")


def test_saved_pipeline_loads_with_plain_spacy_in_a_fresh_process(nlp, tmp_path):
    """nlp.to_disk then spacy.load: factories come from entry points, rules from the saved folder."""
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    config = (saved / "config.cfg").read_text(encoding="utf-8")
    assert str(ROOT) not in config and "site-packages" not in config
    for name in ("entities", "money", "dates", "quotes"):
        assert any((saved / name).iterdir()), f"{name}: no rule files saved"
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp.make_doc(sys.argv[2]); doc._.dct = '2026-02-16'\n"
        "doc = nlp(doc)\n"
        "print(json.dumps({k: [r.text for r in getattr(doc._, k)] for k in"
        " ('entities', 'amounts', 'dates', 'quotes')}))\n"
    )
    # No NEWSFACTS_MODELS and another working directory: nothing may be read from the checkout.
    env = {**os.environ, "NEWSFACTS_MODELS": str(tmp_path / "no-such-models")}
    out = subprocess.run([sys.executable, "-c", code, str(saved), STORY], capture_output=True, text=True,
                         cwd=tmp_path, env=env, check=True)
    loaded = json.loads(out.stdout)
    doc = nlp.make_doc(STORY)
    doc._.dct = "2026-02-16"
    doc = nlp(doc)
    assert loaded == {k: [r.text for r in getattr(doc._, k)] for k in ("entities", "amounts", "dates", "quotes")}
    assert loaded["amounts"] == ["$2 billion"]
