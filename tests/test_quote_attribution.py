"""Who said it: speakers resolved to the right person, descriptions kept or bound, reported speech that
is really speech, a joined quote stored part by part, and the PolNeAR scorers. Sentences written for
these tests in news style."""

import json

import pytest


def direct(doc):
    return [q for q in doc._.quotes if q.kind == "direct"]


def indirect(doc):
    return [q for q in doc._.quotes if q.kind == "indirect"]


PRONOUNS = [
    # text, speaker of the last direct quote
    (  # a person the parse reads as a place ("in Leeds Mr Harper") stays a person: the honorific says so
        "Speaking in Leeds Mr Harper said: “Commuters have paid enough.”\n\n"
        "The railways were run for shareholders, he said. “We will freeze fares,” he said.",
        "Harper",
    ),
    (  # gender from the first name: "she" is not the man named last
        "Hillary Clinton spoke in Ohio on Tuesday about the plant closures. Later she met Donald Trump. "
        "“Working families deserve better than this,” she said.",
        "Hillary Clinton",
    ),
    (  # a name inside the quote is never the speaker
        "Governor Mark Reyes visited the flooded town on Monday.\n\n"
        "“When Maria Lopez takes office next year, she will find the levees repaired,” he said.",
        "Mark Reyes",
    ),
    (  # the subject in focus, not the person named last inside what he reported
        "Former party chairman Don Fowler said he expects Senator Paul Grant to recover fully. "
        "“It would be foolish not to prepare for the worst,” he said.",
        "Don Fowler",
    ),
    (  # an object pronoun is not its clause's subject; the next "he" stays with the focus
        "Mayor Anna Berg questioned the developer Tom Hale for an hour. She then pressed him on the costs.\n\n"
        "“The city will not pay for his mistakes,” she said.",
        "Anna Berg",
    ),
    (  # a bare surname is the first person the article introduced with that name
        "Senator Ted Cruz spoke after his wife, Heidi Cruz, had left the stage.\n\n"
        "“I will not endorse a man who attacked my family,” Cruz said.",
        "Ted Cruz",
    ),
    (  # an honorific contradicting the name's first name, and the article's own word for her: not that person
        "Michelle Obama spoke first at the dinner in Washington. Mrs. Obama thanked the volunteers.\n\n"
        "“Our progress is on the ballot,” Mr. Obama said later.",
        "Obama",
    ),
    (  # the lexicon's guess at a first name alone refuses no one: "Mr Mittal" is Lakshmi Mittal
        "Steel magnate Lakshmi Mittal agreed to buy the Romanian mill on Tuesday.\n\n"
        "“We will keep every furnace burning,” Mr Mittal said.",
        "Lakshmi Mittal",
    ),
    (  # nor a first name the lexicon only leans on ("Kim"): "Ms Chen" is Kim Chen
        "The fund manager Kim Chen sold her shares in the bank last week.\n\n"
        "“The price was right,” Ms Chen said.",
        "Kim Chen",
    ),
    (  # what a passive reporting verb's subject names was shown, it said nothing: "he" is the actor
        "The actor Carl Mendes was given the festival's career award on Saturday. \"It is a surprise,\" "
        "Mendes said. A retrospective of his films was shown.\n\n"
        "\"This is what I really love doing,\" he added.",
        "Carl Mendes",
    ),
    (  # a place the model took for a person is no "she": "Tando Allahyar district"
        "Aid worker Joanna Pike arrived on Monday. Floods had swept through Tando Allahyar district "
        "on Sunday. \"We found families sleeping on the roads,\" she said.",
        "Joanna Pike",
    ),
    (  # nor one that is where something happens: "through Kot Addu"
        "Doctor Aisha Malik drove the first convoy. It reached Kot Addu, the aid drove on through Kot Addu "
        "and the river rose in Kot Addu again. \"The roads are still under water,\" she said.",
        "Aisha Malik",
    ),
    (  # a title with a qualifier is another office: "the chancellor" is not "shadow chancellor Tim Hale"
        "Chancellor Ruth Baird said the cuts proposed by shadow chancellor Tim Hale would close hospitals.\n\n"
        "\"We will not cut a single school,\" said the chancellor.",
        "Ruth Baird",
    ),
    (  # a quote paragraph's "he" is the person the paragraph before led in with, not the one in focus
        "Chris Matthews praised the senator at length on Tuesday night. “He was calm and he was clear,” "
        "Matthews said.\n\nDan Hill at the National Review agreed with Matthews about the winner.\n\n"
        "“The senator looked steady and the governor looked tired,” he wrote.",
        "Dan Hill",
    ),
    (  # a lead-in whose subject cannot be "she" leaves her to focus
        "“The plan covers every worker,” Sarah Jones said.\n\nMartin Cole scored twice in the second half on "
        "Saturday.\n\n“He was superb,” she said.",
        "Sarah Jones",
    ),
]


