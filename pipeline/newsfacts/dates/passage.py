"""A clock time belongs to the day its passage is about, not always the publication day.

"The blast hit the market at 11:20 a.m. (0820 GMT) Wednesday": the day named right after the time, in the
same clause; "On Tuesday, ... by 3 p.m.": the day named earlier in the sentence; "The bridge collapsed on
Tuesday. At 9 a.m., police closed the road": a past-tense sentence with no day of its own goes on with the
day the sentence before it named. A time that looks ahead ("the vote will take place at 3 p.m.") or has no
day near it keeps the publication day the handler gave it. "in the morning" is read the same way.
"""

from __future__ import annotations

import re

from newsfacts.dates.context import BLANK_LINE, Ctx, governing_verb, token_at
from newsfacts.records import DateFact

_PASSAGE_SENTENCES = 3  # a paragraph goes on telling its day this long without naming another
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")
_NEAR_TOKENS = 6  # "at 11:20 a.m. (0820 GMT) Wednesday", "at 3 p.m. local time on Tuesday"


class PassageDay:
    """Per-document state: the last day named and the clock times still open to a day named after them."""

    def __init__(self, ctx: Ctx, shifted_day: re.Pattern) -> None:
        self.ctx = ctx
        self.shifted_day = shifted_day  # "ten days before the robbery": a day the text may not date
        self.last_day: tuple[int, str] | None = None  # (start, YYYY-MM-DD) of the last day named
        self.open: list[DateFact] = []  # clock times of the current sentence a following day may still date
        self.last_event: str | None = None  # the event verb the last day named dates, None for "said Monday"
        self.events: dict[str, str] = {}  # lemma of a past-tense verb -> the day it was dated to ("shot ... Oct. 23")

    def _sent_start(self, char: int) -> int | None:
        tok = token_at(self.ctx.doc, char)
        return None if tok is None else tok.sent.start

    def clock(self, fact: DateFact) -> None:
        """A clock time resolved on the publication day: move it to the day its passage names."""
        self.open.append(fact)
        here = self._sent_start(fact.start)
        there = None if self.last_day is None else self._sent_start(self.last_day[0])
        if here is not None and here != there and self.shifted_day.search(self.ctx.doc[here].sent.text):
            fact.value = "XXXX-XX-XX" + fact.value[10:]  # a day some days off an event: not the publication day
            return
        if self.last_day is None:
            return
        if here is None or there is None:
            return
        event = self._event(fact.start)
        if here == there:
            if event in self.events and self.last_event is None:
                # "Officials said on Monday that the plane landed at 7 a.m.": the landing's day, named before
                fact.value = self.events[event] + fact.value[10:]
            else:
                fact.value = self.last_day[1] + fact.value[10:]
            return
        doc = self.ctx.doc
        previous = doc[here - 1].sent.start if here > 0 else None
        if self.ctx.tense(fact.start) != "past":
            return
        if previous == there:
            fact.value = self.last_day[1] + fact.value[10:]
            return
        day = self.events.get(event or "")
        if day is not None:  # "Slepian was shot to death last Oct. 23 ... He was shot at 10 p.m.": that day
            fact.value = day + fact.value[10:]
        elif self._same_passage(self.last_day[0], fact.start):
            # "The bridge collapsed on Tuesday. Engineers had warned of cracks. Rescuers arrived at 9 a.m.": the
            # paragraph is still telling that day
            fact.value = self.last_day[1] + fact.value[10:]

    def _same_passage(self, start: int, end: int) -> bool:
        """Whether ``start`` and ``end`` lie in one paragraph, at most ``_PASSAGE_SENTENCES`` sentences apart."""
        between = self.ctx.text[start:end]
        return BLANK_LINE.search(between) is None and len(_SENTENCE_END.findall(between)) <= _PASSAGE_SENTENCES

    def _event(self, char: int) -> str | None:
        """The lemma of the past-tense event verb a time at ``char`` dates; None for a verb of saying or being."""
        tok = token_at(self.ctx.doc, char)
        verb = None if tok is None else governing_verb(tok)
        if verb is None or verb.pos_ != "VERB" or verb.lemma_ in self.ctx.words.reporting:
            return None
        return verb.lemma_.lower() if self.ctx.tense(char) == "past" else None

    def day(self, start: int, day: str) -> None:
        """A day named at ``start``: it dates the clock times just before it in the same clause."""
        doc = self.ctx.doc
        first = token_at(doc, start)
        for fact in self.open:
            tok = token_at(doc, max(fact.start, fact.end - 1))
            if first is None or tok is None or fact.end > start:
                continue
            # Token by token, not by spaCy's sentences: the parser may end one at "(0820 GMT)".
            between = doc[tok.i + 1:first.i]
            if _outside_brackets(between) <= _NEAR_TOKENS and not any(
                    t.pos_ in ("VERB", "AUX") or t.text in (".", "!", "?", ";") for t in between):
                fact.value = day + fact.value[10:]
        self.open = []
        self.last_day = (start, day)
        self.last_event = self._event(start)
        if self.last_event is not None:
            self.events[self.last_event] = day


def _outside_brackets(tokens) -> int:
    """How many tokens lie outside brackets: "at 7am local time (0600 GMT) on Sunday" is as near its day as
    "at 7am local time on Sunday"."""
    depth = n = 0
    for t in tokens:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth == 0:
            n += 1
    return n
