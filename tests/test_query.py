"""`newsfacts query/search/sql/show/runs` on a database made by a real ingest of corpus/dev."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts import store
from newsfacts.batch import ingest
from newsfacts.cli import cli
from newsfacts.query import timex_interval

DEV = Path(__file__).resolve().parent.parent / "corpus" / "dev"


def article_files(folder: Path = DEV) -> list[Path]:
    """The dev articles, without their gold annotations."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".json"))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    for path in article_files():
        shutil.copy(path, corpus / path.name)
    path = tmp_path_factory.mktemp("db") / "news.db"
    result = ingest([corpus], path, workers=1)
    assert result.failed == 0 and result.new >= 2
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def as_json(*args) -> list | dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def sql(db: Path, statement: str, params=()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(statement, params).fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- query ---------------------------------------------------------------------------------------

def test_people_groups_person_mentions_by_entity(db):
    people = as_json("query", "people", "--db", db)
    expected = sql(db, "SELECT i.canonical, COUNT(*), COUNT(DISTINCT e.article_id) FROM current_entities e "
                       "JOIN entity_index i ON i.id = e.entity_id WHERE e.label = 'PERSON' GROUP BY e.entity_id")
    assert people, "the dev corpus names people"
    assert {(p["name"], p["mentions"], p["articles"]) for p in people} == set(expected)
    assert [p["mentions"] for p in people] == sorted((p["mentions"] for p in people), reverse=True)
    roles = sql(db, "SELECT person, role, of, former FROM current_roles")
    by_name = {p["name"]: p["roles"] for p in people}
    assert any(of for _, _, of, _ in roles), "the dev corpus states whose minister someone is"
    for person, role, of, former in roles:
        if person in by_name:
            shown = by_name[person].split("; ")
            prefix = "Former " if former else ""
            if of:
                assert f"{prefix}{role} of {of}" in shown
            else:  # a bare title is left out only beside the same title with whose it is
                assert f"{prefix}{role}" in shown or any(s.startswith(f"{prefix}{role} of ") for s in shown)


def test_people_lists_the_most_stated_role_first(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "roles.db"
    corpus.mkdir()
    stories = {"a": "Alan Fenwick, the manager of Leeds United, spoke on Monday. Fenwick said he was tired.",
               "b": "Leeds United manager Alan Fenwick won again on Saturday. Fenwick, the manager, said so.",
               "c": "Alan Fenwick, the chairman of the Harrogate Trust, opened a school on Friday."}
    for name, text in stories.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    assert ingest([corpus], db, workers=1).failed == 0
    fenwick = [p for p in as_json("query", "people", "--db", db) if p["name"] == "Alan Fenwick"]
    assert fenwick and fenwick[0]["roles"].split("; ") == ["Manager of Leeds United", "Chairman of Harrogate Trust"]


def test_articles_by_author_and_by_who_they_name(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "authors.db"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Mill closes\nBy Richard Walker, Reuters\nLEEDS - The mill shut on Friday, "
                                  "owner Helen Marsh said. Ms Marsh blamed energy prices.\n")
    (corpus / "b.txt").write_text("Port reopens\nBy Ann Cho\nHULL - The port reopened on Monday, harbour "
                                  "master Tom Eze said.\n")
    assert ingest([corpus], db, workers=1).failed == 0
    found = as_json("query", "articles", "--db", db, "--author", "walker")
    assert [(a["title"], a["author"]) for a in found] == [("Mill closes", "Richard Walker")]
    assert [a["title"] for a in as_json("query", "articles", "--db", db, "--name", "Helen Marsh")] == ["Mill closes"]
    assert [a["title"] for a in as_json("query", "articles", "--db", db, "--name", "Eze")] == ["Port reopens"]
    shown = run("show", "--db", db, str(corpus / "b.txt"))
    assert shown.exit_code == 0 and "by Ann Cho" in shown.stdout
    reads_as_it_was_without(db, "author", "walker")


def reads_as_it_was_without(db, column: str, value: str) -> None:
    """A database made before ``articles.<column>`` reads as it is, with nothing known there, and is not
    changed; its filter finds nothing."""
    with sqlite3.connect(db) as conn:
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    before = digest(db)
    assert {a[column] for a in as_json("query", "articles", "--db", db)} == {None}
    assert as_json("query", "articles", "--db", db, f"--{column}", value) == []
    assert digest(db) == before


def test_articles_by_dateline_country(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "countries.db"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Mill closes\n\nOAKVILLE, Ontario, March 3 (Reuters) - The mill shut on Friday, "
                                  "owner Helen Marsh said.\n")
    (corpus / "b.txt").write_text("Port reopens\n\nFRANKFURT, March 4 (Reuters) - The port reopened on Monday.\n")
    (corpus / "c.txt").write_text("Rain ahead\n\nForecasters expect rain across the region this week.\n")
    assert ingest([corpus], db, workers=1).failed == 0
    assert {a["title"]: a["country"] for a in as_json("query", "articles", "--db", db)} == {
        "Mill closes": "CA", "Port reopens": "DE", "Rain ahead": None}
    for country in ("CA", "can", "Canada"):
        assert [a["title"] for a in as_json("query", "articles", "--db", db, "--country", country)] == ["Mill closes"]
    refused = run("query", "articles", "--db", db, "--country", "Atlantis")
    assert refused.exit_code != 0 and "not a country: 'Atlantis'" in refused.output
    shown = run("show", "--db", db, str(corpus / "b.txt"))
    assert shown.exit_code == 0 and "dateline Frankfurt (DE)" in shown.stdout
    reads_as_it_was_without(db, "country", "CA")


def test_the_roles_table_says_which_are_former(db):
    result = run("query", "roles", "--db", db, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("| article | person | role | of | former | text |")


@pytest.mark.parametrize("labels", [("PERSON",), ("ORG", "GPE"), ("org,gpe",)])
def test_entities_label_filter(db, labels):
    args = [a for label in labels for a in ("--label", label)]
    found = as_json("query", "entities", "--db", db, *args)
    wanted = {x.strip().upper() for label in labels for x in label.split(",")}
    assert found and {e["label"] for e in found} <= wanted
    expected = sql(db, f"SELECT COUNT(*) FROM current_entities WHERE label IN ({','.join('?' * len(wanted))})",
                   sorted(wanted))[0][0]
    assert sum(e["mentions"] for e in found) == expected


def test_amounts_filters_by_currency_and_range(db):
    everything = as_json("query", "amounts", "--db", db)
    assert everything
    currency = everything[0]["currency"]
    values = sorted(a["value"] for a in everything if a["currency"] == currency and a["value"] is not None)
    low = values[len(values) // 2]
    found = as_json("query", "amounts", "--db", db, "--currency", currency.lower(), "--min", low)
    assert found and all(a["currency"] == currency for a in found)
    assert all((a["max_value"] or a["value"]) >= low for a in found)
    capped = as_json("query", "amounts", "--db", db, "--currency", currency, "--max", low)
    assert all(a["value"] <= low for a in capped)
    assert len(found) + len(capped) >= len(values)


def test_quotes_by_speaker_and_kind(db):
    every = as_json("query", "quotes", "--db", db, "--kind", "all")
    direct = as_json("query", "quotes", "--db", db)
    assert every and direct and {q["kind"] for q in direct} == {"direct"}
    assert len(every) == sql(db, "SELECT COUNT(*) FROM current_attributions")[0][0]
    speaker = next(q["speaker"] for q in every if q["speaker"])
    part = speaker.split()[-1]
    found = as_json("query", "quotes", "--db", db, "--kind", "all", "--speaker", part.lower())
    assert found and all(part.lower() in q["speaker"].lower() for q in found)
    assert len(found) == sum(1 for q in every if q["speaker"] and part.lower() in q["speaker"].lower())


@pytest.mark.parametrize("value, interval", [
    ("2026-02-13", ("2026-02-13", "2026-02-13")),
    ("2026-02", ("2026-02-01", "2026-02-28")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2025", ("2025-01-01", "2025-12-31")),
    ("2025-Q3", ("2025-07-01", "2025-09-30")),
    ("2026-W07", ("2026-02-09", "2026-02-15")),
    ("2026-02-13T10:00", ("2026-02-13", "2026-02-13")),
    ("P20Y", (None, None)),
    ("PAST_REF", (None, None)),
    ("XXXX-02-13", (None, None)),
    (None, (None, None)),
])
def test_timex_interval(value, interval):
    assert timex_interval(value) == interval


def test_dates_between(db):
    every = as_json("query", "dates", "--db", db)
    calendar = [d for d in every if timex_interval(d["value"])[0]]
    assert calendar, "the dev corpus has calendar dates"
    day = timex_interval(calendar[0]["value"])[0]
    found = as_json("query", "dates", "--db", db, "--from", day, "--to", day)
    assert calendar[0] in found
    for d in found:
        lo, hi = timex_interval(d["value"])
        assert lo <= day <= hi
    assert as_json("query", "dates", "--db", db, "--from", "1800", "--to", "1800-12-31") == []


def test_articles_lists_current_articles_with_counts(db):
    found = as_json("query", "articles", "--db", db)
    assert len(found) == sql(db, "SELECT COUNT(*) FROM articles WHERE current = 1")[0][0]
    for a in found:
        n = sql(db, "SELECT COUNT(*) FROM current_entities WHERE article_id = ?", [a["id"]])[0][0]
        assert a["entities"] == n


def test_article_filter_accepts_id_prefix_and_path(db):
    article_id, path = sql(db, "SELECT id, path FROM articles ORDER BY id LIMIT 1")[0]
    by_prefix = as_json("query", "entities", "--db", db, "--article", article_id[:6])
    by_path = as_json("query", "entities", "--db", db, "--article", path)
    by_name = as_json("query", "entities", "--db", db, "--article", Path(path).name)
    expected = sql(db, "SELECT COUNT(*) FROM current_entities WHERE article_id = ?", [article_id])[0][0]
    assert sum(e["mentions"] for e in by_prefix) == expected
    assert by_prefix == by_path == by_name


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda out: out.splitlines()[0] == "name,mentions,articles,roles"),
    ("markdown", lambda out: out.startswith("| name | mentions | articles | roles |\n| --- |")),
    ("table", lambda out: "name" in out and "mentions" in out),
])
def test_output_formats(db, fmt, check):
    result = run("query", "people", "--db", db, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert check(result.stdout)
    name = as_json("query", "people", "--db", db)[0]["name"]
    assert name in result.stdout


def test_limit(db):
    assert len(as_json("query", "entities", "--db", db, "--limit", "2")) == 2


# --- article references ----------------------------------------------------------------------------

LAYOUT = {  # path under the ingest folder -> an article of one sentence
    "corpus/business/100.txt": "Shares of Halyk Bank rose 4 percent on Monday after it reported record profit.",
    "corpus/sport/100.txt": "Kazakhstan beat Uzbekistan 2-1 in Almaty on Saturday to top their qualifying group.",
    "corpus/business/50%_rise.txt": "Wheat exports rose 50 percent in March, the agriculture ministry said.",
    "corpus/business/a_0.txt": "The central bank left its base rate at 16.5 percent on Friday.",
    "corpus/feed.jsonl": '{"id": "a1", "text": "Air Astana ordered 15 new jets on Tuesday."}\n'
                         '{"id": "a2", "text": "Kazakhstan Temir Zholy said freight volumes fell in April."}\n',
}


@pytest.fixture(scope="module")
def refs(tmp_path_factory) -> dict:
    """LAYOUT ingested from its folder as ``corpus/`` (stored relative), plus one file given by absolute path."""
    work = tmp_path_factory.mktemp("work")
    for name, text in LAYOUT.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text + ("" if name.endswith(".jsonl") else "\n"), encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    absolute = elsewhere / "other" / "abs.txt"
    absolute.parent.mkdir()
    absolute.write_text("Oil output at Tengiz rose to a record in May, Chevron said.\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        assert ingest(["corpus"], work / "news.db", workers=1).failed == 0
        assert ingest([absolute], work / "news.db", workers=1).new == 1
    ids = {(path if rid is None else f"{path}#{rid}"): i for i, path, rid in
           sql(work / "news.db", "SELECT id, path, record_id FROM articles")}
    assert set(ids) == {f"corpus/{n}" for n in ("business/100.txt", "sport/100.txt", "business/50%_rise.txt",
                                                "business/a_0.txt", "feed.jsonl#a1", "feed.jsonl#a2")} | {str(absolute)}
    return {"work": work, "db": work / "news.db", "ids": ids, "absolute": absolute, "elsewhere": elsewhere}


@pytest.mark.parametrize("where, ref, expected", [
    ("work", "corpus/business/100.txt", ["corpus/business/100.txt"]),  # as given at ingest
    ("work", "./corpus/business/100.txt", ["corpus/business/100.txt"]),
    ("work", "corpus/sport/../business/100.txt", ["corpus/business/100.txt"]),
    ("work", "business/100.txt", ["corpus/business/100.txt"]),  # its last components
    ("work", "WORK/corpus/business/100.txt", ["corpus/business/100.txt"]),  # absolute
    ("elsewhere", "WORK/corpus/business/100.txt", ["corpus/business/100.txt"]),  # absolute, from another folder
    ("work/corpus/business", "100.txt", ["corpus/business/100.txt"]),  # relative to here: the same file
    ("work/corpus/business", "../sport/100.txt", ["corpus/sport/100.txt"]),
    ("elsewhere", "100.txt", ["corpus/business/100.txt", "corpus/sport/100.txt"]),  # a file name: every such file
    ("work", "50%_rise.txt", ["corpus/business/50%_rise.txt"]),  # % and _ are characters of the name
    ("work", "corpus/feed.jsonl#a2", ["corpus/feed.jsonl#a2"]),  # one record of a JSON file
    ("work", "feed.jsonl#a1", ["corpus/feed.jsonl#a1"]),
    ("work", "feed.jsonl", ["corpus/feed.jsonl#a1", "corpus/feed.jsonl#a2"]),
    ("work", "ABS", ["ABS"]),  # stored absolute, given as stored
    ("work", "other/abs.txt", ["ABS"]),
    ("elsewhere", "other/abs.txt", ["ABS"]),  # relative to here and stored absolute: the same file
])
def test_article_given_as_at_ingest_relative_absolute_or_by_its_tail(refs, monkeypatch, where, ref, expected):
    from newsfacts.query import connect, resolve_article

    here = refs["work"] if where.startswith("work") else refs["elsewhere"]
    monkeypatch.chdir(here / where.partition("/")[2] if "/" in where else here)
    ref = ref.replace("WORK", str(refs["work"])).replace("ABS", str(refs["absolute"]))
    expected = {refs["ids"][e.replace("ABS", str(refs["absolute"]))] for e in expected}
    conn = connect(refs["db"])
    try:
        assert set(resolve_article(conn, ref)) == expected
    finally:
        conn.close()
    listed = as_json("query", "articles", "--db", refs["db"], "--article", ref)
    assert {a["id"] for a in listed} == expected
    report = json.loads(run("diff", refs["db"], refs["db"], "--article", ref, "-f", "json").stdout)
    assert report["articles_compared"] == len(expected)
    if len(expected) == 1:
        shown = as_json("show", ref, "--db", refs["db"])
        assert shown["article"]["id"] in expected


@pytest.mark.parametrize("ref", ["%", "%.txt", "_00.txt", "corpus/%", "business/_%", "%#a1", "nothing.txt",
                                 "dev/100.txt", "corpus/business/100.txt/x", "sport/50%_rise.txt"])
def test_article_reference_that_names_nothing_is_an_error(refs, monkeypatch, ref):
    monkeypatch.chdir(refs["work"])
    for command in (["query", "articles"], ["query", "people"]):
        result = run(*command, "--db", refs["db"], "--article", ref)
        assert result.exit_code == 2 and "no article matches" in result.stderr, (ref, result.output)
    assert run("show", ref, "--db", refs["db"]).exit_code == 2
    result = run("diff", refs["db"], refs["db"], "--article", ref)
    assert result.exit_code == 2 and "no article matches" in result.stderr


# --- search --------------------------------------------------------------------------------------

def test_search_finds_articles_ranked_with_snippets(db):
    title, article_id = sql(db, "SELECT title, id FROM articles WHERE title IS NOT NULL AND title != '' LIMIT 1")[0]
    word = max(title.split(), key=len).strip(".,;:'\"")
    found = as_json("search", word, "--db", db, "--in", "articles")
    assert found and article_id in [r["article"] for r in found]
    assert all("[" in r["snippet"] for r in found)
    scores = [r["score"] for r in found]
    assert scores == sorted(scores, reverse=True)


def test_search_quotes_and_punctuation(db):
    text = sql(db, "SELECT text FROM current_attributions WHERE kind = 'direct' LIMIT 1")[0][0]
    words = " ".join(text.split()[:3])
    found = as_json("search", words + " -", "--db", db, "--in", "quotes")
    assert found and found[0]["kind"] == "quote"
    assert as_json("search", "zzzqqqxxx", "--db", db) == []


def test_search_raw_syntax_error_is_reported(db):
    result = run("search", "trade AND (", "--raw", "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: bad search query")


# --- sql -----------------------------------------------------------------------------------------

def test_sql_select(db):
    found = as_json("sql", "SELECT label, COUNT(*) AS n FROM current_entities GROUP BY label ORDER BY label",
                    "--db", db)
    assert found == [{"label": a, "n": b} for a, b in
                     sql(db, "SELECT label, COUNT(*) FROM current_entities GROUP BY label ORDER BY label")]


def test_sql_params(db):
    found = as_json("sql", "SELECT COUNT(*) AS n FROM current_entities WHERE label = ?", "-p", "PERSON",
                    "--db", db)
    assert found[0]["n"] == sql(db, "SELECT COUNT(*) FROM current_entities WHERE label = 'PERSON'")[0][0]


# --- show ----------------------------------------------------------------------------------------

def test_show_prints_text_and_facts(db):
    article_id, path, text = sql(db, "SELECT id, path, text FROM articles ORDER BY words DESC LIMIT 1")[0]
    result = run("show", article_id[:8], "--db", db)
    assert result.exit_code == 0, result.output
    first_line = text.strip().splitlines()[0].split()[:3]
    assert all(w in result.stdout for w in first_line)
    assert "entities (" in result.stdout
    shown = as_json("show", path, "--db", db)
    assert shown["article"]["id"] == article_id
    assert len(shown["facts"]["entities"]) == sql(
        db, "SELECT COUNT(*) FROM current_entities WHERE article_id = ?", [article_id])[0][0]
    for f in shown["facts"]["entities"]:
        assert text[f["start"]:f["end"]] == f["text"]


# --- runs ----------------------------------------------------------------------------------------

def test_runs(db):
    found = as_json("runs", "--db", db)
    assert [r["id"] for r in found] == [r[0] for r in sql(db, "SELECT id FROM runs ORDER BY id DESC")]
    assert found[0]["status"] == "complete"
    assert found[0]["entities"] == sql(db, "SELECT COUNT(*) FROM entities WHERE run_id = ?", [found[0]["id"]])[0][0]
    table = run("runs", "--db", db)
    assert found[0]["fingerprint"][:8] in table.stdout



@pytest.mark.parametrize("owner, shown", [
    ("dead", "interrupted"),  # a killed ingest: shown as the next ingest will record it
    ("alive", "running"),  # an ingest still at work
    ("other host", "running"),  # cannot be checked from here
])
def test_runs_show_a_run_whose_process_is_gone_as_interrupted_and_write_nothing(db, tmp_path, run_owner, owner,
                                                                                shown):
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    pid, host = run_owner(owner)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE runs SET status = 'running', finished = NULL, started = ?, pid = ?, host = ? "
                     "WHERE id = (SELECT MAX(id) FROM runs)", [store.now(), pid, host])
    conn.close()
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert as_json("runs", "--db", copy)[0]["status"] == shown
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


# --- bad input -----------------------------------------------------------------------------------

@pytest.fixture
def foreign_files(tmp_path) -> dict[str, Path]:
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 20)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    return {"missing": tmp_path / "nope.db", "text": text, "other": other}


@pytest.mark.parametrize("which, message", [
    ("missing", "no such database"),
    ("text", "not a SQLite database"),
    ("other", "not a newsfacts database"),
])
@pytest.mark.parametrize("command", [["query", "people"], ["search", "trade"], ["sql", "SELECT 1"],
                                     ["show", "abcd"], ["runs"]])
def test_bad_database(foreign_files, which, message, command):
    path = foreign_files[which]
    before = path.read_bytes() if path.exists() else None
    result = run(*command, "--db", path)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (path.read_bytes() if path.exists() else None) == before


@pytest.mark.parametrize("args, message", [
    (["query", "amounts", "--run", "999"], "no run 999"),
    (["show", "ffffffffff"], "no article matches"),
    (["query", "people", "--article", "no/such/file.txt"], "no article matches"),
    (["query", "dates", "--from", "last week"], "not a date"),
    (["sql", "SELEC * FROM runs"], "syntax error"),
    (["sql", "SELECT * FROM no_such_table"], "no such table"),
    (["sql", "DELETE FROM runs"], "read-only"),
    (["sql", "DROP TABLE articles"], "read-only"),
    (["sql", "INSERT INTO meta (key, value) VALUES ('x', 'y')"], "read-only"),
    (["sql", "UPDATE articles SET title = 'x'"], "read-only"),
    (["sql", "CREATE TABLE x (a)"], "read-only"),
    (["sql", "SELECT 1; DELETE FROM runs"], "one statement"),
    (["sql", "PRAGMA user_version = 7"], "read-only"),
    (["sql", "PRAGMA query_only = 0"], "read-only"),
])
def test_bad_requests_fail_cleanly_and_change_nothing(db, args, message):
    before = digest(db)
    counts = sql(db, "SELECT (SELECT COUNT(*) FROM runs), (SELECT COUNT(*) FROM articles)")
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert digest(db) == before
    assert sql(db, "SELECT (SELECT COUNT(*) FROM runs), (SELECT COUNT(*) FROM articles)") == counts


# --- prune ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def history_db(tmp_path_factory) -> Path:
    """One article through four runs: v1; v1 under a changed pipeline; edited v2; v2 under the first pipeline."""
    from newsfacts.nlp import models_dir

    tmp_path = tmp_path_factory.mktemp("history")
    seed = DEV / "kazakh-kyrgyz-ties.txt"
    article = tmp_path / seed.name
    text = seed.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    (models / "notes.txt").write_text("a note changes the pipeline fingerprint\n")
    db = tmp_path / "news.db"
    assert ingest([article], db, workers=1).new == 1
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSFACTS_MODELS", str(models))
        assert ingest([article], db, workers=1).new == 1
        article.write_text(text.replace("\n\n", "\n\nThe talks lasted two hours.\n\n", 1), encoding="utf-8")
        assert ingest([article], db, workers=1).new == 1
    assert ingest([article], db, workers=1).new == 1
    return db


@pytest.fixture
def history(history_db, tmp_path) -> dict:
    """A fresh copy of the four-run database for a test that may change it."""
    db = tmp_path / "news.db"
    shutil.copy(history_db, db)
    return {"db": db}


def fact_rows(db: Path, run_id: int) -> int:
    return sum(sql(db, f"SELECT COUNT(*) FROM {t} WHERE run_id = ?", [run_id])[0][0]
               for t in ("entities", "roles", "amounts", "quantities", "dates", "attributions"))


def test_prune_dry_run_changes_nothing(history):
    db = history["db"]
    before = digest(db)
    report = as_json("prune", "--keep", "1", "--db", db)
    assert digest(db) == before
    rows = {r["table"]: r["rows"] for r in report}
    assert rows["extractions"] == 3  # v1 twice (superseded), v2 once (older than its newest)
    assert rows["articles (superseded versions)"] == 1
    assert sum(rows[t] for t in ("entities", "roles", "amounts", "quantities", "dates", "attributions")) == (
        fact_rows(db, 1) + fact_rows(db, 2) + fact_rows(db, 3))


def test_prune_keeps_current_facts(history):
    db = history["db"]
    current = {what: as_json("query", what, "--db", db) for what in ("people", "amounts", "dates", "articles")}
    result = run("prune", "--keep", "1", "--yes", "--db", db)
    assert result.exit_code == 0, result.output
    assert {what: as_json("query", what, "--db", db) for what in current} == current
    assert [fact_rows(db, r) for r in (1, 2, 3)] == [0, 0, 0] and fact_rows(db, 4) > 0
    assert sql(db, "SELECT COUNT(*) FROM articles")[0][0] == 1
    assert [r["id"] for r in as_json("runs", "--db", db)] == [4, 3, 2, 1]  # the runs stay listed


def test_prune_keep_two_keeps_previous_extraction(history):
    db = history["db"]
    assert run("prune", "--keep", "2", "--keep-versions", "--yes", "--db", db).exit_code == 0
    assert fact_rows(db, 3) > 0 and fact_rows(db, 4) > 0 and fact_rows(db, 1) > 0
    assert sql(db, "SELECT COUNT(*) FROM articles")[0][0] == 2


def test_entity_forms_are_the_distinct_mention_texts(db):
    for e in as_json("query", "entities", "--db", db, "--limit", "10"):
        texts = sql(db, "SELECT DISTINCT text FROM current_entities WHERE label = ? AND canonical = ?",
                    [e["label"], e["canonical"]])
        assert e["forms"].split("; ") == sorted(t for (t,) in texts)


def test_show_an_older_run_shows_the_version_it_extracted(history):
    db = history["db"]
    path = sql(db, "SELECT path FROM articles WHERE current = 1")[0][0]
    old = as_json("show", path, "--run", "1", "--db", db)
    new = as_json("show", path, "--db", db)
    assert old["run"] == 1 and new["run"] == 4
    assert old["article"]["current"] == 0 and new["article"]["current"] == 1
    assert "The talks lasted two hours." in new["article"]["text"]
    assert "The talks lasted two hours." not in old["article"]["text"]
    assert [v["id"] for v in new["versions"]] == [old["article"]["id"], new["article"]["id"]]
    for shown in (old, new):
        for f in shown["facts"]["amounts"]:
            assert shown["article"]["text"][f["start"]:f["end"]] == f["text"]


@pytest.mark.parametrize("statement", ["VACUUM INTO '{target}'", "ATTACH '{target}' AS other"])
def test_sql_creates_no_files(db, tmp_path, statement):
    target = tmp_path / "copy.db"
    result = run("sql", statement.format(target=target), "--db", db)
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("statement", [
    "PRAGMA table_info(articles)",
    "SELECT name FROM pragma_table_info('runs')",
    "SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH 'the'",
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c",
])
def test_sql_reads_allowed(db, statement):
    assert as_json("sql", statement, "--db", db)
