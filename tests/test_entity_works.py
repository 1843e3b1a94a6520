"""Works typed by the parts people play in them (entities/works.py), and where those cues must not fire."""

import pytest


def labels(nlp, text):
    return {(e.text, e.label) for e in nlp(text)._.entities}


@pytest.mark.parametrize(
    "text, work",
    [
        ("The actress won praise for her role in Harbour Lights at the festival.", "Harbour Lights"),
        ("His performance in Monster earned him a second nomination.", "Monster"),
        ("The 19-year-old singer made her debut in Kestrel Lane last spring.", "Kestrel Lane"),
        ("Marsh, the star of Bright Meadows, is tipped to win the award.", "Bright Meadows"),
        ("She has had supporting roles in Alfie, Harbour Lights and The Stone Garden.", "Harbour Lights"),
        ("The jury included Night Shift actress Carol Denholm and two critics.", "Night Shift"),
        ("The film critics back Sideways star Thomas Hayden Church for the prize.", "Sideways"),
        # "star" and "stars" in an article about television comedy or drama too
        ("Fallow Fields stars Jane Corrie and Tom Pell topped the poll of comedy writers.", "Fallow Fields"),
        ("The drama series won again on Sunday, and Long Shadows star Ella Hurst thanked the crew.", "Long Shadows"),
    ],
)
def test_work_by_role(nlp, text, work):
    assert (work, "WORK_OF_ART") in labels(nlp, text)


@pytest.mark.parametrize(
    "text, name",
    [
        # a place, a country or a table name after the cue stays what it is
        ("She made her debut in Paris in 1990 and never looked back.", "Paris"),
        ("His role in Iraq was criticised by the committee.", "Iraq"),
        # a name that owns or qualifies the noun after it is no work
        ("He played a key role in Arsenal's victory at the weekend.", "Arsenal"),
        # a firm the article has speak is no work
        ("He had a role in Microsoft, where he worked for ten years. Microsoft said he left in May.", "Microsoft"),
        # "star" after a club in a sports report is a player of the club
        ("The 25-year-old Gloucester star Jamie Morrow takes over at fly-half.", "Gloucester"),
        ("Leeds stars Ian Hart and Joe Pike missed training before the match on television.", "Leeds"),
        # a nationality or an industry before "actress" is no title
        ("Native American actress Maria Cruz collected the award.", "Native American"),
        ("India is to deport Bollywood actress Negar Khan. She appeared in Bollywood films.", "Bollywood"),
    ],
)
def test_no_work(nlp, text, name):
    found = labels(nlp, text)
    assert (name, "WORK_OF_ART") not in found
    assert any(n == name for n, _ in found)
