"""MEANTIME scoring (the reader) and time expressions of the kinds its Wikinews business stories use."""

from __future__ import annotations

from test_dates import MEANTIME_XML


def test_meantime_date_line_is_the_creation_time_when_no_timex3_is_marked_so(tmp_path):
    from newsfacts.eval.timeml import read_meantime_xml

    path = tmp_path / "doc.xml"
    path.write_text(MEANTIME_XML.replace('"CREATION_TIME"', '"NONE"'), encoding="utf-8")
    doc = read_meantime_xml(path)
    assert doc.dct == "2005-06-13"
    assert [(t.text, t.value) for t in doc.timexes] == [("2009", "2009")]
    assert doc.text[doc.ignore[0][0]:doc.ignore[0][1]] == "June 13 , 2005"
