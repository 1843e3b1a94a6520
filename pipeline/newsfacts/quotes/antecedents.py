"""What "it" and "they" stand for as speakers when the organisation in focus does not say: a subject noun
of this or the previous sentence. "it" is the organisation a noun names ("the government") or a
statement ("Mr Lee's statement said: … It added: …"); "they" is such a noun in the plural, or the group
that spoke just before ("The Greens say … They say …"), sought before the words "they" report and only
then in them ("Exports fell and the unions fear cuts, they said": the unions only when no group spoke
before); failing those, a group that acted before the words ("Hospital consultants objected … They say",
"opposed by the Social Democrats. They have said"). A group that spoke comes before a firm named in what it
said; a count ("22% said they …") is no group."""

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


def group_speaker(ctx: Context, token: Token, document_nouns: set[str], inside: bool = False,
                  group_nouns: set[str] = frozenset()) -> Token | None:
    """What "they" takes up when no organisation does: the nearest subject of a reporting verb in this or
    the previous sentence that is a plural noun other than a document's ("Local doctors told the inquiry …
    They said …", "Shipping firms said …") or a named group ("The Greens say … They say …"); else, before
    the words "they" report, the nearest plural noun of ``group_nouns`` or named group that is the subject
    of any verb or the agent of a passive ("Hospital consultants have objected … They say …", "opposed by
    the Green Party. They have said …")."""
    cutoff = ctx.tokens.first_from(ctx.previous_sentence_start(token))
    words = _words_before(ctx, cutoff, token, inside)
    for t in words:
        if t.dep_ != "nsubj" or t.head.lemma_.lower() not in ctx.focus.verbs or ctx.in_quote(t.idx):
            continue
        if t.head.dep_ == "ccomp" and t.head.head.lemma_.lower() in ctx.focus.verbs:
            continue  # a source inside what was reported ("They claim government figures show …")
        m = ctx.mention_at(t.idx)
        if (_plural(t) and t.lemma_.lower() not in document_nouns and not _counted(t, group_nouns)
                or m is not None and m.label in ("NORP", "ORG") or t.lower_ == "they"):
            return t  # a "they" that spoke before: the group it stands for ("the MPs said. They said …")
    if inside or not group_nouns:
        return None  # "US officials talked the dollar up, they said": not those the words name
    for t in words:
        if ctx.in_quote(t.idx) or not (t.dep_ in SUBJECT_DEPS or t.dep_ == "pobj" and (
                t.head.dep_ == "agent" or t.head.lower_ == "to" and t.head.head.lower_ == "according")):
            continue
        if t.dep_ == "pobj" and t.head.head.dep_ in ("acl", "relcl"):
            continue  # "in the survey carried out by X": no group that acts in the sentence
        m = ctx.mention_at(t.idx)
        named = m is not None and (m.label == "NORP" or m.label == "ORG" and t.tag_ == "NNPS")
        if named or _plural(t) and t.lemma_.lower() in group_nouns and not _counted(t, group_nouns):
            return t
    return None


def spoke_about(group: Token, start: int) -> bool:
    """The character ``start`` lies in what ``group`` was reported to say: after its reporting verb, in the
    verb's clause ("Inspectors claim that Harbourline broke the rules. They also allege …": not
    Harbourline, a name inside the inspectors' claim)."""
    verb = group.head
    last = verb.doc[verb.right_edge.i]
    return group.dep_ == "nsubj" and verb.idx < start < last.idx + len(last)


def _plural(t: Token) -> bool:
    """A plural noun, an acronym's too, which the tagger reads as singular ("MPs", "MEPs")."""
    return t.tag_ in ("NNS", "NNPS") or len(t.text) > 2 and t.text.endswith("s") and t.text[:-1].isupper()


def _counted(t: Token, group_nouns: set[str]) -> bool:
    """A count or share of people, which says how many spoke, not who: "Three-quarters said", "More than
    two-thirds", "Large numbers of MPs", "Thousands"; not "Officials of the ministry", a group noun."""
    return t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY", "DATE") or any(
        c.dep_ == "nummod" or c.dep_ == "prep" and c.lower_ == "of" and t.lemma_.lower() not in group_nouns
        for c in t.children)


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
