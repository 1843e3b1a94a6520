"""Acronyms in mixed case, with a linking word's letter, or without a body's country, bound to the name they spell."""

import pytest

from newsfacts.entities.acronyms import mixed_case_acronym, spelled_initials


def named(doc, text):
    return [e for e in doc._.entities if e.text == text]


@pytest.mark.parametrize("text, full, short", [
    # an acronym said as a word, in title case, nowhere in brackets
    ("British American Tobacco plans a new factory in Vietnam. Bat shares rose 2% on the news.",
     "British American Tobacco", "Bat"),
    ("Members of the Pacific Islands Trade Association met in Suva on Monday. Pita said tariffs would fall.",
     "Pacific Islands Trade Association", "Pita"),
    # a linking word's letter kept in lower case
    ("The Bank of England held interest rates at 4.75% on Thursday. The BoE said inflation would stay low.",
     "Bank of England", "BoE"),
    # in brackets, in mixed case, keeping one linking word's letter and not the other's
    ("Card fraud fell by 5% last year, the Association of Payment and Clearing Services (Apacs) said on Tuesday. "
     "Apacs speaks for the banks.", "Association of Payment and Clearing Services", "Apacs"),
    # a body named with its country first, its acronym without it
    ("The computer will be used by the US Department of Energy (DOE) for weapons research. DOE officials were pleased.",
     "US Department of Energy", "DOE"),
])
def test_an_acronym_takes_the_name_it_spells(process, text, full, short):
    doc = process(text)
    assert named(doc, full), [(e.text, e.label) for e in doc._.entities]
    hits = named(doc, short)
    assert hits and all(e.canonical == full and e.label == "ORG" for e in hits), \
        [(e.text, e.label, e.canonical) for e in doc._.entities]


@pytest.mark.parametrize("text, short, canonical", [
    # the table's name of a body, whichever spelling the article writes out
    ("The World Trade Organisation (WTO) ruled against the subsidies on Monday. The WTO gave both sides a year.",
     "WTO", "World Trade Organization"),
    ("Ministers of the North Atlantic Treaty Organisation met in Brussels. NATO will send more troops.",
     "NATO", "North Atlantic Treaty Organization"),
])
def test_an_acronym_takes_the_canonical_name_of_what_it_spells(process, text, short, canonical):
    doc = process(text)
    assert {e.canonical for e in doc._.entities if e.label == "ORG"} == {canonical}, \
        [(e.text, e.label, e.canonical) for e in doc._.entities]
    assert named(doc, short)


@pytest.mark.parametrize("text, word", [
    # a first name of one of the article's people, whatever a body's initials spell
    ("Ida Brennan joined the Institute of Directors and Accountants in May. Ida said the work was hard.", "Ida"),
    # a first name the model reads as a person's, alone
    ("The Trade and Economic Development council met on Monday. Ted said the talks went well.", "Ted"),
    # the first word of a longer name, whatever the initials of a body spell
    ("Profits at Bristol Aerospace Technologies rose. Bat Masterson, a rival, said nothing.", "Bat Masterson"),
])
def test_a_word_that_only_looks_like_an_acronym_keeps_its_name(process, text, word):
    doc = process(text)
    hits = named(doc, word)
    assert hits and all(e.canonical == e.text or e.label == "PERSON" and " " in e.canonical for e in hits), \
        [(e.text, e.label, e.canonical) for e in doc._.entities]


@pytest.mark.parametrize("words, form, spelled", [
    (["Bank", "of", "England"], "BOE", True),
    (["Bank", "of", "England"], "BE", True),
    (["Association", "of", "Payment", "and", "Clearing", "Services"], "APACS", True),
    (["Asia", "-", "Pacific", "Economic", "Cooperation"], "APEC", True),
    (["British", "American", "Tobacco"], "BT", False),  # every word of the name gives its letter
    (["Energy"], "E", False),  # one word spells no acronym
])
def test_the_initials_a_name_spells(words, form, spelled):
    linking = {"of", "and", "the", "for"}
    assert (form in spelled_initials(words, linking)) is spelled


@pytest.mark.parametrize("word, shaped", [
    ("Nato", True), ("BoE", True), ("Apacs", True), ("NATO", False), ("Un", False), ("Association", False),
])
def test_which_words_are_shaped_like_an_acronym_in_mixed_case(word, shaped):
    assert mixed_case_acronym(word) is shaped
