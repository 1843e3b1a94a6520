"""Currency names the model takes for names: "the U.S. Dollar fell", "against the Swiss Franc" (ORGs).

A capitalised currency is no organisation, person or work: a name of two words or more whose last word
is a currency noun of CLDR (babel's data, read by :mod:`newsfacts.cldr`, "dollar", "francs") and
whose words before it are a country's adjective CLDR gives for that noun ("Swiss", "Canadian"), with
"U.S." read as "US", or a nationality or country of the tables, is dropped; the money component reads
the amounts in it. One capitalised word ("the Dollar") is left alone: "Euro" is also a tournament.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.cldr import currency_forms
from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.tokens import token_index


class CurrencyRules(Stage):
    """Drop the names that are a country's currency."""

    def _drop_currencies(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        tk = token_index(doc)
        out = []
        for m in mentions:
            if m.end - m.start > 1 and not m.fixed and self._currency(tk.lower[m.start:m.end]):
                continue
            out.append(m)
        return out

    def _currency(self, words: list[str]) -> bool:
        if words[0] == "the":
            words = words[1:]
        if len(words) < 2:
            return False
        _, bare, adjectives = currency_forms()
        noun = words[-1]
        singular = noun[:-1] if noun.endswith("s") else noun
        if noun not in bare and singular not in adjectives:
            return False
        before = " ".join(words[:-1]).replace(".", "")  # "u.s." -> "us"
        return before in adjectives.get(singular, {}) or name_key(before) in self.demonyms \
            or self.aliases.get(name_key(before)) is not None and self.aliases[name_key(before)].kind == "country"
