"""People the model missed, found by the structure of their names.

A reader knows "Shane Bortsch" and "Kobus Wiese" are people without having heard of them: a
common first name, then a capitalised surname. The model, trained on other names, misses many
such pairs in lists, line-ups and results. Here an untagged pair of capitalised words whose first
is a first name in the ``gender-guesser`` lexicon (the one :mod:`newsfacts.quotes.people` reads;
"sure" entries only) becomes a PERSON, unless a word says otherwise: a title ("General"), a
month ("June"), a table place or nationality, a head word of an organisation or a place
("Grace Road"), a determiner or possessive before it ("their Morris Minor"), or the parser reading the
first word as an adverb ("Just Kiprotich and Holloway were left in front"); after a kind noun
("the BBC programme Go Digital", "the band Franz Ferdinand") it is a name of that kind. Two one-word
mentions that make such a pair ("Kobus" and "Wiese") become one
name. :meth:`FirstNameRules._extend_people` then adds the rest of a longer name, and the first name the
model left out before a name it tagged ("Shani" of "Shani Rhys James", tagged "Rhys James"), by the
same test (:meth:`FirstNameRules._first_name_left_out`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.kinds import agent_noun
from newsfacts.entities.mentions import NAME_LABELS, Mention, Stage, name_key
from newsfacts.entities.spans import INITIAL_RE
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import TokenIndex, token_index

WORD_RE = re.compile(r"^[A-Z][a-z]+$")  # a first name: "Shane"
# a surname: "Bortsch", "O'Neill", "McAteer", "Tyler-Sharman" (the tokenizer splits hyphens, not apostrophes)
SURNAME_RE = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]['’][A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)(?:-[A-Z][a-z]+)?$")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}


class FirstNameRules(Stage):
    """Untagged "Firstname Surname" pairs as people."""

    def _first_name_people(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        tk = token_index(doc)
        texts, lowers, n = tk.text, tk.lower, tk.n
        taken = {i for m in mentions for i in range(m.start, m.end)}
        # one-word mentions the model made of one name ("Kobus" ORG, "Wiese" GPE) may be rejoined
        single = {m.start for m in mentions if m.end - m.start == 1 and m.label in NAME_LABELS}
        out = []
        for i in range(n - 1):
            if lines[i] == "caps" or not WORD_RE.match(texts[i]) \
                    or any(k in taken and k not in single for k in (i, i + 1)):
                continue
            if tk.end[i] + 1 != tk.idx[i + 1] or not SURNAME_RE.match(texts[i + 1]):
                continue  # one space between the two words, on one line
            if _in_word(tk, i):
                continue  # inside a longer word
            if i > 0 and texts[i - 1][:1].isupper() and texts[i - 1].isalpha() and i - 1 not in taken \
                    and not doc[i].is_sent_start:
                continue  # "Viva Zapata", "Lake Placid Town": a longer capitalised phrase
            if i > 0 and doc[i - 1].tag_ in ("DT", "PRP$", "WP$"):
                continue  # "a Heath Robinson device", "their Morris Minor": a thing named for someone
            if doc[i].like_num or doc[i].tag_ in ("PRP$", "DT", "WP$") or doc[i + 1].like_num \
                    or not all(self._may_be_name(w, k) for k, w in enumerate(lowers[i:i + 2])):
                continue
            if first_name_gender(texts[i])[1] != SURE:
                continue
            if doc[i].tag_ in ("RB", "RBR", "RBS") and doc[i].dep_ == "advmod":
                continue  # "Just Chepkemei and Radcliffe were left": an adverb the parser reads as one
            kind = self.type_nouns.get(lowers[i - 1]) if i > 0 and texts[i - 1].islower() \
                and not agent_noun(lowers[i - 1]) and lowers[i - 1] not in self.people_too \
                else None  # "film maker John Hale", "jazz giant Ray Tolley" are people
            # "the programme Go Digital": a work, in every mention (a fixed label wins the vote)
            out.append(Mention(i, i + 2, kind or "PERSON", "rule", fixed=kind is not None))
        return out

    def _may_be_name(self, low: str, k: int) -> bool:
        """Not a title, a month, a table name or nationality, nor an organisation's or place's head word."""
        if low in self.role_words or low in MONTHS or low in self.determiners or low in self.linking:
            return False
        key = name_key(low)
        if key in self.aliases or key in self.demonyms or key in self.regional:
            return False
        return not (k and (low in self.name_heads or low in self.org_suffixes or low in self.event_last))

    def _first_name_left_out(self, doc: Doc, i: int, lines: list[str], words: int) -> bool:
        """Untagged token ``i``, right before a person's name of ``words`` words on the same line, is its first
        name: a proper noun written as a name, a first name of the lexicon ("sure", or leaning to one gender
        before a name of two words: "Ffion" of "Ffion Hague Jones"), no title, month, table name or
        nationality, and no determiner or possessive before it ("the Ross Perot campaign")."""
        tk = token_index(doc)
        if lines[i] != "text" or not WORD_RE.match(tk.text[i]) or tk.end[i] + 1 != tk.idx[i + 1] \
                or doc[i].tag_ != "NNP" or not self._may_be_name(tk.lower[i], 0):
            return False
        if i > 0 and (doc[i - 1].tag_ in ("DT", "PRP$", "WP$", "POS") or _in_word(tk, i)):
            return False
        strength = first_name_gender(tk.text[i])[1]
        return strength == SURE or strength > 0 and words >= 2

    def _extend_people(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """A person's name is not cut short: initials before it ("M. Butcher"), name words the
        model left out after it ("Joseph Ndung'u"), "O' Leary" when the text spaces the apostrophe."""
        tk = token_index(doc)
        texts, n = tk.text, tk.n
        taken: dict[int, Mention] = {}
        for m in mentions:
            taken.update(dict.fromkeys(range(m.start, m.end), m))
        numeric = {i for e in doc.ents if e.label_ in self.drop_labels for i in range(e.start, e.end)}
        absorbed: set[int] = set()
        for m in mentions:
            if m.label != "PERSON" or lines[m.start] == "caps" or id(m) in absorbed:
                continue
            s, e = m.start, m.end
            if lines[m.start] != "text":  # a Title Case line (a line-up): only its initials
                while s > 0 and s - 1 not in taken and self._initial_before(doc, s - 1):
                    s -= 1
                m.start = s
                continue
            prev = taken.get(s - 1)
            if prev is not None and prev.end - prev.start == 1 and id(prev) not in absorbed \
                    and tk.end[s - 1] + 1 == tk.idx[s] and (self._first_name_before(texts[s - 1], prev)
                                                           or self._lone_name_before(doc, s - 1, prev)):
                absorbed.add(id(prev))  # "Chad Ogea", "D. Lehmann": the model cut the name in two
                s -= 1
            while s > 0 and s - 1 not in taken and self._initial_before(doc, s - 1):
                s -= 1
            if s == m.start and s > 0 and s - 1 not in taken and self._first_name_left_out(doc, s - 1, lines, e - s):
                s -= 1  # "Shani" of "Shani Rhys James"
            while e < n:
                if len(texts[e - 1]) == 1 and texts[e - 1].isupper() and e + 1 < n and texts[e] in ("'", "’") \
                        and texts[e + 1][:1].isupper():
                    other = taken.get(e + 1)
                    if other is not None and other is not m and other.label == "PERSON":
                        absorbed.add(id(other))
                        e = other.end
                    else:
                        e += 2
                elif e not in taken and e not in numeric and self._name_word(doc, e):
                    e += 1
                elif (k := self._particles_then_name(doc, e, m, taken, numeric)) is not None:
                    if k in taken:
                        absorbed.add(id(taken[k]))  # "Walter van" + "der" + "Vijver"
                    e = k + 1
                elif e - s == 1 and self._surname_taken(doc, e, taken, absorbed) \
                        and first_name_gender(texts[s])[1] > 0:
                    absorbed.add(id(taken[e]))  # "Nicky Weaver": the model took the surname for a club
                    e += 1
                else:
                    break
            m.start, m.end = s, e
        return [m for m in mentions if id(m) not in absorbed]

    def _particles_then_name(self, doc: Doc, e: int, m: Mention, taken: dict[int, Mention],
                             numeric: set[int]) -> int | None:
        """"Walter van der Vijver" read as "Walter van" and "Vijver": up to three lower-case particles after the
        name, then one capitalised word that no other name of two words or more has, on one line; that word."""
        tk = token_index(doc)
        k = e
        while k < tk.n and k - e < 3 and tk.text[k] in self.particles and tk.end[k - 1] + 1 == tk.idx[k]:
            k += 1
        if k == e or k >= tk.n or k in numeric or tk.end[k - 1] + 1 != tk.idx[k]:
            return None
        word, other = tk.text[k], taken.get(k)
        name = word[:1].isupper() and word.isalpha() and (
            other is None or other is not m and other.start == k and other.end == k + 1)
        return k if name else None

    @staticmethod
    def _first_name_before(text: str, prev: Mention) -> bool:
        """A one-word mention before a person's name that is an initial, or a first name in the
        lexicon that the model took for a place or a thing ("Chad" of "Chad Curtis")."""
        if INITIAL_RE.match(text):
            return True
        if not text.istitle() or prev.label not in ("PERSON", "GPE", "LOC", "ORG", "FAC"):
            return False  # not "German" (NORP) of "German Boerse"
        return first_name_gender(text)[1] == SURE

    def _lone_name_before(self, doc: Doc, i: int, prev: Mention) -> bool:
        """"Lomana LuaLua", "Talal El Karkouri": a one-word organisation or place right before a person's name,
        whose word the article never writes elsewhere, no table knows and is no common word ("the Commons"), is
        the person's first name."""
        tk = token_index(doc)
        word = tk.text[i]
        return prev.label in ("GPE", "LOC", "ORG", "FAC") and not prev.fixed and word.istitle() and word.isalpha() \
            and self._name_word(doc, i) and name_key(word) not in self.city_country \
            and word.lower() not in self.known_words and tk.text.count(word) == 1

    def _surname_taken(self, doc: Doc, e: int, taken: dict, absorbed: set) -> bool:
        """The word after a one-word first name is a one-word mention of another label that could go on the name
        ("Weaver" taken for an organisation), on the same line with one space."""
        tk = token_index(doc)
        other = taken.get(e)
        return other is not None and other.end - other.start == 1 and other.start == e and not other.fixed \
            and other.label in ("GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT") and id(other) not in absorbed \
            and tk.end[e - 1] + 1 == tk.idx[e] and self._name_word(doc, e) \
            and name_key(tk.text[e]) not in self.city_country

    def _name_word(self, doc: Doc, i: int) -> bool:
        """A capitalised proper noun that can go on a person's name (not a title, place or nationality)."""
        tok = doc[i]
        text = tok.text
        return (tok.tag_ == "NNP" and text[:1].isupper() and any(c.islower() for c in text)
                and not tok.is_sent_start and i > 0 and doc[i - 1].whitespace_ != ""
                and tok.lower_ not in self.role_words and tok.lower_ not in self.determiners
                and tok.lower_ not in self.linking and name_key(text) not in self.aliases
                and name_key(text) not in self.demonyms and name_key(text) not in self.regional)


def _in_word(tk: TokenIndex, i: int) -> bool:
    """Token ``i`` goes on the word before it, with no space between; the blank line that ends a paragraph is a
    token of its own, and a name that opens the next paragraph ("...\n\nGraeme Souness said") is a word of its own."""
    return tk.glued(i) and not tk.text[i - 1].isspace()
