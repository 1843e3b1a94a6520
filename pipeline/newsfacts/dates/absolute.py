"""Handlers for dates named on the calendar: day and month, month and year, years, decades, centuries,
months and seasons alone, and years or decades spelled out ("nineteen ninety-six", "the nineties").

Each handler gets a regex match and returns a ``Cand`` or None. A value without a year is a function of
the ``Ctx`` that picks the nearest year in the direction of the tense once the DCT is known.
"""

from __future__ import annotations

import re
from datetime import date

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import SEASON_ORDER, YEAR_SHIFT, pick, safe_date
from newsfacts.dates.context import Cand, Ctx, token_at
from newsfacts.dates.narrative import story_year

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9}  # the first month of a season, to find the year a story set it in
# The order (``SEASON_ORDER``) of the season a month lies in; December, after the autumn, is 4
_SEASON_NOW = {1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3, 12: 4}

_YEAR_UP_TO = re.compile(r"\b(this|last|next)\s+year(?:'s)?\s+(?:through|thru|until|till|up\s+to|to)\s+$", re.I)


# Words before a month that make it a date ("in June", "since March", "the June figures")
_DATE_LEADS = frozenset({"in", "since", "until", "by", "of", "through", "from", "to", "before", "after", "during",
                         "the", "early", "late", "mid", "last", "this", "next", "till", "between", "and", "or", "in-"})


def _opens_a_name(tok, nxt) -> bool:
    """Whether a month word opens a run of capitalised proper nouns it is a compound of ("June Carter
    Cash", "April Ashley"): a first name, since a date goes on with a day, a year or a lower-case word."""
    head = tok.head
    return (nxt is not None and tok.dep_ == "compound" and head.i > tok.i and head.pos_ == "PROPN"
            and head.is_title and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.like_num)


def year_named_before(c: Ctx, char: int) -> int | None:
    """The year a month or day is bounded by when a stretch of that year runs up to it ("sales this year
    through August", "last year until March"), as years from the publication year; None otherwise."""
    m = _YEAR_UP_TO.search(c.text, max(0, char - 30), char)
    return None if m is None else YEAR_SHIFT[m.group(1).lower()]


def _simple_past(c: Ctx, char: int) -> bool:
    """Whether a time at ``char`` is an adjunct of a verb in a past form ("died in the summer", "was closed in
    the summer", "dropped him for the autumn Tests"); not one dating a noun ("with an annual festival in the
    summer")."""
    tok = token_at(c.doc, char)
    if tok is None:
        return False
    if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head  # "the autumn Tests"
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    return verb.pos_ in ("VERB", "AUX") and (verb.tag_ == "VBD" or any(
        ch.tag_ == "VBD" and ch.dep_ in ("aux", "auxpass") for ch in verb.children))


