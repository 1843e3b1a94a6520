"""A description as speaker: "the minister", "the company", "a dealer", "the IMF report", "the 23-year-old".

- A document or statement (``document_nouns.txt``: "statement", "filing", "report"): its author, the
  possessor ("Peabody's statement"), the name compounded with it ("the IMF report") or the object of
  "from"/"by"/"of" ("a statement from the company"), or the person or organisation owning the page it is
  on or in ("a statement on Apple's website"); without one, the description itself.
- A role ("the minister"): the person who holds it (``doc._.roles``, a title word before a name), not
  one whose role has a qualifier the description lacks (``role_qualifiers.txt``: "shadow", "deputy").
- An organisation noun ("the company", "the ministry", ``organisation_nouns.txt``): that organisation,
  found by ``bodies``; never a person whose role only names it ("committee chairman X").
- An indefinite or plural description ("a dealer", "analysts") stays what it is: an unnamed speaker
  is never replaced by a named person; so does a definite one that takes up an earlier indefinite one
  ("an official ... the official said") or has an organisation or a thing as possessor ("the
  company's spokesman", "the ad's narrator").
- Any other definite description ("the 23-year-old", "the Republican nominee", "the woman from
  Penang"): the person an earlier apposition or copula binds the same noun to ("Diba, a guard ...
  the guard"), else the person in focus (the subject of a main or reporting verb of this or the
  previous sentence) whose gender fits the noun ("mother"), never its possessor ("Obama's former
  strategist").
An unresolved description keeps its own words as speaker, label None.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsfacts.quotes.bodies import BODY_LABELS, Bodies, qualifiers
from newsfacts.quotes.context import SPEAKER_LABELS, SUBJECT_DEPS, Context, Speaker

DEFINITE = {"the", "this", "that"}
INDEFINITE = {"a", "an", "one", "another", "some", "any", "several", "many"}
AUTHOR_PREPS = {"from", "by", "of"}
PLACE_PREPS = {"on", "in"}  # where the owner of the page published it
LOOK_BACK = 4000  # characters searched for an earlier mention of the same noun
LOOK_AHEAD = 1500  # characters searched for the role that names a description used before the name


class Descriptions:
    """Resolves a common-noun subject of a reporting verb."""

    def __init__(
        self,
        organisation_nouns: set[str],
        document_nouns: set[str],
        gender_words: dict[str, str],
        role_qualifiers: set[str] = frozenset(),
        office_groups: set[str] = frozenset(),
        author_verbs: set[str] = frozenset(),
        state_bodies: set[str] = frozenset(),
        bodies: Bodies | None = None,
        group_nouns: set[str] = frozenset(),
    ):
        self.bodies = bodies or Bodies(set(), {})
        self.author_verbs = author_verbs
        self.state_bodies = state_bodies
        self.office_groups = [frozenset(line.split()) for line in office_groups]
        self.organisation_nouns = organisation_nouns
        self.document_nouns = document_nouns
        self.thing_nouns = organisation_nouns | document_nouns  # nouns of what speaks without being a person
        self.group_nouns = group_nouns  # people who speak as a group ("officials"): what "they" takes up
        self.gender_words = gender_words
        self.role_qualifiers = role_qualifiers

    def resolve(self, ctx: Context, token: Token, again: Callable[[Context, Token], Speaker]) -> Speaker:
        """``again`` resolves another token (a possessor, an author) the way a subject is resolved."""
        span = _words_up_to(ctx, token)
        end = _whose_end(ctx, token)
        words = (ctx.text[span.start_char:end], span.start_char, end, None)
        lemma = token.lemma_.lower()
        if lemma in self.document_nouns and token.pos_ == "NOUN":
            author = author_of(ctx, token, self.author_verbs)
            if author is not None:
                found = again(ctx, author)
                if found[0] is not None and found[3] is not None:
                    return (found[0], span.start_char, span.end_char, found[3])
            return words
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod")}
        first = ctx.doc[token.left_edge.i]
        if first.pos_ == "DET" and not determiners and all(t.pos_ != "PROPN" for t in ctx.doc[first.i : token.i]):
            determiners.add(first.lower_)  # "the world 200m and 400m record holder": "the" hung on a modifier
        if determiners & INDEFINITE or token.tag_ in ("NNS", "NNPS"):
            return words
        organisation = token.pos_ == "NOUN" and lemma in self.organisation_nouns
        holder = ctx.role_holder(token, self.role_qualifiers, head_only=organisation)  # "game maker X", not
        # "committee chairman X" for "the committee"
        if holder is not None:
            return (ctx.focus.people.canonical(holder[0]), span.start_char, span.end_char, "PERSON")
        if organisation and lemma in self.state_bodies:
            if _of_a_place(ctx, token):
                return (*words[:3], "ORG")  # "the US government": that place's, no other body
            m = ctx.named_with(token, {lemma, token.lower_}, BODY_LABELS, qualifiers(ctx, token))
            earlier = _placed_earlier(ctx, token) if m is None else None
            if earlier is not None:  # "the government": the one last placed, never a firm or party
                return (earlier.text, span.start_char, span.end_char, "ORG")
        elif organisation:
            m = self.bodies.resolve(ctx, token)
        else:
            m = ctx.named_like(token)
            if m is None and token.pos_ == "NOUN" and not any(ctx.mention_at(t.idx) for t in span):
                m = ctx.called(token, "ORG")  # "the magazine": the one the article introduced as a magazine
        if m is not None:
            return (m.canonical, span.start_char, span.end_char, m.label)
        # An office the tagger calls a proper noun is still a description: "the Tory MP for Sleaford".
        title = (token.pos_ == "PROPN" and ctx.mention_at(token.idx) is None and bool(determiners & DEFINITE)
                 and self.is_office(ctx, token))
        if (token.pos_ not in ("NOUN", "ADJ") and not title) or lemma in self.organisation_nouns:
            return words
        possessors = [c for c in token.children if c.dep_ == "poss"]
        exclude: set[str] = set()
        if possessors:
            owner = ctx.mention_at(possessors[0].idx)
            if owner is None or owner.label != "PERSON":
                return words  # "the company's spokesman", "the ad's narrator"
            exclude = {ctx.focus.people.key(owner) or owner.canonical}
        elif not determiners & DEFINITE:
            return words
        bound = self.bound_earlier(ctx, token)
        if bound is not None:
            return (bound[0], span.start_char, span.end_char, "PERSON") if bound[0] else words
        for _ in range(3):  # the person in focus, unless their stated role is another office
            person = ctx.focus.best(token, self.gender_words.get(lemma), exclude, subject=True)
            if person is None or person.label != "PERSON":
                break
            if self.role_agrees(ctx, token, person.canonical):
                return (person.canonical, span.start_char, span.end_char, "PERSON")
            exclude = exclude | {person.canonical}
        later = self.named_after(ctx, token, span)
        if later is not None:
            return (later, span.start_char, span.end_char, "PERSON")
        return words

    def named_after(self, ctx: Context, token: Token, span) -> str | None:
        """A description that comes before the name, as news leads do ("…, the courts minister has told
        MPs." … "said courts minister Chris Leigh"): the one person whose role stated soon after has
        every word of the description."""
        wanted = {t.lower_ for t in span if t.pos_ not in ("DET", "PUNCT", "PART") and not t.is_space}
        if token.lower_ not in wanted or not self.is_office(ctx, token):
            return None
        people = set()
        for r in ctx.doc._.roles or []:
            if not token.idx < r.start < token.idx + LOOK_AHEAD:
                continue
            said = set(r.text.lower().split())
            k = ctx.tokens.first_from(r.start) - 1
            while k >= 0 and (ctx.doc[k].pos_ in ("NOUN", "ADJ") or ctx.tokens.lower[k] in self.role_qualifiers) \
                    and len(said) < 8:  # "courts" of "courts minister", "shadow" of "shadow home secretary"
                said.add(ctx.tokens.lower[k])
                k -= 1
            if wanted <= said and not (said & self.role_qualifiers) - wanted:  # not "shadow home secretary X"
                people.add(_holder(ctx, r))
        return people.pop() if len(people) == 1 else None

    def is_office(self, ctx: Context, token: Token) -> bool:
        """The noun names an office: it is in ``office_groups.txt`` or ends a role stated in the article."""
        word = token.lower_
        if any(word in group for group in self.office_groups):
            return True
        return any(r.role.strip() and r.role.lower().split()[-1] == word for r in ctx.doc._.roles or [])

    def role_agrees(self, ctx: Context, token: Token, person: str) -> bool:
        """The description's noun can name an office the person holds: no stated role of theirs (a
        former or deputy one aside) is an office that noun cannot name ("the prime minister" is not
        "London mayor Ken Livingstone"). A noun that names no office agrees with anyone."""
        word = token.lower_
        if not self.is_office(ctx, token):
            return True
        theirs = []
        for r in ctx.doc._.roles or []:
            if r.start >= token.idx:
                continue
            words = r.text.lower().split()
            i = ctx.tokens.first_from(r.start) - 1  # "Former Cabinet minister X": the role starts after it
            before = {ctx.tokens.lower[i]} if i >= 0 else set()
            if _holder(ctx, r) == person and words and not (set(words) | before) & self.role_qualifiers:
                theirs.append(words)
        if not theirs:
            return True
        return any(word in words or any(word in g and words[-1] in g for g in self.office_groups)
                   for words in theirs)

    def bound_earlier(self, ctx: Context, token: Token) -> tuple[str | None] | None:
        """An earlier use of the same noun: (name,) when bound to a named person, (None,) when it
        introduced someone unnamed ("a dealer"), None when the noun was not used before."""
        doc, lemma = ctx.doc, token.lemma_.lower()
        lower = ctx.tokens.lower
        first = ctx.tokens.first_from(max(token.idx - LOOK_BACK, 0))
        for i in range(token.i - 1, first - 1, -1):
            if lower[i] != token.lower_ or ctx.in_quote(ctx.tokens.idx[i]):
                continue
            t = doc[i]
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
                continue
            person = _bound_person(ctx, t)
            if person is not None:
                return (person,)
            if {c.lower_ for c in t.children if c.dep_ == "det"} & INDEFINITE:
                return (None,)
        return None


def author_of(ctx: Context, token: Token, author_verbs: set[str] = frozenset()) -> Token | None:
    """Who a statement is by: its possessor, a name compounded with it, the object of from/by/of, or the
    agent of a participle that makes it ("a report published by Analysys"; ``author_verbs.txt``: not "a
    study commissioned by the council")."""
    for c in token.children:
        if c.dep_ == "poss":
            return c
    for c in token.children:
        if c.dep_ == "compound" and ctx.mention_at(c.idx) is not None:
            return c
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPS:
            objects = [o for o in c.children if o.dep_ == "pobj"]
            if objects:
                return _named_in(ctx, objects[0])
    for c in token.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in author_verbs:
            for a in c.children:
                objects = [o for o in a.children if o.dep_ == "pobj"] if a.dep_ == "agent" else []
                if objects:
                    return objects[0]
    for c in token.children:  # "a statement on Apple's website", "a post on the party's account"
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for o in c.children:
                owner = next((p for p in o.children if p.dep_ == "poss"), None) if o.dep_ == "pobj" else None
                mention = ctx.mention_at(owner.idx) if owner is not None else None
                if mention is not None and mention.label in ("PERSON", "ORG"):
                    return owner
    return None


def _named_in(ctx: Context, noun: Token) -> Token:
    """The organisation named in a noun phrase that is no name itself: "a statement from a World Health
    Organisation meeting" is the organisation's."""
    if noun.pos_ != "NOUN" or ctx.mention_at(noun.idx) is not None:
        return noun
    named = [c for c in noun.children if c.dep_ == "compound" and (m := ctx.mention_at(c.idx)) and m.label == "ORG"]
    return named[-1] if named else noun


def _words_up_to(ctx: Context, token: Token):
    """The words of the phrase a noun heads, up to the noun, without a leading determiner: "US government"."""
    start = max(token.left_edge.i, ctx.tokens.first_from(ctx.dateline_end(token.idx)))
    span = ctx.doc[min(start, token.i) : token.i + 1]  # never the dateline the parser hung it from
    while len(span) > 1 and span[0].pos_ in ("DET", "PUNCT"):
        span = span[1:]
    return span


_WHOSE = frozenset({"for", "of", "at", "from"})


def _whose_end(ctx: Context, token: Token) -> int:
    """Where an unresolved description ends: after the name it speaks for ("a spokesman for Unison", "an
    official at the Bank of England"), else at its noun."""
    end = token.idx + len(token.text)
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _WHOSE:
            break
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            m = ctx.mention_at(obj.idx)
            if m is not None and m.label in SPEAKER_LABELS:
                return max(m.end, obj.idx + len(obj.text))
        break
    return end


def _of_a_place(ctx: Context, token: Token) -> bool:
    """A place or its people qualifies the noun: "the US government", "the French interior ministry"."""
    for c in token.children:
        m = ctx.mention_at(c.idx) if c.dep_ in ("compound", "amod", "nmod", "poss") else None
        if m is not None and m.label in ("GPE", "NORP", "LOC"):
            return True
    return False


def _placed_earlier(ctx: Context, token: Token):
    """The last earlier use of the same organisation noun qualified by a place, outside quotes, nearer
    than any organisation named since: its words ("Indian government")."""
    lemma = token.lemma_.lower()
    first = ctx.tokens.first_from(max(token.idx - LOOK_BACK, 0))
    for i in range(token.i - 1, first - 1, -1):
        t = ctx.doc[i]
        if ctx.tokens.lower[i] == token.lower_ and t.lemma_.lower() == lemma and not ctx.in_quote(t.idx):
            if not _of_a_place(ctx, t):
                return None  # the bare noun again: whatever it stood for then
            return _words_up_to(ctx, t)
        m = ctx.mention_at(t.idx)
        if m is not None and m.label == "ORG" and t.dep_ in SUBJECT_DEPS:
            return None  # an organisation named as a subject since
    return None


def _bound_person(ctx: Context, t: Token) -> str | None:
    """The person a noun is bound to by apposition or copula: "Diba, a guard", "the guard, Diba",
    "Diba is a guard"."""
    candidates = [c for c in t.children if c.dep_ == "appos"]
    if t.dep_ == "appos":
        candidates.append(t.head)
    if t.dep_ == "attr" and t.head.lemma_ == "be":
        candidates += [c for c in t.head.children if c.dep_ == "nsubj"]
    for c in candidates:
        m = ctx.mention_at(c.idx)
        if m is not None and m.label == "PERSON":
            return ctx.focus.people.key(m) or m.canonical
    return None


def _holder(ctx: Context, role) -> str:
    """Who holds a stated role, by the fullest name the article gives them."""
    m = ctx.mention_at(role.person_start)
    return (ctx.focus.people.key(m) if m is not None else None) or role.person
