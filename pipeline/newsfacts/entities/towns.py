"""Towns the model takes for people: "in Monterrey", "the Larne athlete", "their native Monterrey".

The model reads a town it does not know as a surname. A "person" whose whole name is a town of the
GeoNames table (``city_countries.tsv``) is a place when the article uses it as one at least once: listed
with a place ("Stansted and Luton airports"), or
the object of a locative preposition ("in", "near", "outside"), a word after a determiner that
modifies a noun for a person after it (``person_nouns.txt``: "the Larne athlete"; not "the Dole
campaign", a candidate's, nor "the Wigan striker", a club's role), or a word after one saying where
someone is from ("their native Monterrey"). The label is not fixed: a club's cue read later (a side in
a contest, a player's role) makes the name a club. Many towns are surnames
too ("Preston", "Lincoln"), so the name is left a person when it is no place in any of its sentences,
when the article names someone in full with it ("Jack Preston") or when it is a first name in
gender-guesser's lexicon.

:meth:`~newsfacts.entities.kinds.KindRules._place_after_preposition` labels one mention at a time
("near Bristol"), as a club named for its town stays a club elsewhere; a "person" that is a town is no
person anywhere in the article, so here the decision is the article's, and made before people's names
are linked (a town is no one's surname).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from newsfacts.entities.kinds import PLACE_PREPS
from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.entities.products import OWNERS
from newsfacts.namematch import first_name_gender
from newsfacts.tokens import token_index

PLACE_PREPOSITIONS = PLACE_PREPS | {"around", "across", "throughout"}
ORIGIN_WORDS = frozenset({"native", "home", "hometown", "adopted"})
LISTED_PLACES = ("GPE", "LOC")


class TownRules(Stage):
    """Relabel as places the "people" that are towns the article uses as places."""

    person_nouns: set[str]

    def _towns_as_people(self, doc: Doc, mentions: list[Mention]) -> None:
        tk = token_index(doc)
        groups: dict[str, list[Mention]] = defaultdict(list)
        in_full: set[str] = set()
        for m in mentions:
            if m.label == "PERSON":
                words = self._words(doc, m)
                if len(words) > 1:
                    in_full.update(name_key(w) for w in words)
                groups[name_key(tk.span(m.start, m.end))].append(m)
        places: set[int] | None = None  # tokens of the places below a country, read for the first candidate
        for key, group in groups.items():
            if key not in self.city_country or key in in_full or any(m.fixed for m in group) \
                    or first_name_gender(tk.text[group[0].start])[1]:
                continue
            if places is None:
                places = {i for m in mentions if m.label in LISTED_PLACES and getattr(self.aliases.get(
                    name_key(tk.span(m.start, m.end))), "kind", "") != "country" for i in range(m.start, m.end)}
            titled = any(m.start and tk.lower[m.start - 1].rstrip(".") in self.role_words for m in group)
            if any(self._used_as_place(doc, m) or not titled and self._listed_with_place(doc, m, places)
                   for m in group):
                for m in group:
                    m.label = "GPE"  # not fixed: a club's cue read later may make it a club ("the Larne side")

    @staticmethod
    def _listed_with_place(doc: Doc, m: Mention, places: set[int]) -> bool:
        """The name is listed with a place below a country ("Heathrow, Stansted and Luton airports"): a list is
        of one kind; not "Obama and China", nor a name the article gives a title ("Mr Obama")."""
        last = doc[m.end - 1]
        partners = [last.head] if last.dep_ == "conj" else []
        partners += [c for c in last.children if c.dep_ == "conj"]
        return any(p.i in places and not m.start <= p.i < m.end for p in partners)

    def _used_as_place(self, doc: Doc, m: Mention) -> bool:
        """The sentence reads the name as a place: after "in", or as a modifier after a determiner."""
        tk = token_index(doc)
        if m.start == 0:
            return False
        prev = tk.lower[m.start - 1]
        head = doc[m.end - 1].head
        if prev in PLACE_PREPOSITIONS and doc[m.end - 1].dep_ == "pobj" and head.i == m.start - 1:
            return True
        before = self.determiners | OWNERS  # "the", "a", "his", "their"
        if prev in ORIGIN_WORDS and m.start > 1 and tk.lower[m.start - 2] in before:
            return True  # "their native Monterrey"
        return prev in before and m.end < tk.n and tk.text[m.end].islower() and head.i == m.end \
            and tk.lower[m.end] in self.person_nouns  # "the Larne athlete"; not "the Wigan striker", a club's
