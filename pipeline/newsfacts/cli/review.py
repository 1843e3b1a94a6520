"""`newsfacts diff`: what changed between two databases or two runs, as text, JSON or HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsfacts.cli.options import CommandError, user_errors
from newsfacts.records import KINDS


@click.command("diff")
@click.argument("databases", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--runs", nargs=2, type=int, default=None, metavar="A B",
              help="Compare run A with run B (of one database, or of OLD and NEW).")
@click.option("--kind", "-k", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this fact kind (repeat).")
@click.option("--article", "-a", default=None,
              help="Only this article: an id, an id prefix or a path (as given at ingest, relative or absolute).")
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json", "html")), default="text",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE instead of stdout.")
def diff(databases, runs, kinds, article, fmt, output) -> None:
    """Show what changed between two databases or two runs.

    Give OLD.db NEW.db (their current facts), or DB --runs A B.

    Facts are paired per article (by text, or by source file when the text was
    edited) and by kind and span: added, removed, or changed, shown old → new
    (other words, a moved boundary, another value, label, canonical name, speaker ...).

    Exit status: 0 no differences, 1 differences, 2 error.
    """
    from newsfacts.diff import diff_databases, render_html, render_json, render_text

    with user_errors():
        if runs is None and len(databases) != 2:
            raise CommandError("give two databases (OLD.db NEW.db), or one database with --runs A B")
        if runs is not None and len(databases) not in (1, 2):
            raise CommandError("--runs A B takes one database (or OLD.db NEW.db)")
        old_path, new_path = (databases[0], databases[-1])
        d = diff_databases(old_path, new_path, tuple(kinds) or KINDS, article, tuple(runs) if runs else None)
    if fmt == "json":
        report = render_json(d)
    elif fmt == "html":
        report = render_html(d)
    else:
        report = render_text(d, color=output is None and sys.stdout.isatty())
    if output:
        Path(output).write_text(report, encoding="utf-8")
        click.echo(f"{'differences' if d.different else 'no differences'}; report written to {output}", err=True)
    else:
        click.echo(report, nl=False)
    sys.exit(1 if d.different else 0)
