"""A sports club's short name: "Milan" for "AC Milan", "Madrid" or "Atletico" for "Atletico Madrid",
"United" for "Manchester United", anywhere in the article that names the club in full.

A club's full name of two words is built in one of two ways: a word that opens clubs' names and a town
("Real Madrid", "Inter Milan": ``club_openers.txt``), or a town and a word only clubs end in ("Manchester
United", "Bristol Rovers": the ``club`` words of ``name_heads.tsv``). Reports call the club by either word
alone, before the full name as often as after it ("Ferguson fears Milan" over "... against AC Milan"). A
one-word name the article does not use as a place (the model's organisation, person, event or product) that
is a word of exactly one such full name of the article is that club: an organisation, with the full name as
its canonical name. A word of two clubs' names ("Milan" beside "AC Milan" and "Inter Milan") is neither's;
the town the model tagged as a place stays the town ("the San Siro in Milan").
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage
from newsfacts.tokens import token_index

SHORT_LABELS = frozenset({"ORG", "PERSON", "EVENT", "PRODUCT", "NORP"})


class ClubNameRules(Stage):
    """Link a club's one-word short names to its full name in the article."""

    club_openers: set[str]

    def _club_short_forms(self, doc: Doc, mentions: list[Mention]) -> None:
        words: dict[str, set[str]] = defaultdict(set)  # a word of a club's full name -> the full names
        for m in mentions:
            full = self._club_name(doc, m)
            if full:
                for word in full.split():
                    words[word].add(full)
        if not words:
            return
        tk = token_index(doc)
        for m in mentions:
            if m.end - m.start != 1 or m.fixed or m.label not in SHORT_LABELS:
                continue
            fulls = words.get(tk.text[m.start])
            if fulls and len(fulls) == 1 and (m.canonical is None or " " not in m.canonical
                                              or m.canonical in fulls):
                m.label, m.canonical = "ORG", next(iter(fulls))

    def _club_name(self, doc: Doc, m: Mention) -> str | None:
        """The name, when it is a club's full name of two words: an opener and a town, or a town and a club's
        last word, all capitalised."""
        if m.label != "ORG":
            return None
        name = m.canonical or self._name(doc, m)
        parts = name.split()
        if len(parts) != 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in parts):
            return None
        first, last = (w.lower() for w in parts)
        return name if first in self.club_openers or last in self.club_heads else None
