"""Where a word ends in text: letters and digits, and pieces joined by a hyphen or an apostrophe with
no space around them ("co-chairman", "e-mail", "Ndung'u"); a possessive "'s" is no piece of the word.

``whole_words`` widens a character span to the words it touches, so a fact never starts or ends
inside one; ``newsfacts.eval.cuts`` counts the spans that do.
"""

from __future__ import annotations

import re

JOINERS = "-–'’"


def run(text: str, i: int, step: int) -> int:
    """The offset past the run of letters and digits from ``i`` going ``step`` (1 right, -1 left)."""
    while 0 <= i < len(text) and text[i].isalnum():
        i += step
    return i


def joined_after(text: str, end: int) -> bool:
    """A piece joined to the word that ends at ``end`` ("co|-chairman"), not a possessive ("Fox|'s")."""
    if not (0 < end and end + 1 < len(text) and text[end - 1].isalnum() and text[end] in JOINERS
            and text[end + 1].isalnum()):
        return False
    return text[end] in "-–" or text[end + 1:run(text, end + 1, 1)].lower() != "s"


def joined_before(text: str, start: int) -> bool:
    """A piece joined to the word that starts at ``start`` ("co-|chairman", "e-|mails")."""
    return 1 < start < len(text) and text[start].isalnum() and text[start - 1] in JOINERS \
        and text[start - 2].isalnum()


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to whole words where it cuts one: "its co" of "its co-chairman" is
    "its co-chairman", "mails should" of "e-mails should" is "e-mails should". A name or a number
    joined to another word is whole as it is ("Almaty" of "Almaty-based", "US" of "US-China")."""
    if start >= end:
        return start, end
    while start > 0 and text[start].isalnum() and text[start - 1].isalnum():
        start = run(text, start, -1) + 1
    while joined_before(text, start) and text[start].islower():
        start = run(text, start - 2, -1) + 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end = run(text, end, 1)
    while joined_after(text, end) and text[run(text, end - 1, -1) + 1].islower():
        end = run(text, end + 1, 1)
    return start, end


def head_of_compound(text: str, start: int, end: int, keep: re.Pattern | None = None) -> tuple[int, int] | None:
    """A fact span as the head of the word it is in: widened over a joined word before it ("back-[end
    of 2004]" is "back-end of 2004"); None when a joined common word follows it, for then it only
    modifies that word ("[recently]-expanded", "[three quarter]-point", "[a euro]-enthusiast"), unless
    ``keep`` matches that joined tail ("-worth" of "2bn euros-worth"): then the span takes it. Letters
    glued to its end with no joiner ("£5,001and") are a typo in the source: the span stays as it is."""
    wide_start, wide_end = whole_words(text, start, end)
    if wide_end == end or text[end] not in JOINERS:
        return wide_start, end
    if keep is not None and keep.fullmatch(text, end, wide_end):
        return wide_start, wide_end
    return None
