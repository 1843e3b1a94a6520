"""Time expressions whose value depends on what the story already said: the quarter being reported on,
the time a passage is about, the tense of the verb. Each case is a short passage in news style."""

import pytest

# passage, dct, expression text, value
REPORTED_QUARTER = [
    # a quarter still running, named for what lies ahead, is not the one being reported
    ("Acme Corp. said third-quarter profit rose 12%. It expects a fourth-quarter charge of $5 million. "
     "Net income in the latest quarter was $40 million, up from $30 million a year earlier.",
     "2013-11-05", "the latest quarter", "2013-Q3"),
    ("Acme Corp. said third-quarter profit rose 12%. It expects a fourth-quarter charge of $5 million. "
     "Net income in the latest quarter was $40 million, up from $30 million a year earlier.",
     "2013-11-05", "a year earlier", "2012-Q3"),
    # an earlier quarter named for comparison does not displace it
    ("Globex posted a 9% gain in third-quarter earnings. After a weak second quarter, sales recovered, "
     "and margins were wider than a year ago.", "2013-10-28", "a year ago", "2012-Q3"),
    # a quarter named by its end
    ("Initech said its loss for the quarter ended June 30 narrowed to $2 million.", "2013-10-15",
     "the quarter", "2013-Q2"),
    # a fiscal quarter reported in the past tense is over, whatever its number
    ("Hooli reported a 20% drop in fourth-quarter net income. Sales in the latest period rose 3%.",
     "2013-11-02", "the latest period", "2013-Q4"),
    ("Vandelay said its fourth quarter ended Sept. 30 was its best. Revenue rose from the year-ago period.",
     "2013-10-29", "the year-ago period", "2012-Q4"),
]


@pytest.mark.parametrize("passage,dct,text,value", REPORTED_QUARTER)
def test_quarter_being_reported(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found
