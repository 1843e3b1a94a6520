"""Entity labels from layout (results tables, entities/tables.py) and from agreement (entities/cues.py)."""

import pytest


def labels(nlp, text):
    return {(e.text, e.label) for e in nlp(text)._.entities}


@pytest.mark.parametrize(
    "text, expected",
    [
        # fixtures and results: a name before a score is a side, a club is an organisation
        ("Results of English third division matches on Saturday:\nTorquay 3 Barnet 1\nHereford 0 Lincoln 2\n"
         "Wycombe 1 Rochdale 1", {("Torquay", "ORG"), ("Barnet", "ORG"), ("Hereford", "ORG"), ("Lincoln", "ORG")}),
        # a standings table, one team a line, a two-word team with "of" inside
        ("Standings after Saturday's games:\nQueen of South 4 3 1 0 9 2 10\nAlloa 4 2 1 1 6 4 7\n"
         "Kilmarnock 4 0 1 3 2 9 1", {("Queen of South", "ORG"), ("Alloa", "ORG"), ("Kilmarnock", "ORG")}),
        # baseball standings in capitals: cities that name teams
        ("American League standings:\nDENVER 70 62 .530 -\nPORTLAND 66 66 .500 4\nAUSTIN 61 71 .462 9",
         {("DENVER", "ORG"), ("PORTLAND", "ORG"), ("AUSTIN", "ORG")}),
        # countries in a results line are national sides, which stay places
        ("World Cup qualifier results on Sunday:\nNorway 3 Hungary 0\nFinland 1 Austria 1",
         {("Norway", "GPE"), ("Hungary", "GPE"), ("Finland", "GPE"), ("Austria", "GPE")}),
        # a competitor with the country they represent, a time after: people, even with a hyphen
        ("Women's 1,500 metres final:\n1. Maria Lindqvist ( Sweden ) 4:05.12\n2. Anne-Sophie Marchal ( France ) "
         "4:06.40\n3. Teodora Ilic ( Serbia ) 4:07.91",
         {("Maria Lindqvist", "PERSON"), ("Anne-Sophie Marchal", "PERSON"), ("Teodora Ilic", "PERSON")}),
        # a cricket card: initials and bowling figures are players, the counties are teams
        ("Cardiff : Glamorgan 312 ( R. Pemberton 88 , K. Alvarez 54 ) , Dorset 140-6 .\n"
         "Bowling : Hartley 9-2-31-3 , Pemberton 7-0-40-1 .",
         {("Glamorgan", "ORG"), ("R. Pemberton", "PERSON"), ("K. Alvarez", "PERSON"), ("Dorset", "ORG"),
          ("Hartley", "PERSON")}),
        # a golf leaderboard: "Firstname Surname" rows are people
        ("Leading scores after the third round:\n204 Michael Harlow 68 67 69\n206 Peter Lindgren ( Sweden ) 70 68 68\n"
         "207 David Ocampo 69 70 68",
         {("Michael Harlow", "PERSON"), ("Peter Lindgren", "PERSON"), ("David Ocampo", "PERSON")}),
        # a fixture list: names joined by one "v" and by "or", each a side, and the prose takes the label
        ("The draw for the fourth round was made on Sunday. Yeovil will be away to Charlton.\n\nCharlton v Yeovil\n\n"
         "Burnley or Liverpool v Bournemouth\n\nWest Ham v Sheff Utd",
         {("Charlton", "ORG"), ("Yeovil", "ORG"), ("Liverpool", "ORG"), ("Bournemouth", "ORG"), ("Sheff Utd", "ORG")}),
        # national sides stay places, and players the article names in full stay people
        ("Andy Reid and Tim Carr meet in the semi-final.\n\nFrance v Wales\n\nReid v Carr",
         {("France", "GPE"), ("Wales", "GPE"), ("Reid", "PERSON"), ("Carr", "PERSON")}),
    ],
)
def test_results_table_sides(nlp, text, expected):
    assert expected <= labels(nlp, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # figures in a company table are no scores
        ("Half-year results (in millions of euros):\nNet 415 million 490 million\nSales 9.06 9.31 8.42",
         {"Net", "Sales"}),
        # a dateline with a date is no results line
        ("OSLO 1996-08-30\nThe central bank held rates on Friday.", {("OSLO", "ORG")}),
        # an ALL-CAPS headline with a score: its verb is no team
        ("SOCCER - NORWAY BEAT HUNGARY 3-0 IN QUALIFIER .\nNorway beat Hungary 3-0 on Sunday.",
         {"NORWAY BEAT HUNGARY", ("NORWAY BEAT HUNGARY", "ORG")}),
        # prose with numbers is no table
        ("Kent had reached 108 for three by stumps , with Walker on 41 .", {("Walker", "ORG")}),
        # a line with more than names and "v" is no fixture
        ("Smith v Jones was a famous case in the courts.\nThe judge Tom Smith ruled on Monday.", {("Smith", "ORG")}),
        # the labels of a wire results table's rows (entities/ledgers.py), the first after the dateline's dash
        ("DALLAS, March 2 - Oper shr loss three cts vs profit 27 cts\n\nOper net loss 178,000 vs profit 4,165,000"
         "\n\nSales 783.7 mln vs 464.6 mln\n\nAvg shrs 25.3 mln vs 10.3 mln\n\nYear\n\nAvg shrs diluted 24.5 mln vs "
         "10.2 mln", {"Avg", "Oper", "Sales", "Avg shrs"}),
    ],
)
def test_not_a_table(nlp, text, absent):
    found = labels(nlp, text)
    texts = {t for t, _ in found}
    for item in absent:
        assert (item not in found) if isinstance(item, tuple) else (item not in texts)


