"""Ready-made reads of a newsfacts database: the queries behind `newsfacts query/search/sql/show/runs`.

Every function takes a read-only connection from :func:`connect` and returns plain
lists of dicts (one per row, keyed by column name), so the CLI, Datasette users and
scripts all see the same shape. Facts come from each current article's newest run
(the ``current_*`` views) unless a run id is given.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from newsfacts import store
from newsfacts.errors import QueryError
from newsfacts.records import TABLE_OF

QUERY_NAMES = ("people", "entities", "roles", "amounts", "quantities", "quotes", "dates", "articles")


# --- connections --------------------------------------------------------------------------------

def connect(path: str | Path) -> sqlite3.Connection:
    """Open a newsfacts database read-only; NotANewsfactsDatabase for a missing or foreign file."""
    store.open_db(path, create=False).close()
    conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = 1")
    conn.create_function("timex_lo", 1, lambda v: timex_interval(v)[0], deterministic=True)
    conn.create_function("timex_hi", 1, lambda v: timex_interval(v)[1], deterministic=True)
    conn.create_aggregate("distinct_forms", 1, _DistinctForms)
    return conn


class _DistinctForms:
    """SQL aggregate: the distinct values of a column, sorted, joined with '; ' (names may hold commas)."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def step(self, value) -> None:
        if value is not None:
            self.values.add(str(value))

    def finalize(self) -> str:
        return "; ".join(sorted(self.values))


def rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[dict]:
    return [dict(r) for r in conn.execute(sql, params)]


# What `newsfacts sql` may do besides reading: pragmas that only report (with a table name or no argument).
_INFO_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
                 "table_list", "database_list", "function_list", "pragma_list", "collation_list", "module_list",
                 "compile_options"}
_VALUE_PRAGMAS = {"schema_version", "user_version", "page_count", "page_size", "freelist_count", "encoding",
                  "journal_mode", "application_id", "data_version"}


def _read_only_authorizer(denied: list[int]):
    """An SQLite authorizer that allows reading and nothing else (no ATTACH, no VACUUM INTO, no pragma writes)."""
    reads = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}

    def authorize(action, arg1, arg2, db_name, trigger):
        if action in reads:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":  # SQLite reading the schema (FTS5)
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and (arg1 in _INFO_PRAGMAS or (arg1 in _VALUE_PRAGMAS and arg2 is None)):
            return sqlite3.SQLITE_OK
        denied.append(action)
        return sqlite3.SQLITE_DENY

    return authorize


def run_sql(path: str | Path, statement: str, params: list | tuple = ()) -> tuple[list[str], list[dict]]:
    """Run one statement on a read-only connection: (column names, rows); QueryError for bad SQL or writes.

    Besides ``mode=ro`` an authorizer refuses anything but reading, so that statements
    SQLite allows on a read-only database (ATTACH, VACUUM INTO) cannot create files either.
    """
    conn = connect(path)
    denied: list[int] = []
    conn.set_authorizer(_read_only_authorizer(denied))
    try:
        cursor = conn.execute(statement, params)
        columns = [d[0] for d in cursor.description or ()]
        return columns, [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]
    except (sqlite3.Error, sqlite3.Warning, ValueError) as exc:
        message = str(exc)
        if denied or "readonly" in message or "query_only" in message:
            verb = (statement.split() or ["this"])[0].upper()
            raise QueryError(f"sql is read-only: {verb} statements are not allowed") from None
        raise QueryError(f"SQL error: {message}") from None
    finally:
        conn.close()


# --- dates ------------------------------------------------------------------------------------

_TIMEX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])")


