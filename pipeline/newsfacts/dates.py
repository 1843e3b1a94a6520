"""Component ``newsfacts_dates``: time expressions normalised to TIMEX3 values.

Rules in the spirit of HeidelTime: regular expressions built once from the general time
vocabulary in ``models/dates/lexicon.json`` find candidate expressions in the text; the
parse (part of speech, tense of the governing verb) rejects ordinary words ("may", "march
on", "Sun Microsystems") and decides which way a relative expression points; values are
resolved against ``doc._.dct``. Without a DCT relative expressions keep an unresolved value
(``XXXX-02-13``) and ``anchored=False``. dateparser (English only, cached) is used only on
short spaCy DATE entities that no rule covers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.extensions import doc_text, register_extensions
from newsfacts.metadata import HEADER_FIELDS, parse_header
from newsfacts.records import DateFact

_HEADER_HINT = re.compile(
    r"\s*(?:" + "|".join(sorted(HEADER_FIELDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
KINDS = {"DATE": "date", "TIME": "time", "DURATION": "duration", "SET": "set"}
_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
# "the end of the year": words before "of the year" that make it a date.
_PART_OF = {"end", "beginning", "start", "middle", "rest", "remainder", "half", "quarter", "quarters", "months",
            "weeks", "days", "part", "course", "balance", "close", "turn", "bulk", "most", "first", "second"}
# Verbs whose time adjunct lies ahead even in the past tense ("postponed until Tuesday").
_PLAN_VERBS = {"schedule", "postpone", "delay", "defer", "reschedule", "expect", "adjourn"}
_REPORTING = {"say", "tell", "announce", "report", "add", "note", "state", "confirm", "claim"}


def _alt(words) -> str:
    """Regex alternation, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass
class Cand:
    start: int
    end: int
    kind: str  # DATE / TIME / DURATION / SET
    value: str | Callable | None
    anchored: bool = False
    rule: str = ""
    info: dict = field(default_factory=dict)


@dataclass
class Ctx:
    """Per-document state the value resolvers read."""

    doc: Doc
    dct: date | None
    text: str = ""  # doc.text, which spaCy rebuilds on every access
    last_quarter: tuple[int, int] | None = None
    last_ref: str | None = None  # the last calendar date or year named, for "that year"
    _tense: dict = field(default_factory=dict)
    alias: dict = field(default_factory=dict)  # start of a merged expression's part -> its start

    def note_quarter(self, year: int, q: int) -> None:
        """Remember a quarter being reported on (not a future one) for "the year-ago quarter"."""
        if self.dct is None or (year, q) <= (self.dct.year, (self.dct.month - 1) // 3 + 1):
            self.last_quarter = (year, q)

    def tense(self, char: int) -> str | None:
        char = self.alias.get(char, char)
        if char not in self._tense:
            self._tense[char] = _tense_at(self.doc, char)
        return self._tense[char]


def _token_at(doc: Doc, char: int):
    """The token containing (or, in whitespace, following) character ``char``."""
    if not len(doc):
        return None
    starts = doc.user_data.get("_nf_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.to_array("IDX")
        doc.user_data["_nf_token_starts"] = starts
    i = int(starts.searchsorted(char, side="right")) - 1
    if i < 0:
        return doc[0]
    tok = doc[i]
    if char >= tok.idx + len(tok.text) and i + 1 < len(doc):
        return doc[i + 1]
    return tok


def _governing_verb(tok):
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "amod":
            return verb
        if verb.head is verb:
            break
        verb = verb.head
    # No verb above (a headline, a list): the sentence root, if it is one.
    root = tok.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _tense_at(doc: Doc, char: int) -> str | None:
    """past / future / present / None for the verb governing the token at ``char``.

    Modals and "will" point forward; an infinitive ("expected to close Friday") points forward
    under a present-tense verb and is left open (None: nearest date) under a past-tense one.
    """
    tok = _token_at(doc, char)
    if tok is None:
        return None
    verb = _governing_verb(tok)
    if verb is not None and any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in verb.children):
        return "past"  # past perfect, even "had been scheduled to expire Friday"
    if tok.i > 0 and tok.nbor(-1).lower_ in ("until", "till", "til", "through"):
        return "future"
    if tok.i > 0 and tok.nbor(-1).lower_ == "since":
        return "past"
    infinitive = False
    for _ in range(4):
        if verb is None:
            return None
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lowers = {c.lower_ for c in auxes}
        if "had" in lowers:
            return "past"
        if lowers & _FUTURE_AUX or "going" in lowers:
            return "future"
        if verb.lemma_ in _PLAN_VERBS:
            return "future"
        modals = {c.lower_ for c in auxes if c.tag_ == "MD"}
        if modals:
            return "future" if not infinitive and not modals & {"would", "could", "'d"} else None
        if "to" in lowers and verb.tag_ == "VB" or verb.dep_ == "xcomp" and verb.tag_ == "VB":
            infinitive = True
            head = verb.head
            while head is not verb and head.pos_ not in ("VERB", "AUX") and head.head is not head:
                head = head.head
            if head is verb or head.pos_ not in ("VERB", "AUX"):
                return "future"
            verb = head
            continue
        past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) or (
            verb.tag_ == "VBN" and not lowers & {"is", "are", "be", "been", "being", "am", "'s", "'re"}
            or verb.tag_ == "VBN" and lowers & {"has", "have", "'ve"})
        if past:
            return None if infinitive else "past"
        if verb.tag_ in ("VBZ", "VBP") or lowers & {"is", "are", "am", "has", "have"}:
            if infinitive:
                return "future"
            return "past" if verb.lemma_ in _REPORTING else "present"
        if verb.tag_ == "VBG" and verb.head is not verb:
            verb = _governing_verb(verb.head) if verb.head.pos_ not in ("VERB", "AUX") else verb.head
            continue
        return None
    return None


# --- calendar helpers -------------------------------------------------------------------------


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick(dct: date, options: list, tense: str | None, slack: int = 0):
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


def _nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
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
    """P20Y, PT3H, P18M (1.5 years), PXY (vague)."""
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
    elif unit == "Q":
        n, unit = n * 3, "M"
    if not n.is_integer():
        whole, part = int(n), n - int(n)
        if unit == "Y" and (part * 12).is_integer():
            return f"P{whole}Y{int(part * 12)}M" if whole else f"P{int(part * 12)}M"
        if unit == "H" and (part * 60).is_integer():
            return f"PT{whole}H{int(part * 60)}M" if whole else f"PT{int(part * 60)}M"
        smaller = {"W": (7, "D"), "D": (24, "H"), "TM": (60, "S"), "M": (30, "D")}
        if unit in smaller and (n * smaller[unit][0]).is_integer():
            n, unit = n * smaller[unit][0], smaller[unit][1]
    if unit in ("H", "TM", "S"):
        return f"PT{_fmt_number(n)}{'M' if unit == 'TM' else unit}"
    return f"P{_fmt_number(n)}{unit}"