def test_a_side_named_after_vs_is_no_results_row(nlp):
    assert {("Chelsea", "ORG"), ("Arsenal", "ORG")} <= labels(nlp, "Final score:\nChelsea 2 vs Arsenal 1")


def test_table_label_spreads_to_the_article(nlp):
    """A county named as a side in the results line is a team in the report above it too."""
    text = ("Yorkshire took control on the second day at Scarborough .\n"
            "Yorkshire 398 ( B. Tanner 120 ) , Dorset 201-7 .")
    found = [(e.text, e.label) for e in nlp(text)._.entities if e.text == "Yorkshire"]
    assert found == [("Yorkshire", "ORG"), ("Yorkshire", "ORG")]


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a singular name with a plural verb is a group: a team, whatever the model thought
        ("Galatasaray have won all four of their league games this season.", "Galatasaray", "ORG"),
        ("Leeds were beaten 2-0 at home on Saturday and Leeds manager Howard Wilkinson said he was disappointed.",
         "Leeds", "ORG"),
        # a singular verb, or a country (a national side stays a place), leaves the label alone
        ("Leeds has become one of the fastest-growing cities in northern England.", "Leeds", "GPE"),
        ("Norway were held to a goalless draw by Hungary in Oslo.", "Norway", "GPE"),
        # two people joined by "and" agree as a pair
        ("Michael Carter and Jones were arrested in Leeds on Friday.", "Jones", "PERSON"),
        # a plural name after "the" is a group: a band is no person
        ("The label was set up by the Beatles in 1968 to manage their affairs.", "Beatles", "ORG"),
        ("The publisher is locked in a royalty dispute with the Kinks over the early recordings.", "Kinks", "ORG"),
        # the singular of such a group's name, as the model's "person", is the group too
        ("The Lib Dems are asking the watchdog to act. Lib Dem chairman Matthew Taylor wrote to it on Monday.",
         "Lib Dem", "ORG"),
        # but a family's name is no group's: "President Clinton" beside "the Clintons"
        ("President Clinton spoke in Ohio on Monday. The scandal could yet damage the Clintons, aides said.",
         "Clinton", "PERSON"),
    ],
)
def test_plural_agreement_makes_a_group(nlp, text, name, label):
    found = {e.label for e in nlp(text)._.entities if e.text == name}
    assert found == {label}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a list of names is one kind of thing: the odd one out takes the label most of it has
        ("The team is Tom Baxter, Alan Reeve, Marsh and Peter Collins.", "Marsh", "PERSON"),
        # a split list (two against two) is left as the model had it
        ("Nokia, Ericsson, Siemens and Alcatel are bidding for the contract.", "Siemens", "ORG"),
        # "A and B, the C" is an apposition, not a list of three
        ("The Commission wrote to Vodafone and O2, Britain's other big operator, on Monday.", "Vodafone", "ORG"),
    ],
)
def test_listed_names_share_a_label(nlp, text, name, label):
    assert {e.label for e in nlp(text)._.entities if e.text == name} == {label}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a one-word "person" right before a role and a full name is the body the role belongs to
        ("Vestalia CEO Martin Holm told reporters the plant would close. Vestalia said sales fell.",
         "Vestalia", "ORG"),
        # a person named in full keeps their label
        ("Ann Whitlow said on Monday that Whitlow spokesman Tom Reyes would speak for her.", "Whitlow", "PERSON"),
        # a name of more words with no first name, before an office and its holder: a party, a club, a firm
        ("Lib Dem leader Charles Kennedy will visit Leeds on Monday to launch the campaign.", "Lib Dem", "ORG"),
        # a first name makes it a person ("Harry Potter star X" stays what the model and the works say)
        ("Ann Whitlow said on Monday that Ann Whitlow adviser Tom Reyes would speak for her.", "Ann Whitlow",
         "PERSON"),
    ],
)
def test_role_owner_is_an_organisation(nlp, text, name, label):
    assert {e.label for e in nlp(text)._.entities if e.text == name} == {label}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a place noun in the frame says what the name is, for every mention in the article
        ("Kelvik is a small town on the coast. Rebels shelled Kelvik on Monday, and Kelvik said it needed help.",
         "Kelvik", "GPE"),
        ("Fighting spread to the mountain village of Tarkhanli, officials said. Tarkhanli had been quiet, "
         "and Tarkhanli elders asked for help.", "Tarkhanli", "GPE"),
        ("Aid reached the island of Vessa on Friday. Vessa has no airport and Vessa relies on ferries.",
         "Vessa", "LOC"),
        # an age in apposition is a person's
        ("Kovacs , 34 , told reporters she would appeal. Kovacs lost the case in May. Kovacs plans to fight on.",
         "Kovacs", "PERSON"),
    ],
)
def test_kind_frames(nlp, text, name, label):
    assert {e.label for e in nlp(text)._.entities if e.text == name} == {label}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a first name the model took for a country or a thing stays on the person's name
        ("Chad Pennock singled home the winning run in the ninth inning on Tuesday.", "Chad Pennock", "PERSON"),
        # an ordinal that begins an organisation's name is part of it
        ("Analysts at First Meridian Corp. expect rates to rise.", "First Meridian Corp.", "ORG"),
        # an organisation word after "of" is no place, whatever the noun before it
        ("The stock capital of Harvel Inc tripled in 2004 and Harvel Inc shares rose.", "Harvel Inc", "ORG"),
    ],
)
def test_span_edges(nlp, text, name, label):
    assert {e.label for e in nlp(text)._.entities if e.text == name} == {label}


