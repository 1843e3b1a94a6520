"""Names written after "the" are no people's (articled.py); a first name the model left out goes on the name
(firstnames.py)."""

import pytest


def labels(doc, text):
    return {e.label for e in doc._.entities if e.text == text}


@pytest.mark.parametrize("text, name", [
    ("Owen has no plans to quit Real Madrid to return to the Premiership. \"I've got nothing against the "
     "Premiership,\" he said.", "Premiership"),
    ("Owen, who moved to the Bernabeu from Liverpool last summer, has scored 11 goals.", "Bernabeu"),
])
def test_a_name_always_after_the_is_no_person(process, text, name):
    doc = process(text)
    assert labels(doc, name) and "PERSON" not in labels(doc, name), [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    # a person's name modifying a noun after "the"
    ("The Blair government said the plan was sound. Blair later left for Brussels.", "Blair"),
    # someone likened to a person
    ("He is considered the Eminem of Argentina, and his album sold 50,000 copies.", "Eminem"),
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