class AbsoluteRules(RuleHelpers):
    """Calendar dates, years, decades, centuries, months and seasons."""

    def _h_mdy(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if not self._cap(ctx, m, "mon") and not ctx.text[m.start("mon") - 1:m.start("mon")].isalnum():
            return None  # "may" the verb; but "14april 2015", written without its space, is a date
        mo = self._month_num(m.group("mon"))
        d = int(m.group("day")) if m.groupdict().get("day") else sum(
            self._word_number(w) for w in re.split(r"[- ]", m.group("dword")))
        if safe_date(2000, mo, d) is None:  # a leap year, so Feb. 29 passes
            return None
        if m.group("mon").lower() == "may" and not m.groupdict().get("year") and not m.groupdict().get("wd"):
            tok = self._tok(ctx, m.start("mon"))
            if tok is not None and tok.pos_ in ("AUX", "VERB"):
                return None
        y = m.groupdict().get("year")
        if y:
            dd = safe_date(int(y), mo, d)
            return Cand(m.start(), m.end(), "DATE", dd.isoformat() if dd else None) if dd else None
        start = m.start()
        if yrel := m.groupdict().get("yrel"):
            shift = YEAR_SHIFT[yrel.lower()]

            def in_year(c: Ctx, mo=mo, d=d, shift=shift):
                dd = safe_date(c.dct.year + shift, mo, d) if c.dct is not None else None
                return (dd.isoformat(), True) if dd else (f"XXXX-{mo:02d}-{d:02d}", False)

            return Cand(m.start(), m.end(), "DATE", in_year)

        wd = self.weekdays.get((m.groupdict().get("wd") or "").lower())

        def value(c: Ctx, mo=mo, d=d, start=start, wd=wd):
            if c.dct is None:
                return f"XXXX-{mo:02d}-{d:02d}", False
            on_wd = [x for x in (safe_date(c.dct.year + k, mo, d) for k in (-1, 0, 1)) if x and x.isoweekday() == wd]
            if len(on_wd) == 1:  # "Monday 6 December": the year in which that day is a Monday
                return on_wd[0].isoformat(), True
            told = story_year(c, start, mo, d)
            if told is not None and safe_date(told, mo, d):
                return f"{told}-{mo:02d}-{d:02d}", True
            if (shift := year_named_before(c, start)) is not None and safe_date(c.dct.year + shift, mo, d):
                return f"{c.dct.year + shift}-{mo:02d}-{d:02d}", True
            opts = [x for x in (safe_date(c.dct.year + k, mo, d) for k in (-1, 0, 1)) if x]
            if not opts:
                return None, False
            tense = c.tense(start)
            if tense == "present":
                tense = "future"  # "the law takes effect Oct. 1"
            slack = 0 if tense == "past" and c.past_adjunct(start) else self.slack
            return pick(c.dct, opts, tense, slack).isoformat(), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_my(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if not self._cap(ctx, m, "mon"):
            return None
        return Cand(m.start(), m.end(), "DATE", f"{m.group('year')}-{self._month_num(m.group('mon')):02d}")

    def _h_iso(self, m: re.Match, ctx: Ctx) -> Cand | None:
        y = int(m.group("y"))
        if y < 100:
            y += 1900 if y > 50 else 2000
        d = safe_date(y, int(m.group("m")), int(m.group("d")))
        return Cand(m.start(), m.end(), "DATE", d.isoformat()) if d else None

    def _h_year(self, m: re.Match, ctx: Ctx) -> Cand | None:
        y = int(m.group("year"))
        if m.group("fy") is None:
            tok = self._tok(ctx, m.start("year"))
            if tok is not None:
                nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
                recent = 1900 <= y <= (ctx.dct.year if ctx.dct else 2030) + 10
                if nxt is not None and (nxt.lower_ in self.false_after_year
                                        or nxt.tag_ in ("NNS", "NNPS") and not recent):
                    return None  # "1500 workers"; but "the 1992 protests", "the 2000 Olympics"
                prev = tok.nbor(-1) if tok.i > 0 else None
                if prev is not None and prev.lower_ in ("no", "no.", "number", "route", "flight", "room", "#", "about",
                                                        "nearly", "some", "than", "of"):
                    if prev.lower_ != "of" or (tok.i > 1 and tok.nbor(-2).lower_ in ("total", "out", "number")):
                        return None
                if tok.ent_type_ in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY") and not (
                        prev is not None and prev.lower_ in ("in", "since", "by", "until", "from", "to", "before",
                                                             "after", "during", "of", "through", "year")):
                    return None
        if not 1600 <= y <= 2100:
            return None
        return Cand(m.start(), m.end(), "DATE", str(y))

    def _h_decade(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if m.group("cent"):
            value = f"{m.group('cent')}{m.group('d1')}"
        else:
            d = int(m.group("d2"))
            ref = ctx.dct.year if ctx.dct else 2000
            cent = ref // 100 if d * 10 <= ref % 100 else ref // 100 - 1
            value = f"{cent}{d}"
        return Cand(m.start(), m.end(), "DATE", value)

    def _h_century(self, m: re.Match, ctx: Ctx) -> Cand | None:
        o = m.group("ord").lower()
        n = self.ordinals.get(o) or int(re.sub(r"\D", "", o) or 0)
        if not 1 <= n <= 22:
            return None
        return Cand(m.start(), m.end(), "DATE", f"{n - 1:02d}")

    def _h_month(self, m: re.Match, ctx: Ctx) -> Cand | None:
        name = ctx.text[m.start("mon"):m.end("mon")]
        if not self._capitalised(name) or len(name.rstrip(".")) < 3:
            return None
        key = name.rstrip(".").lower()
        if len(key) <= 4 and not name.endswith(".") and key not in ("may", "june", "july"):
            return None  # "Jan" or "Mar" alone is more often a name than a month
        tok = self._tok(ctx, m.start("mon"))
        if tok is not None:
            if tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"):
                return None
            if tok.pos_ in ("VERB", "AUX"):
                return None
            prev = tok.nbor(-1) if tok.i > 0 else None
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            led = prev is not None and prev.lower_ in _DATE_LEADS or m.group("rel") is not None
            if not led and _opens_a_name(tok, nxt):
                return None  # "with June Carter Cash", "June Whitfield said": a name the model left untyped
            if key in ("may", "march") and m.group("rel") is None:
                ok_prev = _DATE_LEADS
                # "a March date", "a May poll": after an article, a month qualifying a common noun
                dated_noun = (prev is not None and prev.lower_ in ("a", "an") and nxt is not None
                              and nxt.pos_ == "NOUN" and nxt.text.islower())
                if (prev is None or prev.lower_ not in ok_prev) and not dated_noun:
                    return None
                if nxt is not None and nxt.pos_ in ("PROPN",) and nxt.ent_type_ == "PERSON":
                    return None
            if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "ORG"):
                return None
        mo = self._month_num(name)
        rel = (m.group("rel") or "").lower().rstrip("-")
        if rel and re.match(r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![:.,]?\d)", ctx.text[m.end("mon"):]):
            return None  # "last Oct. 23" is a day: the day-and-month rule reads it
        start = m.start() if rel in ("this", "last", "next", "past", "coming") else m.start("mon")
        if m.group("yrel"):
            yrel = re.sub(r"\s+", " ", m.group("yrel").lower())
            shift = YEAR_SHIFT.get(yrel)

            def year_value(c: Ctx, mo=mo, shift=shift):
                if shift is None:  # "in June that year": the year the story last named (written out, so not
                    ref = c.named_year or c.last_ref  # that of a month just read, as a list's "May, June")
                    return (f"{ref[:4]}-{mo:02d}", False) if ref and ref[:4].isdigit() else (f"XXXX-{mo:02d}", False)
                if c.dct is None:
                    return f"XXXX-{mo:02d}", False
                return f"{c.dct.year + shift}-{mo:02d}", True

            return Cand(start, m.end(), "DATE", year_value)

        def value(c: Ctx, mo=mo, rel=rel, start=start):
            if c.dct is None:
                return f"XXXX-{mo:02d}", False
            y = c.dct.year
            opts = [date(y + k, mo, 1) for k in (-1, 0, 1)]
            if rel in ("last", "past"):
                tense = "past"
                opts = [o for o in opts if (o.year, o.month) < (c.dct.year, c.dct.month)]
                if rel == "last" and c.dct.month > 1 and mo == c.dct.month - 1:
                    # "crashed last February" in March: the month just gone would be "last month" or "in
                    # February"; "last February" is the one before ("last December" in January is just gone)
                    opts = [o for o in opts if o.year < c.dct.year]
            elif rel in ("next", "coming"):
                tense = "future"
                opts = [o for o in opts if (o.year, o.month) > (c.dct.year, c.dct.month)]
            elif rel == "this":
                opts = [date(y, mo, 1)]
                tense = None
            else:
                if (shift := year_named_before(c, start)) is not None:
                    return f"{y + shift}-{mo:02d}", True
                tense = c.tense(start)
                if tense == "present":
                    tense = "future"  # "the plant closes in September", as for a day ("takes effect Oct. 1")
                told = story_year(c, start, mo)
                if told is not None:
                    return f"{told}-{mo:02d}", True
            month_dct = date(c.dct.year, c.dct.month, 1)
            # as for a day: a month a past verb happened in is not one still to come ("output fell in April")
            slack = 0 if tense == "past" and c.past_adjunct(start) else self.slack
            o = pick(month_dct, opts or [date(y, mo, 1)], tense, slack)
            return f"{o.year}-{o.month:02d}", True

        return Cand(start, m.end(), "DATE", value)

    def _h_season(self, m: re.Match, ctx: Ctx) -> Cand | None:
        det = re.sub(r"\s+", " ", (m.group("det") or "").lower().rstrip("-")).replace("this past", "last")
        word = m.group("season").lower()
        y = m.group("year")
        if not det and not y:
            return None
        if word in ("fall", "spring") and det in ("in", "during", "the") and not y:
            tok = self._tok(ctx, m.start("season"))
            if tok is not None and tok.pos_ == "VERB":
                return None
            after = ctx.text[m.end(): m.end() + 8].lower()
            if re.match(r"\s+(?:of|in|from|to|on|at|for|and|was|is)\b", after):
                return None  # "the fall in sales", "the fall of the regime"
            before = ctx.text[max(0, m.start() - 12): m.start()].lower()
            if det == "the" and not re.search(r"\b(?:in|during|by|until|since|through|over)\s+$", before):
                return None
        code = self.seasons[word]
        start = m.start() if det in ("this", "last", "next", "the", "early", "late", "mid") else m.start("season")
        if y:
            return Cand(start, m.end(), "DATE", f"{y}-{code}")

        at = m.start("season")

        def value(c: Ctx, code=code, det=det, start=start, at=at):
            if c.dct is None:
                return f"XXXX-{code}", False
            # where the publication date lies among its year's seasons: December comes after the autumn, so "last
            # spring" said in December is that year's, "next spring" the next year's (a winter, which runs across
            # two years, is counted as before, from January)
            now = _SEASON_NOW[c.dct.month] if code != "WI" or c.dct.month != 12 else 0
            year = c.dct.year
            if det == "last":
                if SEASON_ORDER[code] >= now:
                    year -= 1
            elif det == "next":
                if SEASON_ORDER[code] <= now:
                    year += 1
            elif det != "this" and code != "WI":  # winter runs across two years: left to the publication year
                # "He died in the summer" told in March: last summer; "talks resume in the autumn" in
                # November: next autumn; "seized the town in June 2022 ... in the autumn": that year's
                tense = c.tense(start)
                if tense == "past" and not _simple_past(c, at):
                    tense = None  # "is going to start getting beat up in the spring": no past form, no past time
                story = story_year(c, at, _SEASON_MONTH[code]) if tense == "past" else None
                if story is not None:
                    year = story
                elif tense == "past" and SEASON_ORDER[code] > now:
                    year -= 1
                elif tense == "future" and SEASON_ORDER[code] < now:
                    year += 1
            return f"{year}-{code}", True

        return Cand(start, m.end(), "DATE", value)

    def _h_md_word(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"payable April three", "on March twenty-one": wire copy writes a day of the month as words. A
        number word that counts what follows it ("in March two firms merged", "two of them") is no day."""
        last = self._tok(ctx, m.end() - 1)
        if last is None or ctx.doc is None:
            return None
        after = ctx.doc[last.i + 1] if last.i + 1 < len(ctx.doc) else None
        if after is not None and (after.lower_ == "of" or after.is_alpha and after.pos_ in ("NOUN", "PROPN", "ADJ")):
            return None
        return self._h_mdy(m, ctx)

    _SMALL = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
              "seventeen": 17, "eighteen": 18, "nineteen": 19}

    def _word_number(self, w: str | None) -> int:
        if not w:
            return 0
        w = w.lower()
        return self._SMALL.get(w) or int(self.numbers.get(w, 0))

    def _h_spelled_year(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if m.group("cent"):
            year = (1900 if m.group("cent").lower() == "nineteen" else 1800) + self._word_number(m.group("t")) + \
                self._word_number(m.group("o"))
        else:
            year = 2000 + self._word_number(m.group("o2"))
            if not m.group("yr"):
                before = ctx.text[max(0, m.start() - 8): m.start()].lower()
                if not re.search(r"\b(in|since|until|by|of|before|after)\s+$", before):
                    return None
        tok = self._tok(ctx, m.end() - 1)
        if tok is not None and tok.i + 1 < len(tok.doc) and tok.nbor(1).tag_ in ("NNS", "NNPS"):
            return None
        return Cand(m.start(), m.end(), "DATE", str(year))

    def _h_spelled_decade(self, m: re.Match, ctx: Ctx) -> Cand | None:
        cent = {"nineteen": "19", "eighteen": "18"}.get((m.group("cent") or "").lower())
        if cent is None:
            ref = ctx.dct.year if ctx.dct else 2000
            cent = str(ref // 100 - (1 if ref % 100 < 30 else 0))
        return Cand(m.start(), m.end(), "DATE", f"{cent}{self.lex['decade_words'][m.group('dec').lower()]}")
