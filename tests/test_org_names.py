"""Organisation names: inner "and", acronyms and legal forms bound to the full name, camel-case names."""

import pytest


def named(doc, text):
    return [e for e in doc._.entities if e.text == text]


@pytest.mark.parametrize("text, full, short", [
    # the model cuts the name at "and" into two ORGs; the acronym the article uses joins them
    ("Officials of the Korea Aerospace and Marine Company (KAMC) met on Monday. KAMC shares rose.",
     "Korea Aerospace and Marine Company", "KAMC"),
    # an acronym anywhere in the article, of the name without its legal form
    ("Shares of Nordic Shipping and Logistics Corporation rose on Monday. NSL said profits doubled.",
     "Nordic Shipping and Logistics Corporation", "NSL"),
    # an acronym with a legal form of its own
    ("The Korea Aerospace and Marine Company said profits rose. KAMC Co. shares gained 3 percent in Seoul.",
     "Korea Aerospace and Marine Company", "KAMC Co."),
    # a short form of a two-word name whose second word is also a portfolio ("energy minister")
    ("Shares in Harcourt Energy jumped 6% on Monday. Harcourt said its new field was larger than thought.",
     "Harcourt Energy", "Harcourt"),
    # a short form of a two-word name with a legal form
    ("Lockheed Martin Corp. won the contract on Friday. Lockheed said the first jets would fly in 2012.",
     "Lockheed Martin Corp.", "Lockheed"),
    # the head word of "X of Y" after the full name
    ("The Reserve Bank of Fiji held its rate at 2%. Economists said the Bank would wait until March.",
     "Reserve Bank of Fiji", "Bank"),
    ("The Office for Rail Regulation fined the operator. The Office said the fine was the largest yet.",
     "Office for Rail Regulation", "Office"),
    # ... at the head of a quote, where "The" opens the sentence
    ("The European Commission dropped its case against France. \"The Commission has lost its nerve,\" "
     "an MEP said.", "European Commission", "Commission"),
])


def test_short_forms_take_the_full_organisation_name(process, text, full, short):
    doc = process(text)
    assert named(doc, full), [(e.text, e.label) for e in doc._.entities]
    hits = named(doc, short)
    assert hits and all(e.canonical == full and e.label == "ORG" for e in hits), \
        [(e.text, e.label, e.canonical) for e in doc._.entities]


def test_a_head_word_two_names_share_links_to_neither(process):
    doc = process("The Bank of England met the World Bank on Monday. The Bank said rates would stay on hold.")
    hits = named(doc, "Bank")
    assert hits and all(e.canonical == "Bank" for e in hits), [(e.text, e.canonical) for e in doc._.entities]


@pytest.mark.parametrize("text, body, person", [
    # a body named for its leader is no person's full name, and the leader is no short form of it
    ("President Bush will send his budget to Congress. Mr Cheney called it the toughest of the Bush Presidency. "
     "President Bush's plans would raise defence spending.", "Bush Presidency", "Bush"),
    ("The Blair Government has promised reform. Tony Blair said so on Monday. Mr Blair was firm.",
     "Blair Government", "Blair"),
])
def test_a_leaders_government_is_a_body_and_the_leader_stays_a_person(process, text, body, person):
    doc = process(text)
    assert {e.label for e in named(doc, body)} == {"ORG"}, [(e.text, e.label) for e in doc._.entities]
    hits = named(doc, person)
    assert hits and all(e.label == "PERSON" and e.canonical != body for e in hits), \
        [(e.text, e.label, e.canonical) for e in doc._.entities]


@pytest.mark.parametrize("text, first, second", [
    ("Northrop Grumman and Lockheed Martin Corp. bid for the tanker contract on Monday.",
     "Northrop Grumman", "Lockheed Martin Corp."),
    ("The Ford Motor and General Motors Company plants in Michigan closed on Friday.",
     "Ford Motor", "General Motors Company"),
])
def test_two_organisations_joined_by_and_stay_two(process, text, first, second):
    doc = process(text)
    assert named(doc, first) and named(doc, second), [(e.text, e.label) for e in doc._.entities]


def test_camel_case_names_are_found_again(process):
    doc = process("SkyWest Airlines took delivery of two jets on Tuesday .\n"
                  "`` SkyWest Airlines thanks the engineers who built them , '' a spokesman said .")
    hits = named(doc, "SkyWest Airlines")
    assert len(hits) == 2 and all(e.label == "ORG" for e in hits), [(e.text, e.label) for e in doc._.entities]


def test_an_opening_quote_is_no_part_of_a_name(process):
    doc = process("JetBlue Airways said on Monday it would add flights to Boston .\n"
                  "`` JetBlue Airways is proud of its crews , '' he said .")
    assert all("`" not in e.text and "`" not in e.canonical for e in doc._.entities)
    assert len(named(doc, "JetBlue Airways")) == 2


