"""Expressions that count from the time the story is at, not from the publication date.

"Jobs left Apple in 1985. One year later he bought Pixar": the year is 1986, whatever the day of
publication. "Three years later", "two days earlier", "the following year", "the next day" point
from the last time the text named (``Ctx.story_time``: a year, quarter, month, day...); only when the text
has named none fine enough do they fall back to the publication date. A comparative ("three days later than
planned") measures a delay: in apposition to a date ("arrives on November 11, three days later than
planned") it is that date, otherwise the length of the delay.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import add_months, duration_value, iso_week, weekday_after, weekday_before
from newsfacts.dates.context import Cand, Ctx, governing_verb, token_at

_YEAR, _MONTH, _DAY = (re.compile(r"\d{4}(?!\d)"), re.compile(r"\d{4}-\d\d(?!\d)"),
                       re.compile(r"\d{4}-\d\d-\d\d(?!\d)"))  # a value that names at least a year, month, day
_NEEDS = {"Y": _YEAR, "DE": _YEAR, "CE": _YEAR, "M": _MONTH, "W": _DAY, "D": _DAY, "H": _DAY, "TM": _DAY, "S": _DAY}
_WEEK = re.compile(r"\d{4}-W\d\d")
_APPOSED_DATE = re.compile(r"\d\s*,\s*$")  # "... November 11, |three days later than planned"


_COMPARED = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|against|versus|than)\s+(?:[^.;!?]|\.(?=\d))*?[\d$£€¥%](?:[^.;!?]|\.(?=\d))*$",
    re.I)


def comparison_point(text: str, start: int, prev_end: int) -> bool:
    """Whether the time at ``start`` dates a figure compared with ("down from $1bn in the fourth quarter of
    2003"): such a time does not move the story on. Looks back to the previous time expression, at most 80
    characters."""
    return _COMPARED.search(text[max(prev_end, start - 80):start]) is not None


def from_reference(ref: str | None, unit: str, k: float) -> str | None:
    """``k`` units (negative: before) from the value ``ref`` ("1985", "2007-Q1", "2009-12-15T18:00"), at the
    unit's granularity; None when ``ref`` is missing or coarser than the unit ("four days later" after "in 1998")."""
    need = _NEEDS.get(unit)
    if ref is not None and unit == "W" and _WEEK.fullmatch(ref):
        # "the week ended Feb 27 ... the previous week": counted from the week named, not from a day
        return iso_week(date.fromisocalendar(int(ref[:4]), int(ref[6:8]), 1) + timedelta(weeks=k))
    if ref is None or need is None or not need.match(ref):
        return None
    y = int(ref[:4])
    if unit in ("Y", "DE", "CE"):
        years = k * {"Y": 1, "DE": 10, "CE": 100}[unit]
        return str(y + int(years)) if float(years).is_integer() else None
    if unit == "M":
        if not float(k).is_integer():
            return None
        ny, nm = add_months(y, int(ref[5:7]), int(k))
        return f"{ny}-{nm:02d}"
    day = date.fromisoformat(ref[:10])
    if unit == "W":
        return iso_week(day + timedelta(weeks=k))
    if unit == "D":
        return (day + timedelta(days=k)).isoformat()
    return day.isoformat()  # hours, minutes later: the same day, as far as a date can tell


_NAMED_MONTH = re.compile(r"(?:\d{4}|XXXX)-(\d\d)")


def named_month(c: Ctx, start: int, k: int = 0) -> str | None:
    """"Sales rose 1.2% in the month", "slower than the previous month" after "in December": the month the same
    or the previous sentence named (``k`` months on), also without a year ("XXXX-11" for "the previous month"
    after "XXXX-12"); None when no month was named that close."""
    if c.last_month is None:
        return None
    value, end = c.last_month
    between = c.text[end:start]
    if len(between) > 300 or len(re.findall(r"[.!?]\s", between)) > 1:
        return None
    m = _NAMED_MONTH.fullmatch(value)
    if m is None:
        return None
    if value.startswith("X"):
        return f"XXXX-{(int(m.group(1)) - 1 + k) % 12 + 1:02d}"
    y, mo = add_months(int(value[:4]), int(m.group(1)), k)
    return f"{y}-{mo:02d}"


def story_year(c: Ctx, char: int, month: int, day: int = 1) -> int | None:
    """The year a yearless date at ``char`` takes from a story set in the past ("Slepian was killed on Oct. 23,
    1998. Police found the rifle on Nov. 2": 1998): the first such date on or after the day or month the same
    or the previous sentence named, when that lies over a year before publication and the date's verb is not
    in the present or future. None where the publication date decides."""
    if c.dct is None or c.story_at < 0 or not c.story_time or not _MONTH.match(c.story_time):
        return None
    if c.tense(char) in ("present", "future") or re.search(r"\b(?:since|the)\s+$",
                                                            c.text[max(0, c.story_at - 8):c.story_at], re.I):
        # "Prices have risen since March 2008": a start that runs up to now, not a story set then; "the Dec. 21,
        # 1988, bombing" names an event by its date
        return None
    told = date(int(c.story_time[:4]), int(c.story_time[5:7]), int(c.story_time[8:10] or 1)
                if _DAY.match(c.story_time) else 1)
    if (c.dct - told).days <= 366:
        return None
    here, there = token_at(c.doc, char), token_at(c.doc, c.story_at)
    if here is None or there is None:
        return None
    verb = governing_verb(here)
    if verb is not None and verb.lemma_ in c.words.reporting:
        return None  # "It said on May 2": the news being reported, not the past story
    if not _dates_event(there) or not _dates_event(here):
        return None  # "the August 1988 cease-fire", "the late-November trip" name an event, not the story's time
    sent = here.sent
    previous = c.doc[sent.start - 1].sent if sent.start > 0 else None
    if there.sent.start != sent.start and (previous is None or there.sent.start != previous.start):
        return None
    return told.year if (month, day) >= (told.month, told.day) else told.year + 1


def _dates_event(tok) -> bool:
    """Whether a time expression is the time adjunct of a verb ("was killed on Oct. 23", "On Jan. 17, jets
    struck"), not a modifier of a noun."""
    for _ in range(3):
        if tok.dep_ in ("compound", "nummod", "appos", "nmod", "amod") and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
    elif tok.dep_ not in ("npadvmod", "tmod"):
        return False
    return tok.head.pos_ in ("VERB", "AUX")


def comparative(m: re.Match, ctx: Ctx, n: float, unit: str) -> Cand | None:
    """"three days later than planned": the apposed date's value, or the delay as a DURATION over
    "three days"; None when the expression is not followed by "than"."""
    if not re.match(r"\s+than\b", ctx.text[m.end():m.end() + 8], re.I):
        return None
    if _APPOSED_DATE.search(ctx.text[max(0, m.start() - 8):m.start()]):
        def apposed(c: Ctx):
            return (c.last_ref, True) if c.last_ref else (None, False)  # the date just before the comma

        return Cand(m.start(), m.end(), "DATE", apposed)
    end = m.end("half") if m.group("half") else m.end("unit")
    return Cand(m.start(), end, "DURATION", duration_value(n, unit))


class NarrativeRules(RuleHelpers):
    """"the next day", "the following morning", "the previous night", "the day before", "the previous
    Friday": the day after or before the last one the story named, else the publication day's; "later in
    the day", "for the week": that day or its week."""

    def _h_story_weekday(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"Shares fell on Wednesday, down 3% from the previous Friday": the Friday before the day the
        story is at; "arrived on Monday and left the following Thursday": the Thursday after it."""
        wd = self.weekdays[m.group("wd").lower()]
        after = m.group("rel").lower() == "following"

        def value(c: Ctx, wd=wd, after=after):
            ref = c.story_time if c.story_time and _DAY.match(c.story_time) else None
            day = date.fromisoformat(ref[:10]) if ref else c.dct
            if day is None:
                return None, False
            return (weekday_after(day, wd) if after else weekday_before(day, wd)).isoformat(), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_the_unit(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"later in the day", "on the day", "for the week", "the week's busiest session": the day (or its
        week) the story is at, the last day named; the publication day's when none was. After a month or a
        year named, the day is not known: no date. Only before a clause's end or "and"/"but", so that "on the
        day the bill passed" (a day a clause defines) is left alone ("later in the day" always points at
        one); "on the day" not of the future ("fans will queue on the day": the day of an event), and "for
        the week" only in the past ("For the week, the index lost 2%"; "get the players together for the
        week" is a plan)."""
        week = (m.group("unit0") or m.group("unit") or m.group("unit2")).lower() == "week"
        on, span = m.group("on") is not None, m.group("span") is not None
        at = m.start()
        if re.search(r"\b(?:too|little|bit|rather|very|fairly|quite|so)\s+$", ctx.text[max(0, at - 12):at], re.I):
            return None  # "a little late in the day": too late, no day

        def value(c: Ctx, week=week, on=on, span=span, at=at):
            tense = c.tense(at)
            if on and tense == "future" or span and tense != "past":
                return None, False
            # the later of the last date named and the story's time, which also keeps a time of day ("her first
            # stop Tuesday morning ... later in the day") but not a point of comparison ("up from Thursday")
            days = [r[:10] for r in (c.last_ref, c.story_time) if r and _DAY.match(r)]
            if days:
                day = date.fromisoformat(max(days))
            elif week and c.story_time and _WEEK.fullmatch(c.story_time):
                return c.story_time, True  # "Shares fell last week ... the week's biggest loser"
            elif c.last_ref or c.story_time:
                return None, False  # only a month or a year named: which day is not known
            else:
                day = c.dct
            if day is None:
                return ("XXXX-WXX" if week else "XXXX-XX-XX"), False
            return (iso_week(day) if week else day.isoformat()), True

        start = m.start() + m.group(0).lower().index("the")  # the noun phrase, as TimeML marks it
        return Cand(start, m.end("unit2") if m.group("unit2") else m.end(), "DATE", value)

    def _h_next_day(self, m: re.Match, ctx: Ctx) -> Cand | None:
        sign = -1 if (m.group("rel") or m.group("dir")).lower() in ("previous", "preceding", "before") else 1
        part = self.parts.get((m.group("part") or "").lower())
        if part is None and m.group("part"):
            return None
        suffix = f"T{part}" if part else ""

        def value(c: Ctx, sign=sign, suffix=suffix):
            day = from_reference(c.story_time, "D", sign)
            if day is not None:
                return day + suffix, True
            if c.dct is None:
                return f"XXXX-XX-XX{suffix}", False
            return (c.dct + timedelta(days=sign)).isoformat() + suffix, True

        return Cand(m.start(), m.end(), "TIME" if part else "DATE", value)
