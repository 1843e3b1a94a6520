"""Time expressions: TIMEX3 values, kinds and spans, resolved against the publication date."""

import pytest

from newsfacts.eval.timeml import match, read_tml, score

SEED_OPENING = (
    " date 2026-02-16 ALMATY – Kazakhstan and the Kyrgyz Republic are continuing to strengthen their "
    "bilateral ties, Foreign Minister Yermek Kosherbayev said during an official visit to Bishkek on Feb. 13."
)

# sentence, dct, expression text, value, kind
CASES = [
    ("The minister said during an official visit to Bishkek on Feb. 13.", "2026-02-16",
     "Feb. 13", "2026-02-13", "date"),
    ("Relations are developing on an upward trajectory every year, gaining new quality.", "2026-02-16",
     "every year", "P1Y", "set"),
    ("Economic cooperation is strengthening year by year, and we intend to deepen our relations.",
     "2026-02-16", "year by year", "P1Y", "set"),
    ("Investment flows over the past 20 years reached $1.4 billion.", "2026-02-16",
     "the past 20 years", "P20Y", "duration"),
    ("Trade between the two countries reached a record in 2025.", "2026-02-16", "2025", "2025", "date"),
    ("The company said Friday that quarterly profit rose 12%.", "2013-03-20", "Friday", "2013-03-15", "date"),
    ("The board will meet on Tuesday to approve the merger.", "2013-03-20", "Tuesday", "2013-03-26", "date"),
    ("Net income fell 8% in the third quarter.", "2013-10-24", "the third quarter", "2013-Q3", "date"),
    ("Profit rose 5% in the first quarter of 2024.", "2024-06-01", "the first quarter of 2024", "2024-Q1", "date"),
    ("He left the company two years ago to start a fund.", "2013-03-20", "two years ago", "2011", "date"),
    ("Consumer prices rose 0.4% last month, the Labor Department said.", "2013-03-20", "last month", "2013-02",
     "date"),
    ("The index fell 3% last week amid worries about Cyprus.", "2013-03-20", "last week", "2013-W11", "date"),
    # on a Sunday, "last week" is the working week that Sunday ends (ISO's week of the Sunday)
    ("The opposition leader met the president last week, his aides said on Sunday.", "2013-03-24", "last week",
     "2013-W12", "date"),
    ("Flood defences will be inspected next week, the council said on Sunday.", "2013-03-24", "next week",
     "2013-W13", "date"),
    # "the same period last year" after a month is that month a year before, not a quarter
    ("Honda said its sales of imported cars in early March rose 12 pct over the same period last year.",
     "1987-03-12", "the same period last year", "1986-03", "date"),
    ("The rate will rise next year, the central bank said.", "2013-03-20", "next year", "2014", "date"),
    ("Unemployment is now at its lowest level since 2008.", "2013-03-20", "now", "PRESENT_REF", "date"),
    ("The firm recently opened an office in Singapore.", "2013-03-20", "recently", "PAST_REF", "date"),
    ("The plant could be sold in the future, analysts said.", "2013-03-20", "the future", "FUTURE_REF", "date"),
    # "in the past" before a sentence's subject is a time however the parser joins the words
    ("In the past many viruses have spread by e-mail.", "2013-03-20", "the past", "PAST_REF", "date"),
    ("Rates are low at the present time, the bank said.", "2013-03-20", "the present", "PRESENT_REF", "date"),
    ("Trading in the shares was halted at 3 p.m. on the exchange.", "2013-02-12", "3 p.m.", "2013-02-12T15:00",
     "time"),
    ("Police said the blast happened at 10 p.m. Wednesday near the station.", "2013-02-15",
     "10 p.m. Wednesday", "2013-02-13T22:00", "time"),
    # a clock time of four digits in universal time, as wires and fixture lists write it: not a year
    ("The market was hit by a car bomb at 0915 GMT on Monday, police said.", "2013-02-15",
     "0915 GMT on Monday", "2013-02-11T09:15Z", "time"),
    ("Arsenal v Chelsea\n\nSaturday, 5 March\n\n1745 GMT\n\nReferee: Mike Dean", "2013-03-01", "1745 GMT",
     "2013-03-01T17:45Z", "time"),
    ("The region's population doubled in the 1990s.", "2013-03-20", "the 1990s", "199", "date"),
    ("Retail sales were weak this summer, the chain said.", "2013-08-10", "this summer", "2013-SU", "date"),
    ("The contract runs for six months and can be extended.", "2013-03-20", "six months", "P6M", "duration"),
    ("The talks lasted nearly two years before collapsing.", "2013-03-20", "nearly two years", "P2Y", "duration"),
    ("The ferry runs every day between the islands.", "2013-03-20", "every day", "P1D", "set"),
    ("The membership fee is $100 a year for students.", "2013-03-20", "a year", "P1Y", "set"),
    ("The paper is published weekly in three languages.", "2013-03-20", "weekly", "P1W", "set"),
    ("The former senator was born on March 5, 1950, in Ohio.", "2013-03-20", "March 5, 1950", "1950-03-05",
     "date"),
    ("The talks were held in Geneva yesterday.", "2013-03-20", "yesterday", "2013-03-19", "date"),
    ("Officials said the office will open in March.", "2013-01-10", "March", "2013-03", "date"),
    ("The office opened in December, officials said.", "2013-01-10", "December", "2012-12", "date"),
    ("Shares closed higher on Dec. 31, 2012, in New York.", "2013-01-10", "Dec. 31, 2012", "2012-12-31", "date"),
    ("Exports rose sharply in July 1997, before the crisis.", "1998-01-10", "July 1997", "1997-07", "date"),
    ("The plant is expected to reopen early next year.", "2013-03-20", "early next year", "2014", "date"),
    ("Sales slumped at the end of 1994 and recovered slowly.", "1995-06-01", "the end of 1994", "1994", "date"),
    ("Shipments rose in the first nine months of the year.", "2013-10-20", "the first nine months", "P9M",
     "duration"),
    ("Earnings were flat compared with a year earlier in the second quarter.", "2013-07-25", "a year earlier",
     "2012-Q2", "date"),
    ("The company has lost money for years.", "2013-03-20", "years", "PXY", "duration"),
    ("The minister arrived this morning for talks.", "2013-03-20", "this morning", "2013-03-20TMO", "time"),
    ("Voters go to the polls on Christmas Eve.", "2013-12-01", "Christmas Eve", "2013-12-24", "date"),
    ("Output grew in the first half of 2012.", "2013-03-20", "the first half of 2012", "2012-H1", "date"),
    ("The project took a decade to complete.", "2013-03-20", "a decade", "P10Y", "duration"),
    ("Sales rise twice a year during holiday seasons.", "2013-03-20", "twice a year", "P1Y", "set"),
    ("The vote was held on Sept. 30.", "1989-10-26", "Sept. 30", "1989-09-30", "date"),
    ("A 16-hour shift left the crew exhausted.", "1998-10-26", "16-hour", "PT16H", "duration"),
    ("The summit opened on 12 March 2013 in Brussels.", "2013-03-15", "12 March 2013", "2013-03-12", "date"),
    ("In the spring of 2014 the fund doubled.", "2015-01-01", "the spring of 2014", "2014-SP", "date"),
    ("Net income fell to $3 million from $5 million in the year-ago quarter.", "1989-10-26",
     "the year-ago quarter", "1988-Q3", "date"),
    ("Revenue rose 9% in the third quarter, compared with a year-earlier loss.", "1989-10-26", "year-earlier",
     "1988-Q3", "date"),
    ("The bombing happened in nineteen ninety-six, officials said.", "1998-02-27", "nineteen ninety-six", "1996",
     "date"),
    ("Hate group numbers dropped through the nineties.", "1998-02-27", "the nineties", "199", "date"),
    ("The group began to fall apart in mid-1996.", "1998-10-20", "mid-1996", "1996", "date"),
    ("The company aims to cut costs by the end of the year.", "1989-10-26", "the end of the year", "1989", "date"),
    ("Revenue for the year ended Sept. 30 rose 4%.", "1989-10-26", "the year", "P1Y", "duration"),
    ("He was held for 2 1/2 years before his release.", "1998-10-20", "2 1/2 years", "P2Y6M", "duration"),
    ("The club meets on Tuesday nights in the town hall.", "1998-02-13", "Tuesday nights", "XXXX-WXX-2TNI",
     "set"),
    ("British police officers arrived in January this year.", "1998-04-20", "January this year", "1998-01", "date"),
    ("Net sales for this year's third quarter were $14 million.", "1989-11-01", "this year's third quarter",
     "1989-Q3", "date"),
    ("The agency extended its deadline until 9 a.m. Tuesday.", "2000-04-03", "9 a.m. Tuesday",
     "2000-04-04T09:00", "time"),
    ("Friday's trading volume totaled 132.8 million shares.", "1989-10-30", "Friday", "1989-10-27", "date"),
    ("Stock of record Nov. 10 will receive the dividend, the company declared.", "1989-10-27", "Nov. 10",
     "1989-11-10", "date"),
    ("The offer had been scheduled to expire at midnight Friday.", "1989-10-30", "midnight Friday",
     "1989-10-27T24:00", "time"),
    ("Shipments fell in the 1988 quarter.", "1989-10-30", "the 1988 quarter", "1988-Q3", "date"),
    ("The talks will resume in two weeks.", "2013-03-20", "two weeks", "P2W", "duration"),
    ("Profit rose in the latest period.", "1989-10-30", "the latest period", "1989-Q3", "date"),
    ('The page showed the text "Steve Jobs 1955-2011" in black.', "2011-10-06", "2011", "2011", "date"),
    ("Ryanair has been attempting to take over Aer Lingus since December.", "2007-06-09", "December",
     "2006-12", "date"),
    ("Search teams have 30–40 days before the beacons fall silent.", "2009-06-10", "30–40 days", "PXD",
     "duration"),
    ("The budget, which takes effect Oct. 1, passed the Senate.", "2013-03-21", "Oct. 1", "2013-10-01", "date"),
    ("Over the past few years, sales have doubled.", "2013-03-21", "the past few years", "PXY", "duration"),
    ("The company, founded in the early 2000s, grew fast.", "2013-03-21", "the early 2000s", "200", "date"),
    ("Obama will meet Netanyahu at 8 p.m. ET Friday.", "2013-03-21", "8 p.m. ET Friday", "2013-03-22T20:00",
     "time"),
    ("Results for that quarter included a $30 million charge after the second quarter slumped.", "1989-10-30",
     "the second quarter", "1989-Q2", "date"),
]


