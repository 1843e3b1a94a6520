"""The newsfacts database: schema, writes and the views that show current facts.

Storage knows nothing about NLP: it takes plain records (dicts and the
dataclasses of ``newsfacts.facts``) and writes them with sqlite-utils. Every batch
of articles is written in one transaction, so an interrupted run leaves whole
articles or none.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from pathlib import Path

import sqlite_utils

from newsfacts import dbfile, entity_keys
from newsfacts.dbfile import SCHEMA_VERSION, immediate
from newsfacts.liveness import run_alive
from newsfacts.records import FACT_KINDS, TABLE_OF

__all__ = ["SCHEMA_VERSION", "open_db", "ensure_schema", "start_run", "finish_run", "write_batch", "run_alive"]
# Fact kind -> table: quotes of every kind are "attributions"; the view ``quotes`` holds the direct ones.
FACT_TABLES = tuple(TABLE_OF.values())  # entities, roles, amounts, quantities, dates, attributions
SQL_TYPES = {int: int, float: float, str: str, bool: int}
ARTICLE_COLUMNS = {
    "id": str, "path": str, "record_id": str, "title": str, "dateline": str, "dateline_start": int,
    "dateline_end": int, "agency": str, "country": str, "published": str, "published_from": str, "source": str,
    "author": str, "url": str, "format": str, "encoding": str, "words": int, "chars": int, "text": str,
    "first_run": int, "current": int,
}


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _column_type(annotation: str):
    base = annotation.replace(" | None", "").strip()
    return {"int": int, "float": float, "str": str, "bool": int}.get(base, str)


def fact_columns(kind: str) -> dict:
    return {f.name: _column_type(str(f.type)) for f in fields(FACT_KINDS[kind])}


def open_db(path: str | Path, create: bool = True, write: bool | None = None) -> sqlite_utils.Database:
    """Open a newsfacts database: with ``create``, for writing (made and set up when new); else to read
    (a read-only connection that leaves the file's bytes as they were) or, with ``write``, to change one
    that exists. NotANewsfactsDatabase, before anything is written, for a file that is missing (unless
    ``create``), not SQLite, another program's database or a newer newsfacts's.
    """
    path = Path(path)
    if not create:
        dbfile.check(path)
        if not write:
            return sqlite_utils.Database(dbfile.read_only(path), execute_plugins=False)
    db = sqlite_utils.Database(dbfile.writable(path), execute_plugins=False)
    if create:
        ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing and bring an older schema up to ``SCHEMA_VERSION``, in one transaction
    that waits for another process doing the same (two ingests starting on a new file both succeed)."""
    with immediate(db.conn):
        _create_tables(db)
        _migrate(db)


def _migrate(db: sqlite_utils.Database) -> None:
    version = int(db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
    if version < 2:  # who runs an ingest: a run left 'running' by a live process is not interrupted
        have = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
        for column, kind in (("pid", "INTEGER"), ("host", "TEXT")):
            if column not in have:
                db.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
    if version < 4:  # names an earlier rule kept apart ("Hewlett Packard" / "Hewlett-Packard") or made
        entity_keys.relink(db.conn)  # one entity ("Jerry Lewis" / "Jerry Lee Lewis", before version 3)
    if version < SCHEMA_VERSION:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])


def _add_missing_columns(db: sqlite_utils.Database, table: str, columns: dict) -> None:
    """Columns added to a table since the file was made; the rows it has keep NULL there."""
    have = set(db[table].columns_dict)
    for column, kind in columns.items():
        if column not in have:
            db[table].add_column(column, kind)


