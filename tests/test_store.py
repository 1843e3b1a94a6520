"""The store on a real SQLite file, without NLP: schema, runs, batches, current versions, foreign files."""

import sqlite3

import pytest

from newsfacts import store
from newsfacts.errors import NotANewsfactsDatabase
from newsfacts.nlp import PipelineSpec
from newsfacts.records import KINDS, TABLE_OF, Amount, Entity, Quote

SPEC = PipelineSpec(models=None, model="m", model_version="1", version="0.1.0", fingerprint="f" * 16)


def article(text: str, key: str) -> dict:
    from newsfacts.readers import text_id

    return {"id": text_id(text), "key": key, "path": key, "text": text, "format": "txt", "encoding": "utf-8",
            "words": len(text.split()), "chars": len(text)}


@pytest.fixture
def db(tmp_path):
    db = store.open_db(tmp_path / "news.db")
    yield db
    db.close()


def test_schema_has_a_table_per_fact_kind_and_the_views(db):
    tables, views = set(db.table_names()), set(db.view_names())
    assert {TABLE_OF[kind] for kind in KINDS} <= tables
    assert {"runs", "articles", "sources", "extractions", "entity_index", "failures", "meta"} <= tables
    assert {f"current_{t}" for t in ("articles", "entities", "amounts", "dates", "quotes")} <= views
    assert set(store.fact_columns("amounts")) >= {"value", "currency", "max_value", "about"}


def test_a_batch_is_stored_with_its_facts_and_entity_ids(db):
    run = store.start_run(db, SPEC, ["x"], 1)
    a = article("Apple paid $5 million, Tim Cook said.", "a.txt")
    facts = {a["id"]: {
        "entities": [Entity(0, 5, "Apple", "ORG", "Apple Inc."), Entity(23, 31, "Tim Cook", "PERSON", "Tim Cook")],
        "amounts": [Amount(11, 21, "$5 million", 5e6, "USD", currency_guessed=True)],
        "quotes": [Quote(0, 21, "Apple paid $5 million", "indirect", "Tim Cook", 23, 31, "PERSON", "said", 32, 36)],
    }}
    store.write_batch(db, run, SPEC.fingerprint, [a], facts, [{"key": "a.txt", "path": "a.txt", "article_id": a["id"]}],
                      [])
    store.finish_run(db, run, "complete", {"articles": 1, "new": 1}, 1.0)
    assert store.fact_counts(db, run) == {"entities": 2, "roles": 0, "amounts": 1, "quantities": 0, "dates": 0,
                                          "attributions": 1}
    row = db.execute("SELECT value, currency, currency_guessed FROM amounts").fetchone()
    assert row == (5e6, "USD", 1)  # booleans stored as integers
    assert db.execute("SELECT COUNT(*) FROM entities WHERE entity_id IS NULL").fetchone()[0] == 0
    assert store.extracted_ids(db, SPEC.fingerprint) == {a["id"]}
    assert store.source_map(db) == {"a.txt": a["id"]}
    for t in ("entities", "amounts", "attributions"):
        for start, end, text in db.execute(f"SELECT start, [end], text FROM {t}"):
            assert a["text"][start:end] == text


def test_an_edited_file_supersedes_its_old_version(db):
    run = store.start_run(db, SPEC, ["x"], 1)
    old, new = article("First text.", "a.txt"), article("Second text.", "a.txt")
    for version in (old, new):
        store.write_batch(db, run, SPEC.fingerprint, [version], {version["id"]: {}},
                          [{"key": "a.txt", "path": "a.txt", "article_id": version["id"]}], [])
    current = dict(db.execute("SELECT id, current FROM articles").fetchall())
    assert current == {old["id"]: 0, new["id"]: 1}


@pytest.mark.parametrize("owner, status", [
    ("dead", "interrupted"),  # its process is gone: a killed ingest
    ("alive", "running"),  # another ingest still at work on the same file
    ("other host", "interrupted"),  # cannot be checked from here
])
def test_a_new_run_marks_a_run_left_running_as_interrupted_only_when_its_process_is_gone(db, run_owner, owner,
                                                                                         status):
    first = store.start_run(db, SPEC, ["x"], 1)
    pid, host = run_owner(owner)
    db.execute("UPDATE runs SET pid = ?, host = ? WHERE id = ?", [pid, host, first])
    db.conn.commit()
    store.start_run(db, SPEC, ["x"], 1)
    assert db["runs"].get(first)["status"] == status


