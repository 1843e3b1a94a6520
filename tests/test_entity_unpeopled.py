"""One-word "people" the whole article uses as a place or a body are none (unpeopled.py); a name with a
person's evidence anywhere in the article stays a person."""

import pytest


def labels(doc, text):
    return {e.label for e in doc._.entities if e.text == text}


@pytest.mark.parametrize("text, name, label", [
    # a head noun no person's name modifies
    ("Investigators say Pellew supplied the athletes with drugs. The Pellew laboratory is at the centre "
     "of the case.", "Pellew", "ORG"),
    ("Whitlock is mapping the flood zone. The Whitlock consortium uses satellite images.", "Whitlock", "ORG"),
    # a possessive before a person's full name
    ("Few expected Pemberton to win. Pemberton's Gary Dunn scored twice in the second half.", "Pemberton", "ORG"),
    # a noun only a body's members are
    ("Senior Hallworth backbencher Peter Dunn voted against the plans. Hallworth is expected to lose the vote.",
     "Hallworth", "ORG"),
    # "X-based"
    ("The Rickman-based firm said profits rose. Rickman is home to 3,000 staff.", "Rickman", "GPE"),
])
def test_a_name_used_as_a_place_or_body_is_no_person(process, text, name, label):
    doc = process(text)
    assert labels(doc, name) == {label}, [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name", [
    # an honorific elsewhere in the article
    ("Mr Pellew denies wrongdoing. The Pellew laboratory is at the centre of the case.", "Pellew"),
    # a title right before the name
    ("The bank has sacked chairman Whitlock. The Whitlock consortium must now sell its stake.", "Whitlock"),
    # an age after it
    ("Pemberton, 34, was arrested at home. Pemberton's Gary Dunn was released.", "Pemberton"),
    # a capitalised title right before it, a person's staff after it ("the Dole team")
    ("Voters met President Hallworth on Friday. The Hallworth team said the tour went well.", "Hallworth"),
    # "at X" with a person's verb
    ("Critics took a swipe at Thornley over the tax plan. Thornley said the critics were wrong.", "Thornley"),
])
def test_a_name_with_a_persons_evidence_stays_a_person(process, text, name):
    doc = process(text)
    assert "PERSON" in labels(doc, name), [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, name, label", [
    # a first name with strong evidence: a possessive before a person's full name
    ("Nobody expected Shirley to win the cup. Shirley's Gary Dunn scored twice in the second half.",
     "Shirley", "ORG"),
])
def test_a_first_name_with_strong_evidence_is_no_person(process, text, name, label):
    doc = process(text)
    assert labels(doc, name) == {label}, [(e.text, e.label) for e in doc._.entities]


def test_a_speaker_with_one_use_as_a_body_stays_a_person(process):
    doc = process("Nobody expected Whitlock to quit. The Whitlock group sold its stake on Monday. "
                  "Whitlock said he was tired.")
    assert "PERSON" in labels(doc, "Whitlock"), [(e.text, e.label) for e in doc._.entities]
