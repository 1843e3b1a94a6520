"""One canonical name for an organisation the article writes in several ways.

After labels are settled, names that are one thing but were kept apart take one canonical name:

- spellings that differ only in spaces, dots, hyphens or case ("Time Warner" / "TimeWarner",
  "Warner Bros." / "Warner Bros"): the form the article writes most often;
- a plural of a name ("two Rolls-Royces", "the Emiews" beside "Emiew") with the singular's label, an
  organisation or product: the singular's name; never a person's or a place's ("Dixon" / "Dixons");
- a short form with the same words abbreviated ("Man City", "Man Utd" for "Manchester City",
  "Manchester United"): each word's letters in order in the full word, from its first (the model
  often calls "Man Utd" a person);
- a short form that drops generic last words ("US Customs" for "US Customs Service", "Mitsubishi
  Tokyo" for "Mitsubishi Tokyo Financial Group"): the dropped words are common words of the
  lemmatizer's index, the last an organisation's word (``org_suffixes.txt``; not "Windows XP" for
  "Windows XP Counterfeit Project"), the short form is two words or more and no name of the tables;
- a name without the country a full name of the article puts before it ("the Air Force" after "the
  U.S. Air Force"; not after a nationality: "the Scottish Football Association" is no "Football Association");
- the last word alone ("United" after "Manchester United", "the Federation" after "the Football
  Federation", "Rover" after "MG Rover"), or the first of a name "X of Y" or "X for Y" ("the Bank" after
  "the Bank of England" or "the Reserve Bank of Fiji"; X an organisation's word of ``name_heads.tsv``),
  after the full name, when exactly one name of the article has it so, it is a common word (a name of
  its own, "Chelsea", is its own thing) and no place, nationality or person's name, and no "The" opens
  it ("The Times" is not the "Financial Times").

Conservative by construction: a short form that fits two names of the article links to neither.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.tokens import token_index

_NOT_ALNUM = re.compile(r"[\W_]+")
OF_WORDS = ("of", "for")  # "Bank of England", "Department for Transport": the head word comes first
UNLINKED = ("PERSON", "GPE", "NORP")  # a person's or a place's name is no organisation's variant


class VariantRules(Stage):
    """Link spelling variants, plurals, abbreviations and short forms of organisations' names."""

    def _link_variants(self, doc: Doc, mentions: list[Mention]) -> None:
        self._same_spelling(doc, mentions)
        self._plurals(doc, mentions)
        self._short_variants(doc, mentions)

    def _current(self, doc: Doc, m: Mention) -> str:
        return m.canonical or self._name(doc, m)

    def _same_spelling(self, doc: Doc, mentions: list[Mention]) -> None:
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.label == "ORG":
                groups[_NOT_ALNUM.sub("", self._current(doc, m).lower())].append(m)
        for key, group in groups.items():
            forms = Counter(self._current(doc, m) for m in group)
            if len(forms) < 2 or len(key) < 4:
                continue
            order = {form: -k for k, form in enumerate(self._current(doc, m) for m in reversed(group))}
            best = max(forms, key=lambda f: (forms[f], len(f), order[f]))  # the most frequent, the longest, the first
            for m in group:
                m.canonical = best

    def _plurals(self, doc: Doc, mentions: list[Mention]) -> None:
        singular = {}
        for m in mentions:
            if m.label not in UNLINKED:
                singular.setdefault(name_key(self._current(doc, m)), m)
        for m in mentions:
            key = name_key(self._current(doc, m))
            if m.fixed or m.label not in ("ORG", "PRODUCT") or not key.endswith("s") or key.endswith("ss") \
                    or len(key) < 4 or " " in key:  # not "Delta Airlines", "Lib Dems": one word only
                continue
            one = singular.get(key[:-1])
            if one is not None and one is not m and one.label == m.label:
                m.canonical = self._current(doc, one)

    def _short_variants(self, doc: Doc, mentions: list[Mention]) -> None:
        tk = token_index(doc)
        names, orgs = self._long_names(doc, mentions)
        found: dict[str, str | None] = {}  # one look-up per distinct name: an article repeats its names
        for m in mentions:  # abbreviations first: "Man City" joins "Manchester City" before "City" is looked up
            name = self._current(doc, m)
            if m.label in ("ORG", "PERSON") and not m.fixed and " " in name:
                if name not in found:
                    found[name] = self._one(self._abbreviated(name, names))
                full = found[name]
                if full in orgs and not self._commoner_singular(doc, mentions, name, full):
                    m.label, m.canonical = "ORG", full
        names, orgs = self._long_names(doc, mentions)
        found = {}
        first: dict[str, int] = {}
        for m in mentions:
            first[self._current(doc, m)] = min(first.get(self._current(doc, m), m.start), m.start)
        for m in mentions:
            name = self._current(doc, m)
            key = name_key(name)
            if m.fixed or key in self.aliases or key in self.city_country or key in self.demonyms:
                continue
            if name not in found:
                fits = self._generic_prefix(name, names) + self._without_country(name, names) if " " in name \
                    else self._head_of(name, names)
                found[name] = self._one(fits)
            full = found[name]
            if " " in name:
                ok = m.label not in UNLINKED
            else:
                ok = (m.label == "ORG" or name.lower() in self.name_heads) and self._common_word(name) \
                    and not (m.start and tk.text[m.start - 1] == "The" and not self._opens_sentence(doc, m.start - 1))
            # a short form the article wrote before the full name is a name of its own: "General Motors"
            # long before "General Motors Acceptance Corp" (its finance arm)
            if full in orgs and ok and orgs[full] < first[name]:
                m.label, m.canonical = "ORG", full

    def _long_names(self, doc: Doc, mentions: list[Mention]) -> tuple[dict[str, int], dict[str, int]]:
        """The names of two words or more, of any label (a short form that fits two of them fits none, whatever
        the model called them: "United" beside "Manchester United", taken for a place, and "Shareholders
        United"), and those of organisations, each with where it first appears. An organisation written only
        right after a number is no full name to link to: "by 1300 GMT Carnival's shares" is the model's span."""
        names: dict[str, int] = {}
        orgs: dict[str, int] = {}
        for m in mentions:
            name = self._current(doc, m)
            if " " in name:
                names[name] = min(names.get(name, m.start), m.start)
                if m.label == "ORG" and not (m.start and doc[m.start - 1].like_num):
                    orgs[name] = min(orgs.get(name, m.start), m.start)
        return names, orgs

    def _commoner_singular(self, doc: Doc, mentions: list[Mention], short: str, full: str) -> bool:
        """"Apple iPod" and "Apple iPods" differ by a plural alone: the name written more often is the name."""
        if [w + "s" if w != x else w for w, x in zip(short.split(), full.split(), strict=True)] != full.split():
            return False
        written = Counter(self._current(doc, m) for m in mentions)
        return written[short] >= written[full]

    @staticmethod
    def _one(names: list[str]) -> str | None:
        return names[0] if len(set(names)) == 1 else None

    def _abbreviated(self, name: str, fulls: dict[str, int]) -> list[str]:
        words = name.split()
        return [f for f in fulls if f != name and len(f.split()) == len(words)
                and all(_abbreviates(w, x, self.known_words) for w, x in zip(words, f.split(), strict=True))]

    def _generic_prefix(self, name: str, fulls: dict[str, int]) -> list[str]:
        """Full names that are ``name`` and then one or two common words ("Service", "Financial Group")."""
        words = name.split()
        out = []
        for f in fulls:
            tail = f.split()[len(words):]
            if f.startswith(name + " ") and 1 <= len(tail) <= 2 and tail[-1].lower() in self.org_suffixes \
                    and all(w.istitle() and len(w) > 2 and (w.lower() in self.known_words or w.lower()[:-1]
                                                            in self.known_words and w.endswith("s")) for w in tail):
                out.append(f)
        return out

    def _without_country(self, name: str, fulls: dict[str, int]) -> list[str]:
        """Full names that are a country and then ``name`` ("the Air Force" after "the U.S. Air Force"); ``name``
        is a name's words in title case, not a place. Not after a nationality: "the Football Association" is
        England's, the "Scottish Football Association" another body."""
        words = name.split()
        if not all(w[:1].isupper() or w in self.linking for w in words) or name_key(name) in self.city_country:
            return []
        out = []
        for f in fulls:
            country = f[:-len(name)].strip()
            if f.endswith(" " + name) and country:
                key = name_key(country)
                alias = self.aliases.get(key)
                if alias is not None and alias.kind == "country":
                    out.append(f)
        return out

    def _common_word(self, word: str) -> bool:
        """A word of the lemmatizer's index ("United", "Group", "Rangers"): a name's generic last word, which
        alone stands for the name; "Chelsea" is a name of its own, and in "Injured Chelsea" the model went
        too far."""
        low = word.lower()
        return low in self.known_words or low.endswith("s") and low[:-1] in self.known_words

    def _head_of(self, word: str, fulls: dict[str, int]) -> list[str]:
        """Full names of organisations whose last word is ``word``, every word capitalised, unless written
        like a person's name."""
        out = []
        for f in fulls:
            words = tuple(f.split())
            if words[-1] == word and words[0] != "The" and all(w[:1].isupper() for w in words) \
                    and not self._person_shaped(words) and self._generic_head(words):
                out.append(f)
            elif word in words[:-2] and words[words.index(word) + 1] in OF_WORDS and word.lower() in self.name_heads \
                    and words[0] != "The" and all(w[:1].isupper() or w in self.linking for w in words):
                out.append(f)  # "the Bank" for "Reserve Bank of Fiji", "the Office" for "Office for Rail Regulation"
        return out

    def _generic_head(self, words: tuple[str, ...]) -> bool:
        """The last word is what the name is (an organisation's word: "Group", "United"), or the words before
        it say what kind ("Asian Football Federation", "Shareholders United": a common word; "Chicago Cubs": a
        place; "MG Rover": an acronym). "Schalk Burger" is a man's name, whatever the model called him."""
        if words[-1].lower() in self.name_heads or words[-1].lower() in self.org_suffixes:
            return True
        return any(self._common_word(w) or w.isupper() or name_key(w) in self.city_country
                   or name_key(w) in self.aliases or name_key(w) in self.demonyms for w in words[:-1])


def _abbreviates(short: str, full: str, known: frozenset[str]) -> bool:
    """"Man" of "Manchester", "Utd" of "United": the start of the word, or the same first letter and the rest in
    order for a word that is no word of its own ("News" is not short for "Networks")."""
    if short == full:
        return True
    if len(short) >= len(full) or short[:1] != full[:1] or not short.isalpha():
        return False
    if full.lower().startswith(short.lower()):
        return True
    if short.lower() in known:
        return False
    k = 1
    for letter in short[1:].lower():
        k = full.lower().find(letter, k) + 1
        if not k:
            return False
    return True