def _create_tables(db: sqlite_utils.Database) -> None:
    existing = set(db.table_names())
    if "runs" not in existing:
        db["runs"].create({
            "id": int, "started": str, "finished": str, "status": str, "pipeline_version": str,
            "package_version": str, "model": str, "model_version": str, "fingerprint": str, "paths": str,
            "workers": int, "articles": int, "new": int, "unchanged": int, "failed": int, "seconds": float,
            "pid": int, "host": str,
        }, pk="id")
    if "articles" not in existing:
        db["articles"].create(ARTICLE_COLUMNS, pk="id", foreign_keys=[("first_run", "runs", "id")])
        db["articles"].create_index(["path"])
        db["articles"].create_index(["published"])
        db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    else:
        _add_missing_columns(db, "articles", ARTICLE_COLUMNS)  # articles.author, articles.country
    if "sources" not in existing:
        # Where each current article was read from; a changed file points its key at the new version.
        db["sources"].create({"key": str, "path": str, "article_id": str, "run_id": int, "seen": str},
                             pk="key", foreign_keys=[("article_id", "articles", "id"), ("run_id", "runs", "id")])
        db["sources"].create_index(["article_id"])
    if "extractions" not in existing:
        # Which run extracted which article with which pipeline: the newest one is current.
        db["extractions"].create({"article_id": str, "run_id": int, "fingerprint": str, "seconds": float},
                                 pk=("article_id", "run_id"),
                                 foreign_keys=[("article_id", "articles", "id"), ("run_id", "runs", "id")])
        db["extractions"].create_index(["fingerprint", "article_id"])
    if "entity_index" not in existing:
        db["entity_index"].create({"id": int, "label": str, "canonical": str}, pk="id")
        db["entity_index"].create_index(["label", "canonical"], unique=True)
    if "entity_aliases" not in existing:
        # Every canonical name an entity was given in some article (``newsfacts.entity_keys``): ``key`` is
        # the name as compared, ``block`` narrows the names a new one is compared with (a person's surname).
        db["entity_aliases"].create({"entity_id": int, "label": str, "alias": str, "key": str, "block": str},
                                    foreign_keys=[("entity_id", "entity_index", "id")])
        db["entity_aliases"].create_index(["label", "alias"], unique=True)
        db["entity_aliases"].create_index(["label", "key"])
        db["entity_aliases"].create_index(["label", "block"])
        db["entity_aliases"].create_index(["entity_id"])
        # a database made before aliases: each distinct entity is its own first alias
        for entity_id, label, canonical in db.execute("SELECT id, label, canonical FROM entity_index").fetchall():
            db.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, label, alias, key, block) "
                       "VALUES (?, ?, ?, ?, ?)",
                       [entity_id, label, canonical, *entity_keys.key_and_block(label, canonical)])
    for kind, table in TABLE_OF.items():
        if table in existing:
            _add_missing_columns(db, table, fact_columns(kind))  # attributions.quote_start, roles.former
            continue
        columns = {"article_id": str, "run_id": int} | fact_columns(kind)
        fks = [("article_id", "articles", "id"), ("run_id", "runs", "id")]
        if kind == "entities":
            columns["entity_id"] = int
            fks.append(("entity_id", "entity_index", "id"))
        db[table].create(columns, foreign_keys=fks)
        db[table].create_index(["article_id", "run_id"])
        if kind == "entities":
            db[table].create_index(["entity_id"])
        if kind == "quotes":
            db[table].create_index(["speaker"])
            db[table].enable_fts(["text", "speaker"], create_triggers=True, tokenize="porter")
    if "failures" not in existing:
        db["failures"].create({"run_id": int, "path": str, "error": str, "level": str, "at": str},
                              foreign_keys=[("run_id", "runs", "id")])
        db["failures"].create_index(["run_id"])
    if "meta" not in existing:
        db["meta"].insert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
    _create_views(db)


def _create_views(db: sqlite_utils.Database) -> None:
    views = {
        "quotes": "SELECT * FROM attributions WHERE kind = 'direct'",
        "current_runs": "SELECT article_id, MAX(run_id) AS run_id FROM extractions GROUP BY article_id",
        "current_articles": "SELECT * FROM articles WHERE current = 1",
    }
    for table in FACT_TABLES:
        views[f"current_{table}"] = (
            f"SELECT f.* FROM {table} f JOIN current_runs c ON c.article_id = f.article_id "
            f"AND c.run_id = f.run_id JOIN articles a ON a.id = f.article_id WHERE a.current = 1"
        )
    views["current_quotes"] = "SELECT * FROM current_attributions WHERE kind = 'direct'"
    summary = (
        "SELECT i.id, i.label, i.canonical, COUNT(*) AS mentions, "
        "COUNT(DISTINCT e.article_id) AS articles FROM current_entities e "
        "JOIN entity_index i ON i.id = e.entity_id GROUP BY i.id"
    )
    for name, sql in views.items():
        db.create_view(name, sql, ignore=True)
    old = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'entity_summary'").fetchone()
    if old is None or "entity_index" not in old[0]:  # one row per entity, under its canonical name
        db.create_view("entity_summary", summary, replace=True)


