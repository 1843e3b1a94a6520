"""`newsfacts ingest`: article folders in, facts in the database (a thin wrapper over newsfacts.batch)."""

from __future__ import annotations

import signal
import sys

import click

from newsfacts.batch import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS
from newsfacts.cli.options import DB_OPTION, user_errors
from newsfacts.readers import DEFAULT_MAX_BYTES
from newsfacts.shards import DEFAULT_SHARD_SIZE


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@DB_OPTION
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Worker processes for NLP [default: the CPU count].")
@click.option("--model", default=None, help="spaCy pipeline name or path, instead of the one in models/pipeline.cfg.")
@click.option("--models", "models", default=None, type=click.Path(exists=True, file_okay=False),
              help="A rules folder to use instead of the installed models/ (a copy you edit).")
@click.option("--glob", "pattern", default=None, help="Only files whose name matches, e.g. '*.txt'.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Leave out files and folders whose name matches (repeatable); see also .newsfactsignore.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Larger files are reported and skipped.")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="Where NLP runs: local worker processes, or a Dask cluster (pip install 'newsfacts[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler of a running cluster (tcp://HOST:8786) [default: a local "
              "cluster of --workers processes].")
@click.option("--shards", "shards", default=None, type=click.Path(file_okay=False),
              help="Instead of writing --db, have the workers write finished shards (databases) into this folder; "
              "fold them with newsfacts merge.")
@click.option("--shard-size", type=click.IntRange(min=1), default=DEFAULT_SHARD_SIZE, show_default=True,
              help="Files per shard, with --shards.")
@click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Longer articles are reported and skipped (this bounds the time one article takes).")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles per NLP batch and per database transaction.")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: when stderr is a terminal].")
def ingest(paths, db_path, workers, model, models, engine, scheduler, shards, shard_size, pattern, exclude, max_bytes,
           max_chars, batch_size, progress) -> None:
    """Extract facts from article files and folders into the database.

    PATHS are files or folders, walked recursively.

    Formats: .txt, .html/.htm, .json/.jsonl. Names listed in a folder's .newsfactsignore
    file (one glob a line) are left out, like --exclude. Articles already extracted by the same
    pipeline are skipped; a changed file becomes the current version of its article.
    Exit status: 0 when every article was processed, 1 when some failed, 2 on an error,
    130 when interrupted (Ctrl-C), 143 when terminated (SIGTERM).
    """
    from newsfacts.batch import ingest as run_ingest
    from newsfacts.progress import reporter

    show_bar = sys.stderr.isatty() if progress is None else progress
    if shards:
        from newsfacts.shards import ingest_shards

        with user_errors(), reporter(show_bar) as (on_progress, _on_error, on_notice):
            written = ingest_shards(paths, shards, workers=workers, model=model, models=models, engine=engine,
                                    scheduler=scheduler, pattern=pattern, exclude=exclude, max_bytes=max_bytes,
                                    batch_size=batch_size, shard_size=shard_size, progress=on_progress,
                                    on_notice=on_notice)
        click.echo(f"{written.summary()}; fold them with: newsfacts merge {shards} --db FILE")
        sys.exit(1 if written.failed else 0)
    stopped_by: list[int] = []

    def terminate(signum, frame):  # SIGTERM ends the run like Ctrl-C: workers stopped, run marked, summary
        stopped_by.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        with user_errors(), reporter(show_bar) as (on_progress, on_error, on_notice):
            result = run_ingest(paths, db_path, workers=workers, model=model, models=models, engine=engine,
                                scheduler=scheduler, pattern=pattern, exclude=exclude, max_bytes=max_bytes,
                                max_chars=max_chars, batch_size=batch_size, progress=on_progress, on_error=on_error,
                                on_notice=on_notice)
    except KeyboardInterrupt:  # before the run started: nothing was extracted
        click.echo("interrupted before any article was extracted", err=True)
        result = None
    finally:
        signal.signal(signal.SIGTERM, previous)
    if result is not None:
        click.echo(result.summary())
    if result is None or result.interrupted:
        sys.exit(128 + signal.SIGTERM if stopped_by else 130)
    sys.exit(1 if result.failed else 0)


@click.command("merge")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
def merge(folder, db_path) -> None:
    """Fold the shards an ingest --shards wrote into one database.

    Every finished shard (shard-*.db) of FOLDER is written into the database as one run: entity ids
    are remapped, articles the database already has from the same pipeline are kept as they are.
    """
    from newsfacts.merge import merge as merge_shards
    from newsfacts.merge import shard_files

    with user_errors():
        result = merge_shards(shard_files(folder), db_path)
    click.echo(result.summary())
