"""Lengths of time and the days they hang on: halves ("an hour and a half"), lengths counted from a time in
the story in hours or minutes, a time allowed for doing something ("a week to leave"), "one day", a weekday
in the possessive dated by the tense of its clause, and a clock time before a parenthesis and its day."""

import pytest

# sentence, dct, expression, value, kind
LENGTHS = [
    # a half after the unit counts like one inside the number ("two and a half years")
    ("The talks in Geneva lasted an hour and a half.", "2013-10-30", "an hour and a half", "PT1H30M", "duration"),
    ("The refurbishment of the museum took a year and a half.", "2013-10-30", "a year and a half", "P1Y6M",
     "duration"),
    ("The minister spoke for two and a half hours.", "2013-10-30", "two and a half hours", "PT2H30M", "duration"),
    ("A minute and a half later, the pilot radioed the tower.", "2013-10-30", "A minute and a half", "PT1M30S",
     "duration"),
    ("The company moved its headquarters a year and a half ago.", "2013-10-30", "a year and a half ago",
     "2012-04", "date"),
    # hours and minutes counted from a day the story named: the length, since a date would only repeat the day
    ("The ferry left Dover on Friday. Two hours later, coastguards lost contact with it.", "2014-03-02",
     "Two hours", "PT2H", "duration"),
    ("The ministers met on Tuesday. Forty minutes later, the talks broke down.", "2014-03-02",
     "Forty minutes", "PT40M", "duration"),
    ("Police sealed off the square on Monday. Just over an hour later, the crowd dispersed.", "2014-03-02",
     "Just over an hour", "PT1H", "duration"),
    # days still count from the day named
    ("The ferry left Dover on Friday. Two days later, coastguards found the wreck.", "2014-03-02",
     "Two days later", "2014-03-02", "date"),
    # a time allowed for doing something
    ("The court gave the company a month to respond to the complaint.", "2013-10-30", "a month", "P1M",
     "duration"),
    ("Protesters were given a week to leave the square.", "2013-10-30", "a week", "P1W", "duration"),
    # "one day": some day ahead under a future verb, a length after a verb of lasting
    ("Analysts say India will one day overtake China as the largest market.", "2013-10-30", "one day",
     "FUTURE_REF", "date"),
    ("The general strike lasted one day.", "2013-10-30", "one day", "P1D", "duration"),
    ("The driver said he looked away for a second.", "2013-10-30", "a second", "PT1S", "duration"),
    ("The monks have guarded the recipe for more than two thousand years.", "2013-10-30",
     "more than two thousand years", "P2000Y", "duration"),
    ("Investors expect more selling in the weeks ahead.", "2013-10-30", "the weeks ahead", "FUTURE_REF", "date"),
    # "the next decade" is the ten years ahead, as "the past decade" is the ten years behind
    ("The airline plans to order 50 jets over the next decade.", "2013-06-12", "the next decade", "P10Y",
     "duration"),
    ("The plant will not open until early next decade.", "2013-06-12", "early next decade", "202", "date"),
    # a season repeated
    ("The festival has taken place in the town every summer since 1970.", "2013-06-12", "every summer", "XXXX-SU",
     "set"),
    ("Each winter, thousands of geese arrive from Siberia.", "2013-06-12", "Each winter", "XXXX-WI", "set"),
    # a half of a decade is the decade's, modified, not a half of the current year
    ("Beer sales were flat for the last half of the '80s.", "1989-10-30", "the last half of the '80s", "198",
     "date"),
    ("The firm grew fastest in the first half of the 1990s.", "2013-06-12", "the first half of the 1990s", "199",
     "date"),
    ("Profit rose 8% in the first half of 2012.", "2013-06-12", "the first half of 2012", "2012-H1", "date"),
]


@pytest.mark.parametrize("sentence,dct,text,value,kind", LENGTHS)
def test_lengths(process, sentence, dct, text, value, kind):
    doc = process(sentence, dct=dct)
    found = {f.text: (f.value, f.kind) for f in doc._.dates}
    assert found.get(text) == (value, kind), found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text


# sentence, dct, a phrase that must not be a date of its own
NOT_LENGTHS = [
    ("It was a day to remember for the club and its fans.", "2013-10-30", "a day"),
    ("One day, the founder walked out of the office and never came back.", "2013-10-30", "One day"),
    ("Attendance at the festival has fallen over the past three summers.", "2013-10-30", "the past"),
    # "second" as an ordinal adjective is not the unit
    ("The vote was postponed for a second time on Sunday.", "2013-03-18", "a second"),
]


@pytest.mark.parametrize("sentence,dct,text", NOT_LENGTHS)
def test_not_lengths(process, sentence, dct, text):
    doc = process(sentence, dct=dct)
    assert text not in {f.text for f in doc._.dates}, [(f.text, f.value) for f in doc._.dates]


