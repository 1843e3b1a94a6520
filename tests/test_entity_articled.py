"""Names written after "the" are no people's (articled.py); a first name the model left out goes on the name
(firstnames.py)."""

import pytest


def labels(doc, text):
    return {e.label for e in doc._.entities if e.text == text}


@pytest.mark.parametrize("text, name", [
    ("Moore admits he misses the Premiership but says he is happy in Italy.", "Premiership"),
    ("The striker joined Real in June but has started only twice at the Bernabeu since.", "Bernabeu"),
])
def test_a_name_always_after_the_is_no_person(process, text, name):
    doc = process(text)
    assert labels(doc, name) and "PERSON" not in labels(doc, name), [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    # a person's name modifying a noun after "the"
    ("The Blair government said the plan was sound. Blair later left for Brussels.", "Blair"),
    # someone likened to a person
    ("Fans call the teenager the Eminem of Chile, and his debut album went gold.", "Eminem"),
])
def test_a_person_after_the_stays_a_person(process, text, name):
    doc = process(text)
    assert labels(doc, name) == {"PERSON"}, [(e.text, e.label) for e in doc._.entities]


def test_a_first_name_the_model_left_out_goes_on_the_name(process):
    doc = process("The report was written by Ffion Hague Jones and Ann Clwyd Roberts. "
                  "Hague Jones said the findings were clear.")
    people = {e.text: e.canonical for e in doc._.entities if e.label == "PERSON"}
    assert people.get("Ffion Hague Jones") == "Ffion Hague Jones", people
    assert people.get("Hague Jones") == "Ffion Hague Jones", people