@pytest.mark.parametrize("text,speaker", PRONOUNS)
def test_speaker_is_the_right_person(process, text, speaker):
    doc = process(text)
    assert direct(doc)[-1].speaker == speaker


DESCRIPTIONS = [
    # text, speaker, label (None: the description kept as words)
    (
        "Donald Trump attacked the trade deal in Michigan on Friday. "
        "The New York businessman said: “She will sell the Oval Office to the highest bidder.”",
        "Donald Trump",
        "PERSON",
    ),
    ("Prices at the fish market rose again. “Nobody can afford cod any more,” a dealer said.", "dealer", None),
    (
        "An official at the ministry said the talks had stalled. "
        "“There is no deal on the table,” the official said.",
        "official",
        None,
    ),
    (
        "Siemens cut its forecast. “Orders fell sharply in China,” the company's spokesman said.",
        "company's spokesman",
        None,
    ),
    (
        "The guard, Abdi Aziz Diba, was on duty at the gate. “We saw nothing unusual,” the guard said.",
        "Abdi Aziz Diba",
        "PERSON",
    ),
    (
        "“Demand will recover next year,” said a statement from Siemens.",
        "Siemens",
        "ORG",
    ),
    (  # "he added" after an unnamed speaker stays with the description, not the player named
        "Striker Adrian Mutu is to begin talks with Juventus.\n\n“Mutu will watch the match from the main "
        "stand,” said a club official, who declined to be named. “Then he will meet the directors,” he added.",
        "club official",
        None,
    ),
    (
        "Kathleen Parker, The Washington Post, wrote: “The senator has no plan for the border.”",
        "Kathleen Parker",
        "PERSON",
    ),
    (  # a name before a comma that is no subject of the verb is not the speaker behind a description
        'After meeting Jane Hill, officials said: "The talks went well."',
        "officials",
        None,
    ),
    (  # "one trader" is someone a later "he" can be, as "a trader" is
        "\"Profits will be well within the comfort zone,\" said analyst Jim Royle. However, one trader, who "
        "asked not to be named, told Reuters the results were \"not what people had hoped for\". "
        "\"It has been a tough year for the whole sector,\" he said.",
        "one trader",
        None,
    ),
    (  # "its report": the report's author is the organisation "it" stands for
        "The Food Standards Agency reviewed school meals for a year. \"Too many menus still rely on fried "
        "food,\" says its report.",
        "Food Standards Agency",
        "ORG",
    ),
    (  # an unnamed spokesman keeps the name of the body he speaks for in his description
        'A spokesman for the Ramblers\' Association said: "The path must stay open."',
        "spokesman for the Ramblers' Association",
        None,
    ),
    (
        'Talks will resume next week. "We are still talking," a spokeswoman at Unison said.',
        "spokeswoman at Unison",
        None,
    ),
    (  # no name after it: the noun alone
        'A spokesman for the singer said: "She is resting at home."',
        "spokesman",
        None,
    ),
]


