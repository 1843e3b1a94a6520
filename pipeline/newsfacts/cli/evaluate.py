"""`newsfacts eval`: the scorers of newsfacts.eval, under the main command."""

from __future__ import annotations

import click


@click.command("eval", context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
             add_help_option=False)
@click.pass_context
def eval_(ctx: click.Context) -> None:
    """Score extraction against gold files or public corpora.

    See python -m newsfacts.eval --help.
    """
    from newsfacts.eval.__main__ import eval_command

    eval_command.main(ctx.args, prog_name="newsfacts eval")