@pytest.mark.parametrize(
    "text, names",
    [
        # a first name from the lexicon and a capitalised surname: a person the model missed
        ("Ireland: Shay Given, Gary Breen, Kobus Wiese and Jeff Wilson.", {"Shay Given", "Kobus Wiese"}),
        ("The visitors brought on Shane Bortsch for the last ten minutes.", {"Shane Bortsch"}),
    ],
)
def test_first_name_and_surname_is_a_person(nlp, text, names):
    people = {e.text for e in nlp(text)._.entities if e.label == "PERSON"}
    assert names <= people


@pytest.mark.parametrize(
    "text, name",
    [
        # a title, a month, a table place or a place's head word is no first name and surname
        ("General Director Ivan Petrov said the plant would reopen.", "General Director"),
        ("Sales rose in June Monday said nothing about that.", "June Monday"),
        ("The match was played at Grace Road in Leicester.", "Grace Road"),
        ("Talks in Paris France said little about were held on Monday.", "Paris France"),
        # a determiner or a possessive before the pair: a thing named for someone
        ("The new scanner is quite a Heath Robinson affair, engineers admitted.", "Heath Robinson"),
        ("The couple drove their Morris Minor to the rally in Devon.", "Morris Minor"),
    ],
)
def test_not_a_first_name_and_surname(nlp, text, name):
    assert not [e for e in nlp(text)._.entities if e.text == name and e.label == "PERSON"]


def test_german_is_no_first_name_before_a_name(nlp):
    """A nationality before a name is no first name, even when the lexicon has it as one."""
    doc = nlp("The German Boerse said it would bid for the London exchange.")
    assert not [e for e in doc._.entities if e.text == "German Boerse" and e.label == "PERSON"]


MATCH_REPORT = (
    "Chelsea stayed top after a 2-1 win at Highbury. Didier Drogba scored early and John Terry headed the "
    "winner before Scott Parker came on.\n"
    "Arsenal: Lehmann, Lauren, Campbell, Cole, Vieira, Pires (Reyes 70), Bergkamp, Henry.\n"
    "Chelsea: Cech, Ferreira, Terry, Gallas, Makelele, Lampard, Duff (Parker 77), Drogba (Kezman 85).\n"
    "Goals: Drogba 12, Terry 81; Henry 40.\n"
)


@pytest.mark.parametrize("name", ["Terry", "Drogba", "Parker", "Kezman", "Reyes"])
def test_minutes_in_a_match_report_make_no_team(nlp, name):
    """A substitute's minute in brackets and a scorer's minute are no score: the player is no team, and a
    scorer the article names in full is that person."""
    found = labels(nlp, MATCH_REPORT)
    assert (name, "ORG") not in found, sorted(found)


@pytest.mark.parametrize("name", ["Terry", "Drogba"])
def test_a_scorer_named_in_full_is_that_person(nlp, name):
    found = labels(nlp, MATCH_REPORT)
    assert (name, "PERSON") in found, sorted(found)