# Holidays of any year, composed dates, numeric forms and dates read in context.
BROAD = [
    ("Ferry bookings doubled for Easter 2015, the operator said.", "2015-01-20", "Easter 2015", "2015-04-05", "date"),
    ("Turnout at the malls was thin last Christmas, landlords said.", "2014-02-11", "last Christmas",
     "2013-12-25", "date"),
    ("Stores will open at 6 a.m. on Black Friday, the chain said.", "2016-11-01", "6 a.m. on Black Friday",
     "2016-11-25T06:00", "time"),
    ("The border crossing will close for Eid al-Adha 2019.", "2019-07-20", "Eid al-Adha 2019", "2019-08-11",
     "date"),
    ("Trains were packed before Chinese New Year, the railway said.", "2018-02-20", "Chinese New Year",
     "2018-02-16", "date"),
    ("Roads will be closed on Yom Kippur, police said.", "2016-10-03", "Yom Kippur", "2016-10-12", "date"),
    ("The summit opens on the second Wednesday of November 2016.", "2016-06-01",
     "the second Wednesday of November 2016", "2016-11-09", "date"),
    ("The warranty ends on the last day of June 2019.", "2019-01-10", "the last day of June 2019",
     "2019-06-30", "date"),
    ("Wages are paid on the 25th of next month.", "2018-03-05", "the 25th of next month", "2018-04-25", "date"),
    ("The envoy returns Wednesday after next, aides said.", "2017-05-08", "Wednesday after next", "2017-05-17",
     "date"),
    ("The bridge was closed four Saturdays ago.", "2017-05-08", "four Saturdays ago", "2017-04-15", "date"),
    ("The licence lapses two years from today.", "2016-02-29", "two years from today", "2018-02-28", "date"),
    ("Output peaked in 2016-11 before easing.", "2017-03-01", "2016-11", "2016-11", "date"),
    ("The permit was granted in 7/2012 and revoked later.", "2014-03-01", "7/2012", "2012-07", "date"),
    ("The fiscal 2011-12 budget was passed in March.", "2012-05-01", "fiscal 2011-12", "2011", "date"),
    ("The temple was built around 1200 BC, the guide said.", "2016-03-01", "1200 BC", "BC1200", "date"),
    ("Music from the 60s and 70s played all night.", "2016-03-01", "70s", "197", "date"),
    ("Imports fell 4 percent last yr, the agency said.", "2016-02-01", "last yr", "2015", "date"),
    ("On March 30, rebels seized the airport, officials said.", "2015-12-20", "March 30", "2015-03-30", "date"),
    ("Sales in the first half fell 3 percent from the same period last year.", "2017-08-01",
     "the same period last year", "2016-H1", "date"),
    ("The plant exploded on Sunday and the fire was out by 9 p.m., police said.", "2017-05-10", "9 p.m.",
     "2017-05-07T21:00", "time"),
    ("Shops expect record sales in Christmas week.", "2016-12-20", "Christmas week", "2016-W51", "date"),
    # lengths: "as long as a month", "several quarters of losses", "by one day"
    ("The appeal could take as long as a month or two.", "2024-05-10", "a month", "P1M", "duration"),
    ("The firm turned a profit after several quarters of losses.", "2024-05-10", "several quarters", "PXQ",
     "duration"),
    ("A recession is two consecutive quarters of falling output.", "2024-05-10", "two consecutive quarters", "P2Q",
     "duration"),
    ("The filing followed by one day an announcement by its rival.", "2024-05-10", "one day", "P1D", "duration"),
    ("Demand will stay weak through the first two quarters of 2025, the firm said.", "2024-10-10",
     "the first two quarters of 2025", "2025-H1", "date"),
    ("Sales rose 4% in the first six months of 2019.", "2024-10-10", "the first six months of 2019", "2019-H1",
     "date"),
    # "or so" is part of the expression; a month or season takes a year spelled out after it
    ("Rates should fall over the next year or so, economists said.", "1989-10-27", "the next year or so", "1990",
     "date"),
    ("The plant will close within the next two years or so.", "1989-10-27", "the next two years or so", "P2Y",
     "duration"),
    ("Then, a week or so ago, the general picked the date.", "1991-02-25", "a week or so ago", "1991-W08", "date"),
    ("Prices rose in January nineteen ninety-seven, the minister said.", "1998-02-27",
     "January nineteen ninety-seven", "1997-01", "date"),
    ("The river froze in the winter of nineteen ninety-four.", "1998-02-27", "the winter of nineteen ninety-four",
     "1994-WI", "date"),
    # the period being reported on, a year before
    ("Sales in the first nine months rose 5% from the same period last year.", "2024-10-25",
     "the same period last year", "2023", "date"),
    ("Third-quarter profit rose 12% from the corresponding period last year.", "2024-10-25",
     "the corresponding period last year", "2023-Q3", "date"),
    ("Third-quarter profit rose 12% from last year's quarter.", "2024-10-25", "last year's quarter", "2023-Q3",
     "date"),
    ("Third-quarter profit rose 12% from the quarter a year ago.", "2024-10-25", "the quarter a year ago",
     "2023-Q3", "date"),
    ("Sales in the first half rose 4% from the same period in 2003.", "2005-08-20", "the same period in 2003",
     "2003-H1", "date"),
    ("First-half sales rose 5% from the corresponding period of the previous year.", "2024-10-25",
     "the corresponding period of the previous year", "2023-H1", "date"),
    # the week of a date; a second day sharing the first one's month and year; parts of the day
    ("Voting is scheduled for the week of June 3.", "2024-05-10", "the week of June 3", "2024-W23", "date"),
    ("Output fell 5 percent in the week of Jan. 15, 2018.", "2024-05-10", "the week of Jan. 15, 2018",
     "2018-W03", "date"),
    ("Sales rose in the week to May 4, data showed.", "2024-05-10", "the week to May 4", "2024-W18", "date"),
    ("Sales rose in the week ended May 4, 2019, data showed.", "2024-05-10", "the week ended May 4, 2019",
     "2019-W18", "date"),
    ("Production data for 2024-W18 were revised on Friday.", "2024-05-10", "2024-W18", "2024-W18", "date"),
    ("Deliveries slipped to calendar week 23, the carmaker said.", "2024-05-10", "calendar week 23", "2024-W23",
     "date"),
    ("Output in week 52 of 2020 fell sharply.", "2024-05-10", "week 52 of 2020", "2020-W52", "date"),
    ("Leaders will meet in Madrid on June 24 and 25 to discuss the budget.", "2024-05-10", "25", "2024-06-25",
     "date"),
    ("The ministers met on April 8 and 9, 2019, in Brussels.", "2024-05-10", "April 8", "2019-04-08", "date"),
    ("The ministers met on April 8 and 9, 2019, in Brussels.", "2024-05-10", "9, 2019", "2019-04-09", "date"),
    ("By mid-afternoon, the crowd had swelled to thousands.", "2024-05-10", "mid-afternoon", "2024-05-10TAF",
     "time"),
    ("The fire broke out in mid-afternoon yesterday, firefighters said.", "2024-05-10", "mid-afternoon yesterday",
     "2024-05-09TAF", "time"),
    ("The storm hit the coast on Tuesday. By late afternoon, thousands had fled.", "2024-05-10", "late afternoon",
     "2024-05-07TAF", "time"),
]


