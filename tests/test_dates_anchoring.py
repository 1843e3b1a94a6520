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
    # "a year ago" in a sentence that names a quarter compares with that quarter, even one still ahead
    ("Carmakers expect to build 310,000 vans in the second quarter, against 295,000 a year ago.",
     "2014-03-04", "a year ago", "2013-Q2"),
    ("Carmakers expect to build 310,000 vans in the April-June period, against 295,000 a year ago.",
     "2014-03-04", "a year ago", "2013-Q2"),
    # a quarter named by its end
    ("Initech said its loss for the quarter ended June 30 narrowed to $2 million.", "2013-10-15",
     "the quarter", "2013-Q2"),
    # a quarter that ended on a day still ahead of the publication date ended the year before
    ("Marlow Homes changed its year end. In the year-ago quarter, the second quarter ended Nov. 30, it lost "
     "$3 million.", "2014-11-12", "the second quarter", "2013-Q2"),
    # "that quarter" is the quarter last named, even one named for comparison
    ("Marlow Homes said third-quarter net rose 4%. In the year-ago quarter, the second quarter ended Nov. 30, it "
     "lost $3 million. Results for that quarter included a write-down.", "2014-11-12", "that quarter", "2013-Q2"),
    ("Acme Corp. said third-quarter profit rose 12%. It expects a fourth-quarter charge of $5 million. Results "
     "for that quarter will include the sale of its Ohio plant.", "2013-11-05", "that quarter", "2013-Q4"),
    # a fiscal quarter reported in the past tense is over, whatever its number
    ("Hooli reported a 20% drop in fourth-quarter net income. Sales in the latest period rose 3%.",
     "2013-11-02", "the latest period", "2013-Q4"),
    ("Vandelay said its fourth quarter ended Sept. 30 was its best. Revenue rose from the year-ago period.",
     "2013-10-29", "the year-ago period", "2012-Q4"),
    # the results a year before, in a sentence of its own, are those of the quarter being reported
    ("Brightline Savings posted a second-quarter loss of $4 million. The year-ago results were restated.",
     "2014-08-06", "year-ago", "2013-Q2"),
    ("Pinecrest Foods said third-quarter net rose 8%. Year-earlier results included a $2 million gain.",
     "2014-10-22", "Year-earlier", "2013-Q3"),
]


# "the same period" with no period named before it has no value to give (not the quarter a year back)
SAME_PERIOD_UNNAMED = [
    "Ministers expect exports to rise by a fifth under the 2014-18 plan and imports by a tenth in the same period.",
    "The union said the new rota would add shifts, but that pay over the same period was not discussed.",
]


@pytest.mark.parametrize("passage", SAME_PERIOD_UNNAMED)
def test_same_period_without_a_period_named(process, passage):
    doc = process(passage, dct="2014-03-03")
    assert not [f for f in doc._.dates if "same period" in f.text], [(f.text, f.value) for f in doc._.dates]


