"""Aligning character offsets of an edited text with the old one, word by word.

When an article's text was edited between two sides, a fact's span in the old text is mapped
into the new text through the words both share, so that facts outside the edit still pair up.
A span whose own words were edited ("$1.4 billion" → "$2.8 billion") has no exact image; ``near``
gives where it landed (replaced words map to their replacements, in order), so that the engine can
pair it with the new fact there as a change rather than a removal and an addition.
"""

from __future__ import annotations

import bisect
import difflib
import re


class OffsetMap:
    """Maps character offsets of the old text into the new one through the words both share."""

    def __init__(self, old: str, new: str) -> None:
        self.identity = old == new
        if self.identity:
            return
        self.old_words = [(m.start(), m.end()) for m in re.finditer(r"\S+", old)]
        self.new_words = [(m.start(), m.end()) for m in re.finditer(r"\S+", new)]
        self.starts = [s for s, _ in self.old_words]
        matcher = difflib.SequenceMatcher(None, [old[s:e] for s, e in self.old_words],
                                          [new[s:e] for s, e in self.new_words], autojunk=False)
        self.word_map = {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
        self.opcodes = matcher.get_opcodes()

    def edits(self, side: str) -> list[tuple[int, int]]:
        """Character ranges of the words only the old (deleted) or only the new (inserted) text has."""
        if self.identity:
            return []
        words = self.old_words if side == "old" else self.new_words
        ranges = []
        for op, i1, i2, j1, j2 in self.opcodes:
            lo, hi = (i1, i2) if side == "old" else (j1, j2)
            if op != "equal" and hi > lo:
                ranges.append((words[lo][0], words[hi - 1][1]))
        return ranges

    def char(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.old_words[i][1] or i not in self.word_map:
            return None
        return self.new_words[self.word_map[i]][0] + offset - self.old_words[i][0]

    def _word(self, offset: int) -> int:
        """The index of the old word holding ``offset``, or of the next word when it falls between words."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.old_words[i][1] else i + 1

    def _near(self, offset: int, end: bool) -> int | None:
        """Where an old offset (a span's first or last character) lands in the new text, edits included."""
        if (exact := self.char(offset)) is not None:
            return exact
        i = self._word(offset)
        if i >= len(self.old_words):
            return None
        block = next((b for b in self.opcodes if b[1] <= i < b[2]), None)
        if block is None:
            return None
        op, i1, i2, j1, j2 = block
        if op != "replace":  # deleted words have no counterpart; equal ones were mapped exactly
            return None
        # The k-th of n replaced words lands on the matching share of the m replacement words.
        n, m = i2 - i1, j2 - j1
        k = j1 + ((i - i1 + 1) * m - 1) // n if end else j1 + (i - i1) * m // n
        old_start, old_end = self.old_words[i]
        new_start, new_end = self.new_words[k]
        inside = max(0, offset - old_start) if not end else max(0, old_end - 1 - offset)
        inside = min(inside, new_end - new_start - 1)  # punctuation kept around a replaced word
        return new_end - 1 - inside if end else new_start + inside

    def near(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the span landed in the new text, its edited words included; None when it was deleted."""
        if self.identity:
            return start, end
        if end <= start:
            return None
        s, e = self._near(start, False), self._near(end - 1, True)
        return (s, e + 1) if s is not None and e is not None and e >= s else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span's exact image in the new text: its first and last characters in words both texts share."""
        if self.identity:
            return start, end
        if end <= start:
            return None
        s, e = self.char(start), self.char(end - 1)
        return (s, e + 1) if s is not None and e is not None and e >= s else None