@pytest.mark.parametrize("sentence,dct,text,value,kind", CASES + BROAD)
def test_expression_value_and_kind(process, sentence, dct, text, value, kind):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value, f.kind) for f in doc._.dates}
    assert (text, value, kind) in found, found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text


def test_seed_opening_has_one_date_and_skips_the_header(process):
    doc = process(SEED_OPENING, dct="2026-02-16")
    assert [(f.text, f.value, f.kind, f.anchored) for f in doc._.dates] == [
        ("Feb. 13", "2026-02-13", "date", True)
    ]


# sentence, text, unresolved value
NO_DCT = [
    ("The minister arrived on Feb. 13 for talks.", "Feb. 13", "XXXX-02-13"),
    ("The company said Friday that it would cut jobs.", "Friday", "XXXX-WXX-5"),
    ("Prices rose last month.", "last month", "XXXX-XX"),
    ("The plant opened in the third quarter.", "the third quarter", "XXXX-Q3"),
]


@pytest.mark.parametrize("sentence,text,value", NO_DCT)
def test_relative_expressions_without_dct_stay_unresolved(process, sentence, text, value):
    doc = process(sentence, dct=None)
    facts = [f for f in doc._.dates if f.text == text]
    assert facts and facts[0].value == value and facts[0].anchored is False


