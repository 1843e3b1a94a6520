"""Progress for long runs: a rich bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def reporter(bar: bool) -> Iterator[tuple[Callable[[int, int, int], None], Callable[[str], None],
                                         Callable[[str], None]]]:
    """Yield (on_progress(done, total, words), on_error(line), on_notice(line)) for ``newsfacts.batch.ingest``."""
    started = time.monotonic()
    if not bar:
        last = [0.0]

        def log(done: int, total: int, words: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 10 or done == total:
                last[0] = now
                rate = done / max(now - started, 1e-9)
                print(f"{done}/{total} articles, {rate:.1f} articles/s, {words / max(now - started, 1e-9):,.0f} "
                      "words/s", file=sys.stderr, flush=True)

        def say(line: str) -> None:
            print(line, file=sys.stderr, flush=True)

        yield log, say, say
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=None, rate="-")

        def update(done: int, total: int, words: int) -> None:
            rate = done / max(time.monotonic() - started, 1e-9)
            progress.update(task, completed=done, total=max(total, done), rate=f"{rate:.1f}")

        def notice(line: str) -> None:
            console.print(line, markup=False, highlight=False, soft_wrap=True)

        yield update, notice, notice