def timex_interval(value: str | None) -> tuple[str | None, str | None]:
    """The calendar days a TIMEX3 value covers, as ISO strings: 2026-02 → (2026-02-01, 2026-02-28).

    Values that are not calendar dates (durations, PAST_REF, XXXX-02-13) cover nothing.
    """
    if not value:
        return None, None
    if m := _TIMEX.match(value):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if day:
            return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
        if month:
            last = calendar.monthrange(int(year), int(month))[1] if 1 <= int(month) <= 12 else 31
            return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
        return f"{year}-01-01", f"{year}-12-31"
    if m := _QUARTER.match(value):
        year, q = m.group(1), int(m.group(2))
        last = calendar.monthrange(int(year), 3 * q)[1]
        return f"{year}-{3 * q - 2:02d}-01", f"{year}-{3 * q:02d}-{last:02d}"
    if m := _WEEK.match(value):
        import datetime as dt

        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None, None
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    return None, None


def _day_bound(value: str, upper: bool) -> str:
    """A --from/--to bound (2026, 2026-02 or 2026-02-13) as the first or last day it names."""
    lo, hi = timex_interval(value)
    if lo is None:
        raise QueryError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return hi if upper else lo


# --- articles ---------------------------------------------------------------------------------

def resolve_article(conn: sqlite3.Connection, ref: str, current_only: bool = False) -> list[str]:
    """Article ids for a reference: an id, an id prefix, a source key or path (current versions first)."""
    cur = " AND current = 1" if current_only else ""
    found = [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id = ?{cur}", [ref])]
    if found:
        return found
    if re.fullmatch(r"[0-9a-f]{4,15}", ref):
        found = [r[0] for r in conn.execute(
            f"SELECT id FROM articles WHERE id LIKE ? || '%'{cur} ORDER BY current DESC, id", [ref])]
        if found:
            return found
    found = [r[0] for r in conn.execute("SELECT DISTINCT article_id FROM sources WHERE key = ? OR path = ?",
                                        [ref, ref])]
    if found:
        return found
    resolved = str(Path(ref).resolve())
    found = [r[0] for r in conn.execute(
        f"SELECT id FROM articles WHERE (path = ? OR path = ?){cur} ORDER BY current DESC, first_run DESC",
        [ref, resolved])]
    if found:
        return found
    # A path given relative to another folder than the one ingested from: match the tail.
    tail = ref.lstrip("./")
    return [r[0] for r in conn.execute(
        f"SELECT id FROM articles WHERE (path LIKE ? OR path = ?){cur} ORDER BY current DESC, first_run DESC",
        ["%/" + tail, tail])]


def article_ids(conn: sqlite3.Connection, ref: str | None) -> list[str] | None:
    """Ids for an --article filter (None when there is no filter); QueryError when nothing matches."""
    if not ref:
        return None
    ids = resolve_article(conn, ref)
    if not ids:
        raise QueryError(f"no article matches {ref!r} (give an id, an id prefix or a path)")
    return ids


def check_run(conn: sqlite3.Connection, run: int | None) -> None:
    if run is not None and conn.execute("SELECT 1 FROM runs WHERE id = ?", [run]).fetchone() is None:
        known = [str(r[0]) for r in conn.execute("SELECT id FROM runs ORDER BY id")]
        raise QueryError(f"no run {run} in this database (runs: {', '.join(known) or 'none'})")


def _facts_from(kind: str, run: int | None) -> tuple[str, list]:
    """The FROM source of a fact kind: the current view, or one run's rows."""
    table = TABLE_OF[kind]
    if run is None:
        return f"current_{table}", []
    return f"(SELECT * FROM {table} WHERE run_id = ?)", [run]


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list = []

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def articles(self, column: str, ids: list[str] | None) -> None:
        if ids is not None:
            self.add(f"{column} IN ({', '.join('?' * len(ids))})", *ids)

    def __str__(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""


def _labels(label: str | tuple | list | None) -> list[str]:
    if not label:
        return []
    items = [label] if isinstance(label, str) else list(label)
    return [x.strip().upper() for item in items for x in item.split(",") if x.strip()]


# --- the ready-made queries -----------------------------------------------------------------------

def people(conn: sqlite3.Connection, name: str | None = None, article: str | None = None,
           run: int | None = None, limit: int | None = None) -> list[dict]:
    """PERSON entities grouped by canonical name, with mention and article counts and stated roles."""
    check_run(conn, run)
    source, params = _facts_from("entities", run)
    where = _Where()
    where.add("label = 'PERSON'")
    where.articles("article_id", article_ids(conn, article))
    if name:
        where.add("canonical LIKE ?", f"%{name}%")
    found = rows(conn, f"SELECT canonical AS name, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles "
                       f"FROM {source} e{where} GROUP BY canonical ORDER BY mentions DESC, articles DESC, name"
                       f"{_limit(limit)}", params + where.params)
    roles_source, role_params = _facts_from("roles", run)
    role_where = _Where()
    role_where.articles("article_id", article_ids(conn, article))
    roles: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(f"SELECT person, role, of FROM {roles_source} r{role_where} ORDER BY article_id, start",
                          role_params + role_where.params):
        text = f"{r['role']}, {r['of']}" if r["of"] else r["role"]
        if text not in roles[r["person"]]:
            roles[r["person"]].append(text)
    for row in found:
        row["roles"] = "; ".join(roles.get(row["name"], []))
    return found


def entities(conn: sqlite3.Connection, label: str | tuple | None = None, name: str | None = None,
             article: str | None = None, run: int | None = None, limit: int | None = None) -> list[dict]:
    """Distinct entities (label + canonical name) with mention and article counts and surface forms."""
    check_run(conn, run)
    source, params = _facts_from("entities", run)
    where = _Where()
    if labels := _labels(label):
        where.add(f"label IN ({', '.join('?' * len(labels))})", *labels)
    if name:
        where.add("(canonical LIKE ? OR text LIKE ?)", f"%{name}%", f"%{name}%")
    where.articles("article_id", article_ids(conn, article))
    found = rows(conn, f"SELECT label, canonical, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles, "
                       f"distinct_forms(text) AS forms FROM {source} e{where} "
                       f"GROUP BY label, canonical ORDER BY mentions DESC, articles DESC, canonical"
                       f"{_limit(limit)}", params + where.params)
    return found


def roles(conn: sqlite3.Connection, name: str | None = None, article: str | None = None,
          run: int | None = None, limit: int | None = None) -> list[dict]:
    """Stated roles of people ("Foreign Minister" of Kazakhstan), one row per mention."""
    check_run(conn, run)
    source, params = _facts_from("roles", run)
    where = _Where()
    if name:
        where.add("(person LIKE ? OR role LIKE ?)", f"%{name}%", f"%{name}%")
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, f"SELECT article_id AS article, person, role, of, text, start, end FROM {source} r{where} "
                      f"ORDER BY person, article_id, start{_limit(limit)}", params + where.params)


def amounts(conn: sqlite3.Connection, currency: str | None = None, min_value: float | None = None,
            max_value: float | None = None, about: str | None = None, article: str | None = None,
            run: int | None = None, limit: int | None = None) -> list[dict]:
    """Monetary amounts; --min/--max keep figures (or ranges) that reach into the interval."""
    check_run(conn, run)
    source, params = _facts_from("amounts", run)
    where = _Where()
    if currency:
        where.add("UPPER(currency) = ?", currency.upper())
    if min_value is not None:
        where.add("COALESCE(max_value, value) >= ?", min_value)
    if max_value is not None:
        where.add("value <= ?", max_value)
    if about:
        where.add("about LIKE ?", f"%{about}%")
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, text, value, max_value, currency, qualifier, per_unit, about, "
                      f"status, currency_guessed, start, end FROM {source} m{where} "
                      f"ORDER BY article_id, start{_limit(limit)}", params + where.params)


