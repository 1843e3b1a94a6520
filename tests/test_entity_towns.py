"""Towns the model takes for people are places where the article uses them as places (towns.py)."""

import pytest


def labels(doc, text):
    return {e.label for e in doc._.entities if e.text == text}


@pytest.mark.parametrize("text, town", [
    ("The Larne athlete, 21, took the lead at the bell and held on to win.", "Larne"),
    ("The trio still play most of their gigs in their native Monterrey.", "Monterrey"),
    # listed with a place: a list is of one kind
    ("Plans to expand Heathrow, Stansted and Luton airports were challenged in court.", "Luton"),
])
def test_a_town_used_as_a_place_is_no_person(process, text, town):
    doc = process(text)
    assert labels(doc, town) and "PERSON" not in labels(doc, town), \
        [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    # a town that is also a surname: the article names the person in full, even beside a place reading
    ("Jack Preston scored twice in the win. The Preston striker said he was delighted.", "Preston"),
    # no place reading in any sentence
    ("Striker Burnley scored twice for the visitors. Burnley said he was delighted with his goals.", "Burnley"),
    # listed with a town, but titled elsewhere: a person (Obama is a Japanese town too)
    ("Mr. Obama said the talks with Beijing went well. Obama and Beijing will meet again, Obama said.", "Obama"),
])
def test_a_town_that_names_a_person_stays_a_person(process, text, name):
    doc = process(text)
    assert labels(doc, name) == {"PERSON"}, [(e.text, e.label) for e in doc._.entities]


def test_a_town_before_a_clubs_role_is_the_club(process):
    doc = process("The Wigan striker is keen on a move to the Premiership, where he played for two seasons.")
    assert labels(doc, "Wigan") == {"ORG"}, [(e.text, e.label) for e in doc._.entities]
