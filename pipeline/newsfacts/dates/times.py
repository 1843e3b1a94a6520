"""Handlers for clock times ("3 p.m.", "noon", "14:30") and holidays ("Christmas Eve"), both resolved on
the day the publication date or the tense gives.
"""

from __future__ import annotations

import re
from datetime import date

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import nth_weekday, pick
from newsfacts.dates.context import Cand, Ctx


class TimeRules(RuleHelpers):
    """Clock times and holidays."""

    def _h_time(self, m: re.Match, ctx: Ctx) -> Cand | None:
        gd = m.groupdict()
        if gd.get("w"):
            w = gd["w"].lower()
            before = ctx.text[max(0, m.start() - 6):m.start()]
            if self._title_inside(ctx, m.start()) or re.search(r"\bhigh\s+$", before, re.I):
                return None
            hh, mi = (24, 0) if w == "midnight" else (12, 0)
        else:
            hh = int(gd["h"])
            mi = int(gd["mi"] or 0)
            ap = (gd.get("ap") or "").lower().replace(".", "")
            if ap in ("pm",) and hh < 12:
                hh += 12
            elif ap == "am" and hh == 12:
                hh = 0
            if hh > 24 or (ap in ("am", "pm") and int(gd["h"]) > 12):
                return None
            if not ap:
                # "3:30" alone needs a time word nearby to be a clock time, not a score or ratio
                before = ctx.text[max(0, m.start() - 12): m.start()].lower()
                if not re.search(r"\b(at|by|until|before|after|around|about|from)\s*$", before):
                    return None
        start = m.start()
        lead = re.match(r"(?:at|around|about|by|until|before|after|from|since)\s+", m.group(0), re.I)
        if lead:
            word = lead.group(0).strip().lower()
            start = m.start() + (len(lead.group(0)) if word not in ("around", "about") else 0)
        clock = f"T{hh:02d}:{mi:02d}"

        def value(c: Ctx, clock=clock):
            if c.dct is None:
                return f"XXXX-XX-XX{clock}", False
            return c.dct.isoformat() + clock, True

        return Cand(start, m.end(), "TIME", value, info={"clock": clock})

    def _h_holiday(self, m: re.Match, ctx: Ctx) -> Cand | None:
        name = re.sub(r"\s+", " ", m.group("h").lower())
        if not self._cap(ctx, m, "h"):
            return None
        rule = self.holidays[name]
        y = m.group("year")

        def on(year: int) -> date:
            if re.fullmatch(r"\d\d-\d\d", rule):
                return date(year, int(rule[:2]), int(rule[3:]))
            mon, wd, n = rule.split("-")
            mo = self.months[mon]
            wdn = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}[wd]
            return nth_weekday(year, mo, wdn, -1 if n == "last" else int(n))

        if y:
            return Cand(m.start(), m.end(), "DATE", on(int(y)).isoformat())
        start = m.start()

        def value(c: Ctx, start=start):
            if c.dct is None:
                d = on(2001)
                return f"XXXX-{d.month:02d}-{d.day:02d}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX", False
            opts = [on(c.dct.year + k) for k in (-1, 0, 1)]
            return pick(c.dct, opts, c.tense(start), self.slack).isoformat(), True

        return Cand(m.start(), m.end(), "DATE", value)
