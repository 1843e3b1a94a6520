"""Calendar arithmetic for TIMEX3 values: ISO weeks, month steps, choosing a date by tense, durations.

Pure functions of ``datetime.date`` and numbers, no spaCy: the handlers call them when they
resolve a relative expression against the publication date.
"""

from __future__ import annotations

from datetime import date, timedelta

SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}  # "this/last/next year": years from the publication year


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def pick(dct: date, options: list, tense: str | None, slack: int = 0):
    """Choose among candidate dates by tense: past → the latest not after the DCT, future → the
    earliest not before it, otherwise the nearest. ``slack`` days let a past-tense sentence name a
    date just after the DCT ("declared a dividend payable Dec. 1")."""
    if tense == "past":
        past = [o for o in options if o <= dct + timedelta(days=slack)]
        if past:
            return max(past)
    elif tense == "future":
        fut = [o for o in options if o >= dct - timedelta(days=slack)]
        if fut:
            return min(fut)
    return min(options, key=lambda o: abs((o - dct).days))


def weekday_after(d: date, weekday: int) -> date:
    """The first ISO ``weekday`` strictly after ``d`` ("Friday" said on a Friday is a week on)."""
    return d + timedelta(days=(weekday - d.isoweekday()) % 7 or 7)


def weekday_before(d: date, weekday: int) -> date:
    """The last ISO ``weekday`` strictly before ``d``."""
    return d - timedelta(days=(d.isoweekday() - weekday) % 7 or 7)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """n-th (1-based, -1 = last) ISO weekday of a month."""
    if n > 0:
        d = date(y, m, 1)
        d += timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + timedelta(weeks=n - 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=(d.isoweekday() - weekday) % 7)


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | str, unit: str) -> str:
    """P20Y, PT3H, P18M (1.5 years), PXY (vague). Quarters stay quarters (P2Q), as TimeML's values and
    HeidelTime's write them, and as a vague count of them (PXQ) always was."""
    if n == "X":
        if unit in ("H", "S", "TM"):
            return f"PTX{'M' if unit == 'TM' else unit}"
        return {"DE": "PXY", "CE": "PXY", "WE": "PXD"}.get(unit, f"PX{unit}")
    n = float(n)
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    elif unit == "WE":
        n, unit = n * 2, "D"
    if not n.is_integer():
        whole, part = int(n), n - int(n)
        if unit == "Y" and (part * 12).is_integer():
            return f"P{whole}Y{int(part * 12)}M" if whole else f"P{int(part * 12)}M"
        if unit == "H" and (part * 60).is_integer():
            return f"PT{whole}H{int(part * 60)}M" if whole else f"PT{int(part * 60)}M"
        if unit == "TM" and (part * 60).is_integer():
            return f"PT{whole}M{int(part * 60)}S" if whole else f"PT{int(part * 60)}S"
        smaller = {"Q": (3, "M"), "W": (7, "D"), "D": (24, "H"), "TM": (60, "S"), "M": (30, "D")}
        if unit in smaller and (n * smaller[unit][0]).is_integer():
            n, unit = n * smaller[unit][0], smaller[unit][1]
    if unit in ("H", "TM", "S"):
        return f"PT{_fmt_number(n)}{'M' if unit == 'TM' else unit}"
    return f"P{_fmt_number(n)}{unit}"


def parse_dct(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
