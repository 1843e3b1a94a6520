"""The newsfacts command line: thin click wrappers over the library functions."""

from __future__ import annotations

import sys

import click

from newsfacts import __version__
from newsfacts.ingest import DEFAULT_BATCH_SIZE
from newsfacts.readers import DEFAULT_MAX_BYTES

DB_OPTION = click.option("--db", "db_path", default="newsfacts.db", show_default=True,
                         type=click.Path(dir_okay=False), help="The newsfacts SQLite database.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsfacts")
def cli() -> None:
    """Turn folders of news articles into a queryable SQLite database of facts."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@DB_OPTION
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Worker processes for NLP [default: the CPU count].")
@click.option("--model", default=None, help="spaCy pipeline name or path, instead of the one in models/pipeline.cfg.")
@click.option("--glob", "pattern", default=None, help="Only files whose name matches, e.g. '*.txt'.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Leave out files and folders whose name matches (repeatable); see also .newsfactsignore.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Larger files are reported and skipped.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles per NLP batch and per database transaction.")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: when stderr is a terminal].")
def ingest(paths, db_path, workers, model, pattern, exclude, max_bytes, batch_size, progress) -> None:
    """Extract facts from the articles in PATHS (files or folders, walked recursively).

    Formats: .txt, .html/.htm, .json/.jsonl. Names listed in a folder's .newsfactsignore
    file (one glob a line) are left out, like --exclude. Articles already extracted by the same
    pipeline are skipped; a changed file becomes the current version of its article.
    Exit status: 0 when every article was processed, 1 when some failed.
    """
    from newsfacts.ingest import ingest as run_ingest
    from newsfacts.progress import reporter

    show_bar = sys.stderr.isatty() if progress is None else progress
    with reporter(show_bar) as (on_progress, on_error):
        result = run_ingest(paths, db_path, workers=workers, model=model, pattern=pattern, exclude=exclude,
                            max_bytes=max_bytes, batch_size=batch_size, progress=on_progress, on_error=on_error)
    click.echo(result.summary())
    if result.interrupted:
        sys.exit(130)
    sys.exit(1 if result.failed else 0)


@cli.command("eval", context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
             add_help_option=False)
@click.pass_context
def eval_(ctx: click.Context) -> None:
    """Score extraction against gold files or public corpora (see python -m newsfacts.eval --help)."""
    from newsfacts.eval.__main__ import eval_command

    eval_command.main(ctx.args, prog_name="newsfacts eval")


def _register_optional_commands() -> None:
    """Commands defined in their own modules (query, diff, serve, bench, eval)."""
    import importlib

    for module, names in (("newsfacts.query_cli", ("query", "search", "sql", "show", "runs", "prune")),
                          ("newsfacts.diff", ("diff",)), ("newsfacts.serve", ("serve",)),
                          ("newsfacts.bench", ("bench",))):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        for name in names:
            command = getattr(mod, f"{name}_command", None)
            if command is not None:
                cli.add_command(command, name)


_register_optional_commands()
