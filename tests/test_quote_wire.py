"""Wire-style attributions: a firm named after a dateline, "the company said" and "it said" for the firm
that has been speaking, "the department said" for the fuller description a speaker had before, a
statement from an organisation's meeting, a content the parser ran over its own attribution, questions
put to a speaker, capitalised verbs inside names and relative clauses whose subject is the noun they hang
from. Sentences written for these tests in news style."""

import pytest


def indirect(doc):
    return [q for q in doc._.quotes if q.kind == "indirect"]


SPEAKERS = [
    # text, [(start of the content, speaker)]
    (  # the parser hangs the firm from the dateline's place: the firm said it, not the town
        "DENVER, March 2 - Brandt Mining Co said it has arranged a loan to reopen its copper mine.",
        [("it has arranged", "Brandt Mining Co")],
    ),
    (  # wire copy's brackets round a firm not listed on an exchange are no speaker
        "TORONTO, March 2 - <Halden Gold Mining Corp> said it agreed to issue 7.8 mln shares.",
        [("it agreed to issue", "Halden Gold Mining Corp")],
    ),
    (
        "PORTLAND, Ore., March 2 - Halcot Freight Lines Inc said it filed a plan with the Interstate "
        "Commerce Commission covering new routes.\n\nThe company said it expects the routes to open in May."
        "\n\nIt said the cost will be about five mln dlrs.",
        [
            ("it filed a plan", "Halcot Freight Lines Inc"),
            ("it expects the routes", "Halcot Freight Lines Inc"),
            ("the cost will be", "Halcot Freight Lines Inc"),
        ],
    ),
    (  # a firm's class noun that names its trade ("the automaker", "the utility") is the firm reporting
        "DETROIT, March 4 - Halvern Motor Co said its sales of U.S.-made cars rose 12 pct in late February."
        "\n\nThe automaker said it sold 41,200 domestic cars in the period.",
        [("its sales of", "Halvern Motor Co"), ("it sold 41,200", "Halvern Motor Co")],
    ),
    (  # "it said" after a report that named another firm as a subject: the firm reporting
        "Norland Steel Corp said it has sold its wire unit. The company said Chicago bank Harris and Lowe "
        "has arranged 40 mln dlrs in loans. It said it expects to close two plants this year.",
        [("it expects to close", "Norland Steel Corp")],
    ),
    (  # and "the company said" two reports on: not the bank its first report named
        "Norland Steel Corp said it has sold its wire unit.\n\nThe company said Chicago bank Harris and Lowe "
        "has arranged 40 mln dlrs in loans.\n\nIt said it expects to close two plants this year.\n\nThe "
        "company said it has also hired Keller Engineers Ltd of Ontario to run the mill.",
        [("it has also hired", "Norland Steel Corp")],
    ),
    (  # "the department", "the official": the fuller description the same noun headed as a speaker before
        "Factory output fell 2 pct in May, the Labor department said. The department said exports rose 3 pct. "
        "A Board of Trade official said the pact was unfair. The official said talks would resume.",
        [("exports rose", "Labor department"), ("talks would resume", "Board of Trade official")],
    ),
    (  # a statement from an organisation's meeting is the organisation's
        "Health experts called for a campaign to wipe out the disease, a statement from a World Health "
        "Organisation meeting in Geneva said. A statement from the Halcot Motors board said profits would fall.",
        [("Health experts", "World Health Organization"), ("profits would fall", "Halcot Motors")],
    ),
    (  # "the company" is the firm that spoke, not a commission named between its statements
        "Delmar Foods Inc said it agreed to buy a bakery chain for 40 mln dlrs. The Federal Trade Commission "
        "must approve the sale. The company said it expects to close the deal in June.",
        [("it expects to close", "Delmar Foods Inc")],
    ),
    (  # nor a firm that is the subject of a relative clause in between
        "Delmar Foods Inc said it agreed to buy a bakery chain from Kessler Group for 40 mln dlrs.\n\nRegulators "
        "must approve the sale, which Kessler Group has backed.\n\nThe company said it expects to close the "
        "deal in June.",
        [("it expects to close", "Delmar Foods Inc")],
    ),
    (  # a firm the model does not tag, named with an organisation noun
        "CHICAGO, March 2 - Blue Heron Inns Limited Partnership said it filed a registration statement with "
        "the Securities and Exchange Commission covering a proposed offering of units.\n\nThe company said "
        "it expects the offering to be priced at 20 dlrs a unit.",
        [("it filed", "Blue Heron Inns Limited Partnership"),
         ("it expects the offering", "Blue Heron Inns Limited Partnership")],
    ),
]


@pytest.mark.parametrize("text,expected", SPEAKERS)
def test_wire_speakers(process, text, expected):
    quotes = indirect(process(text))
    for start, speaker in expected:
        quote = next((q for q in quotes if q.text.startswith(start)), None)
        assert quote is not None, (start, [q.text for q in quotes])
        assert quote.speaker == speaker


ENDS = [
    # text, the reported content
    (  # the parser put the attribution inside the clause it reports
        "Brandt Mining Co is issuing a 50 mln dlr eurobond due 1992 priced at 101 pct, lead manager "
        "Baring Hale and Co Ltd said.",
        "Brandt Mining Co is issuing a 50 mln dlr eurobond due 1992 priced at 101 pct",
    ),
]


