"""The labels of a wire results table's rows, which the model takes for names: "Avg shrs 25.3 mln vs 10.3 mln"
("Avg" a PERSON), "Revs 9.7 mln vs 8.4 mln".

A results row is a line of its own holding a label of up to five words and two figures compared with "vs",
each perhaps with "profit" or "loss" before it and a scale or currency abbreviation after it; the first row
may follow the dateline's dash ("NEW YORK, March 2 - Oper shr loss three cts vs profit 27 cts"). Nothing
but the figures follows the label, so it names what they measure, never a person or a firm. A line with a
name after "vs" ("Chelsea 2 vs Arsenal 1") is no such row.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage
from newsfacts.tokens import token_index

_FIGURE = (r"(?:(?:profit|loss)[ \t]+)?(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
           r"(?:[ \t]+(?:mln|billion|dlrs|cts|pct)\.?)*")
_ROW = re.compile(rf"(?:^[ \t]*|[ \t]-[ \t]+)(?P<label>[A-Z][A-Za-z.&'/-]*(?:[ \t]+[A-Za-z][A-Za-z.&'/-]*){{0,4}})"
                  rf"[ \t]+{_FIGURE}[ \t]+vs\.?[ \t]+{_FIGURE}[ \t]*$", re.M)


class LedgerRules(Stage):
    """Drop the mentions inside the label of a results row."""

    def _drop_row_labels(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        tk = token_index(doc)
        if " vs" not in tk.doc_text:
            return mentions
        labels = [m.span("label") for m in _ROW.finditer(tk.doc_text)]
        if not labels:
            return mentions
        return [m for m in mentions if m.fixed or not any(
            s <= tk.idx[m.start] and tk.end[m.end - 1] <= e for s, e in labels)]
