"""Quotes: what counts as a quote, where its words are, and who said it."""

import json
from pathlib import Path

import pytest

from newsfacts.quotes import find_segments


def quotes_of(doc, kind=None):
    return [q for q in doc._.quotes if kind is None or q.kind == kind]


def check_offsets(doc):
    for q in doc._.quotes:
        assert 0 <= q.start < q.end <= len(doc.text)
        assert doc.text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert q.speaker_start < q.speaker_end


DIRECT = [
    # text, quote text, speaker, verb
    (
        "“We will not raise taxes on working families,” Governor Maria Lopez said on Tuesday.",
        "We will not raise taxes on working families",
        "Maria Lopez",
        "said",
    ),
    (
        'Finance Minister Peter Walsh told reporters: "The budget is balanced for the first time in years."',
        "The budget is balanced for the first time in years.",
        "Peter Walsh",
        "told",
    ),
    (
        "“The talks were constructive and we expect an agreement by March,” said Thomas Becker, "
        "the German economy minister.",
        "The talks were constructive and we expect an agreement by March",
        "Thomas Becker",
        "said",
    ),
    (
        "Hugh Hill, a doctor at the city hospital, said: “We have never seen so many patients in one week.”",
        "We have never seen so many patients in one week.",
        "Hugh Hill",
        "said",
    ),
    (
        "Senator Elizabeth Warren questioned the chief executive for two hours. "
        "“You should resign and give back the money,” she said.",
        "You should resign and give back the money",
        "Elizabeth Warren",
        "said",
    ),
    (
        "“Is this really the best we can do for our veterans?” asked Representative John Miller.",
        "Is this really the best we can do for our veterans?",
        "John Miller",
        "asked",
    ),
    (
        "Prime Minister Justin Trudeau spoke after the summit. ''Canada will keep its promises,'' he said.",
        "Canada will keep its promises",
        "Justin Trudeau",
        "said",
    ),
    (
        "“Exports grew faster than we expected,” Ahmed Khan noted, adding that imports fell.",
        "Exports grew faster than we expected",
        "Ahmed Khan",
        "noted",
    ),
    # The quote is all the verb reports, with no comma or colon: direct, whatever its first letter.
    (
        'Union leader Tom Reilly told reporters "We will not sign anything until the nurses have voted."',
        "We will not sign anything until the nurses have voted.",
        "Tom Reilly",
        "told",
    ),
    (
        'Health Minister Sara Dunne said of the new contract "It gives every nurse a fair raise this year."',
        "It gives every nurse a fair raise this year.",
        "Sara Dunne",
        "said",
    ),
    (
        'Union leader Tom Reilly said "the nurses have waited long enough for a fair deal."',
        "the nurses have waited long enough for a fair deal.",
        "Tom Reilly",
        "said",
    ),
    # An affiliation and a title before the name: the person speaks, not the team or the title.
    (
        '"We have the players to win the title," said Wales sevens coach Tom Reilly.',
        "We have the players to win the title",
        "Tom Reilly",
        "said",
    ),
    (
        'Leeds director of rugby Tom Reilly said: "Phil has broken his arm and will miss the final."',
        "Phil has broken his arm and will miss the final.",
        "Tom Reilly",
        "said",
    ),
    # The parser joins "said" to the first verb; the name right before it is still who speaks.
    (
        "The European Commission welcomed the announcement and in a reaction to the news Competition "
        'Commissioner Mario Monti said "the Commission is very much in favour of solutions."',
        "the Commission is very much in favour of solutions.",
        "Mario Monti",
        "said",
    ),
    # A name, then its title set off by commas, parsed as two subjects: the name speaks.
    (
        'Jane Hill, campaigns director at Oxfam in the UK, said: "Aid budgets are being cut."',
        "Aid budgets are being cut.",
        "Jane Hill",
        "said",
    ),
    (
        'Tom Lee-Hartley, campaigns director at Shelter in Scotland, said: "Rents have outrun wages for a decade."',
        "Rents have outrun wages for a decade.",
        "Tom Lee-Hartley",
        "said",
    ),
    (
        'Dr Ruth Okafor, head of research at the Wellcome Trust, said: "The results are encouraging but early."',
        "The results are encouraging but early.",
        "Ruth Okafor",
        "said",
    ),
]


@pytest.mark.parametrize("text,quote,speaker,verb", DIRECT)
def test_direct_quote_and_speaker(process, text, quote, speaker, verb):
    doc = process(text)
    check_offsets(doc)
    direct = quotes_of(doc, "direct")
    assert [q.text for q in direct] == [quote]
    q = direct[0]
    assert doc.text[q.start : q.end] == quote
    assert q.speaker == speaker
    assert q.speaker_label == "PERSON"
    assert q.verb == verb
    assert doc.text[q.verb_start : q.verb_end] == verb


