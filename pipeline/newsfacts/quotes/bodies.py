"""An organisation described by its noun as speaker: "the company", "the central bank", "the committee".

A body is mostly named with its noun ("Finance Ministry", "Home Affairs Committee") or a word of its
class (``organisation_classes.txt``: "the central bank" is the Bundesbank or the Federal Reserve), so the
description is first the nearest organisation before it whose name holds that noun and the nouns that
qualify it ("the select committee" is no "Audit Committee", "the investment bank" no "Bank of England").
Failing that, a firm's noun ("the company", "the bank") is the organisation in focus, which is named
without it and not named with another kind's noun ("the company" is no "Federal Trade Commission"
named since), but three descriptions are never another organisation: a body of an organisation
(``sub_bodies.txt``: "the Commons science committee" is not the Commons, "the committee" not the firm
in focus), a body someone owns ("Mr Spitzer's office", "the information commissioner's office") and one
of a class ("the central bank" is no commercial bank named before). These keep their own words.

A firm's organisation is searched outside reported words first: a name inside quote marks or inside a
clause a reporting verb governs, the description's own ("X's tool is ready, the firm said") or another's
("Analysts said the SEC's criticism …"), is what was said about rather than who speaks. Only when no
organisation is named outside them is it a firm that spoke by a name the model left untagged
("Macrovision said …"), else one named inside them ("RHB is hiring, the firm said").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfacts.quotes.context import Context, Mention

QUALIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
PLACE_LABELS = {"GPE", "NORP", "LOC"}
BODY_LABELS = {"ORG", "GPE", "NORP"}  # the model may call the European Union a place, a party a nationality


class Bodies:
    """Resolves a description whose head is an organisation noun to a named organisation, or None."""

    def __init__(self, sub_bodies: set[str], classes: dict[tuple[str, ...], set[str]],
                 firm_nouns: set[str] = frozenset(), organisation_nouns: set[str] = frozenset()):
        self.sub_bodies = sub_bodies
        self.classes = classes  # the words of a description ("central", "bank") → words of its names
        self.firm_nouns = firm_nouns
        self.other_bodies = organisation_nouns - firm_nouns  # what "the company" is not: "X Commission"

    def resolve(self, ctx: Context, token: Token) -> Mention | None:
        lemma = token.lemma_.lower()
        sub_body = lemma in self.sub_bodies
        own = [m for m in ctx.mentions_between(ctx.doc[token.left_edge.i].idx, token.idx) if m.label == "ORG"]
        if own and not sub_body:
            return own[-1]  # "Germany's BdB banks association", "the Usdaw trade union"
        firm = lemma in self.firm_nouns
        skip = (lambda m: reported(ctx, m)) if firm else None
        classed = self.class_of([t.lower_ for t in ctx.doc[token.left_edge.i : token.i]], lemma)
        if classed is not None:
            return ctx.named_with(token, classed, BODY_LABELS, skip=skip) or ctx.named_with(token, classed, BODY_LABELS)
        words = {lemma, token.lower_}
        found = (ctx.named_with(token, words, BODY_LABELS, qualifiers(ctx, token), skip=skip)
                 or ctx.named_with(token, words, BODY_LABELS, qualifiers(ctx, token)))
        if found is not None or sub_body or _owned(ctx, token):
            return found
        unlike = self.other_bodies if firm else frozenset()
        found = ctx.previous_organisation(token, recent_only=False, unlike=unlike, skip=skip)  # the one in focus
        if found is None and firm:
            found = ctx.last_named_speaker(token) or ctx.previous_organisation(token, recent_only=False, unlike=unlike)
        return found

    def class_of(self, words: list[str], lemma: str) -> set[str] | None:
        """The name words of a class the description belongs to ("central bank"), else None."""
        for key, names in self.classes.items():
            if key[-1] == lemma and set(key[:-1]) <= set(words):
                return names
        return None


def reported(ctx: Context, m: Mention) -> bool:
    """``m`` is named inside reported words: quote marks, or a clause a reporting verb governs."""
    if ctx.in_quote(m.start):
        return True
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and ctx.focus.in_reported_content(span.root)


def qualifiers(ctx: Context, token: Token) -> set[str]:
    """The nouns that say which body the description is ("information commissioner's office": information,
    commissioner), without places ("the US regulator") and adjectives ("the influential committee")."""
    out = set()
    for c in token.children:
        if c.dep_ not in QUALIFIER_DEPS or c.i > token.i:
            continue
        for t in c.subtree:
            m = ctx.mention_at(t.idx)
            if t.pos_ in ("NOUN", "PROPN") and not (m is not None and m.label in PLACE_LABELS):
                out.add(t.lower_)
    return out


def _owned(ctx: Context, token: Token) -> bool:
    """Someone other than an organisation, a place or the one in focus owns the body: "Mr Spitzer's
    office", "the information commissioner's office"; not "his party", nor a rank ("the world's biggest
    insurer")."""
    if any(c.tag_ == "JJS" for c in token.children):
        return False
    for c in token.children:
        if c.dep_ == "poss":
            m = ctx.mention_at(c.idx)
            return c.pos_ != "PRON" and (m is None or m.label not in ("ORG", *PLACE_LABELS))
    return False


def read_classes(lines: set[str] | list[str]) -> dict[tuple[str, ...], set[str]]:
    """``central bank: bank bundesbank reserve`` lines: the description's words → words of its names."""
    classes = {}
    for line in lines:
        key, _, names = line.partition(":")
        if key.split() and names.split():
            classes[tuple(key.lower().split())] = set(names.lower().split())
    return classes
