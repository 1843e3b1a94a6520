"""What keeps the time and memory of one article bounded, whatever its text.

- **Long runs without whitespace.** spaCy's tokenizer splits affixes off a whitespace-free string one
  at a time and searches the rest again each time: its time grows with the square of the run's length
  (40,000 ``=`` took minutes). ``tokenize`` hands it such runs ``LONGEST_RUN`` characters at a time and
  joins the pieces into one Doc whose text is exactly the original, so the cost is linear.
- **Long articles.** The model's time and memory grow with the tokens of one ``nlp.pipe`` call
  (``token_estimate``); ``pieces`` cuts an article of more tokens than a budget at paragraph (else
  line, sentence, space) breaks, each piece goes through the pipeline alone, and ``shift`` moves the
  offsets of its facts back into the whole text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is made: the CLI starts without it
    from spacy.language import Language
    from spacy.tokens import Doc

LONGEST_RUN = 200  # characters of a whitespace-free run the tokenizer sees at once (URLs fit)
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONGEST_RUN + 1},}}")  # starts only where a run starts: linear
_BREAKS = ("\n\n", "\n", ". ", " ")
_TOKENISH = re.compile(r"\w+|[^\w\s]")
_WORD_CHAR = re.compile(r"[^\W_]")


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, in linear time: whitespace-free runs longer than ``LONGEST_RUN`` are
    tokenized a piece at a time. Text without such runs is tokenized exactly as spaCy would."""
    if len(text) <= LONGEST_RUN or not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    parts, at = [], 0
    for run in _LONG_RUN.finditer(text):
        for cut in range(run.start() + LONGEST_RUN, run.end(), LONGEST_RUN):
            parts.append(text[at:cut])
            at = cut
    parts.append(text[at:])
    from spacy.tokens import Doc

    return Doc.from_docs([nlp.make_doc(p) for p in parts if p], ensure_whitespace=False)


def token_estimate(text: str) -> int:
    """About how many tokens spaCy makes of ``text`` (words and punctuation marks; 10,000 for 60,000
    characters of news prose, one per character for a run of ``&``): what the model's time and memory
    grow with."""
    return len(_TOKENISH.findall(text))


def pieces(text: str, max_tokens: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text`` in pieces of at most about ``max_tokens`` tokens, each cut at the last
    paragraph break in the second half of its window, else the last line break, sentence end or space
    there, else the last paragraph or line break anywhere in it."""
    if len(text) <= max_tokens or token_estimate(text) <= max_tokens:
        yield 0, text
        return
    ends = array("q", (m.end() for m in _TOKENISH.finditer(text)))
    start = first = 0  # first: the index in ends of the first token after start
    while len(ends) - first > max_tokens:
        window_end = ends[first + max_tokens - 1]
        cut = _cut(text, start + (window_end - start) // 2, window_end) or _cut(text, start + 1, window_end, 2)
        if cut is None:
            cut = window_end
        yield start, text[start:cut]
        start, first = cut, bisect.bisect_right(ends, cut)
    yield start, text[start:]


def _cut(text: str, lo: int, hi: int, marks: int = len(_BREAKS)) -> int | None:
    """Just after the last of the first ``marks`` kinds of break found in ``text[lo:hi]``, by preference."""
    for mark in _BREAKS[:marks]:
        found = text.rfind(mark, lo, hi)
        if found != -1:
            return found + len(mark)
    return None


def has_words(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit: every fact needs one, so a piece of an article without any
    (a wall of ``&`` or ``=``) need not go through the model."""
    return _WORD_CHAR.search(text) is not None


def shift(record: dict, offset: int) -> dict:
    """A fact record (as a dict) of a piece starting at ``offset``, with its character offsets moved into
    the whole text: ``start``, ``end`` and every ``*_start`` / ``*_end`` (speaker, verb, person)."""
    if not offset:
        return record
    return {k: v + offset if isinstance(v, int) and not isinstance(v, bool) and _is_offset(k) else v
            for k, v in record.items()}


def _is_offset(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))
