"""A point ahead written with "time" ("in seven years' time" is the year seven years on, as "seven years from
now" is), reference words inside a title ("It's Now Or Never"), which name a work, not the present, a month
qualifying a noun after an article ("a March date"), and a month without a year under a present-tense verb
(the coming one)."""

import pytest

# sentence, dct, expression, value, kind
POINTS_AHEAD = [
    ("The two unions want to host the championship in seven years' time.", "2004-11-20", "seven years' time",
     "2011", "date"),
    ("The verdict is expected in two weeks' time.", "2004-11-20", "two weeks' time", "2004-W49", "date"),
    ("The finance ministers meet again in a day's time.", "2004-11-20", "a day's time", "2004-11-21", "date"),
    ("The new stand should be ready in three months’ time.", "2004-11-20", "three months’ time", "2005-02", "date"),
    ("The mine could be exhausted in a few years' time.", "2004-11-20", "a few years' time", "FUTURE_REF",
     "date"),
    # no publication date: the year is unknown, but it is still a date, not a length
    ("The stadium will be rebuilt in five years' time.", None, "five years' time", "XXXX", "date"),
]


@pytest.mark.parametrize("sentence,dct,text,value,kind", POINTS_AHEAD)
def test_point_ahead_with_time(process, sentence, dct, text, value, kind):
    doc = process(sentence, dct=dct)
    found = {f.text: (f.value, f.kind) for f in doc._.dates}
    assert found.get(text) == (value, kind), found
    fact = next(f for f in doc._.dates if f.text == text)
    assert doc.text[fact.start:fact.end] == text


# sentence, a reference word that is part of a title and no date
IN_TITLES = [
    ("Her new single, It's Now Or Never, entered the chart at number three.", "Now"),
    ("The cinema is showing Back To The Future again this winter.", "The Future"),
]


@pytest.mark.parametrize("sentence,word", IN_TITLES)
def test_reference_word_in_a_title_is_no_date(process, sentence, word):
    doc = process(sentence, dct="2004-11-20")
    assert word not in {f.text for f in doc._.dates}, [(f.text, f.value) for f in doc._.dates]


# the same words as times: at the start of a sentence or a quotation
STILL_REFS = [
    ("Now the alliance faces a harder test in the east.", "Now", "PRESENT_REF"),
    ("The minister said: \"Now we must rebuild the trust we lost.\"", "Now", "PRESENT_REF"),
    ("Investors are worried about the future of the plant.", "the future", "FUTURE_REF"),
]


@pytest.mark.parametrize("sentence,text,value", STILL_REFS)
def test_reference_words_outside_titles(process, sentence, text, value):
    doc = process(sentence, dct="2004-11-20")
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


# a month qualifying a noun after an article ("a March date") is a month, as "a June poll" was
MONTH_BEFORE_NOUN = [
    ("The judge set a March date for the trial of the three men.", "March", "XXXX-03"),
    ("The prime minister is widely expected to call a May election.", "May", "XXXX-05"),
]


@pytest.mark.parametrize("sentence,text,value", MONTH_BEFORE_NOUN)
def test_month_before_a_noun_after_an_article(process, sentence, text, value):
    doc = process(sentence)
    found = {f.text: f.value for f in doc._.dates}
    assert found.get(text) == value, found


def test_a_march_is_no_month(process):
    doc = process("Thousands joined a march against the cuts in London.")
    assert not doc._.dates, [(f.text, f.value) for f in doc._.dates]


# sentence, dct, month, value: a month named without a year under a verb in the present tense is the coming
# one, as a day is ("the law takes effect Oct. 1"); in the past tense or after "since" it is the one gone
MONTHS_BY_TENSE = [
    ("The new terminal opens in October, the airport says.", "2005-03-14", "October", "2005-10"),
    ("Talks between the two unions resume in November.", "2005-03-14", "November", "2005-11"),
    ("The festival runs from July to September.", "2005-03-14", "September", "2005-09"),
    ("The terminal opened in October.", "2005-03-14", "October", "2004-10"),
    ("Fares have risen since October.", "2005-03-14", "October", "2004-10"),
]


@pytest.mark.parametrize("sentence,dct,text,value", MONTHS_BY_TENSE)
def test_a_yearless_month_takes_its_year_from_the_tense(process, sentence, dct, text, value):
    doc = process(sentence, dct=dct)
    assert {f.text: f.value for f in doc._.dates}.get(text) == value, [(f.text, f.value) for f in doc._.dates]
