"""People's names read as names: honorific, given names, surname, suffix (``nameparser``).

A short form belongs to a full name when its words are the full name's words in order, ending
with the surname, each either equal or an initial of it: "Singh", "Beng Hee", "M. Butcher" and
"Mr. Jobs" fit "Ong Beng Hee", "Mark Butcher", "Steve Jobs"; "Manmohan Singh" does not fit
"Natwar Singh". nameparser knows titles, suffixes ("Jr.", "III") and surname particles ("bin",
"van der"), so "Martin Luther King Jr." has the surname "King" and "bin Laden" stays one surname.
The same functions decide, across articles, whether two canonical names can be one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS

# "O' Leary" in tokenized text is "O'Leary".
_SPACED_APOSTROPHE = re.compile(r"\b([A-Z]['’]) (?=[A-Z])")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_SUFFIXES = CONSTANTS.suffix_acronyms | CONSTANTS.suffix_not_acronyms
_PREFIXES = CONSTANTS.prefixes


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name without honorifics and suffixes, as lower-case words ("teng-hui" is one word)."""

    words: tuple[str, ...]
    surname: tuple[str, ...]  # the last name, with its particles ("bin", "laden")
    title: str  # the honorific or title nameparser found ("mr.", "dr."), lower case

    @property
    def full(self) -> bool:
        """Two or more name words: a name that can stand for a person on its own."""
        return len(self.words) >= 2


def clean_name(text: str) -> str:
    """A name as it is shown: one line, "O' Leary" joined."""
    return _SPACED_APOSTROPHE.sub(r"\1", " ".join(text.split()))


@lru_cache(maxsize=1 << 14)
def parse(text: str) -> PersonName:
    """Parse a person's name; cached, since one article repeats its names."""
    human = HumanName(clean_name(text))
    words = tuple(w.lower().rstrip(",") for w in " ".join(
        p for p in (human.first, human.middle, human.last) if p).split())
    if not words:  # a title alone ("President"): keep the text as it is
        words = tuple(w.lower() for w in clean_name(text).split())
    words = tuple(w for w in words if w.rstrip(".") not in _SUFFIXES or w == words[0])
    surname = tuple(w.lower() for w in human.last.split()) or words[-1:]
    return PersonName(words, surname, human.title.lower())


def _same_word(short: str, full: str) -> bool:
    """Equal, or an initial of the full word ("m." of "mark", "j" of "jean-pierre")."""
    if short == full:
        return True
    return bool(_INITIAL.match(short)) and full[:1] == short[:1]


def fits(short: PersonName, full: PersonName) -> bool:
    """``short`` can be written for the person called ``full``: its words are ``full``'s words in
    order (equal or initials), and it ends with the surname."""
    s, f = short.words, full.words
    if not s or len(s) > len(f) or s[-1] != f[-1]:
        return False
    if len(s) == 1:
        return True  # the surname, or its last word ("Laden" of "bin Laden")
    k = 0
    for word in s[:-1]:
        while k < len(f) - 1 and not _same_word(word, f[k]):
            k += 1
        if k >= len(f) - 1:
            return False
        k += 1
    # the given name (or its initial) comes first, or the short form is the name's whole tail ("Beng Hee")
    return _same_word(s[0], f[0]) or s == f[len(f) - len(s):]


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person: one fits the other ("Mark Butcher" / "M. Butcher")."""
    return a.full and b.full and (fits(a, b) or fits(b, a))


def short_forms(name: PersonName) -> list[tuple[str, ...]]:
    """The tails of a full name that can stand for it ("singh", "beng hee"), and a surname without
    its particle ("assad" of "al-assad")."""
    forms = [name.words[k:] for k in range(1, len(name.words))]
    head, _, rest = name.words[-1].partition("-")
    if rest and (head in _PREFIXES or head + "-" in _PREFIXES):
        forms.append((rest,))
    return forms
