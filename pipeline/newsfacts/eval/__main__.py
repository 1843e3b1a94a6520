"""``python -m newsfacts.eval``: score the pipeline against gold files and public corpora.

``python -m newsfacts.eval DB GOLD.json...`` scores a database against gold files;
``python -m newsfacts.eval NAME PATH`` runs the scorer of one public corpus. Each
scorer module exposes a click command named ``command``, listed in ``SCORERS``.
"""

from __future__ import annotations

import importlib

import click

# Subcommand name = module of newsfacts.eval.
SCORERS = ("gold", "conll", "meantime", "meantime_corpus", "timeml", "polnear", "money", "dates", "cuts")


class _EvalGroup(click.Group):
    """A group whose unnamed first argument means the ``gold`` scorer."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["gold", *args]
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["gold", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_EvalGroup)
def eval_command() -> None:
    """Score extraction: DB GOLD.json... for gold files, or NAME PATH for a public corpus."""


for name in SCORERS:
    eval_command.add_command(importlib.import_module(f"newsfacts.eval.{name}").command, name)


if __name__ == "__main__":
    eval_command(prog_name="python -m newsfacts.eval")
