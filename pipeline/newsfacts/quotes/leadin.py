"""A quote paragraph attributed by a bare pronoun stands for the person the paragraph before led in with.

News introduces a speaker in a sentence of their own and quotes them in the next paragraph: "Dan Hill at
the Review agreed with Matthews. / “Pence won,” he wrote." The "he" is the subject of that last sentence,
whatever the salience of people named before (Matthews, quoted at length, is in focus, but he is not
the one introduced). Only when the quote opens its paragraph, the pronoun follows its closing mark, and
the sentence before ends the previous paragraph with a person (or a pronoun resolved to one) as the
subject of its main verb (of the last clause: "X is fit, but the Scot admitted …" is not X's), outside
quote marks, whose gender fits and who is not named inside the quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsfacts.namematch import SURE
from newsfacts.quotes.context import Mention

if TYPE_CHECKING:
    from newsfacts.quotes.focus import Focus


def lead_in(focus: Focus, token: Token, want: str | None) -> Mention | None:
    """The person the paragraph before introduced, for a pronoun that attributes a paragraph's quote."""
    ctx = focus.ctx
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in focus.verbs:
        return None
    opened = _quote_before(ctx, token)
    if opened is None or not ctx.at_paragraph_start(opened):
        return None
    p = ctx.paragraph_of(opened)
    if p == 0:
        return None
    end = ctx.paras[p - 1][1]
    last = ctx.tokens.first_from(end) - 1
    while last >= 0 and (ctx.doc[last].is_space or ctx.doc[last].is_punct):
        last -= 1
    if last < 0 or ctx.in_quote(ctx.doc[last].idx) or ctx.paragraph_of(ctx.doc[last].idx) != p - 1:
        return None  # the paragraph before ends in a quote: it is no lead-in
    root = ctx.sentence(ctx.doc[last]).root
    clauses = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    subjects = [c for c in clauses[-1].children if c.dep_ == "nsubj"] if root.pos_ in ("VERB", "AUX") else []
    if not subjects or ctx.in_quote(subjects[0].idx):
        return None  # "X is fit again, but the Scot admitted …": the last clause's subject, or none
    subject = subjects[0]
    if subject.lower_ in focus.pronoun_genders:
        found = focus.resolved(subject.i)
        key = found.canonical if found is not None and found.label == "PERSON" else None
        m = found
    else:
        m = ctx.mention_at(subject.idx)
        key = focus.people.key(m) if m is not None and m.label == "PERSON" else None
    if key is None or m is None or _named_inside(ctx, focus, key, opened):
        return None
    gender, strength = focus.people.gender(key)
    if want is not None and gender is not None and gender != want and strength >= SURE:
        return None
    return Mention(m.start, m.end, "PERSON", key)


def _quote_before(ctx, token: Token) -> int | None:
    """Where the quote opens whose closing mark the pronoun follows with only punctuation between."""
    i = token.i - 1
    while i >= 0 and (ctx.doc[i].is_punct or ctx.doc[i].is_space) and not ctx.in_quote(ctx.doc[i].idx):
        i -= 1
    if i < 0 or not ctx.in_quote(ctx.doc[i].idx):
        return None
    for start, end in ctx.regions:
        if start <= ctx.doc[i].idx < end:
            return start
    return None


def _named_inside(ctx, focus: Focus, key: str, opened: int) -> bool:
    """The person is named inside the quote's paragraph: a speaker does not talk of himself by name."""
    end = ctx.paras[ctx.paragraph_of(opened)][1]
    return any(m.label == "PERSON" and ctx.in_quote(m.start) and focus.people.key(m) == key
               for m in ctx.mentions_between(opened, end))
