"""A NORP is a nationality, a religion or a political group, and needs a word that says so: "the Tories",
"Muslims", "an Irishman", "anti-American", "Siberian"; not "Coldplay", "Tiscali" or "TiVo".

The model calls many a one-word name it does not know NORP, above all plurals and brand names. A name
keeps the label when one of its words (past a prefix such as "anti-" or "non-") is a nationality of the
tables (``countries.tsv``, ``regional_demonyms.txt``), a group's word (``group_adjectives.txt``: faiths
and peoples), a political group's word (``party_words.txt``), a nationality with "-man" ("Welshman"), or
the adjective of a place of the tables ("Viennese" of Vienna), a language's name (CLDR through babel:
"Afrikaans", "Chechen"), or an adjective to the tagger ("the Siberian delegation"; a brand or a band is
a noun). pycountry and babel give no demonyms (CLDR has country and language names), so the
nationality adjectives come from the tables. Other "NORP"s become organisations, the nearest kind of
group (a band, a firm, a club's nickname), unless they are a place of the tables, or a GeoNames town
written as a place ("at Cannes", "the Cannes ceremony", which a NORP qualifying a noun also becomes). A
"person" whose whole name is a political group's ("Lib Dems") is the party.

The other way round, people named by their nation's word are a NORP whatever the model guessed: a
plural name all of nationality words ("Frenchmen", "Asian Britons", "New Yorkers": places or
organisations to the model). A town's people named irregularly ("Liverpudlians") are left: their shape
("-ians") is a club's too ("Corinthians", "Barbarians").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.cldr import language_names
from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import first_name_gender
from newsfacts.tokens import token_index

PREFIX = re.compile(r"^(?:anti|non|pan|pro|un|post|ex|neo|pre)-", re.IGNORECASE)
MAN_SUFFIXES = ("woman", "women", "man", "men")
# adjective endings and what a place's name ends in instead: "Siberian" Siberia, "Viennese" Vienna
ADJECTIVE_ENDINGS = (("ian", ("ia", "y", "")), ("an", ("a", "", "e")), ("n", ("",)), ("ese", ("a", "")),
                     ("i", ("",)), ("ic", ("ia", "")), ("er", ("",)))  # "Londoner" of London
PLACE_LABELS = ("GPE", "LOC")
AT_PLACE = frozenset({"in", "at", "near", "outside", "to", "from"})  # "at Cannes": a town's name after them


def singular(word: str) -> str:
    """"tories" -> "tory", "muslims" -> "muslim"; other words as they are."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class PeopleRules(Stage):
    """Keep NORP for names with a people's word; the others are organisations."""

    party_words: set[str]
    group_adjectives: set[str]

    def _party_name(self, words: str) -> bool:
        """All of ``words`` name a political group: "Labour", "Tories", "Lib Dems", "Liberal Democrat"."""
        low = " ".join(words.lower().split())
        return low in self.party_words or singular(low) in self.party_words

    def _people_word(self, word: str, parties: bool = True) -> bool:
        """One word names a nationality, a faith, a people or (with ``parties``) a political group."""
        word = PREFIX.sub("", word)
        if not word[:1].isalpha():
            return False
        key = name_key(word)
        low = word.lower()
        one = name_key(singular(low))
        if key in self.demonyms or key in self.regional or one in self.demonyms or one in self.regional:
            return True
        for form in (low, singular(low)):
            if form in self.group_adjectives or parties and form in self.party_words:
                return True
        if low in language_names():
            return True
        for suffix in MAN_SUFFIXES:  # "Irishman", "Frenchmen"
            if low.endswith(suffix) and len(low) > len(suffix) + 2 and name_key(low[:-len(suffix)]) in self.demonyms:
                return True
        base_word = singular(low)
        for ending, place_ends in ADJECTIVE_ENDINGS:
            if base_word.endswith(ending) and len(base_word) > len(ending) + 2:
                base = base_word[:-len(ending)]
                for end in place_ends:
                    alias = self.aliases.get(name_key(base + end))
                    if alias is not None and alias.label in PLACE_LABELS:
                        return True
        return False

    def _people_name(self, name: str) -> bool:
        """The whole name, or one of its words, is a people's word: "West German", "Roman Catholics",
        "African-American", "Liberal Democrats"."""
        key = name_key(name)
        if key in self.demonyms or key in self.regional or self._party_name(name):
            return True
        return any(self._people_word(w) for w in re.split(r"[\s\-–]+", name) if w)

    @staticmethod
    def _qualifies(doc: Doc, m: Mention) -> bool:
        """The name qualifies a common noun right after it ("the X final", "X rifles", "X separatists"):
        a people's, a maker's, a contest's or a place's name may do so; the cues read later decide."""
        last = doc[m.end - 1]
        k = m.end
        while k < len(doc) and doc[k].text.islower() and doc[k].pos_ == "ADJ":
            k += 1  # "an X final match"
        return k < len(doc) and doc[k].text.islower() and doc[k].pos_ == "NOUN" and last.head.i >= m.end \
            and last.dep_ in ("compound", "amod", "nmod")

    @staticmethod
    def _joined_to(doc: Doc, i: int, kept: set[int]) -> bool:
        """Word ``i`` is joined by "and", "or" or a comma to the last word of a NORP that stays one."""
        tok = doc[i]
        return tok.dep_ == "conj" and tok.head.i in kept or any(c.dep_ == "conj" and c.i in kept for c in tok.children)

    def _unsupported_groups(self, doc: Doc, mentions: list[Mention]) -> None:
        """NORPs without a people's word become organisations or places; people named by their nation's
        word become NORPs; "people" named all by a political group's words ("the Lib Dems") are the
        party."""
        tk = token_index(doc)
        unsupported = [m for m in mentions if m.label == "NORP" and not m.fixed and doc[m.end - 1].tag_ != "JJ"
                       and not self._qualifies(doc, m) and not self._people_name(tk.span(m.start, m.end))]
        kept = {m.end - 1 for m in mentions if m.label == "NORP"} - {m.end - 1 for m in unsupported}
        for m in unsupported:
            if not self._joined_to(doc, m.end - 1, kept):  # "Hindus and Sikhs": a list is of one kind
                m.label = self._ungrouped_label(doc, m)
        for m in mentions:  # "the Cannes ceremony": a place qualifying a noun, which the cues left a NORP
            if m.label == "NORP" and not m.fixed and self._qualifies(doc, m) \
                    and not self._people_name(tk.span(m.start, m.end)) and self._ungrouped_label(doc, m) == "GPE":
                m.label = "GPE"
        self._nation_folk(doc, mentions)
        for m in mentions:
            if not m.fixed and m.label == "PERSON" and m.end - m.start > 1 \
                    and self._party_name(tk.span(m.start, m.end)):
                m.label = "ORG"

    def _ungrouped_label(self, doc: Doc, m: Mention) -> str:
        """What a "NORP" without a people's word is: a place of the tables, or a town of GeoNames written as a
        place ("at Cannes", "the Cannes ceremony"; not a first name, "Adrian"), else an organisation."""
        tk = token_index(doc)
        name = tk.span(m.start, m.end)
        key = name_key(name)
        alias = self.aliases.get(key)
        if alias is not None:
            return "GPE" if alias.label == "GPE" else "ORG"
        before = tk.lower[m.start - 1] if m.start else ""
        placed = before in AT_PLACE and doc[m.end - 1].head.i == m.start - 1 \
            or before in self.determiners and self._qualifies(doc, m)
        if placed and key in self.city_country and not first_name_gender(tk.text[m.start])[1]:
            return "GPE"
        return "ORG"

    def _nation_folk(self, doc: Doc, mentions: list[Mention]) -> None:
        """A plural name all of nationality words ("Frenchmen", "Asian Britons", "New Yorkers") is a NORP,
        whatever the model guessed (a place, a body, a person)."""
        tk = token_index(doc)
        for m in mentions:
            if m.fixed or m.label not in ("ORG", "GPE", "PERSON", "LOC"):
                continue
            name = tk.span(m.start, m.end)
            words = [w for w in tk.text[m.start:m.end] if w not in ("-", "–")]
            key, last = name_key(name), words[-1].lower()
            plural = last.endswith("s") or any(last.endswith(x) and name_key(last[:-len(x)]) in self.demonyms
                                               for x in ("men", "women"))  # "Frenchmen", not "Romen"
            if not plural or key in self.aliases or key in self.city_country or m.canonical not in (None, name):
                continue
            if self._people_word(name, parties=False) or all(self._people_word(w, parties=False) for w in words):
                m.label = "NORP"
