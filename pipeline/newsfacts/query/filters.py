"""What the ready-made queries filter by: TIMEX3 values as calendar days, article references, run ids,
and the small WHERE/LIMIT builders they share."""

from __future__ import annotations

import calendar
import os
import re
import sqlite3
from pathlib import PurePosixPath

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


def country_code_of(value: str) -> str:
    """A --country value (an ISO 3166-1 alpha-2 or alpha-3 code, or a country's name) as its alpha-2 code."""
    import pycountry

    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError:
        raise QueryError(f"not a country: {value!r} (give an ISO 3166 code such as GB, or a name such as "
                         "United Kingdom)") from None


# --- articles ---------------------------------------------------------------------------------

_ID_PREFIX = re.compile(r"[0-9a-fA-F]{4,16}")
EXACT = 1_000_000  # the score of a path named exactly, as stored or as the same file from here


def _tail(path: str) -> tuple[str, ...]:
    """A path's components, normalised, without a root or leading "..": what a stored path ends with."""
    parts = PurePosixPath(os.path.normpath(path)).parts
    i = 0
    while i < len(parts) and parts[i] in ("/", "..", "."):
        i += 1
    return parts[i:]


def path_score(stored: str | None, ref: str) -> int:
    """How closely ``ref`` names a stored path: 0 not at all, else the number of trailing components they
    share (a file name alone is 1), ``EXACT`` for the same path as stored or the same file from here.

    The paths are compared, never patterns: ``%`` or ``_`` in ``ref`` are characters of a file name.
    """
    if not stored or not ref:
        return 0
    if os.path.normpath(stored) == os.path.normpath(ref) or os.path.abspath(stored) == os.path.abspath(ref):
        return EXACT
    mine = _tail(stored)
    best = 0
    for theirs in (_tail(ref), _tail(os.path.abspath(ref))):  # as given; as a file seen from here
        n = min(len(mine), len(theirs))
        if n and mine[-n:] == theirs[-n:]:
            best = max(best, n)
    return best


def article_score(article: dict, ref: str) -> int:
    """How closely ``ref`` names an article ({id, path, record_id}): its id or an id prefix (``EXACT``), or
    its path as ``path_score`` reads it, with ``#record`` naming one record of a JSON file."""
    if article["id"] == ref or (_ID_PREFIX.fullmatch(ref) and article["id"].startswith(ref.lower())):
        return EXACT
    path, record = ref, None
    if "#" in ref and article.get("record_id") is not None:
        path, record = ref.rsplit("#", 1)
        if record != article["record_id"]:
            return 0
    return path_score(article["path"], path)


def resolve_article(conn: sqlite3.Connection, ref: str, current_only: bool = False) -> list[str]:
    """Article ids for a reference, current versions first: an id, an id prefix, a source key, or a path
    as given at ingest, relative to here, absolute, or its last components (``business/100.txt``).

    Only the best-matching paths count: ``dev/x.txt`` does not also match ``other/x.txt``.
    """
    cur = " AND current = 1" if current_only else ""
    ref = ref.strip()
    if not ref:
        return []
    found = [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id = ?{cur}", [ref])]
    if not found and _ID_PREFIX.fullmatch(ref):
        found = [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE substr(id, 1, ?) = ?{cur} "
                                            "ORDER BY current DESC, id", [len(ref), ref.lower()])]
    if not found:  # a source key exactly as stored: a path, path#id or path:line of a JSON record
        found = [r[0] for r in conn.execute("SELECT DISTINCT article_id FROM sources WHERE key = ?", [ref])]
    if found:
        return found
    # Candidates share the file name (compared as text, not as a LIKE pattern); then the paths are scored.
    names = {(_tail(p) or ("",))[-1] for p in (ref, ref.rsplit("#", 1)[0])} - {""}  # a path, or path#record
    scored: list[tuple[int, int, int, str]] = []
    for name in names:
        for r in conn.execute(
                f"SELECT id, path, record_id, current, first_run FROM articles "
                f"WHERE (path = ? OR substr(path, -?) = ?){cur}", [name, len(name) + 1, "/" + name]):
            score = article_score({"id": r[0], "path": r[1], "record_id": r[2]}, ref)
            if score:
                scored.append((score, r[3], r[4] or 0, r[0]))
    if not scored:
        return []
    best = max(s[0] for s in scored)
    return list(dict.fromkeys(i for *_, i in sorted((s for s in scored if s[0] == best), reverse=True)))


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
