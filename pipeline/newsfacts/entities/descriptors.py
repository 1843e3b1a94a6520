"""Words that say what a person is, run into the person's name by the model: "Welshman Jimmy Watkins",
"Tory Annabel Goldie", "Lib Dem Norman Baker".

:meth:`~newsfacts.entities.spans.SpanRules._trim` already drops a leading honorific, title or
nationality word of the tables. What no word list it reads holds is a party or a body the article
names on its own ("Tory", "Lib Dem"), a nationality noun ("Welshman", "Frenchwoman") or a noun for a
kind of person (``person_nouns.txt``: "Medallist"). A name's first words are cut as such a descriptor
only with evidence on both sides:

- the words left begin with a first name (gender-guesser), are two words or more and have no word of a
  body's name ("Corp.", "Bank"), so "Khoo Kay Peng" and "Shani Rhys James" stay whole (neither "Khoo"
  nor a first name alone is a descriptor), and so does "Lockheed Martin Corp.";
- the words cut are a descriptor: the article names them as an organisation or a nationality elsewhere
  ("the Tory leader", "Lib Dem MPs"), they are a nationality of the tables with "man" or "woman"
  ("Welshman"), a nationality of the tables ("New Zealander", "Australian"), or a title or person noun of the
  word lists; and they are no first name, unless
  the article itself names them as a body or a nationality ("Tory" is a first name too), or they are a
  party's word (``party_words.txt``) before a sure first name ("Tory Gerald Hunt"). A name the
  model took for an organisation's loses only a listed word ("Frenchman Jean Dupont"), or a body the
  article names on its own when a sure first name and a surname are left ("Lib Dems David Laws"): a firm
  is often named for a body and a person ("Lockheed Martin").

The descriptor becomes a mention of its own when the article names it as a body or a nationality, so the
role stays with the person through :mod:`.roles`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

MAX_DESCRIPTOR = 2  # words: "Lib Dem"
NATIONALITY_NOUNS = ("man", "woman", "men", "women")  # "Welshman", "Frenchwoman"


class DescriptorRules(Stage):
    """Cut the descriptor words the model runs into a person's name."""

    person_nouns: set[str]
    personal_roles: set[str]
    party_words: set[str]

    def _cut_descriptors(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        tk = token_index(doc)
        named: dict[str, str] = {}  # name_key -> label, of the bodies and nationalities the article names
        for m in mentions:
            if m.end - m.start <= MAX_DESCRIPTOR and self._names_a_body(doc, m):
                named.setdefault(name_key(tk.span(m.start, m.end)), m.label)
        for m in mentions:  # "the Lib Dems": a plural names a body (or its members), whatever the model's label
            key = name_key(tk.span(m.start, m.end))
            if m.end - m.start <= MAX_DESCRIPTOR and m.label in ("ORG", "PERSON", "NORP") and key.endswith("s") \
                    and tk.text[m.end - 1][:1].isupper() and key[:-1] not in named:
                named[key[:-1]] = "ORG"
        out: list[Mention] = []
        for m in mentions:
            cut = self._descriptor_end(doc, m, named) if m.label in ("PERSON", "ORG") and not m.fixed else None
            if cut is None:
                out.append(m)
                continue
            key = name_key(tk.span(m.start, cut))
            label = named.get(key) or (named.get(key[:-1]) if key.endswith("s") else None)  # "Lib Dems"
            if label is None and (self._nationality_noun(tk.span(m.start, cut)) or key in self.party_words
                                  or name_key(tk.span(m.start, cut)) in self.demonyms):
                label = "NORP"
            if label is not None:
                out.append(Mention(m.start, cut, label, "rule"))
            m.start, m.label = cut, "PERSON"
            out.append(m)
        return out

    def _names_a_body(self, doc: Doc, m: Mention) -> bool:
        """A mention that names a body or a nationality as such: a NORP ("Tory") or a word that modifies a
        common noun after it ("Tory leader", "Labour MPs"); not a one-word "ORG" that
        acts as a person would ("Khoo said", the surname of "Khoo Kay Peng" taken for a firm)."""
        tk = token_index(doc)
        last = doc[m.end - 1]
        if m.label == "NORP":
            return True
        return m.label == "ORG" and m.end < tk.n and last.head.i >= m.end and tk.text[last.head.i].islower() \
            and last.head.pos_ == "NOUN" and last.dep_ in ("compound", "amod", "nmod")

    def _descriptor_end(self, doc: Doc, m: Mention, named: dict[str, str]) -> int | None:
        """Where the name begins after a descriptor of one or two words, or None."""
        tk = token_index(doc)
        for k in range(m.start + 1, min(m.start + MAX_DESCRIPTOR, m.end - 2) + 1):
            words = tk.text[m.start:k]
            if not all(w[:1].isupper() and w.isalpha() for w in words) or not first_name_gender(tk.text[k])[1] \
                    or not tk.text[k][:1].isupper():
                continue
            key = name_key(" ".join(words))
            in_article = key in named or key.endswith("s") and key[:-1] in named  # "Lib Dems David Laws"
            listed = len(words) == 1 and (key in self.person_nouns or key in self.personal_roles
                                          or (key,) in self.titles or self._nationality_noun(words[0])) \
                or key in self.demonyms  # "New Zealander Jason Spice", "Australian Lleyton Hewitt"
            rest = tk.lower[k:m.end]
            if any(w in self.org_suffixes or w in self.name_heads for w in rest):
                return None  # "Lockheed Martin Corp.": the words left name no person
            party = key in self.party_words and first_name_gender(tk.text[k])[1] == SURE  # "Tory Gerald Hunt"
            if in_article and (m.label == "PERSON" or self._first_and_surname(tk.text[k:m.end])) \
                    or listed and not first_name_gender(words[0])[1] or party and m.label == "PERSON":
                return k
        return None

    @staticmethod
    def _first_and_surname(words: list[str]) -> bool:
        """"David Laws" of "Lib Dems David Laws": a sure first name and one surname, what a body's name that
        the article names apart never ends with."""
        return len(words) == 2 and first_name_gender(words[0])[1] == SURE and words[1][:1].isupper()

    def _nationality_noun(self, word: str) -> bool:
        """"Welshman", "Frenchwoman", "Englishmen": a nationality word of the tables and "man" or "woman"."""
        low = word.lower()
        return any(low.endswith(end) and name_key(low[:-len(end)]) in self.demonyms for end in NATIONALITY_NOUNS)
