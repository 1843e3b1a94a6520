"""newsfacts_paragraphs: a blank line ends a sentence, a line break alone does not."""

import pytest

HEADLINE = "Miners strike over pay cut\n\n"


@pytest.mark.parametrize("text, first_of_lead", [
    (HEADLINE + "Union leader Tom Reilly said on Monday that the strike would go on.", "Union"),
    ("Fuel prices 'to rise again'\n\nThe Treasury warned drivers on Friday that prices would climb.", "The"),
    ("Talks resume\n\n\n\nNegotiators met in Geneva for a third day.", "Negotiators"),
])
def test_a_blank_line_ends_the_headline(process, text, first_of_lead):
    doc = process(text)
    lead = next(t for t in doc if t.text == first_of_lead and t.idx > len(text.split("\n\n")[0]))
    assert lead.is_sent_start
    assert all(t.sent.start == lead.sent.start for t in doc[lead.i:])


def test_the_lead_has_its_own_subject(process):
    doc = process(HEADLINE + "Union leader Tom Reilly said on Monday that the strike would go on.")
    said = next(t for t in doc if t.text == "said")
    subjects = [c.text for c in said.children if c.dep_ == "nsubj"]
    assert subjects and subjects[0] in ("Reilly", "leader")


def test_a_line_break_in_wrapped_text_is_no_sentence_end(process):
    doc = process("The ministry said on Monday that the new rules\nwould take effect in March next year.")
    assert len(list(doc.sents)) == 1


def test_it_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("paragraphs") < names.index("parser")


@pytest.mark.parametrize("headline, lead, name", [
    ("Miners strike over pay", "Michael Howard has said voters who share his values should come and join the party.",
     "Michael Howard"),
    ("Takeover offer for Leeds FC",
     "Bob Murray, chairman of Leeds FC, has launched a £2m bid for the club after buying a rival stake.", "Bob Murray"),
])
def test_the_lead_keeps_its_first_name_whole(process, headline, lead, name):
    """The parser, given a start at the lead, took the next word for another ("Michael | Howard"), and
    the entity recognizer runs no name across a start: the word after a given start is none."""
    doc = process(headline + "\n\n" + lead)
    assert name in [e.text for e in doc._.entities if e.label == "PERSON"]
    assert not doc[[t.text for t in doc].index(name.split()[1])].is_sent_start
