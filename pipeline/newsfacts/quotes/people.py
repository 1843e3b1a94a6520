"""The people of one article as persons, not strings: which mentions are one person, and their gender.

A speaker is chosen among persons, so "Mr. Trump", "Donald J. Trump" and "Trump" must be one, and a
pronoun must agree with who it names. Names are split with ``nameparser`` (title, first, middle,
last, suffix). A mention is keyed to a person by its canonical name (from ``doc._.entities``); a bare
surname is the first person the article introduced by a full name with that last name; a mention
whose honorific contradicts its canonical name ("Mr. Obama" given as "Michelle Obama") goes to the
person of that last name who fits; a surname taken for an organisation ("Trump" as part of "Trump
Foundation", "Scott" labelled ORG) is the person of that last name.

A canonical name the body of the article never uses (one made from a headline run into the text,
"Obama Says") is replaced by the fullest name the body uses for that entity.

Gender is read from the article first: an honorific or gendered word next to a mention (``Mr``,
``Mrs``, "spokeswoman", "mother": ``gendered_words.txt``). Else from the first name of a full name
through ``gender-guesser`` (a lexicon of about 40,000 first names by country): "male"/"female" is
sure, "mostly_male"/"mostly_female" only a lean; a single word (a surname) is never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsfacts.extensions import doc_text
from newsfacts.namematch import LEAN, SURE, first_name_gender, parse
from newsfacts.quotes.context import Mention


@dataclass(frozen=True, slots=True)
class Name:
    title: str
    first: str
    last: str


@lru_cache(maxsize=50_000)
def parse_name(name: str) -> Name:
    """Title, first and last name, lower case ("Sen. Elizabeth Warren" → sen., elizabeth, warren), read
    by the entities' parser (:func:`newsfacts.namematch.parse`), so speakers and entities agree on a
    name: one word is a surname ("Trump"), "O' Leary" is "o'leary", particles stay ("van gogh")."""
    parsed = parse(name)
    if not parsed.full:
        return Name(parsed.title, "", parsed.words[0].strip(".,") if parsed.words else "")
    return Name(parsed.title, parsed.words[0], " ".join(parsed.surname))


def warm() -> None:
    """Load the first-name lexicon (from the cache folder, ``newsfacts.derived``) and the name parser
    with the pipeline, not inside the first article."""
    first_name_gender.cache_clear()
    first_name_gender("john")
    parse_name("John Smith")


class People:
    """Persons of one Doc: mention → person key (its fullest canonical name), and each person's gender."""

    def __init__(self, doc: Doc, mentions: list[Mention], gender_words: dict[str, str], headline_end: int = 0):
        self.doc = doc
        self.gender_words = gender_words
        persons = [m for m in mentions if m.label == "PERSON"]
        self.renamed = _body_names(doc, persons, headline_end)
        # Full names (first and last) by last name: who a bare surname can be.
        self.by_last: dict[str, list[str]] = {}
        for canonical in dict.fromkeys(self.renamed.get(m.canonical, m.canonical) for m in persons):
            name = parse_name(canonical)
            if name.first and canonical not in self.by_last.get(name.last, []):
                self.by_last.setdefault(name.last, []).append(canonical)
        self._keys: dict[tuple[int, int], str | None] = {}
        # What an honorific or gendered word at each person's mention says, read once ("Mrs Obama": f).
        near = {(m.start, m.end): self._near_genders(m) for m in persons}
        self._honorifics = {at: genders[0] for at, genders in near.items()}
        honorific = [(m, said) for m in persons if (said := self._honorifics[(m.start, m.end)]) is not None]
        # The genders the article itself gives each name: "Mrs Obama" linked to "Michelle Obama".
        self._said = {(self.renamed.get(m.canonical, m.canonical), said) for m, said in honorific}
        self.genders: dict[str, tuple[str, int]] = {}
        for m, said in honorific:
            key = self.key(m)
            if key is not None:
                self._vote(key, said, SURE + 1)
        for m in persons:  # "chairman Jan Berry": a lean, which "Ms Berry" or a first name outweighs
            said = near[(m.start, m.end)][1]
            key = self.key(m) if said is not None else None
            if key is not None:
                self._vote(key, said, LEAN)
        for key in {self.key(m) for m in persons} - {None}:
            name = parse_name(key)
            if name.first:
                g, strength = first_name_gender(name.first)
                if g is not None:
                    self._vote(key, g, strength)

    def learn(self, key: str, gender: str) -> None:
        """A pronoun was resolved to this person: a lean, when nothing surer is known."""
        self._vote(key, gender, LEAN)

    def by_surname(self, word: str) -> str | None:
        """The person a bare surname names: the first full name of the article with that last name."""
        full = self.by_last.get(word.lower())
        return full[0] if full else None

    def _vote(self, key: str, gender: str, strength: int) -> None:
        known = self.genders.get(key)
        if known is None or strength > known[1]:
            self.genders[key] = (gender, strength)

    def _honorific_gender(self, m: Mention) -> str | None:
        """The gender an honorific or gendered word right before or at the start of the mention says."""
        return self._near_genders(m)[0]

    def _near_genders(self, m: Mention) -> tuple[str | None, str | None]:
        """(what an honorific or gendered word right before or at the start of the mention says, what a
        title compounded with "-man" there says: "chairman", "spokesman"). The second is kept apart, a
        lean only: British usage gives those titles to women too ("chairman Jan Berry … Ms Berry")."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None, None
        near = [span[0]]
        if span.start > 0:
            near.append(self.doc[span.start - 1])
        near += [c for c in span.root.children if c.dep_ == "appos"]
        if span.root.dep_ == "appos":
            near.append(span.root.head)
        said: list[str | None] = [None, None]
        for t in near:
            g = self.gender_words.get(t.lower_) or self.gender_words.get(t.lemma_.lower())
            if g:
                k = int(_man_title(t.lower_, g))
                said[k] = said[k] or g
        return said[0], said[1]

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
                return full[0] if full else None
            return None
        if m.label != "PERSON":
            return None
        canonical = self.renamed.get(m.canonical, m.canonical)
        name = parse_name(canonical)
        full = self.by_last.get(name.last, [])
        said = self._honorifics[(m.start, m.end)] if (m.start, m.end) in self._honorifics else self._honorific_gender(m)
        if not name.first and full:
            # A bare surname is the first person the article introduced by that full name ("Cruz"
            # after "Ted Cruz" is Ted, not "his wife, Heidi Cruz"), of the honorific's gender.
            fits = [c for c in full if said is None or self.first_gender(c) in (said, None)]
            canonical = (fits or full)[0]
            name = parse_name(canonical)
        if said is not None and name.first:
            g, strength = first_name_gender(name.first)
            if g is not None and g != said and strength == SURE:
                fits = [c for c in full if self.first_gender(c) in (said, None)]
                if fits:
                    return fits[0]
                # No one of that name fits. The lexicon's gender of a first name is a guess ("Mr Mittal" is
                # Lakshmi Mittal): only the article's own word for the other gender ("Mrs. Obama" too)
                # refuses the name, and the mention keeps its own ("Mr. Obama" → "Obama").
                if (canonical, g) in self._said:
                    own = [w for w in words if w.lower() not in self.gender_words]
                    return " ".join(own) or canonical
        return canonical

    @staticmethod
    def first_gender(full_name: str) -> str | None:
        return first_name_gender(parse_name(full_name).first)[0]

    def canonical(self, name: str) -> str:
        """A canonical name from elsewhere (a role's holder) as a person key: renamed, a surname completed."""
        name = self.renamed.get(name, name)
        if " " not in name:
            return self.by_surname(name) or name
        return name

    def gender(self, key: str | None) -> tuple[str | None, int]:
        if key is None:
            return None, 0
        return self.genders.get(key, (None, 0))


def _man_title(word: str, gender: str) -> bool:
    """A title compounded with "-man" ("chairman", "spokesman"), not "man" itself."""
    return gender == "m" and len(word) > 4 and word.endswith("man")


def _body_names(doc: Doc, persons: list[Mention], headline_end: int) -> dict[str, str]:
    """Canonical names the body never uses, taken from a headline run into the text ("Obama Says",
    "Rip Donald Trump"), → the longest name the body uses for the same entity."""
    text = doc_text(doc)
    body: dict[str, set[str]] = {}
    for m in persons:
        if m.start >= headline_end:
            body.setdefault(m.canonical, set()).add(" ".join(text[m.start : m.end].split()))
    renamed = {}
    for canonical, names in body.items():
        if canonical not in names:
            names = {n for n in names if not n.endswith(("’s", "'s"))} or names
            renamed[canonical] = max(names, key=lambda n: (len(n.split()), len(n)))
    return renamed
