"""Names a reader trusts in business and wire copy: firms the model missed, found by their legal form
(firms.py); a name in angle brackets ends at the bracket (spans.py); a short form that leaves out the
country of a full name (variants.py); an acronym of a body opens no person's name (labels.py); a name
that opens a paragraph, a title written without its full stop, a nationality of two words before a name."""

import pytest


def found(doc):
    return {e.text: (e.label, e.canonical) for e in doc._.entities}


@pytest.mark.parametrize("text, firm", [
    # right after a dateline, in a wire service's angle brackets
    ("OSLO, June 3 - <Halvorsen Marine Holdings Plc> said its ferry unit would close two yards.",
     "Halvorsen Marine Holdings Plc"),
    # a ticker after it
    ("LONDON, June 3 - Greyfield Tool Group Plc <GTG.L> said first-half profits fell.", "Greyfield Tool Group Plc"),
    # "and" between two capitals of one name
    ("It bought 60 pct of T and K Freight Inc, a U.S. haulier, for 4 mln dlrs.", "T and K Freight Inc"),
])
def test_a_name_ending_in_a_legal_form_is_a_firm(process, text, firm):
    names = found(process(text))
    assert names.get(firm, ("",))[0] == "ORG", names


@pytest.mark.parametrize("text, name", [
    ("TOKYO, June 3 - <Sakura Lens Inc>, a maker of camera parts, said it would build a plant.", "Sakura Lens Inc"),
    ("The shares of <Mercer Brothers Co Ltd> and <Ostrava Glass Works> rose on Tuesday.", "Mercer Brothers Co Ltd"),
])
def test_a_name_in_angle_brackets_ends_at_the_bracket(process, text, name):
    names = found(process(text))
    assert name in names and not any(">" in t or "<" in t for t in names), names


def test_a_short_form_without_the_country_is_the_full_name(process):
    names = found(process("The contract went to the French Navy. The U.S. Air Force had bid too. A year later "
                          "the Air Force said it would bid again."))
    assert names.get("Air Force") == ("ORG", "U.S. Air Force"), names


def test_a_nationality_is_no_countrys_name(process):
    # "the Football Association" is a body of its own beside "the Welsh Football Association"
    names = found(process("The Welsh Football Association fined the club on Monday. The Football Association "
                          "in London said it would not act."))
    assert names.get("Football Association", ("", ""))[1] == "Football Association", names


@pytest.mark.parametrize("text, org", [
    # the acronym alone is an organisation in the article
    ("Users of MSN Messenger were hit by the worm. MSN said it had fixed the flaw.", "MSN Messenger"),
])
def test_an_acronym_of_a_body_opens_no_persons_name(process, text, org):
    names = found(process(text))
    assert names.get(org, ("",))[0] == "ORG", names


def test_a_name_that_opens_a_paragraph_is_found(process):
    names = found(process("Tennant backs Ure for Scotland\n\nGraeme Tennant believes Walter Ure would be the "
                          "perfect choice as Scotland manager."))
    assert names.get("Graeme Tennant", ("",))[0] == "PERSON", names


@pytest.mark.parametrize("text, person", [
    # a title written without its full stop, as British papers do
    ("The lecture was given by Prof Ignatius Obi of the college.", "Ignatius Obi"),
    # a nationality of two words
    ("He lost his place in the side to New Zealander Jason Trent last month.", "Jason Trent"),
    # a kind of person, in title case at the start of a sentence
    ("Cinematographer Owen Carver was nominated for the second year running.", "Owen Carver"),
])
def test_a_title_or_nationality_before_a_name_is_no_part_of_it(process, text, person):
    names = found(process(text))
    assert names.get(person, ("",))[0] == "PERSON", names


@pytest.mark.parametrize("text, word", [
    # a number word that opens a paragraph is no first name
    ("Coffee chains grow\n\nOne Starbucks store opened every day last year.", "One Starbucks"),
    # nor is a possessive
    ("Transfer talk\n\nHis Newcastle contract runs out in June.", "His Newcastle"),
    # a legal form inside a longer name ends no firm
    ("The Internet Corporation for Assigned Names and Numbers met in Rome on Monday.", "Internet Corporation"),
    # a programme's name, no firm: "At" ends no company's name
    ("The minister spoke on The World At One on Tuesday.", "World At"),
])
def test_no_name_is_made_of_a_common_word(process, text, word):
    assert word not in found(process(text)), found(process(text))


@pytest.mark.parametrize("text, firm", [
    # the model cuts the name at an inner "and" before the legal forms, or leaves them out
    ("Ashworth Pryce and Co Ltd, the shipping group, cut its dividend after a poor winter.",
     "Ashworth Pryce and Co Ltd"),
    ("Its adviser, Hollis Grant and Co Ltd, said the offer was fair.", "Hollis Grant and Co Ltd"),
    ("Analysts at Fenwick Brothers and Co Ltd said the outlook was good.", "Fenwick Brothers and Co Ltd"),
    # a body's name cut at "and" where the parse makes the part before it a modifier of the part after it
    ("Members of the Public and Commercial Services Union will strike on Friday, the union said.",
     "Public and Commercial Services Union"),
])
def test_a_firms_name_is_not_cut_at_an_inner_and(process, text, firm):
    doc = process(text)
    assert any(e.text == firm and e.label == "ORG" for e in doc._.entities), \
        [(e.text, e.label) for e in doc._.entities]



