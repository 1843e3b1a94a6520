"""No fact span cuts a word: people's names keep their hyphen- and apostrophe-joined pieces, roles their
prefixes; a name inside a compound ("Ontario-based") is whole. The check itself (newsfacts.eval.cuts)."""

import pytest

from newsfacts.eval.cuts import DEFECTS, cuts
from newsfacts.wordspan import whole_words


def nnp(text, offset):
    return "NNP"


@pytest.mark.parametrize("text, span, person, expected", [
    ("Former president Lee Teng-hui said on Monday.", "Lee Teng", True, [("end", "name")]),
    ("Mr Kilroy-Silk left the party.", "Silk", True, [("start", "name")]),
    ("Shares in Ontario-based Magna rose.", "Ontario", False, [("end", "compound")]),
    ("The pro-Moscow rebels agreed.", "Moscow", False, [("start", "compound")]),
    ("Talks on US-China trade resumed.", "US", False, [("end", "pair")]),
    ("Tory co-chairman Liam Fox said so.", "chairman", False, [("start", "word")]),
    ("Applesauce sales rose.", "Apple", False, [("end", "glued")]),
    # a name written with a capital inside ("eBay", "iPod") is a name, not a common word
    ("Adopting an eBay-type model would help.", "eBay", False, [("end", "compound")]),
    ("Apple's profits rose.", "Apple", False, []),
    ("Joseph Ndung'u said rates would stay.", "Joseph Ndung'u", True, []),
])
def test_the_check_classes_each_cut(text, span, person, expected):
    start = text.index(span)
    assert cuts(text, start, start + len(span), person, nnp) == expected


@pytest.mark.parametrize("text, span, widened", [
    ('"No," its co-chairman has said.', "its co", "its co-chairman"),
    ("The guidance said e-mails should be kept.", "mails should be kept", "e-mails should be kept"),
    ("Mr Fox's plan was dropped.", "Mr Fox", "Mr Fox"),
    # a name or a number joined to another word is whole as it is
    ("Silkway, an Almaty-based group, said so.", "Almaty", "Almaty"),
    ("Talks on US-China trade resumed.", "China", "China"),
    ("It paid $30-35 a share.", "$30", "$30"),
])
def test_spans_widen_to_whole_words_only_where_they_cut_one(text, span, widened):
    start = text.index(span)
    s, e = whole_words(text, start, start + len(span))
    assert text[s:e] == widened


def spans(doc):
    """(text, start, end, is a person's name) of every entity and role span of a processed article."""
    for e in doc._.entities:
        yield e.text, e.start, e.end, e.label == "PERSON"
    for r in doc._.roles:
        yield r.text, r.start, r.end, False
        yield doc.text[r.person_start:r.person_end], r.person_start, r.person_end, True


@pytest.mark.parametrize("text, whole", [
    ("Robert Kilroy-Silk quit the party on Friday. Mr Kilroy-Silk said he would stand in Erewash.",
     ["Kilroy-Silk"]),
    ("The Boix-Vives family, which owns 40% of the ski maker, rejected the bid on Tuesday.", ["Boix-Vives"]),
    ("Kazakhstan is led by its president Nursultan Abish-uly Nazarbayev, who won the vote.", ["Abish-uly"]),
    ("Taiwan's former president Lee Teng-hui arrived in Osaka on Monday for a heart check.", ["Lee Teng-hui"]),
    ("Central Bank governor Joseph Ndung'u said interest rates would stay at 8.5%.", ["Joseph Ndung'u"]),
    ("Tory co-chairman Liam Fox said the plans would cost £2bn.", ["co-chairman"]),
    ("The ex-foreign secretary Robin Cook said the war had been a mistake.", ["ex-foreign secretary"]),
    ("Vice-Prime Minister Oleg Rybachuk met the envoys in Kiev on Thursday.", ["Vice-Prime Minister"]),
    # a whole name inside a compound is accepted, and the compound is not taken into the name
    ("Shares in Ontario-based Magna rose 3% after the Manmohan Singh-led government cut tariffs.",
     ["Manmohan Singh"]),
    # a name the model ended inside a word takes the whole word
    ("A report titled Life Beyond 3G and 4G Networks came out in May.", ["Beyond 3G"]),
])
def test_no_entity_or_role_span_cuts_a_word(process, text, whole):
    doc = process(text)
    tags = {t.idx: t.tag_ for t in doc}
    found = [(t, cuts(doc.text, s, e, person, lambda _, i: tags.get(i, ""))) for t, s, e, person in spans(doc)]
    assert not [(t, c) for t, cs in found for c in cs if c[1] in DEFECTS], found
    names = {t for t, _ in found}
    assert all(any(w in n for n in names) for w in whole), names
    assert not any(n.endswith(("-based", "-led")) for n in names), names