# --- runs -----------------------------------------------------------------------------------------

def start_run(db: sqlite_utils.Database, spec, paths: Iterable[str], workers: int) -> int:
    """Record a new run; runs left 'running' by a process that is gone are marked interrupted (a run
    another ingest is still doing stays running)."""
    with immediate(db.conn):
        for run in db.execute("SELECT id, started, pid, host FROM runs WHERE status = 'running'").fetchall():
            if not run_alive(*run[1:]):
                db.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", [run[0]])
        runs = db["runs"]
        runs.insert({
            "started": now(), "status": "running", "pipeline_version": spec.version,
            "package_version": _package_version(), "model": spec.model, "model_version": spec.model_version,
            "fingerprint": spec.fingerprint, "paths": json.dumps([str(p) for p in paths]), "workers": workers,
            "articles": 0, "new": 0, "unchanged": 0, "failed": 0, "pid": os.getpid(), "host": socket.gethostname(),
        })
        return runs.last_pk


def finish_run(db: sqlite_utils.Database, run_id: int, status: str, counts: dict, seconds: float) -> None:
    with immediate(db.conn):
        db["runs"].update(run_id, {"finished": now(), "status": status, "seconds": round(seconds, 3),
                                   **{k: counts.get(k, 0) for k in ("articles", "new", "unchanged", "failed")}})


def _package_version() -> str:
    from newsfacts import __version__

    return __version__


# --- reads the ingest job needs --------------------------------------------------------------------

def extracted_ids(db: sqlite_utils.Database, fingerprint: str, ids: Iterable[str] | None = None) -> set[str]:
    """Articles whose newest extraction is by a pipeline with this fingerprint: no NLP needed for them.

    An older extraction by this fingerprint does not count: after trying a rule and reverting it,
    the articles are extracted again, so the newest run is always the current pipeline's.
    With ``ids``, only which of those: the ingest asks a chunk at a time instead of holding all."""
    sql = ("SELECT x.article_id FROM extractions x WHERE x.fingerprint = ? AND x.run_id = "
           "(SELECT MAX(run_id) FROM extractions n WHERE n.article_id = x.article_id)")
    if ids is None:
        return {r[0] for r in db.execute(sql, [fingerprint])}
    return {r[0] for part in _chunks(ids) for r in
            db.execute(f"{sql} AND x.article_id IN ({', '.join('?' * len(part))})", [fingerprint, *part])}


def source_map(db: sqlite_utils.Database, keys: Iterable[str] | None = None) -> dict[str, str]:
    """Source key → the article id it points at (for ``keys`` only, when given)."""
    sql = "SELECT key, article_id FROM sources"
    if keys is None:
        return dict(db.execute(sql).fetchall())
    return {k: v for part in _chunks(keys) for k, v in
            db.execute(f"{sql} WHERE key IN ({', '.join('?' * len(part))})", part).fetchall()}


