"""Which currency an ambiguous sign means in one article: "$", "dollars", "francs", "Rs".

The article's own statement decides ("all figures in Canadian dollars"); else the country its
dateline puts it in, with that country's currency on the publication day (``newsfacts.places``:
"OAKVILLE, Ontario" -> CAD, "BRUSSELS" in 1987 -> BEF, in 2024 -> EUR, which no franc is); else the
family's default ("$" -> USD), as it is in an article quoting a price "a barrel" or "an ounce", which
the world pays in US dollars. ``models/money/places.tsv`` holds the few dateline places the
libraries do not place.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from newsfacts.metadata import parse_dateline
from newsfacts.money.tables import MoneyTables
from newsfacts.places import country_code, territory_currencies


def resolve_families(tables: MoneyTables, doc: Doc, text: str, stated: set[str]) -> dict[str, tuple[str | None, bool]]:
    """Family -> (ISO, guessed) for this article, given the currencies it ``stated``. An explicit "A$" next
    to a bare "$" says nothing: writers who mark one currency use "$" for the US dollar."""
    local = dateline_currencies(tables, doc, text)
    world = tables.world_priced is not None and tables.world_priced.search(text) is not None
    out = {}
    for fam, (default, members) in tables.families.items():
        named = members & stated
        place_iso = next((c for c in local if c in members), None)
        if world and default == "USD":
            place_iso = None  # oil and gold are priced in US dollars wherever the story is filed
        if place_iso and not named:
            out[fam] = (place_iso, True)
            continue
        out[fam] = (next(iter(named)), False) if len(named) == 1 else (default, True)
    return out


def dateline_currencies(tables: MoneyTables, doc: Doc, text: str) -> list[str]:
    """The legal tender of the country the dateline puts the article in, on its publication day."""
    place = doc._.dateline
    if place is not None and not isinstance(place, str):
        place = getattr(place, "place", None)
    if not place:
        return []
    low = place.lower().strip()
    for part in [low] + [p.strip() for p in re.split(r"[,/(]", low)]:
        if part in tables.places:
            return [tables.places[part]]
    parsed = parse_dateline(text)  # the region the stored place leaves out: "Ontario" of "OAKVILLE, Ontario"
    region = parsed.region if parsed is not None and (parsed.place or "").lower() == low else None
    country = country_code(place, region, tables.cities)
    return territory_currencies(country, _day(doc._.dct)) if country else []


def _day(dct: str | None) -> date | None:
    try:
        return date.fromisoformat(dct[:10]) if dct else None
    except ValueError:
        return None
