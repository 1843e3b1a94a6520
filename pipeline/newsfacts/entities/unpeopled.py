"""One-word "people" the whole article uses as a place or a body: "rumours he will leave Anfield",
"a bid from Spurs ... Spurs had made bids", "the Balco laboratory", "Chelsea's John Terry", "Camberley, Surrey".

The model reads one sentence at a time and takes many a one-word name it does not know for a surname.
Here the decision is the article's, over every capitalised use of the word, tagged or not. A name
stays a person when any use has a person's evidence: a word of a person's full name in the article,
an honorific, title or person noun right before it ("coach
Ranieri", "Mr Hayes"), an age after it ("Bez, 40,"), or the subject of a verb people and bodies share ("X said") where
the other evidence is "at X" or one use. It becomes a place or a body when some use has
evidence for one: a modifier of a head noun no person's name modifies (``body_heads.tsv``: "the X
club", "X airport"), a possessive before a person's full name ("X's John Smith"), "the X" heading its
phrase, the object of "in"/"near"/"outside", a town and a comma before it ("Chatham, Kent"), "X-based".
"at X" is weaker ("a dig at X"): only without a person's verb. A political group's word (``party_words.txt``:
"Labour says ...") with no person's evidence is the party. A first name of gender-guesser's lexicon
("Chelsea", "Kent") takes more than "the X" or "at X".

:mod:`.towns` (GeoNames towns), :mod:`.articled` (only ever "the X") and the cues of :mod:`.cues`
(products, works, clubs) run first; this reads the one-word "people" they leave.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.articled import headed_by_the, one_word_people
from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, name_key
from newsfacts.namematch import first_name_gender
from newsfacts.tokens import token_index

PLACE_OBJECT = frozenset({"in", "near", "outside", "throughout", "across"})
SHARED_VERBS = frozenset({"say", "tell", "add", "claim", "insist", "admit", "warn", "believe", "want"})
REGNAL = re.compile(r"^[IVX]+$")
BASED = frozenset({"based", "born", "bred"})


class UnpeopledRules(Stage):
    """Relabel the one-word "people" whose article uses them only as places or bodies."""

    body_heads: dict[str, str]
    person_nouns: set[str]

    def _unpeopled(self, doc: Doc, mentions: list[Mention]) -> None:
        tk = token_index(doc)
        groups, in_full, where = one_word_people(doc, mentions)
        if not groups:
            return
        labels = {(m.start, m.end): m.label for m in mentions}
        starts = {m.start: m for m in mentions}
        for low, group in groups.items():
            word = tk.text[group[0].start]
            party = self._party_name(word)  # "Labour", also a title's portfolio word ("Labour minister")
            if low in in_full or any(m.fixed or (m.canonical and " " in m.canonical) for m in group) \
                    or name_key(word) in self.aliases or not word.replace("-", "").isalpha() \
                    or low in self.role_words and not party:  # "the Queen", "the Pope": titles
                continue
            first = bool(first_name_gender(word)[1])  # "Chelsea", "Kent": only where the evidence is strong
            label = self._body_label(doc, where[low], labels, starts, first)
            if label is None and party:
                label = "ORG"  # "Labour says ...", "the opposition to Labour": a political group's word (peoples.py)
            if label and label != "PERSON":
                for m in group:
                    m.label = label  # not fixed: a club's cue read later may say more

    def _body_label(self, doc: Doc, uses: list[int], labels: dict[tuple[int, int], str],
                    starts: dict[int, Mention], first: bool) -> str | None:
        """The label the uses give the word, "PERSON" where any use reads it as a person's name, or None."""
        tk = token_index(doc)
        strong: list[str] = []
        weak = False
        spoke = False
        for k in uses:
            prev = tk.lower[k - 1] if k else ""
            nxt = tk.lower[k + 1] if k + 1 < tk.n else ""
            if prev.rstrip(".") in self.honorific_genders or prev in self.honorifics \
                    or prev[:1].isalpha() and prev in self.title_heads \
                    or (k and tk.text[k - 1].islower() and prev in self.person_nouns):
                return "PERSON"  # "Mr Hayes", "President Clinton", "coach Ranieri", "gold medallist Holmes"
            if nxt == "," and k + 3 < tk.n and tk.text[k + 2].isdigit() and tk.text[k + 3] == ",":
                return "PERSON"  # "Bez, 40,"
            tok = doc[k]
            if tok.dep_ == "nsubj" and tok.head.lemma_ in SHARED_VERBS:
                spoke = True
            label = self._use_label(doc, k, labels, starts)
            if label in ("at", "the") and first:
                continue
            if label == "at":
                weak = True
            elif label == "the":
                strong.append("ORG")
            elif label:
                strong.append(label)
        if strong and (len(strong) > 1 or not spoke):  # "Parry firm over X" in a headline, and "Parry said"
            return max(set(strong), key=lambda x: (strong.count(x), x == "ORG"))
        if weak and not spoke:
            return "FAC"
        return None

    def _use_label(self, doc: Doc, k: int, labels: dict[tuple[int, int], str],
                   starts: dict[int, Mention]) -> str | None:
        tk = token_index(doc)
        tok = doc[k]
        prev = tk.lower[k - 1] if k else ""
        nxt = tk.lower[k + 1] if k + 1 < tk.n else ""
        head = tok.head
        if tok.dep_ in ("compound", "nmod", "amod") and head.i > k and tk.text[k + 1].islower():
            noun = nxt if nxt in self.body_heads else nxt[:-1] if nxt.endswith("s") else nxt
            if noun in self.body_heads and doc[k + 1].pos_ in ("NOUN", "PROPN"):
                return self.body_heads[noun]  # "the Anfield club", "Balco laboratory", "Premiership clubs"
        if nxt in POSSESSIVES and k + 2 < tk.n:
            after = starts.get(k + 2)
            if after and after.label == "PERSON" and after.end - after.start > 1 \
                    and not REGNAL.match(tk.text[after.end - 1]):
                return "ORG"  # "Chelsea's John Terry"; not "Shakespeare's Richard III", a part in a play
        if nxt in ("-", "–") and k + 2 < tk.n and tk.lower[k + 2] in BASED:
            return "GPE"  # "a Glasgow-based band"
        if k and tk.text[k - 1] == "the" and headed_by_the(doc, k):
            return "the"  # "fifth in the Premiership", "talks with the Bundesbank"
        if prev in PLACE_OBJECT and tok.dep_ == "pobj" and head.i == k - 1 \
                and (prev != "in" or head.head.pos_ in ("VERB", "AUX", "PROPN")):  # not "shares in X"
            return "GPE"  # "founded in Kent"
        if prev == "," and nxt in (",", ".", ")", "") and self._placed_before(doc, k - 1, labels):
            return "GPE"  # "from Camberley, Surrey, ..."
        if prev == "at" and tok.dep_ == "pobj" and head.i == k - 1:
            return "at"
        return None

    def _placed_before(self, doc: Doc, comma: int, labels: dict[tuple[int, int], str]) -> bool:
        """A place the sentence puts something in ends right before the comma: "a man from Camberley"."""
        tk = token_index(doc)
        for (s, e), lab in labels.items():
            if e == comma and lab == "GPE" and s > 0 and tk.lower[s - 1] in PLACE_OBJECT | {"from", "at"}:
                return doc[e - 1].dep_ == "pobj" and doc[e - 1].head.i == s - 1
        return False
