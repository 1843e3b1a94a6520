"""`newsfacts serve`: browse a newsfacts database in Datasette, with facets, labels and search set up.

Datasette works on the database as it is; this module only writes the metadata
(titles, facets, label columns, canned queries) that makes it pleasant, and starts
Datasette on localhost. Datasette comes with the optional extra ``newsfacts[serve]``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from newsfacts.query_cli import DB_OPTION, CommandError

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
    "articles": ["current", "published", "agency", "format"],
    "current_articles": ["published", "dateline", "agency"],
    "runs": ["status", "fingerprint"],
    "failures": ["run_id", "level"],
}
DESCRIPTIONS = {
    "articles": "Every version of every article read; current = 1 for the text a source file has now.",
    "runs": "One row per `newsfacts ingest`; fingerprint identifies the pipeline (models/ and the base model).",
    "extractions": "Which run extracted which article; the newest one is the article's current extraction.",
    "sources": "Where each current article was read from (file path, or path#id for JSON records).",
    "entity_index": "One row per distinct entity (label + canonical name).",
    "entity_summary": "Current entities with mention and article counts.",
    "failures": "Files that could not be read or extracted, per run.",
}

PEOPLE_SQL = """SELECT e.canonical AS name, COUNT(*) AS mentions, COUNT(DISTINCT e.article_id) AS articles,
  (SELECT group_concat(DISTINCT r.role) FROM current_roles r WHERE r.person = e.canonical) AS roles
FROM current_entities e WHERE e.label = 'PERSON'
GROUP BY e.canonical ORDER BY mentions DESC, name"""
SEARCH_SQL = """SELECT a.id, a.title, a.published, snippet(articles_fts, -1, '[', ']', '…', 20) AS snippet
FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH :q AND a.current = 1 ORDER BY bm25(articles_fts) LIMIT 50"""


def metadata(db_path: str | Path) -> dict:
    """Datasette metadata for a newsfacts database (keyed by its file name, as Datasette names it)."""
    from newsfacts.query import TABLE_OF

    tables: dict[str, dict] = {}
    for name, facets in FACETS.items():
        tables[name] = {"facets": facets}
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


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (localhost only by default).")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open a web browser on the page.")
@click.option("--write-metadata", type=click.Path(dir_okay=False), default=None,
              help="Only write the Datasette metadata JSON to FILE (for running datasette yourself).")
def serve_command(db_path, host, port, open_browser, write_metadata) -> None:
    """Browse the database in Datasette: facets, entity labels, full-text search, canned queries.

    Needs the serve extra: pip install 'newsfacts[serve]'.
    """
    from newsfacts.query_cli import user_errors

    with user_errors():
        from newsfacts import store

        store.open_db(db_path, create=False).close()
    meta = metadata(db_path)
    if write_metadata:
        Path(write_metadata).write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        click.echo(f"wrote {write_metadata}; run: datasette {db_path} --metadata {write_metadata}", err=True)
        return
    try:
        from datasette.cli import cli as datasette_cli
    except ImportError:
        raise CommandError("Datasette is not installed: pip install 'newsfacts[serve]'") from None
    with tempfile.TemporaryDirectory(prefix="newsfacts-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        args = ["serve", str(db_path), "--metadata", str(meta_path), "--host", host, "--port", str(port)]
        if open_browser:
            args.append("--open")
        click.echo(f"serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        datasette_cli.main(args, prog_name="datasette", standalone_mode=True)
