"""Sets shared by coordination ("on Monday and Tuesday nights"), rates after any counted plural noun ("40,000
tickets a week"), and lengths of unknown size ("for a while", "for some time", "a lengthy period", "minutes
later"), as TIMEX3 writes them."""

import pytest

# sentence, expression, value, kind; 2014-05-14 is a Wednesday
SETS_AND_VAGUE_LENGTHS = [
    # a weekday coordinated with a plural one shares its plural head: both are sets
    ("The ferry will sail on Friday and Saturday nights from June 6.", "Friday", "XXXX-WXX-5TNI", "set"),
    ("The ferry will sail on Friday and Saturday nights from June 6.", "Saturday nights", "XXXX-WXX-6TNI", "set"),
    ("The market is held on Saturday and Sunday mornings.", "Saturday", "XXXX-WXX-6TMO", "set"),
    ("The museum now opens on Monday and Thursdays.", "Monday", "XXXX-WXX-1", "set"),
    # a rate after any plural noun counted by a number, not only the listed rate words
    ("The stadium sells about 40,000 tickets a week during the season.", "a week", "P1W", "set"),
    ("Prisoners in the wing receive two meals a day, inspectors found.", "a day", "P1D", "set"),
    ("The plant turns out 3,000 cars a month.", "a month", "P1M", "set"),
    # lengths whose size the text leaves open
    ("Peacekeepers are likely to remain in the province for some time.", "some time", "PXX", "duration"),
    ("\"We will have to manage without him for a while,\" the coach said.", "a while", "PXX", "duration"),
    ("The chief executive will be on leave for an unspecified period of time.", "an unspecified period of time",
     "PXX", "duration"),
    ("The mine reopened after a lengthy period of repairs.", "a lengthy period", "PXX", "duration"),
    ("The striker has not been fit for quite some time.", "quite some time", "PXX", "duration"),
    # a bare plural unit before ago/later/earlier: some time back, or a length of unknown count
    ("The airline was close to collapse just months ago.", "months ago", "PAST_REF", "date"),
    ("Play resumed minutes later after the pitch was cleared.", "minutes", "PTXM", "duration"),
    ("Days later, the finance minister resigned.", "Days", "PXD", "duration"),
    # the length of a financial year named by its end
    ("Profits for the financial year to April 2005 rose 8%.", "the financial year", "P1Y", "duration"),
]


@pytest.mark.parametrize("sentence,text,value,kind", SETS_AND_VAGUE_LENGTHS)
def test_sets_and_vague_lengths(process, sentence, text, value, kind):
    doc = process(sentence, dct="2014-05-14")
    found = {f.text: (f.value, f.kind) for f in doc._.dates}
    assert found.get(text) == (value, kind), found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text


# sentence, expression, the value it keeps (not a set, not a vague length)
STAYS = [
    # weekdays joined without a plural are days, not sets
    ("The two leaders met on Monday and Tuesday in Geneva.", "Monday", "2014-05-12"),
    # "a week ago" after a count is a date, not a rate
    ("He scored 20 goals a week ago in the cup final.", "a week ago", "2014-W19"),
    # "a while ago" is the past, "some time next year" is next year
    ("The two firms fell out a while ago.", "a while ago", "PAST_REF"),
    ("The new terminal will open some time next year.", "next year", "2015"),
    # a period with a length given is that length
    ("The plant was closed for a long period of three years.", "three years", "P3Y"),
    # a number before the unit: the ago rule's date, not a bare one
    ("Two days later, the finance minister resigned.", "Two days", "P2D"),
]


@pytest.mark.parametrize("sentence,text,value", STAYS)
def test_not_sets_nor_vague_lengths(process, sentence, text, value):
    doc = process(sentence, dct="2014-05-14")
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# "today's", "tomorrow's", "yesterday's", "of today" before or after a noun that is no occasion of one day
# stand for an age; a day's occasion and a name keep the day (2014-05-14 is a Wednesday)
AGES_AND_DAYS = [
    ("Critics say today's teenagers spend too long on their phones.", "today's", "PRESENT_REF"),
    ("The museum must meet the expectations of today's visitors, the director said.", "today's", "PRESENT_REF"),
    ("He has long been a fierce critic of today's Britain.", "today's", "PRESENT_REF"),
    ("Engineers in a small Turin workshop are designing the cars of tomorrow.", "tomorrow", "FUTURE_REF"),
    ("Yesterday's men have no answers for the voters, the opposition leader said.", "Yesterday's", "PAST_REF"),
    ("Campaigners welcomed today's ruling by the appeal court.", "today's", "2014-05-14"),
    ("Fans celebrated yesterday's win over the champions.", "yesterday's", "2014-05-13"),
    ("The events of yesterday shocked the small town.", "yesterday", "2014-05-13"),
    ("The story ran on the front page of today's Guardian.", "today's", "2014-05-14"),
]


@pytest.mark.parametrize("sentence,text,value", AGES_AND_DAYS)
def test_day_words_for_an_age(process, sentence, text, value):
    doc = process(sentence, dct="2014-05-14")
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found
