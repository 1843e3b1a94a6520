"""The pass over one document: run the rule table, keep the longest candidates, merge and resolve them.

``DateRecognizer`` is the rule table (``patterns``) plus the handler groups (``absolute``, ``relative``,
``periods``, ``durations``, ``times``) and the dateparser fallback, each a mixin. A document's
candidates are chosen longest first without overlaps, "10 p.m. Wednesday" is merged into one
TIME, "early"/"the end of" modifiers are taken in, and values are resolved against ``doc._.dct``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from newsfacts.dates.absolute import AbsoluteRules
from newsfacts.dates.calendar import parse_dct
from newsfacts.dates.composed import DAY_RULES, ComposedRules, day_before_after
from newsfacts.dates.context import BLANK_LINE, Cand, Ctx, TenseWords
from newsfacts.dates.durations import DurationRules
from newsfacts.dates.fallback import EntityFallback
from newsfacts.dates.fiscal import fiscal_year_end, fiscal_year_pattern
from newsfacts.dates.narrative import NarrativeRules, comparison_point
from newsfacts.dates.passage import PassageDay
from newsfacts.dates.patterns import RulePatterns
from newsfacts.dates.periods import PeriodRules
from newsfacts.dates.relative import RelativeRules
from newsfacts.dates.times import TimeRules
from newsfacts.extensions import doc_text
from newsfacts.metadata import HEADER_FIELDS, parse_header
from newsfacts.records import DateFact
from newsfacts.wordspan import head_of_compound

_HEADER_HINT = re.compile(
    r"\s*(?:" + "|".join(sorted(HEADER_FIELDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
KINDS = {"DATE": "date", "TIME": "time", "DURATION": "duration", "SET": "set"}
_CLOCK_RULES = ("time", "time_part", "time24", "time_gmt", "noon", "daypart")
# Rules whose value repeats a date already named ("that day", "later in the day", "now"): they move no story on
_ANAPHORIC = ("that_unit", "the_unit", "ref")


class DateRecognizer(RulePatterns, AbsoluteRules, RelativeRules, PeriodRules, DurationRules, TimeRules,
                     ComposedRules, NarrativeRules, EntityFallback):
    """Finds and normalises time expressions; built once per pipeline."""

    def __init__(self, lexicon: dict, tense_words: TenseWords, part_of: set[str], rate_words: set[str],
                 use_ents: bool = True):
        self.lex = lexicon
        self.tense_words = tense_words
        self.part_of = part_of
        self.rate_words = rate_words
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
        self.day_occasions = set(lexicon.get("day_occasions", ()))
        self.fiscal_re = fiscal_year_pattern(lexicon.get("fiscal_year_words", ["fiscal"]), self.months)
        self._compile()

    # The pass over a document ----------------------------------------------------------------
    def candidates(self, doc: Doc, ctx: Ctx) -> list[Cand]:
        text = ctx.text
        low = text.lower()
        rules, gates = self.rules_low, self.gates_low
        if len(low) != len(text):  # a few characters change length when lower-cased
            low, rules, gates = text, self.rules, self.gates
        paragraphs = paragraphs_of(low)
        found: list[Cand] = []
        opened: dict = {}  # gate -> the paragraphs that have it (rules share gates)
        for prio, (name, regex, handler) in enumerate(rules):
            gate = gates.get(name)
            if gate is None:
                where = paragraphs
            elif (where := opened.get(gate)) is None:
                where = opened[gate] = gated_paragraphs(gate, low, paragraphs)
            for start, end in where:
                for m in regex.finditer(low, start, end):
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
            gap = text[c.end: nxt.start] if nxt is not None else ""
            if nxt is not None and self.merge_gap.match(gap) and not BLANK_LINE.search(gap):
                time_c, date_c = (c, nxt) if c.kind == "TIME" and "clock" in c.info else (nxt, c)
                if "clock" in time_c.info and date_c.kind == "DATE" and date_c.rule in DAY_RULES:
                    out.append(Cand(c.start, nxt.end, "TIME", ("merge", date_c.value, time_c.info["clock"]),
                                    rule="merged", info={}))
                    ctx.alias[date_c.start] = c.start
                    i += 2
                    continue
            out.append(c)
            i += 1
        return out

    @staticmethod
    def _merge_spelled_years(text: str, chosen: list[Cand]) -> list[Cand]:
        """"January nineteen ninety-seven", "the winter of nineteen ninety-four": a month or season takes the
        year spelled out after it, as it takes "1997"."""
        out: list[Cand] = []
        for c in chosen:
            prev = out[-1] if out else None
            if (c.rule == "spelled_year" and prev is not None and prev.rule in ("month", "season")
                    and re.fullmatch(r"\s+(?:of\s+)?", text[prev.end:c.start])):
                def value(ctx: Ctx, inner=prev.value, year=c.value):
                    v, _ = inner(ctx) if callable(inner) else (inner, False)
                    return (year + v[4:], False) if v and re.match(r"\d{4}-", v) else (None, False)

                out[-1] = Cand(prev.start, c.end, "DATE", value, rule="spelled_merged")
                continue
            out.append(c)
        return out

    def _extend_modifiers(self, text: str, chosen: list[Cand]) -> None:
        prev_end = 0
        for c in chosen:
            approx = self.or_so.match(text, c.end)
            if approx and c.kind in ("DATE", "DURATION"):
                c.end = approx.end()  # "the next year or so"
            if c.kind == "DATE" and c.rule not in ("ref", "deictic", "ago"):
                window = text[max(prev_end, c.start - 40): c.start]
                mm = self.modifier_re.search(window)
                if mm:
                    c.start = c.start - (len(window) - mm.start())
            prev_end = c.end

    def _resolve(self, c: Cand, ctx: Ctx) -> tuple[str | None, bool]:
        ctx.at = c.start
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
        if c.info.get("quarter") and not (ctx.dct is None and ctx.last_quarter and ctx.tense(c.start) == "future"):
            # without a publication date, a quarter ahead (by its verb) does not replace the one reported on
            ctx.note_quarter(*c.info["quarter"])
        return v, False

    def __call__(self, doc: Doc) -> Doc:
        dct = parse_dct(doc._.dct)
        ctx = Ctx(doc, dct, self.tense_words, doc_text(doc))
        text = ctx.text
        ctx.fiscal_end = fiscal_year_end(text, self.fiscal_re, self.months)
        # A header such as "date 2026-02-16" at the top is metadata, not a date in the story.
        body_start = parse_header(text[:2000]).body_start if _HEADER_HINT.match(text) else 0
        chosen = self.select([c for c in self.candidates(doc, ctx) if c.start >= body_start])
        chosen = day_before_after(text, self._merge_times(text, self._merge_spelled_years(text, chosen), ctx))
        self._extend_modifiers(text, chosen)
        facts: list[DateFact] = []
        passage = PassageDay(ctx, self.shifted_day_re)
        for c in chosen:
            try:
                value, anchored = self._resolve(c, ctx)
            except (ValueError, OverflowError):  # calendar arithmetic at the edge of what dates allow
                continue
            if value is None:
                continue
            fact = DateFact(c.start, c.end, text[c.start:c.end], value, KINDS[c.kind], anchored)
            clock = c.rule in _CLOCK_RULES or c.rule == "thispart" and text[c.start:c.start + 4].lower() == "the "
            if clock and ctx.dct and value.startswith(ctx.dct.isoformat()):
                passage.clock(fact)
                value = fact.value
            elif re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value) and not clock:
                passage.day(c.start, value[:10])
            if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", value) and c.kind == "DATE" and not c.info.get("comparison"):
                _note_months_quarter(ctx, facts[-1] if facts else None, value, c.start)
                ctx.last_month = (value, c.end)
            if c.rule not in _ANAPHORIC and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value):
                ctx.last_ref = value
                if _WRITTEN_YEAR.search(fact.text):
                    ctx.named_year = value[:4]
            if (c.rule not in _ANAPHORIC and not c.info.get("comparison") and re.match(r"\d{4}(?!\d)", value)
                    and not comparison_point(text, c.start, facts[-1].end if facts else 0)):
                ctx.story_time, ctx.story_at = value, c.start
            facts.append(fact)
        _share_list_year(text, facts, self.months)
        if self.use_ents:
            facts.extend(self._from_ents(doc, facts))
            facts.sort(key=lambda f: f.start)
        doc._.dates = [f for f in facts if _whole_words(text, f)]
        return doc




def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """The text cut after each run of blank lines: no time expression runs across one, so each rule is
    run on the paragraphs that have its gate only (with its trailing blank lines, so the pieces cover
    the text)."""
    starts = [0, *(m.end() for m in BLANK_LINE.finditer(text))]
    return [(start, end) for start, end in zip(starts, [*starts[1:], len(text)], strict=True) if start < end]


def gated_paragraphs(gate: re.Pattern, text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs in which ``gate`` matches: one search per such paragraph, each from the start of
    the paragraph after the last one found."""
    starts = [start for start, _ in paragraphs]
    found, pos = [], 0
    while (m := gate.search(text, pos)) is not None:
        i = bisect_right(starts, m.start()) - 1
        found.append(paragraphs[i])
        pos = paragraphs[i][1]
    return found


