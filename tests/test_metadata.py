"""Article metadata from plain text: header fields, headlines, bylines, datelines, dates in file names."""

import pytest

from newsfacts.metadata import (
    date_from_filename,
    normalize_date,
    parse_byline,
    parse_dateline,
    parse_header,
    parse_headline,
)

SEED_START = (
    " date 2026-02-16 ALMATY – Kazakhstan and the Kyrgyz Republic are continuing to strengthen their "
    "bilateral ties.\n\nThe visit included meetings."
)


def test_inline_header_on_the_story_line():
    header = parse_header(SEED_START)
    assert header.fields == {"date": "2026-02-16"}
    assert SEED_START[header.body_start:].startswith("ALMATY –")


# text, fields, text the body starts with
HEADERS = [
    ("title: Ad sales boost Time Warner profit\ndate: 2005-02-10\nsource: BBC\nurl: http://example.com/a\n\n"
     "Quarterly profits at US media giant TimeWarner jumped 76%.",
     {"title": "Ad sales boost Time Warner profit", "date": "2005-02-10", "source": "BBC",
      "url": "http://example.com/a"}, "Quarterly profits"),
    ("Date: March 22, 2013\nAuthor: Jane Doe\n\nWASHINGTON (AP) — The Senate voted.",
     {"date": "March 22, 2013", "author": "Jane Doe"}, "WASHINGTON (AP)"),
    ("published: 2013-03-22T10:15:00Z\nTitle: Senate votes\nThe Senate voted on Friday.",
     {"published": "2013-03-22T10:15:00Z", "title": "Senate votes"}, "The Senate voted"),
    ("Source of the trouble was a faulty valve, engineers said.", {}, "Source of the trouble"),
    ("Date palms are grown across the region.", {}, "Date palms"),
    ("Title IX changed college sports.", {}, "Title IX"),
    ("Headline: Senate votes\nPubDate: 22 March 2013\nByline: Jane Doe\n\nThe Senate voted.",
     {"title": "Senate votes", "published": "22 March 2013", "author": "Jane Doe"}, "The Senate voted"),
    ("The Senate voted on Friday.", {}, "The Senate"),
]


@pytest.mark.parametrize("text,fields,body", HEADERS)
def test_header_fields_and_body_start(text, fields, body):
    header = parse_header(text)
    assert header.fields == fields
    assert text[header.body_start:].startswith(body)
    if not fields:
        assert header.body_start == 0


HEADLINES = [
    ("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.",
     "Ad sales boost Time Warner profit"),
    ("Is the euro heading for a fall?\n\nEconomists are divided.", "Is the euro heading for a fall?"),
    ("ALMATY – Kazakhstan and the Kyrgyz Republic are continuing to strengthen their bilateral ties, with trade "
     "reaching $2 billion and plans to bring it to $3 billion, the minister said.\n\nThe visit included talks.",
     None),
    ("The Senate voted on Friday.\n\nThe bill now goes to the House.", None),
    ("A single line of text with no body", None),
    ("WASHINGTON (AP) — The Senate voted.\nMore text follows.", None),
    # the stop of an initialism closes a headline, not a sentence
    ("STEEL TARIFFS SEEN HURTING U.S.\n\nPITTSBURGH, May 2 - Steel users said on Friday that tariffs would hurt.",
     "STEEL TARIFFS SEEN HURTING U.S."),
    ("Parliament passes the budget.\n\nThe vote was close.", None),
    # a dash inside a headline in capitals, with no story text after it, is not a dateline
    ("HOG PRICES SEEN WEAK - USDA\n\nCHICAGO, May 2 - Hog prices will stay weak, the USDA said.",
     "HOG PRICES SEEN WEAK - USDA"),
    ("MARKET SPOTLIGHT - TIN OUTLOOK DIMS\n\nLONDON, May 2 - Tin traders expect lower prices.",
     "MARKET SPOTLIGHT - TIN OUTLOOK DIMS"),
    ("LONDON - Tin traders expect lower prices.\nMore text follows.", None),
    # a firm in brackets, as wire copy marks it
    ("<ACME FOODS> TO SELL PLANT\n\nBOSTON, May 2 - Acme Foods said it would sell a plant.",
     "<ACME FOODS> TO SELL PLANT"),
]


@pytest.mark.parametrize("body,headline", HEADLINES)
def test_headline(body, headline):
    assert parse_headline(body) == headline


