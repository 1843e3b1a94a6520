"""Aligning character offsets of an edited text with the old one, word by word.

When an article's text was edited between two sides, a fact's span in the old text is mapped
into the new text through the words both share, so that facts outside the edit still pair up.
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

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        if self.identity:
            return start, end
        if end <= start:
            return None
        s, e = self.char(start), self.char(end - 1)
        return (s, e + 1) if s is not None and e is not None and e >= s else None