_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
_LIST_GLUE = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*", re.I)


def _share_list_year(text: str, facts: list[DateFact], months: dict) -> None:
    """"in May, June and September 2029", "May and June of that year": months listed before one that
    carries a year are of that year, not each of the year nearest the publication date."""
    for i in range(len(facts) - 1, 0, -1):
        last = facts[i]
        if not (re.fullmatch(r"\d{4}-\d\d", last.value or "")
                and (_WRITTEN_YEAR.search(last.text) or "year" in last.text.lower())):
            continue
        j = i
        while j > 0:
            prev = facts[j - 1]
            if (prev.text.lower().rstrip(".") not in months or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", prev.value)
                    or not _LIST_GLUE.fullmatch(text[prev.end:facts[j].start])):
                break
            prev.value = last.value[:4] + prev.value[4:]
            prev.anchored = last.anchored
            j -= 1


_MONTHS_JOINED = re.compile(r"\s*(?:-|–|to|and|through|until)\s*", re.I)


def _note_months_quarter(ctx: Ctx, prev: DateFact | None, value: str, start: int) -> None:
    """"between July and September", "October to December": three months that make a calendar quarter are
    the quarter a later "the quarter" or "the same period" means."""
    if prev is None or not _MONTHS_JOINED.fullmatch(ctx.text[prev.end:start]):
        return
    if not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", prev.value) or prev.value[:4] != value[:4]:
        return
    first, last = int(prev.value[5:]), int(value[5:])
    if first % 3 == 1 and last == first + 2:
        if value[:4].isdigit():
            ctx.note_quarter(int(value[:4]), (first - 1) // 3 + 1, over=True)
        else:
            ctx.last_period = f"XXXX-Q{(first - 1) // 3 + 1}"


def _whole_words(text: str, fact: DateFact) -> bool:
    """No date cuts a word: "back-[end of 2004]" takes the whole word; "[recently]-expanded" only
    modifies the word after it and is no date of its own (False: drop it)."""
    span = head_of_compound(text, fact.start, fact.end)
    if span is None:
        return False
    fact.start = span[0]
    fact.text = text[fact.start:fact.end]
    return True
