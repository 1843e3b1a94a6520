"""Datasette for a newsfacts database: the metadata (facets, labels, search, canned queries) and a plugin.

Datasette works on the database as it is. ``metadata`` makes its pages pleasant; ``plugin`` (loaded by
``newsfacts serve``) adds a readable page per article (its text with the facts highlighted, like
``newsfacts show``), links every ``article_id`` there, formats amounts, and ``templates/`` list the
``current_*`` views first. ``newsfacts serve`` (newsfacts.cli.serve) starts Datasette on localhost with
all of it; Datasette comes with the optional extra ``newsfacts[serve]``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

FACETS = {
    "entities": ["label", "source"],
    "current_entities": ["label", "canonical"],
    "entity_summary": ["label"],
    "entity_index": ["label"],
    "roles": ["role", "of"],
    "current_roles": ["role", "of", "person"],
    "amounts": ["currency", "status", "qualifier"],
    "current_amounts": ["currency", "status", "qualifier"],
    "quantities": ["unit"],
    "current_quantities": ["unit"],
    "dates": ["kind", "anchored"],
    "current_dates": ["kind", "value"],
    "attributions": ["kind", "speaker"],
    "current_attributions": ["kind", "speaker", "verb"],
    "quotes": ["speaker"],
    "current_quotes": ["speaker", "verb"],
    "articles": ["current", "published", "agency", "country", "format"],
    "current_articles": ["published", "dateline", "country", "agency"],
    "runs": ["status", "fingerprint"],
    "failures": ["run_id", "level"],
}
# The views a reader starts from, in the order the home and database pages list them, before the tables.
CURRENT_VIEWS = {
    "current_articles": "The articles as their files hold them now; a title opens the article with its facts.",
    "current_entities": "Every mention of a person, organisation, place … with its canonical name.",
    "entity_summary": "Distinct entities with how often and in how many articles they are mentioned.",
    "current_roles": "Stated roles: “Kazakh Foreign Minister” → Foreign Minister of Kazakhstan.",
    "current_amounts": "Money: the value in units of its ISO currency, ranges, what it measures.",
    "current_quantities": "Other figures with their unit: percentages, tonnes, barrels …",
    "current_dates": "Dates, times, durations and sets with their TIMEX3 values.",
    "current_quotes": "Direct quotations with their speaker and reporting verb.",
    "current_attributions": "Everything someone said: direct, partial and reported speech.",
}
DESCRIPTIONS = {
    **CURRENT_VIEWS,
    "articles": "Every version of every article read; current = 1 for the text a source file has now.",
    "runs": "One row per `newsfacts ingest`; fingerprint identifies the pipeline (models/ and the base model).",
    "extractions": "Which run extracted which article; the newest one is the article's current extraction.",
    "sources": "Where each current article was read from (file path, or path#id for JSON records).",
    "entity_index": "One row per distinct entity (label + canonical name).",
    "failures": "Files that could not be read or extracted, per run.",
}

# Roles as "role of organisation" ("Foreign Minister of Kazakhstan", "Former CEO of Microsoft"), each distinct one once.
PEOPLE_SQL = """SELECT e.canonical AS name, COUNT(*) AS mentions, COUNT(DISTINCT e.article_id) AS articles,
  (SELECT group_concat(role, '; ') FROM (SELECT DISTINCT
     CASE WHEN r.former THEN 'Former ' ELSE '' END || r.role || coalesce(' of ' || r.of, '') AS role
     FROM current_roles r WHERE r.person = e.canonical ORDER BY r.article_id, r.start)) AS roles
FROM current_entities e WHERE e.label = 'PERSON'
GROUP BY e.canonical ORDER BY mentions DESC, name"""
SEARCH_SQL = """SELECT a.id, a.title, a.published, snippet(articles_fts, -1, '[', ']', '…', 20) AS snippet
FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH :q AND a.current = 1 ORDER BY bm25(articles_fts) LIMIT 50"""
# Characters of a cell shown in a list of rows (the row page shows all): an article's text is not a screen a row.
TRUNCATE_CELLS = 240


def metadata(db_path: str | Path) -> dict:
    """Datasette metadata for a newsfacts database (keyed by its file name, as Datasette names it)."""
    from newsfacts.records import TABLE_OF

    tables: dict[str, dict] = {}
    have = _columns(db_path)
    for name, facets in FACETS.items():  # a file made before a column was added has no facet for it
        tables[name] = {"facets": [f for f in facets if f in have.get(name, facets)]}
    for name, text in DESCRIPTIONS.items():
        tables.setdefault(name, {})["description"] = text
    tables["articles"] |= {"label_column": "title", "sort_desc": "published"}
    tables["current_articles"] |= {"label_column": "title", "sort_desc": "published"}
    tables["entity_index"] |= {"label_column": "canonical"}
    tables["entity_summary"] |= {"sort_desc": "mentions"}
    tables["runs"] |= {"sort_desc": "id"}
    quotes = TABLE_OF["quotes"]
    tables.setdefault(quotes, {}).update({"fts_table": f"{quotes}_fts", "fts_pk": "rowid",
                                          "description": "Quotes of every kind (direct, partial, indirect)."})
    tables["articles"] |= {"fts_table": "articles_fts", "fts_pk": "rowid"}
    return {
        "title": "newsfacts",
        "description": "Facts extracted from news articles: entities, roles, amounts, quantities, dates, quotes. "
                       "The current_* views hold each current article's newest extraction.",
        "databases": {
            Path(db_path).stem: {
                "tables": tables,
                "queries": {
                    "people": {"sql": PEOPLE_SQL, "title": "People",
                               "description": "PERSON entities by canonical name, with their roles."},
                    "search": {"sql": SEARCH_SQL, "title": "Search articles",
                               "description": "Full-text search of current articles (FTS5 syntax)."},
                },
            }
        },
    }


def templates_dir() -> Path:
    """The folder of Datasette templates newsfacts serve passes as --template-dir."""
    return Path(str(files("newsfacts.serve") / "templates"))


def _columns(db_path: str | Path) -> dict[str, set[str]]:
    """Table or view -> its columns, read without changing the file."""
    from newsfacts import dbfile

    conn = dbfile.read_only(db_path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
        return {n: {r[1] for r in conn.execute(f"PRAGMA table_info([{n}])")} for n in names}
    finally:
        conn.close()
