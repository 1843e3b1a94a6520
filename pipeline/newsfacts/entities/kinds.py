"""Kind nouns around a name: what the article calls the thing a name names.

"the airline Emirates", "Emirates, the airline", "the band's third album, Lifeblood,", "a song called X",
"consoles such as X", "Linux software", "the Tri-Nations tournament", "won the Ashes": the noun's label
(``models/entities/type_nouns.tsv``; "after" marks nouns that also type the name before them) is the
name's label. :class:`~newsfacts.entities.cues.CueRules` collects these per name and gives the label to
every mention in the article; a maker the article has act ("IBM's", "IBM said", "by IBM") is never
typed by a noun after it. Also the one-mention place cues ("near Bristol") and the short forms of a
law or event ("the Bill").
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, first_conjunct, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

PLACE_LABELS = {"GPE", "LOC", "FAC"}
RELATIVES = {"which", "that", "who", "whose"}  # "Grange Hill, the school drama serial which ..."
KIND_LABELS = {"EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
SHORT_FORM_DETS = {"the", "no", "this", "that", "any", "every", "a"}  # "the Bill", "no Bill goes through"
PLACE_PREPS = {"in", "near", "outside"}  # prepositions of place: "near Bristol"
INCLUDE = {"include", "includes", "included"}
LISTING = {"as", "including", "like"} | INCLUDE  # "songs including X", "whose hits include X"
CALLED = {"called", "named", "titled", "entitled", "dubbed"}


def agent_noun(word: str) -> bool:
    """A noun of one who does something ("maker", "broadcaster", "editor"): it names people too."""
    return word.endswith(("er", "or"))


class KindRules(Stage):
    """Labels from the kind nouns around a name (read per mention; decided per name in cues.py)."""

    def _kind_noun(self, doc: Doc, m: Mention) -> str | None:
        """"the airline Emirates", "Emirates, the airline", "Longyear is a town", "the town of
        Tavildara" (places only: "the bank of X" says nothing of X): the kind noun's label. And
        "Duran, 45," (an age in apposition): a person."""
        tk = token_index(doc)
        prev = m.start - 1
        kind = self._kind_right_before(doc, m) or self._kind_apposed_before(doc, m) or self._kind_called(doc, m)
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
            while j + 1 < tk.n and tk.lower[j] in self.type_nouns and self._kind_word(doc, j + 1):
                j += 1  # "the drama serial", "the Finnish handset maker": the head noun decides
            kind = j
            if j < tk.n and tk.lower[kind] in self.type_nouns and doc[kind].pos_ == "NOUN" and (
                    j + 1 >= tk.n or doc[j + 1].is_punct or tk.lower[j + 1] in RELATIVES
                    or tk.lower[j + 1] in ("about", "starring", "directed", "owned", "based", "made", "set")):
                return self.type_nouns[tk.lower[kind]]
        return None

    def _kind_right_before(self, doc: Doc, m: Mention) -> str | None:
        """"the airline Emirates", "TV soap Brookside", "the movie The Aviator": a kind noun right before
        the name, in one noun phrase with it (a capital "The" inside a sentence belongs to a title)."""
        tk = token_index(doc)
        prev = self._word_before_title(doc, m)
        noun = self.type_nouns.get(tk.lower[prev]) if prev >= 1 else None
        if noun is None or noun == "EVENT" or not (self._kind_word(doc, prev) or self._kind_adjective(doc, prev, m)):
            return None
        # "the song Britons would most like played": a work noun before a clause's subject is no
        # apposition, so the labels of things (works, products, venues) need the parse to join noun and name
        determined = tk.lower[prev - 1] in ("the", "a", "an", "its", "their") or doc[prev - 1].tag_ == "PRP$"
        joined = self._same_phrase(doc, prev, m)
        # a modifier between: "the 1982 album Avalon", "award-winning album Final Straw"
        modified = doc[prev - 1].pos_ in ("ADJ", "NOUN", "PROPN", "PART", "NUM") or doc[prev - 1].tag_ in ("VBG", "VBN")
        if (determined or modified or doc[prev - 1].dep_ == "amod") \
                and (determined or joined) \
                and (noun not in KIND_LABELS or joined and name_key(self._name(doc, m)) not in self.demonyms):
            return noun
        return None

    @staticmethod
    def _word_before_title(doc: Doc, m: Mention) -> int:
        """The index of the word before a name, past a title's own capital "The" inside a sentence ("the
        movie The Aviator")."""
        prev = m.start - 1
        if prev >= 2 and doc[prev].text == "The" and not doc[prev].is_sent_start:
            prev -= 1
        return prev

    @staticmethod
    def _kind_word(doc: Doc, i: int) -> bool:
        """A kind noun as a common noun: lower-case, not part of a name ("Soap Awards")."""
        return doc[i].pos_ == "NOUN" and doc[i].text.islower()

    @staticmethod
    def _kind_adjective(doc: Doc, i: int, m: Mention) -> bool:
        """A kind noun the tagger read as an adjective of the name ("the single Falling Down": "single" as in
        "only one"), lower-case and modifying a word of the name."""
        return doc[i].pos_ == "ADJ" and doc[i].dep_ == "amod" and doc[i].text.islower() \
            and m.start <= doc[i].head.i < m.end

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
        """"consoles such as Microsoft's Xbox and the PlayStation", "such films as X", "songs including X": a
        name listed after a kind noun (not a possessor or a word before another name: Microsoft and Sony make the
        Xbox and the PSP; nor a name the article has act, see ``_agents``)."""
        tk = token_index(doc)
        if m.end < tk.n and (tk.lower[m.end] in POSSESSIVES or tk.text[m.end][:1].isupper()
                             or tk.text[m.end][:1].isdigit()):
            return None  # "Microsoft's Xbox", "the Sony PSP", "Nokia 6600": the maker
        other = self._kind_before_others(doc, m)
        if other:
            return other
        k = m.start - 1
        while k >= 1 and m.start - k <= 12 and tk.lower[k] not in LISTING:
            if not (doc[k].is_title or doc[k].pos_ == "PROPN" or tk.lower[k] in (",", "and", "or", "the", "a", "an")
                    or tk.lower[k] in POSSESSIVES):
                return None
            k -= 1
        if k < 1 or tk.lower[k] not in LISTING:
            return None
        if tk.lower[k] in INCLUDE and doc[k - 1].dep_ not in ("nsubj", "nsubjpass"):
            return None  # "whose hits include X": the kind noun is what includes the names
        noun = k - 1
        if tk.lower[k] == "as":  # "films such as X", "such films as X"
            if tk.lower[k - 1] == "such":
                noun = k - 2
            elif k < 2 or tk.lower[k - 2] != "such":
                return None
        if noun >= 0 and tk.text[noun] == ",":
            noun -= 1
        if noun < 0 or not self._kind_word(doc, noun):
            return None
        return self.type_nouns.get(doc[noun].lemma_.lower())

    def _kind_before_others(self, doc: Doc, m: Mention) -> str | None:
        """"Luton, Preston and other clubs", "Nike, Reebok or other brands": a name listed before "and other"
        and a kind noun (only names, commas and "and" between)."""
        tk = token_index(doc)
        k = m.end
        while k + 2 < tk.n and k - m.end <= 12:
            if tk.lower[k] in ("and", "or") and tk.lower[k + 1] == "other":
                noun = k + 2
                while noun + 1 < tk.n and self._kind_word(doc, noun + 1):
                    noun += 1  # "other football clubs": the head noun
                if not self._kind_word(doc, noun) or first_conjunct(doc[noun]) != first_conjunct(doc[m.end - 1]):
                    return None  # "listed in New York, and other Indian drug makers": not one list
                return self.type_nouns.get(doc[noun].lemma_.lower())
            if not (doc[k].is_title or doc[k].pos_ == "PROPN" or tk.lower[k] in (",", "and", "the")):
                return None
            k += 1
        return None

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
        if doc[j].dep_ == "pobj" and doc[j].head.lower_ in ("for", "of", "at") \
                and doc[j].head.head.lower_ in self.title_heads:
            return None  # "spokesman for St Bernard software": the firm
        key = name_key(self._name(doc, m))
        alias = self.aliases.get(key)
        if alias is not None and alias.kind == "country" or key in self.demonyms or key in self.regional \
                or m.label == "NORP" and doc[m.end - 1].tag_ == "JJ" or self._named_person(doc, m):
            return None  # "the British trials", "the Basque newspaper": whose trials, no name of them
        if m.label in PLACE_LABELS and self._place_name(key):
            return None  # "the Melbourne final": a known place the model has as a place stays one
        return self.type_nouns[tk.lower[j]]

    def _agents(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Names the article has act as a maker or owner: a possessor ("IBM's software"), the
        subject of "say", the agent of a passive ("launched by Apple") or the body of a role ("spokesman
        for St Bernard"); a kind noun after such a name
        ("Apple software") is what it makes."""
        tk = token_index(doc)
        out = set()
        for m in mentions:
            head = doc[m.end - 1]
            if (m.end < tk.n and tk.lower[m.end] in POSSESSIVES and doc[m.end].tag_ == "POS") \
                    or (head.dep_ == "nsubj" and head.head.lemma_ == "say") \
                    or self._passive_agent(head) \
                    or head.dep_ == "pobj" and head.head.lower_ in ("for", "of", "at") \
                    and head.head.head.lower_ in self.title_heads:  # "spokesman for St Bernard"
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
        if m.end < tk.n and (tk.lower[m.end] in POSSESSIVES or tk.text[m.end][:1].isupper()) \
                or first_name_gender(tk.text[m.start])[1] == SURE:
            return False  # "her role in Elizabeth": a first name is more often a title or a person
        head = doc[m.start]
        return head.dep_ == "pobj" and head.head.i == m.start - 1 and self._place_name(name_key(self._name(doc, m)))
