"""`newsfacts show` (one article with its facts highlighted) and `newsfacts prune` (reclaiming space)."""

from __future__ import annotations

import io
import json

import click

from newsfacts.cli import output
from newsfacts.cli.options import DB_OPTION, FORMAT_OPTION, RUN_OPTION, connection, user_errors
from newsfacts.cli.output import render

STYLES = {
    "entities": {"PERSON": "bold magenta", "ORG": "bold blue", "GPE": "bold green", "LOC": "green",
                 "NORP": "cyan", "EVENT": "bold cyan", "": "bold"},
    "amounts": "bold black on yellow", "quantities": "black on bright_yellow", "dates": "bold red",
    "quotes": "italic", "roles": "underline",
}
SHOWN_FIELDS = {
    "entities": ["start", "end", "text", "label", "canonical", "source"],
    "roles": ["start", "end", "text", "role", "person", "of", "former"],
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
def show(article, db_path, run, fmt) -> None:
    """Print one article with its facts highlighted, then listed by kind.

    ARTICLE is an id, an id prefix or the path it was read from.
    """
    from newsfacts import query as queries

    with connection(db_path) as conn, user_errors():
        found = queries.article(conn, article, run=run)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    a, facts = found["article"], found["facts"]
    if fmt == "markdown":
        out = io.StringIO()
        out.write(f"# {a['title'] or a['path']}\n\n")
        if a.get("author"):
            out.write(f"By {a['author']}\n\n")
        for kind, records in facts.items():
            if records:
                out.write(f"\n## {kind}\n\n")
                render(records, "markdown", columns=SHOWN_FIELDS[kind], file=out)
        click.echo(out.getvalue(), nl=False)
        return

    from rich.text import Text

    console = output.console()
    console.rule(Text(a["title"] or a["path"], style="bold"))
    versions = "" if len(found["versions"]) <= 1 else f"  versions: {len(found['versions'])}"
    byline = f"  by {a['author']}" if a.get("author") else ""
    country = f" ({a['country']})" if a.get("country") else ""
    console.print(f"id {a['id']}  path {a['path']}{byline}  published {a['published'] or '?'}  "
                  f"dateline {a['dateline'] or '-'}{country}  run {found['run']}"
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


@click.command("prune")
@DB_OPTION
@click.option("--keep", type=click.IntRange(min=1), required=True,
              help="Keep the facts of each current article's N newest extractions.")
@click.option("--keep-versions", is_flag=True,
              help="Keep superseded article versions (texts no source file has any more) and their facts.")
@click.option("--yes", is_flag=True, help="Really delete; without it, only report what would be deleted.")
@FORMAT_OPTION
def prune(db_path, keep, keep_versions, yes, fmt) -> None:
    """Delete older extractions and superseded article versions.

    Runs stay listed (with fewer facts); current facts are never touched. Without
    --yes nothing is deleted: the report says what would be.
    """
    from newsfacts import query as queries
    from newsfacts import store

    with user_errors():
        db = store.open_db(db_path, create=False, write=yes)
        try:
            report = queries.prune(db.conn, keep, keep_versions=keep_versions, dry_run=not yes)
        finally:
            db.close()
    render(report, fmt, title="deleted" if yes else "would delete")
    if not yes:
        click.echo("dry run: nothing deleted; pass --yes to delete", err=True)
