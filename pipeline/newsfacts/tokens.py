"""One Doc's tokens as plain lists, built once and shared by every newsfacts component.

The rules read token texts, offsets and spans hundreds of times per article; every ``doc[i]`` builds
a new Token object, and a fresh index per component would repeat the work. The index is kept beside
the Doc (not in ``doc.user_data``, which spaCy serialises) for as long as the Doc lives.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, IS_PUNCT, LENGTH
from spacy.tokens import Doc

from newsfacts.extensions import doc_text

_SPACES = re.compile(r"\s+")


class TokenIndex:
    """Token texts, lower forms, character offsets and punctuation flags; memoised span words and names."""

    __slots__ = ("text", "lower", "idx", "end", "punct", "doc_text", "n", "_words", "_names", "_sent_starts",
                 "__weakref__")

    def __init__(self, doc: Doc) -> None:
        self.doc_text = text = doc_text(doc)
        self.n = len(doc)
        columns = doc.to_array([IDX, LENGTH, IS_PUNCT]).T.tolist() if len(doc) else [[], [], []]
        self.idx, lengths, self.punct = columns
        self.end = [i + n for i, n in zip(self.idx, lengths, strict=True)]
        self.text = [text[i:e] for i, e in zip(self.idx, self.end, strict=True)]
        self.lower = [t.lower() for t in self.text]
        self._words: dict[tuple[int, int], tuple[str, ...]] = {}
        self._names: dict[tuple[int, int], str] = {}
        self._sent_starts: list[int] | None = None

    def span(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.doc_text[self.idx[start]:self.end[end - 1]] if end > start else ""

    def words(self, start: int, end: int) -> tuple[str, ...]:
        """The words of a span without punctuation other than ".": "Wal-Mart" is ("Wal", "Mart")."""
        key = (start, end)
        if (found := self._words.get(key)) is None:
            text, punct = self.text, self.punct
            found = self._words[key] = tuple(text[i] for i in range(start, end) if not punct[i] or text[i] == ".")
        return found

    def name(self, start: int, end: int) -> str:
        """The span's text on one line."""
        key = (start, end)
        if (found := self._names.get(key)) is None:
            found = self._names[key] = _SPACES.sub(" ", self.span(start, end))
        return found

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the token before it, with no space between ("Teng" "-" "hui", "160" "GB")."""
        return 0 < i < self.n and self.idx[i] == self.end[i - 1]

    def first_from(self, char: int) -> int:
        """Index of the first token starting at or after character ``char`` (``n`` if none)."""
        return bisect_left(self.idx, char)

    def at(self, char: int) -> int | None:
        """Index of the token containing character ``char`` or, in whitespace, the token after it."""
        if not self.n:
            return None
        i = bisect_right(self.idx, char) - 1
        if i < 0:
            return 0
        if char >= self.end[i] and i + 1 < self.n:
            return i + 1
        return i

    def sentence_starts(self, doc: Doc) -> list[int]:
        """Token index where each sentence starts, then ``len(doc)``."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in doc.sents] + [len(doc)]
        return self._sent_starts

    def sentence_of(self, doc: Doc, i: int) -> tuple[int, int]:
        """Start and end (token indices) of the sentence of token ``i``: ``doc[i].sent`` without walking the Doc."""
        starts = self.sentence_starts(doc)
        k = bisect_right(starts, i) - 1
        return starts[k], starts[k + 1]


_INDEXES: weakref.WeakKeyDictionary[Doc, TokenIndex] = weakref.WeakKeyDictionary()


# The Doc asked about last (weakly) and its index: the components ask hundreds of times per article
# for the Doc in hand, and a weak-dictionary lookup each time cost more than the index saves.
_LAST: list = [lambda: None, None]


def token_index(doc: Doc) -> TokenIndex:
    """The Doc's index, built on first use."""
    if _LAST[0]() is doc:
        return _LAST[1]
    index = _INDEXES.get(doc)
    if index is None or index.n != len(doc):
        index = _INDEXES[doc] = TokenIndex(doc)
    _LAST[:] = [weakref.ref(doc), index]
    return index
