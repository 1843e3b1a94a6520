"""Speakers: who said a quote, resolved to a canonical name from the article's entities.

The speaker is the subject of the reporting verb, in either order ("Smith said", "said Smith"), the
object of "according to", "X quoted Y as saying", a name signed after a dash (“…” ― Jane Doe) or
before a colon (Jane Doe: “…”) or after the quote's comma with no verb at all (“…,” Ms Kemp.), never a
word inside quote marks nor of another paragraph (``subjects`` finds that word). The subject
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
from newsfacts.quotes.antecedents import body_subject, group_speaker, spoke_about
from newsfacts.quotes.context import SPEAKER_LABELS, Context, Mention, Speaker
from newsfacts.quotes.descriptions import Descriptions
from newsfacts.quotes.focus import UNNAMED
from newsfacts.quotes.marks import DASHES, Segment
from newsfacts.quotes.subjects import after_dateline, antecedent, next_to, nominal, subject_token

GROUPS = ("it", "they", "its", "their")  # what an organisation or a group is taken up by


class Speakers:
    """Finds the speaker token of a reporting verb and resolves it to a canonical name."""

    def __init__(self, group_pronouns: set[str], pronoun_genders: dict[str, str], descriptions: Descriptions):
        self.group_pronouns = group_pronouns
        self.pronoun_genders = pronoun_genders
        self.descriptions = descriptions

    def speaker_of(self, ctx: Context, verb: Token) -> Speaker | None:
        subject = subject_token(ctx, verb)
        dateline = ctx.dateline_end(verb.idx)
        if subject is not None and subject.idx < dateline <= verb.idx and not ctx.at_paragraph_start(dateline):
            subject = after_dateline(ctx, dateline, verb)  # "DENVER, March 2 - Brandt Co said": not Denver
        if subject is not None and subject.tag_ in ("WP", "WDT"):
            subject = antecedent(subject)  # "an architect who said …"
        if subject is not None and (
            ctx.paragraph_of(subject.idx) != ctx.paragraph_of(verb.idx)
            or ctx.in_quote(subject.idx)
            or (subject.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") and not nominal(subject))
        ):
            # The parser took words of the quote, or of a headline run into the sentence, as subject.
            subject = next_to(ctx, verb)
        if subject is None or ctx.paragraph_of(subject.idx) != ctx.paragraph_of(verb.idx):
            return None
        if subject.lower_ == "they" and subject.i > verb.i and subject.head.i != verb.i and any(
                c.dep_ == "nsubj" and c.text == "%" for c in verb.children):
            # A share that spoke ("22% of drivers said they never used it"): how many, not who; the pronoun
            # after the verb is the subject of what they said, and no group before is its antecedent.
            return (None, subject.idx, subject.idx + len(subject.text), None)
        found = self.resolve(ctx, subject)
        if found[3] is None and found[0] and subject.pos_ == "NOUN":
            found = ctx.described(subject, found)  # "the department said" after "the Labor department said"
        if found[0] and self.is_organisation(subject, found):
            ctx.note_org_speaker(verb.idx, found)  # what a later "it said", "the company said" stands for
        elif found[0] and subject.pos_ == "PROPN" and (found[3] in (None, "ORG", "GPE", "NORP")
                                                        or found[3] == "PERSON" and _ungendered(ctx, found[0])):
            ctx.note_named_speaker(verb.idx, found)  # what a later "it said" stands for when no organisation is
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

    def group(self, ctx: Context, token: Token, inside: bool) -> Token | None:
        """The group a "they" takes up (``antecedents.group_speaker``)."""
        d = self.descriptions
        return group_speaker(ctx, token, d.document_nouns, inside, d.group_nouns | d.organisation_nouns)

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
            if m is not None and lower == "they":
                group = self.group(ctx, token, False)
                if group is not None and spoke_about(group, m.start):
                    m = None  # a name inside what the group that spoke said: the group
            # A noun before the words "they" report, else one of them ("The makers want more, they say").
            for inside in (False, True) if lower in ("they", "their") else (False,):
                body = body_subject(ctx, token, self.descriptions, inside) if lower in GROUPS else None
                if body is not None and (m is None or m.end <= body.idx):
                    found = self.descriptions.resolve(ctx, body, self.resolve)
                    if found[3] is not None or body.lemma_.lower() not in self.descriptions.document_nouns:
                        return (found[0], start, end, found[3])  # a statement only through its author
                if m is None and lower == "it":
                    m = ctx.last_named_speaker(token)  # "UK Coal said …. …, it said": a firm taken for a place
                if m is not None:
                    return (m.canonical, start, end, m.label)
                group = self.group(ctx, token, inside) if lower == "they" else None
                if group is not None:
                    found = self.resolve(ctx, group)
                    return (found[0], start, end, found[3])
            return (None, start, end, None)
        person = _named_before_aside(ctx, token)
        if person is not None:
            return named(ctx, person)
        return self.descriptions.resolve(ctx, token, self.resolve)


_ASIDE_MARKS = (*DASHES, ",")


def _named_before_aside(ctx: Context, token: Token) -> Mention | None:
    """"Fund manager Jan Roe - the club's largest investor - said": a person named at the head of the subject's
    phrase, a dash or comma after the name, is who the description after it describes, however the parser
    joined the words (it may make the description's noun the subject and the name a compound of it)."""
    words = ctx.doc[token.left_edge.i:token.i]
    if any(t.pos_ == "ADP" for t in words):  # "the lawyer for Jan Roe - ...": someone else's
        return None
    for t in words:
        m = ctx.mention_at(t.idx)
        if m is not None and m.label == "PERSON":
            after = ctx.text[m.end:token.idx].lstrip()
            return m if after.startswith(_ASIDE_MARKS) else None
    return None


def _ungendered(ctx: Context, name: str) -> bool:
    """A name the model called a person's but that nothing shows to be one: no first name of known gender,
    no he or she, honorific or gendered title for it ("Grainex Coal said …", a firm the model took for a
    person, which "it said" may take up)."""
    people = ctx.focus.people
    return people.gender(name)[0] is None and people.first_gender(name) is None


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
