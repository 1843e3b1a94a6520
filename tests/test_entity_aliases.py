"""One name per thing within an article (entities/persons.py, conjoined.py, variants.py): people the model
took for organisations, two names joined at "and", and an organisation's short forms and spellings; with the
sentences where nothing may change."""

import pytest


def names(nlp, text):
    return [(e.text, e.label, e.canonical) for e in nlp(text)._.entities if e.label in ("PERSON", "ORG")]


@pytest.mark.parametrize(
    "text, name",
    [
        # a person noun before the name
        ("Britain's Kelly Sotherton will race against heptathlon champion Carolina Kluft in Madrid on Sunday.",
         "Carolina Kluft"),
        # a title in apposition after it
        ("The ban was criticised by Gregory Ioannidis, lawyer for the two sprinters, on Monday.", "Gregory Ioannidis"),
        # ... with a possessor in the apposition
        ("Rodrigo de Rato, the IMF's managing director, said the loan agreement would be signed.", "Rodrigo de Rato"),
        # ... a kin noun, its possessor with an honorific
        ("The mill was sold to a group that included Viktor Pinchuk, Mr Kuchma's son-in-law, for $800m.",
         "Viktor Pinchuk"),
        # a list whose other items are people
        ("Milan named a defence of Stam, Paolo Maldini, Cafu and Alessandro Costacurta for the final.",
         "Alessandro Costacurta"),
        # a country's possessive, and a person joined by "and"
        ("Cameroon's Alain Masudi and Nigerian midfielder Edith Agoye have signed for the club.", "Alain Masudi"),
        # the one beaten or beaten by, in a contest
        ("The top seed suffered a surprise defeat to Taylor Dent in Memphis on Friday.", "Taylor Dent"),
        ("The defending champion lost to Elena Dementieva in three sets in Moscow.", "Elena Dementieva"),
        # a first name the lexicon only leans on ("Bernie"), and a title before it
        ("Telecoms boss Bernie Ebbers denied the charges in a New York court on Tuesday.", "Bernie Ebbers"),
        # initials: two cues (a person noun before, "he" in the surname's clause)
        ("Irish investor JP McManus has raised his stake in the club. McManus already owns 29% of the shares, and "
         "he may buy more.", "JP McManus"),
    ],
)
def test_person_taken_for_an_organisation(nlp, text, name):
    found = [(t, label) for t, label, _ in names(nlp, text) if t == name]
    assert found == [(name, "PERSON")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Shares in Morgan Stanley rose 2% after the bank reported record profits. Morgan Stanley said it would "
         "hire 500 staff.", "Morgan Stanley"),
        ("Sales at drugmaker Eli Lilly rose 9% in the quarter, Eli Lilly said on Tuesday.", "Eli Lilly"),
        # a list of studios is no list of people, whatever one of them is called
        ("Films from Paramount, Walt Disney, Miramax, Universal and Buena Vista will be offered on demand.",
         "Walt Disney"),
    ],
)
def test_firm_named_for_a_person_stays_a_firm(nlp, text, name):
    assert {label for t, label, _ in names(nlp, text) if t == name} == {"ORG"}


@pytest.mark.parametrize(
    "text, full, surname",
    [
        # the model cuts the name and takes the surname for a club
        ("Manchester City keeper Nicky Weaver made three fine saves. Weaver said the clean sheet was deserved.",
         "Nicky Weaver", "Weaver"),
        # a first name the lexicon does not know: two cues (a title before, "he" in the surname's clause)
        ("Portsmouth striker Lomana LuaLua scored the winner. LuaLua said he was pleased with his form.",
         "Lomana LuaLua", "LuaLua"),
    ],
)
def test_cut_or_unknown_names_are_one_person(nlp, text, full, surname):
    found = names(nlp, text)
    assert (full, "PERSON", full) in found
    assert (surname, "PERSON", full) in found


def test_surname_follows_the_full_name(nlp):
    text = ("Celtic won 3-0 at Broadwood. Stan Varga headed Celtic into the lead before half-time. "
            "Varga tapped in his second after the break.")
    found = names(nlp, text)
    assert ("Stan Varga", "PERSON", "Stan Varga") in found
    assert ("Varga", "PERSON", "Stan Varga") in found


@pytest.mark.parametrize(
    "text, parts",
    [
        ("Everton and Arsenal have both asked about the striker, and Arsenal are favourites.", ["Everton", "Arsenal"]),
        ("The websites Apple Insider and Think Secret reported the plan. Apple Insider said the device would cost "
         "$499, while Think Secret put it at $549.", ["Apple Insider", "Think Secret"]),
        ("Henry's move from Arsenal to Real Madrid is off, Arsenal said.", ["Arsenal", "Real Madrid"]),
        ("Rivals such as Dell and Hewlett-Packard have cut their prices. Dell said it would cut 1,000 jobs.",
         ["Hewlett-Packard"]),
        ("The firm sold two clothing brands, Silver Fern and Urban Tide, to a rival last year.",
         ["Silver Fern", "Urban Tide"]),
        # "of" before the "and", but the second part repeats the first's words up to it
        ("Officials from the Duchy of Lancaster and Duchy of Cornwall will appear before MPs on Monday.",
         ["Duchy of Lancaster", "Duchy of Cornwall"]),
    ],
)
def test_two_names_joined_are_split(nlp, text, parts):
    doc = nlp(text)
    found = doc._.entities
    assert all(" and " not in e.text and " to " not in e.text for e in found)
    assert set(parts) <= {e.text for e in found if e.label == "ORG"}
    assert all(doc.text[e.start:e.end] == e.text for e in found)


