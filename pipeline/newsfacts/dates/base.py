"""What every rule handler shares: the lexicon as lookup tables and the checks on the text around a match.

The rules run on the lower-cased text, so the checks that need case ("May" the month, "may" the
verb; "60 Minutes" a title) look at the original text through ``Ctx``.
"""

from __future__ import annotations

import re

from newsfacts.dates.context import Ctx, token_at


class RuleHelpers:
    """Base of the handler groups; ``DateRecognizer.__init__`` fills these from the rule files."""

    lex: dict
    slack: int
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    refs: dict[str, str]
    set_adverbs: dict[str, str]
    holidays: dict[str, str]
    not_current: set[str]
    false_after_year: set[str]
    calendar_words: set[str]
    day_occasions: set[str]
    part_of: set[str]
    rate_words: set[str]

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
        if len(parts) == 2 and parts[1] in ("hundred", "thousand") and parts[0] in self.numbers:
            return self.numbers[parts[0]] * (100 if parts[1] == "hundred" else 1000) + half  # "two thousand years"
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            return self.numbers[parts[0]] + self.numbers[parts[1]] + half
        if s in {v.lower() for v in self.lex["vague_numbers"]}:
            return "X"
        return None

    def _tok(self, ctx: Ctx, char: int):
        return token_at(ctx.doc, char)

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

    def _age_of(self, ctx: Ctx, m: re.Match, word: str) -> str | None:
        """PRESENT_REF, FUTURE_REF or PAST_REF when "today", "tomorrow", "yesterday" stand for an age rather than
        a day: as the owner of a noun that is no occasion of one day ("today's teenagers", "tomorrow's
        leaders"), or after "of" on a noun ("the cars of tomorrow", "the Britain of today"). A day's occasion
        ("today's ruling", "yesterday's match", "the events of yesterday") and a name ("today's Guardian") keep
        the day."""
        ref = {"today": "PRESENT_REF", "tomorrow": "FUTURE_REF", "yesterday": "PAST_REF"}.get(word)
        tok = self._tok(ctx, m.start())
        if ref is None or tok is None:
            return None
        if tok.dep_ == "poss" and tok.head.i > tok.i:
            noun = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i < tok.i:
            noun = tok.head.head
        else:
            return None
        if noun.pos_ == "PROPN":
            return ref if noun.ent_type_ in ("GPE", "LOC", "NORP") else None
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in self.day_occasions or noun.lower_ in self.day_occasions:
            return None
        return ref
