"""One side of a comparison: the articles and facts a database holds now, or that one run extracted.

The engine compares two sides; this module reads them from SQLite and pairs their articles
(by id, the hash of the text, or, where the text changed, by the file and record they came from).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.records import KINDS, TABLE_OF

# Columns of a fact table that are bookkeeping, not fields of the fact (newsfacts.records).
NOT_FACT_COLUMNS = {"article_id", "run_id", "entity_id"}
# What the readers found about an article besides its text: compared as well, since a reader's rule
# change moves facts too (another publication date re-anchors every relative date).
METADATA_FIELDS = ("title", "author", "published", "dateline", "country", "agency", "source", "url")


# --- loading one side ---------------------------------------------------------------------------

@dataclass
class Side:
    """The facts one side of a diff holds: a database's current facts, or one run's."""

    label: str
    articles: dict[str, dict] = field(default_factory=dict)  # id -> {id, path, record_id, text, metadata...}
    facts: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # id -> kind -> fact rows


def load_side(conn: sqlite3.Connection, label: str, run: int | None = None) -> Side:
    """Current facts of every current article, or (with ``run``) the facts of the articles that run extracted."""
    from newsfacts.query import check_run

    check_run(conn, run)
    side = Side(label)
    if run is None:
        pairs = ("SELECT c.article_id, c.run_id FROM current_runs c JOIN articles a ON a.id = c.article_id "
                 "WHERE a.current = 1")
        params: list = []
    else:
        pairs = "SELECT article_id, run_id FROM extractions WHERE run_id = ?"
        params = [run]
    have = set(_columns(conn, "articles"))  # a database made before articles.author
    names = ["id", "path", "record_id", "text", *(f for f in METADATA_FIELDS if f in have)]
    for r in conn.execute(f"SELECT {', '.join(f'a.{n}' for n in names)} FROM articles a "
                          f"JOIN ({pairs}) p ON p.article_id = a.id", params):
        side.articles[r[0]] = dict(zip(names, r, strict=True))
        side.facts[r[0]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        names = [c for c in _columns(conn, TABLE_OF[kind]) if c not in NOT_FACT_COLUMNS]
        cols = ", ".join(f"f.{n}" for n in names)
        sql = (f"SELECT f.article_id, {cols} FROM {TABLE_OF[kind]} f JOIN ({pairs}) p "
               f"ON p.article_id = f.article_id AND p.run_id = f.run_id ORDER BY f.article_id, f.start, f.end")
        for r in conn.execute(sql, params):
            if r[0] in side.facts:
                side.facts[r[0]][kind].append(dict(zip(names, r[1:], strict=True)))
    return side


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


# --- pairing articles ---------------------------------------------------------------------------

def _source_keys(article: dict) -> list[tuple]:
    """Where an article came from, most specific first: (path, record) then (file name, record)."""
    path = article["path"] or ""
    return [("path", path, article["record_id"]), ("name", Path(path).name, article["record_id"])]


def pair_articles(old: Side, new: Side) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(old id, new id) pairs: same text first, then same source; and the ids left on each side."""
    pairs = [(i, i) for i in old.articles if i in new.articles]
    old_rest = [i for i in old.articles if i not in new.articles]
    new_rest = [i for i in new.articles if i not in old.articles]
    for level in range(2):
        by_key: dict[tuple, list[str]] = defaultdict(list)
        for i in new_rest:
            by_key[_source_keys(new.articles[i])[level]].append(i)
        olds: dict[tuple, list[str]] = defaultdict(list)
        for i in old_rest:
            olds[_source_keys(old.articles[i])[level]].append(i)
        for key, old_ids in olds.items():
            if len(old_ids) == 1 and len(by_key.get(key, ())) == 1:  # only unambiguous sources
                pairs.append((old_ids[0], by_key[key][0]))
        paired_old = {o for o, _ in pairs}
        paired_new = {n for _, n in pairs}
        old_rest = [i for i in old_rest if i not in paired_old]
        new_rest = [i for i in new_rest if i not in paired_new]
    return pairs, old_rest, new_rest

