"""Numbers in the text: digits ("1,234.5", "12,5", "2 500 000") or words ("two", "one and a half"),
with the scale words after them ("3.4 billion", "5 crore"), and when two numbers form a range.

This is the first stage of the money scanner: amounts and quantities are numbers with a currency or
a unit next to them, so both start from the list this scanner gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.money.tables import MoneyTables

_WORD_RE = re.compile(r"[a-z]+")
# a word whose digits and letters interleave is a code: "CF6-80C2", "7E7", "4x4"; no figure is read in it
_CODE = re.compile(r"\d[A-Za-z]+\d")
# what stands between an amount and its conversion: "$10bn (£5.4bn)", "$3m; £1.6m", "$5m (about £2.7m)"
CONVERSION_GAP = re.compile(r"\s*[(\[;,/]\s*|\)?\s*[;,/]\s*|\s*\(\s*(?:about|around|or|approx\.?)\s*")


@dataclass(slots=True)
class _Num:
    start: int
    end: int  # after the scale words
    value: float
    raw: float  # without scale
    scaled: bool
    words: bool  # written in words
    yearish: bool


class NumberScanner(MoneyTables):
    """Finds the numbers of a text; tells which pairs of them are ranges."""

    # -- numbers ---------------------------------------------------------------------------------
    def _numbers(self, text: str) -> list[_Num]:
        hits = []
        for m in self.digits_re.finditer(text):
            s, e = m.span()
            prev = text[s - 1] if s else ""
            if prev and prev in ".,/:+_" or text[e:e + 2][:1] in (".", ",", ":", "/") and text[e + 1:e + 2].isdigit():
                continue  # "13.02.2026", "10:30", "1/2"
            if prev.isalpha() and self._pre_at(text, s) is None or prev == "-" and s > 1 and text[s - 2].isalpha():
                continue  # "A320", "G20", "F-16"
            if _in_code(text, s, e):
                continue  # "the CF6-80C2 engine": "CF" is no Comorian franc there
            hits.append((s, e, m.group(0), False))
        lower = text.lower()
        if len(lower) == len(text):
            for m in self.words_re.finditer(lower):
                s = m.start()
                if s and lower[s - 1].isalpha():
                    continue
                hits.append((s, m.end(), m.group(0), True))
            hits.sort()
        nums = []
        for s, e, tok, words in hits:
            raw = _word_value(tok, self.word_values) if words else _digit_value(tok)
            if raw is None:
                continue
            end, value, scaled = e, raw, False
            for _ in range(2):
                sm = self.word_scale_re.match(text, end)
                if not sm:
                    break
                value *= self.scale_words[sm.group(1).lower()]
                end, scaled = sm.end(), True
            yearish = not words and not scaled and tok.isdigit() and len(tok) == 4 and 1800 <= raw <= 2100
            nums.append(_Num(s, end, value, raw, scaled, words, yearish))
        return nums

    def _abbr_scale(self, text: str, num: _Num) -> tuple[int, float] | None:
        """The scale abbreviation after a number: "5bn", "50 mln"; after a number in words only one of
        several letters ("nine mln dlrs", never "one m")."""
        if num.scaled:
            return None
        sm = self.abbr_scale_re.match(text, num.end)
        if sm and not (num.words and len(sm.group(1)) < 2):
            return sm.end(), num.raw * self.scale_abbr[sm.group(1)]
        return None

    # -- two numbers as a range ------------------------------------------------------------------
    def _range_ok(self, text: str, start: int, gap: str) -> bool:
        """Whether the number starting at ``start`` and the next one, ``gap`` apart, form a range."""
        word = gap.strip().lower()
        if word in ("and", "or"):
            return bool(self.between_re.search(text, max(0, start - 12), start)) and word == "and"
        if word == "to":
            # "cut by $200 to $399", "rose from $2bn to $3bn": a change between two amounts, not a range
            before = _WORD_RE.findall(text[max(0, start - 60):start].lower())[-6:]
            if before and before[-1] == "by":
                return False
            if any(self.change_re.fullmatch(w) for w in before) and not any(w in self.range_words for w in before):
                return False
        return True

    @staticmethod
    def _propagate(lo: _Num, hi: _Num) -> float:
        """"$2 to $3 billion": the scale of the upper bound applies to a bare lower bound."""
        if not lo.scaled and hi.scaled and hi.raw and lo.raw <= hi.raw:
            return lo.raw * (hi.value / hi.raw)
        return lo.value


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the digits from ``start`` to ``end`` lie in a word, up to the spaces around it, whose digits
    and letters interleave ("CF6-80C2", "7E7"): a model or part number, not a figure."""
    ws = max(text.rfind(c, 0, start) for c in " \n\t\u00a0(\"'“‘") + 1
    we = min((i for i in (text.find(c, end) for c in " \n\t\u00a0)\"'”’") if i >= 0), default=len(text))
    return _CODE.search(text, ws, we) is not None


def _clean(value: float | None) -> float | None:
    """4.1 * 1e9 is 4099999999.9999995 in floating point; news figures have few significant digits."""
    return None if value is None else float(f"{value:.12g}")


def _digit_value(tok: str) -> float:
    tok = re.sub(r"[ \u00a0\u202f]", "", tok)
    if tok.count(".") > 1 or re.search(r",\d{1,2}$", tok) and "." not in tok:
        tok = tok.replace(".", "").replace(",", ".")  # 1.234.567,8 and 12,5
    return float(tok.replace(",", ""))


def _word_value(tok: str, values: dict[str, int]) -> float | None:
    """The value of a number in words; ``values``: number_words.tsv."""
    t = re.sub(r"[\s\u00a0\u202f-]+", " ", tok.lower()).strip()
    if re.fullmatch(r"half an?", t):
        return 0.5
    if t in ("a", "an"):
        return 1.0
    total = 0.0
    if t.endswith(" and a half"):
        t, total = t[:-11], 0.5
    for w in t.split():
        if w == "and":
            continue
        if w == "hundred":
            total = (total or 1) * 100
        elif w in values:
            total += values[w]
        else:
            return None
    return total