@pytest.mark.parametrize("passage,dct,text,value", REPORTED_QUARTER)
def test_quarter_being_reported(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# "later"/"earlier" after a count: TimeML marks the length, since it counts from a time in the story
COUNTED_FROM_THE_STORY = [
    ("The ferry left Dover at dawn. Two hours later, coastguards lost contact with it.", "2014-03-02",
     "Two hours", "PT2H", "duration"),
    ("The bank cut rates in May. A few weeks later, it reversed course.", "2014-09-10", "A few weeks", "PXW",
     "duration"),
    ("The bank was rescued and sold a few years later.", "2014-09-10", "a few years", "PXY", "duration"),
    ("A day earlier, thousands had marched through the capital.", "2014-09-10", "A day", "P1D", "duration"),
    # a result compared with the same period a year before is a date
    ("Net income rose to $5 million from $4 million a year earlier.", "2014-09-10", "a year earlier", "2013",
     "date"),
]


@pytest.mark.parametrize("passage,dct,text,value,kind", COUNTED_FROM_THE_STORY)
def test_later_and_earlier_after_a_count(process, passage, dct, text, value, kind):
    doc = process(passage, dct=dct)
    found = {f.text: (f.value, f.kind) for f in doc._.dates}
    assert found.get(text) == (value, kind), found


# The time a narrative is at: the last date named in the sentence or the one before.
STORY_TIME = [
    ("He joined the bank on May 22, 1995, and the following year he was posted to Paris.", "2014-05-10",
     "the following year", "1996"),
    ("The company was founded in 1984. The next year it went public.", "2014-05-10", "The next year", "1985"),
    ("Police arrested him on March 3. The next day he was released on bail.", "2014-05-10", "The next day",
     "2014-03-04"),
    ("The referendum was held in March 2013. The following month, the law took effect.", "2014-05-10",
     "The following month", "2013-04"),
    ("The referendum was held in March 2013. The previous month, protests had erupted.", "2014-05-10",
     "The previous month", "2013-02"),
    ("Rebels took the town on Friday. The next morning, government troops arrived.", "2014-05-10",
     "The next morning", "2014-05-10TMO"),
    ("In 1984 the first Macintosh went on sale. One year later he was forced out.", "2014-05-10",
     "One year later", "1985"),
    ("The talks collapsed on March 3. Two weeks later, the minister resigned.", "2014-05-10",
     "Two weeks later", "2014-W12"),
    ("He was arrested in 2009 and released four years later.", "2014-09-10", "four years later", "2013"),
    # no time named nearby: the publication date, as before
    ("Sales will rise over the next year, analysts said.", "2014-05-10", "the next year", "2015"),
    ("The minister will arrive on Tuesday and leave the following day.", "2014-05-10", "the following day",
     "2014-05-14"),
]


@pytest.mark.parametrize("passage,dct,text,value", STORY_TIME)
def test_expressions_count_from_the_time_the_story_is_at(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# A date without a year takes the year the tense points to.
TENSE = [
    # a present perfect progressive looks back
    ("Police have been hunting the gunman since shortly after the Nov. 12 shooting.", "2014-05-06",
     "Nov. 12", "2013-11-12"),
    # "last" before a day and month: the day, in the past
    ("The doctor was shot dead at his home last Oct. 23, police said.", "2015-04-19", "Oct. 23", "2014-10-23"),
    # a modal perfect looks back
    ("Worries about the chip may have been behind a drop in the shares on Wednesday.", "2014-05-09",
     "Wednesday", "2014-05-07"),
    ("The strike might have cost the airline $10 million on Monday alone.", "2014-05-07", "Monday",
     "2014-05-05"),
    # a date before a noun dates that thing, not the verb's time: the nearest one
    ("The firm is trying to sell itself under a June agreement with its lenders.", "2014-10-27", "June",
     "2014-06"),
    ("The unions will study the March accord before voting.", "2014-04-02", "March", "2014-03"),
    # but a verb's future still counts for the date itself
    ("The board will meet on June 3 to approve the deal.", "2014-10-27", "June 3", "2015-06-03"),
    ("Officials postponed until Tuesday morning any action on the permit.", "2000-03-30", "Tuesday morning",
     "2000-04-04TMO"),
    # "until" a date: an end set ahead ("extended its deadline"), or a past state that ended there
    ("The agency extended its deadline until 9 a.m. Tuesday.", "2024-05-10", "9 a.m. Tuesday", "2024-05-14T09:00"),
    ("The regulator suspended all flights until January.", "2024-10-10", "January", "2025-01"),
    ("He served as finance minister until January, when he resigned.", "2024-10-10", "January", "2024-01"),
    ("Sales were flat through August, the fund said.", "2024-10-25", "August", "2024-08"),
]


@pytest.mark.parametrize("passage,dct,text,value", TENSE)
def test_year_by_tense(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# months that make a calendar quarter or half, written as a range, are that quarter or half
MONTH_SPANS = [
    ("Tile sales in the April-June period rose 6%, the builder said.", "2014-08-12", "the April-June period",
     "2014-Q2"),
    ("Freight volumes fell 2% in the April-June quarter from a year earlier, the late filing showed.",
     "2014-11-03", "a year earlier", "2013-Q2"),
    ("Exports grew in July-December, the ministry said.", "2015-02-20", "July-December", "2014-H2"),
    ("The airline expects a smaller loss in the October-December quarter.", "2014-08-12",
     "the October-December quarter", "2014-Q4"),
]


@pytest.mark.parametrize("passage,dct,text,value", MONTH_SPANS)
def test_month_ranges_that_make_a_quarter_or_half(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# "the 2013 period" is the period being reported (a half, months of the year: the year), or the year; a
# half told in the past is one already over
PERIOD_OF_A_YEAR = [
    ("Group profit for the first half rose 8%. In the 2013 period it had fallen.", "2014-09-01",
     "the 2013 period", "2013-H1"),
    ("The 2009 period was the worst for the shipyard in decades.", "2014-09-01", "The 2009 period", "2009"),
    ("Group profit for the first half rose 8%, the brewer said.", "2014-03-10", "the first half", "2013-H1"),
]


@pytest.mark.parametrize("passage,dct,text,value", PERIOD_OF_A_YEAR)
def test_the_period_of_a_year(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# a results period named without "first" ("For the nine months") is the months so far of the year reported on
MONTHS_SO_FAR = [
    ("For the nine months, Harlow earned $40 million. In the year-earlier period, it earned $31 million.",
     "2013-11-06", "the year-earlier period", "2012"),
    ("In the six months, the chain had net of $12 million, against $9 million in the year-earlier period.",
     "2013-08-14", "the year-earlier period", "2012"),
]


@pytest.mark.parametrize("passage,dct,text,value", MONTHS_SO_FAR)
def test_months_so_far_without_first(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# "the previous week", "the prior quarter" after a period the text names relate to that period, not to the
# publication date ("last quarter" stays deictic)
BEFORE_THE_PERIOD_NAMED = [
    ("Chain-store sales rose 2.1% in the week ended Feb. 27 after a 1.4% gain the previous week, the group said.",
     "2010-03-04", "the previous week", "2010-W07"),
    ("Mortgage applications in the week ended March 6 were 4% higher than in the prior week.", "2010-03-15",
     "the prior week", "2010-W08"),
    ("Orbis said net income for the quarter ended March 31 was $12 million, up from $10 million in the prior "
     "quarter.", "2010-05-10", "the prior quarter", "2009-Q4"),
    ("Sales at the mill in the quarter ended Sept. 30 rose 5% from the preceding quarter, Norvale said.",
     "2010-11-10", "the preceding quarter", "2010-Q2"),
    ("Output in the final quarter of 2004 was 0.3% higher than in the previous quarter.", None,
     "the previous quarter", "2004-Q3"),
]


@pytest.mark.parametrize("passage,dct,text,value", BEFORE_THE_PERIOD_NAMED)
def test_before_the_period_named(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# the year so far is the year, as "so far this year" is "this year"
YEAR_TO_DATE = [
    ("Shares in the miner have fallen 18% year to date.", "2010-06-10", "year to date", "2010"),
    ("Year-to-date sales at the carmaker are 6% higher.", "2010-06-10", "Year-to-date", "2010"),
    ("The index has gained 12% in the year to date.", "2010-11-10", "the year to date", "2010"),
]


@pytest.mark.parametrize("passage,dct,text,value", YEAR_TO_DATE)
def test_year_to_date(process, passage, dct, text, value):
    doc = process(passage, dct=dct)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found
