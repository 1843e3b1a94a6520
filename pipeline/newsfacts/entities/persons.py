"""People the model took for organisations (or places), decided once per name for the whole article.

The model calls many footballers, athletes and business people ORG ("Stan Varga headed Celtic into
the lead"), one mention at a time. A reader decides by what the article says of the name as a whole:
a full name written like a person's (two or three capitalised words, a particle between them, none an
organisation's word or a name of the tables) is a person when some mention of it or of its surname
alone shows one: a person noun or title before it or in apposition ("gold medallist X", "owner X",
"Mr X", "X, lawyer for ..."), an age ("X, 25,"), ", who", the side beaten in a contest ("lost to X",
"against X"), a "he"/"his" in its own clause, a list of mostly people it is in, a country's or club's
possessive before it ("DR Congo's X"), or the model reading it as a person elsewhere. One cue is enough
when the first word is a first name of ``gender-guesser``'s lexicon; initials or an unknown first name
need two kinds ("JP McManus", "Lomana LuaLua"), and then a first name at the end means a firm of two
founders ("McDonnell Douglas"). A firm named for a person ("Morgan Stanley", "Eli Lilly") has no such
cue, and any organisation cue on the full name keeps it an organisation: "the" before it, a kind noun
("the bank X"), a title after it ("X analyst"). The surname alone then follows the full name
(:meth:`PeopleLinkRules._link_people`), and so does a scorer a results line took for a side ("Varga 40").
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.entities.products import GENDERED_PRONOUNS
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

# "Varga", "O'Neill", "McAteer", "LuaLua", "Sven-Goran"
NAME_WORD_RE = re.compile(r"^(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]['’][A-Z][a-z]+|Ma?c[A-Z][a-z]+)(?:-[A-Z][a-z]+)*$")
AGE_RE = re.compile(r"^[1-9]\d$")
INITIALS_RE = re.compile(r"^[A-Z]{1,2}\.?$|^(?:[A-Z]\.){1,2}$")  # "JP", "J.P.", "A."



class PersonCueRules(Stage):
    """Full names the model tagged ORG that the article shows to be people (the pronoun cue is
    ``_pronoun_of_subject`` of :mod:`.products`)."""

    person_nouns: set[str]  # models/entities/person_nouns.txt: "medallist", "tycoon"

    def _people_tagged_org(self, doc: Doc, mentions: list[Mention]) -> None:
        tk = token_index(doc)
        candidates: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
        for m in mentions:
            words = self._words(doc, m)
            place = m.label in ("GPE", "LOC", "FAC") and not self._place_name(name_key(" ".join(words)))
            if (m.label == "ORG" or place) and not m.fixed and self._person_shaped(words, False):  # "Rio Ferdinand" too
                candidates[words].append(m)
        by_surname: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.end - m.start == 1:
                by_surname[tk.text[m.start]].append(m)
        for words, group in candidates.items():
            whole = [m for m in mentions if self._words(doc, m) == words]
            if any(self._org_cue(doc, m) for m in whole):
                continue
            place = self._place_name(name_key(words[-1]))
            alone = [m for m in by_surname.get(words[-1], ()) if not m.fixed and (
                m.label not in ("GPE", "LOC") or not place)]  # "Baros" taken for a place, "Vivancos" for a work
            cues = {self._person_cue(doc, m, mentions) for m in (*whole, *alone)} - {None}
            # a first name of the lexicon and one cue; two kinds of cue for a name it does not know ("Lomana LuaLua")
            known = first_name_gender(words[0])[1] > 0
            if known and cues or len(cues) >= 2 and first_name_gender(words[-1])[1] == 0:
                # (without a first name before it, a first name at the end is a firm of two founders: "McDonnell
                # Douglas", "Hewlett Packard")
                for m in group:
                    m.label = "PERSON"
        self._scorers_as_people(doc, mentions)

    def _scorers_as_people(self, doc: Doc, mentions: list[Mention]) -> None:
        """A one-word name a results or line-up layout took for a side ("Varga 40, Thompson 48 pen" under a
        match report) is the player when it is the surname of a person the article names in full and no
        place of the tables, or when the prose has it as a person and never as an organisation ("Drogba")."""
        tk = token_index(doc)
        surnames = {tk.text[m.end - 1] for m in mentions if m.label == "PERSON" and m.end - m.start >= 2}
        prose = defaultdict(set)
        for m in mentions:
            if not m.fixed and m.end - m.start == 1:
                prose[tk.text[m.start]].add(m.label)
        surnames |= {word for word, labels in prose.items() if labels == {"PERSON"}}
        for m in mentions:
            word = tk.text[m.start]
            if m.fixed and m.source == "table" and m.label == "ORG" and m.end - m.start == 1 \
                    and word in surnames and not self._place_name(name_key(word)):
                m.label = "PERSON"

    def _person_shaped(self, words: tuple[str, ...], first_name: bool = True) -> bool:
        """Two or three capitalised name words (or a particle between: "Arjan de Zeeuw"), the first a known first
        name (``first_name``), none an organisation's word or a name of the tables ("Stan Varga", "Carolina
        Kluft"; not "Trinity Mirror" if "mirror" ends organisations' names, not "UK Athletics")."""
        inner = words[1:-1]
        initials = not first_name and INITIALS_RE.match(words[0]) is not None  # "JP McManus": two cues needed
        return 2 <= len(words) <= 3 and (initials or NAME_WORD_RE.match(words[0])) and NAME_WORD_RE.match(words[-1]) \
            and all(NAME_WORD_RE.match(w) or w in self.particles for w in inner) \
            and (not first_name or first_name_gender(words[0])[1] == SURE) \
            and not any(w.lower() in self.role_words or w.lower() in self.linking and w not in self.particles
                        for w in words) \
            and self._no_org_or_table_word(words)

    def _person_cue(self, doc: Doc, m: Mention, mentions: list[Mention]) -> str | None:
        """The kind of cue a mention gives that it names a person, or None."""
        tk = token_index(doc)
        prev = tk.lower[m.start - 1] if m.start else ""
        if m.start and tk.text[m.start - 1].islower() and (prev in self.title_heads or prev in self.person_nouns):
            return "title"  # "gold medallist Carolina Kluft", "Chelsea owner Roman Abramovich"
        if prev.rstrip(".") in self.honorifics:
            return "title"  # "Mr Sainsbury"
        if m.end + 2 < tk.n and tk.text[m.end] == "," and AGE_RE.match(tk.text[m.end + 1]) \
                and tk.text[m.end + 2] in (",", ")"):
            return "age"  # "Varga, 31,"
        if m.end + 1 < tk.n and tk.text[m.end] == "," and tk.lower[m.end + 1] in ("who", "whose", "whom"):
            return "who"  # "Dwain Chambers, who was banned"
        if self._titled_in_apposition(doc, m):
            return "apposition"  # "Jim Press, vice president of Toyota"
        if self._opponent(doc, m) or self._beaten(doc, m):
            return "opponent"  # "against Carolina Kluft in the pentathlon", "lost to Elena Dementieva"
        if m.label == "PERSON" and m.source == "model":
            return "model"  # the model reads the name, or its surname alone, as a person elsewhere
        if self._his_own_clause(doc, m, mentions):
            return "pronoun"
        if self._paired_with_person(doc, m, mentions) or self._listed_with_people(doc, m, mentions):
            return "list"
        return "possessive" if self._side_owns(doc, m, mentions) else None

    def _listed_with_people(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Stam, Paolo Maldini, Cafu and Alessandro Costacurta": the list the name is in, items joined by
        commas or "and" on one line, has more people than organisations and places, and a person's full name or
        two people in it."""
        tk = token_index(doc)
        by_end = {o.end: o for o in mentions}
        by_start = {o.start: o for o in mentions}
        items = []
        for step in (-1, 1):
            cur = m
            while True:
                k = cur.start - 1 if step < 0 else cur.end
                seps = []
                while 0 <= k < tk.n and tk.text[k] in (",", "and") and len(seps) < 2:
                    seps.append(tk.text[k])
                    k += step
                nxt = (by_end.get(k + 1) if step < 0 else by_start.get(k)) if seps else None
                if nxt is None or "\n" in tk.doc_text[tk.idx[min(cur.start, nxt.start)]:
                                                      tk.end[max(cur.end, nxt.end) - 1]]:
                    break
                items.append(nxt)
                cur = nxt
        people = [o for o in items if o.label == "PERSON"]
        others = [o for o in items if o.label in ("ORG", "GPE", "FAC")]
        # more people than bodies: "Sony Pictures, Walt Disney, Touchstone and Buena Vista" is a list of studios
        return len(people) > len(others) and (any(o.end - o.start >= 2 for o in people) or len(people) >= 2)

    def _side_owns(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"DR Congo's Alain Masudi", "Chelsea's Frank Lampard": a country or club owns a person-shaped name
        whose last word is neither a first name nor a common word ("Italy's Alfa Romeo" stays a firm)."""
        tk = token_index(doc)
        if m.start < 2 or tk.lower[m.start - 1] not in ("'s", "’s"):
            return False
        owner = next((o for o in mentions if o.end == m.start - 1), None)
        last = tk.lower[m.end - 1]
        return owner is not None and owner.label in ("GPE", "ORG") and first_name_gender(last)[1] == 0 \
            and last not in self.known_words

    def _titled_in_apposition(self, doc: Doc, m: Mention) -> bool:
        """"Nick Davies, spokesman for the IAAF", "Kenteris's lawyer, Gregory Ioannidis,": a lower-case title or
        person noun right after the comma that follows the name (within three words), or right before the comma
        that opens it."""
        tk = token_index(doc)
        nouns = self.title_heads | self.person_nouns
        if m.start >= 2 and tk.text[m.start - 1] == "," and tk.text[m.start - 2].islower() \
                and tk.lower[m.start - 2] in nouns:
            return True
        if m.end + 1 >= tk.n or tk.text[m.end] != ",":
            return False
        owner = False
        for k in range(m.end + 1, min(m.end + 7, tk.n)):
            word = tk.text[k]
            if word.islower() and word in nouns:
                return True
            if k + 1 < tk.n and doc[k + 1].tag_ == "POS" and doc[k].pos_ == "PROPN" and not owner:
                owner = True  # "Rodrigo de Rato, the IMF's managing director,": one possessor in the phrase
                continue
            if k + 2 < tk.n and doc[k + 2].tag_ == "POS" and tk.lower[k].rstrip(".") in self.honorifics and not owner:
                continue  # "Viktor Pinchuk, Mr Kuchma's son-in-law,": the possessor's honorific
            if doc[k].tag_ == "POS" and owner:
                continue
            if not word.isalpha() or word[:1].isupper() and k > m.end + 1 \
                    or doc[k].pos_ not in ("DET", "ADJ", "NOUN", "NUM"):
                return False  # a noun phrase ("the club's former chairman"), not a clause ("winning best actress")
        return False

    def _beaten(self, doc: Doc, m: Mention) -> bool:
        """"Hewitt beat Taylor Dent", "a shock defeat to Taylor Dent", "lost to Elena Dementieva": the object of a
        contest verb or noun (``team_verbs.txt``), or of "to" after one. A club is one too, but a club's name is
        not written like a person's, which the candidate is."""
        head = doc[m.end - 1]
        if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in self.team_verbs:
            return True
        prep = head.head
        return head.dep_ == "pobj" and prep.lower_ in ("to", "by") and prep.head.lemma_ in self.team_verbs

    def _his_own_clause(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Varga tapped in his second": the subject of a clause whose next personal pronoun, before any
        other name, hangs on that clause's verb."""
        return self._pronoun_of_subject(doc, m, mentions, ("nsubj", "nsubjpass"), GENDERED_PRONOUNS) is not None

    def _org_cue(self, doc: Doc, m: Mention) -> bool:
        """What an organisation's name has and a person's lacks: "the" before it, a kind noun of an
        organisation, a lower-case title after it ("Morgan Stanley analyst")."""
        tk = token_index(doc)
        if m.start and tk.lower[m.start - 1] in ("the", "a", "an"):
            return True
        if m.end < tk.n and tk.text[m.end].islower() and tk.lower[m.end] in self.title_heads:
            return True
        return self._kind_noun(doc, m) == "ORG" or name_key(self._name(doc, m)) in self.aliases