@pytest.mark.parametrize("text, firm, pieces", [
    # the model's person before "of", the place and legal form after it
    ("Shares of Silver Ridge of Canada Ltd rose 5 pct on Monday after the miner reported higher output.",
     "Silver Ridge of Canada Ltd", ("Silver Ridge", "Canada Ltd")),
    # a foreign "and": Dutch, German, French
    ("The Dutch distributor Kampen en Vos B.V. said it would cut 40 jobs.", "Kampen en Vos B.V.", ("Kampen",)),
    ("Profits at Riverside Paper und Druck GmbH fell 8 pct last year, the group said.",
     "Riverside Paper und Druck GmbH", ("Druck GmbH",)),
    ("Fenwick Granite et Cie SA said it had won a 50 mln franc order from the French army.",
     "Fenwick Granite et Cie SA", ("Cie SA",)),
    # untagged words before "and"
    ("Analysts at Maple Crest and Stone Holdings Ltd said sales would fall.", "Maple Crest and Stone Holdings Ltd",
     ("Stone Holdings Ltd",)),
    # a legal form in lower case
    ("The order was placed with Brenton Mills co, a textile maker in Leeds, officials said.", "Brenton Mills co",
     ("Brenton Mills",)),
    ("The shares were bought by Northgate Investment Co ltd, which already holds 20 pct.",
     "Northgate Investment Co ltd", ("Northgate Investment Co",)),
])
def test_a_firms_name_cut_at_a_joining_word_is_one_name(process, text, firm, pieces):
    names = found(process(text))
    assert names.get(firm, ("",))[0] == "ORG" and not any(p in names for p in pieces), names


@pytest.mark.parametrize("text, kept", [
    ('"We expect a better year," said John Carver of Tellwood Industries Ltd.', "John Carver"),
    ("Chairman Tom Hale of Britain Ltd said profits would rise.", "Tom Hale"),
    ("A deal between Jane Porter and Corwin Holdings Ltd was signed.", "Jane Porter"),
    ("Talks between Boeing and Halvorsen Marine Holdings Plc broke down on Friday.", "Boeing"),
    # "co" of a hyphened word is no legal form
    ("The Harlow Party co-chairman Neil Dunmore said the vote was lost.", "Harlow Party"),
    ("In the new film, Peter Marlowe co-stars with his brother.", "Peter Marlowe"),
])
def test_a_name_before_a_firm_stays_its_own(process, text, kept):
    assert kept in found(process(text))


def test_the_part_before_of_is_the_firms_short_form(process):
    names = found(process("Harbour Fields of South Africa Ltd said output fell. Harbour Fields said gold sales "
                          "were lower."))
    assert names.get("Harbour Fields") == ("ORG", "Harbour Fields of South Africa Ltd"), names


@pytest.mark.parametrize("text, firm", [
    # a bracketed part inside the name, which the model cuts into three names
    ("Brook (Holdings) Ltd said on Monday it would cut 200 jobs at its plant in Leeds.", "Brook (Holdings) Ltd"),
    ("Shares in Norvale (Hong Kong) Trading Co Ltd fell 3 pct in Hong Kong.", "Norvale (Hong Kong) Trading Co Ltd"),
    # a place word the model reads as a place goes on the firm's name before the bracket
    ("The bank hired Credit Agricole Indosuez Asia (Singapore) Ltd to run the sale of the notes.",
     "Credit Agricole Indosuez Asia (Singapore) Ltd"),
    # a lone surname before "and": a founder's name in the firm's
    ("Shares in Carter and Webb Hotels Ltd rose 4% after the company said profits had doubled.",
     "Carter and Webb Hotels Ltd"),
])
def test_a_firm_cut_inside_its_name_is_one_firm(process, text, firm):
    names = found(process(text))
    assert names.get(firm, ("",))[0] == "ORG", names


@pytest.mark.parametrize("text, parts", [
    # a name of its own before "and" stays apart
    ("Boeing and Acme Holdings Ltd signed a supply deal on Tuesday.", ("Boeing", "Acme Holdings Ltd")),
    ("Talks between Unison and the Transport Workers Union broke down.", ("Unison", "Transport Workers Union")),
    ("The carrier will be split into KM Air and KM Services, the board said.", ("KM Air", "KM Services")),
    # a titled person is a person
    ("Mr Carter and Webb Hotels Ltd were named in the lawsuit.", ("Carter", "Webb Hotels Ltd")),
    # a ticker after the legal form is no part of the name
    ("Tarrant Group Plc (TGP) said profits rose on Friday.", ("Tarrant Group Plc",)),
])
def test_two_names_or_a_ticker_stay_apart(process, text, parts):
    names = found(process(text))
    assert all(p in names for p in parts), names
