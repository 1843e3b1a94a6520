"""Speakers: who said a quote, resolved to a canonical name from the article's entities.

The speaker is the subject of the reporting verb, in either order ("Smith said", "said Smith"), the
object of "according to", "X quoted Y as saying", a name signed after a dash (“…” ― Jane Doe) or
before a colon (Jane Doe: “…”) or after the quote's comma with no verb at all (“…,” Ms Kemp.), never a
word inside quote marks nor of another paragraph. The subject
is then resolved to a person: a name through ``people`` (the fullest name the article gives that
person, a bare surname completed), an apposition ("Hill, a doctor,", "the guard, Diba,"), a relative
pronoun through the noun before it ("…, Stevie Wonder, who joked"), he/she through ``focus`` (the
person in focus whose gender fits), it/they through the organisation in focus, a description through
``descriptions``. The mention kept is the one the quote was attributed through. An unresolved
description keeps its own words as speaker, label None; an unresolved pronoun has speaker None.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfacts.namematch import has_legal_form
from newsfacts.quotes.antecedents import body_subject, group_speaker
from newsfacts.quotes.context import SPEAKER_LABELS, SUBJECT_DEPS, TIME_LABELS, Context, Mention, Speaker
from newsfacts.quotes.descriptions import Descriptions
from newsfacts.quotes.focus import UNNAMED
from newsfacts.quotes.marks import BOUNDARY_PUNCT, DASHES, Segment


class Speakers:
    """Finds the speaker token of a reporting verb and resolves it to a canonical name."""

    def __init__(self, group_pronouns: set[str], pronoun_genders: dict[str, str], descriptions: Descriptions):
        self.group_pronouns = group_pronouns
        self.pronoun_genders = pronoun_genders
        self.descriptions = descriptions

    def speaker_of(self, ctx: Context, verb: Token) -> Speaker | None:
        subject = self.subject_token(ctx, verb)
        dateline = ctx.dateline_end(verb.idx)
        if subject is not None and subject.idx < dateline <= verb.idx and not ctx.at_paragraph_start(dateline):
            subject = _after_dateline(ctx, dateline, verb)  # "DENVER, March 2 - Brandt Co said": not Denver
        if subject is not None and subject.tag_ in ("WP", "WDT"):
            subject = _antecedent(subject)  # "an architect who said …"
        if subject is not None and (
            ctx.paragraph_of(subject.idx) != ctx.paragraph_of(verb.idx)
            or ctx.in_quote(subject.idx)
            or (subject.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") and not _nominal(subject))
        ):
            # The parser took words of the quote, or of a headline run into the sentence, as subject.
            subject = _next_to(ctx, verb)
        if subject is None or ctx.paragraph_of(subject.idx) != ctx.paragraph_of(verb.idx):
            return None
        found = self.resolve(ctx, subject)
        if found[3] is None and found[0] and subject.pos_ == "NOUN":
            found = ctx.described(subject, found)  # "the department said" after "the Labor department said"
        if found[0] and self.is_organisation(subject, found):
            ctx.note_org_speaker(verb.idx, found)  # what a later "it said", "the company said" stands for
        return found

    def is_organisation(self, subject: Token, found: Speaker) -> bool:
        """A speaker that is a named organisation: one the model tagged, a name it did not tag that
        ends in a legal form or holds an organisation noun ("Red Lion Inns Limited Partnership"), or
        "the company" resolved to one (not a state body: "the government" is no firm)."""
        nouns = self.descriptions.organisation_nouns
        if subject.lower_ == "it":
            return found[3] == "ORG"  # "It said …": the firm it stands for goes on reporting
        if subject.pos_ == "PROPN":
            return found[3] == "ORG" or found[3] is None and (
                has_legal_form(found[0]) or any(w.lower() in nouns for w in found[0].split()[1:]))
        lemma = subject.lemma_.lower()
        return (found[3] == "ORG" and subject.pos_ == "NOUN" and lemma in nouns
                and lemma not in self.descriptions.state_bodies)

    def subject_token(self, ctx: Context, verb: Token) -> Token | None:
        if verb.lower_ == "according":
            to = verb.nbor(1)
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
            return to.nbor(1) if to.i + 1 < len(verb.doc) else None
        if verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).pos_ in ("PROPN", "PRON"):
            return verb.nbor(-1)  # "footage of Clinton asking, “…”"
        head = verb
        for _ in range(4):
            if head.i != verb.i and head.lemma_ == "quote":  # "quoted Djamal as saying", "was quoted as"
                quoted = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
                if quoted:
                    return quoted[0]
            subjects = [
                c for c in head.children if c.dep_ in SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)
            ]
            # A passive verb's speaker is its agent, not its subject: "was described by Jobs as …".
            agents = [c for a in head.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
            if agents and all(c.dep_ == "nsubjpass" for c in subjects):
                return agents[0]
            if subjects:  # the nearest, when the parser found several
                return _name_before_title(ctx, min(subjects, key=lambda c: abs(c.i - head.i)))
            if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
                return head.head  # "Smith, who said …"
            if head.i == verb.i and head.dep_ == "conj" and _person_right_before(ctx, verb):
                return verb.nbor(-1)  # "… welcomed it and in a reaction Commissioner Mario Monti said": a misparse
            if head.dep_ in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep") and head.head.i != head.i:
                head = _reporter_of(verb, head.head)
                continue
            break
        # The parse failed around the marks; "X, …, admitted A but insisted B": the subject of the first verb.
        first = head if head.i != verb.i and verb.dep_ == "conj" and head.pos_ == "VERB" and not any(
            c.dep_ in ("expl", "csubj") for c in head.children) else None  # not "there was …"
        return _next_to(ctx, verb) or (_next_to(ctx, first, after=False) if first is not None else None)

    def trailing(self, ctx: Context, seg: Segment, after: list[Token]) -> Speaker | None:
        """“…,” Ms Kemp. / “…,” Mr Bootle, an analyst at X.: an attribution whose verb the writer left
        out. The quote closes on a comma and the rest of the sentence is a name or a description, alone
        or followed by its apposition or relative clause."""
        if not after or "," not in ctx.text[seg.end : seg.close_at]:
            return None
        head = []
        for t in after:
            if t.text == ",":
                break
            head.append(t)
        if not head or len(head) > 6 or any(t.pos_ in ("VERB", "AUX", "ADP", "PRON") for t in head):
            return None
        last = head[-1]
        if last.pos_ not in ("PROPN", "NOUN") or (last.pos_ == "NOUN" and head[0].pos_ != "DET"):
            return None
        return self.resolve(ctx, last)

    def resolve(self, ctx: Context, token: Token) -> Speaker:
        """Canonical speaker for a subject token; the mention kept is the one in the attribution."""
        mention = ctx.mention_at(token.idx)
        if ctx.definite_nationality(token) is not None:
            person = ctx.focus.best(token, None, subject=True)  # "said the New Zealander": the story's person
            if person is not None and person.label == "PERSON":
                return (person.canonical, mention.start, mention.end, "PERSON")
        if mention is not None:
            return named(ctx, mention)
        if token.is_upper and token.i > 0 and ctx.doc[token.i - 1].head == token:
            m = ctx.mention_at(ctx.doc[token.i - 1].idx)
            if m is not None and m.label == "PERSON":  # "Caroline Jackson MEP said": the post-nominal heads it
                return named(ctx, m)
        if token.dep_ == "appos" and ctx.dateline_end(token.idx) <= token.head.idx < token.idx:
            m = ctx.mention_at(token.head.idx)  # "Flynn, a top surrogate, said"
            if m is not None and m.label in SPEAKER_LABELS:
                return named(ctx, m)
        # "The Shadow Secretary of State for the Family, Theresa May, said": the name in apposition.
        for child in token.subtree:
            if child.dep_ == "appos" and child.i > token.i and _in_phrase(child, token):
                m = ctx.mention_at(child.idx) or ctx.mention_in(child)
                if m is not None and m.label == "PERSON" or (m is not None and child.head == token):
                    return named(ctx, m)
                if m is None and child.head == token and child.pos_ == "PROPN":
                    name = ctx.doc[child.left_edge.i : child.i + 1]  # a name the model did not tag
                    return (name.text, name.start_char, name.end_char, None)
        lower = token.lower_
        start, end = token.idx, token.idx + len(token.text)
        person = ctx.focus.surname(token)
        if person is not None:
            return (person.canonical, start, end, "PERSON")
        if token.pos_ == "PRON" or lower in self.pronoun_genders or lower in self.group_pronouns:
            m = None
            if lower in self.pronoun_genders:
                m = ctx.focus.pronoun(token)
                if m is not None and m.canonical.startswith(UNNAMED):
                    return (m.canonical[len(UNNAMED) :], start, end, None)  # "a Juventus official … he added"
            elif lower in ("it", "they", "its", "their"):  # "its report says": the report's author
                m = ctx.previous_organisation(token, recent_only=lower in ("they", "their"))
                body = body_subject(ctx, token, self.descriptions)
                if body is not None and (m is None or m.end <= body.idx):
                    found = self.descriptions.resolve(ctx, body, self.resolve)
                    if found[3] is not None or body.lemma_.lower() not in self.descriptions.document_nouns:
                        return (found[0], start, end, found[3])  # a statement only through its author
            if m is not None:
                return (m.canonical, start, end, m.label)
            group = group_speaker(ctx, token, self.descriptions.thing_nouns) if lower == "they" else None
            if group is not None:
                found = self.resolve(ctx, group)
                return (found[0], start, end, found[3])
            return (None, start, end, None)
        return self.descriptions.resolve(ctx, token, self.resolve)


def named(ctx: Context, m: Mention) -> Speaker:
    """A mention as speaker: a person by the fullest name the article gives them, else its canonical."""
    key = ctx.focus.people.key(m) if m.label in ("PERSON", "ORG") else None
    if key is not None:
        return (_clean(key), m.start, m.end, "PERSON")
    return (_clean(m.canonical), m.start, m.end, m.label)


def _clean(name: str) -> str:
    """A name never starts with punctuation: "”― Carla Sanchez" is Carla Sanchez."""
    start = 0
    while start < len(name) - 1 and not name[start].isalnum():
        start += 1
    return name[start:]


def _in_phrase(child: Token, token: Token) -> bool:
    """``child`` belongs to ``token``'s own noun phrase, not to a clause hung on it: a name in what
    "reports saying …" say is not the reports' apposition."""
    head = child.head
    while head.i != token.i:
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return False
        head = head.head
    return True


