"""People's short forms linked to the full name the article gives them: one canonical name per person.

A surname ("Smith"), a first word ("Xi", "Wang") or an honorific form ("Mr Jackson") takes the full
name of the one person in the article it fits; a surname two people share stays as written unless the
honorific's gender picks one; a first name after a title of rank ("Prince Charles") only joins a full
name written with that title.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import SURE, PersonName, clean_name, first_name_gender, fits, parse, short_forms
from newsfacts.tokens import token_index


class PeopleLinkRules(Stage):
    """Link the short forms of people's names to their full names (``_link_people``)."""

    def _person_key(self, doc: Doc, m: Mention) -> tuple[str, ...]:
        """A mention's name words for matching people: parsed for a person, as written otherwise."""
        text = clean_name(self._name(doc, m))
        return parse(text).words if m.label == "PERSON" else tuple(text.lower().split())

    def _person_names(self, doc: Doc, mentions: list[Mention]) -> tuple[dict, dict]:
        """Full names in the article, one canonical name per person, and the short forms that fit
        exactly one person. The longest name is canonical ("Sadyr Nurgojoevich Japarov"); a shorter
        full name joins it only when it fits no other ("M. Butcher", "Beng Hee")."""
        names: dict[tuple[str, ...], tuple[int, str]] = {}
        for m in mentions:
            if m.label == "PERSON":
                text = clean_name(self._name(doc, m))
                if parse(text).full:
                    names.setdefault(parse(text).words, (m.start, text))
        people: list[tuple[PersonName, str]] = []
        full: dict[tuple[str, ...], str] = {}
        for words, (_, text) in sorted(names.items(), key=lambda kv: (
                -len(kv[0]), sum(len(w.rstrip(".")) == 1 for w in kv[0]), kv[1][0])):
            owners = {canonical for pn, canonical in people if fits(parse(text), pn)}
            if len(owners) == 1:
                full[words] = owners.pop()
            else:
                people.append((parse(text), text))
                full[words] = text
        short: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for pn, canonical in people:
            for form in short_forms(pn):
                short[form].add(canonical)
        self._people = people
        self._shared = {k: v for k, v in short.items() if len(v) > 1}  # "Kilbride" of Simon and Guy Kilbride
        return full, {k: next(iter(v)) for k, v in short.items() if len(v) == 1}

    def _given_names(self) -> dict[tuple[str, ...], str]:
        """First words of full names that point to one person ("Xi" for "Xi Jinping")."""
        given: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for pn, canonical in self._people:
            if len(pn.words[0].rstrip(".")) > 1:
                given[pn.words[:1]].add(canonical)
        return {k: next(iter(v)) for k, v in given.items() if len(v) == 1}

    def _link_people(self, doc: Doc, mentions: list[Mention], seen_as_person: set[tuple[str, ...]]) -> None:
        """Short forms of a full name in the article take its label and name: surnames always,
        a first word ("Xi", "Wang") where the model took it for a person at least once or the
        full name came first. A surname two people share stays as written."""
        full, short = self._person_names(doc, mentions)
        given = self._given_names()
        introduced: dict[str, int] = {}
        titled_as: dict[str, set[str]] = defaultdict(set)  # the title or honorific before a full name
        keys = [self._person_key(doc, m) for m in mentions]
        lower = token_index(doc).lower
        for m, key in zip(mentions, keys, strict=True):
            if m.label == "PERSON" and key in full:
                introduced[full[key]] = min(introduced.get(full[key], m.start), m.start)
                titled_as[full[key]].add(lower[m.start - 1] if m.start else "")
        for m, key in zip(mentions, keys, strict=True):
            if m.label == "PERSON" and key in full:
                m.canonical = full[key]
                continue
            if m.label == "PERSON" and m.source != "rule":
                m.canonical = None  # linked again below, against the names found since
            if m.fixed and m.label != "PERSON":
                continue
            text = self._name(doc, m)
            canonical = short.get(key) if m.label == "PERSON" or text[:1].isupper() else None
            if canonical and not (self.aliases.get(name_key(text)) and m.label == "GPE"):
                m.label = "PERSON"
                m.canonical = canonical
            elif key in self._shared and (owner := self._honorific_owner(doc, m, key)):
                m.label = "PERSON"
                m.canonical = owner
            elif key in self._shared and not self.aliases.get(name_key(text)) and text[:1].isupper():
                m.label = "PERSON"  # a surname two people share: a person, named as written
                if m.start > 0 and self._initial_before(doc, m.start - 1) and not any(
                        o.start <= m.start - 1 < o.end for o in mentions):
                    m.start -= 1  # "S Kilbride": the initial says which one
            elif key in given and not self.aliases.get(name_key(text)) and (
                    self._words(doc, m) in seen_as_person or introduced.get(given[key], m.start) < m.start) and (
                    self._title_agrees(lower[m.start - 1] if m.start else "", titled_as[given[key]])):
                m.label = "PERSON"
                m.canonical = given[key]

    def _title_agrees(self, before: str, full_name_titles: set[str]) -> bool:
        """A first name after a title of rank is the full name's only when the full name had it too ("Sir
        Alex" of "Sir Alex Ferguson"; "Prince Charles" is not "Charles Kennedy"; ``rank_titles.txt``).
        "Mr Wang" of "Wang Yan" is linked: the family name comes first."""
        return before not in self.rank_titles or before in full_name_titles

    def _honorific_owner(self, doc: Doc, m: Mention, key: tuple[str, ...]) -> str | None:
        """"Mr Jackson" after "Michael Jackson" and his mother "Katherine Jackson": of the full names that share
        the surname, the one person whose first name is not surely of the other gender than the honorific's. A
        first name the lexicon only leans on ("Kim", "Sasha") refuses no one, so two can fit: then none."""
        tk = token_index(doc)
        words = [tk.lower[m.start].rstrip(".")] + ([tk.lower[m.start - 1].rstrip(".")] if m.start else [])
        said = next((self.honorific_genders[w] for w in words if w in self.honorific_genders), None)
        if said is None:
            return None
        fits_said = [c for c in sorted(self._shared[key]) if _first_name_allows(c, said)]
        return fits_said[0] if len(fits_said) == 1 else None


def _first_name_allows(full_name: str, gender: str) -> bool:
    """A full name's first name is not surely of the other gender (gender-guesser's "male"/"female")."""
    g, strength = first_name_gender(clean_name(full_name).split()[0])
    return not (strength == SURE and g is not None and g != gender)
