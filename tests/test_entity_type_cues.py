"""Type cues in the sentence (entities/cues.py, type_nouns.tsv): a person's name after a title or beside a
person, and products named by their kind noun; with sentences where the cue must not fire."""

import pytest


def labels(nlp, text):
    return {(e.text, e.label) for e in nlp(text)._.entities}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a title right before a name with a first name: a person
        ("Italy skipper Marco Bortolami believes Saturday's contest will be tight.", "Marco Bortolami", "PERSON"),
        ("French writer Christophe Barratie shared the screenplay prize.", "Christophe Barratie", "PERSON"),
        # joined by "and" to a person's full name: a person too
        ("The bookmaker has Hugh Jackman and Ewan McGregor joint second favourite.", "Ewan McGregor", "PERSON"),
        # a kind noun of products: "a technology called X", "the device, X,"
        ("Nokia has been working on a technology called Visual Radio, which takes an FM signal.", "Visual Radio",
         "PRODUCT"),
        ("The device, Gizmondo, goes on sale in March for 229 pounds.", "Gizmondo", "PRODUCT"),
        # a "place" no place table knows, before a firm's role and a person's full name: the firm
        ('"We will invest," BT chief executive Ben Verwaayen said. BT wants lighter regulation.', "BT", "ORG"),
        # "the X newspaper"
        ("The minister told the Kommersant newspaper that the sale was a mistake.", "Kommersant", "ORG"),
    ],
)
def test_type_by_cue(nlp, text, name, label):
    assert (name, label) in labels(nlp, text)


@pytest.mark.parametrize(
    "text, name, label",
    [
        # firms named after people stay firms when nothing in the sentence says person
        ("Shares in Morgan Stanley and Goldman Sachs rose on Tuesday.", "Morgan Stanley", "ORG"),
        # a kind noun that qualifies another noun does not type the name: the head noun does
        ("He joined the technology firm Sophos in 2001.", "Sophos", "ORG"),
        # a place before a role its own people hold stays a place
        ("London mayor Ken Livingstone backed the congestion charge.", "London", "GPE"),
        ("Tatarstan president Mintimer Shaimiev said the vote had been fair.", "Tatarstan", "GPE"),
        ("The chain sold guns in its California stores. California attorney general Tom Rudd objected.",
         "California", "GPE"),
    ],
)
def test_no_type_cue(nlp, text, name, label):
    assert (name, label) in labels(nlp, text)
