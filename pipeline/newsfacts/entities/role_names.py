"""Capitalised words right before a title and its holder that the model tagged as no whole body: the
name of the body the role is of ("Fair Trials Abroad director X", "Royal Bank of Scotland chief executive
X", "Transport Workers Union general secretary X", "Conservative leader X"), or, before a bare government
office, its portfolio ("Work and Pensions Secretary X", "Constitutional Affairs Minister X",
``portfolio_titles.txt``), which is the role's own title and the article's country's office. Words before
a title people hold in works ("Star Wars actor X", ``work_roles.txt``) name a body only where the model
found one among them or they end in a body's word ("Union").
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from newsfacts.entities.mentions import POSSESSIVE_MARKS, Mention, Stage, name_key

NAME_LABELS = ("ORG", "GPE", "LOC", "FAC")  # mentions a body's name may hold or be
CONNECTORS = ("and", "&", "of", ",", "'s", "’s")  # inside a name: "Trade and Industry", "Worker's Union"
JOINS = ("and", ",")  # between two bodies' names ("Spurs and England defender"), unlike a portfolio's
NAMELESS_TYPES = ("DATE", "TIME")  # the model's words of no body ("Tuesday Foreign Secretary X")


class NamedBefore(NamedTuple):
    """Capitalised words before a title: where they start and end, and whether they are its portfolio."""

    start: int
    end: int
    portfolio: bool


class RoleNames(Stage):
    """The body or the portfolio a run of capitalised words before a title names."""

    portfolio_titles: set[tuple[str, ...]]
    work_roles: set[str]
    party_words: set[str]
    tenure_words: set[str]

    def _named_before(self, doc: Doc, span: tuple[int, int], ent_at: dict[int, Mention]) -> NamedBefore | None:
        """The portfolio or the body the capitalised words before a title name, or None."""
        words = self._capitals_before_title(doc, span, ent_at)
        if words is None:
            return None
        if self._names_portfolio(doc, words, span, ent_at):
            return NamedBefore(words[0], words[1], True)
        start = words[0]
        for i in range(words[0], words[1]):
            if doc[i].lower_ in JOINS:
                start = i + 1  # "Spurs and England defender": the last body's
        if start == words[1] or not self._names_body(doc, (start, words[1]), span, ent_at):
            return None
        return NamedBefore(start, words[1], False)

    def _title_with_named(self, doc: Doc, named: NamedBefore, span: tuple[int, int], of: tuple[int, str | None],
                          ent_at: dict[int, Mention], names: dict[str, str]
                          ) -> tuple[tuple[int, int], int, str | None, tuple[int, int] | None]:
        """The title's span, where the role's words start, its body, and the capitalised modifiers before
        the body that are the title's ("Deputy" of "Deputy High Court Judge"), with the words before the
        title: a portfolio opens the title (past a country, which is the body: "US Treasury Secretary"),
        past capitalised modifiers ("Shadow Europe minister"); a body's name is the body where the model
        found none or a shorter one (``of``: where the body found starts, and its name)."""
        if named.portfolio:
            span = self._capital_modifiers(doc, named.start), span[1]
            country = self._country_opening(doc, named, names)
            if country is None:
                return span, span[0], None, None
            return (max(span[0], country[0] + 1), span[1]), min(span[0], country[0]), country[1], None
        if of[1] is not None and named.start >= of[0]:
            return span, of[0], of[1], None
        mods = self._capital_modifiers(doc, named.start), named.start
        return (max(span[0], named.end), span[1]), mods[0], self._named_body(doc, named[:2], ent_at), mods

    def _capitals_before_title(self, doc: Doc, span: tuple[int, int],
                               ent_at: dict[int, Mention]) -> tuple[int, int] | None:
        """The capitalised words before a title; where the title opens with capitalised modifiers after
        "and" or a comma, those are the words' last ("Trade and Industry" of "Trade and Industry Secretary")."""
        s, e = span
        if s > 0 and doc[s - 1].lower_ == "and":
            for j in range(s + 1, e):
                if tuple(t.lower_ for t in doc[j:e]) in self.titles \
                        and all(t.text[:1].isupper() for t in doc[s:j]):
                    words = self._capitals_before(doc, j, ent_at)
                    return words if words is not None and words[0] < s else None
        return self._capitals_before(doc, s, ent_at)

    def _capitals_before(self, doc: Doc, s: int, ent_at: dict[int, Mention]) -> tuple[int, int] | None:
        """The capitalised words that end right before token ``s``, past a possessive mark ("Plaid Cymru's"):
        (start, end), or None. Mentions of places and bodies may be among them; a person, a nationality, a
        title, an honorific or a stop word ends them, and so does a country named apart ("US" of "US
        Treasury") unless after "of"; a word of tenure ("New") or one the sentence opens with before a
        mention ("Earlier Lib Dem") is none of theirs."""
        end = s - 1 if s > 1 and doc[s - 1].lower_ in POSSESSIVE_MARKS else s
        k = end
        while k > 0:
            m = ent_at.get(k - 1)
            if m is not None and m.label in NAME_LABELS and m.end == k:
                if m.label == "GPE" and k < end and not (m.start > 0 and doc[m.start - 1].lower_ == "of"):
                    break
                k = m.start
            elif self._body_word(doc[k - 1], ent_at):
                k -= 1
            elif k < end and k > 1 and doc[k - 1].lower_ in CONNECTORS and (
                    self._body_word(doc[k - 2], ent_at) or k - 2 in ent_at and ent_at[k - 2].label in NAME_LABELS) \
                    and not (doc[k - 1].lower_ in POSSESSIVE_MARKS and k in ent_at) \
                    and (doc[k - 1].text != "," or any(t.lower_ == "and" for t in doc[k:end])):
                k -= 1  # not "Screen International's US editor": a body's place or part; a comma only in a list
            else:
                break
        while k < end and (doc[k].lower_ in CONNECTORS or doc[k].lower_ in self.tenure_words
                           or doc[k].is_sent_start and k not in ent_at and doc[k].lower_ in self.known_words
                           and k + 1 in ent_at and ent_at[k + 1].start == k + 1):
            k += 1
        while k < end and doc[k].lower_ in self.modifiers and k not in ent_at and doc[k + 1].lower_ not in CONNECTORS:
            k += 1  # "Shadow" of "Shadow Europe minister" is the title's, "Trade" of "Trade and Industry" the name's
        if k == end or any(t.is_sent_start for t in doc[k + 1:end]) or any(
                i in ent_at and ent_at[i].label not in NAME_LABELS for i in range(k, end)):
            return None
        first = doc[k]
        if first.is_sent_start and end - k == 1 and first.lower_ not in self.party_words \
                and (first.pos_ != "PROPN" or first.lower_ in self.known_words):
            return None  # "Sacked MP X", "Distinguished lawyer X": a word capitalised as the sentence opens
        if _title_cased(doc, k):
            return None  # a headline in title case: its capitals name nothing
        return k, end

    def _body_word(self, token: Token, ent_at: dict[int, Mention]) -> bool:
        """A capitalised word that may be one of a name's, not of a title or a sentence's frame."""
        return token.is_alpha and token.text[:1].isupper() and not token.is_stop and token.i not in ent_at \
            and token.ent_type_ not in NAMELESS_TYPES \
            and token.lower_ not in self.honorifics | self.determiners | self.title_heads \
            and name_key(token.text) not in self.demonyms

    def _names_portfolio(self, doc: Doc, words: tuple[int, int], span: tuple[int, int],
                         ent_at: dict[int, Mention]) -> bool:
        """The words name the portfolio of the bare government office right after them: no nation of a
        state ("Wales Secretary" is the state's office for Wales), no body's name ("Union", "Association"
        last, ``name_heads.tsv``, ``org_suffixes.txt``; an acronym; a body the article names apart, as
        "the Treasury"), nor a party's words alone."""
        title = tuple(t.lower_ for t in doc[words[1]:span[1]])
        if title not in self.portfolio_titles or words[1] < span[0]:
            return False
        mentions = {id(ent_at[i]): ent_at[i] for i in range(*words) if i in ent_at}.values()
        if any(m.label == "GPE" and m.canonical in self.nation_states or _named_apart(m, ent_at) for m in mentions):
            return False
        last = doc[words[1] - 1].lower_
        return not (last in self.org_suffixes or self.name_heads.get(last) == "ORG"
                    or any(t.is_upper and len(t) > 1 and not self._country_word(t.text) for t in doc[words[0]:words[1]])
                    or self._party_words_of(doc[words[0]:words[1]].text))

    def _names_body(self, doc: Doc, words: tuple[int, int], span: tuple[int, int], ent_at: dict[int, Mention]) -> bool:
        """The words name a body: a mention of one is among them or they end in a body's word; else not
        before a title people hold in works, and a lone word in capitals is an acronym of three letters or
        more ("TUC", not "TV" or "PR")."""
        last = doc[words[1] - 1].lower_
        if any(i in ent_at for i in range(*words)) or last in self.org_suffixes or self.name_heads.get(last) == "ORG":
            return True
        if doc[span[1] - 1].lower_ in self.work_roles:
            return False
        word = doc[words[0]].text
        return words[1] - words[0] > 1 or self._party_words_of(word) or not word.isupper() or len(word) > 2

    def _named_body(self, doc: Doc, words: tuple[int, int], ent_at: dict[int, Mention]) -> str:
        """The body's name: the mention's, where the words are one, else the words as written."""
        m = ent_at.get(words[0])
        if m is not None and m.start == words[0] and m.end == words[1]:
            return m.canonical or self._name(doc, m)
        return doc[words[0]:words[1]].text

    def _country_opening(self, doc: Doc, words: tuple[int, int], names: dict[str, str]) -> tuple[int, str] | None:
        """The country named by a portfolio's first word, before more, or right before it ("US" of "US
        Treasury Secretary", one mention or two): where it is, and the country."""
        for k in (words[0], words[0] - 1) if words[1] - words[0] > 1 else (words[0] - 1,):
            country = self._country_word(doc[k].text) if k >= 0 else None
            if country:
                return k, names.get(country, country)
        return None

    def _country_word(self, word: str) -> str | None:
        """The country a word names or is the nationality of ("US", "French"), or None."""
        key = name_key(word)
        alias = self.aliases.get(key)
        return self.demonyms.get(key) or (alias.canonical if alias and alias.kind == "country" else None)

    def _party_words_of(self, words: str) -> bool:
        """Words that are a party's ("Conservative", "Lib Dem"), read from ``party_words.txt``."""
        return words.lower() in self.party_words

    def _capital_modifiers(self, doc: Doc, k: int) -> int:
        """Where the capitalised modifiers before token ``k`` begin ("Shadow" of "Shadow Europe minister")."""
        while k > 0 and doc[k - 1].lower_ in self.modifiers and doc[k - 1].text[:1].isupper() \
                and doc[k - 1].lower_ not in ("former", "then"):
            k -= 1
        return k


def _named_apart(m: Mention, ent_at: dict[int, Mention]) -> bool:
    """The article names the body of mention ``m`` elsewhere too ("the Treasury")."""
    return m.label == "ORG" and any(o.canonical == m.canonical and o.start != m.start for o in ent_at.values())


def _title_cased(doc: Doc, k: int) -> bool:
    """The sentence of token ``k`` is a headline in title case: no content word in lower case among
    several capitalised ones."""
    words = [t for t in doc[k].sent if t.is_alpha and not t.is_stop]
    return sum(t.text[:1].isupper() for t in words) > 3 and not any(t.text.islower() for t in words)
