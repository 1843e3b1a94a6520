"""Whose time a yearless date takes (issue 16): a date completing an adjective ("effective Jan. 1", "payable
Dec. 15") dates what the adjective says, not the verb of the clause; a month a stretch of a named year runs up
to ("this year through August") lies in that year; a time after a plan verb is the planned event's ("planned a
march on Saturday"); "a year earlier" after "the nine months" is the year before, not a quarter; "last February"
written in March is a year back; Election Day is a holiday with a rule."""

import pytest

# sentence, dct, expression, value
ADJUNCTS = [
    # the adjective's own time: the nearest such date, whatever the tense of the verb
    ("The bank named a new chief executive, effective Jan. 1.", "2014-10-20", "Jan. 1", "2015-01-01"),
    ("The council raised parking fees in the city centre, effective March 3.", "2015-02-10", "March 3",
     "2015-03-03"),
    ("The company cut its dividend to 10 cents a share, payable Dec. 15 to holders of record.", "2014-10-20",
     "Dec. 15", "2014-12-15"),
    # an adjective that is the predicate leaves the date to its verb: "was" is past
    ("The ban was effective Jan. 5, the ministry said.", "2015-10-20", "Jan. 5", "2015-01-05"),
    # a month or day bounded by a stretch of a named year lies in that year
    ("The fund attracted little new money this year through August.", "2014-10-20", "August", "2014-08"),
    ("Exporters shipped fewer cars last year until November, the figures show.", "2014-02-10", "November",
     "2013-11"),
    ("Insurers paid out $4bn in storm claims this year through Aug. 31.", "2014-10-20", "Aug. 31", "2014-08-31"),
    # a time after a plan verb is the planned event's, ahead; one before it, or under a participle, is not
    ("Unions planned a march through the capital on Saturday.", "2015-03-12", "Saturday", "2015-03-14"),
    ("On Tuesday, the ministry planned to publish the figures.", "2015-03-12", "Tuesday", "2015-03-10"),
    ("A concert planned for Saturday was cancelled after the storm.", "2015-03-16", "Saturday", "2015-03-14"),
    ("The heats are on Friday, with the final scheduled for Saturday.", "2015-03-12", "Saturday", "2015-03-14"),
    # "a year earlier" compares the period the sentence reports: a count of months is a stretch of the year
    ("The chain's net rose to $15m in the third quarter. For the nine months, net was $40m, up from $31m a year "
     "earlier.", "2014-10-28", "a year earlier", "2013"),
    ("The bank earned $3bn in the third quarter. For the nine months, it earned $8bn, against $7bn a year ago.",
     "2014-10-28", "a year ago", "2013"),
    ("The insurer's third-quarter loss widened. For the first nine months, it reported a loss, compared with "
     "year-earlier profit of $90m.", "2014-10-28", "year-earlier", "2013"),
    ("In the third quarter, the chain earned $15m, up from $12m a year earlier.", "2014-10-28", "a year earlier",
     "2013-Q3"),
    # "last" and a month name: the most recent one, but not the month just gone within the same year
    ("Two army helicopters collided last February, killing 73 soldiers.", "1998-03-01", "last February", "1997-02"),
    ("The minister resigned last April after the vote.", "2014-10-27", "last April", "2014-04"),
    ("The plant was shut last December, the company said.", "2015-01-10", "last December", "2014-12"),
    # the US Election Day: the Tuesday after the first Monday of November
    ("Republicans hope to keep the seat on Election Day.", "2018-10-20", "Election Day", "2018-11-06"),
    ("Turnout on Election Day was the highest in decades, officials said.", "2016-11-20", "Election Day",
     "2016-11-08"),
    ("Polls suggest a close race on Election Day.", "2022-10-28", "Election Day", "2022-11-08"),
]


@pytest.mark.parametrize("sentence,dct,text,value", ADJUNCTS)
def test_yearless_dates_take_the_time_of_what_they_complete(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value) for f in doc._.dates}
    assert (text, value) in found, found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text
