"""Times read in context the way a careful reader of a news story reads them (issue 16): "the month" and
"the previous month" are months the text just named, "the same period" the period just named, "next
year" counts from now, a weekday in a newspaper's name is no date, "one quarter said" is a share."""

import pytest

# sentence, dct, expression, value, kind
IN_CONTEXT = [
    # the month the same or the previous sentence named, with or without a publication date
    ("Shop sales jumped in March. Sales rose 2.4% in the month, the trade body said.", None,
     "the month", "XXXX-03", "date"),
    ("Shop sales jumped in March. Sales rose 2.4% in the month, the trade body said.", "2006-04-12",
     "the month", "2006-03", "date"),
    ("Car output grew in June, but at a slower pace than the previous month.", None,
     "the previous month", "XXXX-05", "date"),
    ("Car output grew in June, but at a slower pace than the previous month.", "2006-07-20",
     "the previous month", "2006-05", "date"),
    ("Exports fell 3% in January, after a 1% rise a month earlier.", None, "a month earlier", "XXXX-12",
     "date"),
    ("Wages rose in August. The rise pushed total pay for the month to £41bn.", None, "the month", "XXXX-08",
     "date"),
    # three months that make a quarter are the quarter "the quarter" or "the same period" means
    ("Output grew 2% in the three months from April to June, while hiring slowed over the same period.", None,
     "the same period", "XXXX-Q2", "date"),
    ("Output grew 2% in the three months from April to June, while hiring slowed over the same period.",
     "2006-08-01", "the same period", "2006-Q2", "date"),
    ("Profit rose 30% to $80m in January to March. Turnover for the quarter was $1.1bn.", "2006-05-02",
     "the quarter", "2006-Q1", "date"),
    ("The bank earned $2bn in the third quarter, up from $1.5bn in the same period a year earlier.",
     "2006-10-20", "the same period a year earlier", "2005-Q3", "date"),
    # "next year" without "the" counts from the publication date, even after a later date in the story
    ("Pensions will rise in April 2008, but the unions have called for a bigger rise by next year.",
     "2006-11-02", "next year", "2007", "date"),
    ("The plant opened in 1999 and doubled its output the next year.", "2006-11-02",
     "the next year", "2000", "date"),
    # a year written with "year" after it is that year, not thousands of years
    ("Brokers have become gloomy about the bank for the 2007 year.", "2006-11-02", "2007", "2007", "date"),
    ("Deficits were higher in the previous fiscal year, the treasury said.", "2006-11-02",
     "the previous fiscal year", "2005", "date"),
    ("The last time sales fell so sharply was 15 years previously, in 1991.", None,
     "15 years", "P15Y", "duration"),
    ("Sales collapsed in 2002. Three years previously the chain had opened 40 stores.", None,
     "Three years previously", "1999", "date"),
    ("The bonds were sold in a few minutes on Tuesday morning.", None, "a few minutes", "PTXM", "duration"),
    ("Visitors who plan to stay a year or more will need a permit.", None, "a year", "P1Y", "duration"),
    ("The minister pledged £800m ($1.5bn) over 12 years to the vaccine fund.", None, "12 years", "P12Y", "duration"),
    ("The talks have dragged on for over 12 years.", None, "over 12 years", "P12Y", "duration"),
    # quarters without a publication date: from the quarter the story reports on
    ("The carrier lost $90m in the third quarter of 2005, against a $40m loss in the same period a year "
     "earlier.", None, "the same period a year earlier", "2004-Q3", "date"),
    ("The bank's profit rose 8% in the last quarter of 2005.", None, "the last quarter of 2005", "2005-Q4", "date"),
    ("Profit rose in the second quarter of 2005. Second-quarter sales in Asia grew 12%.", None,
     "Second-quarter", "2005-Q2", "date"),
    ("The airline lost $90m in the third quarter of 2005 and said it expected another loss in the fourth quarter "
     "of 2005. The loss for the quarter was wider than analysts had forecast.", None, "the quarter", "2005-Q3",
     "date"),
]


@pytest.mark.parametrize("sentence,dct,text,value,kind", IN_CONTEXT)
def test_times_read_in_context(process, sentence, dct, text, value, kind):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value, f.kind) for f in doc._.dates}
    assert (text, value, kind) in found, found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text


