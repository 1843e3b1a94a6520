"""Roles people hold: a title before a name ("Kazakh Foreign Minister X", "Apple CEO Tim Cook")
or an apposition after it ("X, the Kyrgyz foreign minister," / "Tim Cook, chief executive of Apple").

The country or organisation of a role comes from the entity or nationality word next to the title.
Title words before a name are no entity of their own ("State" in "Secretary of State X").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.entities.words import JOINERS, PREFIXES
from newsfacts.extensions import doc_text
from newsfacts.records import Role
from newsfacts.tokens import token_index
from newsfacts.wordspan import whole_words


class RoleRules(Stage):
    """Titles before names, appositions after them, and the country or organisation of each role."""

    def _title_of(self, doc: Doc, person: Mention) -> tuple[int, int] | None:
        """The title before a person's name, past any honorific ("Foreign Minister" in "Foreign
        Minister Mr. X") or a comma after "then", "former" or "the" ("then transport minister, X")."""
        s = person.start
        while s > 0 and doc[s - 1].lower_ in self.honorifics:
            s -= 1
        span = self._title_before(doc, s)
        if span is None and s > 1 and doc[s - 1].text == ",":
            span = self._title_before(doc, s - 1)
            if span is not None and not (span[0] == 0 or doc[span[0]].lower_ in ("then", "former", "the")
                                         or doc[span[0] - 1].lower_ in ("then", "former", "the")):
                span = None
            if span is not None and _object_then_subject(doc, span, person):
                span = None
        return span

    def _drop_title_parts(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Words of a title before a name are no entity ("State" in "Secretary of State X")."""
        drop = set()
        for p in mentions:
            if p.label != "PERSON":
                continue
            span = self._title_of(doc, p)
            if span:
                drop.update(id(m) for m in mentions
                            if m.label != "PERSON" and span[0] <= m.start and m.end <= span[1])
        return [m for m in mentions if id(m) not in drop]


    def _title_before(self, doc: Doc, end: int) -> tuple[int, int] | None:
        """Longest listed title ending at token ``end`` (exclusive), extended by modifiers; or a listed
        title with what it is of or for in lower case ("director of rugby", "minister for sport")."""
        span = self._listed_title_before(doc, end)
        if span is None and end > 2:
            for k in (end - 1, end - 2):  # "of rugby", "for external affairs"
                words = doc[k:end]
                if k > 0 and doc[k - 1].lower_ in ("of", "for") and all(
                        t.is_alpha and t.text.islower() and not t.is_stop for t in words):
                    title = self._listed_title_before(doc, k - 1)
                    if title is not None:
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

    def _country(self, demonym: str, names: dict[str, str]) -> str | None:
        """The country of a nationality word, under the name the article uses for it."""
        country = self.demonyms.get(name_key(demonym))
        return names.get(country, country) if country else None

    def _of_before(self, doc: Doc, s: int, ent_at: dict[int, Mention],
                   names: dict[str, str]) -> tuple[int, str | None]:
        """A nationality, country or organisation directly before a role phrase."""
        if s == 0:
            return s, None
        prev = doc[s - 1]
        k = s - 1
        if prev.lower_ in ("'s", "’s") and k > 0:
            k -= 1
        m = ent_at.get(k)
        if m is not None and m.label in ("GPE", "ORG", "NORP"):
            if m.label == "NORP":
                return self._group_of(doc, m, ent_at, names)
            return m.start, m.canonical
        if name_key(prev.text) in self.demonyms:
            return s - 1, self._country(prev.text, names)
        return s, None

    def _group_of(self, doc: Doc, m: Mention, ent_at: dict[int, Mention],
                  names: dict[str, str]) -> tuple[int, str | None]:
        """The country of a nationality word, or else the party or group a word like "Tory" or
        "Liberal Democrat" names: under the name the article gives it as a body ("the Liberal
        Democrats", "the Conservative Party"), or as written."""
        name = self._name(doc, m)
        country = self._country(name, names)
        if country or any(name_key(w) in self.demonyms for w in name.split()):
            return m.start, country
        s = m.start
        while s > 0 and m.start - s < 2 and self._group_word(doc[s - 1]) \
                and ent_at.get(s - 1, m).label in ("ORG", "NORP"):
            s -= 1  # "Liberal" of "Liberal Democrat", which the model may leave out or tag apart
        words = doc[s:m.end].text
        key = name_key(words)
        plural = key[:-1] + "ies" if key.endswith("y") else key + "s"
        bodies = {name_key(b.canonical or ""): b.canonical for b in ent_at.values() if b.label in ("ORG", "NORP")}
        named = {bodies[k] for k in (plural, key + " party") if k in bodies} or {
            body for k, body in bodies.items() if k.endswith(" " + plural)}  # "Democrat": the Liberal Democrats
        return s, named.pop() if len(named) == 1 else words

    def _group_word(self, token: Token) -> bool:
        """A capitalised word that may open a group's name; at a sentence's start only inside a name the
        model found ("New" of "New European commission president" is not)."""
        return token.is_title and token.is_alpha and not token.is_stop \
            and token.lower_ not in self.modifiers | self.determiners | self.honorifics \
            and (bool(token.ent_type_) or not token.is_sent_start)

    def _role(self, doc: Doc, s: int, e: int, of: str | None, of_start: int, person: Mention) -> Role:
        role = " ".join(
            w if w.isupper() or w.lower() in ("of", "for", "and", "the")
            else "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
            for w in doc[s:e].text.split())
        text = doc_text(doc)
        start, end = whole_words(text, doc[of_start].idx, doc[e - 1].idx + len(doc[e - 1].text))
        return Role(start, end, text[start:end], role, person.canonical or self._name(doc, person),
                    doc[person.start].idx, doc[person.end - 1].idx + len(doc[person.end - 1].text), of)

    def _roles(self, doc: Doc, mentions: list[Mention], names: dict[str, str]) -> list[Role]:
        ent_at = {}
        for m in mentions:
            for i in range(m.start, m.end):
                ent_at[i] = m
        roles = []
        for p in mentions:
            if p.label != "PERSON":
                continue
            # "Kazakh Foreign Minister Yermek Kosherbayev", "Apple CEO Tim Cook"
            span = self._title_of(doc, p)
            if span and not any(i in ent_at for i in range(*span)):
                of_start, of = self._of_before(doc, span[0], ent_at, names)
                role = self._role(doc, span[0], span[1], of, of_start, p)
                former = _former_before(doc, of_start) if of is not None and of_start < span[0] else None
                if former is not None and not role.role.startswith("Former"):
                    role = self._role(doc, span[0], span[1], of, former, p)  # "former Yukos chief", "ex-Yukos boss"
                    role.role = "Former " + role.role
                roles.append(role)
                continue
            # "Kulubaev, the Kyrgyz foreign minister," / "Tim Cook, chief executive of Apple"
            role = self._apposition(doc, p, ent_at, names)
            if role:
                roles.append(role)
        country = self._article_country(doc, mentions, names)
        for role in roles:
            words = role.role.lower()
            if role.of is None and country and not set(words.split()) & self.opposition_words and any(
                    words == t or words.endswith(" " + t) for t in self.state_titles):
                role.of = country  # "Finance Minister Koji Omi" in an article about Japan alone
        return roles

    def _article_country(self, doc: Doc, mentions: list[Mention], names: dict[str, str]) -> str | None:
        """The one country an article names (by the country, its cities or the dateline), or None."""
        found = set()
        places = [self._name(doc, m) for m in mentions if m.label == "GPE"]
        for place in places + ([doc._.dateline] if doc._.dateline else []):
            alias = self.aliases.get(name_key(place))
            country = alias.canonical if alias and alias.kind == "country" else self.city_country.get(name_key(place))
            if country:
                found.add(names.get(country, country))
        return found.pop() if len(found) == 1 else None

    def _apposition(self, doc: Doc, p: Mention, ent_at: dict[int, Mention],
                    names: dict[str, str]) -> Role | None:
        i = p.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ",":
            i += 2  # "Mary Barra, 52, the chief executive"
        if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        start = i
        of = group = None
        m = ent_at.get(i)
        if m is not None and m.start == i and m.label in ("GPE", "ORG", "NORP"):
            if m.label == "NORP":
                of = self._country(self._name(doc, m), names)
                group = None if of else self._group_of(doc, m, ent_at, names)[1]  # unless "of"/"for" a body
            else:
                of = m.canonical
            i = m.end
            if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
                i += 1
        elif i < len(doc) and name_key(doc[i].text) in self.demonyms:
            of = self._country(doc[i].text, names)
            i += 1
        # the title: modifiers then a listed title, the longest that fits
        j = i
        while j < len(doc) and doc[j].lower_ in self.modifiers and j - i < 4:
            j += 1
        best = None
        for n in range(self.max_title, 0, -1):
            for k in range(i, j + 1):
                if tuple(t.lower_ for t in doc[k:k + n]) in self.titles and k + n > (best or (0, 0))[1]:
                    if all(t.lower_ in self.modifiers for t in doc[i:k]):
                        best = (i, k + n)
        if not best:
            return None
        e = best[1]
        if e < len(doc) and doc[e].lower_ in ("of", "at", "for") and of is None:
            k = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
            m = ent_at.get(k)
            if m is not None and m.start == k and m.label in ("GPE", "ORG"):
                of = m.canonical
                e2 = m.end
                if e2 >= len(doc) or doc[e2].is_punct or doc[e2].lower_ in ("and", "said", "who"):
                    role = self._role(doc, best[0], e, of, start, p)
                    role.end = doc[e2 - 1].idx + len(doc[e2 - 1].text)
                    role.text = doc[start:e2].text
                    return role
                return None
            # "the speaker of the lower house": a body that is no named entity belongs to the role
            e2 = k
            while e2 < len(doc) and e2 - k < 4 and doc[e2].is_alpha and doc[e2].lower_ not in ("and", "who", "said") \
                    and e2 not in ent_at and doc[e2].pos_ in ("NOUN", "ADJ", "PROPN"):
                e2 += 1
            if e2 == k or (e2 < len(doc) and not doc[e2].is_punct):
                return None
            return self._role(doc, best[0], e2, group, start, p)
        if e < len(doc) and not (doc[e].is_punct or doc[e].lower_ in ("and", "said", "who", "says")):
            return None
        return self._role(doc, best[0], e, of or group, start, p)


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
