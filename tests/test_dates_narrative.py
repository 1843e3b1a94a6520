"""Times that count from the point the story is at ("three years later", "the following day"), not from
the publication date; comparatives ("two years later than planned") measure a delay."""

import pytest

# text, dct, expression, value, kind
NARRATIVE = [
    ("Jobs left Apple in 1985. One year later, he bought the animation studio Pixar.", "2011-10-06",
     "One year later", "1986", "date"),
    ("The carmaker was founded in 1908 and went public eight years later.", "2009-06-01",
     "eight years later", "1916", "date"),
    ("The plant closed in March 2009 and reopened two months later.", "2011-10-06", "two months later",
     "2009-05", "date"),
    ("The strike began on May 2. Four days later, the union accepted the offer.", "2011-10-06",
     "Four days later", "2011-05-06", "date"),
    ("The deal was signed on Monday. Two days earlier, the board had approved it.", "2011-10-06",
     "Two days earlier", "2011-10-01", "date"),
    ("The company will unveil the phone on Tuesday, and it will go on sale three days later.", "2011-10-06",
     "three days later", "2011-10-14", "date"),
    ("The airline ordered 20 jets in 2005 and 12 more the following year.", "2011-10-06",
     "the following year", "2006", "date"),
    ("Sales fell to $3 billion in 2010 from $4 billion the previous year.", "2011-10-06",
     "the previous year", "2009", "date"),
    ("Talks stalled in March 2008. The following month, the union called a strike.", "2011-10-06",
     "The following month", "2008-04", "date"),
    ("The jet first flew on December 15, 2009. The next day, Boeing shares rose 2 percent.", "2011-10-06",
     "The next day", "2009-12-16", "date"),
    ("The bank collapsed on September 15, 2008, and the government rescued AIG the following day.",
     "2011-10-06", "the following day", "2008-09-16", "date"),
    ("The shares were suspended on Friday, June 3; on the previous day they had lost a third of their value.",
     "2011-06-06", "the previous day", "2011-06-02", "date"),
    ("The first prototype flew in 1998; three years later the programme was cancelled.", "2011-10-06",
     "three years later", "2001", "date"),
    # A quarter named last moves the story on, even though it names no month or day.
    ("Profit rose to $2 billion in 2006 from $1 billion in 2005. In the first quarter, sales grew 30 percent "
     "compared with the previous year.", "2007-04-20", "the previous year", "2006", "date"),
    # Nothing named before: no point in the story to count from, so, as TimeML marks it, the length alone.
    ("Shares of the carmaker rose 4 percent a day later.", "2011-10-06", "a day", "P1D", "duration"),
]

# A comparative measures a delay: the apposed date, or the length of the delay.
COMPARATIVE = [
    ("The superjumbo will arrive in Sydney on November 11, three days later than originally planned.",
     "2005-11-05", "three days later", "2005-11-11", "date"),
    ("Production of the new model will start in 2013, two years later than planned.", "2011-10-06",
     "two years later", "2013", "date"),
    ("The first jets were delivered to the airline three years later than expected.", "2011-10-06",
     "three years", "P3Y", "duration"),
]


@pytest.mark.parametrize("sentence,dct,text,value,kind", NARRATIVE + COMPARATIVE)
def test_relative_time_counts_from_the_story(process, sentence, dct, text, value, kind):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value, f.kind) for f in doc._.dates}
    assert (text, value, kind) in found, found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text