EDGE_CASES = [
    ("", "2013-01-01"),
    ("İstanbul talks resumed on Friday.", "2013-03-20"),
    ("Tomorrow is the day after tomorrow.", "9999-12-31"),
    ("He said Feb. 30 was fine.", "2013-03-01"),
    ("The story ran on Monday.", "not a date"),
]


@pytest.mark.parametrize("text,dct", EDGE_CASES)
def test_odd_input_and_dct_never_raise(process, text, dct):
    doc = process(text, dct=dct)
    assert all(doc.text[f.start:f.end] == f.text and f.value for f in doc._.dates)


def test_text_whose_lower_case_changes_length_still_finds_dates(process):
    doc = process("İstanbul talks resumed on Friday.", dct="2013-03-20")
    assert [(f.text, f.value) for f in doc._.dates] == [("Friday", "2013-03-15")]


def test_absolute_date_is_not_anchored_and_relative_is(process):
    doc = process("The pact signed on May 5, 2011, expired yesterday.", dct="2013-03-20")
    anchored = {f.text: f.anchored for f in doc._.dates}
    assert anchored == {"May 5, 2011": False, "yesterday": True}


FALSE_POSITIVES = [
    "Retirees in their 70s make up a growing share of voters.",
    "We may see higher prices if the drought continues.",
    "Thousands of protesters march on the capital.",
    "Sun Microsystems reported higher profit on strong server demand.",
    "Bilateral trade is strengthening, and we intend to deepen our allied relations.",
    "The company employs 1500 workers at its main plant.",
    "He scored 2000 points in his career.",
    "The current account deficit widened sharply.",
    "A 62-year-old man was arrested after the attack.",
    "Gas prices fall as supply rises and demand weakens.",
    "The troops will march through the city to the square.",
    "Prime Minister Theresa May spoke to reporters outside Downing Street.",
    "The agency's director said a decision was taken.",
    "The fall in sales hurt profits at the retailer.",
    "He was named player of the year by the league.",
    "We controlled the game in the first half but lost.",
    "He made the remarks on CBS's 60 Minutes program.",
    "The Communist Party daily Granma published the letter.",
    "He watched the film High Noon with his children.",
    "The Sunday Times reported the story first.",
]