@pytest.mark.parametrize("text,speaker,label", DESCRIPTIONS)
def test_descriptions_bound_or_kept(process, text, speaker, label):
    q = direct(process(text))[-1]
    assert (q.speaker, q.speaker_label) == (speaker, label)


BODIES = [
    # text, speaker of the last direct quote, label: an organisation described by its noun
    (  # a committee is not the organisation named in its description; "the committee" is the fuller one
        "“The rules failed savers,” the Senate banking committee said on Tuesday. "
        "“Families were let down by every regulator,” the committee added.",
        "Senate banking committee",
        None,
    ),
    (  # "the committee" holds no office: not its chairman
        "Committee chairman Paul Ryder opened the hearing on Monday. "
        "“The evidence against the bank is overwhelming,” the committee said.",
        "committee",
        None,
    ),
    (  # an office someone owns is not the organisation in focus
        "Greenpeace complained to the regulator about the adverts. "
        "“Such adverts break the code,” the data commissioner's office said.",
        "data commissioner's office",
        None,
    ),
    (  # "the central bank": the organisation named with a word of its class, not the lender in focus
        "Lenders welcomed the figures from the Bundesbank on Monday. HSBC also raised its forecast for the "
        "year. “Inflation remains too high,” the central bank said.",
        "Bundesbank",
        "ORG",
    ),
    (  # a name with the noun but not the qualifier is another body: the firm in focus
        "Goldman Sachs cut its growth forecast on Monday, a day after a gloomy report by the Bank of England. "
        "“Growth will slow sharply next year,” the investment bank said.",
        "Goldman Sachs",
        "ORG",
    ),
    (  # another ministry than the one named: the description itself
        "The Finance Ministry cut its growth forecast on Monday. Police arrested dozens of protesters in the "
        "capital. “Order has been restored in every city,” the interior ministry said.",
        "interior ministry",
        None,
    ),
    (  # the ministry named before
        "The Finance Ministry cut its growth forecast on Monday. “Exports will suffer,” the ministry said.",
        "Finance Ministry",
        "ORG",
    ),
    (  # a firm's noun with a place is still the firm in focus
        "Toyota raised its profit forecast on Friday. “Sales in Europe were strong,” the Japanese firm said.",
        "Toyota",
        "ORG",
    ),
    (  # "the company" is not a firm named only inside what others said: the one named outside it
        "Shares in Corvex Mining fell 6% on Monday. Analysts said a rival bid from Halder Resources was unlikely "
        "to succeed. “We remain confident in our plan,” the company said.",
        "Corvex Mining",
        "ORG",
    ),
    (  # nor a firm named in what unions said
        "Pelham Motors cut 400 jobs at its Leeds plant on Tuesday. Unions said Brightway Logistics would take "
        "over the site. “The decision was painful but necessary,” the company said.",
        "Pelham Motors",
        "ORG",
    ),
    (  # nor one named in what its own chief executive said
        "Ardent Telecom reported a 12% rise in profits on Thursday. Its chief executive said the takeover of "
        "Norvale Networks had gone well. “Customers have stayed with us,” the firm said.",
        "Ardent Telecom",
        "ORG",
    ),
]


@pytest.mark.parametrize("text,speaker,label", BODIES)
def test_organisation_descriptions(process, text, speaker, label):
    q = direct(process(text))[-1]
    assert (q.speaker, q.speaker_label) == (speaker, label)


