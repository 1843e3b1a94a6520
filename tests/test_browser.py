"""The HTML diff report in a real headless browser (Debian's chromium): it loads, counts, marks changes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts.batch import ingest
from newsfacts.cli import cli
from newsfacts.nlp import models_dir

SEED = Path(__file__).resolve().parent.parent / "corpus" / "dev" / "kazakh-kyrgyz-ties.txt"


def chromium() -> str:
    """The browser binary. Without one the tests skip and say why, except under CI ($CI set), where a
    missing browser fails them: .ci/run installs it, and the report must have been seen in a browser."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "/usr/bin/chromium"):
        if name and (found := shutil.which(name)):
            return found
    message = "chromium is not installed: apt-get install chromium (or set $CHROMIUM to a Chromium binary)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; under CI the browser tests must run")
    pytest.skip(message)


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM after the page's scripts ran."""
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<body" in result.stdout, result.stderr[-2000:]
    return result.stdout


class Elements(HTMLParser):
    """Start tags with their attributes and the text inside each element (enough for assertions)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs) -> None:
        element = {"tag": tag, **{k: v or "" for k, v in attrs}, "#text": ""}
        self.found.append(element)
        if tag not in ("meta", "input", "br", "link", "img"):
            self.open.append(element)

    def handle_endtag(self, tag) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data) -> None:
        for element in self.open:
            element["#text"] += data

    def select(self, tag: str | None = None, **attrs) -> list[dict]:
        return [e for e in self.found if (tag is None or e["tag"] == tag)
                and all(e.get(k.replace("_", "-")) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    """A diff between an ingest of the seed article and one after a rule relabels one of its places."""
    chromium()
    tmp = tmp_path_factory.mktemp("browser")
    article = tmp / SEED.name
    shutil.copy(SEED, article)
    db = tmp / "news.db"
    assert ingest([article], db, workers=1).new == 1
    import sqlite3

    with sqlite3.connect(db) as conn:
        places = [r[0] for r in conn.execute("SELECT text FROM entities WHERE label = 'GPE' AND text = canonical "
                                             "AND text NOT LIKE '% %' ORDER BY start DESC")]
    models = tmp / "models"
    shutil.copytree(models_dir(), models)
    with open(models / "entity_patterns.jsonl", "a", encoding="utf-8") as f:
        for place in sorted(set(places)):
            f.write(json.dumps({"label": "ORG", "pattern": place}) + "\n")
    assert ingest([article], db, workers=1, models=models).new == 1
    page = tmp / "report.html"
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", str(db), "--runs", "1", "2", "--format", "html", "--output", str(page)])
    assert result.exit_code == 1, result.output
    summary = json.loads(runner.invoke(cli, ["diff", str(db), "--runs", "1", "2", "--format", "json"]).stdout)
    relabelled = [c["new"]["text"] for a in summary["articles"] for c in a["changes"]
                  if c["kind"] == "entities" and c["change"] == "changed" and c["new"]["text"] in places]
    assert relabelled, "an entity-ruler pattern should relabel at least one place"
    target = relabelled[0]
    dom = Elements()
    dom.feed(dump_dom(page, tmp / "profile"))
    return {"dom": dom, "target": target, "summary": summary, "page": page}


def test_page_loads_and_scripts_ran(report):
    [body] = report["dom"].select("body")
    assert body["data-js"] == "ready"  # set by the page's inline script, so only a real browser gets here
    assert body["data-different"] == "yes"


def test_counts_at_the_top(report):
    dom, summary = report["dom"], report["summary"]["summary"]
    for change in ("added", "removed", "changed"):
        expected = sum(kind[change] for kind in summary.values())
        [total] = dom.select("th", id=f"total-{change}")
        [counted] = dom.select("td", id=f"js-{change}")  # filled in by the script from the listed changes
        assert int(total["#text"]) == expected
        assert int(counted["#text"]) == expected
    assert int(dom.select("td", id="js-changed")[0]["#text"]) >= 1
    [entities] = [r for r in dom.select("tr", data_kind="entities") if "data-change" not in r]  # the counts row
    assert re.sub(r"\s+", " ", entities["#text"]).startswith("entities")


def test_changed_fact_is_marked_on_both_sides(report):
    dom, target = report["dom"], report["target"]
    changed = [m for m in dom.select("mark", data_change="changed") if m["#text"] == target]
    assert len(changed) >= 2  # old pane and new pane
    assert any("GPE" in m["title"] and "ORG" in m["title"] for m in changed)
    ids = {m["id"] for m in changed}
    assert any("-old-" in i for i in ids) and any("-new-" in i for i in ids)
    [body] = dom.select("body")
    assert int(body["data-marked"]) >= len(changed)
    links = [a["href"] for a in dom.select("a") if a.get("href", "").startswith("#a")]
    assert any(link[1:] in ids for link in links)  # the list of changes links to the marks


def test_articles_are_linked(report):
    dom = report["dom"]
    sections = dom.select("section")
    assert sections and all(s["id"].startswith("article-") for s in sections)
    index_links = {a["href"] for a in dom.select("a") if a.get("href", "").startswith("#article-")}
    assert {f"#{s['id']}" for s in sections} <= index_links


REPORT = """date 2026-05-12
BISHKEK – Kyrgyzstan's state power company said on Monday that it would spend $640m on two hydropower dams \
this year.

“The new dams will keep the lights on in the south through the coldest winters,” the company's chairman, \
Taalaibek Ibraev, told parliament.
"""
EDITS = [("$640m", "$720m"), ("through the coldest winters", "through even the harshest winters")]


@pytest.fixture(scope="module")
def reworded(tmp_path_factory) -> dict:
    """A diff of an article whose quote was reworded and whose amount was edited, ingested before and after."""
    chromium()
    tmp = tmp_path_factory.mktemp("reworded")
    article = tmp / "dams.txt"
    article.write_text(REPORT, encoding="utf-8")
    db = tmp / "news.db"
    assert ingest([article], db, workers=1).new == 1
    text = REPORT
    for old, new in EDITS:
        text = text.replace(old, new)
    article.write_text(text, encoding="utf-8")
    assert ingest([article], db, workers=1).new == 1
    page = tmp / "report.html"
    result = CliRunner().invoke(cli, ["diff", str(db), "--runs", "1", "2", "-f", "html", "-o", str(page)])
    assert result.exit_code == 1, result.output
    dom = Elements()
    dom.feed(dump_dom(page, tmp / "profile"))
    return {"dom": dom}


@pytest.mark.parametrize("kind, removed, inserted", [
    ("quotes", "coldest", "harshest"),
    ("amounts", "$640m", "$720m"),
])
def test_edited_words_shown_old_and_new(reworded, kind, removed, inserted):
    dom = reworded["dom"]
    rows = [r for r in dom.select("tr", data_kind=kind) if r.get("data-change")]
    assert {r["data-change"] for r in rows} == {"changed"}  # no word edit reads as an addition and a removal
    [row] = [r for r in rows if removed in r["#text"]]
    assert inserted in row["#text"]
    assert removed in " ".join(d["#text"] for d in dom.select("del"))
    assert inserted in " ".join(i["#text"] for i in dom.select("ins"))
    marks = [m for m in dom.select("mark", data_change="changed", data_kind=kind)]
    old = [m["#text"] for m in marks if "-old-" in m["id"]]
    new = [m["#text"] for m in marks if "-new-" in m["id"]]
    assert any(removed.split()[-1] in t for t in old) and any(inserted.split()[-1] in t for t in new)
    [body] = dom.select("body")
    assert body["data-js"] == "ready" and int(body["data-marked"]) >= 2
