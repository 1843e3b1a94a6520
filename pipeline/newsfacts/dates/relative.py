"""Handlers for expressions that point from the publication date: weekdays, "last month", "two years
ago", today / yesterday, "this morning", reference words ("now", "recently") and "that same year".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import add_months, duration_value, iso_week
from newsfacts.dates.context import BLANK_LINE, Cand, Ctx, governing_verb, token_at
from newsfacts.dates.narrative import comparative, from_reference, named_month
from newsfacts.dates.periods import months_compared, quarterly_context, reported_quarter

# starts with a literal, so that re skips ahead quickly; "the X" before it is checked on the few hits
_ON_WEEKDAY = re.compile(r"on (?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:(?P<poss>['’]s)| [a-z])")
_THE_TITLE = re.compile(r"\b[Tt]he (?P<x>[A-Z][a-z]+) $")


def _timetable(c: Ctx, char: int) -> bool:
    """A weekday that dates a verb in the simple or progressive present ("The strike begins Monday", "the
    team is flying home on Sunday"): a timetable, so the day ahead. Only an unambiguous form: "hurt", "cut"
    (VBP) may be a misread past."""
    tok = token_at(c.doc, char)
    verb = None if tok is None else governing_verb(tok)
    if verb is None:
        return False
    link = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "on" else tok
    head = link.head
    if head.dep_ == "acomp" and head.head.i == verb.i:
        head = verb  # "both men are due in court on Monday": the predicate adjective's verb
    if head.i != verb.i or link.dep_ not in ("npadvmod", "tmod", "prep"):
        return False
    return verb.tag_ == "VBZ" or verb.lower_ in ("are", "am", "'re") or verb.tag_ == "VBG" and any(
        a.dep_ == "aux" and a.lower_ in ("is", "are", "'s", "'re", "am") for a in verb.children)


_STORY_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")


def _story_week_day(c: Ctx, char: int, wd: int):
    """"The ship left port on March 3, 2019. On Friday it reached Cadiz": a weekday an event verb in the past
    dates, in the sentence that names a day over a year before the publication date or the next one, is that
    day's week (the first such weekday from it), not the week before the publication date. None otherwise,
    and when the verb reports ("police said Friday"), which dates the report; a day only months back
    ("was shot on Oct. 23 ... arrested a man on Friday") leaves the news reading, the recent Friday."""
    if c.story_time is None or not _STORY_DAY.fullmatch(c.story_time) or c.story_at >= char:
        return None
    day = date.fromisoformat(c.story_time)
    between = c.text[c.story_at:char]
    if (c.dct - day).days <= 365 or BLANK_LINE.search(between) or len(_SENTENCE_END.findall(between)) > 1:
        return None
    tok = token_at(c.doc, char)
    verb = None if tok is None else governing_verb(tok)
    if verb is None or verb.pos_ != "VERB" or verb.tag_ != "VBD" or verb.lemma_ in c.words.reporting:
        return None
    return day + timedelta(days=(wd - day.isoweekday()) % 7)


_PRESENT_NOUNS = frozenset({"time", "day", "moment", "age", "era"})  # "at the present time" is the present


class RelativeRules(RuleHelpers):
    """Weekdays, relative units, ago, deictic words, parts of today, reference words."""

    def _weekday_in_name(self, ctx: Ctx, m: re.Match) -> bool:
        """A weekday that is part of a name: one the article uses as a name ("the Mail on Sunday survey"),
        before a capitalised word inside a named thing the model found ("the Sunday Times"), or between "the"
        and a capitalised word that is no time word ("the Sunday Telegraph", "the Sunday Business"); a date
        is never "the Sunday X"."""
        tok = self._tok(ctx, m.start("wd"))
        if tok is None or m.group("rel") or m.group("part"):
            return False
        if ctx.weekday_titles is None:
            ctx.weekday_titles = self._weekday_titles(ctx)
        if ctx.weekday_titles and ctx.text[max(0, m.start() - 24):m.end()].lower().endswith(tuple(ctx.weekday_titles)):
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "PERSON"):
            # not every weekday the model took into a name: it takes "the Commons on Thursday" for one
            if nxt is not None and nxt.is_title:
                return True
        if nxt is None or not nxt.is_title or tok.i == 0 or tok.nbor(-1).lower_ != "the":
            return False
        low = nxt.lower_
        return not (low in self.months or low in self.weekdays or low in self.parts or low in self.units
                    or nxt.ent_type_ in ("DATE", "TIME") and nxt.ent_iob_ == "I"
                    or any(h.startswith(low) for h in self.holidays))

    def _weekday_titles(self, ctx: Ctx) -> frozenset[str]:
        """Names like "the Mail on Sunday", from the article itself: "the X on Sunday" used as a name once,
        before a noun it qualifies ("the Mail on Sunday survey") or with a possessive, makes every "X on
        Sunday" of the article a name, "for the Mail on Sunday." too; a date is never "on Sunday survey"."""
        titles = set()
        for mm in _ON_WEEKDAY.finditer(ctx.text):
            title = _THE_TITLE.search(ctx.text, max(0, mm.start() - 30), mm.start())
            if title is None:
                continue
            after = self._tok(ctx, mm.end("wd") + 1) if mm.group("poss") is None else None
            if mm.group("poss") or after is not None and after.tag_ in ("NN", "NNS") and after.text.islower() and (
                    after.lower_ not in self.parts and after.lower_ not in self.units):
                titles.add(f"{title.group('x')} on {mm.group('wd')}".lower())
        return frozenset(titles)

    def _h_weekday(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if not self._cap(ctx, m, "wd"):
            return None
        if self._weekday_in_name(ctx, m):
            return None
        wd = self.weekdays[m.group("wd").lower()]
        part = self.parts.get((m.group("part") or "").lower())
        rel = (m.group("rel") or "").lower()
        pair = None if part or m.group("plural") else self.weekday_pair_re.match(ctx.text, m.end())
        if pair is not None:
            part = self.parts.get((pair.group("part") or "").lower())
        if m.group("plural") or m.group("plural2") or pair is not None:
            value = f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
            return Cand(m.start(), m.end(), "SET", value)
        kind = "TIME" if part else "DATE"
        start, end = m.start(), m.end()

        def value(c: Ctx, wd=wd, part=part, rel=rel, start=start, m_end=end):
            suffix = f"T{part}" if part else ""
            if c.dct is None:
                return f"XXXX-WXX-{wd}{suffix}", False
            diff = wd - c.dct.isoweekday()
            if rel == "last":
                d = c.dct + timedelta(days=(diff % 7) - 7 if diff % 7 else -7)
            elif rel in ("next", "coming"):
                d = c.dct + timedelta(days=diff % 7 or 7)
            elif rel == "this":
                d = c.dct + timedelta(days=diff)
            else:
                tense = c.tense(start)
                if c.text[m_end:m_end + 2] in ("'s", "’s") and tense == "present":
                    # "Friday's vote": the tense of the clause dates the vote when it is past ("was a setback")
                    # or ahead ("will decide"); a present one ("follows Tuesday's declaration") says nothing
                    tense = None
                if tense == "past" and (told := _story_week_day(c, start, wd)) is not None:
                    d = told
                elif tense == "future" or tense == "present" and _timetable(c, start):
                    d = c.dct + timedelta(days=diff % 7)
                elif tense in (None, "present"):
                    back, fwd = -((-diff) % 7), diff % 7
                    d = c.dct + timedelta(days=fwd if fwd < -back else back)
                else:
                    d = c.dct - timedelta(days=(-diff) % 7)
            return d.isoformat() + suffix, True

        return Cand(m.start(), m.end(), kind, value)

    def _h_relunit(self, m: re.Match, ctx: Ctx) -> Cand | None:
        gd = m.groupdict()
        rel = re.sub(r"\s+", " ", (gd.get("rel") or "the").lower())
        unit = (gd.get("unit") or "weekend").lower().replace("yr", "year")
        if self._title_inside(ctx, m.start("unit") if gd.get("unit") else m.start()):
            return None
        if unit in ("decade", "century") and ("past" in rel or rel in ("the next", "the coming")):
            # "the past decade", "over the next decade": ten years back or ahead of now, not the 2000s or 2020s
            return Cand(m.start(), m.end(), "DURATION", "P10Y" if unit == "decade" else "P100Y")
        offset = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "the prior": -1, "the preceding": -1,
                  "this past": -1,
                  "next": 1, "coming": 1, "following": 1, "the following": 1, "the coming": 1, "the next": 1,
                  "the last": -1, "the past": -1}.get(rel, 0)
        start = m.start()

        story_unit = {"week": "W", "month": "M", "year": "Y", "decade": "DE"}.get(unit)
        anaphoric = (rel in ("following", "the following", "previous", "the previous", "the prior", "the preceding")
                     and story_unit is not None)

        def value(c: Ctx, unit=unit, offset=offset, rel=rel, start=start, anaphoric=anaphoric):
            if anaphoric or story_unit and rel == "the next" and c.tense(start) == "past":
                # "the following year", and "the next year" told in the past: from the time the story is at;
                # "next year" without "the" counts from now even in reported speech ("called for it by next year")
                v = from_reference(c.story_time, story_unit, offset)
                if v is not None:
                    return v, True
            if anaphoric and unit == "month" and (named := named_month(c, start, offset)) is not None:
                return named, not named.startswith("X")  # "slower than the previous month" after "in November"
            if c.dct is None:
                return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                        "decade": "XXX", "century": "XX"}[unit], False
            d = c.dct
            if unit == "week":
                if rel in ("coming", "the coming") and d.isoweekday() == 1:
                    return iso_week(d), True  # "the coming week" said on a Monday is that week
                if offset < 0 and d.isoweekday() == 7:
                    return iso_week(d), True  # "last week" said on a Sunday is the week it ends, Monday to Saturday
                return iso_week(d + timedelta(weeks=offset)), True
            if unit == "weekend":
                if rel == "the":
                    tense = c.tense(start)
                    if tense == "future":
                        off = 0 if d.isoweekday() < 6 else 1
                    elif d.isoweekday() >= 6:
                        off = 0
                    else:
                        off = -1
                elif rel == "this" and d.isoweekday() < 6 and c.tense(start) == "past":
                    off = -1  # "packed the stadium this weekend", told on a weekday: the weekend just gone
                else:
                    off = offset
                return iso_week(d + timedelta(weeks=off)) + "-WE", True
            if unit == "month":
                y, mo = add_months(d.year, d.month, offset)
                return f"{y}-{mo:02d}", True
            if unit == "year":
                return str(d.year + offset), True
            if unit == "decade":
                return str(d.year // 10 + offset), True
            return f"{d.year // 100 + offset:02d}", True

        return Cand(m.start(), m.end(), "DATE", value, info={"comparison": anaphoric and offset < 0})

    def _h_ago(self, m: re.Match, ctx: Ctx) -> Cand | None:
        # "in seven years' time" is seven years from now, as "seven years from now" is
        direction = "from now" if m.group("dirtime") else re.sub(
            r"\s+", " ", m.group("dir").lower()).replace("previously", "earlier")
        n = self._number(m.group("num"))
        unit = self.units[m.group("unit").lower()]
        if n is None:
            return None
        if m.group("half"):
            if n == "X":
                return None
            n += 0.5  # "a minute and a half later"
        unit_end = m.end("half") if m.group("half") else m.end("unit")
        if direction in ("before", "after"):
            # "two years before the war": a duration unless the clause ends here.
            rest = ctx.text[m.end(): m.end() + 2]
            if rest[:1] not in (".", ",", ";", "") and not rest.startswith(" -"):
                return None
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if n == "X":
            return _some_time(m, unit_end, unit, direction)
        if direction in ("earlier", "later") and (comp := comparative(m, ctx, n, unit)) is not None:
            return comp
        start = m.start()
        narrative = direction in ("earlier", "later", "before", "after")  # from the story's time, not the DCT
        # With no time in the story to count from, "three days later" is, as TimeML marks it, the length
        # alone ("three days", "later" its signal); "a year earlier" comparing results is a year back.
        as_length = direction in ("later", "earlier") and not (unit == "Y" and n == 1 and direction == "earlier")
        cand = Cand(m.start(), m.end(), "DATE", None, info={"comparison": sign < 0})
        length = duration_value(n, unit)

        def value(c: Ctx, n=n, unit=unit, sign=sign, start=start, narrative=narrative):
            if unit == "Y" and n == 1 and sign < 0 and c.dct is not None and months_compared(c, start):
                # "for the nine months, ... up from $2m a year earlier": those months of the year before
                return str(reported_quarter(c)[0] - 1), True
            if as_length and unit in ("H", "TM", "S"):
                # "two hours later": a date could only repeat the day the story is at; the length says more
                cand.kind, cand.end = "DURATION", unit_end
                return length, False
            if narrative and not (unit == "Y" and abs(n) == 1 and quarterly_context(c, start)):
                v = from_reference(c.story_time, unit, sign * n)
                if v is not None:
                    return v, True
                if unit == "M" and float(n).is_integer() and (v := named_month(c, start, int(sign * n))):
                    return v, not v.startswith("X")  # "0.1% a month earlier" after "in December"
                if as_length:
                    cand.kind, cand.end = "DURATION", unit_end
                    return length, False
            if c.dct is None:
                return {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-QX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX"), False
            d = c.dct
            k = sign * n
            if unit in ("Y", "DE", "CE"):
                years = k * {"Y": 1, "DE": 10, "CE": 100}[unit]
                if not float(years).is_integer():
                    y, mo = add_months(d.year, d.month, int(years * 12))
                    return f"{y}-{mo:02d}", True
                if unit == "Y" and abs(n) == 1 and quarterly_context(c, start):
                    named = c.quarter_in_sentence(start)  # unless an earlier one, named for comparison
                    y, q = named if named and (c.last_quarter is None or named >= c.last_quarter) \
                        else reported_quarter(c)
                    return f"{y + int(years)}-Q{q}", True
                return str(d.year + int(years)), True
            if unit == "Q":
                dq = (d.month - 1) // 3 + int(k)
                y = d.year + (dq // 4)
                return f"{y}-Q{dq % 4 + 1}", True
            if unit in ("M", "W", "D"):  # the same count from the publication day as from a time in the story
                return from_reference(d.isoformat(), unit, int(k) if unit == "M" else k), True
            return d.isoformat(), True

        # "a year ago", "a year earlier" are mostly points of comparison: they do not move the story on.
        cand.value = value
        return cand

    def _h_deictic(self, m: re.Match, ctx: Ctx) -> Cand | None:
        word = re.sub(r"\s+", " ", m.group("word").lower())
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}[word]
        part = self.parts.get((m.group("part") or "").lower())
        if word in ("tonight", "last night"):
            part = "NI"
        if self._title_inside(ctx, m.start()):
            return None
        age = None if part else self._age_of(ctx, m, word)
        if age:
            return Cand(m.start(), m.end(), "DATE", age)
        kind = "TIME" if part else "DATE"

        def value(c: Ctx, offset=offset, part=part):
            suffix = f"T{part}" if part else ""
            if c.dct is None:
                return f"XXXX-XX-XX{suffix}", False
            return (c.dct + timedelta(days=offset)).isoformat() + suffix, True

        return Cand(m.start(), m.end(), kind, value)

    def _h_bare_ago(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"months ago" is some time back, as "years ago" is; "minutes later", "days earlier" are a length of
        unknown count, as "a few days later" is (TimeML: the length, "later" its signal)."""
        return _some_time(m, m.end("unit"), self.units[m.group("unit").lower()], m.group("dir").lower())

    def _h_thispart(self, m: re.Match, ctx: Ctx) -> Cand | None:
        part = self.parts[m.group("part").lower()]
        if m.group(0).lower().startswith("the") and part == "NI":
            return None
        if re.match(r"the\s", m.group(0), re.I) and part != "MO":
            return None

        def value(c: Ctx, part=part):
            if c.dct is None:
                return f"XXXX-XX-XXT{part}", False
            return f"{c.dct.isoformat()}T{part}", True

        return Cand(m.start(), m.end(), "TIME", value)

    def _h_ref(self, m: re.Match, ctx: Ctx) -> Cand | None:
        phrase = re.sub(r"\s+", " ", m.group(0).lower())
        value = self.refs.get(phrase)
        if value is None:
            return None
        if self._title_inside(ctx, m.start()):
            return None  # "his single It's Now Or Never": a capitalised word inside a sentence names a work
        tok = self._tok(ctx, m.start())
        if phrase == "current":
            nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(tok.doc) else None
            if tok is not None and tok.pos_ not in ("ADJ",):
                return None
            if nxt is not None and nxt.lower_ in self.not_current:
                return None
        if phrase in ("future", "recent") and tok is not None:
            if tok.dep_ not in ("amod", "pobj", "dobj", "nsubj") and phrase == "recent":
                return None
        if phrase == "now" and re.match(r"-[a-z]", ctx.text[m.end():m.end() + 2], re.I):
            return None  # "the now-cancelled deal": part of an adjective, not a time of its own
        if phrase == "now" and tok is not None:
            prev = tok.nbor(-1) if tok.i > 0 else None
            if prev is not None and prev.lower_ in ("from", "until", "till", "by", "right", "just"):
                if prev.lower_ in ("right", "just"):
                    return None
        if phrase == "earlier" and tok is not None and tok.dep_ not in ("advmod",):
            return None
        if phrase in ("once",):
            return None
        if phrase in ("the past", "the future") and tok is not None and tok.i + 2 < len(tok.doc):
            if tok.doc[tok.i + 2].like_num:
                return None  # "the past three summers": a count of seasons, not the past
        if phrase in ("the present", "the past", "the future") and tok is not None and tok.i + 2 < len(tok.doc):
            word, noun = tok.doc[tok.i + 1], tok.doc[tok.i + 1].head
            adverbial = phrase != "the present" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "in"
            if word.dep_ == "amod" and noun.i > word.i and noun.pos_ in ("NOUN", "PROPN") and not adverbial \
                    and noun.lemma_.lower() not in _PRESENT_NOUNS:
                # "the present rate", "the future king": an adjective, no time ("in the past many viruses" is
                # one however the parser joins it, and so is "the present day")
                return None
        return Cand(m.start(), m.end(), "DATE", value)

    def _h_that_unit(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = m.group("unit").lower()
        if unit == "quarter":
            def quarter(c: Ctx):
                # the quarter last named, even one named for comparison ("the year-ago quarter, the second quarter
                # ended Oct. 31 ... that quarter"); else the one being reported on
                named = [q for at, q in c.quarters_named if at < c.at]
                last = named[-1] if named else c.last_quarter
                return (f"{last[0]}-Q{last[1]}", False) if last else (None, False)

            return Cand(m.start(), m.end(), "DATE", quarter)
        size = {"year": 4, "month": 7, "week": 10, "day": 10}[unit]
        back = 1 if m.group("back") and unit != "year" else 0  # "the same month a year earlier"

        def value(c: Ctx, size=size, back=back, unit=unit):
            ref = c.last_ref
            if ref is None or len(ref) < size:
                return None, False
            if unit == "week":  # "The strike began on January 8. That week, ...": the week holding that day
                return iso_week(date.fromisoformat(ref[:10]) - timedelta(weeks=52 * back)), False
            if back and ref[:4].isdigit():
                return f"{int(ref[:4]) - back}{ref[4:size]}", False
            return ref[:size], False

        return Cand(m.start(), m.end(), "DATE", value)


def _some_time(m: re.Match, unit_end: int, unit: str, direction: str) -> Cand:
    """A shift by an unknown count of ``unit``: "a few weeks later" is the length, as TimeML marks it ("later"
    its signal); "some years ago" a past time, "some years from now" a future one."""
    if direction in ("later", "earlier"):
        return Cand(m.start(), unit_end, "DURATION", duration_value("X", unit))
    return Cand(m.start(), m.end(), "DATE", "PAST_REF" if direction in ("ago", "before") else "FUTURE_REF")