REPORTED = [
    # text, the reported contents (in order)
    (
        "ALMATY – Kazakhstan will lend $2 billion to Kyrgyzstan next year, Foreign Minister Yermek "
        "Kosherbayev said on Monday.",
        ["Kazakhstan will lend $2 billion to Kyrgyzstan next year"],
    ),
    ("It was not disclosed whether the deal included the steel plant.", []),
    ("Studies have shown that the drug lowers blood pressure in older patients.", []),
    ("The minister did not say whether the tax would rise in April.", []),
    (
        "The company said in a statement that the pork sold in Shanghai was not tainted and that sales "
        "would resume.",
        ["the pork sold in Shanghai was not tainted and that sales would resume"],
    ),
    (
        'Ms Jowell said his return would not put anybody else\'s "nose out of joint".',
        ['his return would not put anybody else\'s "nose out of joint"'],
    ),
    (
        "Mr Spitzer's office added Mr Stearns had also agreed to testify in future cases.",
        ["Mr Stearns had also agreed to testify in future cases"],
    ),
    (
        'Alan Johnson said the chancellor would not usurp Mr Milburn, adding they would "work as a team".',
        ["the chancellor would not usurp Mr Milburn", 'they would "work as a team"'],
    ),
    ("It would be wrong to suggest that the board ignored the warnings.", []),
    (
        "Toyota said profits rose 5%. It said sales in China would recover.",
        ["profits rose 5%", "sales in China would recover"],
    ),
]


@pytest.mark.parametrize("text,contents", REPORTED)
def test_reported_speech_is_speech_with_its_whole_content(process, text, contents):
    doc = process(text)
    quotes = indirect(doc)
    assert [q.text for q in quotes] == contents
    assert all(doc.text[q.start : q.end] == q.text for q in quotes)


def test_strict_polnear_scorer(tmp_path, nlp):
    from newsfacts.eval.polnear import load_corpus
    from newsfacts.eval.polnear_speakers import load_speakers, name_key, strict_score

    assert name_key("Mr. Donald J. Trump") == name_key("donald j trump")
    text = (
        "Senator Ana Silva met voters in Ohio.\n\n“We will win,” she said.\n\n"
        "“Prices are too high,” a farmer said.\n\nThe “Green Deal” was not discussed.\n"
    )
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(text, encoding="utf8")
    (tmp_path / "dev" / "attributions" / "a_x1.ann").write_text("", encoding="utf8")

    def entry(span, speaker, named=True, not_speech=False, aliases=()):
        start = text.index(span)
        return {"start": start, "end": start + len(span), "speaker": speaker, "aliases": list(aliases),
                "named": named, "not_speech": not_speech}

    quotes = [
        entry("“We will win,”", "Ana Silva", aliases=["Silva", "Ms. Silva"]),
        entry("“Prices are too high,”", None, named=False),
        entry("“Green Deal”", None, named=False, not_speech=True),
    ]
    path = tmp_path / "dev-speakers.json"
    path.write_text(json.dumps({"about": "test", "quotes": {"a": quotes}}), encoding="utf8")
    articles = load_corpus(tmp_path / "dev")
    result = strict_score([nlp(text)], articles, load_speakers(path, articles), ("direct",))
    assert (result["gold"], result["predicted"], result["f1"]) == (2, 2, 1.0)
    assert (result["canonical"], result["named"]) == (1.0, 1)
    assert (result["unnamed"], result["unnamed_scored"]) == (1.0, 1)
    assert (result["not_speech_left"], result["not_speech"]) == (1, 1)


def test_polnear_scorer_reads_brat_and_matches(tmp_path, nlp):
    from newsfacts.eval.polnear import load_corpus, score

    text = "“We will win,” Ana Silva said. Voters said the race was close.\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf8")
    spans = [("Content", "“We will win,”"), ("Source", "Ana Silva"), ("Content", "the race was close")]
    ann = [f"T{i}\t{kind} {text.index(s)} {text.index(s) + len(s)}\t{s}" for i, (kind, s) in enumerate(spans)]
    ann += ["E1\tContent:T0 Source:T1", "T3\tSource 31 37\tVoters", "E2\tContent:T2 Source:T3"]
    (tmp_path / "attributions" / "a_x1.ann").write_text("\n".join(ann) + "\n", encoding="utf8")
    articles = load_corpus(tmp_path)
    assert [[text[s:e] for s, e in g.ranges] for g in articles[0][2]] == [["“We will win,”"]]
    result = score([nlp(text)], articles, ("direct",))
    assert (result["precision"], result["recall"], result["speaker_accuracy"]) == (1.0, 1.0, 1.0)
    reported = load_corpus(tmp_path, direct=False)
    assert score([nlp(text)], reported, ("indirect",))["recall"] == 1.0


