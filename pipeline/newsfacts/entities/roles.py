"""Roles people hold: a title before a name ("Kazakh Foreign Minister X", "Apple CEO Tim Cook"), or one
written after it (`role_appositions`: "X, the Kyrgyz foreign minister,", "X, who heads Y").

The country or organisation of a role comes from the entity or nationality word next to the title, or
after it ("an analyst with Y", "spokesman for organisers Y"); whose it is otherwise is `role_bodies`.
Title words before a name are no entity of their own ("State" in "Secretary of State X"). A role is
stored under its full title ("Gen" -> General); a former one ("former", "ex-", "then") under the title
itself, marked ``former``: "Former Microsoft CEO X" is CEO of Microsoft, held before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfacts.entities.mentions import POSSESSIVE_MARKS, Mention, name_key
from newsfacts.entities.role_appositions import RoleAppositions
from newsfacts.entities.role_names import RoleNames
from newsfacts.entities.role_subjects import RoleSubjects
from newsfacts.entities.words import JOINERS, PREFIXES
from newsfacts.records import Role
from newsfacts.tokens import token_index


class RoleRules(RoleAppositions, RoleSubjects, RoleNames):
    """Titles before names, the roles of an article in turn, and the country or organisation of each."""

    def _title_of(self, doc: Doc, person: Mention) -> tuple[int, int] | None:
        """The title before a person's name, past any honorific ("Foreign Minister" in "Foreign
        Minister Mr. X") or a comma after "then", "former", "the" or "its" ("then transport minister, X")."""
        s = person.start
        while s > 0 and doc[s - 1].lower_ in self.honorifics:
            s -= 1
        span = self._title_before(doc, s)
        if span is None and s > 1 and doc[s - 1].text == ",":
            span = self._title_before(doc, s - 1)
            if span is not None and not (span[0] == 0 or doc[span[0]].lower_ in ("then", "former", "the")
                                         or doc[span[0] - 1].lower_ in ("then", "former", "the", "its", "their")):
                span = None
            if span is not None and _object_then_subject(doc, span, person):
                span = None
        return span

    def _drop_title_parts(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Words of a title before a name are no entity ("State" in "Secretary of State X"); nor are words
        of its tenure a body's name runs on to ("New" of "New Metropolitan Police Commissioner X")."""
        drop = set()
        for p in mentions:
            if p.label != "PERSON":
                continue
            span = self._title_of(doc, p)
            if span:
                drop.update(id(m) for m in mentions
                            if m.label != "PERSON" and span[0] <= m.start and m.end <= span[1])
                for m in mentions:
                    if m.end == span[0] and m.label in ("ORG", "GPE", "NORP"):
                        m.start = self._past_tenure(doc, m)
        return [m for m in mentions if id(m) not in drop]

    def _title_before(self, doc: Doc, end: int) -> tuple[int, int] | None:
        """Longest listed title ending at token ``end`` (exclusive), extended by modifiers; or a listed
        title with what it is of or for in lower case ("director of rugby", "minister for sport"), or an
        office of the state no entity names ("Chancellor of the Exchequer")."""
        span = self._listed_title_before(doc, end)
        if span is None and end > 2:
            for k in (end - 1, end - 2):  # "of rugby", "for external affairs"
                words = doc[k:end]
                if k > 0 and doc[k - 1].lower_ in ("of", "for") and all(
                        t.is_alpha and t.text.islower() and not t.is_stop for t in words):
                    title = self._listed_title_before(doc, k - 1)
                    if title is not None:
                        return title[0], end
                if k > 1 and doc[k - 1].lower_ == "the" and doc[k - 2].lower_ == "of" and all(
                        t.is_alpha and t.is_title and not t.ent_type_ and not t.is_stop for t in words):
                    title = self._listed_title_before(doc, k - 2)  # "Chancellor of the Exchequer": a title
                    if title is not None:  # of an office the model names no entity
                        return title[0], end
        return span

    def _listed_title_before(self, doc: Doc, end: int) -> tuple[int, int] | None:
        tk = token_index(doc)
        lowers = tk.lower
        for n in range(min(self.max_title, end), 0, -1):
            words = tuple(lowers[end - n:end])
            if words in self.titles:
                s = end - n
                nouns = False  # past a noun, only words in lower case: "Labour campaign spokesman" is Labour's
                while s > 0:
                    if _compound_noun(doc[s - 1], s, end):
                        nouns = True
                    elif lowers[s - 1] not in self.modifiers or nouns and not _lower_or_opening(doc[s - 1]):
                        break
                    s -= 1
                while s > 1 and lowers[s - 1] in ("-", "–") and tk.idx[s] == tk.end[s - 1] == tk.idx[s - 1] + 1 \
                        and tk.idx[s - 1] == tk.end[s - 2] and lowers[s - 2].isalpha():
                    s -= 2  # "co-chairman", "ex-foreign secretary", "Vice-Prime Minister": the whole word
                if s > 1 and doc[s - 1].lower_ == "and":
                    earlier = self._listed_title_before(doc, s - 1)  # "chairman and chief executive"
                    if earlier and not _two_holders(doc, earlier[0]):
                        s = earlier[0]
                return s, end
        return None

    def _of_before(self, doc: Doc, s: int, ent_at: dict[int, Mention],
                   names: dict[str, str]) -> tuple[int, str | None]:
        """A nationality, country or organisation directly before a role phrase."""
        if s == 0:
            return s, None
        prev = doc[s - 1]
        k = s - 1
        if prev.lower_ in POSSESSIVE_MARKS and k > 0:  # "Harbour Foods' chief executive"
            k -= 1
        m = ent_at.get(k)
        if m is not None and m.label in ("GPE", "ORG", "NORP"):
            if m.label == "NORP":
                return self._group_of(doc, m, ent_at, names)
            return m.start, m.canonical
        if name_key(prev.text) in self.demonyms:
            return s - 1, self._country(prev.text, names)
        return s, None

    def _roles(self, doc: Doc, mentions: list[Mention], names: dict[str, str]) -> list[Role]:
        ent_at = {}
        for m in mentions:
            for i in range(m.start, m.end):
                ent_at[i] = m
        roles = []
        unowned = set()  # "its founder, X": a role only with the body "its" stands for
        portfolios: set[int] = set()  # "Work and Pensions Secretary X": a government office by its portfolio
        for p in mentions:
            if p.label != "PERSON":
                continue
            # "Kazakh Foreign Minister Yermek Kosherbayev", "Apple CEO Tim Cook"
            span = self._title_of(doc, p)
            body = self._body_opening(doc, span, ent_at, names) if span else None
            if body is not None:
                span = body[1], span[1]
            across = ent_at.get(span[0]) if span else None
            if across is not None and across.start < span[0] < across.end < span[1]:
                span = across.end, span[1]  # "Industry" of "Trade and Industry Secretary X": the name's
            if span and not any(i in ent_at for i in range(*span)):
                of_start, of = self._of_before(doc, span[0], ent_at, names)
                if body is not None:
                    of_start, of = body[0], body[2]
                party = self._party_before(doc, span, ent_at) if of is None else None
                if party is not None:
                    of_start, span, of = party[0], (party[1], span[1]), party[2]
                named = self._named_before(doc, span, ent_at) if body is None and party is None else None
                mods = None  # "Deputy" of "Deputy High Court Judge X": the title's
                if named is not None:  # "Work and Pensions Secretary X", "Fair Trials Abroad director X"
                    span, of_start, of, mods = self._title_with_named(doc, named, span, (of_start, of), ent_at, names)
                role = self._role(doc, span[0], span[1], of, of_start, p)
                if self._nation_office(doc, of_start, span, of):  # "Wales Secretary X": the state's office
                    state = self.nation_states[of]
                    role = self._role(doc, of_start, span[1], names.get(state, state), of_start, p)
                former = _former_before(doc, of_start) if of is not None and of_start < span[0] \
                    or named is not None and named.portfolio else None
                if former is not None and not role.former:
                    role = self._role(doc, span[0], span[1], of, former, p)  # "former Yukos chief", "ex-Yukos boss"
                    role.former = True
                if mods is not None and mods[0] < mods[1]:
                    role.role = self._role_name(f"{doc[mods[0]:mods[1]].text} {doc[span[0]:span[1]].text}")[0]
                if role.of is None:  # "President X of Pakistan", "Kazakhstan is run by its president X"
                    body = self._of_after_name(doc, p, ent_at) or self._body_of_its(doc, of_start - 1, p, ent_at)
                    if body is None and doc[of_start - 1].lower_ in ("its", "their") \
                            and any(t.text == "," for t in doc[span[1]:p.start]) \
                            and doc[span[0]].lower_ not in ("then", "former", "the"):  # "its chairman, Sir X"
                        unowned.add(id(role))
                    role.of = body.canonical if body is not None else None
                if named is not None and named.portfolio:
                    portfolios.add(id(role))
                roles.append(role)
                continue
            # "Kulubaev, the Kyrgyz foreign minister," / "Tim Cook, chief executive of Apple"
            role = self._apposition(doc, p, ent_at, names) or self._title_of_body(doc, p, ent_at) \
                or self._role_by_verb(doc, p, ent_at)
            if role:
                roles.append(role)
        country: list[str | None] = []  # the article's country, read once and only for a state title without one
        for role in roles:
            words = role.role.lower().split(" of ")[0].split(" for ")[0]  # "minister for sport"
            if role.of is None and not set(words.split()) & self.opposition_words and (id(role) in portfolios or any(
                    words == t or words.endswith(" " + t) for t in self.state_titles)):
                country = country or [self._article_country(doc, mentions, names)]
                role.of = country[0]  # "Finance Minister Koji Omi" in an article about Japan alone
            elif role.of is None and role.end <= role.person_start and role.text[:1].isupper() \
                    and role.role.lower() in self.capital_titles:  # "WASHINGTON - Attorney General X"
                country = country or [self._article_country(doc, mentions, names)]
                role.of = country[0] if country[0] and country[0] == self._capital_country(doc, names) else None
        self._subject_bodies(doc, mentions, roles)  # "the company's chief executive X"
        self._bodies_of_same_titles(roles)
        return [r for r in roles if r.of is not None or id(r) not in unowned]

    def _title_of_body(self, doc: Doc, p: Mention, ent_at: dict[int, Mention]) -> Role | None:
        """A title with the body it is of before a name, the body a named entity ("Chairman of the Federal
        Reserve X", "Chancellor of the Exchequer X" where the model tags the office)."""
        s = p.start
        while s > 0 and doc[s - 1].lower_ in self.honorifics:
            s -= 1
        m = ent_at.get(s - 1)
        if m is None or m.end != s or m.label not in ("ORG", "GPE") or m.start < 2:
            return None
        k = m.start - 1
        if k < 2 or doc[k].lower_ != "the" or doc[k - 1].lower_ not in ("of", "for"):
            return None  # not "Undersecretary of State X"
        title = self._listed_title_before(doc, k - 1)
        if title is None or any(i in ent_at for i in range(*title)):
            return None
        return self._ending_at(self._role(doc, title[0], title[1], m.canonical, title[0], p), doc, m.end - 1)

    def _nation_office(self, doc: Doc, of_start: int, span: tuple[int, int], of: str | None) -> bool:
        """A government office named by a nation within a state, by its name ("Wales Secretary",
        "Northern Ireland Minister"): the state's office for that nation, not the nation's own
        government's ("Welsh First Minister")."""
        if of not in self.nation_states or name_key(doc[of_start:span[0]].text) != name_key(of):
            return False
        words = doc[span[0]:span[1]].text.lower()
        return any(words == t or words.endswith(" " + t) for t in self.state_titles | {"secretary"})


def _compound_noun(token: Token, start: int, end: int) -> bool:
    """A lower-case noun that modifies a title within the phrase ("oil" of "oil minister", "home
    affairs" of "home affairs spokesman")."""
    return token.is_alpha and token.text.islower() and token.pos_ == "NOUN" and token.dep_ == "compound" \
        and start <= token.head.i < end and token.doc[start].text.islower()


def _lower_or_opening(word: Token) -> bool:
    """A word in lower case, or one that is capitalised only as it opens the sentence ("Former")."""
    return word.text.islower() or word.is_sent_start and not word.ent_type_


def _former_before(doc: Doc, start: int) -> int | None:
    """Where "former" or "ex-" begins, right before the body a role is of ("former Yukos chief")."""
    if start > 0 and doc[start - 1].lower_ == "former":
        return start - 1
    if start > 1 and doc[start - 1].text in JOINERS and doc[start - 2].lower_ in PREFIXES:
        return start - 2
    return None


def _two_holders(doc: Doc, start: int) -> bool:
    """ "both the prime minister and Chancellor X": two people, so the first title is not X's."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    return i >= 0 and doc[i].lower_ in ("both", "between", "either", "neither")


def _object_then_subject(doc: Doc, span: tuple[int, int], person: Mention) -> bool:
    """ "he trusted the prime minister, Mr Brown replied": the title ends one clause as an object
    and the name opens the next as its subject, so they are no apposition."""
    title = doc[span[1] - 1]
    name = doc[person.end - 1]
    return title.dep_ in ("dobj", "pobj", "dative", "attr") and name.dep_ in ("nsubj", "nsubjpass") \
        and name.head.i != title.i

