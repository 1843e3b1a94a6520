"""Credit-rating grades the model takes for names: "cut the notes to B-3 from Ba-2", "rated CCC" (ORGs).

A rating agency's grade is written in capitals and digits like an acronym ("CCC", "Baa1", "AA-"), so the
model tags it as an organisation. A grade has a closed form: Moody's scale ("Aaa", "Aa2", "Baa-2", "B3",
"Caa1", "Ca") or the letters of Standard & Poor's and Fitch ("AAA", "BBB+", "CCC", "CC-"). A mention of
that form is dropped when its sentence speaks of ratings (a lemma of ``rating_words.txt``: "rating",
"downgrade", "rated") and a word of ``rating_links.txt`` stands right before or after it ("to B-3 from
Ba-2", "an AA rating", "AAA by"), or the parse makes it what a rating verb gives ("rated the debt BB"),
or when it moves to or from another grade ("lowered the bonds to CCC from B"): an
acronym that looks like a grade ("the CCC said") keeps its label elsewhere.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage
from newsfacts.tokens import token_index

RATED_DEPS = ("oprd", "dobj", "npadvmod", "attr", "xcomp", "dative")  # what a verb rates a thing: "rated it BB"
GRADE_RE = re.compile(r"^(?:Aaa|(?:Aa|A|Baa|Ba|B|Caa)-?[1-3]|Ca|(?:AAA|AA|A|BBB|BB|B|CCC|CC|C|D)[+-]?)$")


class RatingRules(Stage):
    """Drop the mentions that are a credit-rating grade in a sentence about ratings."""

    rating_words: set[str]
    rating_links: set[str]

    def _drop_ratings(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        tk = token_index(doc)
        text = tk.doc_text
        out = []
        for m in mentions:
            grade = text[tk.idx[m.start]:tk.end[m.end - 1]]
            if m.fixed or not GRADE_RE.match(grade):
                out.append(m)
                continue
            if self._graded_pair(tk, m):
                continue  # "to CCC from B": a move between two grades
            if not self._rating_sentence(doc, m):
                out.append(m)
                continue
            before = tk.lower[m.start - 1] if m.start > 0 else ""
            after = tk.lower[m.end] if m.end < tk.n else ""
            if after == "-" and m.end + 1 < tk.n:
                after = tk.lower[m.end + 1]  # "CCC-rated"
            if before not in self.rating_links and after not in self.rating_links and not self._rated(doc, m):
                out.append(m)
        return out

    def _rated(self, doc: Doc, m: Mention) -> bool:
        """The parse makes the grade what a rating word says, or what its object is: "rated it BB", "rated
        the new debt BB" (the grade in apposition to the object)."""
        grade = doc[m.end - 1]
        if grade.dep_ == "appos":
            grade = grade.head  # "the new debt BB"
        if grade.dep_ not in RATED_DEPS or m.start <= grade.head.i < m.end:
            return False  # not "rated a success by the AA"
        return grade.head.lemma_.lower() in self.rating_words or grade.head.lower_ in self.rating_words

    @staticmethod
    def _graded_pair(tk, m: Mention) -> bool:
        """"to CCC from B", "from Baa-2 to Ba-1": the grade moves to or from another grade."""
        before = tk.lower[m.start - 1] if m.start > 0 else ""
        if before not in ("to", "from"):
            return False
        other = "from" if before == "to" else "to"
        if m.end + 1 < tk.n and tk.lower[m.end] == other and GRADE_RE.match(tk.text[m.end + 1]):
            return True
        return m.start >= 3 and tk.lower[m.start - 3] == other and bool(GRADE_RE.match(tk.text[m.start - 2]))

    def _rating_sentence(self, doc: Doc, m: Mention) -> bool:
        sent = doc[m.start].sent
        return any(t.lemma_.lower() in self.rating_words or t.lower_ in self.rating_words for t in sent)