def _reporter_of(verb: Token, head: Token) -> Token:
    """The verb whose subject speaks a participle ("adding", "saying"): the parser hangs "X said the firm
    had acted in good faith, adding that …" on the reported clause, whose subject (the firm) is not the
    one adding; the participle goes on with the verb that reports that clause."""
    # Not an order given in the reported clause: "X ordered cuts, telling him to …" is X's.
    order = any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.i == verb.head.i and head.dep_ == "ccomp" and not order:
        return head.head
    return head


def _after_dateline(ctx: Context, dateline: int, verb: Token) -> Token | None:
    """The head of the noun phrase between a dateline and the verb, which the parser hung from the
    dateline's place ("DENVER, March 2 - Brandt Mining Co said": "Co", an apposition of "DENVER")."""
    first = ctx.tokens.first_from(dateline)
    heads = [t for t in ctx.doc[first : verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
             and not first <= t.head.i < verb.i and any(ch.isalnum() for ch in t.text)]
    return heads[-1] if heads else None


def _nominal(token: Token) -> bool:
    """An adjective used as a noun, with its determiner: "said the 28-year-old", "the injured said"."""
    return token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children)


def _name_before_title(ctx: Context, nearest: Token) -> Token:
    """"Jane Hill, campaigns director at Oxfam, said" misparsed ("director" or even "campaigns" as the
    subject): the person named right before the comma that opens the title, not the title."""
    if nearest.pos_ not in ("NOUN", "VERB"):
        return nearest
    doc = nearest.doc
    commas = [t.i for t in doc[max(nearest.left_edge.i - 1, 0) : nearest.i] if t.text == ","]
    if not commas or commas[0] < 1:
        return nearest
    name = doc[commas[0] - 1]
    m = ctx.mention_at(name.idx)
    if (
        name.pos_ == "PROPN"
        and m is not None
        and m.label == "PERSON"
        and m.end == name.idx + len(name.text)
        and not ctx.in_quote(name.idx)
        and name.dep_ in SUBJECT_DEPS  # a subject too: not "After meeting John Smith, officials said"
        and name.head.i in (nearest.i, nearest.head.i)
        and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") for t in doc[commas[0] + 1 : nearest.i])
    ):
        return name
    return nearest


