"""One-word "places" that no table knows and the article has act as a firm: "Gazprom said", "chief
economist at Gerrard", "shares in Ahold".

The model reads a capitalised word it does not know as a place about as often as a person's name. A place
of the tables (a country, a GeoNames city, a state, province or county of pycountry) can stand for its
government ("Russia said"), so only names no table knows are read here: a name whose uses include a body's
doings (the subject of a verb of saying or intending, ``agent_verbs.txt``; an office, "X's chief executive",
"head of X", not a state's "X minister"; a holding, "shares in X", ``holding_nouns.txt``; "its" in its
clause) and none a place's ("in X", "inside X", "X-based", "the X area", "X, Tennessee") nor a person's (a
title before it, "Mr X"; a surname of a person of the article, "Milan Baros") is an organisation, for the
article. Such a name counted or owned as a thing ("a NetMD") is a product: :mod:`.products` reads it with
the organisations and people the model took for products.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import POST_NOMINALS
from newsfacts.places import known_place
from newsfacts.tokens import token_index

PLACE_PREPS = frozenset({"in", "near", "outside", "inside", "within", "throughout", "across", "around"})
BASED = frozenset({"based", "born"})


class PlacelessRules(Stage):
    """Unknown one-word places that act as bodies become organisations (uses products.py's readings)."""

    agent_verbs: set[str]
    body_heads: dict[str, str]
    state_titles: set[str]
    capital_titles: set[str]

    def _unknown_place(self, doc: Doc, m: Mention) -> bool:
        """A one-word "place" that no table knows as one (a country, a city of GeoNames, a subdivision of
        pycountry, a nationality word), no title ("Richard Mawrey, QC"), no plural of a common noun
        ("Eyewitnesses said", a group of people), and not used as a place right here."""
        if m.label != "GPE" or m.end - m.start != 1 or m.fixed:
            return False
        word = self._name(doc, m)
        key = name_key(word)
        return key not in self.aliases and key not in self.city_country and key not in self.demonyms \
            and key not in self.regional and key not in self.role_words and not self._letters_after_name(doc, m) \
            and not known_place(word) and not self._common_plural(key) and not self._place_use(doc, m)

    @staticmethod
    def _letters_after_name(doc: Doc, m: Mention) -> bool:
        """"Richard Mawrey, QC", "a QC": letters written after a person's name (nameparser's), here after one
        or counted as a rank; "BT" elsewhere is a firm's name."""
        k = m.start - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        owner = m.end < len(doc) and doc[m.end].tag_ == "POS"  # "Ben Verwaayen, BT's chief executive"
        return name_key(doc[m.start].text) in POST_NOMINALS and k >= 0 and not owner \
            and (doc[k].ent_type_ == "PERSON" or doc[k].lower_ in ("a", "an"))

    def _common_plural(self, key: str) -> bool:
        """"eyewitnesses", "liverpudlians": a plural whose singular is a word of the lemmatizer's index."""
        known = self.known_words
        return key.endswith("s") and (key[:-1] in known or key.endswith("es") and key[:-2] in known)

    def _firms_taken_for_places(self, doc: Doc, mentions: list[Mention], titled: set[str]) -> set[str]:
        """Keys of one-word "places" no table knows that some use shows to be a body and none a place or a
        person (``titled``: names written after a title or an honorific)."""
        tk = token_index(doc)
        surnames = {tk.lower[m.end - 1] for m in mentions if m.label == "PERSON" and m.end - m.start >= 2}
        firms: set[str] = set()
        others: set[str] = set()
        for m in mentions:
            if m.label != "GPE" or m.end - m.start != 1:
                continue
            key = name_key(self._name(doc, m))
            if not self._unknown_place(doc, m) or tk.lower[m.start] in surnames or self._titled_here(doc, m):
                others.add(key)
            elif self._speaks_as_body(doc, m) or self._has_office(doc, m) and not self._state_office(doc, m) \
                    or self._has_holding(doc, m) or self._pronoun_of_subject(doc, m, mentions) == "its":
                firms.add(key)
        return firms - others - titled

    def _speaks_as_body(self, doc: Doc, m: Mention) -> bool:
        """"Gazprom said", "Ahold has announced": the subject of a verb of saying or intending."""
        head = doc[m.end - 1]
        return head.dep_ == "nsubj" and head.head.lemma_ in self.agent_verbs

    def _state_office(self, doc: Doc, m: Mention) -> bool:
        """"NI minister", "the president of X": an office a country or a region has."""
        tk = token_index(doc)
        noun = doc[m.end - 1].head if doc[m.end - 1].dep_ in ("poss", "pobj") else doc[m.end] if m.end < tk.n else None
        if noun is not None and noun.dep_ == "prep":
            noun = noun.head
        return noun is not None and (noun.lower_ in self.state_titles or noun.lower_ in self.capital_titles)

    def _titled_here(self, doc: Doc, m: Mention) -> bool:
        """"Mr Mukerjee", "Judge X": an honorific or a title right before the word."""
        prev = token_index(doc).lower[m.start - 1] if m.start else ""
        return prev[:1].isalpha() and (prev.rstrip(".") in self.honorifics or prev in self.title_heads)

    def _place_use(self, doc: Doc, m: Mention) -> bool:
        """"in X" (not "shares in X"), "near X", "X-based", "the X area", "X, Tennessee": a place's use."""
        tk = token_index(doc)
        head = doc[m.start]
        prev = tk.lower[m.start - 1] if m.start else ""
        if prev in PLACE_PREPS and head.dep_ == "pobj" and head.head.i == m.start - 1 \
                and not self._has_holding(doc, m):
            return True
        if m.end + 1 >= tk.n:
            return False
        if tk.text[m.end] in ("-", "–") and tk.lower[m.end + 1] in BASED:
            return True
        if tk.text[m.end] == "," and tk.text[m.end + 1][:1].isupper() and known_place(tk.text[m.end + 1]):
            return True
        return self.body_heads.get(tk.lower[m.end]) == "GPE" and doc[m.end].pos_ == "NOUN"