NOT_QUOTES = [
    # titles of works, nicknames, scare quotes: none of these is a direct or partial quote
    ("“Casablanca,” a film about wartime Morocco, was shown at the festival in Paris.", "Casablanca"),
    ("The museum opened an exhibition called “Faces of the River” on Saturday.", "Faces of the River"),
    ("He read the novel “The Old Man and the Sea” during the long trip home.", "The Old Man and the Sea"),
    ("The so-called “experts” were wrong about the election again.", "experts"),
    ("The trader, nicknamed “the Whale” by his colleagues, lost $6 billion.", "the Whale"),
    ("The city council approved the “temporary” tax that has now lasted 20 years.", "temporary"),
    ("The senator said the film “Casablanca” was the best ever made.", "Casablanca"),
    ("Her campaign slogan, “Stronger Together,” appeared on every poster in Ohio.", "Stronger Together"),
]


@pytest.mark.parametrize("text,span", NOT_QUOTES)
def test_titles_and_scare_quotes_are_not_quotes(process, text, span):
    doc = process(text)
    assert span in [doc.text[s.start : s.end] for s in find_segments(doc.text)]
    assert [q.text for q in doc._.quotes if q.kind in ("direct", "partial")] == []


PARTIAL = [
    (
        "Mayor Anne Hidalgo said the new stadium would “change the face of the city for a generation.”",
        "change the face of the city for a generation.",
        "Anne Hidalgo",
        "said",
    ),
    (
        "Opposition leaders accused the government of “treating parliament like a rubber stamp” on Monday.",
        "treating parliament like a rubber stamp",
        "Opposition leaders",
        "accused",
    ),
    (
        "The central bank described the rise in prices as “temporary and driven by energy costs” in May.",
        "temporary and driven by energy costs",
        "central bank",
        "described",
    ),
    # After "that", or as the object of the verb, quoted words stay the writer's sentence.
    (
        'Union leader Tom Reilly said that "the offer is an insult to every nurse in the country."',
        "the offer is an insult to every nurse in the country.",
        "Tom Reilly",
        "said",
    ),
    (
        'Union leader Tom Reilly added "that the offer is an insult to every nurse in the country."',
        "that the offer is an insult to every nurse in the country.",
        "Tom Reilly",
        "added",
    ),
]


@pytest.mark.parametrize("text,quote,speaker,verb", PARTIAL)
def test_fragments_inside_a_sentence_are_partial(process, text, quote, speaker, verb):
    doc = process(text)
    assert [q.text for q in quotes_of(doc, "direct")] == []
    partial = quotes_of(doc, "partial")
    assert [(q.text, q.speaker, q.verb) for q in partial] == [(quote, speaker, verb)]


def parts_of(doc, kind="direct"):
    """The quotes of ``kind`` as lists of their parts' texts (the records sharing ``quote_start``)."""
    grouped = {}
    for q in quotes_of(doc, kind):
        assert doc.text[q.start : q.end] == q.text
        grouped.setdefault(q.quote_start, []).append(q)
    return [[q.text for q in rows] for rows in grouped.values()], list(grouped.values())


def test_split_quote_is_one_quote_with_one_speaker(process):
    text = "“We intend,” Foreign Minister Anna Berg said, “to sign the agreement before the summer.”"
    doc = process(text)
    texts, quotes = parts_of(doc)
    assert texts == [["We intend", "to sign the agreement before the summer."]]
    assert {q.quote_start for q in quotes[0]} == {text.index("We intend")}
    assert {(q.speaker, q.verb) for q in quotes[0]} == {("Anna Berg", "said")}


def test_quote_continued_after_attribution_sentence(process):
    text = "“Prices will fall,” said Carlos Mendes, an economist at the central bank. “But not this year.”"
    doc = process(text)
    texts, quotes = parts_of(doc)
    assert texts == [["Prices will fall", "But not this year."]]
    assert {q.speaker for q in quotes[0]} == {"Carlos Mendes"}


def test_multi_paragraph_quote(process):
    text = (
        "Chancellor Olaf Scholz addressed parliament on Wednesday.\n\n"
        "“Our country faces a difficult winter. Energy prices have doubled.\n\n"
        "“But we have prepared, and nobody will be left alone,” Scholz said."
    )
    doc = process(text)
    texts, quotes = parts_of(doc)
    assert texts == [
        ["Our country faces a difficult winter. Energy prices have doubled.",
         "But we have prepared, and nobody will be left alone"]
    ]
    assert {q.speaker for q in quotes[0]} == {"Olaf Scholz"}