def test_split_quote_rows_in_database(tmp_path):
    import sqlite3

    import newsfacts
    from newsfacts.store import open_db

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "port.txt").write_text(
        "“The port will reopen,” harbour master Lena Vogt said on Friday, “but only for grain ships.”\n",
        encoding="utf8",
    )
    db_path = tmp_path / "news.db"
    newsfacts.ingest([tmp_path / "news"], db=db_path, workers=1)
    db = sqlite3.connect(db_path)
    rows = db.execute(
        "SELECT q.text, substr(a.text, q.start + 1, q.end - q.start), q.quote_start, q.speaker "
        "FROM current_quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.start"
    ).fetchall()
    assert [r[0] for r in rows] == ["The port will reopen", "but only for grain ships."]
    assert all(r[0] == r[1] for r in rows)
    assert len({r[2] for r in rows}) == 1 and {r[3] for r in rows} == {"Lena Vogt"}
    # A database made before quote_start existed gets the column when it is opened again.
    db.execute("DROP VIEW IF EXISTS quotes")
    db.execute("ALTER TABLE attributions DROP COLUMN quote_start")
    db.commit()
    db.close()
    assert "quote_start" in open_db(db_path).table("attributions").columns_dict


CARRIED = [
    # text, start of a quote or reported content, its speaker
    (  # a participle hung on the reported clause is the reporter's: not "the council" adding
        "Ms Rowe said the council had not offered its land for sale, adding that it would make little "
        "sense to do so.",
        "it would make little sense", "Rowe",
    ),
    (  # but an order given in the reported clause stays its subject's: Mr Dale told his deputy
        'The inquiry heard that Mr Dale had approved the payments, telling his deputy to "keep it quiet".',
        "keep it quiet", "Dale",
    ),
    (  # the same with a quotation after the colon: the union leader adds it, not the man he praised
        'Union leader Mark Dunn said Mr Patel had listened with "real patience", adding: "He stayed for an '
        'hour. It was a good day."',
        "He stayed for an hour", "Mark Dunn",
    ),
    (  # "it" after a person's statement spoke is that statement, so its author, not a paper named before
        "The Daily Courier said on Monday that Ann Pryce had told the board to cut costs. But Ms Pryce said in "
        'a statement: "I have never said that." Later, Ms Pryce\'s statement said: "The firm has done well this '
        'year." It added: "Our rivals want to distract from the real issues."',
        "Our rivals want", "Ann Pryce",
    ),
    (  # "chairman" is given to women too: "Ms Kerr" says who "she" is
        'Tenants\' association chairman Jan Kerr said the rents were too high.\n\n"Families cannot pay this '
        'much," she said. Ms Kerr said the landlord had refused to meet them.',
        "Families cannot pay", "Jan Kerr",
    ),
    (  # a name inside what "reports saying …" say is no apposition of the reports
        "Hale has been tipped for the job at Leeds, with reports saying he clashed with the club's chief "
        "executive, Martin Ross.",
        "he clashed with", "reports",
    ),
    (  # "they" with no organisation before: the group that spoke in the sentence before
        "The Greens say they would scrap the motorway plan and spend the money on buses.\n\nThey say the plan "
        "would cut traffic within five years.",
        "the plan would cut", "Greens",
    ),
    (
        "Local doctors told the inquiry that waiting lists had doubled. They said many patients had given up.",
        "many patients", "Local doctors",
    ),
]


