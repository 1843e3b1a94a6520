"""When two names can be one thing: people's names read as names, organisations without legal suffixes.

No spaCy here: the entities component links names within an article with these functions, and the
store links canonical names across articles with them (``store._link_entities``).

People's names are parsed by ``nameparser`` (honorific, given names, surname, suffix); first names
are looked up in ``gender-guesser``'s lexicon (whether a word is a first name, and its usual gender).

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

from cleanco import basename
from cleanco.clean import normalized, prepare_default_terms, strip_punct, strip_tail
from nameparser import HumanName
from nameparser.config import CONSTANTS

from newsfacts.derived import cached


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Case-, space- and determiner-insensitive lookup key of a name."""
    text = re.sub(r"\s+", " ", text.strip()).lower().replace("’", "'")
    if text.startswith("the "):
        text = text[4:]
    return text


# "O' Leary" in tokenized text is "O'Leary".
_SPACED_APOSTROPHE = re.compile(r"\b([A-Z]['’]) (?=[A-Z])")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_SUFFIXES = CONSTANTS.suffix_acronyms | CONSTANTS.suffix_not_acronyms
# Letters written after a person's name ("QC", "OBE", "MBE"), as nameparser lists them.
POST_NOMINALS = frozenset(CONSTANTS.suffix_acronyms)
_PREFIXES = CONSTANTS.prefixes
# Words nameparser reads as more than a given name or surname (as its lists are when this module is imported).
_RESERVED = frozenset().union(CONSTANTS.titles, CONSTANTS.prefixes, CONSTANTS.conjunctions, _SUFFIXES,
                              CONSTANTS.bound_first_names, CONSTANTS.first_name_titles,
                              CONSTANTS.non_first_name_prefixes)
_PLAIN_WORD = re.compile(r"[^\W\d_]+\.?")
_ROMAN = re.compile(r"[ivxlcdm]+")
_GENERATION_NUMERAL = re.compile(r"i{1,3}|iv|vi{0,3}|ix|x")  # "III", not the "MD" after a doctor's name


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name without honorifics and suffixes, as lower-case words ("teng-hui" is one word)."""

    words: tuple[str, ...]
    surname: tuple[str, ...]  # the last name, with its particles ("bin", "laden")
    title: str  # the honorific or title nameparser found ("mr.", "dr."), lower case
    generation: str = ""  # "jr", "sr", "iii": which of a family's people of one name

    @property
    def full(self) -> bool:
        """Two or more name words: a name that can stand for a person on its own."""
        return len(self.words) >= 2


@lru_cache(maxsize=1 << 14)
def clean_name(text: str) -> str:
    """A name as it is shown: one line, "O' Leary" joined. Cached: the entity rules ask for each mention's."""
    return _SPACED_APOSTROPHE.sub(r"\1", " ".join(text.split()))


@lru_cache(maxsize=1 << 14)
def parse(text: str) -> PersonName:
    """Parse a person's name; cached, since one article repeats its names."""
    text = clean_name(text)
    plain = _plain_name(text)
    if plain is not None:
        return plain
    human = HumanName(text)
    words = tuple(w.lower().rstrip(",") for w in " ".join(
        p for p in (human.first, human.middle, human.last) if p).split())
    if not words:  # a title alone ("President"): keep the text as it is
        words = tuple(w.lower() for w in text.split())
    words = tuple(w for w in words if w.rstrip(".") not in _SUFFIXES or w == words[0])
    surname = tuple(w.lower() for w in human.last.split()) or words[-1:]
    return PersonName(words, surname, human.title.lower(), _generation(human.suffix))


_GENERATIONS = {"jr": "jr", "jnr": "jr", "junior": "jr", "sr": "sr", "snr": "sr", "senior": "sr"}


def _generation(suffix: str) -> str:
    """The suffix that tells a son from his father ("Jr.", "Snr", "III"), not letters after a name ("QC")."""
    for word in suffix.replace(",", " ").lower().split():
        word = word.rstrip(".")
        if word in _GENERATIONS:
            return _GENERATIONS[word]
        if _GENERATION_NUMERAL.fullmatch(word):
            return word
    return ""


def _plain_name(text: str) -> PersonName | None:
    """The parse of a name of up to four plain words ("Gordon Brown", "J. Smith") that are no title, particle,
    conjunction, suffix or Roman numeral in nameparser's lists, without running nameparser: for such a name
    it gives the first word as given name and the last as surname, and it costs fifty times as much."""
    words = text.split()
    if not words or len(words) > 4:
        return None
    lower = tuple(w.lower() for w in words)
    for word, low in zip(words, lower, strict=True):
        if (not _PLAIN_WORD.fullmatch(word) or low in _RESERVED or low.rstrip(".") in _RESERVED
                or _ROMAN.fullmatch(low) or word.endswith(".") and len(word) > 2):
            return None
    return PersonName(lower, lower[-1:], "")


def _same_word(short: str, full: str) -> bool:
    """Equal, or an initial of the full word ("m." of "mark", "j" of "jean-pierre")."""
    if short == full:
        return True
    return bool(_INITIAL.match(short)) and full[:1] == short[:1]