@pytest.mark.parametrize("sentence", FALSE_POSITIVES)
def test_ordinary_words_are_not_dates(process, sentence):
    doc = process(sentence, dct="2013-03-20")
    assert [(f.text, f.value) for f in doc._.dates] == []


TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">19980807</TIMEX3></DCT>
<TEXT>
The company <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> that
profit &amp; sales rose for <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_reader_keeps_offsets_and_drops_the_dct(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == "1998-08-07"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "1998-08-07"), ("two years", "DURATION", "P2Y")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
    assert "profit & sales" in doc.text


def test_timeml_scoring_counts_overlap_and_exact_value(tmp_path):
    from newsfacts.eval.timeml import Pred

    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    fri, dur = doc.timexes
    preds = [Pred(fri.start, fri.end, "Friday", "DATE", "1998-08-07"),
             Pred(dur.start + 4, dur.end, "years", "DURATION", "P3Y"),
             Pred(0, 3, "The", "DATE", "1998")]
    assert len(match(doc.timexes, preds)) == 2
    result = score([doc], [preds])["ALL"]
    assert result["span_r"] == 1.0 and result["span_p"] == pytest.approx(2 / 3)
    assert result["value_r"] == 0.5 and result["value_p"] == pytest.approx(1 / 3)


MEANTIME_XML = """<Document doc_name="x">
<token t_id="1" sentence="0" number="0">Airbus</token>
<token t_id="2" sentence="0" number="1">wins</token>
<token t_id="3" sentence="1" number="2">June</token>
<token t_id="4" sentence="1" number="3">13</token>
<token t_id="5" sentence="1" number="4">,</token>
<token t_id="6" sentence="1" number="5">2005</token>
<token t_id="7" sentence="2" number="6">Deliveries</token>
<token t_id="8" sentence="2" number="7">start</token>
<token t_id="9" sentence="2" number="8">in</token>
<token t_id="10" sentence="2" number="9">2009</token>
<token t_id="11" sentence="3" number="10">Sales</token>
<token t_id="12" sentence="3" number="11">rose</token>
<token t_id="13" sentence="3" number="12">in</token>
<token t_id="14" sentence="3" number="13">2004</token>
<Markables>
<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" type="DATE" value="2005-06-13">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="2" functionInDocument="NONE" type="DATE" value="2009"><token_anchor t_id="10"/></TIMEX3>
</Markables>
</Document>
"""