# A weekday in the possessive ("Friday's vote") takes the tense of its clause; 2013-10-30 is a Wednesday.
POSSESSIVE_WEEKDAY = [
    ("The pound fell from Thursday's close of $1.62.", "2013-10-30", "Thursday", "2013-10-24"),
    ("Friday's vote was a blow to the government.", "2013-10-30", "Friday", "2013-10-25"),
    ("Friday's vote will decide the fate of the government.", "2013-10-30", "Friday", "2013-11-01"),
    # a present-tense clause says nothing about the day: the nearest, as before
    ("The move follows Tuesday's announcement by the rival bidder.", "2013-10-30", "Tuesday", "2013-10-29"),
]


@pytest.mark.parametrize("sentence,dct,text,value", POSSESSIVE_WEEKDAY)
def test_possessive_weekday_takes_the_tense_of_its_clause(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# A clock time belongs to the day named after it, past a parenthesis; 2013-03-22 is a Friday.
CLOCK_BEFORE_DAY = [
    ("Polls open at 7am local time (0600 GMT) on Sunday.", "2013-03-22", "7am", "2013-03-24T07:00"),
    ("The blast hit the market at 11:20 a.m. local time (0820 GMT) on Wednesday.", "2013-03-22", "11:20 a.m.",
     "2013-03-20T11:20"),
]


@pytest.mark.parametrize("sentence,dct,text,value", CLOCK_BEFORE_DAY)
def test_clock_time_before_a_parenthesis_takes_the_day_after_it(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# A day of the month with "last year" / "next year" after it is that day in that year.
DAY_IN_NAMED_YEAR = [
    ("The phone went on sale on June 29 last year.", "2008-05-24", "June 29 last year", "2007-06-29"),
    ("The court will hear the appeal on 3 March next year.", "2008-05-24", "3 March next year", "2009-03-03"),
]


@pytest.mark.parametrize("sentence,dct,text,value", DAY_IN_NAMED_YEAR)
def test_day_in_named_year(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


def test_day_before_last_years_possessive_stays_apart(process):
    doc = process("The deal closed on May 2, last year's busiest day for mergers.", dct="2008-05-24")
    found = {f.text: f.value for f in doc._.dates}
    assert found.get("May 2") == "2008-05-02" and found.get("last year") == "2007", found


# "the same month a year earlier": the month the story named, a year back.
SAME_UNIT_A_YEAR_BACK = [
    ("Car sales in September fell 16% from the same month a year earlier.", "2008-10-10",
     "the same month a year earlier", "2007-09"),
    ("Exports in May 2008 rose 4% on the same month last year.", "2008-10-10", "the same month last year", "2007-05"),
    ("Car sales in August fell 12% compared with the same month of the previous year.", "2008-10-10",
     "the same month of the previous year", "2007-08"),
    ("The bank failed on Sept. 15, and Congress met the same day.", "2008-10-10", "the same day", "2008-09-15"),
]


@pytest.mark.parametrize("sentence,dct,text,value", SAME_UNIT_A_YEAR_BACK)
def test_same_unit_a_year_back(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# An amount written with a magnitude ("£6m", "$2bn") before "a year" makes a rate, as "$5 million a year" does;
# a rate is not a time allowed, even before "to <verb>".
RATES = [
    ("The minister said the closures would save £6m a year to free up cash for new embassies.", "a year", "P1Y"),
    ("The merger would cut costs by $2bn a year.", "a year", "P1Y"),
]


@pytest.mark.parametrize("sentence,text,value", RATES)
def test_rate_after_an_abbreviated_amount(process, sentence, text, value):
    doc = process(sentence, dct="2005-03-01")
    found = {f.text: (f.value, f.kind) for f in doc._.dates}
    assert found.get(text) == (value, "set"), found


# A verb that moves an event: its new time comes with "until"/"to"; a date with "on", or none, is when the
# move was made. 2013-03-20 is a Wednesday.
MOVED = [
    ("The vote was postponed for a second time on Sunday.", "Sunday", "2013-03-17"),
    ("The trial was adjourned Friday after the judge fell ill.", "Friday", "2013-03-15"),
    ("The launch was delayed on Monday by a fault in a fuel valve.", "Monday", "2013-03-18"),
    ("The vote was postponed until Sunday.", "Sunday", "2013-03-24"),
    ("The hearing was adjourned to Friday.", "Friday", "2013-03-22"),
    # a plan verb that does not move an event still looks ahead
    ("The opposition planned a rally on Saturday.", "Saturday", "2013-03-23"),
]


@pytest.mark.parametrize("sentence,text,value", MOVED)
def test_date_of_a_move_and_the_new_time(process, sentence, text, value):
    doc = process(sentence, dct="2013-03-20")
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# "in June that year": the month in the year the story last named.
MONTH_THAT_YEAR = [
    ("He took medical leave in early 2009 and returned in June that year.", "June that year", "2009-06"),
    ("The plant opened in 1998 and closed in October the same year.", "October the same year", "1998-10"),
    ("He retired in June that year.", "June that year", "XXXX-06"),
    # "that year-end": not "that year"
    ("The firm said in June that year-end results would be strong.", "June", "2010-06"),
]


@pytest.mark.parametrize("sentence,text,value", MONTH_THAT_YEAR)
def test_month_in_the_year_named_before(process, sentence, text, value):
    doc = process(sentence, dct="2011-01-17")
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found