def test_nested_single_quotes_stay_inside(process):
    text = "“He told me ‘never again’ and walked out of the room,” Sarah Jones said."
    doc = process(text)
    assert [q.text for q in quotes_of(doc, "direct")] == [
        "He told me ‘never again’ and walked out of the room"
    ]
    assert quotes_of(doc, "direct")[0].speaker == "Sarah Jones"


def test_unattributed_quote_continues_previous_speaker(process):
    text = (
        "“The economy is growing,” President Joe Biden said in Detroit.\n\n"
        "“Unemployment is at its lowest level in fifty years.”"
    )
    doc = process(text)
    direct = quotes_of(doc, "direct")
    assert [q.speaker for q in direct] == ["Joe Biden", "Joe Biden"]
    # the attribution it continues: the same mention and the same verb, offsets into the text
    assert [(q.verb, q.verb_start, q.speaker_start) for q in direct[1:]] == [
        (direct[0].verb, direct[0].verb_start, direct[0].speaker_start)]
    assert text[direct[1].verb_start:direct[1].verb_end] == "said"


@pytest.mark.parametrize("text", [
    'Coach Tom Reilly added: "I have the scan this afternoon and we will know more then." '
    '"As hard as it is, I have to stay positive."',
    '"We played well for an hour and then lost our way," said coach Tom Reilly.\n\n'
    '"The second half was the worst I have seen from this team."',
])
def test_a_quote_that_is_a_sentence_of_its_own_continues_the_speaker_and_the_verb(process, text):
    direct = quotes_of(process(text), "direct")
    assert [(q.speaker, q.verb) for q in direct] == [("Tom Reilly", direct[0].verb)] * 2
    assert direct[0].verb in ("added", "said")


VERBLESS = [
    # text, speakers of the direct quotes: an attribution after the quote's comma with no verb
    (
        "\"Sales will fall again,\" said analyst Tom Bootle.\n\nThe firm's chief executive, Sarah Kemp, "
        "disagreed. \"We will be back in profit next year,\" Ms Kemp.",
        ["Tom Bootle", "Sarah Kemp"],
    ),
    (
        "\"Nobody saw the write-down coming,\" Mr Bootle, an analyst at Capital Economics.",
        ["Bootle"],
    ),
    (  # a quote that ends its sentence with a full stop is not attributed by what follows
        "\"The talks have failed.\" Union members voted on Monday.",
        [None],
    ),
]


@pytest.mark.parametrize("text, speakers", VERBLESS)
def test_attribution_without_a_verb_after_the_quote(process, text, speakers):
    assert [q.speaker for q in quotes_of(process(text), "direct")] == speakers


CONTINUED = [
    # text, speakers of the direct quotes in order
    (  # a quote paragraph two paragraphs on, no one else named between: the last speaker goes on
        "Health Minister Carla Moretti defended the hospital plan on Monday. "
        "\"We have listened to every region,\" she said.\n\n"
        "The plan closes two wards and opens three clinics by 2027.\n\n"
        "\"Nobody enjoys closing a ward, but the clinics will treat more patients.\"",
        ["Carla Moretti", "Carla Moretti"],
    ),
    (  # someone else named between: the quote is not the earlier speaker's
        "\"The deal is good for the club,\" said chairman Peter Walsh.\n\n"
        "Manager Luis Ortega was not at the meeting and has said little since the sale.\n\n"
        "\"We still need two defenders before the window shuts.\"",
        ["Peter Walsh", None],
    ),
    (  # the same in the very next paragraph
        "\"The deal is good for the club,\" said chairman Peter Walsh. Manager Luis Ortega was not at the "
        "meeting.\n\n\"We still need two defenders before the window shuts.\"",
        ["Peter Walsh", None],
    ),
    (  # another source in between, even unnamed: not the earlier speaker's either
        "\"Prices will keep rising,\" said economist Mark Olsen.\n\n"
        "The figures were first reported by the Financial Times on Friday.\n\n"
        "\"Growth is slowing faster than markets think.\"",
        ["Mark Olsen", None],
    ),
    (  # a person named with a speech verb the parser did not read as reported speech: the quote is theirs
        "Prices rose again in May, says the survey.\n\n"
        "Anna Lind, director of the institute, says 30 large firms raised prices for the second time. "
        "\"The pressure on margins has not eased at all.\"",
        ["Anna Lind"],
    ),
    (  # someone named only as an object between is no new speaker: the quote goes on
        "\"We will vote against the bill,\" said Senator Ann Dale. She has long opposed Governor Rick Hale.\n\n"
        "\"This bill takes money from every school in the state.\"",
        ["Ann Dale", "Ann Dale"],
    ),
    (  # more than two paragraphs on: no longer a continuation
        "\"We will appeal,\" said lawyer Susan Grant.\n\n"
        "The hearing lasted two days.\n\nThe jury took four hours.\n\nThe sentence is due in May.\n\n"
        "\"The evidence was never tested.\"",
        ["Susan Grant", None],
    ),
]


