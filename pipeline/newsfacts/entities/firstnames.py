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
name. :meth:`SpanRules._extend_people` then adds the rest of a longer name, and the first name the
model left out before a name it tagged ("Shani" of "Shani Rhys James", tagged "Rhys James"), by the
same test (:meth:`FirstNameRules._first_name_left_out`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.kinds import agent_noun
from newsfacts.entities.mentions import NAME_LABELS, Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

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
            if i > 0 and tk.end[i - 1] == tk.idx[i]:
                continue  # inside a longer word
            if i > 0 and texts[i - 1][:1].isupper() and texts[i - 1].isalpha() and i - 1 not in taken \
                    and not doc[i].is_sent_start:
                continue  # "Viva Zapata", "Lake Placid Town": a longer capitalised phrase
            if i > 0 and doc[i - 1].tag_ in ("DT", "PRP$", "WP$"):
                continue  # "a Heath Robinson device", "their Morris Minor": a thing named for someone
            if doc[i + 1].like_num or not all(self._may_be_name(w, k) for k, w in enumerate(lowers[i:i + 2])):
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
        if i > 0 and (doc[i - 1].tag_ in ("DT", "PRP$", "WP$", "POS") or tk.end[i - 1] == tk.idx[i]):
            return False
        strength = first_name_gender(tk.text[i])[1]
        return strength == SURE or strength > 0 and words >= 2
