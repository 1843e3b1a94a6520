"""Who said a fragment woven into the writer's sentence, a quote whose speaker stands before an aside, a
quote after the sentence that introduced its speaker, and an office named by a description. Sentences
written for these tests in news style."""

import pytest


def quotes(doc, kind):
    return [q for q in doc._.quotes if q.kind == kind]


FRAGMENTS = [
    # text, speaker of the last partial quote
    (  # the fragment's clause is what the reporting verb at the end of the sentence reports
        'The orchestra had been left with "no other way forward" but to cancel its tour, principal conductor '
        "Maria Lindqvist has said.",
        "Maria Lindqvist",
    ),
    (  # "It was … to predict …": the verb next to the fragment is not the one it hangs from
        'It was "far too soon" to predict whether the scheme would work, the Audit Commission said.',
        "Audit Commission",
    ),
    (  # a passive reporting verb: the agent said it, not the subject
        'The new tablet was described by chief executive Anna Pirelli as the "most ambitious product" the '
        "firm had made.",
        "Anna Pirelli",
    ),
    (  # a thing's reporting verb inside a person's reported speech gives way to the person
        'Professor Martin Hale said the survey highlighted the "deep divisions" between north and south.',
        "Martin Hale",
    ),
    (  # but a person's verb inside another person's reported speech keeps its own speaker
        "Nurse Emma Kent gave evidence on Tuesday. She told the court that a hospital lawyer had told her the "
        'family would be made to look like "a gang of liars".',
        "hospital lawyer",
    ),
    (  # a relative clause inside what a person said is no attribution of its own
        'David Moore said he was proud to back a party that had the "courage" to reform the tax system.',
        "David Moore",
    ),
    (  # a passive reporting verb without agent is what is reported: the person who said it is higher up
        "Mayor Tom Reid met the union leaders on Monday. But he said there was a feeling that "
        '"a fair settlement for the drivers" was needed.',
        "Tom Reid",
    ),
    (  # "worth showing" reports nothing: the verb at the end does
        'It is not worth showing "graphic scenes of the attack" when complaints are "pursued so '
        'aggressively" by regulators, said network executive Carla Boyd.',
        "Carla Boyd",
    ),
    (  # the second of two verbs the parser left without a subject after a long aside
        'Dr Helen Marsh, on her second day in the post after Peter Cole was sacked, admitted "serious '
        'problems" but insisted the "basics" were sound.',
        "Helen Marsh",
    ),
    (  # "be" says what the words describe, not who said them: the writer's own scare quotes have no speaker
        "The tenants' main complaint was \"the endless noise from the building site\" next door.",
        None,
    ),
    (
        'The festival\'s theme this year is "music without borders or passports" and tickets sold out.',
        None,
    ),
]


def test_a_fragment_goes_past_be_to_the_verb_of_who_said_it(process):
    doc = process('Mrs Okafor called for the disaster to be "the start of a new era of safety at sea".')
    assert [(q.speaker, q.verb) for q in quotes(doc, "partial")] == [("Okafor", "called")]


@pytest.mark.parametrize("text,speaker", FRAGMENTS)
def test_fragment_goes_to_the_reporting_verb_it_hangs_from(process, text, speaker):
    assert quotes(process(text), "partial")[-1].speaker == speaker


ASIDES = [
    # text, speaker of the last direct quote
    (
        "Mr Lloyd said he had spoken to the council on Monday. In reply to the minister's remarks, Gwen "
        'Price Evans, leader of the opposition group on the council, said: "This plan changes nothing."',
        "Gwen Price Evans",
    ),
    (  # the aside is the name: "TITLE, NAME, said"
        "Responding to the budget, shadow chief secretary to the Treasury, Mark Sutton, said: "
        '"This was more of the same from a tired government."',
        "Mark Sutton",
    ),
    (
        "Sales of coats slumped in December. \"The losers will be the small shops in towns such as Leeds, "
        "York, Hull and Bradford,\" Peter Sandoval, head of research at the Retail Consortium, said.",
        "Peter Sandoval",
    ),
    (  # "NAME - DESCRIPTION - said", the parser making the description's noun the subject
        "Shares in Acme fell 3%. Fund manager Jan Roe - Acme's largest investor - said: \"I want a greater say "
        'in how the firm is run."',
        "Jan Roe",
    ),
    (  # a name after a preposition is someone else's: the lawyer said it
        "The lawyer for Jan Roe - a former club director - said: \"The case will be dropped.\"",
        "lawyer",
    ),
]


