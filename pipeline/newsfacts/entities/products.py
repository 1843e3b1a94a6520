"""Products and firms taken for organisations or people: what the article does with a name, for the article.

The model tags a product's name as a firm ("an Xbox") or a person ("Asimo") because both are
capitalised and stand where firms and people stand. A product is counted ("an iPod"), owned ("his
Xbox", "Apple's iPod"), versioned ("the original iPod") or launched or unveiled by a firm of the article
("Nintendo unveiled the DS", "launched by Sony"). An organisation speaks, plans and employs ("Sony
said", "Sony's chief executive", "a Sony spokesman"). A name is a product when some mention reads like
one and none like an organisation, a person, a place or a title; :class:`~newsfacts.entities.cues.CueRules`
then labels every mention of it, and of its plural ("iPods"). Plain "the iPod" is no cue: "the
Premiership", "the Pentagon" are written so too.

A firm can be taken for a person too: a lone word the model calls a person ("Pipex", "Gracenote"), with
no first name, no title and no full name it belongs to, is a firm when it has a role ("head of
Gracenote", "Blizzard's chief executive") or "its" in its clause ("Pipex said its ..."), and no "he" or
"she" there. So is a "person" of any length with a relative clause on "which" ("Baby Cow, which created
the show"), unless its first word is a first name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

GENDERED_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "himself", "herself"})
COUNTING_DETS = {"a", "an", "another", "every", "each"}
OWNERS = {"its", "his", "her", "their", "my", "your", "our"}


class ProductRules(Stage):
    """Products the model labelled ORG or PERSON, and firms it labelled PERSON (read per mention, decided
    per name; uses ``_passive_agent`` and ``_place_name`` of :mod:`.kinds`)."""

    def _products(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Keys of names that some mention shows to be a product and none to be an organisation or a person."""
        keys = {id(m): name_key(self._name(doc, m)) for m in mentions}
        orgs = {keys[id(m)] for m in mentions if m.label == "ORG"}
        things: set[str] = set()
        bodies: set[str] = set()
        people = {m.start for m in mentions if m.label == "PERSON"}
        for m in mentions:
            key = keys[id(m)]
            if self._titles_person(doc, m, people):
                continue  # "Xbox frontman J. Allard": a product's people and a firm's are titled alike
            if not self._may_be_product(doc, m) or self._acts_as_body(doc, m, mentions) \
                    or self._pronoun_of_subject(doc, m, mentions) in GENDERED_PRONOUNS:  # "Gates ..., but he"
                bodies.add(key)
                if m.canonical:
                    bodies.add(name_key(m.canonical))  # "Apple has claimed", linked to "Apple Computer"
            elif self._counted_thing(doc, m) or m.label == "ORG" and (self._owned_by_org(doc, m, mentions, orgs)
                                                                       or self._made_by_org(doc, m, mentions, orgs)):
                things.add(key)
        return things - bodies

    def _may_be_product(self, doc: Doc, m: Mention) -> bool:
        """An ORG or PERSON name that is not an organisation's or a building's by its words ("Sony Pictures",
        "Apple Computer Inc", "Centre for ..."), a name in the tables, a place ("their native Monterrey"), a
        people ("a Lib Dem"), a title ("an MSP"), an award, nor a person's name with a known first name
        (written out or linked: "Smith", "Alan Smith")."""
        # (a one-word "place" no table knows, placeless.py: "Cabir", "Verizon")
        if m.label not in ("ORG", "PERSON") and not self._unknown_place(doc, m) or m.fixed:
            return False
        words = self._words(doc, m)
        if m.canonical:
            words = words + tuple(m.canonical.split())  # "the Commission", linked to "European Commission"
        last = words[-1].lower()
        key = name_key(self._name(doc, m))
        if last in self.org_suffixes or last in self.role_words or last in self.award_nouns \
                or any(self.name_heads.get(w.lower()) for w in words) \
                or key in self.aliases or key in self.demonyms or key[:-1] in self.demonyms or self._place_name(key):
            return False
        full = (m.canonical or " ".join(words)).split()
        if m.label == "PERSON" and len(full) > 1:
            return False  # a "person" of two names or more keeps the model's label
        return not (len(full) >= 2 and first_name_gender(full[0])[1] == SURE)

    def _firms_taken_for_people(self, doc: Doc, mentions: list[Mention], titled: set[str]) -> set[str]:
        """Keys of one-word "people" that are firms: news names a person in full or with a title first, so
        a lone word the model calls a person (no first name, no title, no full name it belongs to) that
        has a firm's office or holding ("Sega's chief executive", "head of Sega", "shares in Sega"; not a
        spokesman or an adviser, whom people have too: "Obama's strategist") or is followed
        in its clause by "its" ("Napster said its ...") is an organisation; "he" or "she" there keeps it a
        person (a mononym: "Ronaldinho said his ..."), and so does a title before it (``titled``: "Mr X")."""
        firms: set[str] = set()
        people: set[str] = set()
        things: set[str] = set()  # "Baby Cow, which created the show": no person, of one word or more
        gendered: set[str] = set()
        for m in mentions:
            if m.label != "PERSON" or m.fixed:
                continue
            key = name_key(self._name(doc, m))
            pronoun = self._pronoun_of_subject(doc, m, mentions)
            if pronoun in GENDERED_PRONOUNS:
                gendered.add(key)
            first_named = first_name_gender(doc[m.start].text)[1] == SURE
            if not first_named and (self._which_clause(doc, m) or self._beside_group(doc, m, mentions)):
                things.add(key)
            if not self._lone_word(doc, m) or pronoun in GENDERED_PRONOUNS:
                people.add(key)
            elif pronoun == "its" or self._has_office(doc, m) or self._has_holding(doc, m):
                firms.add(key)
        return (firms - people | things - gendered) - titled

    @staticmethod
    def _beside_group(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"the Conservatives and Lib Dems", "between Labour and the Tories": a name of one word or a plural one,
        joined by "and" to a plural group the model calls NORP, is a group (a party) too, not a person
        ("McFadden with Delta Goodrem and The Thrills" keeps her)."""
        head = doc[m.end - 1]
        if m.end - m.start > 1 and head.tag_ != "NNPS":
            return False
        joined = [t for t in (head.head,) if head.dep_ == "conj"] + [t for t in head.children if t.dep_ == "conj"]
        return any(other.label == "NORP" and other.start <= t.i < other.end and doc[other.end - 1].tag_ == "NNPS"
                   for t in joined for other in mentions)

    @staticmethod
    def _which_clause(doc: Doc, m: Mention) -> bool:
        """"Baby Cow, which created Nighty Night": a relative clause with "which" on the name (by the parse), as
        a person never has ("Tom Hale, who ...")."""
        if m.end + 1 >= len(doc) or doc[m.end].text != "," or doc[m.end + 1].lower_ != "which":
            return False
        verb = doc[m.end + 1].head
        return verb.dep_ == "relcl" and m.start <= verb.head.i < m.end

    @staticmethod
    def _lone_word(doc: Doc, m: Mention) -> bool:
        """One word, no known first name, linked to no longer name."""
        return m.end - m.start == 1 and (not m.canonical or " " not in m.canonical) \
            and first_name_gender(doc[m.start].text)[1] != SURE

    def _titles_person(self, doc: Doc, m: Mention, people: set[int]) -> bool:
        """The name qualifies a title written before a person's name ("Xbox frontman J. Allard", "Sony
        chief executive Howard Stringer"): products have frontmen, bosses and designers as firms have
        chief executives, so such a title says neither which the name is."""
        tk = token_index(doc)
        k = m.end
        while k < tk.n and tk.text[k].islower() and (tk.lower[k] in self.role_words or tk.lower[k] in self.title_ends):
            k += 1
        return k > m.end and k in people

    def _has_role(self, doc: Doc, m: Mention) -> bool:
        """"a Sega spokesman", "Sega's chief executive", "head of Sega": the body a role belongs to."""
        return self._before_or_owning(doc, m, self._role_noun)

    def _has_office(self, doc: Doc, m: Mention) -> bool:
        """"Sega's chief executive", "head of Sega": a role only a body has (not "Obama's strategist")."""
        return self._before_or_owning(doc, m, lambda t: self._role_noun(t) and t.lower_ not in self.personal_roles)

    def _has_holding(self, doc: Doc, m: Mention) -> bool:
        """"Yukos shares", "Euronext's shareholders", "shares in Grokster": what only a firm has
        (``holding_nouns.txt``); through "in" only shares, since "headquarters in Edgware" or "profits in Asia"
        is a place."""
        head = doc[m.end - 1]
        through_in = head.dep_ == "pobj" and head.head.lower_ == "in"
        return self._before_or_owning(doc, m, lambda t: t.lower_ in self.holding_nouns and t.pos_ == "NOUN"
                                      and (not through_in or t.lemma_.lower() == "share" or t.i >= m.end))

    @staticmethod
    def _before_or_owning(doc: Doc, m: Mention, noun) -> bool:
        """A noun right after the name, owned by it ("X's noun"), or governing it through "for", "of", "at"
        or "in" ("spokesman for X", "shares in X")."""
        head = doc[m.end - 1]
        if m.end < len(doc) and noun(doc[m.end]) or head.dep_ == "poss" and noun(head.head):
            return True
        return head.dep_ == "pobj" and head.head.lower_ in ("for", "of", "at", "in") and noun(head.head.head)

    def _role_noun(self, token) -> bool:
        """A lower-case noun that ends a title ("spokesman", "chief executive", "head"; not "sales")."""
        return token.lower_ in self.title_ends and token.pos_ == "NOUN" and token.text.islower()

    @staticmethod
    def _pronoun_of_subject(doc: Doc, m: Mention, mentions: list[Mention], deps: tuple[str, ...] = ("nsubj",),
                            pronouns: frozenset[str] = GENDERED_PRONOUNS | {"its"}) -> str | None:
        """The first of ``pronouns`` after a subject, in its clause and before any other name ("Phillips
        Idowu lit up the field, not only with his hair", "Napster said its service ...")."""
        head = doc[m.end - 1]
        if head.dep_ not in deps:
            return None
        tk = token_index(doc)
        lower = tk.lower
        for i in range(m.end, tk.sentence_of(doc, head.i)[1]):  # to the end of the name's sentence
            if lower[i] in pronouns:
                break
        else:
            return None
        if any(m.end <= o.start <= i for o in mentions):
            return None
        # in the name's clause, not "if X wins, he added"
        return lower[i] if any(a.i == head.head.i for a in doc[i].ancestors) else None

    def _acts_as_body(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """An organisation's doings: the subject of a verb of saying or intending ("Sony said", "Sony
        plans"), the agent of a passive, the owner of a person, a role or another name ("Sony's chief
        executive", "a Sony spokesman", "spokesman for Sony", "Apple's iPod")."""
        head = doc[m.end - 1]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in self.agent_verbs or self._passive_agent(head):
            return True
        if self._has_role(doc, m):
            return True  # "a Sony spokesman", "spokesman for Sony", "Sony's chief executive"
        if m.end >= len(doc) or doc[m.end].tag_ != "POS":
            return False
        owned = {head.head.i, m.end + 1} if head.dep_ == "poss" else {m.end + 1}
        return any(o.start <= i < o.end for o in mentions if o is not m for i in owned)  # "Apple's iPod"

    @staticmethod
    def _ends_phrase(doc: Doc, m: Mention) -> bool:
        """The name is the last word of its noun phrase: no noun, adjective, number, possessive, hyphen or
        "and" follows ("an HP inkjet printer", "a Deloitte report", "a United Nation's campaign")."""
        if m.end >= len(doc):
            return True
        after = doc[m.end]
        return not (after.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "CCONJ", "PART") or after.tag_ == "POS"
                    or after.text in ("-", "/", "&") or after.text[:1].isupper())

    def _counted_thing(self, doc: Doc, m: Mention) -> bool:
        """"an iPod", "his new Xbox", "the original iPod": an indefinite determiner or a possessive
        pronoun (or "the" with a word of versions: "the next Xbox"), then only lower-case adjectives
        or numbers, then the name, which ends its phrase. Firms are not counted, owned or versioned."""
        k = m.start - 1
        versioned = False
        while k >= 0 and doc[k].pos_ in ("ADJ", "NUM") and not doc[k].text[:1].isupper():
            if doc[k].lower_ in self.ordinal_words:
                return False  # "her first European Indoors": events are counted by ordinals
            versioned = versioned or doc[k].lower_ in self.version_words
            k -= 1
        if k < 0 or k == m.start - 1 and doc[k].lower_ == "the" or not self._ends_phrase(doc, m) \
                or doc[m.end - 1].dep_ in ("attr", "oprd"):
            return False  # "made an OBE", "to be a Wookie": a predicate says what someone is, not a thing
        if doc[k].text[:1].isupper() and not doc[k].is_sent_start:
            return False  # "A Turner (Notts AC)": an initial
        word = doc[k].lower_
        return word in COUNTING_DETS and doc[k].dep_ == "det" or word in OWNERS and doc[k].dep_ == "poss" \
            or word == "the" and versioned

    def _owned_by_org(self, doc: Doc, m: Mention, mentions: list[Mention], orgs: set[str]) -> bool:
        """"Apple's iPod", "Microsoft's Xbox": the name right after an organisation's possessive."""
        tk = token_index(doc)
        if m.start < 2 or tk.lower[m.start - 1] not in POSSESSIVES or doc[m.start - 1].tag_ != "POS":
            return False
        if not self._ends_phrase(doc, m):
            return False  # "Time Warner's AOL unit", "Google's Desktop search tool": a part of the firm
        owner = next((o for o in mentions if o.end == m.start - 1), None)
        return owner is not None and owner.label == "ORG" and name_key(self._name(doc, owner)) in orgs

    def _made_by_org(self, doc: Doc, m: Mention, mentions: list[Mention], orgs: set[str]) -> bool:
        """"Apple launched the iPod", "the Xbox, launched by Microsoft": the object of a verb of launching
        whose subject (or passive agent) is an organisation of the article."""
        head = doc[m.end - 1]
        if head.dep_ == "dobj" and head.head.lemma_ in self.launch_verbs:
            makers = [c for c in head.head.children if c.dep_ == "nsubj"]
        else:
            verbs = [v for v in (head.head, *head.children) if v.lemma_ in self.launch_verbs
                     and (v.i == head.head.i and head.dep_ == "nsubjpass" or v.dep_ == "acl" and v.head.i == head.i)]
            makers = [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        text = token_index(doc).doc_text
        return any(o.label == "ORG" and o.start <= s.i < o.end and name_key(self._name(doc, o)) in orgs
                   and "\n" not in text[doc[min(s.i, head.i)].idx:doc[max(s.i, head.i)].idx]  # not a title's verb
                   for s in makers for o in mentions if o is not m)
