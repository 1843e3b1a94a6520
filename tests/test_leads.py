"""A wire dateline ends a sentence, and the entity recognizer reads the lead after it on its own."""

import pytest


@pytest.mark.parametrize("text, name, label", [
    ("LONDON, March 3 - The Bank of England said it had added 300 mln stg to the money market.",
     "Bank of England", "ORG"),
    ("TOKYO, June 4 - The Bank of Japan said it would leave its discount rate at 2.5 pct.",
     "Bank of Japan", "ORG"),
    ("Rates steady\n\nFRANKFURT, Nov 15 (Reuters) - The Bank of Japan kept its rates on hold on Monday.",
     "Bank of Japan", "ORG"),
    ("NEW YORK, May 9 - Moody's Investors Service Inc said it lowered the ratings of the utility's debt.",
     "Moody's Investors Service Inc", "ORG"),
])
def test_the_name_opening_a_wire_lead_is_found_whole(process, text, name, label):
    doc = process(text)
    assert (name, label) in [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("text, first_of_lead", [
    ("LONDON, March 3 - The Bank of England said it had added 300 mln stg to the money market.", "The"),
    ("Rates steady\n\nFRANKFURT, Nov 15 (Reuters) - Traders sold the dollar on Monday.", "Traders"),
])
def test_a_dateline_ends_a_sentence(process, text, first_of_lead):
    doc = process(text)
    lead = next(t for t in doc if t.text == first_of_lead)
    assert lead.is_sent_start
    assert not any(e.start < lead.i < e.end for e in doc.ents)


def test_a_dash_in_the_body_is_no_dateline(process):
    doc = process("Oil prices rose on Monday - the third rise in a week - as traders bought crude.")
    assert len(list(doc.sents)) == 1


def test_without_a_dateline_the_leads_component_keeps_the_entities(nlp):
    from newsfacts.extensions import make_doc

    text = "The Bank of England said on Tuesday it had added 300 mln stg to the money market."
    before = nlp.get_pipe("ner")(nlp.get_pipe("parser")(nlp.get_pipe("paragraphs")(
        nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(make_doc(nlp, text))))))
    ents = [(e.start, e.end, e.label_) for e in before.ents]
    assert [(e.start, e.end, e.label_) for e in nlp.get_pipe("leads")(before).ents] == ents


def test_it_runs_after_the_entity_recognizer(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index("leads") < names.index("entities")
