"""The country a dateline's place and region are in (pycountry, us, GeoNames), and its currency on a day (CLDR)."""

from datetime import date

import pytest

from newsfacts.nlp import models_dir
from newsfacts.places import country_code, territory_currencies

CITIES = models_dir() / "entities"


@pytest.mark.parametrize("place,region,code", [
    ("Oakville", "Ontario", "CA"),  # a province (ISO 3166-2)
    ("Alexandria", "Va.", "US"),  # the AP's abbreviation of a state
    ("Trieste", "Italy", "IT"),  # a country
    ("Atlanta", "Georgia", "US"),  # the state, not the country: the city says which
    ("Tbilisi", "Georgia", "GE"),
    ("Bogota", None, "CO"),  # GeoNames writes "Bogotá"
    ("Zurich", None, "CH"),
    ("Singapore", None, "SG"),
    ("NEW YORK", None, "US"),  # a state: GeoNames' city is "New York City"
    ("FRANKFURT", None, "DE"),  # another name of a city: "Frankfurt am Main"
    ("PEKING", None, "CN"),
    ("CALCUTTA", None, "IN"),  # Kolkata's English name, not the South African town that bears it
    ("LOANDA", None, "AO"),
    ("Sakata", None, "JP"),  # a known city keeps its own name, though Jakarta lists it as another
    ("Bethlehem", None, "PS"),  # so does a city only 16 times smaller (Belém, "Bethlehem" in English)
    ("Plughshire", None, None),  # no such place
])
def test_country_of_a_dateline(place, region, code):
    assert country_code(place, region, CITIES) == code


@pytest.mark.parametrize("code,day,currencies", [
    ("BE", date(1987, 3, 3), ["BEF"]),
    ("BE", date(2012, 1, 1), ["EUR"]),
    ("CA", None, ["CAD"]),
    ("ZZ", None, []),
])
def test_legal_tender_on_a_day(code, day, currencies):
    assert territory_currencies(code, day) == currencies
