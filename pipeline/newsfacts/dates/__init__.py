"""Time expressions normalised to TIMEX3 values (component ``newsfacts_dates``).

Rules in the spirit of HeidelTime: regular expressions built once from the general time
vocabulary in ``models/dates/lexicon.json`` find candidate expressions in the text; the
parse (part of speech, tense of the governing verb) rejects ordinary words ("may", "march
on", "Sun Microsystems") and decides which way a relative expression points; values are
resolved against ``doc._.dct``. Without a DCT relative expressions keep an unresolved value
(``XXXX-02-13``) and ``anchored=False``. dateparser (English only, cached) is used only on
short spaCy DATE entities that no rule covers.

Modules, in the order a document meets them: ``patterns`` (the rule table and its gates),
the handler groups ``absolute``, ``relative``, ``periods``, ``durations``, ``times``, ``composed``,
``narrative`` ("three years later", "the next day": counted from the time the story is at) (a match to a
candidate), ``context`` (candidate, per-document state, tense), ``calendar`` (date
arithmetic), ``recognizer`` (choose, merge, resolve), ``fallback`` (dateparser), ``component``
(the spaCy factory).
"""

from newsfacts.dates.calendar import duration_value
from newsfacts.dates.component import DatesComponent, make_dates
from newsfacts.dates.recognizer import KINDS, DateRecognizer

__all__ = ["KINDS", "DateRecognizer", "DatesComponent", "duration_value", "make_dates"]