# --- the recognizer ---------------------------------------------------------------------------


class DateRecognizer:
    """Finds and normalises time expressions; built once per pipeline."""

    def __init__(self, lexicon: dict, use_ents: bool = True):
        self.lex = lexicon
        self.use_ents = use_ents
        self.slack = int(lexicon.get("tense_slack_days", 60))
        self.months: dict[str, int] = lexicon["months"]
        self.weekdays: dict[str, int] = lexicon["weekdays"]
        self.seasons: dict[str, str] = lexicon["seasons"]
        self.parts: dict[str, str] = lexicon["parts_of_day"]
        self.units: dict[str, str] = lexicon["units"]
        self.numbers: dict[str, float] = lexicon["numbers"]
        self.ordinals: dict[str, int] = lexicon["ordinals"]
        self.refs = {p: "PRESENT_REF" for p in lexicon["present_ref"]}
        self.refs.update({p: "PAST_REF" for p in lexicon["past_ref"]})
        self.refs.update({p: "FUTURE_REF" for p in lexicon["future_ref"]})
        self.set_adverbs: dict[str, str] = lexicon["sets_adverbs"]
        self.holidays: dict[str, str] = lexicon["holidays"]
        self.not_current = set(lexicon["not_present_ref_after_current"])
        self.false_after_year = set(lexicon["false_after_year"])
        self.calendar_words = set(lexicon["calendar_context_words"])
        self._compile()

    # Pattern pieces -------------------------------------------------------------------------
    def _compile(self) -> None:
        lx = self.lex
        full = [m for m in self.months if len(m) > 4 or m in ("may", "june", "july")]
        abbr = [m for m in self.months if m not in full]
        mon = rf"(?P<mon>(?:{_alt(full)})\b|(?:{_alt(abbr)})\b\.?)"
        wd = rf"(?P<wd>{_alt(self.weekdays)})"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[:.]\d|,\d{3})"
        year = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d%])"
        num_words = [w for w in self.numbers if w not in ("a", "an")]
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        ones = "one|two|three|four|five|six|seven|eight|nine"
        num = (
            rf"(?:(?:{tens})[- ](?:{ones})|{_alt(num_words)}|\d+(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+|an?)"
            rf"(?:[- ]and[- ]a[- ]half|[- ]1/2|½)?"
        )
        vague = _alt(lx["vague_numbers"])
        unit = rf"(?P<unit>{_alt(self.units)})"
        qual = _alt(lx["duration_qualifiers"])
        ordinal = _alt(self.ordinals)
        part = rf"(?P<part>{_alt(self.parts)})"
        tz = _alt(lx["timezones"])
        rel = (
            r"(?P<rel>this|last|next|past|coming|previous|current|following|the\s+previous|the\s+following|"
            r"the\s+current|the\s+coming|the\s+next|the\s+last|the\s+past|this\s+past)"
        )
        f = re.IGNORECASE
        R = []  # (name, regex, handler)
        R.append(("wd_date", re.compile(rf"\b{wd}\s?,?\s+{mon}\s+{day}(?:\s?,?\s+{year})?\b", f), self._h_mdy))
        R.append(("mdy", re.compile(rf"\b{mon}\s+{day}\s?,?\s+{year}\b", f), self._h_mdy))
        R.append(("dmy", re.compile(rf"\b{day}\s+(?:of\s+)?{mon}\s?,?\s+{year}\b", f), self._h_mdy))
        R.append(("md", re.compile(rf"\b{mon}\s+{day}\b", f), self._h_mdy))
        R.append(("dm", re.compile(rf"\b(?:the\s+)?{day}\s+(?:of\s+)?{mon}", f), self._h_mdy))
        R.append(("my", re.compile(rf"\b{mon},?\s+(?:of\s+)?{year}\b", f), self._h_my))
        R.append(("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"), self._h_iso))
        R.append(("slash", re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\d/])"),
                  self._h_iso))
        R.append(("year", re.compile(
            rf"(?=[12fF])(?:(?<=\bmid-)|(?<=\bpre-)|(?<=\bpost-)|(?<=\d\d\d\d-)|(?<=\d\d\d\d–)|(?<![\w$£€¥.,/–-]))"
            rf"(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*)?{year}(?:[-–/](?P<y2>\d\d)(?!\d))?"
            rf"(?![\w/]|[.,]\d|[-–](?!(?:1[6-9]|20)\d\d(?!\d))\w)",
            f), self._h_year))
        R.append(("decade", re.compile(
            r"(?=[tTeEmMlL\d'’])(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[- ]?)?"
            r"(?:\b(?P<cent>1[6-9]|20)(?P<d1>\d)0|['’](?P<d2>\d)0)['’]?s\b", f),
            self._h_decade))
        R.append(("century", re.compile(
            rf"\b(?:the\s+)?(?P<ord>{ordinal}|\d{{1,2}}(?:st|nd|rd|th))[- ]century\b", f), self._h_century))
        R.append(("month", re.compile(
            rf"\b(?:(?P<rel>this|last|next|past|coming|early|late|mid-?)\s*)?{mon}"
            rf"(?:\s+(?P<yrel>this|last|next)\s+year\b)?", f), self._h_month))
        R.append(("weekday", re.compile(
            rf"\b(?:(?P<rel>this|last|next|past|coming)\s+)?{wd}(?P<plural>s)?(?:\s+{part}(?P<plural2>s)?)?\b", f),
            self._h_weekday))
        R.append(("season", re.compile(
            rf"\b(?:(?P<det>this\s+past|this|last|next|the|early|late|mid-?|in|during)\s+)?(?P<season>{_alt(self.seasons)})"
            rf"(?:\s+(?:of\s+)?{year})?\b", f), self._h_season))
        R.append(("quarter", re.compile(
            rf"\b(?:the\s+)?(?:(?P<pyrel>this|last|next)\s+year['’]s\s+|(?P<pyear>(?:1[6-9]|20)\d\d)(?:['’]s)?\s+|"
            rf"(?P<yago>year-earlier|year-ago|year\s+earlier|comparable\s+year-ago)\s+)?"
            rf"(?:(?:company's|its|their|fiscal|calendar)\s+)*(?P<ord>{ordinal}|[1-4]Q)"
            rf"(?:[- ](?:fiscal|calendar))?[- ]quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?{year})?\b", f), self._h_quarter))
        R.append(("quarter_q", re.compile(rf"\b[qQ](?P<q>[1-4])[ -]?(?:{year}|(?P<yy>\d\d)\b)?"), self._h_quarter))
        R.append(("quarter_rel", re.compile(
            r"\b(?:the\s+)?(?P<rel>this|last|next|latest|current|previous|past|prior|same|recent|most\s+recent|"
            r"year-earlier|year-ago|year\s+earlier|comparable|year-before)\s+(?:fiscal\s+)?(?:quarter|period)\b", f),
            self._h_quarter_rel))
        R.append(("quarter_the", re.compile(r"\bthe\s+quarter\b", f), self._h_quarter_rel))
        R.append(("quarter_year", re.compile(
            r"\bthe\s+(?P<pyear>1[6-9]\d\d|20\d\d)\s+(?:fiscal\s+)?(?:quarter|period)\b", f), self._h_quarter_year))
        R.append(("half", re.compile(
            r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|last)[- ]half\b(?:\s+of\s+(?:(?P<yrel>this|last|next)\s+year|"
            r"the\s+year|(?P<year>1[6-9]\d\d|20\d\d)))?", f), self._h_half))
        R.append(("relunit", re.compile(
            rf"\b(?:(?P<mod>earlier|later|early|late)\s+)?{rel}\s+"
            r"(?P<unit>week|weekend|month|year|decade|century)\b", f),
            self._h_relunit))
        R.append(("weekend", re.compile(r"\b(?:over\s+)?the\s+weekend\b", f), self._h_relunit))
        R.append(("ago", re.compile(
            rf"\b(?:(?P<qual>{qual})\s+)?(?P<num>{num}|{vague})\s+{unit}\s+(?P<dir>ago|earlier|later|from\s+now|hence|"
            rf"before|after)\b", f), self._h_ago))
        R.append(("deictic", re.compile(
            r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
            r"last\s+night)(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b", f), self._h_deictic))
        R.append(("thispart", re.compile(
            rf"\b(?:(?:earlier|later)\s+)?(?:this|the)\s+{part}\b", f), self._h_thispart))
        R.append(("ref", re.compile(rf"\b(?:{_alt(self.refs)})\b", f), self._h_ref))
        R.append(("duration", re.compile(
            rf"\b(?:(?P<det>the|a|this|these|those)\s+)?(?:(?P<yago>year-earlier|year-ago|comparable)\s+)?"
            rf"(?:(?P<rel>past|last|next|coming|previous|first|final|"
            rf"following|initial|remaining|latest|recent|preceding|ensuing|same|full|entire|whole)\s+)?"
            rf"(?:(?P<qual>{qual})\s+)?(?P<num>{num}|{vague})(?:\s*(?:to|–|-|or)\s*(?P<num2>{num}))?[- ]"
            rf"(?:(?:{_alt(lx['unit_fillers'])})\s+)?{unit}(?P<long>[- ]long)?\b"
            rf"(?:\s+and\s+a\s+half)?", f), self._h_duration))
        R.append(("vague_dur", re.compile(
            r"\b(?P<pre>for|over\s+the|over|in|within|during|after|the\s+past|the\s+last|the\s+next|the\s+coming|recent|"
            r"the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|for\s+many|for\s+several)\s+(?P<unit>years|months|"
            r"weeks|days|hours|decades|minutes|centuries|quarters)\b", f), self._h_vague_dur))
        R.append(("set", re.compile(
            rf"\b(?P<q>every|each|per|a|an)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{num})\s+)?"
            rf"(?P<what>{_alt(list(self.units) + list(self.weekdays) + list(self.months))})(?P<part2>\s+(?:morning|"
            rf"afternoon|evening|night))?\b", f), self._h_set))
        R.append(("set_times", re.compile(
            rf"\b(?P<freq>once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{_alt(self.units)})\b",
            f), self._h_set_times))
        R.append(("set_by", re.compile(r"\b(?P<u>day|week|month|year|hour)\s+(?:by|after|to)\s+(?P=u)\b", f),
                  self._h_set_by))
        R.append(("set_adv", re.compile(rf"\b(?P<w>{_alt(self.set_adverbs)})\b", f), self._h_set_adv))
        R.append(("time", re.compile(
            rf"\b(?:(?:at|around|about|by|until|before|after|from|since)\s+)?(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*"
            rf"(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b|o['’]clock\b)(?:\s+(?P<tz>{tz})\b)?", f), self._h_time))
        R.append(("time24", re.compile(
            r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?P<tz>gmt|utc|GMT|UTC))?\b(?![:\d])"), self._h_time))
        R.append(("noon", re.compile(r"\b(?P<w>noon|midnight|midday)\b", f), self._h_time))
        R.append(("holiday", re.compile(rf"\b(?P<h>{_alt(self.holidays)})(?:\s+{year})?\b", f), self._h_holiday))
        R.append(("year_ago_adj", re.compile(r"\byear(?P<sep>[- ])(?P<dir>earlier|ago)\b", f), self._h_year_ago_adj))
        R.append(("the_year", re.compile(
            r"\b(?P<pre>for|in|during|throughout|of|over|through)\s+(?P<the>the\s+(?:(?:full|fiscal|current|"
            r"calendar|whole|entire|latest|current\s+fiscal|latest\s+fiscal)\s+)?(?P<unit>year|month))\b"
            r"(?P<ended>\s+(?:ended|ending|that\s+ended|to(?!\s+(?:come|date)\b)))?", f), self._h_the_year))
        R.append(("year_end", re.compile(r"\b(?:the\s+)?(?:year[- ]end|year['’]s\s+end)\b", f), self._h_year_end))
        ones = "one|two|three|four|five|six|seven|eight|nine"
        tens_words = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        R.append(("spelled_year", re.compile(
            rf"\b(?:(?P<cent>nineteen|eighteen)[- ](?P<t>{tens_words}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            rf"sixteen|seventeen|eighteen|nineteen)(?:[- ](?P<o>{ones}))?|(?P<yr>the\s+year\s+)?two[- ]thousand"
            rf"(?:[- ](?:and[- ])?(?P<o2>{ones}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            rf"eighteen|nineteen|twenty))?)\b", f), self._h_spelled_year))
        R.append(("spelled_decade", re.compile(
            rf"\bthe\s+(?:(?:early|mid|late)[- ]?)?(?:(?P<cent>nineteen|eighteen)[- ])?(?P<dec>"
            rf"{_alt(lx['decade_words'])})\b", f), self._h_spelled_decade))
        R.append(("long_adj", re.compile(r"\b(?P<unit>hour|day|week|month|year|decade)(?P<pl>s)?-long\b", f),
                  self._h_long_adj))
        R.append(("that_unit", re.compile(
            r"\b(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>year|month|day|quarter)\b", f),
            self._h_that_unit))
        self.rules = R
        # The same rules without IGNORECASE, run on the lower-cased text: several times faster.
        self.rules_low = [(name, re.compile(rx.pattern, rx.flags & ~re.IGNORECASE), h) for name, rx, h in R]
        # Gates: a rule runs only on a text where its gate matches, and every match of the rule contains
        # a match of its gate. A rule starting with optional words makes re try it at every character;
        # a gate starting with a fixed word or a digit is found by a quick scan.
        months, weekdays = rf"(?:{_alt(self.months)})\b", _alt(self.weekdays)
        gates = {
            "wd_date": weekdays, "weekday": weekdays,
            "mdy": months, "dmy": months, "md": months, "dm": months, "my": months, "month": months,
            "slash": r"\d/\d", "time24": r"\d:[0-5]",
            "decade": r"0['’]?s\b",
            "century": "centur",
            "season": _alt(self.seasons),
            "quarter": "quarter", "quarter_the": "quarter", "quarter_rel": "quarter|period",
            "quarter_year": "quarter|period",
            "half": "half",
            "ago": rf"(?:{_alt(self.units)})\s+(?:ago|earlier|later|from\s+now|hence|before|after)\b",
            "set_times": "once|twice|thrice|times",
            "time": r"\d\s*(?:a\.m|p\.m|am\b|pm\b|o['’]clock\b)",
            "spelled_year": "nineteen|eighteen|thousand",
        }
        self.gates = {name: re.compile(g, f) for name, g in gates.items()}
        self.gates_low = {name: re.compile(g) for name, g in gates.items()}
        self.modifier_re = re.compile(
            r"(?:\b(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later)(?:-|\s+)|"
            r"\b(?:the\s+)?(?:end|beginning|start|middle|turn|close|"
            r"remainder|rest)\s+of\s+(?:the\s+)?)$",
            f,
        )
        self.set_prefix_re = re.compile(
            r"(?:[\d%]|\b(?:million|billion|trillion|percent|times|once|twice|dollars?|cents?|barrels?|tons?|"
            r"tonnes?|hours?|miles|units|people|visitors|passengers|shares|points|pounds|euros|yen|yuan))\s*$",
            f,
        )
        self._ent_gate = re.compile(rf"\b(?:{_alt(self.months)})\b", f)
        self.merge_gap = re.compile(r"^(?:,?\s*(?:(?:on|at)\s+)?|\s+of\s+)$", f)

    # Helpers ---------------------------------------------------------------------------------
    def _month_num(self, s: str) -> int:
        return self.months[s.rstrip(".").lower()]

    def _number(self, s: str) -> float | str | None:
        s = re.sub(r"\s+", " ", s.lower().strip())
        half = 0.0
        m = re.search(r"[- ]and[- ]a[- ]half$|[- ]1/2$|½$", s)
        if m:
            s, half = s[: m.start()], 0.5
        if s in self.numbers:
            return self.numbers[s] + half
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
            return float(s.replace(",", "")) + half
        parts = re.split(r"[- ]", s)
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            return self.numbers[parts[0]] + self.numbers[parts[1]] + half
        if s in {v.lower() for v in self.lex["vague_numbers"]}:
            return "X"
        return None

    def _tok(self, ctx: Ctx, char: int):
        return _token_at(ctx.doc, char)

    def _capitalised(self, text: str) -> bool:
        return text[:1].isupper()

    def _calendar_context(self, ctx: Ctx, char: int) -> bool:
        """A sentence about money or the economy, where "the first half" is part of a year."""
        tok = self._tok(ctx, char)
        return tok is None or any(t.lower_ in self.calendar_words for t in tok.sent)

    def _cap(self, ctx: Ctx, m: re.Match, group: str) -> bool:
        """Whether a matched group starts with a capital in the document (matching runs on lower case)."""
        return ctx.text[m.start(group):m.start(group) + 1].isupper()

    def _title_inside(self, ctx: Ctx, char: int) -> bool:
        """A capitalised time word inside a sentence names something ("60 Minutes", "This Week")."""
        if not ctx.text[char:char + 1].isupper():
            return False
        before = ctx.text[max(0, char - 4):char].rstrip()
        if not before or before[-1] in "\"“”'‘`([:-—–.!?\n":
            return False  # the start of a sentence or a quotation
        tok = self._tok(ctx, char)
        if tok is None or tok.is_sent_start or tok.i == 0:
            return False
        prev = tok.nbor(-1)
        return not (prev.is_punct and prev.text in ('"', "“", "``", "(", ":", "-", "—", "–", "'", "‘")
                    or prev.text.isupper() or prev.is_space)

    # Handlers: each gets the match and returns a Cand or None ----------------------------------
    def _h_mdy(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if not self._cap(ctx, m, "mon"):
            return None
        mo = self._month_num(m.group("mon"))
        d = int(m.group("day"))
        if _safe_date(2000, mo, d) is None:  # a leap year, so Feb. 29 passes
            return None
        if m.group("mon").lower() == "may" and not m.groupdict().get("year") and not m.groupdict().get("wd"):
            tok = self._tok(ctx, m.start("mon"))
            if tok is not None and tok.pos_ in ("AUX", "VERB"):
                return None
        y = m.groupdict().get("year")
        if y:
            dd = _safe_date(int(y), mo, d)
            return Cand(m.start(), m.end(), "DATE", dd.isoformat() if dd else None) if dd else None
        start = m.start()

        def value(c: Ctx, mo=mo, d=d, start=start):
            if c.dct is None:
                return f"XXXX-{mo:02d}-{d:02d}", False
            opts = [x for x in (_safe_date(c.dct.year + k, mo, d) for k in (-1, 0, 1)) if x]
            if not opts:
                return None, False
            tense = c.tense(start)
            if tense == "present":
                tense = "future"  # "the law takes effect Oct. 1"
            return _pick(c.dct, opts, tense, self.slack).isoformat(), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_my(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if not self._cap(ctx, m, "mon"):
            return None
        return Cand(m.start(), m.end(), "DATE", f"{m.group('year')}-{self._month_num(m.group('mon')):02d}")

    def _h_iso(self, m: re.Match, ctx: Ctx) -> Cand | None:
        y = int(m.group("y"))
        if y < 100:
            y += 1900 if y > 50 else 2000
        d = _safe_date(y, int(m.group("m")), int(m.group("d")))
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
            if key in ("may", "march") and m.group("rel") is None:
                ok_prev = {"in", "since", "until", "by", "of", "through", "from", "to", "before", "after", "during",
                           "the",
                           "early", "late", "mid", "last", "this", "next", "till", "between", "and", "or", "in-"}
                if prev is None or prev.lower_ not in ok_prev:
                    return None
                if nxt is not None and nxt.pos_ in ("PROPN",) and nxt.ent_type_ == "PERSON":
                    return None
            if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "ORG"):
                return None
        mo = self._month_num(name)
        rel = (m.group("rel") or "").lower().rstrip("-")
        start = m.start() if rel in ("this", "last", "next", "past", "coming") else m.start("mon")
        if m.group("yrel"):
            shift = {"this": 0, "last": -1, "next": 1}[m.group("yrel").lower()]

            def year_value(c: Ctx, mo=mo, shift=shift):
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
            elif rel in ("next", "coming"):
                tense = "future"
                opts = [o for o in opts if (o.year, o.month) > (c.dct.year, c.dct.month)]
            elif rel == "this":
                opts = [date(y, mo, 1)]
                tense = None
            else:
                tense = c.tense(start)
            month_dct = date(c.dct.year, c.dct.month, 1)
            o = _pick(month_dct, opts or [date(y, mo, 1)], tense, self.slack)
            return f"{o.year}-{o.month:02d}", True

        return Cand(start, m.end(), "DATE", value)

    def _h_weekday(self, m: re.Match, ctx: Ctx) -> Cand | None:
        if not self._cap(ctx, m, "wd"):
            return None
        tok = self._tok(ctx, m.start("wd"))
        if tok is not None and tok.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "PERSON"):
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.is_title:
                return None
        wd = self.weekdays[m.group("wd").lower()]
        part = self.parts.get((m.group("part") or "").lower())
        rel = (m.group("rel") or "").lower()
        if m.group("plural") or m.group("plural2"):
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
                possessive = c.text[m_end:m_end + 2] in ("'s", "’s")
                tense = None if possessive else c.tense(start)
                if tense == "future":
                    d = c.dct + timedelta(days=diff % 7)
                elif tense in (None, "present"):
                    back, fwd = -((-diff) % 7), diff % 7
                    d = c.dct + timedelta(days=fwd if fwd < -back else back)
                else:
                    d = c.dct - timedelta(days=(-diff) % 7)
            return d.isoformat() + suffix, True

        return Cand(m.start(), m.end(), kind, value)

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

        def value(c: Ctx, code=code, det=det):
            if c.dct is None:
                return f"XXXX-{code}", False
            cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
                c.dct.month, "FA")
            year = c.dct.year
            if det == "last":
                if _SEASON_ORDER[code] >= _SEASON_ORDER[cur]:
                    year -= 1
            elif det == "next":
                if _SEASON_ORDER[code] <= _SEASON_ORDER[cur]:
                    year += 1
            return f"{year}-{code}", True

        return Cand(start, m.end(), "DATE", value)

    def _quarter_year(self, c: Ctx, q: int, start: int) -> int:
        dq = (c.dct.month - 1) // 3 + 1
        tense = c.tense(start)
        if tense == "future":
            # results of the quarter just ended are still "to be released"
            return c.dct.year if q >= dq - 1 else c.dct.year + 1
        return c.dct.year if q <= dq else c.dct.year - 1

    def _h_quarter(self, m: re.Match, ctx: Ctx) -> Cand | None:
        gd = m.groupdict()
        if gd.get("q"):
            if not self._cap(ctx, m, 0):
                return None
            q = int(gd["q"])
        else:
            o = gd["ord"].lower()
            q = int(o[0]) if o.endswith("q") else self.ordinals.get(o, 0)
        if not 1 <= q <= 4:
            return None
        y = gd.get("year") or gd.get("pyear") or (("20" + gd["yy"]) if gd.get("yy") else None)
        start = m.start()
        if gd.get("pyrel") or gd.get("yago"):
            shift = {"this": 0, "last": -1, "next": 1}.get((gd.get("pyrel") or "last").lower(), -1)

            def rel_value(c: Ctx, q=q, shift=shift):
                if c.dct is None:
                    return f"XXXX-Q{q}", False
                c.note_quarter(c.dct.year + shift, q)
                return f"{c.dct.year + shift}-Q{q}", True

            return Cand(start, m.end(), "DATE", rel_value)
        if y:
            return Cand(start, m.end(), "DATE", f"{y}-Q{q}", info={"quarter": (int(y), q)})
        if not gd.get("pyrel") and not gd.get("yago") and not self._calendar_context(ctx, start):
            return None  # "inside the first quarter" of a game

        def value(c: Ctx, q=q, start=start):
            if c.dct is None:
                return f"XXXX-Q{q}", False
            year = self._quarter_year(c, q, start)
            c.note_quarter(year, q)
            return f"{year}-Q{q}", True

        return Cand(start, m.end(), "DATE", value)

    def _h_quarter_rel(self, m: re.Match, ctx: Ctx) -> Cand | None:
        rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "the").lower())
        is_period = m.group(0).lower().rstrip().endswith("period")
        if is_period and rel not in ("year-earlier", "year-ago", "year earlier", "comparable", "year-before", "same",
                                     "latest", "most recent", "recent"):
            return None

        def value(c: Ctx, rel=rel):
            if c.dct is None:
                return "XXXX-QX", False
            dq = (c.dct.month - 1) // 3 + 1
            cur = (c.dct.year, dq)
            prev = (c.dct.year - 1, 4) if dq == 1 else (c.dct.year, dq - 1)
            if rel in ("this", "current"):
                y, q = cur
            elif rel == "next":
                y, q = (c.dct.year + 1, 1) if dq == 4 else (c.dct.year, dq + 1)
            elif rel in ("year-earlier", "year-ago", "year earlier", "comparable", "year-before", "same"):
                y, q = c.last_quarter or prev
                return f"{y - 1}-Q{q}", True
            elif rel in ("last", "previous", "past", "prior"):
                y, q = prev
            else:  # "the quarter", "the latest quarter": the one being reported
                y, q = c.last_quarter or prev
            c.note_quarter(y, q)
            return f"{y}-Q{q}", True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_quarter_year(self, m: re.Match, ctx: Ctx) -> Cand | None:
        """"the 1988 quarter": the quarter being reported on, in that year."""
        year = int(m.group("pyear"))

        def value(c: Ctx, year=year):
            if c.last_quarter:
                return f"{year}-Q{c.last_quarter[1]}", True
            if c.dct is None:
                return f"{year}-QX", False
            dq = (c.dct.month - 1) // 3
            return f"{year}-Q{dq or 4}", True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_half(self, m: re.Match, ctx: Ctx) -> Cand | None:
        h = 1 if m.group("ord").lower() in ("first", "1st") else 2
        if m.group("year"):
            return Cand(m.start(), m.end(), "DATE", f"{m.group('year')}-H{h}")
        yrel = (m.group("yrel") or "").lower()
        start = m.start()
        if not yrel and "year" not in m.group(0).lower() and not self._calendar_context(ctx, start):
            return None  # "the first half" of a match

        def value(c: Ctx, h=h, yrel=yrel, start=start):
            if c.dct is None:
                return f"XXXX-H{h}", False
            y = c.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
            if not yrel and c.tense(start) != "future" and h == 2 and c.dct.month <= 6:
                y -= 1
            return f"{y}-H{h}", True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_relunit(self, m: re.Match, ctx: Ctx) -> Cand | None:
        gd = m.groupdict()
        rel = re.sub(r"\s+", " ", (gd.get("rel") or "the").lower())
        unit = (gd.get("unit") or "weekend").lower()
        if self._title_inside(ctx, m.start("unit") if gd.get("unit") else m.start()):
            return None
        if unit in ("decade", "century") and "past" in rel:
            return Cand(m.start(), m.end(), "DURATION", "P10Y" if unit == "decade" else "P100Y")
        offset = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "this past": -1,
                  "next": 1, "coming": 1, "following": 1, "the following": 1, "the coming": 1, "the next": 1,
                  "the last": -1, "the past": -1}.get(rel, 0)
        start = m.start()

        def value(c: Ctx, unit=unit, offset=offset, rel=rel, start=start):
            if c.dct is None:
                return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                        "decade": "XXX", "century": "XX"}[unit], False
            d = c.dct
            if unit == "week":
                return _iso_week(d + timedelta(weeks=offset)), True
            if unit == "weekend":
                if rel == "the":
                    tense = c.tense(start)
                    if tense == "future":
                        off = 0 if d.isoweekday() < 6 else 1
                    elif d.isoweekday() >= 6:
                        off = 0
                    else:
                        off = -1
                else:
                    off = offset
                return _iso_week(d + timedelta(weeks=off)) + "-WE", True
            if unit == "month":
                y, mo = _add_months(d.year, d.month, offset)
                return f"{y}-{mo:02d}", True
            if unit == "year":
                return str(d.year + offset), True
            if unit == "decade":
                return str(d.year // 10 + offset), True
            return f"{d.year // 100 + offset:02d}", True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_ago(self, m: re.Match, ctx: Ctx) -> Cand | None:
        direction = re.sub(r"\s+", " ", m.group("dir").lower())
        n = self._number(m.group("num"))
        unit = self.units[m.group("unit").lower()]
        if n is None:
            return None
        if direction in ("before", "after"):
            # "two years before the war": a duration unless the clause ends here.
            rest = ctx.text[m.end(): m.end() + 2]
            if rest[:1] not in (".", ",", ";", "") and not rest.startswith(" -"):
                return None
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if n == "X":
            return Cand(m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        start = m.start()

        def value(c: Ctx, n=n, unit=unit, sign=sign, start=start):
            if c.dct is None:
                return {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-QX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX"), False
            d = c.dct
            k = sign * n
            if unit in ("Y", "DE", "CE"):
                years = k * {"Y": 1, "DE": 10, "CE": 100}[unit]
                if not float(years).is_integer():
                    y, mo = _add_months(d.year, d.month, int(years * 12))
                    return f"{y}-{mo:02d}", True
                if unit == "Y" and abs(n) == 1 and _quarterly_context(c, start):
                    y, q = c.last_quarter or ((d.year - 1, 4) if d.month <= 3 else (d.year, (d.month - 1) // 3))
                    return f"{y + int(years)}-Q{q}", True
                return str(d.year + int(years)), True
            if unit == "Q":
                dq = (d.month - 1) // 3 + int(k)
                y = d.year + (dq // 4)
                return f"{y}-Q{dq % 4 + 1}", True
            if unit == "M":
                y, mo = _add_months(d.year, d.month, int(k))
                return f"{y}-{mo:02d}", True
            if unit == "W":
                return _iso_week(d + timedelta(weeks=k)), True
            if unit == "D":
                return (d + timedelta(days=k)).isoformat(), True
            return d.isoformat(), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_deictic(self, m: re.Match, ctx: Ctx) -> Cand | None:
        word = re.sub(r"\s+", " ", m.group("word").lower())
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}[word]
        part = self.parts.get((m.group("part") or "").lower())
        if word in ("tonight", "last night"):
            part = "NI"
        if self._title_inside(ctx, m.start()):
            return None
        kind = "TIME" if part else "DATE"

        def value(c: Ctx, offset=offset, part=part):
            suffix = f"T{part}" if part else ""
            if c.dct is None:
                return f"XXXX-XX-XX{suffix}", False
            return (c.dct + timedelta(days=offset)).isoformat() + suffix, True

        return Cand(m.start(), m.end(), kind, value)

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
        if phrase == "now" and tok is not None:
            prev = tok.nbor(-1) if tok.i > 0 else None
            if prev is not None and prev.lower_ in ("from", "until", "till", "by", "right", "just"):
                if prev.lower_ in ("right", "just"):
                    return None
        if phrase == "earlier" and tok is not None and tok.dep_ not in ("advmod",):
            return None
        if phrase in ("once",):
            return None
        return Cand(m.start(), m.end(), "DATE", value)

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
        text = ctx.text
        after = text[m.end(): m.end() + 12].lower()
        if re.match(r"[- ]olds?\b", after) or re.match(r"\s+of\s+age\b", after):
            return None  # an age
        if self._title_inside(ctx, m.start("unit")):
            return None
        if unit == "Q" and re.match(r"\s+of\b", after):
            return None  # "three-quarters of its food"
        hyphen = text[m.end("num"):m.end("num") + 1] == "-"
        if raw.lower() == "one" and unit == "D" and not m.group("det") and not m.group("rel") and not hyphen:
            before = re.search(r"(\w+)\s*$", text[max(0, m.start() - 20): m.start()])
            if not before or before.group(1).lower() not in ("for", "in", "within", "after", "than", "about", "only"):
                return None  # "one day" = some day
        det = (m.group("det") or "").lower()
        rel = (m.group("rel") or "").lower()
        if raw.lower() in ("a", "an") and not (det or rel or m.group("qual")):
            before = text[max(0, m.start() - 30): m.start()]
            if self.set_prefix_re.search(before):
                return Cand(m.start(), m.end(), "SET", duration_value(1, unit))
            prev = re.search(r"(\w+)\s*$", before)
            if not prev or prev.group(1).lower() not in (
                "for", "in", "within", "over", "about", "nearly", "than", "almost", "around", "after", "than",
                "lasting", "lasted", "last", "least", "took", "take", "takes", "spent", "spend", "only", "just",
                "half", "quarter", "once", "during", "throughout", "least", "of", "up", "to", "under",
            ):
                return None
        if n == "X" and raw.lower() in ("recent", "coming"):
            return None
        if isinstance(n, float) and n > 10000:
            return None
        if raw.isdigit() and 1600 <= int(raw) <= 2100 and unit not in ("Y", "M", "D"):
            return None
        start = m.start()
        if rel == "last" and not det:
            start = m.start("qual") if m.group("qual") else m.start("num")  # "expected to last five months"
        if m.group("qual") and raw.lower().startswith("the "):
            start = m.start("num")  # "over the past few years": "over" is the preposition here
        plain_det = det in ("the", "this", "these", "those", "a") and not (rel or m.group("yago") or m.group("qual"))
        if plain_det and raw.lower() not in ("a", "an"):
            start = m.start("num")  # "the two years": TimeML keeps "the" only with past/next/first...
        if rel in ("first", "final", "initial", "remaining", "latest", "same", "full", "entire", "whole") and not det:
            start = m.start("rel") if rel in ("first", "final", "initial") else start
        return Cand(start, m.end(), "DURATION", duration_value(n, unit))

    def _h_vague_dur(self, m: re.Match, ctx: Ctx) -> Cand | None:
        pre = re.sub(r"\s+", " ", m.group("pre").lower())
        unit = self.units[m.group("unit").lower()]
        if pre in ("in", "during", "after") and unit not in ("Y", "DE", "CE"):
            return None
        if pre == "over the":
            return Cand(m.start() + 5, m.end(), "DURATION", duration_value("X", unit))
        start = m.start("unit") if pre in ("for", "over", "in", "within", "during", "after") else m.start()
        if pre.startswith("for ") :
            start = m.start() + 4
        if pre == "recent" and unit == "Y":
            return Cand(m.start(), m.end(), "DATE", "PAST_REF")
        return Cand(start, m.end(), "DURATION", duration_value("X", unit if unit != "DE" else "DE"))

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
            if not self.set_prefix_re.search(before):
                return None
            return Cand(m.start(), m.end(), "SET", duration_value(1, self.units[what]))
        if what in self.weekdays:
            if not self._cap(ctx, m, "what"):
                return None
            return Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{self.weekdays[what]}")
        if what in self.months:
            if not self._cap(ctx, m, "what") or len(what) < 4:
                return None
            return Cand(m.start(), m.end(), "SET", f"XXXX-{self.months[what]:02d}")
        unit = self.units[what]
        if unit == "WE":
            return Cand(m.start(), m.end(), "SET", "XXXX-WXX-WE")
        return Cand(m.start(), m.end(), "SET", duration_value(n, unit))

    def _h_set_times(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = self.units[m.group("unit").lower()]
        return Cand(m.start(), m.end(), "SET", duration_value(1, unit))

    def _h_set_by(self, m: re.Match, ctx: Ctx) -> Cand | None:
        return Cand(m.start(), m.end(), "SET", duration_value(1, self.units[m.group("u").lower()]))

    def _h_set_adv(self, m: re.Match, ctx: Ctx) -> Cand | None:
        tok = self._tok(ctx, m.start())
        nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(tok.doc) else None
        if (tok is not None and tok.pos_ in ("NOUN", "PROPN")
                or nxt is not None and nxt.is_title and nxt.pos_ == "PROPN"):
            return None  # "the party daily Granma", "a daily"
        if tok is not None and (tok.ent_type_ in ("ORG", "WORK_OF_ART") or tok.is_title and tok.i > 0
                                and not tok.is_sent_start):
            return None
        return Cand(m.start(), m.end(), "SET", self.set_adverbs[m.group("w").lower()])

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
            return _nth_weekday(year, mo, wdn, -1 if n == "last" else int(n))

        if y:
            return Cand(m.start(), m.end(), "DATE", on(int(y)).isoformat())
        start = m.start()

        def value(c: Ctx, start=start):
            if c.dct is None:
                d = on(2001)
                return f"XXXX-{d.month:02d}-{d.day:02d}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX", False
            opts = [on(c.dct.year + k) for k in (-1, 0, 1)]
            return _pick(c.dct, opts, c.tense(start), self.slack).isoformat(), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_year_ago_adj(self, m: re.Match, ctx: Ctx) -> Cand | None:
        before = ctx.text[max(0, m.start() - 3): m.start()].lower()
        if re.search(r"\ban?\s$", before) and m.group("sep") == " " or re.search(r"\d\s*-?$", before):
            return None  # "a year ago" belongs to the "ago" rule; "10-year" is a duration
        start = m.start()

        def value(c: Ctx, start=start):
            if c.dct is None:
                return "XXXX", False
            if _quarterly_context(c, start):
                d = c.dct
                y, q = c.last_quarter or ((d.year - 1, 4) if d.month <= 3 else (d.year, (d.month - 1) // 3))
                return f"{y - 1}-Q{q}", True
            return str(c.dct.year - 1), True

        return Cand(m.start(), m.end(), "DATE", value)

    def _h_the_year(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = m.group("unit").lower()
        start = m.start("the")
        if m.group("pre").lower() == "of":
            word = re.search(r"(\w+)\s+of\s*$", ctx.text[max(0, m.start() - 20): m.start() + 2])
            if not word or word.group(1).lower() not in _PART_OF:
                return None  # "player of the year"
        if m.group("ended"):
            return Cand(start, m.end("the"), "DURATION", "P1Y" if unit == "year" else "P1M")
        latest = "latest" in m.group("the").lower()

        def value(c: Ctx, unit=unit, latest=latest):
            if c.dct is None:
                return ("XXXX" if unit == "year" else "XXXX-XX"), False
            if unit == "year":
                return str(c.dct.year - latest), True
            y, mo = _add_months(c.dct.year, c.dct.month, -latest)
            return f"{y}-{mo:02d}", True

        return Cand(start, m.end("the"), "DATE", value)

    def _h_year_end(self, m: re.Match, ctx: Ctx) -> Cand | None:
        since = re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 7): m.start()], re.I)

        def value(c: Ctx, since=since):
            if c.dct is None:
                return "XXXX", False
            return str(c.dct.year - (1 if since else 0)), True

        return Cand(m.start(), m.end(), "DATE", value)

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

    def _h_long_adj(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = self.units[m.group("unit").lower()]
        return Cand(m.start(), m.end(), "DURATION", duration_value("X" if m.group("pl") else 1, unit))

    def _h_that_unit(self, m: re.Match, ctx: Ctx) -> Cand | None:
        unit = m.group("unit").lower()
        if unit == "quarter":
            def quarter(c: Ctx):
                return (f"{c.last_quarter[0]}-Q{c.last_quarter[1]}", False) if c.last_quarter else (None, False)

            return Cand(m.start(), m.end(), "DATE", quarter)
        size = {"year": 4, "month": 7, "day": 10}[unit]

        def value(c: Ctx, size=size):
            ref = c.last_ref
            if ref is None or len(ref) < size:
                return None, False
            return ref[:size], False

        return Cand(m.start(), m.end(), "DATE", value)

    # The pass over a document ----------------------------------------------------------------
    def candidates(self, doc: Doc, ctx: Ctx) -> list[Cand]:
        text = ctx.text
        low = text.lower()
        rules, gates = self.rules_low, self.gates_low
        if len(low) != len(text):  # a few characters change length when lower-cased
            low, rules, gates = text, self.rules, self.gates
        found: list[Cand] = []
        for prio, (name, regex, handler) in enumerate(rules):
            gate = gates.get(name)
            if gate is not None and gate.search(low) is None:
                continue
            for m in regex.finditer(low):
                c = handler(m, ctx)
                if c is not None and c.end > c.start:
                    c.rule = name
                    c.info["prio"] = prio
                    found.append(c)
        return found

    @staticmethod
    def select(cands: list[Cand]) -> list[Cand]:
        """Longest first; earlier rule wins a tie; no overlaps."""
        chosen: list[Cand] = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.info.get("prio", 99), c.start)):
            if all(c.end <= o.start or c.start >= o.end for o in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    def _merge_times(self, text: str, chosen: list[Cand], ctx: Ctx) -> list[Cand]:
        """"10 p.m. Wednesday", "noon Thursday", "Friday, 3 p.m." become one TIME expression."""
        out: list[Cand] = []
        i = 0
        while i < len(chosen):
            c = chosen[i]
            nxt = chosen[i + 1] if i + 1 < len(chosen) else None
            if nxt is not None and self.merge_gap.match(text[c.end: nxt.start]):
                time_c, date_c = (c, nxt) if c.kind == "TIME" and "clock" in c.info else (nxt, c)
                if ("clock" in time_c.info and date_c.kind == "DATE"
                        and date_c.rule in ("weekday", "md", "mdy", "dmy", "wd_date", "deictic", "iso", "holiday")):
                    out.append(Cand(c.start, nxt.end, "TIME", ("merge", date_c.value, time_c.info["clock"]),
                                    rule="merged", info={}))
                    ctx.alias[date_c.start] = c.start
                    i += 2
                    continue
            out.append(c)
            i += 1
        return out

    def _extend_modifiers(self, text: str, chosen: list[Cand]) -> None:
        prev_end = 0
        for c in chosen:
            if c.kind == "DATE" and c.rule not in ("ref", "deictic", "ago"):
                window = text[max(prev_end, c.start - 40): c.start]
                mm = self.modifier_re.search(window)
                if mm:
                    c.start = c.start - (len(window) - mm.start())
            prev_end = c.end

    def _resolve(self, c: Cand, ctx: Ctx) -> tuple[str | None, bool]:
        v = c.value
        if isinstance(v, tuple) and v and v[0] == "merge":
            _, date_v, clock = v
            dv, anchored = (date_v(ctx) if callable(date_v) else (date_v, False))
            if dv is None:
                return None, False
            dv = dv.split("T")[0]
            return dv + clock, anchored
        if callable(v):
            return v(ctx)
        if c.info.get("quarter"):
            ctx.note_quarter(*c.info["quarter"])
        return v, False

    def __call__(self, doc: Doc) -> Doc:
        dct = _parse_dct(doc._.dct)
        ctx = Ctx(doc, dct, doc_text(doc))
        text = ctx.text
        # A header such as "date 2026-02-16" at the top is metadata, not a date in the story.
        body_start = parse_header(text[:2000]).body_start if _HEADER_HINT.match(text) else 0
        chosen = self.select([c for c in self.candidates(doc, ctx) if c.start >= body_start])
        chosen = self._merge_times(text, chosen, ctx)
        self._extend_modifiers(text, chosen)
        facts: list[DateFact] = []
        for c in chosen:
            try:
                value, anchored = self._resolve(c, ctx)
            except (ValueError, OverflowError):  # calendar arithmetic at the edge of what dates allow
                continue
            if value is None:
                continue
            if c.rule not in ("that_unit", "ref") and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value):
                ctx.last_ref = value
            facts.append(DateFact(c.start, c.end, text[c.start:c.end], value, KINDS[c.kind], anchored))
        if self.use_ents:
            facts.extend(self._from_ents(doc, facts))
            facts.sort(key=lambda f: f.start)
        doc._.dates = facts
        doc.user_data.pop("_nf_token_starts", None)
        return doc

    def _from_ents(self, doc: Doc, facts: list[DateFact]) -> list[DateFact]:
        """spaCy DATE entities no rule covered, normalised by dateparser when they name a full date."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "DATE" or len(ent.text) > 40:
                continue
            s, e = ent.start_char, ent.end_char
            if any(f.start < e and s < f.end for f in facts):
                continue
            if not (self._ent_gate.search(ent.text) and re.search(r"\b(?:1[6-9]|20)\d\d\b", ent.text)):
                continue
            iso = _dateparse(ent.text)
            if iso:
                out.append(DateFact(s, e, ent.text, iso, "date", False))
        return out


def _quarterly_context(c: Ctx, start: int) -> bool:
    tok = _token_at(c.doc, start)
    if tok is None:
        return False
    return any(t.lower_ in ("quarter", "quarterly", "period") for t in tok.sent) or c.last_quarter is not None and any(
        t.lower_ in ("earned", "profit", "net", "loss", "earnings", "revenue", "sales") for t in tok.sent)


def _parse_dct(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _ent_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    )


@lru_cache(maxsize=8192)
def _dateparse(text: str) -> str | None:
    try:
        data = _ent_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date().isoformat()


@lru_cache(maxsize=8)
def _load_lexicon(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def default_lexicon_path() -> str:
    from newsfacts.nlp import models_dir

    return str(models_dir() / "dates" / "lexicon.json")


@Language.factory(
    "newsfacts_dates",
    default_config={"lexicon": None, "use_ents": True},
)
def make_dates(nlp: Language, name: str, lexicon: str | None, use_ents: bool) -> DateRecognizer:
    """Build the date recognizer once; ``lexicon`` is models/dates/lexicon.json by default."""
    register_extensions()
    return DateRecognizer(_load_lexicon(lexicon or default_lexicon_path()), use_ents=use_ents)
