"""What the ready-made queries filter by: TIMEX3 values as calendar days, article references, run ids,
and the small WHERE/LIMIT builders they share."""

from __future__ import annotations

import calendar
import re
import sqlite3
from pathlib import Path

from newsfacts.errors import QueryError
from newsfacts.records import TABLE_OF

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
