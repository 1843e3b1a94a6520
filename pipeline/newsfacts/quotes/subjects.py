"""The subject of a reporting verb: the word that speaks, before it is resolved to a name.

The parse gives it (a subject, a passive's agent, "quoted X as saying", "according to X"); where the
parser failed around quote marks, a dateline or a title, the word's position gives it: the name or pronoun
next to the verb, the name before a comma-enclosed title or aside, the noun a relative pronoun stands for.
``speakers`` resolves what this module finds.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfacts.quotes.context import SUBJECT_DEPS, TIME_LABELS, Context
from newsfacts.quotes.marks import BOUNDARY_PUNCT


def subject_token(ctx: Context, verb: Token) -> Token | None:
    """The word that speaks for ``verb``: its subject, the agent of a passive, the one quoted in "quoted X
    as saying", the object of "according to"; up the chain of a participle or a conjoined verb; else the
    name or pronoun next to the verb."""
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
    return next_to(ctx, verb) or (next_to(ctx, first, after=False) if first is not None else None)


def _reporter_of(verb: Token, head: Token) -> Token:
    """The verb whose subject speaks a participle ("adding", "saying"): the parser hangs "X said the firm
    had acted in good faith, adding that …" on the reported clause, whose subject (the firm) is not the
    one adding; the participle goes on with the verb that reports that clause."""
    # Not an order given in the reported clause: "X ordered cuts, telling him to …" is X's.
    order = any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.i == verb.head.i and head.dep_ == "ccomp" and not order:
        return head.head
    return head


def after_dateline(ctx: Context, dateline: int, verb: Token) -> Token | None:
    """The head of the noun phrase between a dateline and the verb, which the parser hung from the
    dateline's place ("DENVER, March 2 - Brandt Mining Co said": "Co", an apposition of "DENVER")."""
    first = ctx.tokens.first_from(dateline)
    heads = [t for t in ctx.doc[first : verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
             and not first <= t.head.i < verb.i and any(ch.isalnum() for ch in t.text)]
    return heads[-1] if heads else None


def nominal(token: Token) -> bool:
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


def antecedent(relative: Token) -> Token | None:
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


def next_to(ctx: Context, verb: Token, after: bool = True) -> Token | None:
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
