"""A NORP needs a people's word (peoples.py); a political group's word with no person's evidence is the
party, not a person (unpeopled.py)."""

import pytest


def labels(doc, text):
    return {e.label for e in doc._.entities if e.text == text}


@pytest.mark.parametrize("text, name, label", [
    # brand and firm names the model calls NORP: no nationality, faith or political group
    ("Music downloads double\n\nSales of songs through iTunes and other online shops doubled last year. "
     "Buyers paid 79p a track, the firm said.", "iTunes", "ORG"),
    ("Broadband growth\n\nThe internet provider Tiscali said it had added 100,000 customers in the quarter.",
     "Tiscali", "ORG"),
])
def test_a_norp_without_a_peoples_word_is_none(process, text, name, label):
    doc = process(text)
    assert labels(doc, name) == {label}, [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, names", [
    ("The Irishman was joined by two Frenchmen and several anti-American protesters.",
     ["Irishman", "anti-American"]),
    ("Muslims and Catholics prayed together in the square on Friday.", ["Muslims", "Catholics"]),
    ("Hundreds of Africans and Scandinavians took part in the Viennese festival.",
     ["Africans", "Scandinavians", "Viennese"]),
    ("The Liberal Democrats and the Tories voted against the bill.", ["Liberal Democrats", "Tories"]),
    ("Climate talks\n\nThe Inuit have hunted on the ice for centuries, and the Inuit now fear it will vanish.",
     ["Inuit"]),  # a people without a state of its own
])
def test_nationalities_faiths_and_parties_stay_norp(process, text, names):
    doc = process(text)
    for name in names:
        assert labels(doc, name) == {"NORP"}, [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    # a plural name all of nationality words, which the model takes for a place or a body
    ("Two Frenchmen and a Belgian were among the passengers, the airline said.", "Frenchmen"),
    ("The party has lost support in the cities, where many black and Asian Britons live.", "Asian Britons"),
    ("Dozens of angry Londoners queued outside the shop before dawn.", "Londoners"),  # "-er" of a place
])
def test_people_named_by_their_nation_are_norp(process, text, name):
    doc = process(text)
    assert labels(doc, name) == {"NORP"}, [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    # a town the model calls NORP before a noun it qualifies is the place
    ("Accepting the prize at the Cannes ceremony, the director thanked his cast.", "Cannes"),
    ("Taking the trophy from actress Helen Mirren at the Cannes gala, the director said he was proud.", "Cannes"),
])
def test_a_norp_that_is_a_town_is_the_place(process, text, name):
    doc = process(text)
    assert {e.label_ for e in doc.ents if e.text == name} == {"NORP"}  # the model's guess, which the rules mend
    assert labels(doc, name) == {"GPE"}, [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text", [
    "Ministers unveil school meals plan\n\nThe government has promised healthier school dinners in England. "
    "The Tories say Labour's record on school meals is poor, while the Lib Dems say the money is too little. "
    "Labour says spending on meals will rise by a third by 2008.",
    "Council tax row grows\n\nPensioners face another rise in council tax, the Conservatives have warned. "
    "Tories say Labour has let bills double since 1997. But Labour insists the rises are the lowest for a "
    "decade and the Liberal Democrats want a local income tax instead.",
    "Asylum plan unveiled\n\nThe Home Office has set out a five-year plan for asylum. The Conservatives say "
    "Labour is acting too late while the Lib Dems say the plan is unworkable. In 1999 Labour scrapped the old "
    "appeals system.",
])
def test_a_party_named_bare_is_no_person(process, text):
    doc = process(text)
    assert labels(doc, "Labour") == {"ORG"}, [(e.text, e.label) for e in doc._.entities]
