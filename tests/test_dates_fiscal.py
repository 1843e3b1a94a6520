"""Quarters and halves by number in an article that states the company's fiscal year end: the calendar
months they cover; with no year end stated (or December), the calendar's own numbers."""

import pytest

from newsfacts.dates.fiscal import calendar_half, calendar_quarter

# passage, dct, expression text, value
FISCAL = [
    # stated: the year ends in March, so the third quarter is October to December
    ("Tatamoto, whose financial year ends March 31, said third-quarter profit doubled.", "2010-02-01",
     "third-quarter", "2009-Q4"),
    ("Tatamoto said third-quarter profit doubled. For its fiscal year ending in March, it expects sales to rise.",
     "2010-02-01", "third-quarter", "2009-Q4"),
    # a bare "year ended" names twelve months, not the calendar (TimeBank keeps the fiscal number there)
    ("For the year ended Sept. 30, Harwick earned $40 million. Fourth-quarter net rose 9%.", "2013-11-02",
     "Fourth-quarter", "2013-Q4"),
    # a year ending in June: its first half is July to December
    ("Ridgeway Foods, whose fiscal year ends in June, said first-half profit rose 8%.", "2010-02-01",
     "first-half", "2009-H2"),
    # not stated: the calendar's numbers
    ("Tatamoto said third-quarter profit doubled to 3bn yen.", "2010-02-01", "third-quarter", "2009-Q3"),
    ("For the year ended Dec. 31, net income was $5m. Fourth-quarter profit rose 3%.", "2010-02-11",
     "Fourth-quarter", "2009-Q4"),
    # "the year to March" of a price index is twelve months, not a company's year
    ("Inflation in the year to March was 3%, and the economy grew 0.4% in the first quarter.", "2010-04-20",
     "the first quarter", "2010-Q1"),
]


@pytest.mark.parametrize("passage,dct,text,value", FISCAL)
def test_fiscal_quarters_and_halves(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


@pytest.mark.parametrize("year_end,quarters", [(3, [2, 3, 4, 1]), (6, [3, 4, 1, 2]), (9, [4, 1, 2, 3]),
                                                (1, [1, 2, 3, 4])])
def test_calendar_quarter(year_end, quarters):
    assert [calendar_quarter(q, year_end) for q in (1, 2, 3, 4)] == quarters


@pytest.mark.parametrize("year_end,halves", [(6, [2, 1]), (12, [1, 2]), (3, [None, None])])
def test_calendar_half(year_end, halves):
    assert [calendar_half(h, year_end) for h in (1, 2)] == halves
