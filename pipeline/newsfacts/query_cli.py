"""`newsfacts query/search/sql/show/runs`: click wrappers over newsfacts.query, with table/json/csv/markdown output.

cli.py registers every ``<name>_command`` attribute of this module.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator

import click

DB_OPTION = click.option("--db", "db_path", default="newsfacts.db", show_default=True,
                         type=click.Path(dir_okay=False), help="The newsfacts SQLite database.")
FORMATS = ("table", "json", "csv", "markdown")
FORMAT_OPTION = click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table",
                             show_default=True, help="Output: a table for reading, json/csv/markdown for scripts.")
LIMIT_OPTION = click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N rows.")
ARTICLE_OPTION = click.option("--article", "-a", default=None, help="Only this article (id, id prefix or path).")
RUN_OPTION = click.option("--run", type=int, default=None,
                          help="Facts of this run instead of each article's newest run.")


class CommandError(click.ClickException):
    """A user-facing failure: one line on stderr, exit status 2 (1 means 'differences' for diff)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's expected failures into CommandError."""
    import sqlite3

    from newsfacts.query import QueryError
    from newsfacts.store import NotANewsfactsDatabase

    try:
        yield
    except (QueryError, NotANewsfactsDatabase) as exc:
        raise CommandError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise CommandError(f"database error: {exc}") from None


@contextlib.contextmanager
def connection(db_path: str):
    from newsfacts import query

    with user_errors():
        conn = query.connect(db_path)
        try:
            yield conn
        finally:
            conn.close()


# --- output -------------------------------------------------------------------------------------

TABLE_COLUMNS = {  # the terminal table leaves out offsets and rarely-set fields; json/csv keep all
    "amounts": ["article", "text", "value", "max_value", "currency", "qualifier", "per_unit", "about", "status"],
    "quantities": ["article", "text", "value", "max_value", "unit", "qualifier", "about"],
    "quotes": ["article", "speaker", "kind", "verb", "text"],
    "dates": ["article", "text", "value", "kind"],
    "roles": ["article", "person", "role", "of", "text"],
    "articles": ["id", "published", "title", "dateline", "words", "run", "entities", "amounts", "dates",
                 "attributions"],
}


def _cell(value, column: str = "") -> str:
    if column in ("article", "id") and isinstance(value, str) and len(value) == 16:
        return value[:8]  # an id prefix is enough for `newsfacts show`
    if column in ("started", "finished") and isinstance(value, str):
        return value[:19].replace("T", " ")
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000 else f"{value:g}"
    return str(value)


def render(records: list[dict], fmt: str = "table", columns: list[str] | None = None, title: str | None = None,
           file=None) -> None:
    """Print rows as a rich table, a JSON array of objects, CSV or a markdown table."""
    file = file or sys.stdout
    columns = columns or (list(records[0]) if records else [])
    if fmt == "json":
        file.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(file, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    elif fmt == "markdown":
        def md(value) -> str:
            return _cell(value).replace("|", "\\|").replace("\n", " ")

        file.write("| " + " | ".join(columns) + " |\n")
        file.write("|" + "|".join(" --- " for _ in columns) + "|\n")
        for r in records:
            file.write("| " + " | ".join(md(r.get(c)) for c in columns) + " |\n")
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console(file=file, soft_wrap=False, width=None if file.isatty() else 200)
        if not records:
            console.print(f"[dim]no {title or 'rows'}[/dim]")
            return
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in columns:
            numeric = any(isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool) for r in records)
            table.add_column(c, justify="right" if numeric else "left", overflow="fold")
        for r in records:
            table.add_row(*(Text(_cell(r.get(c), c)) for c in columns))  # Text: no rich markup in data
        console.print(table)


# --- query ---------------------------------------------------------------------------------------

@click.command("query")
@click.argument("what", type=click.Choice(("people", "entities", "roles", "amounts", "quantities", "quotes",
                                           "dates", "articles")))
@DB_OPTION
@click.option("--label", "-l", multiple=True, help="entities: only these labels (PERSON, ORG, GPE; repeat or comma).")
@click.option("--name", default=None, help="people/entities/roles: canonical name contains this.")
@click.option("--speaker", "-s", default=None, help="quotes: speaker's canonical name contains this.")
@click.option("--kind", default=None,
              help="quotes: direct (default)|partial|indirect|all; dates: date|time|duration|set.")
