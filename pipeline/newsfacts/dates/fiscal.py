"""The fiscal calendar an article states, and the calendar quarters and halves its numbered periods cover.

"Tatamoto, whose financial year ends March 31, said third-quarter profit doubled": that third quarter is
October to December, the calendar's fourth. Only a year end the article states ("the fiscal year ending in
June", "its financial year ends March 31") moves a quarter or half given by number; without one, or with two that
disagree, the numbers are the calendar's, as most readers and TimeBank take them.
"""

from __future__ import annotations

import re


def fiscal_year_pattern(year_words: list[str], months: dict[str, int]) -> re.Pattern:
    """"financial year ends March 31", "its fiscal year ending in June": the month in ``mon``. A bare "year"
    names twelve months, not the company's own calendar ("inflation in the year to March"; "for the year ended
    Sept. 30", in whose articles TimeBank's annotators keep the quarters by their fiscal numbers)."""
    words = "|".join(sorted(map(re.escape, year_words), key=len, reverse=True))
    mon = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:{words})[- ]year(?:[- ]end)?\s*,?\s*(?:that\s+|which\s+)?(?:ends|ending|ended|end|closes|closing|"
        rf"runs\s+to|to))\s+(?:in\s+|on\s+)?(?P<mon>{mon})\b\.?", re.I)


def fiscal_year_end(text: str, pattern: re.Pattern, months: dict[str, int]) -> int | None:
    """The month the article's fiscal year ends in, when it states one other than December; None otherwise."""
    if "year" not in text:
        return None
    ends = {months[m.group("mon").lower()] for m in pattern.finditer(text)}
    if len(ends) != 1:
        return None
    end = ends.pop()
    return None if end == 12 else end


def calendar_quarter(q: int, year_end: int) -> int:
    """The calendar quarter holding most of fiscal quarter ``q`` (its middle month) of a year ending in month
    ``year_end``: with March, the third quarter (October to December) is the fourth."""
    last = (year_end - 3 * (4 - q) - 1) % 12 + 1  # the fiscal quarter's last month
    middle = (last - 2) % 12 + 1
    return (middle - 1) // 3 + 1


def calendar_half(h: int, year_end: int) -> int | None:
    """The calendar half fiscal half ``h`` is, when the year ends in June (or December); None when the half
    straddles the calendar's (a year ending in March: April to September)."""
    if year_end % 6:
        return None
    return h if year_end == 12 else 3 - h
