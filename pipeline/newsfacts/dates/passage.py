"""A clock time belongs to the day its passage is about, not always the publication day.

"The blast hit the market at 11:20 a.m. (0820 GMT) Wednesday": the day named right after the time, in the
same clause; "On Tuesday, ... by 3 p.m.": the day named earlier in the sentence; "The bridge collapsed on
Tuesday. At 9 a.m., police closed the road": a past-tense sentence with no day of its own goes on with the
day the sentence before it named. A time that looks ahead ("the vote will take place at 3 p.m.") or has no
day near it keeps the publication day the handler gave it. "in the morning" is read the same way.
"""

from __future__ import annotations

from newsfacts.dates.context import Ctx, token_at
from newsfacts.records import DateFact

_NEAR_TOKENS = 6  # "at 11:20 a.m. (0820 GMT) Wednesday", "at 3 p.m. local time on Tuesday"


class PassageDay:
    """Per-document state: the last day named and the clock times still open to a day named after them."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.last_day: tuple[int, str] | None = None  # (start, YYYY-MM-DD) of the last day named
        self.open: list[DateFact] = []  # clock times of the current sentence a following day may still date

    def _sent_start(self, char: int) -> int | None:
        tok = token_at(self.ctx.doc, char)
        return None if tok is None else tok.sent.start

    def clock(self, fact: DateFact) -> None:
        """A clock time resolved on the publication day: move it to the day its passage names."""
        self.open.append(fact)
        if self.last_day is None:
            return
        here, there = self._sent_start(fact.start), self._sent_start(self.last_day[0])
        if here is None or there is None:
            return
        if here == there:
            fact.value = self.last_day[1] + fact.value[10:]
            return
        doc = self.ctx.doc
        previous = doc[here - 1].sent.start if here > 0 else None
        if previous == there and self.ctx.tense(fact.start) == "past":
            fact.value = self.last_day[1] + fact.value[10:]

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
