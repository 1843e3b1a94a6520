"""Read-only connections to a newsfacts database, and `newsfacts sql`: one statement under a read-only authorizer."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from newsfacts import store
from newsfacts.errors import QueryError
from newsfacts.query.filters import timex_interval


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
