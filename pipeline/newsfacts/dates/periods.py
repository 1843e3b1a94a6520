"""Handlers for the periods of company reporting: quarters, halves, "the year", the year end and
"year-earlier", which in a sentence about quarterly results means the same quarter a year before.
"""

from __future__ import annotations

import re

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import YEAR_SHIFT, add_months
from newsfacts.dates.context import Cand, Ctx, token_at
from newsfacts.dates.fiscal import calendar_half, calendar_quarter
from newsfacts.dates.narrative import named_month

_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending)\b", re.I)  # "the fourth quarter ended Sept. 30"


def _month_since_quarters(c: Ctx) -> bool:
    """A month was named after every quarter named so far: "the same period" compares with it."""
    return c.last_month is not None and all(at < c.last_month[1] for at, _ in c.quarters_named)


class PeriodRules(RuleHelpers):
    """Quarters, halves, the (fiscal) year, year end and year-ago."""

    def _quarter_year(self, c: Ctx, q: int, start: int) -> int:
        dq = (c.dct.month - 1) // 3 + 1
        tense = c.tense(start)
        if tense == "future":
            # results of the quarter just ended are still "to be released" in the first two months after it: in
            # January, "will report fourth-quarter results" is last year's fourth quarter
            if q == (dq - 2) % 4 + 1 and (c.dct.month - 1) % 3 < 2:
                return c.dct.year - (dq == 1)
            return c.dct.year if q >= dq else c.dct.year + 1
        return c.dct.year if q <= dq else c.dct.year - 1

    def _h_quarter(self, m: re.Match, ctx: Ctx) -> Cand | None:
        gd = m.groupdict()
        if gd.get("q"):
            if not self._cap(ctx, m, 0):
                return None
            q = int(gd["q"])
        else:
            o = gd["ord"].lower()
            if o in ("final", "last") and not (gd.get("year") or gd.get("ofrel")):
                return None  # "the last quarter" alone is the one before this: ``quarter_rel``
            q = int(o[0]) if o.endswith("q") else 4 if o in ("final", "last") else self.ordinals.get(o, 0)
        if not 1 <= q <= 4:
            return None
        y = gd.get("year") or gd.get("pyear") or (("20" + gd["yy"]) if gd.get("yy") else None)
        start = m.start()
        over = _ENDED.match(ctx.text, m.end()) is not None
        ended_on = self._ended_day(ctx, m.end())
        if gd.get("pyrel") or gd.get("yago") or gd.get("ofrel"):  # "last year's fourth quarter", "... of last year"
            shift = YEAR_SHIFT.get((gd.get("pyrel") or gd.get("ofrel") or "last").lower(), -1)

            def rel_value(c: Ctx, q=q, shift=shift):
                if c.dct is None:
                    return f"XXXX-Q{q}", False
                c.note_quarter(c.dct.year + shift, q)
                return f"{c.dct.year + shift}-Q{q}", True

            return Cand(start, m.end(), "DATE", rel_value)
        if y:
            return Cand(start, m.end(), "DATE", f"{y}-Q{q}", info={"quarter": (int(y), q, over)})
        if not gd.get("pyrel") and not gd.get("yago") and not self._calendar_context(ctx, start):
            return None  # "inside the first quarter" of a game

        def value(c: Ctx, q=q, start=start, over=over, ended_on=ended_on):
            if c.fiscal_end:  # "whose financial year ends March 31 ... third-quarter": October to December
                q = calendar_quarter(q, c.fiscal_end)
            if c.dct is None:
                if c.last_quarter and c.last_quarter[1] == q:  # "the fourth quarter of 2004 ... fourth-quarter losses"
                    return f"{c.last_quarter[0]}-Q{q}", True
                return f"XXXX-Q{q}", False
            year = self._quarter_year(c, q, start)
            if ended_on is not None and ended_on > (c.dct.month, c.dct.day):
                # "the second quarter ended Oct. 31", told on Oct. 27: a quarter that has ended, the year before
                year = min(year, c.dct.year - 1)
            # reported in the past tense, the current quarter by number is a fiscal one already over
            c.note_quarter(year, q, over or c.tense(start) == "past")
            return f"{year}-Q{q}", True

        return Cand(start, m.end(), "DATE", value)

    def _h_quarter_rel(self, m: re.Match, ctx: Ctx) -> Cand | None:
        rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "the").lower())
        # "the corresponding period", "last year's quarter", "the quarter a year ago": the period being
        # reported on, a year before
        if (rel.startswith(("comparable", "corresponding")) or m.groupdict().get("yrs")
                or re.search(r"\sa\s+year\s+\w+$", m.group(0))):
            rel = "year-ago"
        is_period = re.search(r"\bperiod\b", m.group(0), re.I) is not None
        if is_period and rel not in ("year-earlier", "year-ago", "year earlier", "comparable", "year-before", "same",
                                     "latest", "most recent", "recent"):
            return None
        end_month = self._ended_month(ctx, m.end()) if rel == "the" and not is_period else None

        in_year = m.groupdict().get("inyear")
        # "jobs grew during the same period": the period just named itself, not a year before it
        same_now = rel == "same" and re.fullmatch(r"[\w\s]*?(?:quarter|period)", m.group(0), re.I) is not None

        info: dict = {}

        def value(c: Ctx, rel=rel, is_period=is_period, end_month=end_month, in_year=in_year, same_now=same_now):
            if in_year and rel in ("last", "final") and not is_period:  # "the last quarter of 2004"
                c.note_quarter(int(in_year), 4, over=True)
                return f"{in_year}-Q4", False
            if in_year and rel in ("same", "year-ago"):  # "the same period in 2003": the period just named, then
                part = c.last_period.partition("-")[2] if c.last_period else None
                if part is None and c.last_quarter:
                    part = f"Q{c.last_quarter[1]}"
                return (f"{in_year}-{part}" if part else in_year), False
            if same_now or rel == "the" and not is_period:
                if c.last_period and (same_now or "-Q" in c.last_period):
                    return c.last_period, not c.last_period.startswith("X")
                if same_now and c.last_quarter:
                    return f"{c.last_quarter[0]}-Q{c.last_quarter[1]}", True
                if same_now:
                    return None, False  # the same as a span no date named ("the 2020-25 plan"): no value to give
            year_ago = rel in ("year-earlier", "year-ago", "year earlier", "comparable", "year-before", "same")
            if rel in ("previous", "prior", "preceding") and not is_period and c.last_quarter:
                # "up 5% from the previous quarter" after the quarter reported on: the one before it, not the
                # one before now ("last quarter" stays deictic)
                y, q = c.last_quarter
                return (f"{y - 1}-Q4" if q == 1 else f"{y}-Q{q - 1}"), True
            if c.dct is None:
                # "the fourth quarter of 2004, against a loss for the same period a year earlier"
                if year_ago and c.last_period and is_period and c.last_period[:4].isdigit():
                    y, _, part = c.last_period.partition("-")
                    return f"{int(y) - 1}{'-' if part else ''}{part}", True
                if year_ago and c.last_quarter:
                    return f"{c.last_quarter[0] - 1}-Q{c.last_quarter[1]}", True
                return "XXXX-QX", False
            if end_month is not None and c.last_quarter is None:
                # "the quarter ended July 31": the quarter of its last months, unless a (fiscal) quarter
                # is already being reported on ("the fiscal first quarter ... the quarter ended Sept. 30")
                y = c.dct.year - (end_month > c.dct.month)
                y, mo = add_months(y, end_month, -1)
                c.note_quarter(y, (mo - 1) // 3 + 1, over=True)
                return f"{y}-Q{(mo - 1) // 3 + 1}", True
            dq = (c.dct.month - 1) // 3 + 1
            cur = (c.dct.year, dq)
            prev = (c.dct.year - 1, 4) if dq == 1 else (c.dct.year, dq - 1)
            if rel in ("this", "current"):
                y, q = cur
            elif rel == "next":
                y, q = (c.dct.year + 1, 1) if dq == 4 else (c.dct.year, dq + 1)
            elif year_ago:
                month = named_month(c, c.at, -12) if is_period and _month_since_quarters(c) else None
                if month is not None:  # "sales in late February … the same period last year": that month's,
                    info["comparison"] = True  # which a later "the month" does not mean
                    return month, True
                if c.last_period and is_period and not c.last_period.startswith("X"):
                    y, _, part = c.last_period.partition("-")  # "the first half ... the same period last year"
                    return f"{int(y) - 1}{'-' if part else ''}{part}", True  # "the first nine months": the year
                y, q = c.last_quarter or prev
                return f"{y - 1}-Q{q}", True
            elif rel in ("last", "previous", "past", "prior"):
                y, q = prev
            else:  # "the quarter", "the latest quarter": the one being reported
                y, q = c.last_quarter or prev
            c.note_quarter(y, q)
            return f"{y}-Q{q}", True

        return Cand(m.start(), m.end(), "DATE", value, info=info)

    def _ended_day(self, ctx: Ctx, end: int) -> tuple[int, int] | None:
        """(month, day) of "ended Oct. 31" right after a period, written without a year; None otherwise."""
        m = _ENDED.match(ctx.text, end)
        if m is None or not m.group(0).rstrip().lower().endswith("ended"):
            return None
        day = re.match(r"\s+([A-Z][a-z]+)\.?\s+([0-3]?\d)\b(?!,?\s+\d{4})", ctx.text[m.end(): m.end() + 20])
        month = self.months.get(day.group(1).lower()) if day else None
        return (month, int(day.group(2))) if month else None

    def _ended_month(self, ctx: Ctx, end: int) -> int | None:
        """The month of "ended Sept. 30" right after a period, or None."""
        m = _ENDED.match(ctx.text, end)
        words = re.match(r"\s+([A-Z][a-z]+)\.?\s+\d", ctx.text[m.end(): m.end() + 14]) if m else None
        return self.months.get(words.group(1).lower()) if words else None

    def _h_quarter_year(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"the 1988 quarter": the quarter being reported on, in that year; "the 1988 period" the period being
        reported on (a quarter, a half, months of the year: the year), or the year when none was named."""
        year = int(m.group("pyear"))
        period = re.search(r"period\b", m.group(0), re.I) is not None

        def value(c: Ctx, year=year, period=period):
            if period and c.last_period and c.last_period[:4].isdigit():
                part = c.last_period.partition("-")[2]
                return (f"{year}-{part}" if part else str(year)), True
            if c.last_quarter:
                return f"{year}-Q{c.last_quarter[1]}", True
            if period:
                return str(year), True
            if c.dct is None:
                return f"{year}-QX", False
            dq = (c.dct.month - 1) // 3
            return f"{year}-Q{dq or 4}", True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_half(self, m: re.Match, ctx: Ctx) -> Cand | None:
        h = 1 if m.group("ord").lower() in ("first", "1st") else 2
        if m.group("year"):
            year = m.group("year")

            def fixed(c: Ctx, year=year, h=h):
                c.last_period = f"{year}-H{h}"
                return f"{year}-H{h}", False

            return Cand(m.start(), m.end(), "DATE", fixed)
        yrel = (m.group("yrel") or "").lower()
        start = m.start()
        if not yrel and _HALF_OF_LONGER.match(ctx.text, m.end()):
            return None  # "the last half of the '80s": the decade's, which takes the words as its modifier
        if not yrel and "year" not in m.group(0).lower() and not self._calendar_context(ctx, start):
            return None  # "the first half" of a match

        def value(c: Ctx, h=h, yrel=yrel, start=start):
            if c.fiscal_end and not yrel and (ch := calendar_half(h, c.fiscal_end)) is not None:
                h = ch  # a year ending in June: its first half is July to December
            if c.dct is None:
                return f"XXXX-H{h}", False
            y = c.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
            tense = c.tense(start)
            if not yrel and (tense != "future" and h == 2 and c.dct.month <= 6 or tense == "past" and h == 1
                             and c.dct.month < 6):
                y -= 1  # a half told in the past is one that is over: "rose in the first half", said in March
            c.last_period = f"{y}-H{h}"
            return f"{y}-H{h}", True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_month_span(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"the April-June period", "July-December": months that make a calendar quarter or half are that
        quarter or half, of the year the quarter and half rules give it (reported, so mostly over)."""
        first, last = self._month_num(m.group("m1")), self._month_num(m.group("m2"))
        if last - first == 2 and first % 3 == 1:
            q, h = (first - 1) // 3 + 1, None
        elif last - first == 5 and first in (1, 7):
            q, h = None, 1 if first == 1 else 2
        else:
            return None  # other runs of months are read month by month
        start = m.start()

        def value(c: Ctx, q=q, h=h, start=start):
            if c.dct is None:
                return f"XXXX-Q{q}" if q else f"XXXX-H{h}", False
            if q:
                year = self._quarter_year(c, q, start)
                c.note_quarter(year, q, c.tense(start) == "past")
                return f"{year}-Q{q}", True
            year = c.dct.year - (c.tense(start) != "future" and h == 2 and c.dct.month <= 6)
            c.last_period = f"{year}-H{h}"
            return f"{year}-H{h}", True

        return Cand(start, m.end(), "DATE", value)

    def _h_year_ago_adj(self, m: re.Match, ctx: Ctx) -> Cand | None:
        before = ctx.text[max(0, m.start() - 3): m.start()].lower()
        if re.search(r"\ban?\s$", before) and m.group("sep") == " " or re.search(r"\d\s*-?$", before):
            return None  # "a year ago" belongs to the "ago" rule; "10-year" is a duration
        start = m.start()

        def value(c: Ctx, start=start):
            if c.dct is None:
                return "XXXX", False
            if quarterly_context(c, start):
                y, q = reported_quarter(c)
                return f"{y - 1}-Q{q}", True
            return str(c.dct.year - 1), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_the_year(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = m.group("unit").lower()
        start = m.start("the")
        if m.group("pre").lower() == "of":
            word = re.search(r"(\w+)\s+of\s*$", ctx.text[max(0, m.start() - 20): m.start() + 2])
            if not word or word.group(1).lower() not in self.part_of:
                return None  # "player of the year"
        if m.group("ended"):
            return Cand(start, m.end("the"), "DURATION", "P1Y" if unit == "year" else "P1M")
        if "financial" in m.group("the").lower():
            return None  # which year "the financial year" is depends on the firm's calendar: only its length is read
        latest = "latest" in m.group("the").lower()

        def value(c: Ctx, unit=unit, latest=latest, start=start):
            if unit == "month" and not latest and (named := named_month(c, start)) is not None:
                return named, not named.startswith("X")
            if c.dct is None:
                return ("XXXX" if unit == "year" else "XXXX-XX"), False
            if unit == "year":
                return str(c.dct.year - latest), True
            y, mo = add_months(c.dct.year, c.dct.month, -latest)
            return f"{y}-{mo:02d}", True

        return Cand(start, m.end("the"), "DATE", value)

    def _h_year_end(self, m: re.Match, ctx: Ctx) -> Cand | None:
        since = re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 7): m.start()], re.I)

        def value(c: Ctx, since=since):
            if c.dct is None:
                return "XXXX", False
            return str(c.dct.year - (1 if since else 0)), True

        return Cand(m.start(), m.end(), "DATE", value)