@click.option("--currency", "-c", default=None, help="amounts: ISO 4217 code (USD, EUR, KZT).")
@click.option("--unit", default=None, help="quantities: unit name (percent, tonne).")
@click.option("--about", default=None, help="amounts: what the figure measures contains this.")
@click.option("--min", "min_value", type=float, default=None, help="amounts/quantities: value at least.")
@click.option("--max", "max_value", type=float, default=None, help="amounts/quantities: value at most.")
@click.option("--from", "date_from", default=None, help="dates: on or after (YYYY[-MM[-DD]]); articles: published.")
@click.option("--to", "date_to", default=None, help="dates: on or before (YYYY[-MM[-DD]]); articles: published.")
@ARTICLE_OPTION
@RUN_OPTION
@LIMIT_OPTION
@FORMAT_OPTION
def query_command(what, db_path, label, name, speaker, kind, currency, unit, about, min_value, max_value,
                  date_from, date_to, article, run, limit, fmt) -> None:
    """List facts of one kind: people, entities, roles, amounts, quantities, quotes, dates or articles.

    \b
    Examples:
      newsfacts query people --limit 20
      newsfacts query entities --label ORG,GPE
      newsfacts query amounts --currency USD --min 1e9
      newsfacts query quotes --speaker Smith --format json
      newsfacts query dates --from 2026-02 --to 2026-03-15
    """
    from newsfacts import query

    common = {"article": article, "run": run, "limit": limit}
    calls = {
        "people": lambda c: query.people(c, name=name, **common),
        "entities": lambda c: query.entities(c, label=label, name=name, **common),
        "roles": lambda c: query.roles(c, name=name, **common),
        "amounts": lambda c: query.amounts(c, currency=currency, min_value=min_value, max_value=max_value,
                                           about=about, **common),
        "quantities": lambda c: query.quantities(c, unit=unit, min_value=min_value, max_value=max_value, **common),
        "quotes": lambda c: query.quotes(c, speaker=speaker, kind=kind, **common),
        "dates": lambda c: query.dates(c, date_from=date_from, date_to=date_to, kind=kind, **common),
        "articles": lambda c: query.articles(c, date_from=date_from, date_to=date_to, **common),
    }
    with connection(db_path) as conn, user_errors():
        found = calls[what](conn)
    render(found, fmt, columns=TABLE_COLUMNS.get(what) if fmt == "table" else None, title=what)


@click.command("search")
@click.argument("text")
@DB_OPTION
@click.option("--in", "what", type=click.Choice(("all", "articles", "quotes")), default="all", show_default=True,
              help="Search article titles and texts, quotes (text and speaker), or both.")
@click.option("--raw", is_flag=True, help="TEXT is an FTS5 query (AND, OR, NOT, NEAR, \"phrase\", prefix*).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@FORMAT_OPTION
def search_command(text, db_path, what, raw, limit, fmt) -> None:
    """Full-text search over current articles and quotes, best match first, with snippets.

    Words are stemmed (trade matches trading); every word must occur.
    """
    from newsfacts import query

    with connection(db_path) as conn, user_errors():
        found = query.search(conn, text, what=what, raw=raw, limit=limit)
    render(found, fmt, columns=["kind", "article", "title", "snippet", "score"] if fmt == "table" else None,
           title=f"matches for {text!r}")


@click.command("sql")
@click.argument("statement")
@DB_OPTION
@click.option("--param", "-p", "params", multiple=True, help="A value for the next ? placeholder (repeatable).")
@FORMAT_OPTION
def sql_command(statement, db_path, params, fmt) -> None:
    """Run one read-only SQL statement (the database is opened with mode=ro).

    \b
    Example:
      newsfacts sql "SELECT canonical, mentions FROM entity_summary WHERE label = 'ORG' ORDER BY mentions DESC"
    """
    from newsfacts import query

    with user_errors():
        columns, found = query.run_sql(db_path, statement, list(params))
    render(found, fmt, columns=columns)


@click.command("runs")
@DB_OPTION
@LIMIT_OPTION
@FORMAT_OPTION
def runs_command(db_path, limit, fmt) -> None:
    """List ingest runs, newest first: status, pipeline fingerprint, article and fact counts."""
    from newsfacts import query

    with connection(db_path) as conn, user_errors():
        found = query.runs(conn, limit=limit)
    if fmt == "table":
        columns = ["id", "started", "status", "fingerprint", "articles", "new", "unchanged", "failed",
                   "extracted", "current", "entities", "roles", "amounts", "quantities", "dates", "attributions",
                   "seconds"]
        render(found, fmt, columns=columns, title="runs")
    else:
        render(found, fmt)


# --- show ----------------------------------------------------------------------------------------

STYLES = {
    "entities": {"PERSON": "bold magenta", "ORG": "bold blue", "GPE": "bold green", "LOC": "green",
                 "NORP": "cyan", "EVENT": "bold cyan", "": "bold"},
    "amounts": "bold black on yellow", "quantities": "black on bright_yellow", "dates": "bold red",
    "quotes": "italic", "roles": "underline",
}
SHOWN_FIELDS = {
    "entities": ["start", "end", "text", "label", "canonical", "source"],
    "roles": ["start", "end", "text", "role", "person", "of"],
    "amounts": ["start", "end", "text", "value", "max_value", "currency", "qualifier", "per_unit", "about", "status"],
    "quantities": ["start", "end", "text", "value", "max_value", "unit", "qualifier", "about"],
    "dates": ["start", "end", "text", "value", "kind", "anchored"],
    "quotes": ["start", "end", "speaker", "kind", "verb", "text"],
}


def _style(kind: str, fact: dict) -> str:
    style = STYLES[kind]
    if isinstance(style, dict):
        return style.get(fact.get("label") or "", style[""])
    return style


@click.command("show")
@click.argument("article")
@DB_OPTION
@RUN_OPTION
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json", "markdown")), default="text",
              show_default=True)