def test_meantime_reader_keeps_dct_span_and_unannotated_tail_out_of_scoring(tmp_path):
    from newsfacts.eval.timeml import read_meantime_xml

    path = tmp_path / "doc.xml"
    path.write_text(MEANTIME_XML, encoding="utf-8")
    doc = read_meantime_xml(path)
    assert doc.dct == "2005-06-13"
    assert [(t.text, t.value) for t in doc.timexes] == [("2009", "2009")]
    dct_span, tail = doc.ignore
    assert doc.text[dct_span[0]:dct_span[1]] == "June 13 , 2005"
    assert doc.text[tail[0]:tail[1]] == "Sales rose in 2004"


@pytest.mark.parametrize("rule,year,day", [
    ("12-25", 2013, "2013-12-25"),
    ("nov-thu-4", 2018, "2018-11-22"),
    ("may-mon-last", 2019, "2019-05-27"),
    ("easter", 2024, "2024-03-31"),
    ("easter@-2", 2024, "2024-03-29"),
    ("nov-thu-4@+1", 2019, "2019-11-29"),
    ("IL:Yom Kippur", 2020, "2020-09-28"),
    ("TR:Eid al-Fitr", 2019, "2019-06-04"),
    ("CN:Chinese New Year", 2021, "2021-02-12"),
])
def test_holiday_rules_give_the_day_of_any_year(rule, year, day):
    from newsfacts.dates.feasts import holiday_date

    assert holiday_date(rule, year).isoformat() == day


