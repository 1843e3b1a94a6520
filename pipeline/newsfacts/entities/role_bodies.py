"""Whose a role is: the country of a nationality word, the party a member's word names ("Tory",
"Conservative", "Labour" of "Labour MP"), and the one country of an article, which for a nation within a
state ("England") is the state, whose government holds the offices the article names; a body's name
without the words of a role's tenure ("New" of "New Metropolitan Police Commissioner"); and the body a
person's title was written with once, where the article repeats the title alone; the body named right
after the name ("President X of Pakistan"), and the body "its" or "their" before a title stands for, the
subject of the clause ("Kazakhstan is run by its president X"); the dateline's country for a title its
government and others share ("President", "Attorney General"), where the dateline is its capital and the
article names no other country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfacts.entities.mentions import POSSESSIVE_MARKS, Mention, Stage, name_key
from newsfacts.records import Role
from newsfacts.tokens import token_index


class RoleBodies(Stage):
    """The country, party or organisation a role belongs to, where the title itself does not name it."""

    def _country(self, demonym: str, names: dict[str, str]) -> str | None:
        """The country of a nationality word, under the name the article uses for it."""
        country = self.demonyms.get(name_key(demonym))
        return names.get(country, country) if country else None

    def _group_of(self, doc: Doc, m: Mention, ent_at: dict[int, Mention],
                  names: dict[str, str]) -> tuple[int, str | None]:
        """The country of a nationality word, or else the party or group a word like "Tory" or
        "Liberal Democrat" names: under the name the article gives it as a body ("the Liberal
        Democrats", "the Conservative Party"), or as written."""
        name = self._name(doc, m)
        country = self._country(name, names)
        if country or self._people_words(name):
            return m.start, country
        s = m.start
        while s > 0 and m.start - s < 2 and self._group_word(doc[s - 1]) \
                and ent_at.get(s - 1, m).label in ("ORG", "NORP"):
            s -= 1  # "Liberal" of "Liberal Democrat", which the model may leave out or tag apart
        words = doc[s:m.end].text
        return s, self._body_named(words, ent_at, exact=False) or words

    def _body_named(self, words: str, ent_at: dict[int, Mention], exact: bool = True) -> str | None:
        """The organisation or group of the article that ``words`` name as a member's word: "Tory" for the
        Tories, "Conservative" for the Conservative Party, "Democrat" for the Liberal Democrats; with
        ``exact`` a body named by just these words, their plural or "... Party" (not "Deputy" for the
        Board of Deputies, "Record" for Columbia Records)."""
        key = name_key(words)
        plural = key[:-1] + "ies" if key.endswith("y") else key + "s"
        bodies = {name_key(b.canonical or ""): b.canonical for b in ent_at.values() if b.label in ("ORG", "NORP")}
        keys = (key, plural, key + " party") if exact else (plural, key + " party")
        named = {bodies[k] for k in keys if k in bodies} or (set() if exact else {
            body for k, body in bodies.items() if k.endswith(" " + plural)})  # "Democrat": the Liberal Democrats
        return named.pop() if len(named) == 1 else None

    def _party_before(self, doc: Doc, span: tuple[int, int], ent_at: dict[int, Mention]) -> tuple[int, int, str] | None:
        """A capitalised word or two the model left untagged, right before a title or opening it, that
        name a body of the article ("Conservative" of "former Conservative leader X" with the
        Conservatives named elsewhere, "Labour" of "Labour MP X"): (where they start, where the title
        starts, the body)."""
        s, e = span
        for k in (s - 2, s - 1):  # before the title: "Liberal Democrat leader", "Conservative leader"
            if k >= 0 and all(self._party_word(doc[i]) for i in range(k, s)) \
                    and not self._people_group(doc[k:s].text, ent_at):
                body = self._body_named(doc[k:s].text, ent_at)
                if body:
                    return k, s, body
        j = s
        while j < e - 1 and (doc[j].text.islower() and doc[j].lower_ in self.modifiers or doc[j].lower_ == "former"):
            j += 1  # "former" of "former Labour minister"
        for k in (j + 2, j + 1):  # opening it, as a word that is also a portfolio: "Labour MP"
            if k < e and tuple(t.lower_ for t in doc[k:e]) in self.titles \
                    and all(self._party_word(doc[i]) for i in range(j, k)) \
                    and not self._portfolio(doc, doc[j:k].text, ent_at) \
                    and not self._people_group(doc[j:k].text, ent_at):
                body = self._body_named(doc[j:k].text, ent_at)
                if body:
                    return j, k, body
        return None

    def _body_opening(self, doc: Doc, span: tuple[int, int], ent_at: dict[int, Mention],
                      names: dict[str, str]) -> tuple[int, int, str | None] | None:
        """A party or organisation the model found where a portfolio word may stand ("Labour" of
        "Labour MP X", past "former"): (where it starts, where the title starts, the body)."""
        s, e = span
        while s < e - 1 and (doc[s].text.islower() and doc[s].lower_ in self.modifiers or doc[s].lower_ == "former"):
            s += 1
        m = ent_at.get(s)
        if m is None or m.start != s or m.end >= e or m.label not in ("ORG", "NORP") \
                or any(i in ent_at for i in range(m.end, e)) \
                or tuple(t.lower_ for t in doc[m.end:e]) not in self.titles:
            return None
        if self._portfolio(doc, doc[m.start:m.end].text, ent_at):
            return None  # "Home" of "Home Secretary X"
        of = self._group_of(doc, m, ent_at, names)[1] if m.label == "NORP" else m.canonical
        return s, m.end, of

    def _portfolio(self, doc: Doc, words: str, ent_at: dict[int, Mention]) -> bool:
        """A title's portfolio word ("Home" of "Home Secretary", ``title_modifiers.txt``) the model may tag,
        unless the article names it as a body on its own, by itself or as "... Party" ("Labour" of "Labour
        minister" with "the Labour Party" named): a mention before no title or other noun (not "the Home
        Secretary's plans", nor "Home affairs spokesman")."""
        if words.lower() not in self.modifiers:
            return False
        key = name_key(words)
        return not any(name_key(o.canonical or "") in (key, key + " party") and o.end < len(doc)
                       and (doc[o.end].lower_,) not in self.titles and doc[o.end].pos_ not in ("NOUN", "PROPN", "ADJ")
                       for o in ent_at.values())

    def _party_word(self, token: Token) -> bool:
        return token.is_title and token.is_alpha \
            and token.lower_ not in self.determiners | self.honorifics | {"former"}

    def _people_group(self, words: str, ent_at: dict[int, Mention]) -> bool:
        """Words that name a group of people by nationality, ethnicity or faith, and no organisation of
        the article: who a role's holder is ("Native American actress X"), not whose the role is (the
        Jewish Chronicle is an organisation)."""
        key = name_key(words)
        return self._people_words(words) \
            and not any(o.label == "ORG" and name_key(o.canonical or "") == key for o in ent_at.values())

    def _people_words(self, words: str) -> bool:
        """A word of ``words`` is a nationality or a people's adjective ("Kazakh", "Native", "Jewish")."""
        return any(name_key(w) in self.demonyms or w.lower() in self.group_adjectives for w in words.split())

    def _group_word(self, token: Token) -> bool:
        """A capitalised word that may open a group's name; at a sentence's start only inside a name the
        model found ("New" of "New European commission president" is not)."""
        return token.is_title and token.is_alpha and not token.is_stop \
            and token.lower_ not in self.modifiers | self.determiners | self.honorifics \
            and (bool(token.ent_type_) or not token.is_sent_start)

    def _article_country(self, doc: Doc, mentions: list[Mention], names: dict[str, str]) -> str | None:
        """The one country whose government the article is about, or None: the state whose own
        institutions it names ("Westminster", "the Kremlin") where no dateline or city places it
        elsewhere, since a country it only names ("the war in Iraq") may be what someone spoke of; else
        the one country it names by the country, its cities or the dateline."""
        dateline = doc._.dateline
        found, named, placed = set(), set(), set()
        places = [self._name(doc, m) for m in mentions if m.label == "GPE"]
        for place in places + ([dateline] if dateline else []):
            key = name_key(place)
            if key in self.institution_keys:  # "Westminster" is Parliament, not the Colorado city
                continue
            alias = self.aliases.get(key)
            country = alias.canonical if alias and alias.kind == "country" else self.city_country.get(key)
            if country:
                found.add(names.get(country, country))
                if alias and alias.kind == "country" and place != dateline:
                    named.add(names.get(country, country))
                else:
                    placed.add(names.get(country, country))
        institutions = self._institution_countries(doc)
        home = {self.nation_states[c] for c in found & self.devolved_nations}  # Scotland's ministers may be its own
        if len(institutions) == 1 and placed <= institutions and not {names.get(c, c) for c in home} & institutions:
            return next(iter(institutions))
        own = {c for c in found if c in self.nation_states and self._own_government(doc, c)}
        nations = [c for c in found - own if c in self.nation_states]
        several = len(nations) > 1  # "England, Scotland and Wales": a story about the state
        found = {c if c in own else self._state_of(c, names, several) for c in found}
        # a city of Scotland gives the United Kingdom, which a story about Scotland's own offices is not
        found -= {names.get(self.nation_states[c], self.nation_states[c]) for c in own} - named
        return found.pop() if len(found) == 1 else None

    def _capital_country(self, doc: Doc, names: dict[str, str]) -> str | None:
        """The country whose capital the dateline is ("WASHINGTON": the United States), or None."""
        country = self.capital_country.get(name_key(doc._.dateline or ""))
        return names.get(country, country) if country else None

    def _institution_countries(self, doc: Doc) -> set[str]:
        """The states whose own seats of government the article names (``state_institutions.tsv``)."""
        tk = token_index(doc)
        out = set()
        for i in range(tk.n):
            for words, country in self.state_institutions.get(tk.text[i].lower(), ()):
                found = tk.text[i:i + len(words)]
                if len(found) == len(words) and all(
                        w == t or w == "the" == t.lower() for w, t in zip(words, found, strict=True)):
                    out.add(country)
        return out

    def _state_of(self, country: str, names: dict[str, str], several: bool = False) -> str:
        """The state a nation without a government of its own is part of ("England" -> the United
        Kingdom), whose government holds the offices the article names; Scotland stays Scotland, unless
        the story names ``several`` nations of the state."""
        state = self.nation_states.get(country)
        if state is None or country in self.devolved_nations and not several:
            return country
        return names.get(state, state)

    def _own_government(self, doc: Doc, country: str) -> bool:
        """Whether the article names the nation's own government ("the Scottish Executive", "the Northern
        Ireland Assembly")."""
        words = {name_key(country)} | {d for d, c in self.demonyms.items() if c == country}
        tk = token_index(doc)
        return any(tk.lower[i] in self.devolved_bodies and tk.text[i].istitle() and any(
            name_key(" ".join(tk.text[i - n:i])) in words for n in (1, 2) if i >= n) for i in range(1, tk.n))

    def _past_tenure(self, doc: Doc, m: Mention) -> int:
        """Where a body's name begins past the words of a role's tenure it was run on to ("Outgoing", "Newly
        appointed"), which open it in lower case or as the sentence's first words; not in a known name that
        begins with one ("New Zealand", "New York")."""
        tk = token_index(doc)
        s = m.start
        while s < m.end - 1 and tk.lower[s] in self.tenure_words | {"-"} \
                and (tk.text[s].islower() or doc[m.start].is_sent_start or tk.lower[s] == "-"):
            s += 1
        if s == m.start or m.end - s == 1 and name_key(tk.text[s]) in self.demonyms \
                or any(name_key(" ".join(tk.text[m.start:k])) in self.aliases
                               or name_key(" ".join(tk.text[m.start:k])) in self.city_country
                               for k in range(s + 1, m.end + 1)):
            return m.start
        return s

    @staticmethod
    def _of_after_name(doc: Doc, person: Mention, ent_at: dict[int, Mention]) -> Mention | None:
        """The country or organisation named by "of" right after a person a title opens ("President X of
        Pakistan", "Chairman X of Acme Foods"), ending the phrase: not "X of Acme's sales team"."""
        k = person.end + 1 + (person.end + 1 < len(doc) and doc[person.end + 1].lower_ == "the")
        if person.end >= len(doc) or doc[person.end].lower_ != "of":
            return None
        m = ent_at.get(k)
        if m is None or m.start != k or m.label not in ("GPE", "ORG"):
            return None
        after = doc[m.end] if m.end < len(doc) else None
        if after is not None and (after.lower_ in POSSESSIVE_MARKS or after.text in ("-", "–")
                                  or after.pos_ in ("NOUN", "PROPN")):
            return None
        return m

    @staticmethod
    def _body_of_its(doc: Doc, det: int, person: Mention, ent_at: dict[int, Mention]) -> Mention | None:
        """The country or organisation "its" or "their" at token ``det`` stands for: the subject of the
        nearest clause above the name that has one other than the person and their title ("Kazakhstan has
        been run by its president X", "Vantor said X, its chief executive, would go"), or the body joined to
        them ("Vivendi and its former chief X"), if a named body."""
        if det < 0 or doc[det].lower_ not in ("its", "their"):
            return None
        seen = set(range(min(det, person.start), max(det, person.end)))
        t = doc[person.end - 1]
        while t.head.i != t.i:
            t, below = t.head, t
            if t.i in seen or t.pos_ == "ADP":
                continue
            if t.pos_ not in ("VERB", "AUX"):  # a noun of another phrase: "a house owned by its chief"
                m = ent_at.get(t.i)  # but "Vivendi and its former chief executive X": the body joined
                return m if below.dep_ == "conj" and m is not None and m.label in ("GPE", "ORG") else None
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in seen]
            if not subjects:
                continue
            m = ent_at.get(subjects[0].i)
            if m is not None and m.label in ("GPE", "ORG") and m.end <= det:
                return m
            if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i in seen for c in t.children):
                return None  # the clause's subject is someone or something else: not the body
        return None

    @staticmethod
    def _bodies_of_same_titles(roles: list[Role]) -> None:
        """A person's title written once with its body has it where the article repeats the title alone
        ("Irish Prime Minister X ... Prime Minister X"), if it was written with one body only."""
        known: dict[tuple[str, str, bool], set[str]] = {}
        for role in roles:
            if role.of is not None:
                known.setdefault((role.person, role.role, role.former), set()).add(role.of)
        for role in roles:
            bodies = known.get((role.person, role.role, role.former), set())
            if role.of is None and len(bodies) == 1:
                role.of = next(iter(bodies))
