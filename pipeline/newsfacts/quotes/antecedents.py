"""What "it" and "they" stand for as speakers when the organisation in focus does not say: a subject noun
of this or the previous sentence. "it" is the organisation a noun names ("the government") or a
statement ("Mr Lee's statement said: … It added: …"); "they" is such a noun in the plural, or the group
that spoke just before ("The Greens say … They say …"), sought before the words "they" report and only
then in them ("Exports fell and the unions fear cuts, they said": the unions only when no group spoke
before)."""

from __future__ import annotations

from spacy.tokens import Token

from newsfacts.quotes.context import SUBJECT_DEPS, Context
from newsfacts.quotes.descriptions import Descriptions


def body_subject(ctx: Context, token: Token, descriptions: Descriptions, inside: bool = False) -> Token | None:
    """The last organisation noun ("the government", "the company") that is the subject of this or the
    previous sentence before ``token``: what a following "it" or "they" stands for ("The US government
    denied the claims. In a statement, it said: …"); for "it" a document noun too ("the statement")."""
    cutoff = ctx.tokens.first_from(ctx.previous_sentence_start(token))
    nouns = descriptions.organisation_nouns
    if token.lower_ == "it":  # the statement, so its author
        nouns = nouns | descriptions.document_nouns
    plural_ok = token.lower_ in ("they", "their")  # "the government … they": British usage; "it" is one
    for t in _words_before(ctx, cutoff, token, inside):
        if (t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN" and t.lemma_.lower() in nouns
                and (t.tag_ == "NN" or plural_ok) and not ctx.in_quote(t.idx)
                and any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in t.children)):
            return t
    return None


def group_speaker(ctx: Context, token: Token, thing_nouns: set[str], inside: bool = False) -> Token | None:
    """What "they" takes up when no organisation does: the nearest subject of a reporting verb in this or
    the previous sentence that is a plural noun other than a thing's ("Local doctors told the inquiry …
    They said …") or a named group ("The Greens say … They say …")."""
    cutoff = ctx.tokens.first_from(ctx.previous_sentence_start(token))
    for t in _words_before(ctx, cutoff, token, inside):
        if t.dep_ != "nsubj" or t.head.lemma_.lower() not in ctx.focus.verbs or ctx.in_quote(t.idx):
            continue
        m = ctx.mention_at(t.idx)
        if (t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in thing_nouns and not _counted(t)
                or m is not None and m.label in ("NORP", "ORG")):
            return t
    return None


def _counted(t: Token) -> bool:
    """A count or share of people, which says how many spoke, not who: "Three-quarters said", "More than
    two-thirds", "Large numbers of MPs", "Thousands"."""
    return t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY", "DATE") \
        or any(c.dep_ == "nummod" or c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def _words_before(ctx: Context, cutoff: int, token: Token, inside: bool) -> list[Token]:
    """The words from ``cutoff`` up to the pronoun ``token``, nearest first: those before what a "they"
    reports ("Dock workers warned … . Exports fell and the unions fear cuts, they said": not the unions),
    or if ``inside`` only those it reports, read when no group was named before ("The makers want bigger
    screens, they say")."""
    report = _own_report_start(ctx, token) if token.lower_ in ("they", "their") else token.i
    return list(reversed(ctx.doc[report : token.i] if inside else ctx.doc[cutoff:report]))


def _own_report_start(ctx: Context, token: Token) -> int:
    """Where the words a pronoun reports begin when they come before it in its sentence ("Exports fell and
    the unions fear cuts, they said"). Else the pronoun itself (its verb's clause follows it: "They said
    that …")."""
    verb = token.head
    if token.i == 0 or ctx.doc[token.i - 1].text != "," or verb.i < token.i:
        return token.i
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return token.i  # "…, they said, that …"
    return ctx.sentence(token).start
