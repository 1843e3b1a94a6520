"""`newsfacts serve`: Datasette on a real database, fetched over HTTP on a loopback port."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts.batch import ingest
from newsfacts.cli import cli

SEED = Path(__file__).resolve().parent.parent / "corpus" / "dev" / "kazakh-kyrgyz-ties.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("serve")
    shutil.copy(SEED, tmp / SEED.name)
    path = tmp / "news.db"
    assert ingest([tmp / SEED.name], path, workers=1).new == 1
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, deadline: float) -> bytes:
    """GET url, retrying while the server starts, until the deadline."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


@pytest.fixture(scope="module")
def server(db):
    port = free_port()
    log = db.parent / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "newsfacts", "serve", "--db", str(db), "--port", str(port)],
                                   cwd=Path(__file__).resolve().parent.parent, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        try:
            fetch(base + "/-/versions.json", time.monotonic() + 60)
        except Exception:
            pytest.fail("datasette did not start: " + log.read_text(errors="replace")[-3000:])
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


def get_json(url: str) -> dict:
    return json.loads(fetch(url, time.monotonic() + 10))


def test_home_page(server):
    page = fetch(server + "/", time.monotonic() + 10).decode()
    assert "newsfacts" in page and "news" in page


def test_tables_and_views(server):
    info = get_json(server + "/news.json")
    tables = {t["name"] for t in info["tables"]}
    assert {"articles", "entities", "amounts", "dates", "runs"} <= tables
    assert any(t["name"] == "articles" and t["fts_table"] == "articles_fts" for t in info["tables"])


def test_facets_from_metadata(server):
    data = get_json(server + "/news/current_entities.json?_size=1")
    facets = data["facet_results"]
    names = set(facets) if isinstance(facets, dict) else {f["name"] for f in facets}
    assert {"label", "canonical"} <= names
    labels = facets["label"]["results"] if isinstance(facets, dict) else facets[0]["results"]
    assert any(r["value"] == "PERSON" and r["count"] > 0 for r in labels)


def test_full_text_search(server):
    data = get_json(server + "/news/articles.json?_search=trade&_shape=objects")
    assert len(data["rows"]) == 1


def test_canned_people_query(server, db):
    data = get_json(server + "/news/people.json?_shape=objects")
    import sqlite3

    with sqlite3.connect(db) as conn:
        expected = conn.execute("SELECT COUNT(DISTINCT canonical) FROM current_entities "
                                "WHERE label = 'PERSON'").fetchone()[0]
    assert len(data["rows"]) == expected > 0
    assert all(r["mentions"] >= 1 for r in data["rows"])


def test_write_metadata(db, tmp_path):
    out = tmp_path / "metadata.json"
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--write-metadata", str(out)])
    assert result.exit_code == 0, result.output
    meta = json.loads(out.read_text())
    tables = meta["databases"]["news"]["tables"]
    assert tables["entity_index"]["label_column"] == "canonical"
    assert "label" in tables["current_entities"]["facets"]
    assert "country" in tables["current_articles"]["facets"]


