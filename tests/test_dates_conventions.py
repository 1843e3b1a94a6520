"""TIMEX3 conventions the dates component follows (README, "Dates"): quarters counted in quarters, the
weekend just gone, and the day and week nouns that point at the day the story is at."""

import pytest

# text, dct, expression, value, kind
QUARTERS = [
    ("The retailer has lost market share over the past three quarters, its chief executive said.",
     "2023-08-14", "the past three quarters", "P3Q", "duration"),
    ("Dividends on the new shares will be paid every quarter, the bank said.", "2023-08-14",
     "every quarter", "P1Q", "set"),
    ("Economists expect the slowdown to last two quarters at most.", "2023-08-14", "two quarters", "P2Q",
     "duration"),
]

# A period ended by a date: the quarter itself, a length of a year or months (the date is tagged on its own).
ENDED = [
    ("The chain's sales fell 4% in the quarter ended March 31, the company said.", "2022-05-16",
     "the quarter", "2022-Q1", "date"),
    ("The brewer earned 41 mln dlrs in the year ended January 31, it said on Monday.", "2022-05-16",
     "the year", "P1Y", "duration"),
    ("The brewer earned 41 mln dlrs in the year ended January 31, it said on Monday.", "2022-05-16",
     "January 31", "2022-01-31", "date"),
    ("Orders rose 9% in the six months ended June 30, the toolmaker said.", "2022-09-05",
     "six months", "P6M", "duration"),
]

# Told on Monday 2022-05-16 (ISO week 20): the weekend just gone is that of week 19.
WEEKEND = [
    ("More than 40,000 runners took part in the city marathon this weekend, organisers said.", "2022-05-16",
     "this weekend", "2022-W19-WE", "date"),
    ("Organisers expect 40,000 runners to take part in the city marathon this weekend.", "2022-05-16",
     "this weekend", "2022-W20-WE", "date"),
    ("The ferry company said services would resume this weekend.", "2022-05-16", "this weekend",
     "2022-W20-WE", "date"),
]

DAY_WEEK_NOUNS = [
    ("Dock workers walked out on March 7, 2022. That week, no container ship was unloaded at the port.",
     "2022-05-16", "That week", "2022-W10", "date"),
    ("The regulator approved the merger on Tuesday. Shares in both lenders closed 6% higher on the day.",
     "2022-05-12", "the day", "2022-05-10", "date"),
    ("The index rose 1.2% on Friday. For the week, it gained 3.4%, its best run since January.",
     "2022-05-16", "the week", "2022-W19", "date"),
    ("Turnover reached 1.1 billion shares on Thursday, the week's heaviest trading.", "2022-05-14",
     "the week", "2022-W19", "date"),
    ("Rescue teams reached the village early on Sunday. Later in the day, the army flew in supplies.",
     "2022-05-16", "the day", "2022-05-15", "date"),
]


@pytest.mark.parametrize("sentence,dct,text,value,kind", QUARTERS + ENDED + WEEKEND + DAY_WEEK_NOUNS)
def test_timex3_convention(process, sentence, dct, text, value, kind):
    doc = process(sentence, dct=dct)
    found = {(f.text, f.value, f.kind) for f in doc._.dates}
    assert (text, value, kind) in found, found


@pytest.mark.parametrize("sentence,dct,text", [
    # a day a clause defines, the day of an event ahead, a week planned: not the story's day or week
    ("Voters will long remember the day the assembly passed the bill.", "2022-05-16", "the day"),
    ("Fans without tickets are told not to queue outside the stadium on the day.", "2022-05-16", "the day"),
    ("The coach wants to take the squad to a training camp for the week, and skip the friendly.", "2022-05-16",
     "the week"),
    # after a month named, which day "the day" is cannot be known
    ("The results came out in April. The shares jumped 5% on the day.", "2022-05-16", "the day"),
    ("Ministers admit it is a little late in the day to rewrite the bill.", "2022-05-16", "the day"),
])
def test_day_and_week_nouns_left_alone(process, sentence, dct, text):
    doc = process(sentence, dct=dct)
    assert text not in {f.text for f in doc._.dates}, [(f.text, f.value) for f in doc._.dates]


@pytest.mark.parametrize("sentence", [
    # a quarter that is a share or a player, not three months
    "Two of the nine committee members voted for a quarter point rise in rates.",
    "Exports to the region fell by almost a quarter from a year earlier.",
    "Nearly a quarter (23%) of the drivers asked said they had never checked their tyres.",
    "Munster three-quarter Sean Doyle was ruled out with a hamstring injury.",
])
def test_a_quarter_as_a_share_is_no_length(process, sentence):
    doc = process(sentence, dct="2022-05-16")
    assert not [f for f in doc._.dates if "quarter" in f.text.lower()], [(f.text, f.value) for f in doc._.dates]