def _antecedent(relative: Token) -> Token | None:
    """What "who" or "which" stands for: the noun right before it ("…, Patti LaBelle and Stevie
    Wonder, who joked"), else the noun the relative clause hangs from."""
    i = relative.i - 1
    if i >= 0 and relative.doc[i].text == ",":
        i -= 1
    if i >= 0 and relative.doc[i].pos_ in ("PROPN", "NOUN"):
        return relative.doc[i]
    return relative.head.head if relative.head.dep_ == "relcl" else None


_NOT_TITLE = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "ADV"}


def _person_after_title(ctx: Context, i: int) -> Token | None:
    """The last word of a person's name that title words lead up to from token ``i`` ("said England sevens
    coach Mike Friday"), unless the name owns what follows ("said Tony Blair's spokesman")."""
    doc = ctx.doc
    for j in range(i, min(i + 5, len(doc))):
        t = doc[j]
        mention = ctx.mention_at(t.idx)
        if mention is not None and mention.label == "PERSON" and mention.start == t.idx:
            if j == i:
                return None  # the name itself comes first: the walk below reads it
            end = ctx.tokens.first_from(mention.end)
            after = doc[end].lower_ if end < len(doc) else ""
            return doc[end - 1] if after not in ("'s", "’s", "'") and not ctx.in_quote(t.idx) else None
        if t.pos_ in _NOT_TITLE or t.is_punct or t.is_space or ctx.in_quote(t.idx):
            return None  # the tagger may call a title word a verb ("sevens" of "England sevens coach")
    return None


