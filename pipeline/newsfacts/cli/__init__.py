"""The newsfacts command line: a click group of thin wrappers over the library, one module per group.

Commands import what they need when they run, so ``newsfacts --help`` and the reading commands start
without loading spaCy.
"""

from __future__ import annotations

import click

from newsfacts import __version__
from newsfacts.cli import bench, evaluate, ingest, read, review, serve, show


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsfacts")
def cli() -> None:
    """Turn folders of news articles into a queryable SQLite database of facts."""


for command in (ingest.ingest, ingest.merge, read.query, read.search, read.sql, show.show, read.runs, show.prune,
                review.diff, serve.serve, bench.bench, evaluate.eval_):
    cli.add_command(command)
