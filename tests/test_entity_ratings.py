"""A credit-rating grade is no organisation's name (ratings.py): in a sentence about ratings, or moving to
or from another grade; an acronym of the same letters elsewhere keeps its label."""

import pytest


def names(doc):
    return {e.text: e.label for e in doc._.entities}


@pytest.mark.parametrize("text, grade", [
    # a move between two grades
    ("Standard and Poor's lowered the bonds to CCC from B, citing weak cash flow.", "CCC"),
    # a grade at a word of rating copy
    ("The agency cut its rating on the miner's notes to CCC, saying a default was likely.", "CCC"),
    # "rated" (whose lemma the tagger makes "rat"), and a grade before the agency that gives it
    ("The new notes are rated AAA by Standard and Poor's and Aa1 by Moody's, the bank said.", "AAA"),
    # the grade a rating verb gives its object, with no link word beside it
    ("Standard and Poor's rated the new debt BB, two notches below investment grade.", "BB"),
    ("Moody's kept its rating on the debt at Baa2, while Standard and Poor's rated it BB.", "BB"),
])
def test_a_rating_grade_is_no_name(process, text, grade):
    doc = process(text)
    assert {e.label_ for e in doc.ents if e.text == grade} & {"ORG", "GPE"}  # the model's guess, which the rules mend
    assert grade not in names(doc), names(doc)


@pytest.mark.parametrize("text, name", [
    # the same letters as a body's acronym, in a sentence about rates
    ("The CCC interest rate for commodity loans in March will be 6.25 pct, the department said.", "CCC"),
    ("The CCC said it would offer export credit guarantees to Iraq for wheat purchases.", "CCC"),
])
def test_an_acronym_like_a_grade_stays(process, text, name):
    assert names(process(text)).get(name) == "ORG"
