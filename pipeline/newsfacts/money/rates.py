"""Unit prices that ``per_units.tsv`` does not spell out: "£20 each", "$20m a movie", "12 cents a lb".

The tables' pattern reads "a"/"an" only before the nouns it lists ("$80 a barrel"), since "a" after a
figure may open anything ("$17.5bn, a record"). The rest is read here, from the parse and the unit
tables: a word of ``per_items.tsv`` that determines no noun ("£5 each", never "£5m each year"), and
"a" with a noun the parse hangs on the figure as its measure ("$20m a movie", "£4 a leg") or with a
unit of measure of the quantity tables ("12 cents a lb", "1p a pint").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsfacts.tokens import token_index

if TYPE_CHECKING:
    from newsfacts.money.quantities import QuantityFinder


def _token_starting(doc: Doc, pos: int) -> Token | None:
    """The token that starts at character ``pos``, if one does."""
    i = token_index(doc).at(pos)
    return doc[i] if i is not None and doc[i].idx == pos else None


def item_unit(finder: QuantityFinder, doc: Doc | None, text: str, end: int) -> str | None:
    """"each" after a figure that ends at ``end`` and determines no noun: the price of one item."""
    m = finder.per_item_re.match(text, end)
    if m is None:
        return None
    tok = _token_starting(doc, m.start(1)) if doc is not None else None
    if tok is not None and tok.dep_ == "det" and tok.head.i > tok.i:
        return None  # "$5m each year", "£20 each side": the noun's own rate, read by per_units or not at all
    return finder.per_items[m.group(1).lower()]


def noun_unit(finder: QuantityFinder, doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """The noun after "a" that makes the figure from ``start`` to ``end`` a unit price, lower case."""
    m = finder.per_noun_re.match(text, end)
    if m is None or doc is None:
        return None
    word = m.group(1)
    if word.lower() in finder.per_units_set:
        return None  # the tables' own pattern has decided ("$142m a year earlier" dates the figure)
    if finder.measure_at(text, m.start(1)) == m.end(1):
        return word.lower()  # "12 cents a lb", "1p a pint"
    tok = _token_starting(doc, m.start(1))
    if tok is None or tok.pos_ != "NOUN" or tok.dep_ != "npadvmod" or tok.ent_type_:
        return None
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.i != tok.i - 1 or not start <= tok.head.idx < end:
        return None  # the noun must hang on the figure itself: "$20m a movie", not "a year" of a verb
    return word.lower()
