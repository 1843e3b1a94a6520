"""Runs and article versions: one article with the facts a run extracted (`newsfacts show`), the list of
runs (`newsfacts runs`), and deleting old extractions and superseded versions (`newsfacts prune`)."""

from __future__ import annotations

import socket
import sqlite3

from newsfacts.errors import QueryError
from newsfacts.liveness import run_alive
from newsfacts.query.connection import rows
from newsfacts.query.filters import _limit, check_run, resolve_article
from newsfacts.records import TABLE_OF

# --- one article ------------------------------------------------------------------------------

def article(conn: sqlite3.Connection, ref: str, run: int | None = None) -> dict:
    """An article with its facts: {"article": row, "run": id, "facts": {kind: [rows]}}."""
    check_run(conn, run)
    ids = resolve_article(conn, ref)
    if not ids:
        raise QueryError(f"no article matches {ref!r} (give an id, an id prefix or a path)")
    rows_ = [dict(conn.execute("SELECT * FROM articles WHERE id = ?", [i]).fetchone()) for i in ids]
    current = [r for r in rows_ if r["current"]]
    if len(ids) > 1 and len(current) != 1 and len({r["path"] for r in rows_}) > 1:
        listing = ", ".join(f"{r['id']} ({r['path']})" for r in rows_[:5])
        raise QueryError(f"{ref!r} matches {len(ids)} articles: {listing}")
    row = current[0] if current else rows_[0]
    if run is None:
        found = conn.execute("SELECT MAX(run_id) FROM extractions WHERE article_id = ?", [row["id"]]).fetchone()
        run = found[0]
    elif conn.execute("SELECT 1 FROM extractions WHERE article_id = ? AND run_id = ?",
                      [row["id"], run]).fetchone() is None:
        # The version of the same file (and record) that this run extracted, if the text changed since.
        other = conn.execute("SELECT a.* FROM articles a JOIN extractions e ON e.article_id = a.id "
                             "WHERE e.run_id = ? AND a.path = ? AND a.record_id IS ?",
                             [run, row["path"], row["record_id"]]).fetchone()
        if other is None:
            raise QueryError(f"run {run} did not extract article {row['id']} ({row['path']})")
        row = dict(other)
    facts = {kind: rows(conn, f"SELECT * FROM {table} WHERE article_id = ? AND run_id = ? ORDER BY start, end",
                        [row["id"], run]) for kind, table in TABLE_OF.items()}
    for records in facts.values():
        for r in records:
            r.pop("article_id", None)
            r.pop("run_id", None)
    versions = rows(conn, "SELECT id, current, first_run FROM articles WHERE path = ? ORDER BY first_run",
                    [row["path"]])
    return {"article": row, "run": run, "facts": facts, "versions": versions}


# --- runs -------------------------------------------------------------------------------------

def runs(conn: sqlite3.Connection, limit: int | None = None) -> list[dict]:
    """Every run, newest first, with its counts and how many facts it extracted of each kind. A run whose
    process on this host is gone shows as interrupted (one of another host cannot be checked)."""
    counts = {table: dict(conn.execute(f"SELECT run_id, COUNT(*) FROM {table} GROUP BY run_id").fetchall())
              for table in TABLE_OF.values()}
    extracted = dict(conn.execute("SELECT run_id, COUNT(*) FROM extractions GROUP BY run_id").fetchall())
    current = dict(conn.execute("SELECT run_id, COUNT(*) FROM current_runs c JOIN articles a "
                                "ON a.id = c.article_id AND a.current = 1 GROUP BY run_id").fetchall())
    found = rows(conn, "SELECT id, started, finished, status, fingerprint, pipeline_version, model, articles, new, "
                       f"unchanged, failed, seconds, pid, host FROM runs ORDER BY id DESC{_limit(limit)}")
    for r in found:
        pid, host = r.pop("pid"), r.pop("host")
        if r["status"] == "running" and host == socket.gethostname() and not run_alive(r["started"], pid, host):
            r["status"] = "interrupted"  # as the next ingest will record it; a read writes nothing
        r["extracted"] = extracted.get(r["id"], 0)
        r["current"] = current.get(r["id"], 0)
        for table in TABLE_OF.values():
            r[table] = counts[table].get(r["id"], 0)
    return found


# --- prune ------------------------------------------------------------------------------------

def prune(conn: sqlite3.Connection, keep: int, keep_versions: bool = False, dry_run: bool = True) -> list[dict]:
    """Delete the facts of all but each current article's ``keep`` newest extractions, and (unless
    ``keep_versions``) superseded article versions with their facts. Returns what was (or would be)
    deleted, one row per table; ``dry_run`` deletes nothing.
    """
    if keep < 1:
        raise QueryError("--keep must be at least 1: the newest extraction is always kept")
    doomed = ("SELECT e.article_id, e.run_id FROM (SELECT article_id, run_id, ROW_NUMBER() OVER "
              "(PARTITION BY article_id ORDER BY run_id DESC) AS n FROM extractions) e "
              "JOIN articles a ON a.id = e.article_id "
              f"WHERE (a.current = 1 AND e.n > ?){'' if keep_versions else ' OR a.current = 0'}")
    versions = "SELECT id FROM articles WHERE current = 0 AND ? = 0"
    conn.execute("SAVEPOINT prune")
    try:
        conn.execute("CREATE TEMP TABLE prune_doomed (article_id TEXT, run_id INTEGER)")
        conn.execute(f"INSERT INTO prune_doomed {doomed}", [keep])
        conn.execute("CREATE INDEX temp.prune_doomed_idx ON prune_doomed (article_id, run_id)")
        match = "(article_id, run_id) IN (SELECT article_id, run_id FROM prune_doomed)"
        report = []
        for table in (*TABLE_OF.values(), "extractions"):
            n = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {match}").fetchone()[0]
            report.append({"table": table, "rows": n})
            if not dry_run and n:
                conn.execute(f"DELETE FROM {table} WHERE {match}")
        n = conn.execute(f"SELECT COUNT(*) FROM articles WHERE id IN ({versions})", [int(keep_versions)]).fetchone()[0]
        report.append({"table": "articles (superseded versions)", "rows": n})
        if not dry_run and n:
            conn.execute(f"DELETE FROM articles WHERE id IN ({versions})", [int(keep_versions)])
        conn.execute("DROP TABLE temp.prune_doomed")
    except BaseException:
        conn.execute("ROLLBACK TO prune")
        conn.execute("RELEASE prune")
        raise
    conn.execute("RELEASE prune")
    conn.commit()
    return report
