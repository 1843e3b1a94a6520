"""A country's currency written with capitals is no name (currencies.py)."""

import pytest


@pytest.mark.parametrize("text, name", [
    ("The U.S. Dollar fell against most major currencies after the jobs figures on Friday.", "U.S. Dollar"),
    ("The pound rose against the Swiss Franc and the Japanese Yen in early trading on Tuesday.", "Swiss Franc"),
])
def test_a_currency_is_no_entity(process, text, name):
    doc = process(text)
    assert name not in {e.text for e in doc._.entities}, [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    ("The Swiss Bank Corporation said profits rose.", "Swiss Bank Corporation"),
    ("Shares in Canadian Pacific rose on Monday.", "Canadian Pacific"),
])
def test_a_name_with_a_nationality_stays(process, text, name):
    doc = process(text)
    assert name in {e.text for e in doc._.entities}, [(e.text, e.label) for e in doc._.entities]
