"""Read-only connections to a newsfacts database, and `newsfacts sql`: one statement under a read-only authorizer."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from newsfacts import dbfile
from newsfacts.errors import QueryError
from newsfacts.query.filters import timex_interval


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a newsfacts database read-only, leaving the file's bytes as they were (no WAL checkpoint);
    NotANewsfactsDatabase for a missing, foreign or newer file."""
    conn = dbfile.read_only(path)
    try:
        dbfile.schema_version(conn, path)
    except BaseException:
        conn.close()
        raise
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


DEFAULT_SQL_TIMEOUT = 5.0  # seconds `newsfacts sql` may run before it is stopped (--timeout)
MAX_VALUE_BYTES = 100_000_000  # the longest string or blob a statement may build (zeroblob(1e9) would take 1 GB)


def run_sql(path: str | Path, statement: str, params: list | tuple = (),
            timeout: float | None = DEFAULT_SQL_TIMEOUT) -> tuple[list[str], list[dict]]:
    """Run one statement on a read-only connection: (column names, rows); QueryError for bad SQL or writes.

    Besides ``mode=ro`` an authorizer refuses anything but reading, so that statements
    SQLite allows on a read-only database (ATTACH, VACUUM INTO) cannot create files either.
    The statement is stopped after ``timeout`` seconds (None or 0: never) with QueryError, and Ctrl-C
    stops it at once with KeyboardInterrupt: SQLite asks a progress handler every few thousand steps,
    so an endless recursive CTE ends too.
    """
    conn = connect(path)
    denied: list[int] = []
    conn.set_authorizer(_read_only_authorizer(denied))
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    stopped: list[str] = []
    deadline = time.monotonic() + timeout if timeout else None

    def progress() -> int:
        if not stopped and deadline is not None and time.monotonic() > deadline:
            stopped.append("timeout")
        return 1 if stopped else 0

    conn.set_progress_handler(progress, 10_000)
    try:
        with _interrupt_sets(stopped):
            cursor = conn.execute(statement, params)
            columns = [d[0] for d in cursor.description or ()]
            return columns, [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]
    except (sqlite3.Error, sqlite3.Warning, ValueError, OverflowError) as exc:
        message = str(exc)
        if "interrupt" in stopped:
            raise KeyboardInterrupt from None
        if stopped:
            raise QueryError(f"sql stopped after {timeout:g} seconds (give --timeout SECONDS to allow more, "
                             "0 for no limit)") from None
        if denied or "readonly" in message or "query_only" in message:
            verb = (statement.split() or ["this"])[0].upper()
            raise QueryError(f"sql is read-only: {verb} statements are not allowed") from None
        raise QueryError(f"SQL error: {message}") from None
    finally:
        conn.close()


@contextlib.contextmanager
def _interrupt_sets(stopped: list[str]) -> Iterator[None]:
    """While SQLite runs, Ctrl-C marks the statement stopped (the progress handler then ends it) rather than
    raising inside SQLite's callback, where the interrupt would be lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: stopped.append("interrupt"))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)
    if "interrupt" in stopped:
        raise KeyboardInterrupt
