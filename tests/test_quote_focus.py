"""Who "he", "she" and "the magazine" stand for in news writing: the subject a phrase opening the sentence
looks ahead to, a name in apposition to another that is only an aside, a story's person called by a
nationality or a description, someone unnamed who reports through a participle, the author of a document,
the outlet named with its noun, and the body "it" or "the government" stands for. Sentences written for
these tests in news style."""

import pytest


def direct(doc):
    return [q for q in doc._.quotes if q.kind == "direct"]


FOCUS = [
    # text, speaker of the last direct quote, its label
    (  # a possessive in a participle opening the sentence is the subject after it, not the person before
        "The council leader, Mark Stone, rejected the plan on Monday. Presenting his budget to the assembly, "
        "Mr Grant said spending on roads would rise. “We have no choice,” he said.",
        "Grant",
        "PERSON",
    ),
    (  # the same with a prepositional phrase opening the sentence
        "Opposition leader Carla Diaz called the vote a farce. In her reply to the chamber, Health Minister "
        "Ruth Adams said waiting lists had fallen. “Nurses have worked miracles this winter,” she said.",
        "Ruth Adams",
        "PERSON",
    ),
    (  # a name in parentheses after another name is an aside, not a second subject
        "Passengers faced delays all week. Peter Walsh, director of operations at Scottish Water (SW), said "
        "the old pipes had burst again. “Some of them were laid before the war,” he said.",
        "Peter Walsh",
        "PERSON",
    ),
    (  # "the American", subject of a main verb, is the story's person, and "she" after it too
        "Serena Cole beat Anna Petrova in the final on Sunday. The American had doubted Petrova's claim that "
        "she was injured before the match. “I never stopped believing,” she said.",
        "Serena Cole",
        "PERSON",
    ),
    (  # the subject of a main verb with a reporting participle said something: the next "he" is his
        "Mayor Colin Reed promised 500 more police officers on Monday. A Labour spokesman attacked the plan, "
        "saying it had not been costed. He said: “These promises cannot be paid for.”",
        "Labour spokesman",
        None,
    ),
    (  # nor a spokesman who declined to say something: the "he" after is the spokesman, not his master
        "Union leaders attacked the plan to raise the pension age. On Monday, Tony Blair's official spokesman "
        "declined to say whether the prime minister backed it. He said: “What matters is that there is a "
        "consultation going on.”",
        "Tony Blair's official spokesman",
        None,
    ),
    (  # the same with "refused to comment" and "she"
        "The chancellor, Gordon Brown, met union leaders on Monday. A Treasury spokeswoman refused to comment "
        "on the talks. She said: “These discussions are private.”",
        "Treasury spokeswoman",
        None,
    ),
    (  # "the" hung by the parser on a modifier still makes the description definite
        "Former champion Carl Hayes has criticised the new track in Rome. “The bends are far too tight,” the "
        "world 200m and 400m record holder told Radio Five.",
        "Carl Hayes",
        "PERSON",
    ),
    (  # an age used as a noun is the story's person, as "the runner" before it
        "Jenny Hart won the 1500m at the indoor meeting in Ghent. The Scottish runner set a personal best. "
        "“I have waited six years for this,” said the 26-year-old.",
        "Jenny Hart",
        "PERSON",
    ),
    (  # a document is never "he": the chairman quoted before it is
        "The audit found £40m of fraud in farm grants. The report said checks were too weak. Tom Hale, "
        "chairman of the public accounts committee, said the figures were alarming. \n\n“Every pound lost is "
        "a pound taken from the taxpayer,” he said.",
        "Tom Hale",
        "PERSON",
    ),
    (  # a quote after a sentence whose subject is a description with the person's name in apposition
        "Party members in the north are worried. His friend, Ruth Kerr, leader of the county group, blames "
        "one issue above all. “We lost good people over the war.”",
        "Ruth Kerr",
        "PERSON",
    ),
    (  # a report published by someone is their words
        "Mobile data prices keep falling. “Broadband on the move will cost half as much by 2008,” according "
        "to a report published by research firm Ovum.",
        "Ovum",
        "ORG",
    ),
    (  # but whoever commissioned a study did not write it
        "Traffic in the city centre keeps growing. “Journeys will take twice as long by 2015,” according to "
        "a study commissioned by Leeds City Council.",
        "study",
        None,
    ),
    (  # "the magazine" is the organisation the article introduced as a magazine, not whoever came since
        "The list was compiled by US magazine Rolling Stone. Veteran singer Paul Carr came tenth. "
        "“Carr proved there is life after sixty,” the magazine said.",
        "Rolling Stone",
        "ORG",
    ),
    (  # the same with "the" before the name
        "The interview first appeared in the weekly newspaper the Yorkshire Herald. Actor Tom Reilly later "
        "denied it. “We stand by every word of it,” the newspaper said.",
        "Yorkshire Herald",
        "ORG",
    ),
    (  # a noun after a name is someone of it, not the organisation: "the M&S spokesman" stays unnamed
        "Shares in Marks & Spencer fell 3% on Tuesday. “Trading has been difficult since Christmas,” the "
        "Marks & Spencer spokesman said.",
        "Marks & Spencer spokesman",
        None,
    ),
    (  # a pronoun that reports is none of the people its report names: "Tom Reed would …, he said" is not Reed's
        "Party chairman Alan Harper opened the campaign in Leeds on Monday. He said voters could not picture "
        "Liberal leader Simon Tate in Downing Street. They could, however, picture Tom Reed winning a fourth "
        "term. And Tom Reed would lead the campaign from the front, he said. “He will be out there every day, "
        "listening to voters,” he added.",
        "Alan Harper",
        "PERSON",
    ),
]


