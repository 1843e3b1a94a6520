"""Words that say what a person is, run into the name by the model, are cut from it (descriptors.py)."""

import pytest


def people(doc):
    return {e.text: e.canonical for e in doc._.entities if e.label == "PERSON"}


@pytest.mark.parametrize("text, person", [
    # a nationality noun
    ("He was passed on the line by Welshman Gareth Pryce in the final 200 metres.", "Gareth Pryce"),
    ("The stage was won by Frenchman Jean Dupont, ahead of the Spanish rider.", "Jean Dupont"),
    # a party the article names as such elsewhere (and a first name too: "Tory")
    ("Scottish Tory leader Annabel Goldie said the plan was flawed. Tory Annabel Goldie added that she would "
     "vote against it.", "Annabel Goldie"),
    ("Lib Dem Norman Baker asked the minister to explain the delay. The Lib Dems want a full inquiry.", "Norman Baker"),
    # a party's plural the article names on its own, run into a name the model took for an organisation's
    ("The Lib Dems want lower taxes. For the Lib Dems David Laws said the chancellor had been lucky.", "David Laws"),
    # a title written in capitals (titles.txt)
    ("The station dropped veteran DJ Mike Read from its breakfast show last year.", "Mike Read"),
    # a party's word (party_words.txt) before a sure first name, the party named otherwise or not at all
    ("Labour has backed the bill. But Tory Gerald Hunt said he would vote against it, as the Conservatives "
     "did last year.", "Gerald Hunt"),
    ("Tory Margaret Ellery told the council that the car park should stay open.", "Margaret Ellery"),
    # a police rank (titles.txt)
    ("Officers stayed on duty overnight. Assistant Chief Constable Mary Dunmore said the march had passed off "
     "peacefully.", "Mary Dunmore"),
])
def test_a_descriptor_is_no_part_of_a_persons_name(process, text, person):
    doc = process(text)
    names = people(doc)
    assert person in names and all(c == person for t, c in names.items() if t.endswith(person.split()[-1])), names


@pytest.mark.parametrize("text, person", [
    # three-word names: the first word is no descriptor
    ("Analyst Khoo Kay Peng said the ruling party would win easily. Khoo said the vote was fair.", "Khoo Kay Peng"),
    ("The exhibition of work by Welsh artist Shani Rhys James opened on Monday. Rhys James said she was delighted.",
     "Shani Rhys James"),
])
def test_a_three_word_name_stays_whole(process, text, person):
    doc = process(text)
    assert person in people(doc).values(), people(doc)


def test_a_firm_named_for_a_person_keeps_its_name(process):
    doc = process("Lockheed Martin Corp. won the contract on Monday. Lockheed shares rose 3%.")
    assert "Lockheed Martin Corp." in {e.text for e in doc._.entities}, [(e.text, e.label) for e in doc._.entities]


def test_a_first_name_and_surname_taken_for_a_firm_beside_a_line_up_initial_is_a_person(process):
    doc = process("The wing slipped through Yann Delaigue's tackle and ran in from 40 metres.\n"
                  "France: P Garnier; C Roux, B Moreau, Y Delaigue, L Morel; T Blanc, N Petit.")
    found = {e.text: (e.label, e.canonical) for e in doc._.entities}
    assert found.get("Yann Delaigue", ("",))[0] == "PERSON", found
    assert found.get("Y Delaigue") == ("PERSON", "Yann Delaigue"), found