@pytest.mark.parametrize("text, speaker", [
    ('"We will not take him back," its co-chairman has said.', "its co-chairman"),
    ('"It needs proper scrutiny," said co-ordinator Peter Facey.', None),
    ('"We want approval next month," said agency vice-director Pan Yue.', None),
    ("But an all-party committee said it was not convinced by the plan.", "all-party committee"),
])
def test_no_quote_span_cuts_a_word(process, text, speaker):
    doc = process(text)
    quotes = doc._.quotes
    assert quotes
    for q in quotes:
        for s, e in ((q.start, q.end), (q.speaker_start, q.speaker_end)):
            if s is not None:
                assert not [c for c in cuts(doc.text, s, e) if c[1] in DEFECTS], (doc.text[s:e], q)
        assert q.text == doc.text[q.start:q.end]
    if speaker:
        assert any(q.speaker == speaker for q in quotes), quotes


def test_a_sport_before_a_name_in_a_capitals_headline_is_no_part_of_it(process):
    doc = process("CYCLING-JAN KOWALSKI TAKES THE LEAD IN POLAND.\nWARSAW 1996-08-30\n"
                  "Jan Kowalski took the lead in the Tour of Poland on Friday, his team said.")
    assert not [e.text for e in doc._.entities if "CYCLING" in e.text], [(e.text, e.label) for e in doc._.entities]
    assert all(e.label == "PERSON" for e in doc._.entities if "Kowalski" in e.text or "KOWALSKI" in e.text)


# Money and dates: a figure or date joined to a common word after it only modifies that word; one joined
# to a word before it takes the whole word; a frequency with a count ("three-monthly") is one SET.
@pytest.mark.parametrize("text, amounts, dates", [
    ("The group plans to restructure 2.4bn euros-worth of debt by 2006.",
     [("2.4bn euros-worth", 2.4e9, "EUR", None)], [("2006", "2006")]),
    ("The exchange tabled a 530 pence-a-share offer on Monday.",
     [("530 pence-a-share", 5.3, "GBP", "share")], [("Monday", "2005-02-28")]),
    ("As a euro-enthusiast, she backed the single currency.", [], []),
    ("He earns between £5,001and £10,000 a year.",
     [("£5,001", 5001.0, "GBP", "year"), ("£10,000", 10000.0, "GBP", "year")], [("a year", "P1Y")]),
    ("Ministers promised a three-monthly report on the powers.", [], [("three-monthly", "P3M")]),
    ("A half-hourly bus service runs to the airport.", [], [("half-hourly", "PT30M")]),
    ("The firm publishes half-yearly results.", [], [("half-yearly", "P6M")]),
    ("House prices fell at the back-end of 2004, the lender said.", [], [("back-end of 2004", "2004")]),
    ("Turkey wants to join the recently-expanded EU.", [], []),
    ("The bank pushed through three quarter-point rate rises last year.", [], [("last year", "2004")]),
])
def test_no_figure_or_date_cuts_a_word(process, text, amounts, dates):
    doc = process(text, dct="2005-03-01")
    assert [(a.text, a.value, a.currency, a.per_unit) for a in doc._.amounts] == amounts
    assert [(d.text, d.value) for d in doc._.dates] == dates
    for fact in (*doc._.amounts, *doc._.dates):
        assert fact.text == doc.text[fact.start:fact.end]
        # letters glued to a figure with no joiner ("£5,001and") are a typo in the source, kept as written
        assert not [c for c in cuts(doc.text, fact.start, fact.end) if c[1] in DEFECTS and c[1] != "glued"], fact


@pytest.mark.parametrize("text, not_names", [
    # a name glued to a number is a measure's unit; words with no capital are no names
    ("The new player holds 160GB of music, against 30GB for the model sold in Britain.", ["GB"]),
    ("Shares rose 12p to 300p, valuing the bank at £28bn, Lloyds said on Monday.", ["300p", "28bn"]),
    ("England have won two of their eight post-World Cup Tests in Cardiff.", ["post"]),
])
def test_units_and_uncapitalised_words_are_no_names(process, text, not_names):
    doc = process(text)
    assert not {e.text for e in doc._.entities} & set(not_names), doc._.entities


def test_a_model_numbers_plural_stays_a_name(process):
    doc = process("The airline ordered ten Boeing 787s and four 767s, worth $1.5bn, on Monday.")
    assert "767s" in {e.text for e in doc._.entities}, doc._.entities