# sentence, a word that is no time expression here
NOT_A_TIME = [
    ("A report in the Sunday Chronicle claimed the minister would resign.", "Sunday"),
    ("The Sunday Courier said the deal was close, citing two bankers.", "Sunday"),
    ("Fewer voters back the plan because around one quarter said they had no view.", "one quarter"),
    ("Three quarters voted against the merger at the meeting.", "Three quarters"),
    # a name used once as one ("the Herald on Sunday poll") makes every "Herald on Sunday" of the article one
    ("Pollsters questioned 900 adults for the Herald on Sunday. The Herald on Sunday poll put Labour ahead.",
     "Sunday"),
    ("The Courier on Sunday's editor said the paper stood by its story.", "Sunday"),
    # a month word opening a run of names the model left untyped is a first name
    ("She toured Europe with June Tabor and her band.", "June"),
    ("June Tabor recorded the song in a church.", "June"),
    # a bare two-digit decade followed by a unit is a level ("the mid 40s a share"), not the 1940s
    ("Analysts valued the stock in the mid 40s a share before the bid.", "40s"),
    ("Daytime highs stayed in the 70s Fahrenheit all week.", "70s"),
    # "the present", "the future" as adjectives of a noun are no time ("until the present" is one)
    ("The board will keep the present dividend of 23 cts a share.", "present"),
    ("The future king opened the new wing of the hospital.", "future"),
]


@pytest.mark.parametrize("sentence,word", NOT_A_TIME)
def test_no_time_in_a_name_or_a_share(process, sentence, word):
    doc = process(sentence, dct="2006-11-02")
    assert not any(word in f.text or f.text in word for f in doc._.dates), [f.text for f in doc._.dates]


@pytest.mark.parametrize("sentence,text,value", [
    ("The minister spoke to the Sunday Chronicle on Sunday.", "Sunday", "2006-10-29"),
    ("The team will meet the Queen on Monday morning.", "Monday morning", "2006-11-06TMO"),
    ("Shares fell on Friday, the Tribune reported.", "Friday", "2006-10-27"),
    ("The premier will ask the Queen on Monday to dissolve Parliament.", "Monday", "2006-11-06"),
    ("The minister gave the new figures to the Commons on Thursday. Aid groups welcomed them.", "Thursday",
     "2006-11-02"),
    ("The Herald on Sunday poll was published after the minister met the Queen on Sunday.", "Sunday",
     "2006-10-29"),
])
def test_a_weekday_beside_a_name_is_still_a_date(process, sentence, text, value):
    doc = process(sentence, dct="2006-11-02")
    assert (text, value) in {(f.text, f.value) for f in doc._.dates}


# A month or day a past verb happened on lies before the publication date, also when the verb's object
# stands between ("shelled the airport on December 4") and for each month of a list; a time limit set in
# the past ("gave the bidder until mid-December") may still lie ahead.
@pytest.mark.parametrize("sentence,text,value", [
    ("Rebels shelled the airport on December 4, the army said.", "December 4", "2005-12-04"),
    ("Factory output fell in December, the statistics office said.", "December", "2005-12"),
    ("Exports rose in October, November and December.", "December", "2005-12"),
    ("The regulator gave the bidder until mid-December to reply.", "mid-December", "2006-12"),
])
def test_a_past_verb_dates_before_publication(process, sentence, text, value):
    doc = process(sentence, dct="2006-11-02")
    assert (text, value) in {(f.text, f.value) for f in doc._.dates}, [(f.text, f.value) for f in doc._.dates]


# Months listed before one that carries a year ("May, June and September 2031", "... of that year") are
# of that year, not each of the year nearest the publication date.
@pytest.mark.parametrize("sentence,text,value", [
    ("The first tram enters service in March 2031, with the rest following in May, July and October of that "
     "year.", "May", "2031-05"),
    ("The first tram enters service in March 2031, with the rest following in May, July and October of that "
     "year.", "October of that year", "2031-10"),
    ("Floods hit the valley in April and May 1998, the report recalled.", "April", "1998-04"),
    ("The works are planned for July, August or September 2030.", "July", "2030-07"),
])
def test_listed_months_share_a_year(process, sentence, text, value):
    doc = process(sentence, dct="2026-03-02")
    assert (text, value) in {(f.text, f.value) for f in doc._.dates}, [(f.text, f.value) for f in doc._.dates]
