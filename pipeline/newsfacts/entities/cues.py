"""Type decisions by what a name does in its sentences, for the whole article.

The model labels one mention at a time; the article says more. A name after a kind noun ("the
airline Emirates", "the band Coldplay") or with one in apposition ("Emirates, the airline") has
that kind's label (``models/entities/type_nouns.tsv``). A place name that takes part in a contest
("Leicestershire beat Somerset", "the match against Kent", a results line "Surrey 429-7") is a
team, an organisation; at least two names must do so, as a contest has two sides, and countries
stay places (national sides). A plural name after "the" ("the Beatles") or a name with a plural verb
("Deportivo were") is a group. Every mention of such a name in the article takes the label.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

SCORE_RE = re.compile(r"^\d+(?:[-/]\d+)?$")
CONTEST_PREPS = {"against", "v", "vs", "vs."}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
LIST_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
LIST_SEPARATORS = {(",",), ("and",), ("or",), (",", "and"), (",", "or")}
RELATIVES = {"which", "that", "who", "whose"}  # "Grange Hill, the school drama serial which ..."
KIND_LABELS = {"EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
SHORT_FORM_DETS = {"the", "no", "this", "that", "any", "every", "a"}  # "the Bill", "no Bill goes through"
PLACE_PREPS = {"in", "near", "outside"}  # prepositions of place: "near Bristol"
CALLED = {"called", "named", "titled", "entitled", "dubbed"}


class CueRules(Stage):
    """Labels from kind nouns, contests and plural agreement, decided once per name for the article."""

    def _by_cues(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> None:
        kinds: dict[str, str] = {}
        teams = set()
        groups = set()  # names that agree with a plural verb: a team, a band, a firm
        agents = self._agents(doc, mentions)
        local: dict[int, str] = {}  # a label for one mention only: "the Rotterdam final", "near Bristol"
        surnames = {token_index(doc).lower[m.end - 1] for m in mentions if m.label == "PERSON" and m.end - m.start >= 2}
        for m in mentions:
            key = name_key(self._name(doc, m))
            kind = self._kind_noun(doc, m) or self._role_owner(doc, m, mentions)
            if not kind and key not in agents:
                kind = self._kind_after(doc, m)
                if kind and self._place_name(key):
                    local[id(m)], kind = kind, None  # the city stays a city elsewhere
            if not kind and self._place_after_preposition(doc, m, surnames):
                local[id(m)] = "GPE"
            if kind:
                kinds.setdefault(key, kind)
            elif self._may_be_team(doc, m) and self._in_contest(doc, m, lines):
                teams.add(key)
            elif self._competitor(doc, m) and (self._in_contest(doc, m, lines) or self._opponent(doc, m)):
                kinds.setdefault(key, "PERSON")  # "the final against Ivo Minar": a player, not a club
            if self._plural_subject(doc, m) or self._plural_name(doc, m):
                groups.add(key)
        listed = self._list_labels(doc, mentions)
        # a name a rule has fixed as a person ("Gough 8-0-39-3", bowling figures) is no team
        teams -= {name_key(self._name(doc, m)) for m in mentions if m.fixed and m.label == "PERSON"}
        if len(teams) < 2:
            teams.clear()
        for m in mentions:
            if m.fixed:
                continue
            key = name_key(self._name(doc, m))
            # a person's full name ("Franz Ferdinand") keeps its label; a title taken for one does not
            if key in kinds and not (self._named_person(doc, m)
                                     and first_name_gender(self._words(doc, m)[0])[1] == SURE):
                m.label = kinds[key]
            elif key in teams and self._may_be_team(doc, m):
                m.label = "ORG"
            elif key in groups and not self._named_person(doc, m):
                m.label = "ORG"
            elif key in listed and m.label in LIST_LABELS:
                m.label = listed[key]
            if id(m) in local:
                m.label = local[id(m)]
        self._head_short_forms(doc, mentions)

    def _list_labels(self, doc: Doc, mentions: list[Mention]) -> dict[str, str]:
        """"Breen, Staunton, Irwin, McAteer and Houghton": names listed together are one kind of thing.
        In a list of names on one line ("A, B and C": commas, then "and" or "or" before the last,
        or four names or more between commas; not "A and B, the C", an apposition), where two
        thirds share a label, the others take it; a place label only when one of the places is in
        the tables (the model takes brand names for towns: "AEG, Zanussi and Frigidaire")."""
        tk = token_index(doc)
        out: dict[str, str] = {}
        chain: list[Mention] = []
        seps: list[tuple[str, ...]] = []
        names = [m for m in mentions if m.label in LIST_LABELS  # not "Ohio" of "Ohio-based"
                 and not (m.end < tk.n and tk.text[m.end] == "-" and tk.idx[m.end] == tk.end[m.end - 1])]
        for m in sorted(names, key=lambda m: m.start) + [None]:
            sep = tuple(tk.lower[chain[-1].end:m.start]) if m is not None and chain else None
            if sep in LIST_SEPARATORS and "\n" not in tk.doc_text[tk.end[chain[-1].end - 1]:tk.idx[m.start]]:
                chain.append(m)
                seps.append(sep)
                continue
            if len(chain) >= 3 and all(x == (",",) for x in seps[:-1]) \
                    and (seps[-1][-1] in ("and", "or") or len(chain) >= 4):
                best, n = Counter(c.label for c in chain).most_common(1)[0]
                known_place = any(c.label == best and name_key(self._name(doc, c)) in self.aliases for c in chain)
                if n >= 2 * len(chain) / 3 and (best not in PLACE_LABELS or known_place):
                    for c in chain:
                        key = name_key(self._name(doc, c))
                        alias = self.aliases.get(key)
                        if c.label != best and not c.fixed and (alias is None or alias.label == best) \
                                and not (c.label in PLACE_LABELS and best in PLACE_LABELS):  # "Europe" stays LOC
                            out.setdefault(key, best)
            chain = [m] if m is not None else []
            seps = []
        return out

    def _named_person(self, doc: Doc, m: Mention) -> bool:
        """A person the article names in full: the mention is, or ends, a full name ("Jones" of
        "Ann Jones"); not a one-word name that only begins a longer "person" ("Cofinec GDRs")."""
        if m.label != "PERSON" or not m.canonical or " " not in m.canonical:
            return False
        return m.canonical.split()[-1].lower() == token_index(doc).lower[m.end - 1]

    def _role_owner(self, doc: Doc, m: Mention, mentions: list[Mention]) -> str | None:
        """"Cofinec CEO Stephen Frater", "Deportivo chairman Augusto Lendoiro": a one-name "person"
        right before a role and a person's full name is the body the role belongs to, an ORG."""
        if m.label != "PERSON" or self._named_person(doc, m):
            return None
        tk = token_index(doc)
        j = m.end
        while j < tk.n and j - m.end < 3 and tk.lower[j] in self.role_words and not tk.text[j].istitle():
            j += 1
        if j == m.end or tk.lower[j - 1] not in self.title_heads:
            return None
        after = next((o for o in mentions if o.start == j), None)
        return "ORG" if after is not None and after.label == "PERSON" and after.end - after.start >= 2 else None

    def _plural_subject(self, doc: Doc, m: Mention) -> bool:
        """"Nice have been unable to win", "Deportivo were reduced to ten men": a singular name with a
        plural verb is a group of people (British usage for teams, bands, firms), not a person or a
        place. Countries stay places (national sides); coordinated subjects agree as a pair."""
        if m.label not in PLACE_LABELS and m.label != "PERSON":
            return False
        key = name_key(self._name(doc, m))
        alias = self.aliases.get(key)
        if (alias is not None and alias.kind == "country") or key in self.demonyms or key[:-1] in self.demonyms:
            return False  # "Chechens start talks": a people
        head = doc[m.end - 1]
        if head.tag_ not in ("NNP", "NNPS") or head.dep_ not in ("nsubj", "nsubjpass") \
                or any(c.dep_ in ("conj", "cc") for c in head.children):
            return False
        tk = token_index(doc)
        for verb in (head.head, *(c for c in head.head.children if c.dep_ in ("aux", "auxpass"))):
            if (verb.tag_ == "VBP" or verb.lower_ == "were") and head.i < verb.i <= head.i + 3 \
                    and "\n" not in tk.doc_text[tk.end[head.i]:tk.idx[verb.i]]:
                return True  # the verb right after the name, on its line
        return False

    def _plural_name(self, doc: Doc, m: Mention) -> bool:
        """"the Beatles", "the Rolling Stones": a plural proper noun after "the" names a group, not a person
        (a people, "the Chechens", stays as it is)."""
        tk = token_index(doc)
        if m.label != "PERSON" or m.start == 0 or tk.lower[m.start - 1] != "the":
            return False
        key = name_key(self._name(doc, m))
        return doc[m.end - 1].tag_ in ("NNPS", "NNS") and key not in self.demonyms and key[:-1] not in self.demonyms

    def _may_be_team(self, doc: Doc, m: Mention) -> bool:
        """A place, or a one-word "person" no full name in the article explains (a county, a club)."""
        alias = self.aliases.get(name_key(self._name(doc, m)))
        if alias is not None and alias.kind == "country":
            return False
        if m.label in PLACE_LABELS:
            return True
        return m.label == "PERSON" and m.end - m.start == 1 and (m.canonical is None or " " not in m.canonical)

    def _in_contest(self, doc: Doc, m: Mention, lines: list[str]) -> bool:
        tk = token_index(doc)
        head = doc[m.end - 1]
        if head.dep_ in ("nsubj", "dobj", "nsubjpass") and head.head.lemma_ in self.team_verbs:
            return True
        if head.dep_ == "pobj" and head.head.lower_ in CONTEST_PREPS and head.head.head.lemma_ in self.team_verbs:
            return True
        # a results line: "Surrey 429-7", "Kent 2 Essex 1"
        return m.end < tk.n and SCORE_RE.match(tk.text[m.end]) is not None and lines[m.start] != "title" \
            and (m.end + 1 >= tk.n or "\n" in doc[m.end].whitespace_ or not tk.text[m.end + 1][:1].isalpha()
                 or tk.text[m.end + 1][:1].isupper())

    def _kind_noun(self, doc: Doc, m: Mention) -> str | None:
        """"the airline Emirates", "Emirates, the airline", "Longyear is a town", "the town of
        Tavildara" (places only: "the bank of X" says nothing of X): the kind noun's label. And
        "Duran, 45," (an age in apposition): a person."""
        tk = token_index(doc)
        prev = m.start - 1
        if prev >= 1 and tk.lower[prev] in self.type_nouns and self._kind_word(doc, prev) \
                and self.type_nouns[tk.lower[prev]] != "EVENT" and (
                    tk.lower[prev - 1] in ("the", "a", "an", "its", "their")
                    or doc[prev - 1].pos_ in ("ADJ", "NOUN", "PROPN", "PART") and self._same_phrase(doc, prev, m)):
            return self.type_nouns[tk.lower[prev]]  # "the airline Emirates", "TV soap Brookside"
        kind = self._kind_apposed_before(doc, m) or self._kind_called(doc, m) or self._kind_listed(doc, m)
        if kind:
            return kind
        head = doc[m.end - 1]
        if head.dep_ == "dobj" and head.head.lemma_ in self.prize_verbs and prev >= 0 and tk.lower[prev] == "the" \
                and (m.label != "PERSON" or m.end - m.start == 1):
            return "EVENT"  # "won the Ashes"
        if m.start >= 3 and tk.lower[m.start - 1] == "of" and doc[m.start - 2].pos_ == "NOUN" \
                and self.type_nouns.get(doc[m.start - 2].lemma_.lower()) in PLACE_LABELS \
                and tk.lower[m.end - 1] not in self.name_heads and tk.lower[m.end - 1] not in self.org_suffixes:
            return self.type_nouns[doc[m.start - 2].lemma_.lower()]
        head = doc[m.end - 1]
        if head.dep_ == "nsubj" and head.head.lemma_ == "be" and head.head.i > head.i:
            attr = next((c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
            if attr is not None and attr.lemma_.lower() in self.type_nouns:
                return self.type_nouns[attr.lemma_.lower()]
        if m.end + 2 < tk.n and tk.text[m.end] == "," and tk.text[m.end + 2] in (",", ")") \
                and tk.text[m.end + 1].isdigit() and 14 <= int(tk.text[m.end + 1]) <= 105:
            return "PERSON"
        i = m.end
        if i + 2 < tk.n and tk.text[i] == "," and tk.lower[i + 1] in ("the", "a", "an"):
            j = i + 2
            while j < tk.n and j - i <= 6 and (doc[j].pos_ in ("ADJ", "NOUN", "PROPN") or doc[j].tag_ == "VBN"
                                              or tk.text[j] == "-" and not doc[j - 1].whitespace_) \
                    and tk.lower[j] not in self.type_nouns:  # "the school-based drama serial"
                j += 1
            kind = j
            while j + 1 < tk.n and tk.lower[kind] in self.type_nouns and self._kind_word(doc, j + 1):
                j += 1  # "the drama serial", "the police drama series": the last kind noun of the compound
                kind = j if tk.lower[j] in self.type_nouns else kind
            if j < tk.n and tk.lower[kind] in self.type_nouns and doc[kind].pos_ == "NOUN" and (
                    j + 1 >= tk.n or doc[j + 1].is_punct or tk.lower[j + 1] in RELATIVES):
                return self.type_nouns[tk.lower[kind]]
        return None

    # --- kind nouns around a name: the looser forms, each checked by the parse or the punctuation ---------

    @staticmethod
    def _kind_word(doc: Doc, i: int) -> bool:
        """A kind noun as a common noun: lower-case, not part of a name ("Soap Awards")."""
        return doc[i].pos_ == "NOUN" and doc[i].text.islower()

    @staticmethod
    def _same_phrase(doc: Doc, i: int, m: Mention) -> bool:
        """The noun ``i`` and the name are one noun phrase (a compound or an apposition), not two
        phrases side by side ("in the film Tom Hanks plays")."""
        head = doc[m.end - 1]
        return m.start <= doc[i].head.i < m.end or head.head.i == i

    def _kind_apposed_before(self, doc: Doc, m: Mention) -> str | None:
        """"the Cuban capital, Havana -", "the band's seventh studio album, Lifeblood,": a kind noun
        with its determiner, a comma, then the name and a punctuation mark (an apposition, not a list)."""
        tk = token_index(doc)
        noun = m.start - 2
        if noun < 1 or tk.text[m.start - 1] != "," or tk.lower[noun] not in self.type_nouns \
                or not self._kind_word(doc, noun) or (m.end < tk.n and not doc[m.end].is_punct):
            return None
        k = noun - 1
        while k >= 0 and noun - k <= 4 and doc[k].pos_ in ("ADJ", "NOUN", "NUM", "PROPN") and not doc[k].is_punct:
            k -= 1
        if k >= 0 and (tk.lower[k] in ("the", "a", "an", "its", "their", "his", "her") or tk.lower[k] in POSSESSIVES):
            return self.type_nouns[tk.lower[noun]]
        return None

    def _kind_called(self, doc: Doc, m: Mention) -> str | None:
        """"a song called Judge Y'Self", "a song dedicated to him called X": the kind noun that
        "called", "named" or "titled" describes (the nearest noun before it, within its clause)."""
        tk = token_index(doc)
        if m.start < 2 or tk.lower[m.start - 1] not in CALLED:
            return None
        for k in range(m.start - 2, max(m.start - 8, -1), -1):
            if doc[k].is_punct or doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[k].dep_ in ("nsubj", "nsubjpass"):
                return None  # another clause: "he called Smith"
            if doc[k].pos_ == "NOUN":
                return self.type_nouns.get(doc[k].lemma_.lower()) if doc[k].text.islower() else None
        return None

    def _kind_listed(self, doc: Doc, m: Mention) -> str | None:
        """"consoles such as Microsoft's Xbox and the PlayStation", "songs including X": a name listed
        after a kind noun (not a possessor: Microsoft is the Xbox's maker)."""
        tk = token_index(doc)
        if m.end < tk.n and tk.lower[m.end] in POSSESSIVES:
            return None
        k = m.start - 1
        while k >= 1 and m.start - k <= 12 and tk.lower[k] not in ("as", "including", "like"):
            if not (doc[k].is_title or doc[k].pos_ == "PROPN" or tk.lower[k] in (",", "and", "or", "the", "a", "an")
                    or tk.lower[k] in POSSESSIVES):
                return None
            k -= 1
        if k < 1 or tk.lower[k] not in ("as", "including", "like") \
                or (tk.lower[k] == "as" and tk.lower[k - 1] != "such"):
            return None
        noun = k - (2 if tk.lower[k] == "as" else 1)
        if noun >= 0 and tk.text[noun] == ",":
            noun -= 1
        if noun < 0 or not self._kind_word(doc, noun):
            return None
        return self.type_nouns.get(doc[noun].lemma_.lower())

    def _kind_after(self, doc: Doc, m: Mention) -> str | None:
        """"Linux software", "the Tri-Nations tournament", "a Subaru Impreza rally car": a kind noun
        of the "after" list right after the name (one other noun may stand between) types the name;
        not a country ("the England trials") and not a full person's name."""
        tk = token_index(doc)
        j = m.end
        if j < tk.n and self._kind_word(doc, j) and tk.lower[j] not in self.after_nouns:
            j += 1  # "rally car", "film soundtrack"
        noun_role = doc[j].pos_ == "ADJ" and doc[j].dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos") \
            if j < tk.n else False  # "the Rotterdam final", tagged as an adjective
        if j >= tk.n or tk.lower[j] not in self.after_nouns or not (self._kind_word(doc, j) or noun_role) \
                or not m.end <= doc[m.end - 1].head.i <= j:  # the name modifies the noun
            return None
        alias = self.aliases.get(name_key(self._name(doc, m)))
        if alias is not None and alias.kind == "country" or self._named_person(doc, m):
            return None
        return self.type_nouns[tk.lower[j]]

    def _agents(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Names the article has act as a maker or owner: a possessor ("IBM's software"), the
        subject of "say" or the agent of a passive ("launched by Apple"); a kind noun after such a name
        ("Apple software") is what it makes."""
        tk = token_index(doc)
        out = set()
        for m in mentions:
            head = doc[m.end - 1]
            if (m.end < tk.n and tk.lower[m.end] in POSSESSIVES and doc[m.end].tag_ == "POS") \
                    or (head.dep_ == "nsubj" and head.head.lemma_ == "say") \
                    or self._passive_agent(head):  # "launched by Apple"
                out.add(name_key(self._name(doc, m)))
            alias = self.aliases.get(name_key(self._name(doc, m)))
            if alias is not None and alias.kind == "org":
                out.add(name_key(self._name(doc, m)))
        return out

    @staticmethod
    def _passive_agent(head) -> bool:
        """The object of "by" under a passive participle: "launched (amid much fanfare) by Apple"."""
        if head.dep_ != "pobj" or head.head.lower_ != "by":
            return False
        if head.head.dep_ == "agent":
            return True
        up = head.head.head
        for _ in range(3):
            if up.tag_ == "VBN":
                return True
            if up.head.i == up.i:
                return False
            up = up.head
        return False

    def _head_short_forms(self, doc: Doc, mentions: list[Mention]) -> None:
        """"the Prevention of Terrorism Bill" ... "the Bill": a one-word name after "the" ("no", ...) that is the
        head word of a law, event, venue or work the article names in full takes its label."""
        tk = token_index(doc)
        heads = {tk.lower[m.end - 1]: m.label for m in mentions
                 if m.label in KIND_LABELS and m.end - m.start >= 2
                 and (tk.lower[m.end - 1] in self.name_heads or tk.lower[m.end - 1] in self.event_last)}
        for m in mentions:
            if m.end - m.start == 1 and m.start > 0 and tk.lower[m.start - 1] in SHORT_FORM_DETS and not m.fixed \
                    and m.label in ("PERSON", "ORG") and tk.lower[m.start] in heads:
                m.label = heads[tk.lower[m.start]]

    def _place_name(self, key: str) -> bool:
        alias = self.aliases.get(key)
        return key in self.city_country or alias is not None and alias.kind in ("place", "country")

    def _place_after_preposition(self, doc: Doc, m: Mention, surnames: set[str]) -> bool:
        """"near Bristol", "came two years ago in Valencia": a one-word "person" or "organisation" that
        the place tables or GeoNames know as a city, governed by a preposition of place, is the place;
        not a surname of the article's people, nor a possessor ("in Valencia's win"), nor the start of a
        longer name. For this mention only: a club of the same name stays a club elsewhere."""
        tk = token_index(doc)
        if m.end - m.start != 1 or m.label not in ("PERSON", "ORG") or m.fixed or m.start == 0 \
                or tk.lower[m.start - 1] not in PLACE_PREPS or tk.lower[m.start] in surnames:
            return False
        if m.end < tk.n and (tk.lower[m.end] in POSSESSIVES or tk.text[m.end][:1].isupper()):
            return False
        head = doc[m.start]
        return head.dep_ == "pobj" and head.head.i == m.start - 1 and self._place_name(name_key(self._name(doc, m)))

    def _competitor(self, doc: Doc, m: Mention) -> bool:
        """An "organisation" written as a first name and a surname ("Ivo Minar"): in a contest, a player."""
        words = self._words(doc, m)
        return m.label == "ORG" and len(words) == 2 and all(w.istitle() and w.isalpha() for w in words) \
            and first_name_gender(words[0])[1] == SURE \
            and not any(w.lower() in self.org_suffixes or w.lower() in self.name_heads for w in words) \
            and name_key(" ".join(words)) not in self.aliases

    def _opponent(self, doc: Doc, m: Mention) -> bool:
        """"... against Ivo Minar in the first round": the object of "against" or "v" in a sentence about a
        contest (a word of ``team_verbs``: "final", "beat", "match")."""
        head = doc[m.end - 1]
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ in CONTEST_PREPS \
            and any(t.lemma_ in self.team_verbs for t in head.sent)