def _person_right_before(ctx: Context, verb: Token) -> bool:
    """A person's name ends right before the verb, outside quotes and not its object: the verb's subject
    whatever the parser joined the verb to."""
    if verb.i == 0:
        return False
    last = verb.nbor(-1)
    mention = ctx.mention_at(last.idx)
    return (last.pos_ == "PROPN" and mention is not None and mention.label == "PERSON"
            and mention.end == last.idx + len(last.text) and not ctx.in_quote(last.idx))


def _next_to(ctx: Context, verb: Token, after: bool = True) -> Token | None:
    """The name or pronoun right after ("said Smith", "said the mayor"; only if ``after``) or right before
    the verb.

    Before the verb, a parenthesis ("Cummings (D-Md.) said") and adverbs ("Smith later said") are
    skipped. Words inside quote marks are never speakers.
    """
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    person = _person_after_title(ctx, i) if after else None
    if person is not None:
        return person
    if (
        after
        and i < len(doc)
        and doc[i].pos_ in ("PROPN", "PRON", "NOUN")
        and doc[i].ent_type_ not in TIME_LABELS
        and not ctx.in_quote(doc[i].idx)
    ):
        nxt = doc[i]
        while nxt.i + 1 < len(doc) and nxt.dep_ == "compound" and nxt.head.i > nxt.i:
            nxt = doc[nxt.i + 1]
        return nxt
    i, depth = verb.i - 1, 0
    while i >= 0 and verb.i - i < 12:
        t = doc[i]
        if ctx.in_quote(t.idx) or t.text in BOUNDARY_PUNCT:
            return None
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and t.text == ",":
            # Only an apposition may stand between a name and its verb: "Hill, a doctor, said".
            j = i - 1
            return doc[j] if j >= 0 and doc[j].dep_ == "appos" else _name_before_aside(ctx, i)
        elif depth == 0 and t.pos_ in ("PROPN", "PRON", "NOUN") and t.ent_type_ not in TIME_LABELS:
            return t
        elif (
            depth == 0
            and t.pos_ not in ("ADV", "AUX", "PART", "PUNCT", "SPACE")
            and t.ent_type_ not in TIME_LABELS
        ):
            return None
        i -= 1
    return None


