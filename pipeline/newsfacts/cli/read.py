"""`newsfacts query`, `search`, `sql` and `runs`: reading the database, one read-only connection each."""

from __future__ import annotations

import math

import click

from newsfacts.cli.options import (
    ARTICLE_OPTION,
    DB_OPTION,
    FORMAT_OPTION,
    LIMIT_OPTION,
    RUN_OPTION,
    CommandError,
    PartialDate,
    connection,
    user_errors,
)
from newsfacts.cli.output import TABLE_COLUMNS, render
from newsfacts.query.connection import DEFAULT_SQL_TIMEOUT
from newsfacts.query.facts import QUERY_NAMES


@click.command("query")
@click.argument("what", type=click.Choice(QUERY_NAMES))
@DB_OPTION
@click.option("--label", "-l", multiple=True, help="entities: only these labels (PERSON, ORG, GPE; repeat or comma).")
@click.option("--name", default=None,
              help="people/entities/roles: canonical name contains this; articles: mention such an entity.")
@click.option("--speaker", "-s", default=None, help="quotes: speaker's canonical name contains this.")
@click.option("--author", default=None, help="articles: a writer's name contains this.")
@click.option("--country", default=None,
              help="articles: datelined in this country (ISO 3166 code such as GB, or a name).")
@click.option("--kind", default=None,
              help="quotes: direct (default)|partial|indirect|all; dates: date|time|duration|set.")
@click.option("--currency", "-c", default=None, help="amounts: ISO 4217 code (USD, EUR, KZT).")
@click.option("--unit", default=None, help="quantities: unit name (percent, tonne).")
@click.option("--about", default=None, help="amounts: what the figure measures contains this.")
@click.option("--min", "min_value", type=float, default=None, help="amounts/quantities: value at least.")
@click.option("--max", "max_value", type=float, default=None, help="amounts/quantities: value at most.")
@click.option("--from", "date_from", type=PartialDate(), default=None,
              help="dates: on or after this day, month or year; articles: published then or later.")
@click.option("--to", "date_to", type=PartialDate(), default=None,
              help="dates: on or before this day, month or year; articles: published then or earlier.")
@ARTICLE_OPTION
@RUN_OPTION
@LIMIT_OPTION
@FORMAT_OPTION
def query(what, db_path, label, name, speaker, author, country, kind, currency, unit, about, min_value, max_value,
                  date_from, date_to, article, run, limit, fmt) -> None:
    """List facts of one kind, with filters.

    WHAT is people, entities, roles, amounts, quantities, quotes, dates or articles.

    \b
    Examples:
      newsfacts query people --limit 20
      newsfacts query entities --label ORG,GPE
      newsfacts query amounts --currency USD --min 1e9
      newsfacts query quotes --speaker Smith --format json
      newsfacts query dates --from 2026-02 --to 2026-03-15
      newsfacts query articles --name "Gordon Brown" --from 2005-01
      newsfacts query articles --country JP
    """
    from newsfacts import query as queries

    common = {"article": article, "run": run, "limit": limit}
    calls = {
        "people": lambda c: queries.people(c, name=name, **common),
        "entities": lambda c: queries.entities(c, label=label, name=name, **common),
        "roles": lambda c: queries.roles(c, name=name, **common),
        "amounts": lambda c: queries.amounts(c, currency=currency, min_value=min_value, max_value=max_value,
                                           about=about, **common),
        "quantities": lambda c: queries.quantities(c, unit=unit, min_value=min_value, max_value=max_value, **common),
        "quotes": lambda c: queries.quotes(c, speaker=speaker, kind=kind, **common),
        "dates": lambda c: queries.dates(c, date_from=date_from, date_to=date_to, kind=kind, **common),
        "articles": lambda c: queries.articles(c, date_from=date_from, date_to=date_to, author=author, name=name,
                                               country=country, **common),
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
def search(text, db_path, what, raw, limit, fmt) -> None:
    """Search articles and quotes by words, best match first.

    Full-text search over current articles and quotes, with snippets.

    Words are stemmed (trade matches trading); every word must occur.
    """
    from newsfacts import query as queries

    with connection(db_path) as conn, user_errors():
        found = queries.search(conn, text, what=what, raw=raw, limit=limit)
    render(found, fmt, columns=["kind", "article", "title", "snippet", "score"] if fmt == "table" else None,
           title=f"matches for {text!r}")


@click.command("sql")
@click.argument("statement")
@DB_OPTION
@click.option("--param", "-p", "params", multiple=True, help="A value for the next ? placeholder (repeatable).")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_SQL_TIMEOUT, show_default=True,
              help="Stop the statement after this many seconds (0: no limit).")
@FORMAT_OPTION
def sql(statement, db_path, params, timeout, fmt) -> None:
    """Run one read-only SQL statement.

    The database is opened with mode=ro: a statement that would write is refused.
    A statement still running after --timeout seconds is stopped; so is one you stop with Ctrl-C.
    Blobs are shown as X'hex' (json: {"$base64": true, "encoded": ...}, as Datasette writes them).

    \b
    Example:
      newsfacts sql "SELECT canonical, mentions FROM entity_summary WHERE label = 'ORG' ORDER BY mentions DESC"
    """
    from newsfacts import query as queries

    try:
        with user_errors():
            columns, found = queries.run_sql(db_path, statement, list(params), timeout=timeout or None)
    except KeyboardInterrupt:
        raise CommandError("sql interrupted", exit_code=130) from None
    render([{k: _shown(v, fmt) for k, v in row.items()} for row in found], fmt, columns=columns)


def _shown(value, fmt: str):
    """A value every format can write: blobs as X'hex' or, in JSON, base64; infinities and NaN as text."""
    if isinstance(value, bytes):
        if fmt == "json":
            import base64

            return {"$base64": True, "encoded": base64.b64encode(value).decode("ascii")}
        return f"X'{value.hex().upper()}'"
    if isinstance(value, float) and not math.isfinite(value):  # what JavaScript calls them; JSON has no word
        return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
    return value


@click.command("runs")
@DB_OPTION
@LIMIT_OPTION
@FORMAT_OPTION
def runs(db_path, limit, fmt) -> None:
    """List ingest runs, newest first.

    Each run with its status, pipeline fingerprint, article and fact counts.
    """
    from newsfacts import query as queries

    with connection(db_path) as conn, user_errors():
        found = queries.runs(conn, limit=limit)
    if fmt == "table":  # fact counts summed and fewer columns, so that the table fits 80 columns; json has all
        kinds = ("entities", "roles", "amounts", "quantities", "dates", "attributions")
        rows = [r | {"fingerprint": (r["fingerprint"] or "")[:8], "facts": sum(r.get(k) or 0 for k in kinds)}
                for r in found]
        render(rows, fmt, columns=["id", "started", "status", "fingerprint", "articles", "new", "failed", "facts"],
               title="runs")
    else:
        render(found, fmt)