def test_failures_are_recorded_with_their_level(db):
    run = store.start_run(db, SPEC, ["x"], 1)
    store.record_failures(db, run, [{"path": "bad.txt", "error": "binary file"},
                                    {"path": "odd.txt", "error": "3 invalid bytes", "level": "warning"}])
    assert db.execute("SELECT path, level FROM failures ORDER BY path").fetchall() == [("bad.txt", "error"),
                                                                                       ("odd.txt", "warning")]


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such database"),
    (lambda p: p.write_bytes(b"not sqlite at all" * 100), "not a SQLite database"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE notes (x)").connection.commit(), "not a newsfacts database"),
])
def test_opening_for_reading_refuses_what_is_not_ours(tmp_path, make, message):
    path = tmp_path / "other.db"
    make(path)
    with pytest.raises(NotANewsfactsDatabase, match=message):
        store.open_db(path, create=False)


# --- one entity per real thing across articles ------------------------------------------------------

def ingest_names(db, batches: list[list[tuple[str, str]]]) -> dict[tuple[str, str], int]:
    """Write one article per batch whose entities have these (label, canonical) names; their entity ids."""
    run = store.start_run(db, SPEC, ["x"], 1)
    for n, names in enumerate(batches):
        text = f"Article {n}: " + "; ".join(canonical for _, canonical in names) + "."
        a = article(text, f"{n}.txt")
        records, pos = [], len(f"Article {n}: ")
        for label, canonical in names:
            records.append(Entity(pos, pos + len(canonical), canonical, label, canonical))
            pos += len(canonical) + 2
        store.write_batch(db, run, SPEC.fingerprint, [a], {a["id"]: {"entities": records}},
                          [{"key": a["key"], "path": a["key"], "article_id": a["id"]}], [])
    return {(label, canonical): entity_id
            for label, canonical, entity_id in db.execute("SELECT label, canonical, entity_id FROM entities")}


@pytest.mark.parametrize("first, second, merged", [
    (("PERSON", "George W. Bush"), ("PERSON", "George Bush"), True),  # a middle initial left out
    (("PERSON", "Michael O'Leary"), ("PERSON", "MICHAEL O'LEARY"), True),  # the same name in capitals
    (("PERSON", "Martin Luther King Jr."), ("PERSON", "Martin Luther King"), True),  # a suffix
    (("PERSON", "Martin Luther King Jnr"), ("PERSON", "Martin Luther King Jr."), True),  # one suffix, spelt two ways
    (("PERSON", "Rodrigo de Rato"), ("PERSON", "Rodrigo Rato"), True),  # a particle left out
    (("ORG", "Apple Inc."), ("ORG", "Apple"), True),  # a legal form
    (("ORG", "Aer Lingus Group PLC"), ("ORG", "Aer Lingus Group"), True),
    (("ORG", "Hewlett-Packard"), ("ORG", "Hewlett Packard"), True),  # spelling aside: a hyphen or a space
    (("ORG", "Securities & Exchange Commission"), ("ORG", "Securities and Exchange Commission"), True),
    (("ORG", "World Trade Organisation"), ("ORG", "World Trade Organization"), True),
    (("ORG", "British Bankers' Association"), ("ORG", "British Bankers Association"), True),
    (("ORG", "Warner Bros."), ("ORG", "Warner Bros"), True),
    (("PERSON", "Catherine Zeta-Jones"), ("PERSON", "Catherine Zeta Jones"), True),
    (("EVENT", "World Cross-Country Championships"), ("EVENT", "World Cross Country Championships"), True),
    (("ORG", "Hewlett-Packard"), ("ORG", "Hewlett"), False),
    (("ORG", "Procter & Gamble"), ("ORG", "Procter"), False),
    (("PERSON", "Natwar Singh"), ("PERSON", "Manmohan Singh"), False),  # two people, one surname
    (("PERSON", "Natwar Singh"), ("PERSON", "Singh"), False),  # never on a surname alone
    (("PERSON", "Mark Butcher"), ("PERSON", "M. Butcher"), False),  # nor on an initial alone
    (("PERSON", "Jerry Lee Lewis"), ("PERSON", "Jerry Lewis"), False),  # a middle name tells two people apart
    (("PERSON", "Douglas Fairbanks Jr"), ("PERSON", "Douglas Fairbanks Sr"), False),  # son and father
    (("PERSON", "Baroness Kennedy"), ("PERSON", "Kennedy"), False),  # a lone name is its title's
    (("PERSON", "St Mary"), ("PERSON", "Mary"), False),
    (("PERSON", "Edward III"), ("PERSON", "Edward"), False),
    (("PERSON", "Jordan"), ("GPE", "Jordan"), False),  # another label is another thing
    (("ORG", "Apple Inc."), ("ORG", "Apple Corps"), False),
])
def test_names_of_one_entity_across_articles(db, first, second, merged):
    ids = ingest_names(db, [[first], [second]])
    assert (ids[first] == ids[second]) is merged
    entities = db.execute("SELECT COUNT(*) FROM entity_index").fetchone()[0]
    assert entities == (1 if merged else 2)
    aliases = set(db.execute("SELECT label, alias FROM entity_aliases WHERE entity_id = ?", [ids[second]]).fetchall())
    assert second in aliases and (first in aliases) is merged