def _name_before_aside(ctx: Context, comma: int) -> Token | None:
    """"Jane Hill, leader of the group in the assembly, said" / "Jane Hill, on her first day in the job,
    admitted" when the parser hung the name elsewhere: the name right before a comma-enclosed aside
    (a phrase without a verb, or one opened by a preposition) that ends at ``comma``, before the verb;
    the aside itself when it is the name ("the shadow chief secretary, George Osborne, said")."""
    doc = ctx.doc
    k = comma - 1
    while k > 0 and comma - k < 20 and doc[k].text != ",":
        if ctx.in_quote(doc[k].idx) or doc[k].text in BOUNDARY_PUNCT or doc[k].is_space:
            return None
        k -= 1
    aside = doc[k + 1 : comma]
    if k < 1 or doc[k].text != "," or not len(aside):
        return None
    inner = ctx.mention_at(aside[-1].idx)  # "the shadow chief secretary, George Osborne, said": the aside is the name
    if inner is not None and inner.label == "PERSON" and inner.start <= aside[0].idx:
        return aside[-1]
    if aside[0].pos_ not in ("ADP", "SCONJ") and any(t.pos_ in ("VERB", "AUX") for t in aside):
        return None
    name = doc[k - 1]
    m = ctx.mention_at(name.idx)
    if (name.pos_ == "PROPN" and m is not None and m.label in ("PERSON", "ORG")
            and m.end == name.idx + len(name.text) and not ctx.in_quote(name.idx)):
        return name
    return None


def labelled(ctx: Context, before: list[Token]) -> Speaker | None:
    """A quote introduced by a name and a colon, without a verb: "City boss Kevin Keegan: “…”"."""
    if len(before) < 2 or before[-1].text != ":" or len(before) > 10:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    return _name_at(ctx, before[-2], before)


def signed(ctx: Context, close_at: int, after: list[Token]) -> Speaker | None:
    """A quote signed with a dash and a name: “…” ― Jane Doe (read on the characters: the tokenizer
    may glue the closing mark and the dash into one token)."""
    rest = ctx.text[close_at : close_at + 8]
    stripped = rest.lstrip()
    if not stripped or stripped[0] not in "".join(DASHES):
        return None
    dash_end = close_at + len(rest) - len(stripped) + 1
    names = [t for t in after if t.idx >= dash_end and t.text not in DASHES]
    return _name_at(ctx, names[0], names) if names else None


def _name_at(ctx: Context, token: Token, within: list[Token]) -> Speaker | None:
    """The speaker named at ``token``: the entity mention there, else the run of proper nouns
    around it inside ``within`` (a name the model did not tag)."""
    m = ctx.mention_at(token.idx)
    if m is not None and m.label in SPEAKER_LABELS:
        return named(ctx, m)
    if token.pos_ != "PROPN":
        return None
    lo, hi = within[0].i, within[-1].i
    first = last = token
    while first.i > lo and first.nbor(-1).pos_ == "PROPN":
        first = first.nbor(-1)
    while last.i < hi and last.nbor(1).pos_ == "PROPN":
        last = last.nbor(1)
    span = token.doc[first.i : last.i + 1]
    return (span.text, span.start_char, span.end_char, None)
