"""MEANTIME scoring (the reader) and time expressions of the kinds its Wikinews business stories use."""

from __future__ import annotations

import pytest
from test_dates import MEANTIME_XML


def test_meantime_date_line_is_the_creation_time_when_no_timex3_is_marked_so(tmp_path):
    from newsfacts.eval.timeml import read_meantime_xml

    path = tmp_path / "doc.xml"
    path.write_text(MEANTIME_XML.replace('"CREATION_TIME"', '"NONE"'), encoding="utf-8")
    doc = read_meantime_xml(path)
    assert doc.dct == "2005-06-13"
    assert [(t.text, t.value) for t in doc.timexes] == [("2009", "2009")]
    assert doc.text[doc.ignore[0][0]:doc.ignore[0][1]] == "June 13 , 2005"


@pytest.mark.parametrize("sentence", [
    "Senator McCain spoke last week against the now-cancelled deal to lease 100 tanker aircraft.",
    "The now-defunct airline owed its creditors $2 billion.",
    "Shares of the now-bankrupt carmaker were removed from the index.",
])
def test_now_inside_an_adjective_is_not_a_time(process, sentence):
    doc = process(sentence, dct="2008-03-01")
    assert not [f for f in doc._.dates if f.text.lower() == "now"]


@pytest.mark.parametrize("sentence,text", [
    ("A recorded message told callers to try again at a later time.", "a later time"),
    ("The vote on the merger was postponed to a later date.", "a later date"),
])
def test_an_unnamed_later_time_is_future_ref(process, sentence, text):
    doc = process(sentence, dct="2010-06-16")
    assert (text, "FUTURE_REF") in {(f.text, f.value) for f in doc._.dates}
