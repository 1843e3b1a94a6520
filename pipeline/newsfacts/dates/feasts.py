"""The date of a holiday in a given year, from its rule in ``models/dates/lexicon.json``.

A rule is a fixed day ("12-25"), the n-th weekday of a month ("nov-thu-4", "may-mon-last"),
Easter ("easter", from ``dateutil.easter``) or a holiday of a country's calendar in the ``holidays``
library ("IL:Yom Kippur", "TR:Eid al-Fitr", "CN:Chinese New Year"), which knows the lunar and
lunisolar calendars, and the dates Islamic holidays were observed, better than arithmetic does.
"@+1" / "@-2" shifts the day ("nov-thu-4@+1" is Black Friday, "easter@-2" Good Friday).
No spaCy: pure functions of a rule and a year, cached.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, timedelta
from functools import lru_cache

from newsfacts.dates.calendar import nth_weekday

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NTH = re.compile(r"(?P<mon>[a-z]{3})-(?P<wd>[a-z]{3})-(?P<n>\d|last)")


@lru_cache(maxsize=4096)
def holiday_date(rule: str, year: int) -> date | None:
    """The day ``rule`` falls on in ``year``, or None where the rule or its calendar has no answer."""
    base, _, shift = rule.partition("@")
    if re.fullmatch(r"\d\d-\d\d", base):
        day: date | None = date(year, int(base[:2]), int(base[3:]))
    elif base == "easter":
        from dateutil.easter import easter

        day = easter(year)
    elif m := _NTH.fullmatch(base):
        n = -1 if m.group("n") == "last" else int(m.group("n"))
        day = nth_weekday(year, _MONTHS.index(m.group("mon")) + 1, _WEEKDAYS.index(m.group("wd")) + 1, n)
    elif ":" in base:
        country, name = base.split(":", 1)
        day = _country_holiday(country, name, year)
    else:
        return None
    return day + timedelta(days=int(shift)) if day and shift else day


@lru_cache(maxsize=1024)
def _country_holiday(country: str, name: str, year: int) -> date | None:
    """The first day of the holiday ``name`` in ``country``'s calendar that year (not an observed copy)."""
    import holidays

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # years outside a calendar's range: no days, and a warning
        try:
            days = holidays.country_holidays(country, years=year, language="en_US")
        except (NotImplementedError, KeyError):
            return None
    low = name.lower()
    found = [d for d, n in days.items()
             if n.lower().startswith(low) and "observed" not in n.lower() and "eve" not in n.lower().split()]
    return min(found) if found else None