# text, place, agency, date, dateline text, place text
DATELINES = [
    ("ALMATY – Kazakhstan and the Kyrgyz Republic", "Almaty", None, None, "ALMATY –", "ALMATY"),
    ("WASHINGTON (AP) — The Senate voted", "Washington", "AP", None, "WASHINGTON (AP) —", "WASHINGTON"),
    ("NUR-SULTAN, Kazakhstan — The president said", "Nur-Sultan", None, None, "NUR-SULTAN, Kazakhstan —",
     "NUR-SULTAN"),
    ("LONDON, March 8 (Reuters) - Oil prices rose", "London", "Reuters", None, "LONDON, March 8 (Reuters) -",
     "LONDON"),
    ("NEW YORK, 12 March 2013 (AFP) -- Stocks fell", "New York", "AFP", "2013-03-12",
     "NEW YORK, 12 March 2013 (AFP) --", "NEW YORK"),
    ("ST. LOUIS, Mo. (AP) — A storm hit", "St. Louis", "AP", None, "ST. LOUIS, Mo. (AP) —", "ST. LOUIS"),
    ("BRUSSELS, Feb 3, 2014 (Reuters) - EU ministers met", "Brussels", "Reuters", "2014-02-03",
     "BRUSSELS, Feb 3, 2014 (Reuters) -", "BRUSSELS"),
    # a region written straight before the date, without a comma
    ("WHITE PLAINS, N.Y. June 4, 1991 - The utility said", "White Plains", None, "1991-06-04",
     "WHITE PLAINS, N.Y. June 4, 1991 -", "WHITE PLAINS"),
]


@pytest.mark.parametrize("text,region", [
    ("OAKVILLE, Ontario, June 4 - The carmaker said", "Ontario"),
    ("WHITE PLAINS, N.Y. June 4 - The utility said", "N.Y."),
    ("TRIESTE, Italy - The adviser said", "Italy"),
    ("LONDON, June 4 (Reuters) - Oil rose", None),
])
def test_the_region_of_a_dateline(text, region):
    assert parse_dateline(text).region == region


@pytest.mark.parametrize("text,place,agency,iso,whole,place_text", DATELINES)
def test_dateline(text, place, agency, iso, whole, place_text):
    d = parse_dateline(text)
    assert (d.place, d.agency, d.date) == (place, agency, iso)
    assert text[d.start:d.end] == whole
    assert text[d.place_start:d.place_end] == place_text


def test_dateline_offsets_index_the_full_text():
    header = parse_header(SEED_START)
    d = parse_dateline(SEED_START, header.body_start)
    assert SEED_START[d.start:d.end] == "ALMATY –" and d.place == "Almaty"


NOT_DATELINES = [
    "The man - who had been missing - was found.",
    "Kazakhstan and the Kyrgyz Republic - neighbours - met.",
    "US - China talks resumed.",
    "Quarterly profits at US media giant TimeWarner jumped 76%.",
    "I - for one - disagree.",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


FILENAMES = [
    ("AP_20130322.txt", "2013-03-22"),
    ("2013-03-22-story.html", "2013-03-22"),
    ("nyt_19980403_0001", "1998-04-03"),
    ("news/2013/03/22/story.txt", None),
    ("article_2013_03_22.json", "2013-03-22"),
    ("abc123.txt", None),
    ("x_20131322.txt", None),
    ("report-1234567890.txt", None),
]


@pytest.mark.parametrize("name,iso", FILENAMES)
def test_date_from_filename(name, iso):
    assert date_from_filename(name) == iso


DATE_VALUES = [
    ("2026-02-16", "2026-02-16"),
    ("2026-02-16T10:00:00Z", "2026-02-16"),
    ("2026-02-16 23:30:00+05:00", "2026-02-16"),
    ("Feb 16, 2026", "2026-02-16"),
    ("16 February 2026", "2026-02-16"),
    ("Mon, 16 Feb 2026 10:00:00 +0000", "2026-02-16"),
    ("20260216", "2026-02-16"),
    ("not a date", None),
    ("2026", None),
    ("", None),
]


@pytest.mark.parametrize("value,iso", DATE_VALUES)
def test_normalize_date(value, iso):
    assert normalize_date(value) == iso


BYLINES = [
    ("Mill closes\nBy Richard Walker, Reuters\nLEEDS - The mill shut.", "Richard Walker"),
    ("Mill closes\nBY JANE DOE AND TOM LEE\nThe mill shut.", "Jane Doe; Tom Lee"),
    ("By Fred R. Klingensmith | Staff writer\nThe mill shut.", "Fred R. Klingensmith"),
    ("Mill closes\nBy Priya Natarajan & Owen Hale - Business reporters\nText.", "Priya Natarajan; Owen Hale"),
    ("Mill closes\nBy Tuesday the talks had failed.\nMore.", None),  # a sentence, not a byline
    ("Mill closes\nThe mill shut on Friday, the owner said.\nBy Anna Berg\nMore.", None),  # story begun
    ("Mill closes\nBy air and by sea\nText.", None),
]


@pytest.mark.parametrize("body,author", BYLINES)
def test_byline(body, author):
    assert parse_byline(body) == author
