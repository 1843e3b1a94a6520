"""Component ``newsfacts_money``: monetary amounts and other quantities.

The statistical NER of the small model is unreliable for money ("$10" loses its "$", "20 euros" is a
CARDINAL) and quantulum3 over whole texts invents units ("an upward" -> 1 atomic mass unit). So amounts
are read by a small hand-written scanner over ``doc.text``: find numbers (digits or words), then look
at the few characters around each one for a currency symbol or code before it, a scale word and a
currency name or a unit after it.

Ranges ("$1.2 million to $23.5 million", "between $2 and $3 billion", "€2-3bn") give two Amounts, one
per end, each with its own span, so that each written figure can be found where a reader (or a gold
file) marks it: the first has ``value`` = lower bound, ``max_value`` = upper bound and qualifier
``range``; the second has ``value`` = upper bound and qualifier ``range_end``. A bare lower bound takes
the scale and currency of the upper one ("$2" in "between $2 and $3 billion" is 2e9 USD). With
``split_ranges = false`` in the config a range is one Amount whose span covers both ends. A change
("rose from $2bn to $3bn", "cut by $200 to $399") is two plain amounts, never a range. Quantities
keep a range in one record (``value``/``max_value``). Qualifier words ("more than", "about") are kept
in ``qualifier`` and left out of the span.

Ambiguous signs and names ("$", "dollars", "Rs", "dinars", "¥") belong to a family (families.tsv): a
statement such as "all figures in Canadian dollars" decides it; otherwise the currency the dateline's
country paid in on the publication day (``families.py``: "OAKVILLE, Ontario" -> CAD, "BRUSSELS" in
1987 -> BEF) or the family default ("$" -> USD) is used and
``currency_guessed`` is set. "US$", "C$", "A$" and codes are never guessed. A figure with a scale and
no currency compared with an amount just before it ("4.3bn rupees ($98m), against 2.7bn a year earlier")
takes that amount's currency, with ``currency_guessed`` set. Unit prices ("$80 a barrel", "$5/share")
get ``per_unit``; "from $142m a year earlier" dates a figure and is no rate.

The dependency parse is consulted only for the amounts found: ``about`` is the noun phrase the figure
measures (the subject of "reach", "total", "stand at" ...; the noun a figure modifies or is "worth";
"$717m in disaster relief"), a pronoun ("bring it to $3 billion") takes the thing measured just before
in the sentence; ``status`` is target / forecast when a governing word says so (plan, aim, goal,
expect, will ...), actual for measuring verbs in the past or present.

Non-money quantities (percent, tonnes, barrels, kilometres, people ...) need a unit from units.tsv
right after the number, so years, dates, ordinals and ordinary words never become quantities; units
missing from the table are read by quantulum3 on the number and the next few words only, for the
kinds of measure the config lists, cached.

All word lists live in ``models/money/``. The stages, one module each:

- ``tables``: the tables of ``models/money/`` and the scanners compiled from them;
- ``numbers``: numbers in digits or words, scale words, when two numbers form a range;
- ``quantities``: a number with a unit after it (units.tsv, else quantulum3);
- ``rates``: unit prices the tables' pattern leaves to the parse ("£20 each", "$20m a movie");
- ``amounts``: a number with a currency, ranges, currency families; ``MoneyExtractor.find``;
- ``about``: what an amount measures and its status, from the dependency parse;
- ``component``: the spaCy component ``newsfacts_money`` and its factory ``make_money``.
"""

from newsfacts.money.amounts import MoneyExtractor
from newsfacts.money.component import MoneyComponent, make_money

__all__ = ["MoneyComponent", "MoneyExtractor", "make_money"]