def quantities(conn: sqlite3.Connection, unit: str | None = None, min_value: float | None = None,
               max_value: float | None = None, article: str | None = None, run: int | None = None,
               limit: int | None = None) -> list[dict]:
    """Non-money figures (percentages, tonnes, people) with their unit."""
    check_run(conn, run)
    source, params = _facts_from("quantities", run)
    where = _Where()
    if unit:
        where.add("unit LIKE ?", unit)
    if min_value is not None:
        where.add("COALESCE(max_value, value) >= ?", min_value)
    if max_value is not None:
        where.add("value <= ?", max_value)
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, text, value, max_value, unit, qualifier, about, start, end "
                      f"FROM {source} q{where} ORDER BY article_id, start{_limit(limit)}", params + where.params)


def quotes(conn: sqlite3.Connection, speaker: str | None = None, kind: str | None = None,
           article: str | None = None, run: int | None = None, limit: int | None = None) -> list[dict]:
    """Quotes with speaker and reporting verb; --speaker matches part of the canonical name.

    ``kind``: direct (the default, like the ``quotes`` view), partial, indirect, or all.
    """
    check_run(conn, run)
    source, params = _facts_from("quotes", run)
    where = _Where()
    if speaker:
        where.add("speaker LIKE ?", f"%{speaker}%")
    if (kind or "direct") != "all":
        where.add("kind = ?", kind or "direct")
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, speaker, speaker_label, kind, verb, text, start, end "
                      f"FROM {source} q{where} ORDER BY article_id, start{_limit(limit)}", params + where.params)


