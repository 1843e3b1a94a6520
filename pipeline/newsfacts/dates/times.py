"""Handlers for clock times ("3 p.m.", "noon", "14:30"), parts of the day ("mid-afternoon") and holidays
("Christmas Eve"), resolved on the day the publication date or the tense gives.
"""

from __future__ import annotations

import re
from datetime import date

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import iso_week, pick
from newsfacts.dates.context import Cand, Ctx
from newsfacts.dates.feasts import holiday_date


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
            if not ap and not gd.get("tz"):
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
        if (gd.get("tz") or "").lower() in ("gmt", "utc", "z"):
            clock += "Z"  # ISO 8601 marks universal time

        def value(c: Ctx, clock=clock):
            if c.dct is None:
                return f"XXXX-XX-XX{clock}", False
            return c.dct.isoformat() + clock, True

        return Cand(start, m.end(), "TIME", value, info={"clock": clock})

    def _h_time_part(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"at 4 in the morning", "until 11 at night", "about eight o'clock in the evening": an hour the part of
        the day puts before or after noon. Only after a preposition: "scored 2 in the afternoon" is a count."""
        h = m.group("h")
        hh = int(h) if h.isdigit() else int(self.numbers.get(h.lower(), 0))
        part = (m.group("dp") or m.group("dpn")).lower()
        if not 1 <= hh <= 12:
            return None
        if part == "morning":
            hh %= 12  # "12 in the morning" is midnight's hour
        elif part in ("afternoon", "evening") or hh >= 6:
            hh = 24 if hh == 12 and part == "night" else hh % 12 + 12  # "11 at night" is 23:00, "2 at night" 02:00
        clock = f"T{hh:02d}:{int(m.group('mi') or 0):02d}"
        start = m.start("h") if m.group("lead").lower() not in ("around", "about") else m.start()

        def value(c: Ctx, clock=clock):
            if c.dct is None:
                return f"XXXX-XX-XX{clock}", False
            return c.dct.isoformat() + clock, True

        return Cand(start, m.end(), "TIME", value, info={"clock": clock})

    def _h_daypart(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"by mid-afternoon", "in the late evening": a part of the day, on the day its passage names;
        before a day ("mid-afternoon yesterday") the two are merged like a clock time."""
        clock = "T" + self.parts[m.group("part").lower()]

        def value(c: Ctx, clock=clock):
            if c.dct is None:
                return f"XXXX-XX-XX{clock}", False
            return c.dct.isoformat() + clock, True

        return Cand(m.start(), m.end(), "TIME", value, info={"clock": clock})

    def _h_holiday(self, m: re.Match, ctx: Ctx) -> Cand | None:
        name = re.sub(r"\s+", " ", m.group("h").lower())
        if not self._cap(ctx, m, "h"):
            return None
        rule = self.holidays[name]
        y = m.group("year")
        week = m.group("week") is not None  # "Easter week", "Christmas week": the week holding the day
        if y:
            day = holiday_date(rule, int(y))
            return Cand(m.start(), m.end(), "DATE", (iso_week(day) if week else day.isoformat())) if day else None
        # "last Christmas", "next Easter", "this Thanksgiving"
        rel_m = re.search(r"\b(last|next|this|past|coming)\s+$", ctx.text[max(0, m.start() - 8):m.start()], re.I)
        rel = rel_m.group(1).lower() if rel_m else ""
        start = m.start() - (len(rel_m.group(0)) if rel_m else 0)

        def value(c: Ctx, start=start, rel=rel, week=week):
            v, anchored = day_value(c, start, rel)
            return (iso_week(date.fromisoformat(v)) if week and v and v[:1].isdigit() else v), anchored

        def day_value(c: Ctx, start: int, rel: str):
            if c.dct is None:
                if re.fullmatch(r"\d\d-\d\d", rule):
                    return f"XXXX-{rule}", False
                return "XXXX-XX-XX", False
            opts = [d for d in (holiday_date(rule, c.dct.year + k) for k in (-1, 0, 1)) if d]
            if not opts:
                return None, False
            if rel in ("last", "past"):
                before = [d for d in opts if d < c.dct]
                return (max(before).isoformat(), True) if before else (None, False)
            if rel in ("next", "coming"):
                after = [d for d in opts if d > c.dct]
                return (min(after).isoformat(), True) if after else (None, False)
            if rel == "this":
                return next((d.isoformat() for d in opts if d.year == c.dct.year), None), True
            return pick(c.dct, opts, c.tense(start), self.slack).isoformat(), True

        return Cand(start, m.end(), "DATE", value)
