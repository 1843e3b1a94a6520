"""Handlers for lengths of time and repetitions: durations ("six months", "the past few years",
"16-hour") become P.. values, sets ("every year", "$100 a year", "weekly") become SET values.
"""

from __future__ import annotations

import re

from newsfacts.dates.base import RuleHelpers
from newsfacts.dates.calendar import duration_value
from newsfacts.dates.context import Cand, Ctx

_AFTER_MONEY = re.compile(r"(?:\d|\d(?:bn|m|k)|million|billion|trillion)\)?\s+$", re.I)


class DurationRules(RuleHelpers):
    """Durations and sets."""

    def _fraction_subject(self, ctx: Ctx, m: re.Match) -> bool:
        """"one quarter said", "three quarters voted": counted quarters right before their verb are a share."""
        tok = self._tok(ctx, m.start("unit"))
        if tok is None or m.group("det") or m.group("rel") or tok.i + 1 >= len(tok.doc):
            return False
        nxt = tok.nbor(1)
        return tok.dep_.startswith("nsubj") and nxt.tag_.startswith(("VB", "MD"))

    def _time_to_act(self, ctx: Ctx, m: re.Match) -> bool:
        """"gave them a week to leave", "has a month to respond": a time allowed for doing something is a length;
        "a day to remember" is the predicate of "was", not a time given."""
        tok = self._tok(ctx, m.start("unit"))
        if tok is None or tok.i + 2 >= len(tok.doc) or tok.dep_ in ("attr", "nsubj", "nsubjpass", "ROOT"):
            return False
        to, verb = tok.nbor(1), tok.nbor(2)
        return to.lower_ == "to" and verb.tag_ == "VB"

    def _h_duration(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = self.units[m.group("unit").lower()]
        if unit == "WE":
            return None
        raw = m.group("num")
        n = self._number(raw)
        if n is None:
            return None
        if m.group("num2"):
            n = "X"  # a range: "30-40 days"
        elif m.group("half") and isinstance(n, float | int):
            n += 0.5  # "a year and a half": the half counts ("two and a half years" has it in the number)
        text = ctx.text
        after = text[m.end(): m.end() + 12].lower()
        if re.match(r"[- ]olds?\b", after) or re.match(r"\s+of\s+age\b", after):
            return None  # an age
        if self._title_inside(ctx, m.start("unit")):
            return None
        if unit == "Q" and self._fraction_subject(ctx, m):
            return None  # "around one quarter said they...": a share of people, the subject of a verb
        if unit == "Q" and re.match(r"\s+of\b", after):
            # a fraction ("a quarter of companies", "three-quarters of its food"), not "several quarters of losses"
            tail = text[m.end():m.end() + 20]
            if (n == 1 or text[m.end("num"):m.end("num") + 1] == "-"
                    or re.match(r"\s+of\s+(?:the|its|their|his|her|our|all|a|an|this|that|those|these)\b", tail, re.I)):
                return None
        if unit == "Q" and (re.match(r"[- ]points?\b|\s*[(,]\s*\d", after)
                            or re.search(r"\bby(?:\s+(?:nearly|almost|about|around|more\s+than|over))?\s*$",
                                         text[max(0, m.start() - 24):m.start()], re.I)
                            or n == 3 and text[m.end("num"):m.end("num") + 1] == "-"):
            # a share, not a length: "a quarter point rise", "almost a quarter (21%)", "fell by nearly a quarter",
            # "three-quarters" (a fraction, or rugby's backs)
            return None
        hyphen = text[m.end("num"):m.end("num") + 1] == "-"
        if raw.lower() == "one" and unit == "D" and not m.group("det") and not m.group("rel") and not hyphen:
            before = re.search(r"(\w+)\s*$", text[max(0, m.start() - 20): m.start()])
            if not before or before.group(1).lower() not in (
                    "for", "in", "within", "after", "than", "about", "only", "by", "just", "nearly", "almost",
                    "lasted", "lasting", "last", "lasts", "took", "take", "takes", "spent", "spend"):
                if ctx.tense(m.start()) == "future":
                    return Cand(m.start(), m.end(), "DATE", "FUTURE_REF")  # "will one day be": some day ahead
                return None  # "one day" = some day
        det = (m.group("det") or "").lower()
        rel = (m.group("rel") or "").lower()
        if raw.lower() in ("a", "an") and not (det or rel or m.group("qual")):
            unit_tok = self._tok(ctx, m.start("unit"))
            if unit_tok is not None and unit_tok.tag_ == "JJ" and unit_tok.dep_ == "amod":
                return None  # "for a second time", "a minute amount": the word is an adjective here, not a unit
            before = text[max(0, m.start() - 30): m.start()]
            if self.set_prefix_re.search(before):
                return Cand(m.start(), m.end(), "SET", duration_value(1, unit))
            prev = re.search(r"(\w+)\s*$", before)
            # "as long as a month" is a length; "as a day of mourning" is not
            long_as = re.search(r"\b(?:long|much|little|short)\s+as\s*$", before, re.I)
            long_as = long_as or re.match(r"\s+or\s+(?:more|longer|less)\b(?!\s+ago)", text[m.end():m.end() + 16], re.I)
            long_as = long_as or self._time_to_act(ctx, m)
            if not long_as and (not prev or prev.group(1).lower() not in (
                "for", "in", "within", "over", "about", "nearly", "than", "almost", "around", "after", "than",
                "lasting", "lasted", "last", "least", "took", "take", "takes", "spent", "spend", "only", "just",
                "half", "quarter", "once", "during", "throughout", "least", "of", "up", "to", "under",
            )):
                return None
        if n == "X" and raw.lower() in ("recent", "coming"):
            return None
        if isinstance(n, float) and n > 10000:
            return None
        if raw.isdigit() and 1600 <= int(raw) <= 2100 and (
                unit not in ("Y", "M", "D") or m.group("unit").lower() in ("year", "yr")):
            return None  # "the 2005 year" is the year 2005 (the year rule reads it), not 2005 years
        start = m.start()
        if rel == "last" and not det:
            start = m.start("qual") if m.group("qual") else m.start("num")  # "expected to last five months"
        after_money = _AFTER_MONEY.search(text, max(0, m.start() - 30), m.start())
        if (m.group("qual") or "").lower() == "over" and not det and after_money:
            start = m.start("num")  # "£960m over 15 years": spread over them, not more than 15 years
        if m.group("qual") and raw.lower().startswith("the "):
            start = m.start("num")  # "over the past few years": "over" is the preposition here
        plain_det = det in ("the", "this", "these", "those", "a") and not (rel or m.group("yago") or m.group("qual"))
        if plain_det and raw.lower() not in ("a", "an") and not (det == "a" and raw.lower() == "few"):
            start = m.start("num")  # "the two years": TimeML keeps "the" only with past/next/first...
        if rel in ("first", "final", "initial", "remaining", "latest", "same", "full", "entire", "whole") and not det:
            start = m.start("rel") if rel in ("first", "final", "initial") else start
        value = duration_value(n, unit)
        part = {("Q", 1.0): "Q1", ("Q", 2.0): "H1", ("M", 3.0): "Q1", ("M", 6.0): "H1"}.get((unit, n))
        of_year = re.match(r"\s+of\s+((?:1[6-9]|20)\d\d)\b", text[m.end():m.end() + 12])
        if rel == "first" and part and of_year:  # "the first two quarters of 1990" is the first half of it
            return Cand(start, m.end() + of_year.end(), "DATE", f"{of_year.group(1)}-{part}")
        # "For the nine months, it earned ...": a results period named without "first" is the same months so far
        lead_in = text[max(0, m.start() - 8):m.start()]
        reported = det == "the" and not rel and re.search(r"\b(?:for|in|during)\s+$", lead_in, re.I) is not None
        if ((rel == "first" or reported) and unit == "M" and isinstance(n, float) and 2 <= n <= 11
                and self._calendar_context(ctx, start)):
            # "the first nine months": the months so far of a year being reported on, for "the same period last year"
            def months_so_far(c: Ctx, n=n, value=value):
                if c.dct is not None:
                    c.last_period = str(c.dct.year if n < c.dct.month else c.dct.year - 1)
                return value, False

            return Cand(start, m.end(), "DURATION", months_so_far)
        return Cand(start, m.end(), "DURATION", value)

    def _h_vague_dur(self, m: re.Match, ctx: Ctx) -> Cand | None:
        pre = re.sub(r"\s+", " ", m.group("pre").lower())
        unit = self.units[m.group("unit").lower()]
        if pre in ("in", "during", "after") and unit not in ("Y", "DE", "CE"):
            return None
        if pre == "over the":
            return Cand(m.start() + 5, m.end(), "DURATION", duration_value("X", unit))
        start = m.start("unit") if pre in ("for", "over", "in", "within", "during", "after") else m.start()
        if pre.startswith("for "):
            start = m.start() + 4
        if pre == "recent" and unit == "Y":
            return Cand(m.start(), m.end(), "DATE", "PAST_REF")
        return Cand(start, m.end(), "DURATION", duration_value("X", unit if unit != "DE" else "DE"))

    def _h_vague_span(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"for a while", "for some time", "after a lengthy period": a length whose size and unit the text
        leaves open (PXX, as TimeML writes it)."""
        return Cand(m.start("x"), m.end(), "DURATION", "PXX")

    def _h_set(self, m: re.Match, ctx: Ctx) -> Cand | None:
        q = m.group("q").lower()
        what = m.group("what").lower()
        n = self._number(m.group("num")) if m.group("num") else 1
        if n is None or n == "X":
            return None
        if m.group("other"):
            n = 2 * n
        if q in ("a", "an"):
            if what not in self.units or m.group("num"):
                return None
            before = ctx.text[max(0, m.start() - 30): m.start()]
            if not self.set_prefix_re.search(before) and not self._counted_before(ctx, m.start()):
                return None
            return Cand(m.start(), m.end(), "SET", duration_value(1, self.units[what]))
        if what in self.weekdays:
            if not self._cap(ctx, m, "what"):
                return None
            return Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{self.weekdays[what]}")
        if what in self.seasons:
            if q in ("per",) or m.group("num"):
                return None
            return Cand(m.start(), m.end(), "SET", f"XXXX-{self.seasons[what]}")  # "every summer"
        if what in self.months:
            if not self._cap(ctx, m, "what") or len(what) < 4:
                return None
            return Cand(m.start(), m.end(), "SET", f"XXXX-{self.months[what]:02d}")
        unit = self.units[what]
        if unit == "WE":
            return Cand(m.start(), m.end(), "SET", "XXXX-WXX-WE")
        return Cand(m.start(), m.end(), "SET", duration_value(n, unit))

    def _counted_before(self, ctx: Ctx, char: int) -> bool:
        """"sold 50,000 CDs a year", "three meals a day": a plural noun counted by a number just before
        "a <unit>" makes it a rate, whatever the noun (the rate words list only the usual ones)."""
        tok = self._tok(ctx, char)
        prev = tok.nbor(-1) if tok is not None and tok.i > 0 else None
        return (prev is not None and prev.tag_ in ("NNS", "NNPS")
                and any(c.dep_ == "nummod" and c.i < prev.i for c in prev.children))

    def _h_set_times(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = self.units[m.group("unit").lower()]
        return Cand(m.start(), m.end(), "SET", duration_value(1, unit))

    def _h_set_by(self, m: re.Match, ctx: Ctx) -> Cand | None:
        return Cand(m.start(), m.end(), "SET", duration_value(1, self.units[m.group("u").lower()]))

    def _h_set_adv(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"monthly" is every month; "three-monthly", "half-hourly" count the unit."""
        tok = self._tok(ctx, m.start("w"))
        nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(tok.doc) else None
        if (tok is not None and tok.pos_ in ("NOUN", "PROPN")
                or nxt is not None and nxt.is_title and nxt.pos_ == "PROPN"):
            return None  # "the party daily Granma", "a daily"
        if tok is not None and (tok.ent_type_ in ("ORG", "WORK_OF_ART") or tok.is_title and tok.i > 0
                                and not tok.is_sent_start):
            return None
        value = self.set_adverbs[m.group("w").lower()]
        if m.group("n"):
            n = 0.5 if m.group("n").lower() == "half" else self._number(m.group("n").replace("-", " "))
            every = re.fullmatch(r"P(T?)(\d+)([A-Z])", value)
            if not isinstance(n, float | int) or every is None:
                return None
            unit = "TM" if every[1] and every[3] == "M" else every[3]
            value = duration_value(n * int(every[2]), unit)
        return Cand(m.start(), m.end(), "SET", value)

    def _h_long_adj(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = self.units[m.group("unit").lower()]
        return Cand(m.start(), m.end(), "DURATION", duration_value("X" if m.group("pl") else 1, unit))
