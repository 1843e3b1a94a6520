"""Where a person's or organisation's name begins and ends.

A capitalised word that opens a sentence is not a name word just because it is capitalised.

The model often takes the first word of a sentence or heading into the name that follows it:
a preposition or verb ("Without Charles, ...", "Said Mr Fogg: ...") or a noun that says what the
person is ("Winger Nitoglia dropped the ball"). Such a word is dropped from a PERSON or ORG span
when what the model and our lists already know says it is no name word:

- a word whose own tag in the sentence is a closed class or a finite verb (IN, RB, VBD, MD, ...),
  unless it is a first name ("Will Greenwood") that no honorific follows; a gerund only when the
  parser makes it a clause of its own ("Praising Celtic and Rangers, ...", not "Fostering Network
  executive director X");
- in a person's name, every word before an honorific ("Said Mr Fogg", "Added Ms Clarke"):
  an honorific opens a name;
- in a person's name, a dictionary word (spaCy's lemmatizer index) before a first name, itself no
  first name, that the tagger, reading the sentence again with that word in lower case, takes for a
  common noun or an adjective ("Rookie Tom Hardwick" → "rookie/NN"), and that the article never
  writes capitalised inside a sentence (there it would be a name: "... said Rice"). Not "Tiger Woods":
  a nickname stands where the first name would, so no first name follows it. A plural the model tags
  NNS, or that the tagger reads in lower case as a verb ("Seeds Tomas Berka"), is such a word too.

A one-word "name" that opens a sentence and modifies the lower-case noun after it ("Digital sales",
"Controversial new casinos", "Freezing temperatures") is no name at all when it is a dictionary word
the tagger, reading it in lower case, takes for an adjective or a gerund, no first name nor table
name, and the article never writes it capitalised otherwise ("Labour's vote" keeps "Labour").

The title list (``titles.txt``) already removes the roles it knows ("Flanker", "Striker") in
:meth:`SpanRules._trim`, and :mod:`.roles` then gives them to the person as a role.

Lines in capitals are left alone: their tags say little.

An initial before a surname is part of the name, with its dot or without ("S Easterby" in a line-up):
it tells two people of one surname apart. A comma between two names of a list ends a name
("House of Commons, European Parliament").

An inner possessive ends an owner's name where the article names the owner alone too ("the Beatles'
Apple Corps"); an "'s" with no noun after it ends a firm's name the article never writes without it
("McDonald's said"); a place and the bracketed acronym that spells the whole belong to an
organisation's name ("U.N. Interim Force in Lebanon (UNIFIL)").
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from newsfacts.entities.kinds import agent_noun
from newsfacts.entities.mentions import (
    ACRONYM_RE,
    NAME_LABELS,
    OPEN_QUOTES,
    POSSESSIVE_MARKS,
    Mention,
    Stage,
    letters_in_order,
    name_key,
)
from newsfacts.entities.spans import INITIAL_RE
from newsfacts.namematch import first_name_gender
from newsfacts.tokens import token_index

# Tags of words that never begin a name: prepositions, adverbs, pronouns, modals, finite verbs.
# Not VB ("Save the Children", "Take That"), VBN ("United") or JJ ("General Motors").
CLOSED_TAGS = frozenset({"IN", "TO", "CC", "RB", "RBR", "RBS", "WRB", "WDT", "WP", "WP$", "PRP", "PRP$",
                         "MD", "VBD", "VBZ", "VBP", "VBG", "EX", "UH", "DT", "PDT"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
# What a word that describes the person is, read in lower case: "rookie/NN", "comic/JJ".
DESCRIBING_TAGS = frozenset({"NN", "NNS", "JJ"})
# What a capitalised word opening a sentence is, read in lower case, when it modifies the noun after it.
MODIFIER_TAGS = frozenset({"JJ", "VBG"})
OPENING_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "PRODUCT"})  # not NORP: "Asian shares rose"
BARE_INITIAL_RE = re.compile(r"^[A-HJ-Z]$")  # "S" of "S Easterby" in a line-up; not "I"
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
RETAG_WINDOW = 12  # tokens of the sentence read again, from the word on
NOT_OPENING = frozenset({"st.", "st"})  # "Mark St. John": "St." is no honorific inside a name


class NameBoundRules(Stage):
    """Where a PERSON or ORG name begins: not at an opening word that is no name word, at its initial;
    and where it ends: at a list comma."""

    @functools.cached_property
    def _lower_tags(self) -> dict[tuple, str]:
        """The cache of ``_tag_in_lower_case``: the words read -> the tag of the first."""
        return {}

    def _drop_leading(self, doc: Doc, m: Mention, lines: list[str]) -> Mention | None:
        """``m`` without the leading words that are no part of the name (trimmed again), or as it was."""
        if m.end - m.start == 1 and m.label in OPENING_LABELS and lines[m.start] != "caps" \
                and self._opening_modifier(doc, m.start):
            return None
        if m.label not in ("PERSON", "ORG") or m.end - m.start < 2 or lines[m.start] == "caps":
            return m
        s = m.start
        if m.label == "ORG" and doc[s].lower_.rstrip(".") in self.honorific_genders and doc[s + 1].is_title:
            m.label = "PERSON"  # "Mr Van de Vijver" is no organisation, and "Mr" no part of the name
            s += 1
        elif m.label == "PERSON":
            opening = [k for k in range(s + 1, m.end - 1)
                       if doc[k].lower_ in self.honorifics and doc[k].lower_ not in NOT_OPENING]
            if opening:
                s = opening[0]
        if s == m.start and self._opens_sentence(doc, s) and doc[m.end - 1].lower_ not in self.name_heads \
                and self._no_name_word(doc, s, m):
            s += 1  # not "Leeds United striker X": a name ending in an organisation's head word is whole
        if s == m.start:
            return m
        m.start = s
        return self._trim(doc, m)

    @staticmethod
    def _opens_sentence(doc: Doc, i: int) -> bool:
        """Token ``i`` begins a sentence, a line, a quote or a bracket."""
        if i == 0 or doc[i].is_sent_start:
            return True
        prev = doc[i - 1]
        if prev.is_space or "\n" in prev.whitespace_:
            return True
        # an opening quote or bracket, not the apostrophe of "Elvis' Wooden Heart"
        return (prev.text in OPEN_QUOTES or prev.text in ("(", "[")) and (i == 1 or bool(doc[i - 2].whitespace_))

    def _opening_modifier(self, doc: Doc, i: int) -> bool:
        """"Digital sales rose", "Controversial new casinos", "Freezing temperatures": a one-word "name" that
        opens a sentence and modifies the common noun after it is a dictionary adjective or gerund when the
        tagger, reading it in lower case, takes it for one (JJ, VBG), it is no first name nor in the tables,
        no role and a name follow its words ("Labour election campaign coordinator Alan Milburn": a body),
        and the article never writes it capitalised inside a sentence. Not "Orange said" (a subject) nor
        "Apple shares" (a noun in lower case too)."""
        tok = doc[i]
        if not (tok.is_title and tok.is_alpha) or not self._modifies_next_noun(doc, i) or self._owns_role(doc, i):
            return False
        key = name_key(tok.text)
        if tok.lower_ not in self.known_words or first_name_gender(tok.text)[1] \
                or key in self.aliases or key in self.demonyms or key in self.city_country:
            return False
        tk = token_index(doc)  # written capitalised elsewhere, and not so: a name ("Labour's Jo Platt")
        if any(tk.text[k] == tok.text and k != i and not self._modifies_next_noun(doc, k) for k in range(tk.n)):
            return False
        return self._tag_in_lower_case(doc, i) in MODIFIER_TAGS

    def _owns_role(self, doc: Doc, i: int) -> bool:
        """Lower-case words after token ``i`` end in a title before a capitalised name ("Labour campaign
        coordinator Alan Milburn"): the word names the body the role belongs to."""
        tk = token_index(doc)
        k = i + 1
        while k < tk.n and k - i <= 4 and tk.text[k].islower():
            k += 1
        last = tk.lower[k - 1]
        return k < tk.n and k > i + 1 and (last in self.title_ends or agent_noun(last)) and tk.text[k][:1].isupper()

    def _modifies_next_noun(self, doc: Doc, i: int) -> bool:
        """Token ``i`` opens a sentence and modifies a lower-case common noun after it ("Digital sales")."""
        if i + 1 >= len(doc) or not self._opens_sentence(doc, i):
            return False
        tok, nxt = doc[i], doc[i + 1]
        return nxt.is_alpha and nxt.text.islower() and tok.dep_ in ("amod", "compound") and tok.head.i > i \
            and tok.head.text.islower() and tok.head.pos_ == "NOUN"

    def _no_name_word(self, doc: Doc, i: int, m: Mention) -> bool:
        tok = doc[i]
        if not (tok.is_title and tok.is_alpha):
            return False
        known = first_name_gender(tok.text)[1] > 0
        if tok.tag_ in CLOSED_TAGS and (tok.tag_ != "VBG" or tok.dep_ == "advcl"):
            return not known or doc[i + 1].lower_ in self.honorifics
        low = tok.lower_
        if m.label != "PERSON" or known or tok.tag_ not in PROPER_TAGS and tok.tag_ != "NNS" \
                or low not in self.known_words and not (low.endswith("s") and low[:-1] in self.known_words):
            return False  # "Rookie Tom Hardwick", "Seeds Dominik Hrbaty" (a plural)
        if doc[m.end - 1].tag_ == "NNPS":
            return False  # "Law Lords": a plural is a body, and its first word a part of its name
        if not first_name_gender(doc[i + 1].text)[1]:
            return False  # only a word before a first name is surely not the person's own ("Tiger Woods")
        if self._named_elsewhere(doc, i):
            return False
        tag = self._tag_in_lower_case(doc, i)
        # a plural read in lower case may be a verb's third person: "seeds Dominik Hrbaty" -> seeds/VBZ
        return tag in DESCRIBING_TAGS or tag == "VBZ" and low not in self.known_words

    def _named_elsewhere(self, doc: Doc, i: int) -> bool:
        """The article writes the word capitalised inside a sentence too ("... said Rice"): a name there."""
        tk = token_index(doc)
        low = tk.lower[i]
        return any(tk.lower[k] == low and k != i and tk.text[k][:1].isupper() and not self._opens_sentence(doc, k)
                   for k in range(tk.n))

    def _tag_in_lower_case(self, doc: Doc, i: int) -> str:
        """The tagger's tag for word ``i`` when the sentence is read with that word in lower case
        (only the components up to the tagger run, on a few tokens; cached by the words read)."""
        if "tagger" not in self.nlp.pipe_names:
            return "NNP"
        end = min(doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc), i + RETAG_WINDOW)
        words = [t.text for t in doc[i:end]]
        words[0] = words[0].lower()
        key = tuple(words)
        cache = self._lower_tags
        if key not in cache:
            if len(cache) > 10_000:
                cache.clear()
            probe = Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc[i:end]])
            for name, proc in self.nlp.pipeline:
                probe = proc(probe)
                if name == "tagger":
                    break
            cache[key] = probe[0].tag_
        return cache[key]

    def _initial_before(self, doc: Doc, i: int) -> bool:
        """Token ``i`` is an initial of the name after it: "M." or, written without a dot, one capital
        letter ("S Easterby, G Easterby"); "A" only at the head of a list item or line and before a word
        that is no dictionary word ("A Freeland", not "A Different Story")."""
        text = doc[i].text
        if INITIAL_RE.match(text):
            return True
        if not BARE_INITIAL_RE.match(text) or not doc[i].whitespace_ or (i > 0 and not doc[i - 1].whitespace_
                                                                          and doc[i - 1].is_alpha):
            return False
        if text != "A":
            return True
        prev = doc[i - 1].text if i > 0 else "\n"
        head = prev in (",", ";", ":", "\n") or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_
        return head and i + 1 < len(doc) and doc[i + 1].lower_ not in self.known_words

    def _list_comma(self, doc: Doc, i: int, m: Mention) -> bool:
        """The comma at ``i`` separates two names of a list inside one PERSON or ORG span ("House of
        Commons, European Parliament"); not before a legal form or suffix ("Apple, Inc.", "King, Jr."),
        a place that says which branch ("University of California, Berkeley"), nor in a firm of
        partners ("Skidmore, Owings & Merrill", "Cravath, Swaine and Moore"), nor in a body named for its
        remits ("Department of the Environment, Food and Rural Affairs")."""
        if m.label not in ("PERSON", "ORG") or not m.start < i < m.end - 1:
            return False
        after = doc[i + 1]
        if not (after.is_title or after.is_upper) or not after.is_alpha or not doc[i - 1].is_alpha:
            return False
        low = after.lower_.rstrip(".")
        if low in self.org_suffixes or low in NAME_SUFFIXES:
            return False
        words = [t.lower_ for t in doc[m.start:m.end]]
        if "of" in words[:i - m.start] and "and" in words[i - m.start:]:
            return False  # "Ministry of Economy, Trade and Industry": the remits of one body
        pieces, size = [], 0  # words between commas and "and"
        for t in doc[m.start:m.end]:
            if t.text in (",", "and", "&"):
                pieces.append(size)
                size = 0
            else:
                size += 1
        pieces.append(size)
        if any(t.text == "&" for t in doc[m.start:m.end]) or (
                any(t.text == "and" for t in doc[m.start:m.end]) and max(pieces) == 1):
            return False
        return not (m.end - i - 1 == 1 and name_key(after.text) in self.aliases)

    def _split_possessives(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"The Beatles' Apple Corps", "Farrakhan's Nation of Islam": the model runs an owner and what it
        owns into one name. Where the words before an inner possessive are a name the article has on its
        own elsewhere, the span is two names, the owner labelled as it is there.
        Not "McDonald's Corp", "Lloyd's Register", "Standard & Poor's": their first part is no name alone."""
        tk = token_index(doc)
        alone: dict[tuple[str, ...], str] = {}  # the owner's words -> its label where the article has it alone
        for m in mentions:
            if not _possessive_at(tk, m.end):
                alone.setdefault(tuple(tk.lower[m.start:m.end]), m.label)
        out: list[Mention] = []
        for m in mentions:
            k = next((k for k in range(m.start + 1, m.end - 1)
                      if _possessive_at(tk, k) and tk.text[k + 1][:1].isupper()), None)
            if k is None or m.fixed:
                out.append(m)
                continue
            s = m.start + (tk.lower[m.start] == "the")
            if s < k and tuple(tk.lower[s:k]) in alone:
                out += [Mention(s, k, alone[tuple(tk.lower[s:k])], m.source), Mention(k + 1, m.end, m.label, m.source)]
            else:
                out.append(m)
        return out

    def _names_ending_in_s(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"McDonald's said", "Boatmen's was shopping itself": a firm's name that ends in "'s". The article
        writes the name with its "'s" every time, and once at least with no noun after it: before a finite
        verb, a modal or (an organisation) the end of a clause. An owner is written bare somewhere too, and
        its "'s" before a verb is an ellipsis ("the German deficit ... while France's is forecast to drop",
        "Mr Blair said ... Mr Blair's plans"); places the tables know are owners. Every mention of the name
        then takes its "'s", whatever the model called it there."""
        tk = token_index(doc)
        ending: set[tuple[str, ...]] = set()
        bare: set[tuple[str, ...]] = set()
        for m in mentions:
            k = m.end
            words = tuple(tk.lower[m.start:m.end])
            if k >= tk.n or tk.lower[k] not in ("'s", "’s"):
                bare.add(words)
            elif m.label in NAME_LABELS and k + 1 < tk.n and not m.fixed \
                    and (doc[k + 1].tag_ in ("VBD", "VBZ", "MD")
                         or m.label == "ORG" and tk.lower[k + 1] in (",", ".", ";", "and", "or")):
                ending.add(words)
        ending -= bare
        for m in mentions:
            words = tuple(tk.lower[m.start:m.end])
            key = name_key(" ".join(words))
            if words in ending and m.end < tk.n and tk.lower[m.end] in ("'s", "’s") and not m.fixed \
                    and key not in self.aliases and key not in self.city_country \
                    and not (m.start and tk.lower[m.start - 1].rstrip(".") in self.honorifics):
                m.end += 1
                m.label = "ORG"
        return mentions

    def _join_name_adjectives(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Liberal Democrat leader X", "the Social Democrats": the model leaves a party's or a body's first
        word out when it reads as an adjective. An untagged capitalised word right before a group's or an
        organisation's name joins it when the article writes the two words capitalised inside a sentence
        somewhere (an adjective there would be lower case); not a nationality ("British Conservatives"),
        a title or its modifier ("Former Labour leader"), a month or a weekday."""
        tk = token_index(doc)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        pairs: set[tuple[str, str]] | None = None  # capitalised pairs inside sentences, read when first needed
        for m in mentions:
            i = m.start - 1
            if m.label not in ("NORP", "ORG") or m.fixed or i < 0 or i in taken or not tk.text[i].istitle() \
                    or not tk.text[i].isalpha() or "\n" in doc[i].whitespace_:
                continue
            if pairs is None:
                pairs = {(tk.lower[k], tk.lower[k + 1].rstrip("s")) for k in range(1, tk.n - 1)
                         if tk.text[k].istitle() and tk.text[k + 1][:1].isupper() and not self._opens_sentence(doc, k)}
            if (tk.lower[i], tk.lower[m.start].rstrip("s")) not in pairs:
                continue
            word = tk.lower[i]
            if word in self.demonyms or word in self.regional or word in self.role_words \
                    or word in self.modifiers or word.rstrip(".") in self.honorifics or doc[i].like_num \
                    or doc[i].ent_type_ == "DATE" or not self._tag_in_lower_case(doc, i).startswith("JJ"):
                continue  # an adjective read in lower case: not "Underwriter Bear Stearns"
            m.start = i
            taken.add(i)
        return mentions

    def _join_place_by_head(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Newcastle United manager X", "Sheffield United beat ...": the model ends a club or body named for
        its town one word short, at the town, or takes the whole for a place. A place followed by a capitalised
        organisation head word (``name_heads.tsv``: "United", "Rovers", "Council") that no other mention holds
        is that organisation, unless the whole is a place of the tables ("Mexico City", "Kansas City"); so is
        a town of the tables and a head word only clubs end in ("club" there: "Manchester United")."""
        tk = token_index(doc)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for m in mentions:
            e = m.end
            if m.label in ("GPE", "LOC") and not m.fixed and e - m.start >= 2 and tk.text[e - 1].istitle() \
                    and tk.lower[e - 1] in self.club_heads:  # the model's "Manchester United" GPE
                if name_key(tk.span(m.start, e - 1)) in self.city_country:
                    m.label = "ORG"  # a town and the head: not "the West Bank", "the Holy City"
                continue
            if m.label not in ("GPE", "LOC") or m.fixed or e >= tk.n or e in taken or not tk.text[e].istitle() \
                    or self.name_heads.get(tk.lower[e]) != "ORG" or "\n" in doc[e - 1].whitespace_:
                continue
            key = name_key(tk.span(m.start, e + 1))
            if key not in self.city_country and key not in self.aliases:
                m.end, m.label = e + 1, "ORG"
                taken.add(e)
        return mentions

    def _join_place_by_acronym(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"the U.N. Interim Force in Lebanon (UNIFIL)", "the Rally for ... Democracy in Rwanda (RDR)": the
        model ends an organisation's name before "in", "of" or "for" and a place. The bracketed acronym right
        after the place says the place belongs to the name: its letters run in order through the whole name,
        and its last letter is the place's first."""
        tk = token_index(doc)
        starts = {m.start: m for m in mentions}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        dropped = set()
        for m in mentions:
            s = m.end + 1
            if m.label != "ORG" or s + 3 >= tk.n or tk.lower[m.end] not in ("in", "of", "for"):
                continue
            e = next((k for k in range(s, min(s + 4, tk.n - 2)) if tk.text[k] == "("), None)
            place = starts.get(s)
            if e is None or e == s or tk.text[e + 2] != ")" or not all(
                    tk.text[k].isalpha() and tk.text[k].istitle() for k in range(s, e)) \
                    or any(k in taken for k in range(s, e)) and (place is None or place.end != e
                                                                 or place.label not in ("GPE", "LOC")):
                continue
            acronym = tk.text[e + 1].replace(".", "")
            if ACRONYM_RE.match(acronym) and acronym[-1] == tk.text[s][:1] \
                    and letters_in_order(acronym, tk.span(m.start, e).replace(".", "")):
                m.end = e
                if place is not None:
                    dropped.add(id(place))
        return [m for m in mentions if id(m) not in dropped]


def _possessive_at(tk, k: int) -> bool:
    """Token ``k`` is a possessive: "'s", spaced too as tokenized text writes it, or a bare "'" attached to
    its word (spaced, it is a quote mark)."""
    return 0 < k < tk.n and tk.lower[k] in POSSESSIVE_MARKS and (
        tk.lower[k] in ("'s", "’s") or tk.idx[k] == tk.end[k - 1])