def test_an_entity_is_shown_under_its_fullest_name(db):
    ids = ingest_names(db, [[("PERSON", "George Bush")], [("PERSON", "George W. Bush")], [("PERSON", "Bush")]])
    assert ids[("PERSON", "George Bush")] == ids[("PERSON", "George W. Bush")] != ids[("PERSON", "Bush")]
    summary = db.execute("SELECT canonical, mentions, articles FROM entity_summary WHERE label = 'PERSON' "
                         "ORDER BY canonical").fetchall()
    assert summary == [("Bush", 1, 1), ("George W. Bush", 2, 2)]


def test_a_generation_never_joins_another_through_a_name_without_one(db):
    ids = ingest_names(db, [[("PERSON", "Hank Williams Jr.")], [("PERSON", "Hank Williams")],
                            [("PERSON", "Hank Williams Sr.")]])
    junior, bare, senior = (ids[("PERSON", f"Hank Williams{suffix}")] for suffix in (" Jr.", "", " Sr."))
    assert junior == bare != senior


def test_a_name_that_fits_two_people_starts_a_third(db):
    ids = ingest_names(db, [[("PERSON", "George W. Bush")], [("PERSON", "George H. W. Bush")],
                            [("PERSON", "George Bush")]])
    assert len({ids[k] for k in ids}) == 3


def test_query_people_counts_a_person_once(tmp_path):
    from newsfacts.query import facts

    path = tmp_path / "news.db"
    db = store.open_db(path)
    ingest_names(db, [[("PERSON", "Lee Teng-hui"), ("ORG", "Kuomintang")], [("PERSON", "LEE TENG-HUI")],
                      [("PERSON", "Lee Teng-hui")]])
    db.close()
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    people = facts.people(conn)
    assert [(p["name"], p["mentions"], p["articles"]) for p in people] == [("Lee Teng-hui", 3, 3)]


def test_query_entities_counts_an_organisation_once(tmp_path):
    from newsfacts.query import facts
    from newsfacts.query.connection import connect

    path = tmp_path / "news.db"
    db = store.open_db(path)
    ingest_names(db, [[("ORG", "WorldCom"), ("GPE", "Mississippi")], [("ORG", "Worldcom")], [("ORG", "WorldCom Inc.")]])
    db.close()
    conn = connect(path)
    found = facts.entities(conn, label="ORG")
    assert [(e["canonical"], e["mentions"], e["articles"]) for e in found] == [("WorldCom Inc.", 3, 3)]
    assert set(found[0]["forms"].split("; ")) == {"WorldCom", "Worldcom", "WorldCom Inc."}
    assert [e["canonical"] for e in facts.entities(conn, name="worldcom")] == ["WorldCom Inc."]


def test_a_database_made_before_aliases_gets_them(tmp_path):
    path = tmp_path / "old.db"
    db = store.open_db(path)
    ingest_names(db, [[("PERSON", "Kofi Annan")]])
    db.execute("DROP TABLE entity_aliases")
    db.close()
    db = store.open_db(path)
    assert db.execute("SELECT alias, key, block FROM entity_aliases").fetchall() == [("Kofi Annan", "kofi annan",
                                                                                       "annan")]
    ids = ingest_names(db, [[("PERSON", "KOFI ANNAN")]])
    assert len(set(ids.values())) == 1
    db.close()


def test_a_database_of_schema_3_joins_names_spelt_two_ways(tmp_path):
    path = tmp_path / "old.db"
    db = store.open_db(path)
    ids = ingest_names(db, [[("ORG", "Hewlett-Packard")], [("ORG", "Hewlett Packard"), ("PERSON", "Carly Fiorina")]])
    hyphen, space = ids[("ORG", "Hewlett-Packard")], ids[("ORG", "Hewlett Packard")]
    assert hyphen == space
    # the keys of schema 3 told the two spellings apart
    db.execute("INSERT INTO entity_index (label, canonical) VALUES ('ORG', 'Hewlett Packard')")
    apart = db.execute("SELECT id FROM entity_index WHERE canonical = 'Hewlett Packard'").fetchone()[0]
    db.execute("UPDATE entities SET entity_id = ? WHERE canonical = 'Hewlett Packard'", [apart])
    db.execute("UPDATE entity_aliases SET entity_id = ?, key = 'hewlett packard' WHERE alias = 'Hewlett Packard'",
               [apart])
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.conn.commit()
    db.close()
    db = store.open_db(path)
    summary = db.execute("SELECT label, canonical, mentions, articles FROM entity_summary ORDER BY label").fetchall()
    assert summary == [("ORG", "Hewlett-Packard", 2, 2), ("PERSON", "Carly Fiorina", 1, 1)]
    db.close()