def test_holiday_rule_without_an_answer_is_none():
    from newsfacts.dates.feasts import holiday_date

    assert holiday_date("XX:Nothing", 2020) is None
    assert holiday_date("not a rule", 2020) is None


def test_dates_phrase_scorer_counts_found_exact_and_right(nlp, tmp_path):
    import json

    from newsfacts.eval.dates import score_jsonl

    rows = [
        {"sentence": "Talks resume after Easter 2016, officials said.", "text": "Easter 2016",
         "value": "2016-03-27", "dct": "2016-01-04"},
        {"sentence": "Talks resume after Easter 2016, officials said.", "text": "Easter 2016",
         "value": "2016-04-03", "dct": "2016-01-04"},
        {"sentence": "The weather was fine.", "text": "fine", "value": "2016", "dct": "2016-01-04"},
    ]
    path = tmp_path / "phrases.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert score_jsonl(nlp, path) == {"phrases": 3, "found": 2, "exact_span": 2, "right": 1}


@pytest.mark.parametrize("sentence", ["Plans to scrap the tax on Thursday.", "A plan to vote on Thursday."])
def test_infinitive_under_a_noun_root_ends(process, sentence):
    """The tense climb from "to scrap" reaches a noun root; it used to loop there for ever."""
    import signal

    def stop(*_):
        raise TimeoutError("the tense climb did not stop at the root")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(30)
    try:
        doc = process(sentence, dct="2005-03-01")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [(f.text, f.value) for f in doc._.dates] == [("Thursday", "2005-03-03")]


@pytest.mark.parametrize("sentence,number", [
    ("The trial resumed on March 4 and 12 witnesses testified.", "12"),
    ("Prices rose on May 3 and 40 shops closed.", "40"),
    ("The Patriots won in week 3 of the season.", "week 3"),
    ("Output in week 53 of 2021 fell.", "week 53 of 2021"),
    ("Iraq imports three quarters of its food.", "three quarters"),
    ("Friday was declared as a day of mourning.", "a day"),
    ("Less than a quarter of companies get their reports checked.", "Less than a quarter"),
])
def test_not_a_day_or_week_of_the_calendar(process, sentence, number):
    doc = process(sentence, dct="2024-05-10")
    assert number not in {f.text for f in doc._.dates}


def test_timeml_match_pairs_an_exact_span_with_the_nested_gold_tag():
    from newsfacts.eval.timeml import Pred, Timex

    # "from 2009 to 2011": a DURATION listed first, with the DATE "2009" nested in it
    duration = Timex(0, 17, "from 2009 to 2011", "DURATION", "P2Y")
    year = Timex(5, 9, "2009", "DATE", "2009")
    pred = Pred(5, 9, "2009", "DATE", "2009")
    assert match([duration, year], [pred]) == [(year, pred)]
