"""Noun phrases of the parse that can say what a figure measures, and the pieces of figures they skip.

``money.about`` decides which noun a figure measures; these read the words around it: the phrase of a
noun ("bilateral trade", never "$325m"), what is a piece of a figure or a name rather than a thing,
and the dash that closes an aside, which no link of the parse crosses.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})  # a name says who, never what a figure measures
ORDINALS = frozenset({"first", "second", "third", "fourth"})  # of quarters: "Fourth quarter turnover"


def phrase(tok: Token, span: Span | None = None) -> str:
    """The noun with its compounds and adjectives: "bilateral trade", "investment flows"; never the
    amount itself ("$325m contract" -> "contract")."""
    start = tok.i
    for t in tok.lefts:
        if t.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "advmod"):
            sub = list(t.subtree)
            if all(s.i < tok.i for s in sub):
                start = min(start, sub[0].i)
    if span is not None and span.start >= start and span.end <= tok.i:
        start = span.end
    # the phrase opens at the noun's own determiner: "almost twice the minimum wage", "150 times the
    # monthly salary" measure the wage and the salary; the words before say how many of them
    start = max([start, *(t.i for t in tok.lefts if t.dep_ in ("det", "predet") and t.i > start)])
    doc = tok.doc
    start = max(start, tok.sent.start)
    # A noun phrase is words: nothing of a figure or a parenthesis before the noun ("($35.7m; £19.1m)
    # back-tax claim" is "back-tax claim", "a 134% rise" is "rise").
    for j in range(tok.i - 1, start - 1, -1):
        if figure_piece(doc[j]):
            start = j + 1
            while start < tok.i and not doc[start - 1].whitespace_:
                start += 1  # "four-month highs" is "highs"
            break
    while start < tok.i and (doc[start].dep_ in ("det", "poss", "predet", "case", "cc") or doc[start].is_punct):
        start += 1
    end = phrase_end(tok, span is not None and span.end <= tok.i)
    return doc[start:end + 1].text.rsplit("\n", 1)[-1].strip()


def phrase_end(tok: Token, figure_before: bool) -> int:
    """The last word of the phrase: a title goes on after "of" ("The Passion of the Christ"), and a noun
    joined by "or"/"and" to a bare noun is measured with it ("£30 to £40 console or PC titles": only
    for a figure before the nouns, ``figure_before``)."""
    doc, rights = tok.doc, list(tok.rights)
    if tok.pos_ == "PROPN":
        of = next((c for c in rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        name = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if name is not None and all(t.pos_ == "PROPN" or t.dep_ == "det" for t in doc[of.i + 1:name.i + 1]):
            return name.i
        return tok.i
    cc = next((c for c in rights if c.dep_ == "cc" and c.i == tok.i + 1), None) if figure_before else None
    conj = next((c for c in rights if c.dep_ == "conj" and c.pos_ == "NOUN"), None) if cc is not None else None
    if conj is not None and all(t.dep_ in ("compound", "amod") for t in doc[cc.i + 1:conj.i]):
        return conj.i
    return tok.i


def figure_piece(t: Token) -> bool:
    """A token of a figure or of punctuation: "$", "35.7", the "m" of "35.7m", "%", ")", ";"."""
    if t.text in ("-", "–") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_:
        return t.doc[t.i - 1].like_num  # "pre-tax", "bail-out" are words; "$2-3bn" is a figure
    if t.like_num and t.text[:1].isupper() and not t.text[:1].isdigit() and (
            t.pos_ == "PROPN" or t.lower_ in ORDINALS
            or t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN" and t.doc[t.i + 1].text[:1].isupper()):
        return False  # "the Three Gorges Dam project", "Fourth quarter turnover": a name, a period
    if t.lower_ in ORDINALS:
        return False  # "fourth quarter operating profits": an ordinal in words names the period
    if t.is_punct or t.like_num or t.pos_ in ("SYM", "NUM") or t.is_currency or t.text == "%":
        return True
    return t.i > 0 and t.doc[t.i - 1].like_num and not t.doc[t.i - 1].whitespace_


def is_thing(tok: Token) -> bool:
    """Whether a noun can say what an amount measures: not a piece of a figure ("m", "%"), not a person."""
    return tok.pos_ in ("NOUN", "PROPN") and not figure_piece(tok) and tok.ent_type_ not in (
        "PERSON", "PERCENT", "MONEY", "CARDINAL", "QUANTITY", "DATE", "TIME") and not (
        tok.pos_ == "PROPN" and tok.ent_type_ in NAMES)


def dash_between(a: Token, b: Token) -> bool:
    """Whether the dash closing an aside lies between two words the parse links ("could cost the UK £1bn -
    countries must spend"): no link crosses it ("the deal - worth $5bn -" crosses only the opening one)."""
    doc, depth = a.doc, 0
    dashes = [t.i for t in a.sent if t.text in ("-", "–", "—") and t.whitespace_ and doc[t.i - 1].whitespace_
              and t.i + 1 < len(doc) and not figure_piece(doc[t.i + 1])]  # a dash before a figure: a range
    for t in doc[min(a.i, b.i) + 1:max(a.i, b.i)]:
        depth += (t.text in "([") - (t.text in ")]")
        if depth == 0 and t.i in dashes and dashes.index(t.i) % 2 == 1:
            return True
    return False


def bare_activity(noun: Token) -> bool:
    """A bare noun after a preposition of a verb or adjective ("on sale", "for download") names an
    activity, not the thing a price after it measures."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.head.pos_ in ("AUX", "VERB", "ADJ") and not any(
        c.dep_ in ("det", "poss", "compound", "amod") for c in noun.children)


def of_child(noun: Token) -> Token | None:
    """The noun after "in" or "of" under ``noun``: "rise in profits" -> "profits"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            return next((x for x in child.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN")), None)
    return None