@pytest.mark.parametrize("text, airline", [
    ("Investigators said Air France Flight 447 stalled before it fell into the Atlantic.", "Air France"),
    ("The crash of Colgan Air Flight 3407 near Buffalo killed 50 people.", "Colgan Air"),
])
def test_an_airline_is_not_its_flight(process, text, airline):
    doc = process(text)
    hits = [e for e in doc._.entities if e.label == "ORG"]
    assert [e.text for e in hits] == [airline] and hits[0].canonical == airline, \
        [(e.text, e.label, e.canonical) for e in doc._.entities]


def test_an_airline_that_runs_a_flight_is_an_organisation_all_through(process):
    doc = process("Two crashes this year, the loss of Garuda Indonesia Flight 200 among them, led to the ban.\n"
                  "The president flies on a plane of the national flag carrier Garuda Indonesia.")
    hits = [e for e in doc._.entities if e.text == "Garuda Indonesia"]
    assert len(hits) == 2 and all(e.label == "ORG" for e in hits), [(e.text, e.label) for e in doc._.entities]


@pytest.mark.parametrize("ours, gold, same", [
    ("EADS N.V.", "EADS", True),
    ("Aer Lingus Group PLC", "Aer Lingus", True),
    ("China Southern Airlines", "China Southern Airlines Company Limited", True),
    ("Apple Computer", "Apple Inc.", False),
    ("Air China", "China", False),
])
def test_meantime_compares_organisations_without_their_legal_forms(ours, gold, same):
    from newsfacts.eval.meantime import normalize
    assert (normalize(ours, "ORG") == normalize(gold, "ORG")) is same


@pytest.mark.parametrize("name, first, last", [
    ("Michael O' Leary", "michael", "o'leary"),  # a spaced apostrophe, as tokenized text has it
    ("O'Leary", "", "o'leary"),
    ("Mr. Trump", "", "trump"),  # a surname alone, with its honorific
    ("Vincent van Gogh", "vincent", "van gogh"),
    ("Martin Luther King Jr.", "martin", "king"),
])
def test_speakers_and_entities_read_a_name_alike(name, first, last):
    from newsfacts.namematch import parse
    from newsfacts.quotes.people import parse_name
    parsed = parse_name(name)
    assert (parsed.first, parsed.last) == (first, last)
    assert parsed.last == " ".join(parse(name).surname)


@pytest.mark.parametrize("name", ["Apple Inc.", "Marks & Spencer Group plc", "Deutsche Bank AG", "Toyota",
                                  "News Corp", "Société Générale S.A.", "Vodafone Group", "  BAE Systems - ",
                                  "Royal Dutch/Shell", "Glaxo Co-op"])
def test_org_keys_skip_cleanco_only_where_it_changes_nothing(name):
    from cleanco import basename

    from newsfacts.namematch import _basename

    assert _basename(name) == basename(name)


def test_two_names_joined_by_a_preposition_in_a_headline_stay_two(process):
    doc = process("Roxy Music on Isle of Wight bill\n\nRoxy Music will appear at the Isle of Wight festival, along "
                  "with Supergrass. The band Roxy Music formed in 1971.")
    texts = [e.text for e in doc._.entities]
    assert "Roxy Music on Isle of Wight" not in texts and texts.count("Roxy Music") == 3, texts


@pytest.mark.parametrize("text, short, longer", [
    # the short form is a name of its own the story writes before the longer name, which adds no word of an
    # organisation's kind: a paper, a site named after it
    ("Liverpool beat Everton 2-1 at Anfield on Saturday. Speaking to the Liverpool Echo newspaper, Steven "
     "Gerrard said the win mattered. Liverpool now face Chelsea in the cup.", "Liverpool", "Liverpool Echo"),
    ("Apple sold more computers this year. The rumour site Apple Insider said on Monday that a new model was "
     "coming. Apple declined to comment.", "Apple", "Apple Insider"),
])
def test_a_short_form_written_first_is_no_short_form_of_a_later_thing(process, text, short, longer):
    doc = process(text)
    assert named(doc, longer), [(e.text, e.label) for e in doc._.entities]
    hits = named(doc, short)
    assert hits and all(e.canonical == short for e in hits), [(e.text, e.canonical) for e in doc._.entities]


def test_a_short_form_written_first_still_joins_its_own_full_name(process):
    doc = process("Labour won the seat easily. The Labour Party said on Friday it would now look again at its "
                  "policies. Labour has held the town since 1945.")
    assert named(doc, "Labour")[-1].canonical == "Labour Party", [(e.text, e.canonical) for e in doc._.entities]


def test_a_band_is_no_short_form_of_the_person_it_is_named_after(process):
    doc = process("The band Doherty played two sold-out nights in Leeds this week. The tour was named after "
                  "Maria Doherty, the grandmother of the singer.")
    hits = named(doc, "Doherty")
    assert hits and all(e.canonical == "Doherty" and e.label == "ORG" for e in hits), \
        [(e.text, e.label, e.canonical) for e in doc._.entities]
