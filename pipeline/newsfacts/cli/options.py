"""What every command shares: the common options and how a library error becomes one line and exit 2."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

import click

from newsfacts.errors import NewsfactsError

DB_OPTION = click.option("--db", "db_path", default="newsfacts.db", show_default=True,
                         type=click.Path(dir_okay=False), help="The newsfacts SQLite database.")
FORMATS = ("table", "json", "csv", "markdown")
FORMAT_OPTION = click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table",
                             show_default=True, help="Output: a table for reading, json/csv/markdown for scripts.")
LIMIT_OPTION = click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N rows.")
ARTICLE_OPTION = click.option("--article", "-a", default=None, help="Only this article (id, id prefix or path).")
RUN_OPTION = click.option("--run", type=int, default=None,
                          help="Facts of this run instead of each article's newest run.")


class PartialDate(click.ParamType):
    """A calendar date, month or year: YYYY-MM-DD, YYYY-MM or YYYY."""

    name = "YYYY[-MM[-DD]]"

    def convert(self, value, param, ctx):
        import datetime as dt

        parts = value.split("-") if isinstance(value, str) else []
        try:
            if not (1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(len(p) == 2 for p in parts[1:])):
                raise ValueError
            dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
        except ValueError:
            option = param.opts[0] if param is not None else "date"
            raise CommandError(f"{option} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD") from None
        return value


class CommandError(click.ClickException):
    """A user-facing failure: one line on stderr, exit status 2 (1 means 'differences' for diff)."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's expected failures into CommandError."""
    try:
        yield
    except NewsfactsError as exc:
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
