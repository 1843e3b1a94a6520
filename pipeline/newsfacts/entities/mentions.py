"""What every stage of the entities component shares: the mention record, the name lookup key,
the patterns of written text, and the tables the stages read.

A stage is a mixin of :class:`~newsfacts.entities.component.EntityComponent`; :class:`Stage` names
the tables ``load`` builds from ``models/entities/`` so each stage can be read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsfacts.namematch import POST_NOMINALS, SURE, first_name_gender
from newsfacts.namematch import name_key as name_key  # the stages take it from here with the mentions
from newsfacts.tokens import token_index

# Labels of the statistical model that the money and dates components handle (the factory's default drop list).
NUMERIC_LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
# Labels kept in the ordering used to break ties between equally frequent labels.
LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                  "LAW", "LANGUAGE", "MISC")
# Labels of proper names, whose spans lose lower-case words at their edges.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
POSSESSIVES = {"'s", "’s", "'", "’", "s"}
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})  # as tokens: "Harbour Foods' chief executive"
OPEN_QUOTES = {"“", '"', "‘", "«", "'"}
CLOSE_QUOTES = {"”", '"', "’", "»", "'"}
EDGE_PUNCT = set("\"“”‘’'`«»,;:!?()[]{}<>-–—/*|")  # "``": the opening quote of tokenized (PTB-style) text
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
WORD_RE = re.compile(r"[^\W\d_]{2,}")
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]+$")
NUMBERISH = re.compile(r"^[\d.,:/-]+$")


@dataclass(frozen=True, slots=True)
class Alias:
    canonical: str
    label: str
    informal: bool
    kind: str  # country | place | org


@dataclass(slots=True)
class Mention:
    start: int  # token indices
    end: int
    label: str
    source: str = "model"
    canonical: str | None = None
    fixed: bool = False  # label decided by a rule that outranks voting


def letters_in_order(acronym: str, name: str) -> bool:
    """"KMT" in "Kuomintang", "SES" in "Stock Exchange of Singapore": the first letters agree and the
    others follow in order."""
    name = name.lower()
    if not name or name[0] != acronym[0].lower():
        return False
    k = 1
    for letter in acronym[1:].lower():
        k = name.find(letter, k) + 1
        if not k:
            return False
    return True


def post_nominal(doc: Doc, i: int, role_words: set[str]) -> bool:
    """Token ``i`` is letters written after a person's name ("Michael Mansfield QC", "Caroline Jackson MEP"):
    capitals that nameparser lists as a suffix ("QC", "OBE") or that are a title ("MP")."""
    tok = doc[i]
    return tok.is_upper and len(tok.text) > 1 and (tok.lower_ in POST_NOMINALS or tok.lower_ in role_words)


def after_name(doc: Doc, i: int, role_words: set[str]) -> bool:
    """Token ``i`` is a post-nominal right after a person's name: one the model tagged as a person's, or as
    a body's that opens with a first name ("Philippe Sands QC"; not "Sony PSP")."""
    if i == 0 or not doc[i - 1].is_title or not post_nominal(doc, i, role_words):
        return False
    prev = doc[i - 1]
    if prev.ent_type_ == "PERSON":
        return True
    if prev.ent_type_ != "ORG":
        return False
    start = prev.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return first_name_gender(doc[start].text)[1] == SURE


def first_conjunct(token):
    """The first of the words joined to ``token`` by "and"/"or" before it ("Munster" for "Ulster" in "the games
    with Munster and Ulster"): where the whole coordination attaches in the parse."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


class Stage:
    """The tables every stage reads (built by ``EntityComponent.load``) and the text of a mention."""

    # settings
    drop_labels: set[str]
    propagate: bool
    max_dateline_chars: int
    # gazetteer.py: names in the country, place and organisation tables, nationality words
    aliases: dict[str, Alias]  # name_key(name) -> table entry
    demonyms: dict[str, str]  # name_key(nationality word) -> country
    regional: set[str]  # name_key of regional adjectives ("Californian")
    city_country: dict[str, str]  # name_key(city) -> country (GeoNames)
    team_verbs: set[str]  # lemmas of contest verbs ("beat"): their place-name subjects and objects are teams
    prize_verbs: set[str]  # lemmas of "win": their objects after "the" are competitions or trophies
    contest_nouns: set[str]  # "tie", "final": a name that only qualifies one is the competition
    type_nouns: dict[str, str]  # "airline" -> ORG: the label of a name that noun introduces
    after_nouns: set[str]  # type nouns that also type the name right before them ("Linux software")
    state_titles: set[str]  # titles whose holder serves a country ("finance minister")
    capital_titles: set[str]  # "president": a country's only under a dateline of its capital
    capital_country: dict[str, str]  # name_key(capital) -> its country
    opposition_words: set[str]  # "shadow": a state title so qualified serves no country
    title_abbreviations: dict[str, str]  # "gen" -> "general": roles are stored under the full title
    nation_states: dict[str, str]  # "England" -> "United Kingdom": the state a constituent nation is in
    devolved_nations: set[str]  # nations with a government of their own ("Scotland"), unlike England
    devolved_bodies: set[str]  # "executive", "assembly": last words of a nation's own government's name
    state_institutions: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, state) ("Kremlin")
    institution_keys: set[str]  # name_key of those names: never read as a city
    gazetteer: PhraseMatcher
    # word lists (models/entities/*.txt, *.tsv)
    determiners: set[str]
    ordinal_words: set[str]
    particles: set[str]
    linking: set[str]
    titles: set[tuple[str, ...]]
    title_heads: set[str]
    max_title: int
    honorifics: set[str]
    honorific_genders: dict[str, str]  # "mr" -> "m": the gender an honorific says
    rank_titles: set[str]  # "prince", "sir": a first name after one is linked only to a full name that had it
    modifiers: set[str]
    event_words: set[tuple[str, ...]]
    event_last: set[str]
    work_nouns: set[str]
    role_words: set[str]
    org_suffixes: set[str]
    numbered_words: set[str]  # "flight": "Air France Flight 447" is run by Air France
    name_heads: dict[str, str]
    club_heads: set[str]  # name_heads.tsv's "club" words: "United", "Rovers"
    part_heads: set[str]  # name_heads.tsv's "part" words: "Committee"
    over_org_heads: set[str]  # name heads that overrule the model's ORG ("Wembley Stadium")
    nlp: Language

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word of the lemmatizer's index (nouns, verbs, adjectives, adverbs), read on first use."""
        words: set[str] = set()
        if "lemmatizer" in self.nlp.component_names:
            lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
            index = lookups.get_table("lemma_index", {}) if lookups is not None else {}
            for forms in index.values():
                words.update(forms)
        return frozenset(words)

    def _words(self, doc: Doc, m: Mention) -> tuple[str, ...]:
        return token_index(doc).words(m.start, m.end)

    def _name(self, doc: Doc, m: Mention) -> str:
        return token_index(doc).name(m.start, m.end)