def test_station_cut_after_radio_is_one_name(nlp):
    text = "The Arsenal manager told BBC Radio Five Live that the title race was over."
    doc = nlp(text)
    found = [(e.text, e.label) for e in doc._.entities]
    assert ("BBC Radio Five Live", "ORG") in found
    assert all(doc.text[e.start:e.end] == e.text for e in doc._.entities)


@pytest.mark.parametrize(
    "text, whole",
    [
        ("Shares in Procter and Gamble rose after the deal. Procter and Gamble makes Pampers nappies.",
         "Procter and Gamble"),
        ("Johnson & Johnson said sales rose, and Johnson & Johnson shares climbed.", "Johnson & Johnson"),
        ("The Securities and Exchange Commission is looking into the deal.", "Securities and Exchange Commission"),
        ("The Department of Trade and Industry said exports rose in March.", "Department of Trade and Industry"),
        # a plural noun before, but an organisation's word ends the name and the article writes its initials
        ("Indian firms Oil and Natural Gas Corporation (ONGC) and Gail will bid. ONGC said it would pay cash.",
         "Oil and Natural Gas Corporation"),
    ],
)
def test_names_with_and_inside_stay_whole(nlp, text, whole):
    assert whole in {t for t, label, _ in names(nlp, text) if label == "ORG"}


@pytest.mark.parametrize(
    "text, mention, canonical",
    [
        ("Manchester United beat Arsenal 2-0 at Old Trafford on Sunday. United have now won five games in a row, "
         "and Man Utd fans were delighted.", "Man Utd", "Manchester United"),
        ("The US Customs Service seized the goods at the port. US Customs said the fakes were worth $2m.",
         "US Customs", "US Customs Service"),
        ("The Asian Football Federation fined the club on Monday. The Federation said it would not accept an "
         "appeal.", "Federation", "Asian Football Federation"),
        ("MG Rover is in talks with Shanghai Automotive. Rover said a deal was close.", "Rover", "MG Rover"),
        ("Rolls-Royce said demand was strong. Buyers in China ordered 40 Rolls-Royces last year.", "Rolls-Royces",
         "Rolls-Royce"),
        ("Time Warner said profits rose. Shares in TimeWarner rose 2%, and TimeWarner's chief executive was "
         "pleased.", "Time Warner", "TimeWarner"),
    ],
)
def test_short_forms_and_spellings_take_the_full_name(nlp, text, mention, canonical):
    assert (mention, "ORG", canonical) in names(nlp, text)


@pytest.mark.parametrize(
    "text, mention",
    [
        # "The Times" is its own paper
        ("The Financial Times reported the deal first, while The Times said talks had stalled.", "Times"),
        # the only "full name" is the model's span after a clock time
        ("Shares in the cruise firm fell. By 1400 GMT Carnival shares were 2% lower, and Carnival said it would "
         "add ships.", "Carnival"),
        # two Uniteds: the short form fits neither
        ("Manchester United drew with Newcastle United on Saturday. United face Chelsea in the Cup next week.",
         "United"),
    ],
)
def test_short_form_that_fits_no_one_name_stays(nlp, text, mention):
    assert all(c == mention for t, _, c in names(nlp, text) if t == mention)


def test_a_short_form_written_before_the_longer_name_is_its_own(process):
    """"General Motors" long before "General Motors Acceptance Corp" is the parent, not its finance arm."""
    doc = process("General Motors warned on profits. GM said costs rose.\n\n"
                  "It is extending the reach of General Motors Acceptance Corp (GMAC), its lending arm. "
                  "GMAC did well, but General Motors said it will do less well this year.")
    assert {e.canonical for e in doc._.entities if e.text in ("GM", "General Motors")} == {"General Motors"}


@pytest.mark.parametrize("text, mention, canonical", [
    ("Most regions grew in December, the US Federal Reserve said. The Fed said prices rose.",
     "US Federal Reserve", "Federal Reserve"),
    ("The US Department of Justice sued the firm. The Justice Department said it would appeal.",
     "US Department of Justice", "Department of Justice"),
])
def test_a_country_before_a_body_of_the_tables_is_that_body(process, text, mention, canonical):
    doc = process(text)
    assert {e.canonical for e in doc._.entities if e.label == "ORG"} == {canonical}
    assert any(e.text == mention for e in doc._.entities)