BODIES = [
    # text, speaker of the last direct quote, its label
    (  # "it" after a sentence whose subject is an organisation noun: that body, not the last one named
        "Mr Karim told BBC One he had been beaten by guards. The US government denied the claims, saying it "
        "condemned torture. In a statement, it said: “Every detainee is treated humanely.”",
        "US government",
        "ORG",
    ),
    (  # a bare "the government" is the one the article last placed
        "Shares in Vodafone rose 2% on Monday. The Indian government has approved the sale of the licence. "
        "“The deal is in the national interest,” the government said.",
        "Indian government",
        "ORG",
    ),
    (  # a firm is only based in a place: "the UK firm" is the company of the story
        "Shares in Cairn Energy rose 3.8% on Tuesday. The UK firm has found gas in northern India. “The find "
        "could be large,” the firm said.",
        "Cairn Energy",
        "ORG",
    ),
    (  # a government no place was given stays the government: not a firm or a party named before
        "Shares in Yukos fell 8% on Monday after the tax ruling. “The company owes the state billions,” the "
        "government said.",
        "government",
        None,
    ),
    (  # "it" is one body: not "some firms" of the sentence before
        "The TUC called for new laws on Monday. Some firms sack staff who raise safety concerns. “Workers "
        "who speak up need protection,” it said.",
        "TUC",
        "ORG",
    ),
]


@pytest.mark.parametrize("text,speaker,label", FOCUS + BODIES)
def test_speaker_in_focus(process, text, speaker, label):
    q = direct(process(text))[-1]
    assert (q.speaker, q.speaker_label) == (speaker, label)


REPORTERS = [
    # text, the reported words' first words, their speaker
    (  # a report before its comma: "Tom Reed was …, he said" is not Reed's
        "Campaign chief Alan Harper toured the north on Monday with the party leader, Tom Reed. Tom Reed was "
        "the only leader who could win the election, he said.",
        "Tom Reed was",
        "Alan Harper",
    ),
    (  # a report after its verb: "He said Tom Reed would …"
        "Party leader Tom Reed spoke in Leeds on Monday. His campaign chief, Alan Harper, spoke later. He said "
        "Tom Reed would visit every region before polling day.",
        "Tom Reed would",
        "Alan Harper",
    ),
    (  # a verb set inside the writer's own sentence, its nouns going on after it: the sentence is no report
        "Mayor Tom Reed has joined the Yes campaign. Mr Reed is a late recruit to the campaign after rejecting "
        "offers from rival groups including, he claims, Liberal leader Simon Tate.",
        "Mr Reed is",
        "Tom Reed",
    ),
    (  # a name after "a" is a kind of person, not the person
        "Tom Reed flew to Nairobi on Monday for a week-long tour of Africa. He believes it is time for the "
        "world to see a new Tom Reed.",
        "it is time",
        "Tom Reed",
    ),
]


@pytest.mark.parametrize("text,start,speaker", REPORTERS)
def test_a_reporting_pronoun_is_none_of_the_people_its_report_names(process, text, start, speaker):
    q = next(q for q in process(text)._.quotes if q.text.startswith(start))
    assert q.speaker == speaker