POST_NOMINALS = [  # the parser makes the letters after a name the subject, with the name as their compound
    ('Helen Ashworth QC told the tribunal: "The evidence was withheld from my client."', "Helen Ashworth"),
    ('Tom Pardoe MEP, a member of the environment committee, said: "This vote is a setback."', "Tom Pardoe"),
    ("Dominic Hale MP, the party's transport spokesman, said: \"The timetable cannot be met.\"", "Dominic Hale"),
]


@pytest.mark.parametrize("text,speaker", POST_NOMINALS)
def test_name_before_its_post_nominal_is_the_speaker(process, text, speaker):
    assert [q.speaker for q in process(text)._.quotes] == [speaker]


@pytest.mark.parametrize("text,speaker", ASIDES)
def test_name_before_an_aside_is_the_speaker(process, text, speaker):
    assert quotes(process(text), "direct")[-1].speaker == speaker


INTRODUCED = [
    # text, speaker of the last direct quote (None: left without a speaker)
    (
        "The rail operator announced a new timetable on Monday. But union leader Dave Mills criticised "
        'the plans. "You cannot run a railway on goodwill alone."',
        "Dave Mills",
    ),
    (  # the sentence before is about no person: nobody is introduced
        'The steel plant closed its gates for the last time in May. "It was the end of an era."',
        None,
    ),
]


@pytest.mark.parametrize("text,speaker", INTRODUCED)
def test_quote_after_the_sentence_introducing_its_speaker(process, text, speaker):
    assert quotes(process(text), "direct")[-1].speaker == speaker


OFFICES = [
    # text, which quote is checked (kind, index), speaker, label
    (  # an office the person in focus does not hold is not theirs
        "London mayor Ken Dobbs said on Monday he would not apologise even if asked. Later the prime "
        'minister said: "He should say sorry to the reporter."',
        ("direct", -1),
        "prime minister",
        None,
    ),
    (  # two words for one office agree
        "Education Secretary Jane Moss visited a school in Derby on Monday. The minister said: "
        '"Standards are rising everywhere."',
        ("direct", -1),
        "Jane Moss",
        "PERSON",
    ),
    (  # a former office is no evidence against the present one; "MP" is a title whatever its tag
        'Former Cabinet minister Alan Pike said the bill was "largely pointless". But the Tory MP for '
        'Hexham admitted the law "needs some work".',
        ("partial", -1),
        "Alan Pike",
        "PERSON",
    ),
    (  # a description before the name, as a news lead has it
        'The post of chief judge should go to "the best candidate for the job", the courts minister has '
        'told MPs.\n\n"Nobody needs a law degree to run a department," said courts minister Paul Dent.',
        ("partial", 0),
        "Paul Dent",
        "PERSON",
    ),
    (  # an acronym that names no office is not a person's title
        'Runner Anna Kirby was cleared on Monday. But the IAAF said it was "very disappointed" by the verdict.',
        ("partial", -1),
        "IAAF",
        None,
    ),
]


@pytest.mark.parametrize("text,which,speaker,label", OFFICES)
def test_description_goes_to_a_person_whose_office_agrees(process, text, which, speaker, label):
    kind, index = which
    q = quotes(process(text), kind)[index]
    assert (q.speaker, q.speaker_label) == (speaker, label)