def test_a_database_of_schema_2_gets_its_entity_index_made_again(tmp_path):
    path = tmp_path / "old.db"
    db = store.open_db(path)
    ids = ingest_names(db, [[("PERSON", "Jerry Lee Lewis")], [("PERSON", "Jerry Lewis")], [("PERSON", "George Bush")],
                            [("PERSON", "George W. Bush"), ("ORG", "Sun Records")]])
    lewis, jerry = ids[("PERSON", "Jerry Lee Lewis")], ids[("PERSON", "Jerry Lewis")]
    assert lewis != jerry
    # the rule before schema 3 made one entity of the two names
    db.execute("UPDATE entities SET entity_id = ? WHERE entity_id = ?", [lewis, jerry])
    db.execute("UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?", [lewis, jerry])
    db.execute("DELETE FROM entity_index WHERE id = ?", [jerry])
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.conn.commit()
    db.close()
    db = store.open_db(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(store.SCHEMA_VERSION)
    summary = db.execute("SELECT label, canonical, mentions, articles FROM entity_summary "
                         "ORDER BY canonical").fetchall()
    assert summary == [("PERSON", "George W. Bush", 2, 2), ("PERSON", "Jerry Lee Lewis", 1, 1),
                       ("PERSON", "Jerry Lewis", 1, 1), ("ORG", "Sun Records", 1, 1)]
    aliases = db.execute("SELECT i.canonical, a.alias FROM entity_aliases a JOIN entity_index i ON i.id = a.entity_id "
                         "WHERE a.label = 'PERSON' ORDER BY a.alias").fetchall()
    assert aliases == [("George W. Bush", "George Bush"), ("George W. Bush", "George W. Bush"),
                       ("Jerry Lee Lewis", "Jerry Lee Lewis"), ("Jerry Lewis", "Jerry Lewis")]
    db.close()


def test_a_former_role_is_stored_marked_and_shown_as_former(tmp_path):
    from newsfacts.query import facts
    from newsfacts.records import Role

    path = tmp_path / "news.db"
    db = store.open_db(path)
    run = store.start_run(db, SPEC, ["x"], 1)
    a = article("Former Microsoft CEO Bill Gates met Microsoft CEO Satya Nadella.", "a.txt")
    facts_of = {a["id"]: {
        "entities": [Entity(21, 31, "Bill Gates", "PERSON", "Bill Gates"),
                     Entity(50, 62, "Satya Nadella", "PERSON", "Satya Nadella")],
        "roles": [Role(0, 20, "Former Microsoft CEO", "CEO", "Bill Gates", 21, 31, "Microsoft", former=True),
                  Role(36, 49, "Microsoft CEO", "CEO", "Satya Nadella", 50, 62, "Microsoft")],
    }}
    store.write_batch(db, run, SPEC.fingerprint, [a], facts_of,
                      [{"key": "a.txt", "path": "a.txt", "article_id": a["id"]}], [])
    store.finish_run(db, run, "complete", {"articles": 1, "new": 1}, 1.0)
    db.close()
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    assert [(r["person"], r["role"], r["of"], r["former"]) for r in facts.roles(conn)] == [
        ("Bill Gates", "CEO", "Microsoft", 1), ("Satya Nadella", "CEO", "Microsoft", 0)]
    assert {p["name"]: p["roles"] for p in facts.people(conn)} == {
        "Bill Gates": "Former CEO of Microsoft", "Satya Nadella": "CEO of Microsoft"}
    # A database made before roles.former gets the column when it is opened again.
    conn.execute("ALTER TABLE roles DROP COLUMN former")
    conn.commit()
    conn.close()
    assert "former" in store.open_db(path).table("roles").columns_dict


@pytest.mark.parametrize("column,value", [("author", "Ann Cho"), ("country", "GB")])
def test_a_database_made_before_an_article_column_gets_it(tmp_path, column, value):
    path = tmp_path / "news.db"
    store.open_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.commit()
    conn.close()
    db = store.open_db(path)
    assert column in db.table("articles").columns_dict
    run = store.start_run(db, SPEC, ["x"], 1)
    a = article("The mill shut on Friday.", "a.txt") | {column: value}
    store.write_batch(db, run, SPEC.fingerprint, [a], {a["id"]: {}},
                      [{"key": "a.txt", "path": "a.txt", "article_id": a["id"]}], [])
    assert db.execute(f"SELECT {column} FROM current_articles").fetchall() == [(value,)]
