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


def test_serve_refuses_a_foreign_file(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite")
    result = CliRunner().invoke(cli, ["serve", "--db", str(junk), "--port", "0"])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")
    assert junk.read_text() == "not sqlite"
