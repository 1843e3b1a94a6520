"""Handlers for dates composed of parts: a day, weekday or week counted inside a month ("the third
Tuesday of September 2014", "the last day of October", "the first week of October 2014", "the 20th of
next month"), the week of a date ("the week of March 6", "the week to May 4") or by number ("2024-W18",
"calendar week 23"), a second day sharing a first one's month ("on June 24 and 25"), "after next"
("Friday after next", "March after next"), counts from today ("three years from today", "three Fridays
from now", "two Thursdays ago"), and numeric forms the calendar rules do not read ("2014-10", "2/2013",
"2014 BC", "the 70s").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import (
    add_months,
    iso_week,
    nth_weekday,
    pick,
    safe_date,
    weekday_after,
    weekday_before,
)
from newsfacts.dates.context import Cand, Ctx


def _last_day(y: int, m: int) -> date:
    ny, nm = add_months(y, m, 1)
    return date(ny, nm, 1) - timedelta(days=1)


class ComposedRules(RuleHelpers):
    """Dates counted inside a month, after next, counts from today, numeric year-month forms."""

    def _month_of(self, m: re.Match, c: Ctx, start: int) -> tuple[int, int] | None:
        """(year, month) the match names: "September 2014", "next month", "the month", "March" by tense."""
        gd = m.groupdict()
        if gd.get("mrel"):
            rel = gd["mrel"].lower()
            if c.dct is None:
                return None
            return add_months(c.dct.year, c.dct.month, {"next": 1, "last": -1, "past": -1}.get(rel, 0))
        mo = self._month_num(gd["mon"])
        if gd.get("year"):
            return int(gd["year"]), mo
        if c.dct is None:
            return None
        opts = [date(c.dct.year + k, mo, 1) for k in (-1, 0, 1)]
        tense = c.tense(start)
        o = pick(date(c.dct.year, c.dct.month, 1), opts, "future" if tense == "present" else tense, self.slack)
        return o.year, o.month

    def _h_in_month(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"the third Tuesday of September 2014", "the last day of October", "the first week of next month",
        "the 20th of next month"."""
        gd = m.groupdict()
        if gd.get("mon") and not self._cap(ctx, m, "mon"):
            return None
        o = gd["ord"].lower()
        n = -1 if o == "last" else self.ordinals.get(o) or int(re.sub(r"\D", "", o) or 0)
        what = (gd.get("what") or "day").lower()
        if n == 0 or what == "day" and not -1 <= n <= 31 or what != "day" and not -1 <= n <= 5:
            return None
        start = m.start()

        def value(c: Ctx, n=n, what=what, start=start):
            ym = self._month_of(m, c, start)
            if ym is None:
                return None, False
            y, mo = ym
            if what == "day":
                d = _last_day(y, mo) if n == -1 else safe_date(y, mo, n)
            elif what == "week":
                first = date(y, mo, 1)
                d = _last_day(y, mo) if n == -1 else first + timedelta(weeks=n - 1)
                return (iso_week(d), True) if d.month == mo else (None, False)
            else:
                d = nth_weekday(y, mo, self.weekdays[what], n)
                if d.month != mo:
                    return None, False
            return (d.isoformat(), True) if d else (None, False)

        return Cand(start, m.end(), "DATE", value)

    def _h_week_of(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"the week of March 6": the ISO week holding that day, its year as for the day alone."""
        day = self._h_mdy(m, ctx)
        if day is None:
            return None

        def value(c: Ctx, inner=day.value):
            v, anchored = inner(c) if callable(inner) else (inner, False)
            if v is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", v):
                return None, False
            return iso_week(date.fromisoformat(v)), anchored

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_iso_week(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"2024-W18", "calendar week 23", "week 23 of 2024": a week of the year by its ISO number; without a
        year, "calendar week 23" is in the publication year."""
        gd = m.groupdict()
        if gd.get("y") and not ctx.text[m.start("w") - 1:m.start("w")].isupper():
            return None  # "2024-w18" is not how a week is written
        if gd.get("w2") and not (gd.get("cal") or gd.get("year")):
            return None  # "in week 3 of the season"
        w = int(gd.get("w") or gd.get("w2"))
        y = gd.get("y") or gd.get("year")
        if not 1 <= w <= 53:
            return None

        def value(c: Ctx, w=w, y=y):
            year = int(y) if y else c.dct.year if c.dct else None
            if year is None:
                return f"XXXX-W{w:02d}", False
            if w == 53 and date(year, 12, 28).isocalendar()[1] != 53:
                return None, False  # that year has 52 weeks
            return f"{year}-W{w:02d}", not y

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_second_day(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"on June 24 and 25": the second number is a day of the same month (and year), a date of its own."""
        tok = self._tok(ctx, m.start("day"))
        if tok is not None and tok.dep_ == "nummod":
            return None  # "on March 4 and 12 witnesses testified"
        day = self._h_mdy(m, ctx)
        if day is None:
            return None
        return Cand(m.start("day"), m.end(), "DATE", day.value)

    def _h_first_day(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"on April 8 and 9, 2019": the first day takes the year written after the second."""
        return self._h_mdy(m, ctx)

    def _h_after_next(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"Friday after next", "March after next", "the week after next"."""
        gd = m.groupdict()
        if gd.get("wd") and not self._cap(ctx, m, "wd") or gd.get("mon") and not self._cap(ctx, m, "mon"):
            return None

        def value(c: Ctx):
            if c.dct is None:
                return None, False
            d = c.dct
            if gd.get("wd"):
                return (weekday_after(d, self.weekdays[gd["wd"].lower()]) + timedelta(days=7)).isoformat(), True
            if gd.get("mon"):
                mo = self._month_num(gd["mon"])
                y = d.year + (1 if mo <= d.month else 0) + 1
                return f"{y}-{mo:02d}", True
            unit = gd["unit"].lower()
            if unit == "week":
                return iso_week(d + timedelta(weeks=2)), True
            if unit == "month":
                y, mo = add_months(d.year, d.month, 2)
                return f"{y}-{mo:02d}", True
            return str(d.year + 2), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_count_from(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"three years from today" (a day), "three Fridays from now", "two Thursdays ago"."""
        n = self._number(m.group("num"))
        if not isinstance(n, float) or not n.is_integer() or n < 1:
            return None
        n = int(n)
        gd = m.groupdict()
        back = (gd.get("dir") or "").lower() == "ago"
        if gd.get("wd") and not self._cap(ctx, m, "wd"):
            return None

        def value(c: Ctx):
            if c.dct is None:
                return None, False
            d = c.dct
            if gd.get("wd"):
                wd = self.weekdays[gd["wd"].lower()]
                if back:
                    return (weekday_before(d, wd) - timedelta(weeks=n - 1)).isoformat(), True
                return (weekday_after(d, wd) + timedelta(weeks=n - 1)).isoformat(), True
            unit = self.units[gd["unit"].lower()]
            k = -n if back else n
            if unit == "Y":
                out = safe_date(d.year + k, d.month, d.day) or safe_date(d.year + k, d.month, d.day - 1)
            elif unit == "M":
                y, mo = add_months(d.year, d.month, k)
                out = safe_date(y, mo, min(d.day, _last_day(y, mo).day))
            elif unit in ("W", "D"):
                out = d + timedelta(days=k * (7 if unit == "W" else 1))
            else:
                return None, False
            return (out.isoformat(), True) if out else (None, False)

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_year_month(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"2014-10", "2014/10", "2015-3-3", "2/2013"; "2011-12" stays a fiscal year (rule ``year``)."""
        y, mo = int(m.group("y")), int(m.group("m"))
        d = m.groupdict().get("d")
        if d:
            day = safe_date(y, mo, int(d))
            return Cand(m.start(), m.end(), "DATE", day.isoformat()) if day else None
        if not 1 <= mo <= 12 or m.groupdict().get("sep") and mo == (y + 1) % 100:
            return None
        return Cand(m.start(), m.end(), "DATE", f"{y}-{mo:02d}")

    def _h_bc(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"2014 BC", "the 5th century BC" (TIMEX2/3 writes years before Christ "BC2014")."""
        if m.group("y"):
            y = int(m.group("y").replace(",", ""))
            return Cand(m.start(), m.end(), "DATE", f"BC{y:04d}") if 0 < y < 10000 else None
        o = m.group("ord").lower()
        n = self.ordinals.get(o) or int(re.sub(r"\D", "", o) or 0)
        return Cand(m.start(), m.end(), "DATE", f"BC{n - 1:02d}") if 1 <= n <= 99 else None

    def _h_bare_decade(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"the 70s", "70s and 80s": a two-digit decade without its apostrophe, after "the" or another
        decade, never "in their 70s"."""
        before = ctx.text[max(0, m.start() - 24):m.start()].lower()
        if re.search(r"\b(?:their|his|her|its|my|our|your|whose)\s+(?:(?:early|mid|late)[- ]?)?$", before):
            return None
        if _QUANTITY_AFTER.match(ctx.text, m.end()):
            return None  # "worth in the mid 30s a share", "highs in the 70s Fahrenheit": a level, not a decade
        d = int(m.group("d"))
        ref = ctx.dct.year if ctx.dct else 2000
        cent = ref // 100 if d * 10 <= ref % 100 else ref // 100 - 1
        return Cand(m.start(), m.end(), "DATE", f"{cent}{d}")


_QUANTITY_AFTER = re.compile(r"\s*(?:%|(?:a|an|per|each)\s+(?!year\b|decade\b)[a-z]+|percent\b|per\s+cent\b|degrees\b|"
                             r"fahrenheit\b|celsius\b|cents?\b|dollars?\b|pence\b)", re.I)
DAY_RULES = ("weekday", "md", "mdy", "dmy", "wd_date", "wd_dmy", "deictic", "iso", "holiday")  # rules naming a day
_DAY_BEFORE = re.compile(r"\bthe\s+day\s+(before|after)\s+$", re.I)


def day_before_after(text: str, chosen: list[Cand]) -> list[Cand]:
    """"the day before last Tuesday's hearing", "the day after Christmas": one day from the date named after
    "the day before/after", as one expression. Only a date that names a day: "the day after the election"
    has no date of its own to count from."""
    out: list[Cand] = []
    prev_end = 0
    for c in chosen:
        m = _DAY_BEFORE.search(text, max(prev_end, c.start - 20), c.start)
        if m is None or c.kind != "DATE" or c.rule not in DAY_RULES:
            out.append(c)
            prev_end = c.end
            continue
        sign = 1 if m.group(1).lower() == "after" else -1

        def value(ctx: Ctx, inner=c.value, sign=sign):
            v, anchored = inner(ctx) if callable(inner) else (inner, False)
            if v is None:
                return None, False
            if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
                return (date.fromisoformat(v) + timedelta(days=sign)).isoformat(), anchored
            return "XXXX-XX-XX", False

        out.append(Cand(m.start(), c.end, "DATE", value, rule="day_shift", info=dict(c.info)))
        prev_end = c.end
    return out
