"""Products and common terms the model takes for organisations (issue 15): a name the article counts, owns,
versions or has a firm launch is a product in every mention; a firm that speaks, employs or owns stays a
firm; an abbreviation of a kind of thing ("GPRS", "GMT") is no name at all. Each product or term sentence
below is one where the small English model tags the name."""

import pytest


def labels(doc, text):
    return {e.label for e in doc._.entities if e.text == text}


@pytest.mark.parametrize("text, name", [
    # counted: an indefinite determiner
    ("Sales were strong over Christmas, when shoppers bought an iPod as the present of choice.", "iPod"),
    ("Gamers who own an Xbox will get the update free, the company said.", "Xbox"),
    # owned by a pronoun or by a firm of the article
    ("Many teenagers now listen to music on their iPod rather than the radio.", "iPod"),
    ("Apple's iPod has sold more than ten million units since its launch.", "iPod"),
    # versioned
    ("The new Xbox will go on sale in November, the firm announced.", "Xbox"),
    # launched by a firm of the article
    ("Apple launched the iPod in 2001 and has sold ten million since.", "iPod"),
    ("The Xbox, launched by Microsoft in 2001, has sold 20 million units.", "Xbox"),
])
def test_a_counted_owned_or_launched_name_is_a_product(process, text, name):
    doc = process(text)
    assert {e.label_ for e in doc.ents if e.text == name} == {"ORG"}  # the model's guess, which the rules mend
    assert labels(doc, name) == {"PRODUCT"}


def test_the_decision_holds_for_every_mention(process):
    doc = process("Microsoft said it would cut the price of the Xbox. Gamers who own an Xbox will get a free game.")
    assert labels(doc, "Xbox") == {"PRODUCT"}
    assert labels(doc, "Microsoft") == {"ORG"}


@pytest.mark.parametrize("text, name, label", [
    # the firm that owns or launches the product
    ("Apple's iPod has sold more than ten million units since its launch.", "Apple", "ORG"),
    ("Apple launched the iPod in 2001 and has sold ten million since.", "Apple", "ORG"),
    # a firm counted through a role or a report: the determiner is the role's
    ("A Sony spokesman declined to comment on the report.", "Sony", "ORG"),
    ("A predicted two billion people will own a mobile, according to a Deloitte report.", "Deloitte", "ORG"),
    # a firm that speaks, even where another mention looks like a thing
    ("Analysts said a Vodafone deal was likely. Vodafone said it would not comment.", "Vodafone", "ORG"),
    # a predicate says what a person is: an honour, a title
    ("She was made an OBE in the New Year Honours list.", "OBE", "ORG"),
])
def test_firms_and_titles_are_not_products(process, text, name, label):
    assert labels(process(text), name) == {label}


def test_a_name_with_he_in_its_clause_is_no_product_even_owned_by_a_firm(process):
    doc = process("Microsoft's Gates stepped down in January, but he will stay on as chairman.")
    assert labels(doc, "Gates") and "PRODUCT" not in labels(doc, "Gates")


def test_a_title_of_the_scottish_parliament_is_no_name(process):
    """"MSP" (a member of the Scottish Parliament) is a title like "MP": left out of the name and no firm."""
    doc = process("Labour MSP Karen Whitefield said the plan was flawed. As an MSP, she voted against it.")
    assert {e.text for e in doc._.entities if e.label == "PERSON"} == {"Karen Whitefield"}
    assert labels(doc, "MSP") == set()


@pytest.mark.parametrize("text, name", [
    ("The handset can browse the web over GPRS and send pictures by MMS.", "GPRS"),
    ("Record companies say DRM protects their music from piracy.", "DRM"),
    ("Sales of LCD televisions doubled last year.", "LCD"),
    ("The phone also has a USB port and plays MP3 files.", "USB"),
    ("The match kicks off at 1930 GMT on Saturday.", "GMT"),
    ("The move to IPv6 will give every phone its own address.", "IPv6"),
    ("The firm is backing Digital Rights Management (DRM), which limits copying.", "Digital Rights Management"),
])
def test_abbreviations_of_kinds_of_things_are_no_names(process, text, name):
    doc = process(text)
    assert any(e.text == name for e in doc.ents)  # the model's guess, which the rules drop
    assert not any(e.text == name for e in doc._.entities)


def test_great_britain_is_still_a_name(process):
    doc = process("The GB team won three gold medals at the European Indoors in Madrid.")
    assert any(e.text == "GB" for e in doc._.entities)


