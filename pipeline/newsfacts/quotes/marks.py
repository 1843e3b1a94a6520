"""Quote marks: the quoted spans of a text, found on its characters alone (no spaCy needed).

Every line break ends a paragraph. Curly or straight double marks, doubled straight singles
(''…'') and single marks at the top level open and close a span (single marks inside double ones
are nested quotes and stay in the text). A paragraph that opens a quote without closing it
continues in the next paragraph if that one opens with a quote mark (the newspaper convention);
a straight mark reopened after a sentence inside an open quote ("One. "Two.") starts a new part
of the same quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT + OPEN_SINGLE + CLOSE_SINGLE + "'"
ANY_MARK = re.compile("[“”„«»\"‘’'`]")
# Punctuation the attribution rules read around a quote: what ends a clause, and dashes.
BOUNDARY_PUNCT = ".?!;"
DASHES = {"―", "—", "–", "-", "--"}


@dataclass
class Segment:
    """A quoted stretch: one or more parts (start, end) inside the marks."""

    parts: list[tuple[int, int]]
    open_at: int  # index of the first opening mark
    close_at: int  # index just after the last closing mark
    paragraph: int
    kind: str = "direct"
    verb: Span | None = None
    speaker: tuple | None = None  # (canonical, start, end, label)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: every line break ends a paragraph (blank lines or not)."""
    spans, pos = [], 0
    for m in re.finditer(r"\n\s*", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _is_opening(text: str, i: int, length: int = 1) -> bool:
    """A mark at i opens a quote: nothing word-like before it, a word (or mark) after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:" or before in OPEN_DOUBLE + OPEN_SINGLE


def _double_mark(text: str, i: int) -> int:
    """Length of a double quote mark at i: “ ” „ « » " or two straight single marks ('' or ``)."""
    ch = text[i]
    if ch in OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT:
        return 1
    if text.startswith("''", i) or text.startswith("``", i):
        return 2
    return 0


def _find_single_close(text: str, start: int, limit: int) -> int | None:
    """The ’ or ' closing a single-quoted span opened before ``start``, in the same paragraph."""
    for j in range(start, limit):
        ch = text[j]
        if ch in OPEN_DOUBLE or text.startswith("''", j):
            return j if text.startswith("''", j) and not text[j - 1].isspace() else None
        if ch in CLOSE_SINGLE + "'" and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalnum():
                return j
    return None


def find_segments(text: str) -> list[Segment]:
    """Every quoted span of the text, a quote continued over paragraphs merged into one segment."""
    paras = paragraphs(text)
    segments: list[Segment] = []
    carried: Segment | None = None  # a quote left open at the end of the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paras):
        current, part_start, i, depth = None, p_start, p_start, 0
        if carried is not None:
            mark = _double_mark(text, p_start)
            if mark:
                current, part_start, i = carried, p_start + mark, p_start + mark
            else:
                segments.append(carried)
        carried = None
        while i < p_end:
            found = ANY_MARK.search(text, i, p_end)
            if found is None:
                break
            i = found.start()
            ch = text[i]
            mark = _double_mark(text, i)
            if current is None:
                if mark and _is_opening(text, i, mark):
                    current = Segment(parts=[], open_at=i, close_at=i, paragraph=p_index)
                    part_start, depth = i + mark, 0
                    i += mark
                    continue
                if ch in OPEN_SINGLE + "'" and _is_opening(text, i) and text[i + 1].isalpha():
                    close = _find_single_close(text, i + 1, p_end)
                    if close is not None:
                        length = 2 if text.startswith("''", close) else 1
                        segments.append(Segment([(i + 1, close)], i, close + length, p_index))
                        i = close + length
                        continue
            elif mark:
                if ch == STRAIGHT and text[i - 1].isspace() and _is_opening(text, i, mark):
                    # "First sentence. "Second sentence." — a new part of the same quote (BBC style).
                    current.parts.append((part_start, i))
                    part_start = i + mark
                elif ch in OPEN_DOUBLE and text[i - 1].isspace():
                    depth += 1  # a double-marked quote nested inside a double-marked one
                elif depth and ch in CLOSE_DOUBLE:
                    depth -= 1
                else:
                    current.parts.append((part_start, i))
                    current.close_at = i + mark
                    segments.append(current)
                    current = None
                i += mark
                continue
            i += 1
        if current is not None:
            current.parts.append((part_start, p_end))
            current.close_at = p_end
            carried = current
    if carried is not None:
        segments.append(carried)
    cleaned = []
    for seg in segments:
        trimmed = [_trim(text, s, e) for s, e in seg.parts]
        seg.parts = [p for p in trimmed if p[1] > p[0]]
        if seg.parts:
            cleaned.append(seg)
    return cleaned


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, stray marks and the trailing comma (or dash) inside the marks."""
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in ",—–-" + OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT
    ):
        end -= 1
    return start, end
