"""`newsfacts search`: full-text search (FTS5, bm25) over current articles and quotes."""

from __future__ import annotations

import re
import sqlite3

from newsfacts.errors import QueryError
from newsfacts.query.connection import rows
from newsfacts.query.filters import _limit
from newsfacts.records import TABLE_OF


def fts_query(text: str) -> str:
    """Plain words to an FTS5 query: each word quoted, so punctuation and keywords are literal."""
    words = re.findall(r"[\w'’*-]+", text)
    return " ".join('"' + w.replace('"', '""').rstrip("*") + '"' + ("*" if w.endswith("*") else "")
                    for w in words)


def search(conn: sqlite3.Connection, text: str, what: str = "all", raw: bool = False,
           limit: int | None = 20) -> list[dict]:
    """Full-text search over current articles and quotes, best first (bm25), with a snippet each.

    ``raw`` passes FTS5 syntax through (AND/OR/NEAR, "phrases", prefix*).
    """
    query = text if raw else fts_query(text)
    if not query.strip():
        raise QueryError("nothing to search for")
    found: list[dict] = []
    try:
        if what in ("all", "articles"):
            found += rows(conn, "SELECT 'article' AS kind, a.id AS article, a.title, "
                                "snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet, "
                                "bm25(articles_fts) AS score FROM articles_fts JOIN articles a "
                                "ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND a.current = 1 "
                                f"ORDER BY score{_limit(limit)}", [query])
        if what in ("all", "quotes"):
            table = TABLE_OF["quotes"]
            fts = f"{table}_fts"
            found += rows(conn, "SELECT CASE q.kind WHEN 'direct' THEN 'quote' ELSE q.kind || ' quote' END AS kind, "
                                "q.article_id AS article, q.speaker AS title, "
                                f"snippet({fts}, -1, '[', ']', '…', 16) AS snippet, "
                                f"bm25({fts}) AS score FROM {fts} JOIN {table} q ON q.rowid = {fts}.rowid "
                                "JOIN current_runs c ON c.article_id = q.article_id AND c.run_id = q.run_id "
                                "JOIN articles a ON a.id = q.article_id AND a.current = 1 "
                                f"WHERE {fts} MATCH ? "
                                f"ORDER BY score{_limit(limit)}", [query])
    except sqlite3.OperationalError as exc:
        raise QueryError(f"bad search query {text!r}: {exc}") from None
    found.sort(key=lambda r: r["score"])
    for r in found:
        r["snippet"] = " ".join((r["snippet"] or "").split())
        r["score"] = round(-r["score"], 3)  # bm25 is lower-is-better; show higher-is-better
    return found[:limit] if limit else found