@pytest.mark.parametrize("text, name", [
    ("Kenneth Roe, head of Gracenote, said the service would stay free.", "Gracenote"),
    ("Blizzard's chief executive said the game had eight million players.", "Blizzard"),
    ("Argonaut said its games studio in London would close.", "Argonaut"),
    ("Analysts were surprised when Gracenote said its licence fees would rise.", "Gracenote"),
    ("Euronext's shareholders will vote on the bid next month.", "Euronext"),  # a holding only firms have
    # a relative clause on "which", whatever the name's length
    ("The list also named Steve Coogan's Baby Cow, which created the sitcom among others.", "Baby Cow"),
    ("The deal was backed by Hartley Brandon, which owns the mills in Leeds.", "Hartley Brandon"),
])
def test_a_lone_word_with_a_role_or_its_is_a_firm_not_a_person(process, text, name):
    doc = process(text)
    assert {e.label_ for e in doc.ents if e.text == name} == {"PERSON"}  # the model's guess
    assert labels(doc, name) == {"ORG"}


@pytest.mark.parametrize("text, name, label", [
    # a word no place table knows, which the model calls a place, with a firm's office or a body's saying
    ("The chief executive of Kalvoria, Tom Reed, resigned on Friday.", "Kalvoria", "ORG"),
    ("Kalvoria has said it will appeal against the ruling.", "Kalvoria", "ORG"),
    ("The head of Trelvia told reporters that the sale would go ahead.", "Trelvia", "ORG"),
    # a use as a place keeps it one: "in X"
    ("Fans in Trelvia said the team had let them down, and the chief executive of Trelvia agreed.", "Trelvia", "GPE"),
    ("Rebels in Kalvoria said they had taken the port.", "Kalvoria", "GPE"),
    # a firm's headquarters or profits "in X" place it: only shares "in X" make X a firm
    ("There are 80 staff at Argonaut headquarters in Kalvoria, the company said.", "Kalvoria", "GPE"),
    # letters after a person's name, which the model took for a place, say nothing of a firm when they speak
    ("Deputy judge Tom Hale, QC told the hearing that the votes were forged.", "QC", "GPE"),
])
def test_an_unknown_place_that_acts_as_a_firm_is_one(process, text, name, label):
    doc = process(text)
    assert {e.label_ for e in doc.ents if e.text == name} == {"GPE"}  # the model's guess
    assert labels(doc, name) == {label}


@pytest.mark.parametrize("text, name, label", [
    # joined by "and" to a plural group the model calls NORP: a group too (a party), not a person
    ("The Conservatives and Lib Dems insisted the plans would cost families more.", "Lib Dems", "ORG"),
    ("The Conservatives and Lib Dems voted against the bill on Tuesday.", "Lib Dems", "ORG"),
    # a person's full name stays a person beside a group
    ("Brian Cowen and the Americans agreed to talk again next year.", "Brian Cowen", "PERSON"),
    ("Mr Kelly and the Conservatives disagreed over the figures.", "Kelly", "PERSON"),
])
def test_a_name_beside_a_group_is_a_group(process, text, name, label):
    doc = process(text)
    assert {e.label_ for e in doc.ents if e.text == name} == {"PERSON"}  # the model's guess
    assert labels(doc, name) == {label}


@pytest.mark.parametrize("text, name", [
    ("Mosquito said he would fight on.", "Mosquito"),  # "he": a person, whatever the name
    ("Mr Argonaut said his firm was pleased.", "Argonaut"),  # a title: a person
    # people have spokesmen and advisers too
    ("My reaction was outrage, Obama's former campaign strategist said.", "Obama"),
    ("A Blair spokesman said the prime minister would not comment.", "Blair"),
    # "which" on a noun before the person, and "who" on the person
    ("The firm run by Tom Hale, which makes engines, said profits rose.", "Tom Hale"),
    ("The firm's founder Tom Hale, who still runs it, said profits rose.", "Tom Hale"),
])
def test_a_lone_word_that_is_a_person_stays_one(process, text, name):
    assert labels(process(text), name) == {"PERSON"}


def test_a_title_before_a_persons_name_makes_no_product_a_firm(process):
    # "frontman" qualified by the name is no sign of a firm: products have people too
    doc = process("Thousands queued to buy the new Xbox when it went on sale on Thursday. Many had sold their old "
                  "Xbox to pay for it. Xbox frontman Jed Allard said the console would sell out by Christmas.")
    assert labels(doc, "Xbox") == {"PRODUCT"}
    assert labels(doc, "Jed Allard") == {"PERSON"}


def test_a_firm_with_a_titled_person_stays_a_firm(process):
    doc = process("A Sega spokesman said 300 jobs would go. Sega chief executive Hisao Oguchi said the firm would "
                  "focus on arcade games.")
    assert labels(doc, "Sega") == {"ORG"}