_HALF_OF_LONGER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:1[6-9]|20)?\d0['’]?s\b|['’]\d0s\b|decade\b|century\b)", re.I)


def quarterly_context(c: Ctx, start: int) -> bool:
    """A sentence about quarterly results, where "a year earlier" is the same quarter a year before."""
    tok = token_at(c.doc, start)
    if tok is None or _months_reported_before(tok):
        return False
    return any(t.lower_ in ("quarter", "quarterly", "period") for t in tok.sent) or c.last_quarter is not None and any(
        t.lower_ in ("earned", "profit", "net", "loss", "earnings", "revenue", "sales", "results") for t in tok.sent)


def reported_quarter(c: Ctx) -> tuple[int, int]:
    """(year, quarter) a results story reports on: the one it last named, else the last whole quarter before
    the publication date (which the caller has)."""
    d = c.dct
    return c.last_quarter or ((d.year - 1, 4) if d.month <= 3 else (d.year, (d.month - 1) // 3))


def months_compared(c: Ctx, start: int) -> bool:
    """Whether the sentence of the expression at ``start`` compares a count of months before it."""
    tok = token_at(c.doc, start)
    return tok is not None and _months_reported_before(tok)


def _months_reported_before(tok) -> bool:
    """Whether the period the sentence compares, before ``tok``, is a count of months ("in the first nine months,
    ... up from $2m a year earlier"): a stretch of the year, whose value a year back is the year, not a quarter.
    Three, six or twelve months are a quarter, a half or a year, which the quarter rules read."""
    for t in reversed(tok.sent[:tok.i - tok.sent.start]):
        if t.lower_ in ("quarter", "quarters", "quarterly"):
            return False
        if t.lower_ == "months" and t.i > 0 and t.nbor(-1).like_num:
            return t.nbor(-1).lower_ not in ("three", "3", "six", "6", "twelve", "12")
    return False
