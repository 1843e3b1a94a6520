"""Expressions that count from a time the story named, not from the publication date: "the following
year", "the next day", "the previous month", "a week later". A narrative sets its own reference time
("He joined the bank in 1995, and the following year ..."), and TimeML anchors these to it. The
reference is the last date or year named in the same sentence or the one before; without one they
fall back to the publication date (and a count followed by "later" is only a length).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import add_months, iso_week
from newsfacts.dates.context import Cand, Ctx

# How much of a reference value ("1995", "1995-05", "1995-05-22") an offset in each unit needs.
_GRAIN = {"Y": 4, "DE": 4, "CE": 4, "M": 7, "W": 10, "D": 10}


def story_offset(c: Ctx, char: int, unit: str, n: int, far: bool = False) -> str | None:
    """The reference time named near ``char`` (or anywhere before, ``far``) moved by ``n`` units, at the
    unit's granularity, or None."""
    ref = c.story_ref(char, far)
    if ref is None or unit not in _GRAIN or len(ref) < _GRAIN[unit]:
        return None
    if unit in ("Y", "DE", "CE"):
        return str(int(ref[:4]) + n * {"Y": 1, "DE": 10, "CE": 100}[unit])
    if unit == "M":
        y, mo = add_months(int(ref[:4]), int(ref[5:7]), n)
        return f"{y}-{mo:02d}"
    d = date.fromisoformat(ref[:10])
    if unit == "W":
        return iso_week(d + timedelta(weeks=n))
    return (d + timedelta(days=n)).isoformat()


class StoryRules(RuleHelpers):
    """The day or part of day next to the one the story is at: "the next day", "the following morning",
    "the previous night", "the day before"."""

    def _h_next_day(self, m: re.Match, ctx: Ctx) -> Cand | None:
        rel = (m.group("rel") or m.group("dir")).lower()
        offset = -1 if rel in ("previous", "preceding", "before") else 1
        part = self.parts.get((m.group("unit") or "day").lower())
        start = m.start()

        def value(c: Ctx, offset=offset, part=part, start=start):
            suffix = f"T{part}" if part else ""
            day = story_offset(c, start, "D", offset)
            if day is None and c.tense(start) == "past":  # "appeared in court the next morning"
                day = story_offset(c, start, "D", offset, far=True)
            if day is not None:
                return day + suffix, True
            if c.dct is None:
                return f"XXXX-XX-XX{suffix}", False
            return (c.dct + timedelta(days=offset)).isoformat() + suffix, True

        return Cand(m.start(), m.end(), "TIME" if part else "DATE", value)
