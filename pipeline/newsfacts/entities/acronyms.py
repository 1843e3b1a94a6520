"""Short forms that spell an organisation's name, beyond capitals right after it in brackets.

:meth:`~newsfacts.entities.names.NameRules._link_acronyms` binds an acronym in capitals to the name
whose initials it is. Much news writes an acronym said as a word in title case ("Nato", "Apec",
"Bat" for British American Tobacco), keeps the letter of a linking word ("BoE": Bank of England;
"Apacs": Association of Payment and Clearing Services) and names a body with its country first
while its acronym leaves the country out ("US Department of Energy (DOE)"). These helpers give the
forms such a name can be shortened to, and say which written words are shaped like one; a short form
in mixed case must spell the initials of the name's words (a first-letter match), not merely have
its letters in order, as a word in title case is so often a word or a name of its own.
"""

from __future__ import annotations

import re
from itertools import product

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.tokens import token_index

MIXED_RE = re.compile(r"^[A-Z][A-Za-z]{2,5}$")
MAX_LINKING = 4  # linking words of one name whose letters are tried in and out (2**4 forms)


def mixed_case_acronym(word: str) -> bool:
    """Shaped like an acronym written in mixed case: three to six letters, a capital first and not all
    capitals ("Nato", "Apacs", "BoE"); capitals alone are ``ACRONYM_RE``'s."""
    return bool(MIXED_RE.match(word)) and not word.isupper()


def spelled_initials(words: list[str], linking: set[str]) -> set[str]:
    """The initials of a name in capitals, each linking word's letter in or out: "BE" and "BOE" for
    "Bank of England", "APCS" and "APACS" (among others) for "Association of Payment and Clearing
    Services". ``words`` are the name's words (a hyphenated word given as its parts: "Asia", "Pacific");
    a lower-case word that is no linking word, or any word without letters, gives no letter."""
    parts: list[tuple[str, ...]] = []
    for w in words:
        if not w[:1].isalpha():
            continue
        if w.lower() in linking and not w[:1].isupper():
            parts.append(("", w[0].upper()))
        elif w[:1].isupper():
            parts.append((w[0],))
    if sum(len(p) > 1 for p in parts) > MAX_LINKING or sum(len(p) == 1 for p in parts) < 2:
        return set()
    return {"".join(letters) for letters in product(*parts) if len("".join(letters)) >= 2}


class AcronymRules(Stage):
    """The acronyms an organisation's name spells, for :meth:`NameRules._link_acronyms`."""

    def _spelled(self, doc: Doc, m: Mention) -> set[str]:
        """The acronyms an organisation's name spells (``spelled_initials``), with and without a
        country or nationality before it ("US Department of Energy": "USDOE", "DOE")."""
        words = list(token_index(doc).text[m.start:m.end])
        forms = spelled_initials(words, self.linking)
        key = name_key(words[0])
        alias = self.aliases.get(key)
        if len(words) > 2 and (alias is not None and alias.kind == "country" or key in self.demonyms):
            forms |= spelled_initials(words[1:], self.linking)
        return forms
