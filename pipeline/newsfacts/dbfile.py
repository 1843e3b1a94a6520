"""Opening a database file without harming it: reading leaves its bytes as they were, and only a
database that is ours (or a new one) is ever written to.

- ``read_only(path)``: a connection that cannot change the file. SQLite's ``mode=ro`` neither
  checkpoints the write-ahead log nor changes the journal mode; in a folder we may not write to, where
  SQLite cannot create the ``-shm`` index, a database without pending WAL frames is opened
  ``immutable``.
- ``schema_version(conn, path)``: ours (and which version), new and empty, or refused with the reason:
  another program's database, or one made by a newer newsfacts.
- ``writable(path)``: checks with a read-only connection first, then opens for writing with a lock
  timeout, so that two ingests on one file wait for each other instead of failing.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from newsfacts.errors import NotANewsfactsDatabase

# 2: runs.pid and runs.host, so a running ingest is told from a dead one;
# 3: the entity index made again by the stricter rule of 0.17 (``entity_keys.relink``);
# 4: made again with keys that ignore spelling ("Hewlett Packard" / "Hewlett-Packard"), 0.18
SCHEMA_VERSION = 4
LOCK_TIMEOUT = 60.0  # seconds a write waits for another process's transaction before "database is locked"


def read_only(path: str | Path) -> sqlite3.Connection:
    """A connection to ``path`` that cannot change it; NotANewsfactsDatabase if it is missing or not SQLite."""
    path = Path(path)
    if not path.is_file():
        raise NotANewsfactsDatabase(f"{path}: no such database")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opens the file and its WAL index
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size:
            raise NotANewsfactsDatabase(
                f"{path}: cannot be read ({exc}): it has changes not yet merged in {wal.name}, and SQLite cannot "
                f"create {path.name}-shm beside it (a read-only folder?): copy both files to a writable folder"
            ) from None
        # Nothing pending in a WAL: the file alone is the whole database (a read-only folder, where SQLite
        # may not create the -shm index that mode=ro wants).
        conn = sqlite3.connect(uri + "&immutable=1", uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as again:
            conn.close()
            raise NotANewsfactsDatabase(f"{path}: cannot be read ({again})") from None
        return conn
    except sqlite3.DatabaseError as exc:  # "file is not a database"
        conn.close()
        raise NotANewsfactsDatabase(f"{path}: not a SQLite database ({exc})") from None


def schema_version(conn: sqlite3.Connection, path: str | Path, empty_ok: bool = False) -> int | None:
    """Our schema version of the database on ``conn``; None for an empty database when ``empty_ok``.

    Ours means a ``meta`` table with our ``schema_version`` and the ``runs`` and ``articles`` tables.
    Anything else is another program's, and a version above ``SCHEMA_VERSION`` a newer newsfacts's:
    both raise NotANewsfactsDatabase, which the CLI reports as one line with exit status 2.
    """
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as exc:
        raise NotANewsfactsDatabase(f"{path}: not a SQLite database ({exc})") from None
    if not names:
        if empty_ok:
            return None
        raise NotANewsfactsDatabase(f"{path}: not a newsfacts database (an empty SQLite database)")
    version = None
    if "meta" in names:
        with contextlib.suppress(sqlite3.DatabaseError):
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row and str(row[0]).isdigit() else None
    if version is None or not {"runs", "articles"} <= names:
        theirs = sorted(n for n in names if not n.startswith("sqlite_"))
        listing = ", ".join(theirs[:4]) + (f" and {len(theirs) - 4} more" if len(theirs) > 4 else "")
        raise NotANewsfactsDatabase(
            f"{path}: not a newsfacts database (no newsfacts schema version; it holds {listing}); "
            "newsfacts does not write to another program's database: give another --db")
    if version > SCHEMA_VERSION:
        raise NotANewsfactsDatabase(
            f"{path}: made by a newer newsfacts (schema version {version}; this one knows up to "
            f"{SCHEMA_VERSION}): upgrade newsfacts to use it")
    return version


def check(path: str | Path) -> int:
    """Our schema version of the database at ``path``, read without changing it; raises if it is not ours."""
    conn = read_only(path)
    try:
        return schema_version(conn, path)
    finally:
        conn.close()


def writable(path: str | Path) -> sqlite3.Connection:
    """A connection for writing to ``path``, which is new, empty or ours (checked read-only first: nothing
    is written to a file that is another program's or a newer newsfacts's), in WAL mode."""
    path = Path(path)
    if path.is_file() and path.stat().st_size:
        conn = read_only(path)
        try:
            schema_version(conn, path, empty_ok=True)
        finally:
            conn.close()
    conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT)
    _retry_locked(lambda: conn.execute("PRAGMA journal_mode=WAL").fetchone())
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _retry_locked(step, seconds: float = LOCK_TIMEOUT):
    """Run ``step`` again while another process holds the lock it needs (SQLite does not wait for some)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction that takes the write lock when it starts (BEGIN IMMEDIATE), waiting for other
    writers. A deferred transaction that reads first fails at once with "database is locked" when another
    process wrote in between; inside a transaction already open, a savepoint."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT newsfacts_write")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO newsfacts_write")
            conn.execute("RELEASE newsfacts_write")
            raise
        conn.execute("RELEASE newsfacts_write")
        return
    try:
        _retry_locked(lambda: conn.execute("BEGIN IMMEDIATE"))
        yield
    except BaseException:  # an interrupt too, even one that came just after BEGIN
        if conn.in_transaction:
            conn.rollback()
        raise
    conn.commit()