@pytest.mark.parametrize("text,content", ENDS)
def test_content_ends_before_its_attribution(process, text, content):
    assert [q.text for q in indirect(process(text))] == [content]


NOT_REPORTS = [
    # text, contents that must not be reported speech
    (  # the question was put to him: he did not ask it
        "The board has not decided, said Peter Grant, the bank's treasurer, when asked if Northfield would "
        "go ahead with the sale.",
        ["if Northfield would go ahead with the sale"],
    ),
    ("Asked why the plan had failed, Jane Moss said the funds ran out.", ["why the plan had failed"]),
    ("Asked whether she would stand again, Ms Moss said she had not decided.",
     ["whether she would stand again"]),
    (  # a verb of a campaign's name is no report
        "Ms Reed, who runs the rival Scotland Says Yes group, said the vote was lost.",
        ["said the vote was lost"],
    ),
    (  # the clause's subject is the noun the relative hangs from: a fragment, not a statement
        "The mayor said he hoped for a big turnout, something he says will help the bid.",
        ["will help the bid"],
    ),
    (  # a participle with its agent ("agreed by ministers") reports nothing, however the model parses it
        "The 2 billion euro rescue package of loans and guarantees agreed late on Sunday by euro zone finance "
        "ministers includes a plan to recapitalise banks, EU sources said.",
        ["euro zone finance ministers includes a plan to recapitalise banks", "includes a plan to recapitalise banks"],
    ),
]


CONDITIONS = [
    # text, the reported content: "if" after "said" opens a condition of what was said, not a question
    ("Mr Hale said, if in power, he would scrap the tax.", "if in power, he would scrap the tax"),
]


@pytest.mark.parametrize("text,content", CONDITIONS)
def test_a_condition_is_no_question(process, text, content):
    assert content in [q.text for q in indirect(process(text))]


@pytest.mark.parametrize("text,wrong", NOT_REPORTS)
def test_questions_names_and_relatives_are_not_reports(process, text, wrong):
    contents = [q.text for q in indirect(process(text))]
    assert not set(contents) & set(wrong), contents


NAMED_BEFORE = [
    # text, the content "it said" reports, its speaker: a firm the model took for a person is still what "it"
    # stands for (no first name, no he or she), as is a name it left untagged
    ("Grainex Coal said its losses had deepened in 2004. Higher costs at its deep pits were to blame, it said.",
     "Higher costs at its deep pits were to blame", "Grainex Coal"),
    ('"Claims were the heaviest in a decade," said Hanover Re. Storms in the north were mostly to blame, it said.',
     "Storms in the north were mostly to blame", "Hanover Re"),
]


@pytest.mark.parametrize("text,content,speaker", NAMED_BEFORE)
def test_it_said_takes_up_the_name_that_spoke(process, text, content, speaker):
    quote = next(q for q in indirect(process(text)) if q.text == content)
    assert quote.speaker == speaker


OWN_REPORT = [
    # text, the content "they" report, the speaker: the group named before, not a noun inside those words
    ("Dock workers warned of delays at the port on Monday. The strike will cost shippers millions and the "
     "unions fear job losses, they said.",
     "The strike will cost shippers millions and the unions fear job losses", "Dock workers"),
    (  # no group named before: the words they report name them
        '"Viewers deserve better pictures," said Anna Roth, head of the broadcasters\' group. The set makers want us '
        "to buy screens of at least 50in to see the full effect, they say, although smaller sets will do.",
        "The set makers want us to buy screens", "set makers"),
]


@pytest.mark.parametrize("text,content,speaker", OWN_REPORT)
def test_they_is_not_a_noun_of_what_they_report(process, text, content, speaker):
    quote = next(q for q in indirect(process(text)) if q.text.startswith(content))
    assert quote.speaker == speaker


EVIDENCE = [
    # text, the contents that are reported speech: a thing that "suggests" shows, a person who does speaks
    ("Official figures suggested that unemployment rose in the spring, while the theory suggests that demand "
     "will recover.", []),
    ("Recent reports suggested the striker would leave the club in January.", []),
    ("The minister suggested that the tax would be cut next year.", ["the tax would be cut next year"]),
    ("A survey by the pollster Brightline suggested that most voters back the plan.", ["most voters back the plan"]),
    # a named author before the noun: the body's own figures, its poll
    ("Eurostat figures suggested that unemployment rose in the spring.", ["unemployment rose in the spring"]),
    ("The Mercer Institute's latest survey suggests that most workers want shorter weeks.",
     ["most workers want shorter weeks"]),
    # or after it, in the same phrase
    ("Research carried out by the Halden Trust suggests that nurses leave within five years.",
     ["nurses leave within five years"]),
    ("Figures compiled by Norland Bank revealed that house prices fell in May.", ["house prices fell in May"]),
]


@pytest.mark.parametrize("text,contents", EVIDENCE)
def test_evidence_is_no_reported_speech(process, text, contents):
    assert [q.text for q in indirect(process(text))] == contents


@pytest.mark.parametrize("text,speaker", [
    ("Figures compiled by Norland Bank revealed that house prices fell in May.", "Norland Bank"),
    ("Data collected by Amazon suggest that readers prefer paperbacks.", "Amazon"),
])
def test_evidence_speaks_for_the_author_its_phrase_names(process, text, speaker):
    assert [q.speaker for q in indirect(process(text))] == [speaker]