def _chunks(values: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


# --- writes -----------------------------------------------------------------------------------------

def write_batch(db: sqlite_utils.Database, run_id: int, fingerprint: str, articles: list[dict],
                facts: dict[str, dict[str, list]], seen: list[dict], failures: list[dict]) -> None:
    """Write one batch in a single transaction.

    ``articles``: article rows (dicts with ``key`` and ARTICLE_COLUMNS) to store, new or re-extracted;
    ``facts``: article id → {kind: [records]} for the articles extracted in this batch;
    ``seen``: {key, path, article_id} for every article read, to point each source at its current text;
    ``failures``: {path, error, level}.

    Rows go in with one ``executemany`` per table and batch: this runs once per batch of articles
    in the ingest's main process, beside the NLP workers, so it must stay cheap.
    """
    stamp = now()
    conn = db.conn
    with immediate(conn):
        if articles:
            columns = list(ARTICLE_COLUMNS)
            fixed = {"first_run": run_id, "current": 1}
            conn.executemany(_insert_sql("articles", columns, "OR IGNORE"),
                             [tuple(fixed[c] if c in fixed else row.get(c) for c in columns) for row in articles])
        if facts:
            conn.executemany("INSERT OR REPLACE INTO extractions (article_id, run_id, fingerprint) VALUES (?, ?, ?)",
                             [(article_id, run_id, fingerprint) for article_id in facts])
            by_table: dict[str, list[dict]] = {}
            for article_id, by_kind in facts.items():
                for kind, records in by_kind.items():
                    by_table.setdefault(TABLE_OF[kind], []).extend(
                        {**_row(r), "article_id": article_id, "run_id": run_id} for r in records)
            for table, rows in by_table.items():
                if not rows:
                    continue
                if table == "entities":
                    _link_entities(db, rows)
                columns = _table_columns(db, table)
                conn.executemany(_insert_sql(table, columns), _values(rows, columns))
        if seen:
            previous = source_map(db, [item["key"] for item in seen])
            conn.executemany("INSERT OR REPLACE INTO sources (key, path, article_id, run_id, seen) "
                             "VALUES (?, ?, ?, ?, ?)",
                             [(i["key"], i["path"], i["article_id"], run_id, stamp) for i in seen])
            for old in {previous[i["key"]] for i in seen if previous.get(i["key"], i["article_id"]) != i["article_id"]}:
                _refresh_current(db, old)
            conn.executemany("UPDATE articles SET current = 1 WHERE id = ? AND current = 0",
                             [(i["article_id"],) for i in seen])
        if failures:
            db["failures"].insert_all({"run_id": run_id, "at": stamp, "level": "error"} | f for f in failures)


def _insert_sql(table: str, columns: list[str], verb: str = "") -> str:
    names = ", ".join(f"[{c}]" for c in columns)
    return f"INSERT {verb} INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


def _table_columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()]


PLAIN_TYPES = (int, float, str, bytes, type(None))


def _plain(value):
    """A value SQLite stores as is; anything else as sqlite-utils would store it (JSON)."""
    if isinstance(value, PLAIN_TYPES):
        return int(value) if isinstance(value, bool) else value
    return json.dumps(value, default=str)


# The types ``_plain`` returns unchanged (not bool, a subclass of int it turns into one).
_AS_IS = frozenset({int, float, str, bytes, type(None)})


def _values(rows: list[dict], columns: list[str]) -> list[tuple]:
    """The rows as ``_plain`` values in column order; the common types skip the call."""
    return [tuple([v if type(v) in _AS_IS else _plain(v) for v in map(row.get, columns)]) for row in rows]


def _row(record) -> dict:
    """A fact record as a dict (a record stays as it is: rows are written through ``_values``)."""
    return record if isinstance(record, dict) else asdict(record)


def _refresh_current(db: sqlite_utils.Database, article_id: str) -> None:
    """An article version stays current while some source still has that text."""
    still = db.execute("SELECT 1 FROM sources WHERE article_id = ?", [article_id]).fetchone()
    db.execute("UPDATE articles SET current = ? WHERE id = ?", [1 if still else 0, article_id])


def _link_entities(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Give each mention the id of its entity across articles (``entity_keys.find_entity``)."""
    ids: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["label"], r["canonical"])
        if key not in ids:
            ids[key] = entity_keys.find_entity(db.conn, *key)
        r["entity_id"] = ids[key]


def record_failures(db: sqlite_utils.Database, run_id: int, failures: list[dict]) -> None:
    write_batch(db, run_id, "", [], {}, [], failures)


def extracted_count(db: sqlite_utils.Database, run_id: int) -> int:
    """Articles the run stored facts for, as the database holds them."""
    return db.execute("SELECT COUNT(*) FROM extractions WHERE run_id = ?", [run_id]).fetchone()[0]


def fact_counts(db: sqlite_utils.Database, run_id: int) -> dict[str, int]:
    return {k: db.execute(f"SELECT COUNT(*) FROM {k} WHERE run_id = ?", [run_id]).fetchone()[0]
            for k in FACT_TABLES}
