"""Dates a careful reader resolves from the sentence around them: a clock time with its part of the day, the
day before or after a named day, a clock time on the day its event or its paragraph was dated, a season by
tense and story, a quarter "of last year", a weekday dating a timetable in the present."""

import pytest

# passage, dct, expression, value
READ = [
    # "at 4 in the morning": an hour the part of the day puts before or after noon
    ("Firefighters were called to the warehouse at 4 in the morning.", "2024-03-14", "4 in the morning",
     "2024-03-14T04:00"),
    ("The curfew runs until 11 at night, the army said.", "2024-03-14", "11 at night", "2024-03-14T23:00"),
    ("Polls opened at seven in the morning and closed at eight in the evening.", "2024-03-14",
     "eight in the evening", "2024-03-14T20:00"),
    ("The blast was heard at about 3 in the afternoon on Tuesday.", "2024-03-14",
     "about 3 in the afternoon on Tuesday", "2024-03-12T15:00"),
    # "the day before/after" a named day: one day from it
    ("The day before last Tuesday's hearing, the two brothers met at a lawyer's office.", "2024-03-14",
     "The day before last Tuesday", "2024-03-11"),
    ("The ceasefire collapsed the day after Christmas, aid workers said.", "2024-03-14",
     "the day after Christmas", "2023-12-26"),
    ("The strike began the day before Jan. 5, 2023, and lasted a week.", "2024-03-14",
     "the day before Jan. 5, 2023", "2023-01-04"),
    # a clock time in the past takes the day its event was dated, even sentences later
    ("The mayor was shot on Oct. 23, 2023, at his home. Police have questioned dozens of people. His widow "
     "has appealed for help. He was shot at 10 p.m. as he stood in his kitchen.", "2024-03-14", "10 p.m.",
     "2023-10-23T22:00"),
    ("The cargo plane landed on March 2 in Lagos. Officials said on Monday that it landed at 7 a.m.",
     "2024-03-14", "7 a.m.", "2024-03-02T07:00"),
    ("Fans queued outside the hall on Friday. Security staff checked every bag.\nTickets had sold out by 4pm, "
     "and the band took the stage at 11pm.", "2024-03-14", "4pm", "2024-03-08T16:00"),
    ("Fans queued outside the hall on Friday. Security staff checked every bag.\n\nTickets for the next tour "
     "sold out by 4pm.", "2024-03-14", "4pm", "2024-03-14T16:00"),
    # a season by its tense, and by the year the story is in
    ("The dam burst in the summer, flooding three villages.", "2024-03-14", "the summer", "2023-SU"),
    ("Talks between the unions and ministers will resume in the spring.", "2024-11-20", "the spring", "2025-SP"),
    ("Rebels seized the town in June 2021. In the autumn, they pushed south towards the coast.", "2024-03-14",
     "the autumn", "2021-FA"),
    ("Analysts say the sector is going to start getting hit in the spring.", "2024-02-06", "the spring",
     "2024-SP"),
    ("He said he hoped to reopen the theatre with an annual festival in the summer.", "2024-03-14", "the summer",
     "2024-SU"),
    ("The coach dropped him for the autumn Tests after he missed training.", "2024-03-14", "the autumn",
     "2023-FA"),
    # said in December, the year's seasons are over: "last spring" is that year's, one ahead is the next year's
    ("The mill shut last spring and has not reopened, the owners said.", "2013-12-09", "last spring", "2013-SP"),
    ("The owners hope to reopen the mill next spring.", "2013-12-09", "next spring", "2014-SP"),
    ("The river burst its banks in the summer, flooding the lower town.", "2013-12-09", "the summer", "2013-SU"),
    ("Talks with the unions will resume in the spring, ministers said.", "2013-12-09", "the spring", "2014-SP"),
    ("Farmers said the harvest was poor last autumn.", "2013-06-20", "last autumn", "2012-FA"),
    # the quarter just ended is the one whose results are still to come, across the turn of the year
    ("Brightline Foods said it will report fourth-quarter results on Feb. 12.", "1987-01-20", "fourth-quarter",
     "1986-Q4"),
    ("The bank expects a loss in the fourth quarter, it said on Tuesday.", "2015-02-03", "the fourth quarter",
     "2014-Q4"),
    ("The carmaker expects to return to profit in the fourth quarter.", "2015-03-25", "the fourth quarter",
     "2015-Q4"),
    ("The insurer will report first-quarter results next month.", "2015-04-21", "first-quarter", "2015-Q1"),
    # a quarter "of last year" is one expression
    ("Britain's economy shrank in the final quarter of last year, official figures showed.", "2024-03-14",
     "the final quarter of last year", "2023-Q4"),
    ("Exports should recover in the third quarter of next year, the bank forecast.", "2024-03-14",
     "the third quarter of next year", "2025-Q3"),
    ("The firm lost money in the last quarter, it said.", "2024-03-14", "the last quarter", "2023-Q4"),
    # a weekday before a British day and month: one expression, in the year that day has that weekday
    ("The band will join the breakfast show on Monday 6 December, the station said.", "2005-02-16",
     "Monday 6 December", "2004-12-06"),
    ("The inquiry opens on Tuesday 22 February and sits for a month.", "2005-02-16", "Tuesday 22 February",
     "2005-02-22"),
    ("Polls close at 10pm on Thursday 5 May.", "2005-02-16", "10pm on Thursday 5 May", "2005-05-05T22:00"),
    # a weekday dating the plain present is a timetable: the day ahead
    ("The rail strike begins Monday and runs for a week.", "2024-03-14", "Monday", "2024-03-18"),
    ("Police arrested two men on Sunday night, and both are due in court on Monday.", "2024-03-14", "Monday",
     "2024-03-18"),
    ("The hospital, which opened Friday, treats 300 patients a day.", "2024-03-14", "Friday", "2024-03-08"),
    # wire copy writes a day of the month as words
    ("The dividend is payable April three to holders of record March 20.", "1987-03-03", "April three",
     "1987-04-03"),
    ("The plant reopened on Feb twenty-one after the strike.", "1987-03-03", "Feb twenty-one", "1987-02-21"),
    ("Ministers meet in Geneva on June nine, a spokesman said.", "1987-03-03", "June nine", "1987-06-09"),
]


@pytest.mark.parametrize("passage, dct, text, value", READ)
def test_dates_read_in_context(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# passage, dct, a text that is no date expression of its own
NOT_DATES = [
    ("The striker scored 2 in the afternoon session and one more after tea.", "2024-03-14", "2 in the afternoon"),
    ("He resigned the day after the election, his party said.", "2024-03-14", "the day after the election"),
    ("The home side scored twice in the final quarter to win the game.", "2024-03-14", "the final quarter"),
    # a number word after a month that counts what follows it
    ("In March two rival bakeries merged.", "1987-03-03", "March two"),
    ("By May three of the five plants had closed.", "1987-03-03", "May three"),
]


@pytest.mark.parametrize("passage, dct, text", NOT_DATES)
def test_no_composed_date_without_its_parts(process, passage, dct, text):
    doc = process(passage, dct=dct)
    assert text not in {f.text for f in doc._.dates}