# "they" of a reporting verb: text, the content it reports, the speaker stored (None: no single group)
THEY = [
    # a group that acted, not spoke, in the sentence before: the subject of any verb
    ("Hospital consultants have objected to the new rota plans. They say the changes will leave wards "
     "without senior cover at night.", "the changes will leave", "Hospital consultants"),
    ("Farm leaders had resisted the levy because they said it would drive small growers out of business.",
     "it would drive", "Farm leaders"),
    # the agent of a passive
    ("The bill is likely to be opposed by the Social Democrats. They have said it gives the police too much "
     "power.", "it gives the police", "Social Democrats"),
    # not a body named as the agent of a passive it did not speak in, nor of a phrase naming a survey
    ("The levy would be set by each town but collected by the Tax Office, which they say would save money. "
     "They say the old charge is unfair.", "the old charge is unfair", None),
    ("In the study carried out by Northgate Polling, 22% of drivers said they never used the bypass.",
     "they never used", None),
    # a plural organisation noun that spoke is a group too
    ("Shipping firms said freight rates would rise. They said fuel costs had doubled.",
     "fuel costs had doubled", "Shipping firms"),
    # a firm named inside what the group that spoke said is not what "they" stands for
    ("Inspectors claim that Harbourline does not hold the licences it needs. They also allege that its "
     "ferries were overloaded.", "its ferries were overloaded", "Inspectors"),
    # officials of a body are stored as the officials, as "X officials" are: not the body, not None
    ("Officials of the transport ministry said the bridge would reopen in May. They added that repairs "
     "would cost more than expected.", "repairs would cost", "Officials"),
    ("Port officials said the strike had ended. They added that ships would sail again on Monday.",
     "ships would sail", "Port officials"),
    # a plural acronym the tagger reads as singular; the object of "according to"
    ("The MPs also call for tougher fines for speeding drivers. They say the roads are unsafe.",
     "the roads are unsafe", "MPs"),
    ("Sales of tablets will keep growing, according to analysts. They suggest that cheaper models will "
     "drive demand.", "cheaper models will drive", "analysts"),
    # a "they" that spoke before is the group it stands for
    ('"Families need certainty," the councillors said.\n\nThey said the rules should be changed. Such a '
     'change would "give parents a voice", they said.', "Such a change would", "councillors"),
    # not a source inside what was reported
    ("The Greens say new roads will not be built. However, they will review the plans. They claim official "
     "figures show that traffic has fallen. They say the money should go to buses.",
     "the money should go", None),
    # no group: a thing, or two people named apart
    ("Prices rose sharply in March. They said the rise would not last.", "the rise would not last", None),
    ("Tom Hale and Ann Reed launched the campaign on Monday. They say the park must be saved.",
     "the park must be saved", None),
]


@pytest.mark.parametrize("text,content,speaker", THEY)
def test_they_takes_up_the_group_before(process, text, content, speaker):
    quote = next(q for q in indirect(process(text)) if q.text.startswith(content))
    assert quote.speaker == speaker, quote


# "they" after a count or share of people who spoke: how many, not who, so no speaker
COUNTED = [
    "In the survey, three-quarters said the buses were late. They said the roads were unsafe.",
    "More than two-thirds said the fees were too high. They said they would leave the club.",
    "Large numbers of tenants told the council the rents were too high. They said repairs were slow.",
]


@pytest.mark.parametrize("text", COUNTED)
def test_they_after_a_count_of_people_takes_no_speaker(process, text):
    quote = next(q for q in process(text)._.quotes if q.text.startswith(("the roads", "they would", "repairs")))
    assert quote.speaker is None, quote


@pytest.mark.parametrize("text,start,speaker", CARRIED)
def test_speaker_carried_to_the_right_person(process, text, start, speaker):
    quotes = process(text)._.quotes
    quote = next((q for q in quotes if q.text.lstrip('"').startswith(start)), None)
    assert quote is not None, [q.text for q in quotes]
    assert quote.speaker == speaker
