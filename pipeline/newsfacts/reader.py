"""Reading a newsfacts database from Python: the ready-made queries of ``newsfacts query`` as methods.

The database is opened read-only; each method returns a list of plain dicts, one per row, keyed as
the columns of ``newsfacts query … --format json``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsfacts import query


class Reader:
    """A read-only view of one database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = query.connect(self.path)

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def people(self, **filters) -> list[dict]:
        """People by canonical name: mentions, articles, roles. Filters: ``name``, ``article``, ``run``, ``limit``."""
        return query.people(self.conn, **filters)

    def entities(self, **filters) -> list[dict]:
        """Entities (label + canonical name). Filters: ``label``, ``name``, ``article``, ``run``, ``limit``."""
        return query.entities(self.conn, **filters)

    def roles(self, **filters) -> list[dict]:
        return query.roles(self.conn, **filters)

    def amounts(self, **filters) -> list[dict]:
        """Money figures. Filters: ``currency``, ``min_value``, ``max_value``, ``about``, ``article``, …"""
        return query.amounts(self.conn, **filters)

    def quantities(self, **filters) -> list[dict]:
        return query.quantities(self.conn, **filters)

    def quotes(self, **filters) -> list[dict]:
        """Quotes with speaker and verb. Filters: ``speaker``, ``kind`` (direct by default, or ``all``), …"""
        return query.quotes(self.conn, **filters)

    def dates(self, **filters) -> list[dict]:
        """Time expressions. Filters: ``date_from``, ``date_to`` (``YYYY[-MM[-DD]]``), ``kind``, …"""
        return query.dates(self.conn, **filters)

    def articles(self, **filters) -> list[dict]:
        return query.articles(self.conn, **filters)

    def article(self, ref: str, *, run: int | None = None) -> dict:
        """One article (id, id prefix or path) with its facts by kind."""
        return query.article(self.conn, ref, run=run)

    def search(self, text: str, **options) -> list[dict]:
        """Full-text search over current articles and quotes, best match first."""
        return query.search(self.conn, text, **options)

    def runs(self, **options) -> list[dict]:
        return query.runs(self.conn, **options)

    def sql(self, statement: str, params: list | tuple = ()) -> list[dict]:
        """One read-only SQL statement; anything that would write is refused."""
        return query.run_sql(self.path, statement, params)[1]


def read(path: str | Path) -> Reader:
    """Open a newsfacts database for reading (it must exist and be ours)."""
    return Reader(path)