@pytest.mark.parametrize("sentence,dct,text,value", [
    ("He said he would retire two years from now.", "2011-10-06", "two years from now", "2013"),
    ("The company was founded in 1976, but the phone was launched four years ago.", "2011-10-06",
     "four years ago", "2007"),
    ("In 2005 the carmaker cut 30,000 jobs and said it would meet again next week.", "2011-10-06",
     "next week", "2011-W41"),
])
def test_deictic_times_still_count_from_publication(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    assert (text, value) in {(f.text, f.value) for f in doc._.dates}


@pytest.mark.parametrize("passage,dct,text,value", [
    ("Revenue fell to $3 billion in 2010 from $4 billion a year earlier. Costs were also lower than a year "
     "earlier, the company said.", "2011-02-10", "a year earlier", "2009"),
    ("Exports rose 12 percent in 2004 from the previous year. Imports grew 8 percent on the previous year.",
     "2005-01-20", "the previous year", "2003"),
])
def test_a_point_of_comparison_does_not_move_the_story(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    values = [f.value for f in doc._.dates if f.text == text]
    assert values == [value, value], values


@pytest.mark.parametrize("passage,dct,text,value", [
    ("The carmaker lost $630m in 2004, down from a profit of $1bn in 2003. Revenues rose to $51bn from $48bn "
     "a year earlier.", "2005-01-27", "a year earlier", "2003"),
    ("Net income jumped to 3bn yuan in 2004, compared with 1.4bn yuan in 2003. Sales surged to 6.2bn yuan, "
     "from 3bn yuan the previous year.", "2005-03-01", "the previous year", "2003"),
    # a time that dates no compared figure still moves the story
    ("The founder moved the firm from London in 1998. Two years later it was listed.", "2005-03-01",
     "Two years later", "2000"),
])
def test_a_compared_figure_does_not_move_the_story(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    assert (text, value) in {(f.text, f.value) for f in doc._.dates}


# A clock time belongs to the day its passage is about: the day named right after it in the same clause, earlier
# in its sentence, or, in a past-tense sentence with no day of its own, in the sentence before.
PASSAGE_DAY = [
    ("The explosion ripped through the market at about 11:20 a.m. (0820 GMT) Wednesday, killing six people.",
     "2024-05-10", "about 11:20 a.m.", "2024-05-08T11:20"),
    ("The bridge collapsed on Tuesday. At 9 a.m., police closed the road to all traffic.", "2024-05-10",
     "9 a.m.", "2024-05-07T09:00"),
    ("The market slumped on Wednesday. Traders sold heavily in the morning as rate fears grew.", "2024-05-10",
     "the morning", "2024-05-08TMO"),
    ("The plane landed in Rome on Thursday. Its crew said they had taken off at 3 p.m. local time.", "2024-05-10",
     "3 p.m.", "2024-05-09T15:00"),
    ("On Monday the ferry left port at 7 a.m., two hours late.", "2024-05-10", "7 a.m.", "2024-05-06T07:00"),
    # Looking ahead, or a day in another clause: the publication day stays.
    ("The council met on Monday. The vote will take place at 3 p.m.", "2024-05-10", "3 p.m.", "2024-05-10T15:00"),
    ("The talks opened at 10 a.m. and the two sides signed a deal on Wednesday.", "2024-05-10", "10 a.m.",
     "2024-05-10T10:00"),
    ("Rescuers reached the village on Sunday. The storm is expected to ease by noon.", "2024-05-10", "noon",
     "2024-05-10T12:00"),
    # A clause that puts its day some days off an event: the day is not known, not the publication day.
    ("A neighbour saw the van at 6 a.m. outside the depot two weeks before the robbery.", "2024-05-10", "6 a.m.",
     "XXXX-XX-XXT06:00"),
    ("The guards changed shift at 10 p.m., three days after the break-in, the court heard.", "2024-05-10",
     "10 p.m.", "XXXX-XX-XXT22:00"),
    # hours off an event keep the day
    ("The bomb went off at 9 a.m., two hours after a warning call.", "2024-05-10", "9 a.m.", "2024-05-10T09:00"),
]


@pytest.mark.parametrize("sentence,dct,text,value", PASSAGE_DAY)
def test_clock_time_on_the_day_of_its_passage(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value) for f in doc._.dates}
    assert (text, value) in found, found


# "the previous Friday", "the following Thursday": counted from the day the story is at.
STORY_WEEKDAY = [
    ("Shares fell sharply on Wednesday, down 3% from the previous Friday.", "2024-05-10",
     "the previous Friday", "2024-05-03"),
    ("The minister arrived in Paris on Monday, May 6, and left the following Thursday.", "2024-05-10",
     "the following Thursday", "2024-05-09"),
    ("The strike began on March 4, 2019, and the union gave in the following Friday.", "2024-05-10",
     "the following Friday", "2019-03-08"),
    ("Turnout was lower than on the preceding Saturday.", "2024-05-10", "the preceding Saturday", "2024-05-04"),
]


@pytest.mark.parametrize("sentence,dct,text,value", STORY_WEEKDAY)
def test_weekday_counted_from_the_story_day(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value) for f in doc._.dates}
    assert (text, value) in found, found


# A date without a year in a story told in the past takes its year from the day or month the story is at.
STORY_YEAR = [
    ("Slepian was killed on Oct. 23, 1998. Police found the rifle on Nov. 2.", "2024-05-10", "Nov. 2",
     "1998-11-02"),
    ("The war began in August 1990. On Jan. 17, allied jets struck Baghdad.", "2024-05-10", "Jan. 17",
     "1991-01-17"),
    ("The storm made landfall on Aug. 29, 2005. By Sept. 1, the levees had failed.", "2024-05-10", "Sept. 1",
     "2005-09-01"),
    # the news reported now, a start that runs up to now, an event named by its date, a look ahead: the
    # publication date decides
    ("The firm was founded in March 2001. It said on May 2 that profit rose.", "2024-05-10", "May 2",
     "2024-05-02"),
    ("Prices have risen since March 2008. On May 2, the index fell 3 percent.", "2024-05-10", "May 2",
     "2024-05-02"),
    ("He rejected the August 1988 ceasefire. Iran had condemned the invasion on Aug. 2.", "2024-05-10", "Aug. 2",
     "2023-08-02"),
    ("Slepian was killed on Oct. 23, 1998. Prosecutors will ask for a retrial on June 3.", "2024-05-10",
     "June 3", "2024-06-03"),
]


@pytest.mark.parametrize("sentence,dct,text,value", STORY_YEAR)
def test_yearless_date_takes_the_story_year(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value) for f in doc._.dates}
    assert (text, value) in found, found


# A weekday an event verb dates, right after a day named years before the publication date, is in that
# day's week; a report ("said on Friday") and a day only months back keep the week before publication.
@pytest.mark.parametrize("passage,text,value", [
    ("The liner sailed from Hull on June 2, 2009. On Thursday it docked in Oslo.", "Thursday", "2009-06-04"),
    ("The liner sailed from Hull on June 2, 2009. The owners said on Thursday that it was lost.", "Thursday",
     "2026-02-26"),
    ("The liner sailed from Hull on Nov. 2, 2025. On Thursday it docked in Oslo.", "Thursday", "2026-02-26"),
])
def test_weekday_in_a_story_told_years_back(process, passage, text, value):
    doc = process(passage, dct="2026-03-02")
    assert (text, value) in {(f.text, f.value) for f in doc._.dates}, [(f.text, f.value) for f in doc._.dates]
