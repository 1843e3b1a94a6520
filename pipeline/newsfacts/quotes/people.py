"""The people of one article as persons, not strings: which mentions are one person, and their gender.

A speaker is chosen among persons, so "Mr. Trump", "Donald J. Trump" and "Trump" must be one, and a
pronoun must agree with who it names. Names are split with ``nameparser`` (title, first, middle,
last, suffix). A mention is keyed to a person by its canonical name (from ``doc._.entities``); a bare
surname is the one full name of the article with that last name, when there is exactly one; a mention
whose honorific contradicts its canonical name ("Mr. Obama" given as "Michelle Obama") goes to the
person of that last name who fits; a surname taken for an organisation ("Trump" as part of "Trump
Foundation", "Scott" labelled ORG) is the person of that last name.

Gender is read from the article first: an honorific or gendered word next to a mention (``Mr``,
``Mrs``, "spokeswoman", "mother": ``gendered_words.txt``). Else from the first name of a full name
through ``gender-guesser`` (a lexicon of about 40,000 first names by country): "male"/"female" is
sure, "mostly_male"/"mostly_female" only a lean; a single word (a surname) is never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsfacts.quotes.context import Mention

SURE, LEAN = 2, 1  # how strongly a gender is known


@dataclass(frozen=True, slots=True)
class Name:
    title: str
    first: str
    last: str


@lru_cache(maxsize=50_000)
def parse_name(name: str) -> Name:
    """Title, first and last name, lower case ("Sen. Elizabeth Warren" → sen., elizabeth, warren)."""
    from nameparser import HumanName

    words = name.split()
    if len(words) == 1:  # a surname alone: nameparser would call it a first name
        return Name("", "", words[0].lower().strip(".,"))
    parsed = HumanName(name)
    last = parsed.last or parsed.first
    first = parsed.first if parsed.last else ""
    return Name(parsed.title.lower(), first.lower(), last.lower())


_DETECTOR = None


@lru_cache(maxsize=50_000)
def first_name_gender(first: str) -> tuple[str | None, int]:
    """('f' or 'm', SURE or LEAN) for a first name in gender-guesser's lexicon, else (None, 0)."""
    global _DETECTOR
    if len(first.strip(".")) < 2:  # an initial
        return None, 0
    if _DETECTOR is None:
        from gender_guesser.detector import Detector

        _DETECTOR = Detector(case_sensitive=False)
    guess = _DETECTOR.get_gender(first)
    return {
        "male": ("m", SURE),
        "female": ("f", SURE),
        "mostly_male": ("m", LEAN),
        "mostly_female": ("f", LEAN),
    }.get(guess, (None, 0))


class People:
    """Persons of one Doc: mention → person key (its fullest canonical name), and each person's gender."""

    def __init__(self, doc: Doc, mentions: list[Mention], gender_words: dict[str, str]):
        self.doc = doc
        self.gender_words = gender_words
        persons = [m for m in mentions if m.label == "PERSON"]
        # Full names (first and last) by last name: who a bare surname can be.
        self.by_last: dict[str, list[str]] = {}
        for canonical in dict.fromkeys(m.canonical for m in persons):
            name = parse_name(canonical)
            if name.first and canonical not in self.by_last.get(name.last, []):
                self.by_last.setdefault(name.last, []).append(canonical)
        self._keys: dict[tuple[int, int], str | None] = {}
        self.genders: dict[str, tuple[str, int]] = {}
        for m in persons:
            said = self._honorific_gender(m)
            key = self.key(m)
            if said is not None and key is not None:
                self._vote(key, said, SURE + 1)
        for key in {self.key(m) for m in persons} - {None}:
            name = parse_name(key)
            if name.first:
                g, strength = first_name_gender(name.first)
            elif name.last not in self.by_last:  # one word, maybe a first name used alone ("Melanie")
                g, strength = first_name_gender(name.last)[0], LEAN
            else:
                continue
            if g is not None:
                self._vote(key, g, strength)

    def learn(self, key: str, gender: str) -> None:
        """A pronoun was resolved to this person: a lean, when nothing surer is known."""
        self._vote(key, gender, LEAN)

    def by_surname(self, word: str) -> list[str]:
        """The full names of the article whose last name is ``word`` ("Scott" → ["Bobby Scott"])."""
        return self.by_last.get(word.lower(), [])

    def _vote(self, key: str, gender: str, strength: int) -> None:
        known = self.genders.get(key)
        if known is None or strength > known[1]:
            self.genders[key] = (gender, strength)

    def _honorific_gender(self, m: Mention) -> str | None:
        """The gender an honorific or gendered word right before or at the start of the mention says."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        near = [span[0]]
        if span.start > 0:
            near.append(self.doc[span.start - 1])
        near += [c for c in span.root.children if c.dep_ == "appos"]
        if span.root.dep_ == "appos":
            near.append(span.root.head)
        for t in near:
            g = self.gender_words.get(t.lower_) or self.gender_words.get(t.lemma_.lower())
            if g:
                return g
        return None

    def key(self, m: Mention) -> str | None:
        """The person a mention names: its canonical name, a bare surname completed, honorifics checked."""
        cached = self._keys.get((m.start, m.end), "")
        if cached != "":
            return cached
        key = self._key(m)
        self._keys[(m.start, m.end)] = key
        return key

    def _key(self, m: Mention) -> str | None:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        words = [t.text for t in span] if span is not None else m.canonical.split()
        while words and words[-1] in ("’s", "'s", "’", "'"):
            words = words[:-1]
        if m.label == "ORG":
            # "Trump" taken into "Trump Foundation", or "Scott" labelled an organisation: a one-word
            # mention that is the last name of one full name of the article, with nothing more to it.
            first = words[0].lower() if len(words) == 1 else ""
            canonical = m.canonical.lower()
            if first and (canonical == first or canonical.startswith(first + " ")):
                full = self.by_last.get(first, [])
                return full[0] if len(full) == 1 else None
            return None
        if m.label != "PERSON":
            return None
        canonical = m.canonical
        name = parse_name(canonical)
        full = self.by_last.get(name.last, [])
        if not name.first and len(full) == 1:
            canonical, name = full[0], parse_name(full[0])
        said = self._honorific_gender(m)
        if said is not None and name.first:
            g, strength = first_name_gender(name.first)
            if g is not None and g != said and strength == SURE:
                fits = [c for c in full if first_name_gender(parse_name(c).first)[0] in (said, None)]
                if len(fits) == 1:
                    return fits[0]
        return canonical

    def gender(self, key: str | None) -> tuple[str | None, int]:
        if key is None:
            return None, 0
        return self.genders.get(key, (None, 0))