def show_command(article, db_path, run, fmt) -> None:
    """Print one article (id, id prefix or path) with its facts highlighted, then listed by kind."""
    from newsfacts import query

    with connection(db_path) as conn, user_errors():
        found = query.article(conn, article, run=run)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    a, facts = found["article"], found["facts"]
    if fmt == "markdown":
        out = io.StringIO()
        out.write(f"# {a['title'] or a['path']}\n\n")
        for kind, records in facts.items():
            if records:
                out.write(f"\n## {kind}\n\n")
                render(records, "markdown", columns=SHOWN_FIELDS[kind], file=out)
        click.echo(out.getvalue(), nl=False)
        return

    from rich.console import Console
    from rich.text import Text

    console = Console(soft_wrap=False)
    console.rule(Text(a["title"] or a["path"], style="bold"))
    versions = "" if len(found["versions"]) <= 1 else f"  versions: {len(found['versions'])}"
    console.print(f"id {a['id']}  path {a['path']}  published {a['published'] or '?'}  "
                  f"dateline {a['dateline'] or '-'}  run {found['run']}"
                  f"{'' if a['current'] else '  (superseded version)'}{versions}", highlight=False, markup=False)
    text = Text(a["text"])
    for kind in ("quotes", "roles", "entities", "dates", "quantities", "amounts"):  # later styles win
        for f in facts[kind]:
            text.stylize(_style(kind, f), f["start"], f["end"])
    console.print(text)
    legend = Text("  ").join(Text(name, style=_style(kind, {"label": name if kind == "entities" else None}))
                             for kind, name in (("entities", "PERSON"), ("entities", "ORG"), ("entities", "GPE"),
                                                ("amounts", "amount"), ("quantities", "quantity"),
                                                ("dates", "date"), ("quotes", "quote"), ("roles", "role")))
    console.print(legend)
    for kind, records in facts.items():
        if records:
            render(records, "table", columns=SHOWN_FIELDS[kind], title=f"{kind} ({len(records)})",
                   file=console.file)


# --- prune ---------------------------------------------------------------------------------------

@click.command("prune")
@DB_OPTION
@click.option("--keep", type=click.IntRange(min=1), required=True,
              help="Keep the facts of each current article's N newest extractions.")
@click.option("--keep-versions", is_flag=True,
              help="Keep superseded article versions (texts no source file has any more) and their facts.")
@click.option("--yes", is_flag=True, help="Really delete; without it, only report what would be deleted.")
@FORMAT_OPTION
def prune_command(db_path, keep, keep_versions, yes, fmt) -> None:
    """Delete the facts of older extractions and of superseded article versions.

    Runs stay listed (with fewer facts); current facts are never touched. Without
    --yes nothing is deleted: the report says what would be.
    """
    from newsfacts import query, store

    with user_errors():
        db = store.open_db(db_path, create=False)
        try:
            report = query.prune(db.conn, keep, keep_versions=keep_versions, dry_run=not yes)
        finally:
            db.close()
    render(report, fmt, title="deleted" if yes else "would delete")
    if not yes:
        click.echo("dry run: nothing deleted; pass --yes to delete", err=True)