def test_a_database_made_before_a_faceted_column_gets_no_facet_for_it(db, tmp_path):
    import sqlite3

    from newsfacts.serve import metadata

    old = tmp_path / "old.db"
    shutil.copy(db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("ALTER TABLE articles DROP COLUMN country")
    tables = metadata(old)["databases"]["old"]["tables"]
    assert tables["current_articles"]["facets"] == ["published", "dateline", "agency"]


def test_serve_refuses_a_foreign_file(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite")
    result = CliRunner().invoke(cli, ["serve", "--db", str(junk), "--port", "0"])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")
    assert junk.read_text() == "not sqlite"


# --- the newsfacts plugin and templates -------------------------------------------------------------

def page(url: str) -> str:
    return fetch(url, time.monotonic() + 10).decode()


def db_rows(db: Path, sql: str, params=()) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.mark.parametrize("path", ["/", "/news"])
def test_current_views_listed_before_raw_tables(server, path):
    html = page(server + path)
    links = [html.find(f'/news/{view}"') for view in ("current_articles", "current_entities", "current_amounts",
                                                       "current_quotes")]
    assert all(i > 0 for i in links), links
    raw = [html.find(f'/news/{table}"') for table in ("articles", "entities", "amounts", "runs")]
    assert max(links) < min(i for i in raw if i > 0)


def test_article_page_is_the_text_with_its_facts_marked(server, db):
    import html as html_module
    import re

    article_id, text = db_rows(db, "SELECT id, text FROM articles")[0]
    body = page(f"{server}/news/-/article/{article_id}")
    shown = re.search(r'<div class="nf-text">(.*?)</div>', body, re.S).group(1)
    assert html_module.unescape(re.sub(r"<[^>]+>", "", shown)) == text  # every character, in order
    marked = {(m.group(1), html_module.unescape(re.sub(r"<[^>]+>", "", m.group(2))))
              for m in re.finditer(r'(?=<mark class="nf (\w+)[^"]*"[^>]*>((?:(?!</mark>).)*))', shown, re.S)}
    for kind, table in (("amounts", "amounts"), ("dates", "dates")):
        for (fact,) in db_rows(db, f"SELECT text FROM {table} WHERE article_id = ?", [article_id]):
            assert any(k == kind and t.startswith(fact[:5]) for k, t in marked), (kind, fact)
    people = db_rows(db, "SELECT text FROM entities WHERE label = 'PERSON' AND article_id = ?", [article_id])
    assert people and all(("entities", p) in marked for (p,) in people)
    for kind in ("entities", "amounts", "dates", "quotes"):
        assert f'<h2 id="{kind}">' in body  # the facts listed below the text, by kind


def test_fact_rows_link_to_the_article_page(server, db):
    import re

    article_id = db_rows(db, "SELECT id FROM articles")[0][0]
    listing = page(server + "/news/current_entities?_size=5")
    links = set(re.findall(r'href="(/news/-/article/[0-9a-f]{16}[^"]*)"', listing))
    assert links and all(f"/article/{article_id}" in link for link in links)
    assert f"/news/-/article/{article_id}?run=1" in links
    assert "<mark" in page(server + links.pop().replace("&amp;", "&"))


def test_amounts_read_with_separators_and_currency(server, db):
    listing = page(server + "/news/current_amounts")
    for value, currency in db_rows(db, "SELECT value, currency FROM current_amounts"):
        assert f"{value:,.0f} {currency}" in listing
    data = get_json(server + "/news/current_amounts.json?_shape=objects")
    assert {r["value"] for r in data["rows"]} == {v for (v,) in db_rows(db, "SELECT value FROM current_amounts")}


def test_people_query_keeps_the_organisation_of_a_role(server, db):
    rows = get_json(server + "/news/people.json?_shape=objects")["rows"]
    roles = {r["name"]: r["roles"] or "" for r in rows}
    stated = db_rows(db, "SELECT person, role, of FROM current_roles WHERE of IS NOT NULL")
    assert stated
    for person, role, of in stated:
        assert f"{role} of {of}" in roles[person]


def test_list_of_articles_is_cut_and_the_row_page_is_whole(server, db):
    import html as html_module

    article_id, text = db_rows(db, "SELECT id, text FROM articles")[0]
    assert len(text) > 1000
    listing = html_module.unescape(page(server + "/news/current_articles"))
    assert text[:200] in listing and text not in listing
    assert text in html_module.unescape(page(f"{server}/news/articles/{article_id}"))


def test_unknown_article_page(server):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server + "/news/-/article/ffffffffffff", timeout=10)
    assert error.value.code == 404 and "no article matches" in error.value.read().decode()


@pytest.mark.parametrize("query, status, words", [("?run=1", 200, "facts of run 1"), ("?run=9", 404, "no run 9")])
def test_article_page_of_one_run(server, db, query, status, words):
    article_id = db_rows(db, "SELECT id FROM articles")[0][0]
    try:
        with urllib.request.urlopen(f"{server}/news/-/article/{article_id}{query}", timeout=10) as response:
            code, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        code, body = error.code, error.read().decode()
    assert code == status and words in body and "older extraction" not in body