@pytest.mark.parametrize("text, speakers", CONTINUED)
def test_unattributed_quote_paragraph_continues_the_last_speaker(process, text, speakers):
    assert [q.speaker for q in quotes_of(process(text), "direct")] == speakers


def test_a_quote_with_a_verb_of_its_own_keeps_it_unknown(process):
    """An attribution with a verb the list lacks ("enthused") is no continuation's verb."""
    text = (
        '"We will open two more plants next year," chief executive Anna Berg said.\n\n'
        '"Demand is rising faster than anyone planned for," Berg enthused.'
    )
    direct = quotes_of(process(text), "direct")
    assert [(q.speaker, q.verb) for q in direct] == [("Anna Berg", "said"), ("Anna Berg", None)]


INDIRECT = [
    (
        "Defense Secretary Lloyd Austin said that the troops would leave the country by the end of August.",
        "the troops would leave the country by the end of August",
        "Lloyd Austin",
        "said",
    ),
    (
        "According to Janet Yellen, inflation will return to two percent next year.",
        "inflation will return to two percent next year",
        "Janet Yellen",
        "According to",
    ),
    (
        "The company will cut 2,000 jobs in Europe, chief executive Mary Barra said on Monday.",
        "The company will cut 2,000 jobs in Europe",
        "Mary Barra",
        "said",
    ),
]


@pytest.mark.parametrize("text,content,speaker,verb", INDIRECT)
def test_reported_speech_is_indirect(process, text, content, speaker, verb):
    doc = process(text)
    indirect = quotes_of(doc, "indirect")
    assert [q.text for q in indirect] == [content]
    q = indirect[0]
    assert doc.text[q.start : q.end] == content
    assert (q.speaker, q.verb) == (speaker, verb)


def test_pronoun_and_description_resolved(process):
    text = (
        "Health Minister Sofia Rossi visited the hospital in Milan on Monday. "
        "“We will open two new wards this year,” the minister said. "
        "Later she added: “Nurses will get a pay rise.”"
    )
    doc = process(text)
    direct = quotes_of(doc, "direct")
    assert [q.speaker for q in direct] == ["Sofia Rossi", "Sofia Rossi"]
    minister = direct[0]
    assert doc.text[minister.speaker_start : minister.speaker_end] == "minister"
    pronoun = direct[1]
    assert doc.text[pronoun.speaker_start : pronoun.speaker_end] == "she"


CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_seed_article_matches_gold(process):
    gold = json.loads((CORPUS / "dev" / "kazakh-kyrgyz-ties.gold.json").read_text(encoding="utf8"))
    doc = process((CORPUS / "dev" / gold["article"]).read_text(encoding="utf8"), dct=gold["published"])
    direct = quotes_of(doc, "direct")
    assert [(q.start, q.end, q.text) for q in direct] == [
        (g["start"], g["end"], g["text"]) for g in gold["quotes"]
    ]
    assert [(q.speaker, q.verb) for q in direct] == [(g["speaker"], g["verb"]) for g in gold["quotes"]]
    for title in gold["not_quotes"]:
        assert not any(
            q.start < title["end"] and title["start"] < q.end for q in direct + quotes_of(doc, "partial")
        )
    # "According to him, …": reported speech, the pronoun resolved to the person quoted before.
    according = [(q.start, q.speaker) for q in quotes_of(doc, "indirect") if q.verb == "According to"]
    expected = [
        (g["end"] + 2, g["speaker"]) for g in gold["indirect_attributions"] if g["cue"] == "According to him"
    ]
    assert according == expected


def test_straight_marks_reopened_for_each_sentence(process):
    # Some wires open a new mark for every sentence of one quote without closing the previous one.
    text = 'Ms Jones said: "We have already doubled maternity pay. "We will extend it to nine months."'
    doc = process(text)
    texts, quotes = parts_of(doc)
    assert texts == [["We have already doubled maternity pay.", "We will extend it to nine months."]]
    assert {q.verb for q in quotes[0]} == {"said"}
    q = quotes[0][0]
    assert doc.text[q.speaker_start : q.speaker_end] in ("Jones", "Ms Jones")