def dates(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None,
          kind: str | None = None, article: str | None = None, run: int | None = None,
          limit: int | None = None) -> list[dict]:
    """Dates with TIMEX3 values; --from/--to keep calendar dates overlapping the interval."""
    check_run(conn, run)
    source, params = _facts_from("dates", run)
    where = _Where()
    if date_from:
        where.add("timex_hi(value) >= ?", _day_bound(date_from, upper=False))
    if date_to:
        where.add("timex_lo(value) <= ?", _day_bound(date_to, upper=True))
    if kind:
        where.add("kind = ?", kind)
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, text, value, kind, anchored, start, end "
                      f"FROM {source} d{where} ORDER BY article_id, start{_limit(limit)}", params + where.params)


def articles(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None,
             article: str | None = None, run: int | None = None, limit: int | None = None) -> list[dict]:
    """Current articles (or those a run extracted) with metadata and fact counts."""
    check_run(conn, run)
    where = _Where()
    if run is None:
        where.add("a.current = 1")
        runs_sql = "SELECT article_id, run_id FROM current_runs"
    else:
        runs_sql = "SELECT article_id, run_id FROM extractions WHERE run_id = ?"
    if date_from:
        where.add("a.published >= ?", _day_bound(date_from, upper=False))
    if date_to:
        where.add("a.published <= ?", _day_bound(date_to, upper=True))
    where.articles("a.id", article_ids(conn, article))
    counts = ", ".join(f"(SELECT COUNT(*) FROM {t} f WHERE f.article_id = a.id AND f.run_id = c.run_id) AS {t}"
                       for k, t in TABLE_OF.items() if k != "roles")
    params = ([run] if run is not None else []) + where.params
    return rows(conn, f"SELECT a.id, a.title, a.published, a.dateline, a.agency, a.path, a.words, c.run_id AS run, "
                      f"{counts} FROM articles a JOIN ({runs_sql}) c ON c.article_id = a.id{where} "
                      f"ORDER BY a.published, a.path{_limit(limit)}", params)


# --- search -----------------------------------------------------------------------------------

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
    """Every run, newest first, with its counts and how many facts it extracted of each kind."""
    counts = {table: dict(conn.execute(f"SELECT run_id, COUNT(*) FROM {table} GROUP BY run_id").fetchall())
              for table in TABLE_OF.values()}
    extracted = dict(conn.execute("SELECT run_id, COUNT(*) FROM extractions GROUP BY run_id").fetchall())
    current = dict(conn.execute("SELECT run_id, COUNT(*) FROM current_runs c JOIN articles a "
                                "ON a.id = c.article_id AND a.current = 1 GROUP BY run_id").fetchall())
    found = rows(conn, "SELECT id, started, finished, status, fingerprint, pipeline_version, model, articles, new, "
                       f"unchanged, failed, seconds FROM runs ORDER BY id DESC{_limit(limit)}")
    for r in found:
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