def fits(short: PersonName, full: PersonName) -> bool:
    """``short`` can be written for the person called ``full``: the surname, a tail of the name
    ("Beng Hee"), or the given name (or its initial) and the surname, with the same middle names
    or none ("George Bush" fits "George W. Bush"; "George W. Bush" does not fit "George H. W. Bush")."""
    s, f = short.words, full.words
    if not s or len(s) > len(f) or s[-1] != f[-1]:
        return False
    if len(s) == 1 or s == f[len(f) - len(s):]:
        return True
    if not _same_word(s[0], f[0]):
        return False
    middle, full_middle = s[1:-1], f[1:-1]
    return not middle or (len(middle) == len(full_middle) and all(map(_same_word, middle, full_middle)))


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


def same_person_across(a: str, b: str) -> bool:
    """Two canonical names from different articles can be one person: both full names with the
    same surname and the same first given name written out, the rest fitting ("George Bush" /
    "George W. Bush"). Never a surname alone, never on initials alone ("M. Butcher" / "Mark Butcher"),
    never two generations ("Douglas Fairbanks Jr" / "Sr"); a middle name left out is an initial or a
    particle, since a middle name written out tells people apart ("Jerry Lewis" / "Jerry Lee Lewis")."""
    pa, pb = parse(a), parse(b)
    if not (pa.full and pb.full) or pa.words[0] != pb.words[0] or len(pa.words[0].rstrip(".")) < 2:
        return False
    if pa.generation and pb.generation and pa.generation != pb.generation:
        return False
    short, full = sorted((pa, pb), key=lambda p: len(p.words))
    left_out = full.words[1:-1] if len(short.words) == 2 else ()
    if any(not _INITIAL.match(w) and w not in _PREFIXES for w in left_out):
        return False
    return fits(pa, pb) or fits(pb, pa)


@lru_cache(maxsize=1 << 14)
def org_key(name: str) -> str:
    """An organisation's name without a legal form ("Inc.", "PLC", "N.V.", "GmbH": cleanco's terms
    of many countries) or a leading "the", lower case: "Apple Inc." and "Apple" have one key. Cached:
    cleanco tries every term on every name, and an article repeats its names."""
    text = " ".join(name.split())
    if text.lower().startswith("the "):
        text = text[4:]
    base = _basename(text) or text
    return " ".join(base.lower().replace("’", "'").split())


def has_legal_form(name: str) -> bool:
    """The name ends in a legal form that ``org_key`` takes off ("Halcot Freight Lines Inc", "News Corp")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return len(org_key(name).split()) < len(words)


# The last word of each of cleanco's legal terms, as it compares them (case-folded, accents and "." "," "-" off).
_TERM_ENDS = frozenset(parts[-1] for _, parts in prepare_default_terms())


def _basename(text: str) -> str:
    """cleanco's ``basename``: it drops legal terms only from the end, so a name whose last word ends no term
    comes back as written, without its test of every term (five times the cost)."""
    name = strip_tail(text)
    words = normalized(name).split()
    if words and strip_punct(words[-1]) in _TERM_ENDS:
        return basename(text)
    return strip_tail(" ".join(name.split()))


# --- first names ----------------------------------------------------------------------------------

SURE, LEAN = 2, 1  # how strongly a first name's gender is known
_VERDICTS = {"male": ("m", SURE), "female": ("f", SURE), "mostly_male": ("m", LEAN), "mostly_female": ("f", LEAN)}
_GENDERS: dict[str, str] | None = None


@lru_cache(maxsize=50_000)
def first_name_gender(first: str) -> tuple[str | None, int]:
    """('f' or 'm', SURE or LEAN) for a first name in gender-guesser's lexicon, else (None, 0)."""
    global _GENDERS
    if len(first.strip(".")) < 2:  # an initial
        return None, 0
    if _GENDERS is None:
        _GENDERS = cached("first-names", "gender-guesser", first_name_genders)
    return _VERDICTS.get(_GENDERS.get(first.lower(), ""), (None, 0))


def first_name_genders() -> dict[str, str]:
    """Every name of gender-guesser's lexicon (lower case) whose ``Detector.get_gender`` says male,
    female, mostly_male or mostly_female; the others are andy or unknown alike for us."""
    found = detector()
    return {name: g for name in found.names if (g := found.get_gender(name)) in _VERDICTS}


def detector():
    """gender-guesser's ``Detector(case_sensitive=False)``, its lexicon read twice as fast.

    The Detector reads its 48,000 lines through ``codecs.open``, whose line reader costs more than
    the parsing; this one reads the same file with the same per-line parser through ``open``.
    """
    from gender_guesser.detector import Detector

    class _Detector(Detector):
        def _parse(self, filename: str) -> None:
            self.names = {}
            eat = self._eat_name_line
            with open(filename, encoding="utf-8") as lines:
                for line in lines:
                    eat(line.strip())

    return _Detector(case_sensitive=False)