def test_quote_signed_with_a_dash(process):
    text = "“He cannot answer a question without scaring people first.” ― Maria Gonzalez\n"
    doc = process(text)
    direct = quotes_of(doc, "direct")
    assert [(q.text, q.speaker, q.verb) for q in direct] == [
        ("He cannot answer a question without scaring people first.", "Maria Gonzalez", None)
    ]


def test_quoted_as_saying(process):
    text = "The newspaper Kompas quoted Budi Santoso as saying: “We will not buy these planes this year.”"
    doc = process(text)
    direct = quotes_of(doc, "direct")
    assert [(q.speaker, q.verb) for q in direct] == [("Budi Santoso", "saying")]


def test_pronoun_skips_person_of_other_gender(process):
    text = (
        "Mr. Robert Brown met Sarah Green at the ministry on Monday. "
        "“The agreement will create 4,000 jobs,” she said."
    )
    doc = process(text)
    assert [q.speaker for q in quotes_of(doc, "direct")] == ["Sarah Green"]


def test_quote_inside_dashes_is_direct(process):
    text = (
        "Several Republicans agreed, including former governor Mitt Romney -- "
        "''It is disqualifying for a nominee to hide his tax returns'' -- and two senators."
    )
    doc = process(text)
    expected = ["It is disqualifying for a nominee to hide his tax returns"]
    assert [q.text for q in quotes_of(doc, "direct")] == expected


DESCRIPTIONS = [
    (
        "Siemens reported higher orders in the third quarter. "
        "“Demand for our trains has never been stronger,” the company said.",
        "Siemens",
        "company",
    ),
    (
        "Toyota cut its forecast on Tuesday. “The strong yen hurts our exports,” it said in a statement.",
        "Toyota",
        "it",
    ),
    (
        "Senator Elizabeth Warren spoke to reporters after the hearing. "
        "“The bank must return every dollar,” the senator said.",
        "Elizabeth Warren",
        "senator",
    ),
    (
        "Peter Jackson was in Wellington on Monday. “I think it will be a long fight,” said the New Zealander.",
        "Peter Jackson",
        "New Zealander",
    ),
    (
        "French President Jacques Chirac met President Bush in Brussels. "
        "The French president told reporters: “Europe needs to reinforce itself.”",
        "Jacques Chirac",
        "French president",
    ),
    (
        "A statement on the Labour Party's website said: “We will fight this decision in the courts.”",
        "Labour Party",
        "statement",
    ),
]


@pytest.mark.parametrize("text,speaker,mention", DESCRIPTIONS)
def test_descriptions_resolved_to_named_speaker(process, text, speaker, mention):
    doc = process(text)
    direct = quotes_of(doc, "direct")
    assert len(direct) == 1
    q = direct[0]
    assert q.speaker == speaker
    assert doc.text[q.speaker_start : q.speaker_end] == mention


@pytest.mark.parametrize(
    "join,expected",
    [
        ("attribution", [["We will appeal", "The ruling ignores the evidence."]]),
        ("split", [["We will appeal"], ["The ruling ignores the evidence."]]),
        ("none", [["We will appeal"], ["The ruling ignores the evidence."]]),
    ],
)
def test_join_setting(nlp, process, join, expected):
    from newsfacts.quotes import make_quotes

    doc = process("“We will appeal,” lawyer David Kim said. “The ruling ignores the evidence.”")
    finder = make_quotes(nlp, "quotes", min_partial_words=4, max_title_words=8, join=join)
    texts, quotes = parts_of(finder(doc))
    assert texts == expected
    assert {q.speaker for rows in quotes for q in rows} == {"David Kim"}


def test_quote_introduced_by_name_and_colon(process):
    text = (
        "Wes Brown was happy with the defence.\n\n"
        "- Leeds manager Kevin Blackwell: “We had a great chance to take the lead early on.”"
    )
    doc = process(text)
    direct = quotes_of(doc, "direct")
    assert [(q.speaker, q.verb) for q in direct] == [("Kevin Blackwell", None)]


def test_quote_introduced_at_the_end_of_the_previous_paragraph(process):
    text = (
        "The vote was close. Foreign Minister Anna Lindqvist then told reporters:\n\n"
        "“We are ready to sign the treaty today.”"
    )
    doc = process(text)
    assert [(q.speaker, q.verb) for q in quotes_of(doc, "direct")] == [("Anna Lindqvist", "told")]
