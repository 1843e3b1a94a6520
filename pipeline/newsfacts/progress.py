"""Progress for long runs: a rich bar on a terminal, plain log lines otherwise.

The rate and the time left are counted from the moment the first batch came back from the model:
before it, the model was loading and only files already extracted (skipped in a blink) were counted,
and a rate taken over that stretch is far too high or far too low.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Progress = Callable[[int, int, int, int], None]  # (done, total, words, extracted)


class Rate:
    """Articles extracted per second and the time left, from the first extracted batch on.

    ``done`` counts every article settled (extracted, unchanged, failed); ``extracted`` those the model
    ran on. Before a second batch has come back there is no honest rate, and both are None.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.start: tuple[float, int, int] | None = None  # (time, done, extracted) when the first batch came back
        self.now: tuple[float, int, int, int] = (clock(), 0, 0, 0)  # (time, done, total, extracted)

    def update(self, done: int, total: int, extracted: int) -> None:
        now = self.clock()
        if self.start is None and extracted > 0:
            self.start = (now, done, extracted)
        self.now = (now, done, total, extracted)

    def _since_start(self) -> tuple[float, int, int] | None:
        if self.start is None:
            return None
        t0, done0, extracted0 = self.start
        t, done, _, extracted = self.now
        if t <= t0 or extracted <= extracted0:
            return None
        return t - t0, done - done0, extracted - extracted0

    @property
    def per_second(self) -> float | None:
        """Articles extracted per second since the first batch came back."""
        since = self._since_start()
        return since[2] / since[0] if since else None

    @property
    def seconds_left(self) -> float | None:
        """The articles still to settle at the pace they settled since the first batch (skips included)."""
        since = self._since_start()
        if not since:
            return None
        _, done, total, _ = self.now
        return max(total - done, 0) * since[0] / max(since[1], 1)


def clock_text(seconds: float | None) -> str:
    """h:mm:ss, or "–" while there is no estimate."""
    if seconds is None:
        return "–"
    s = round(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def rate_text(rate: Rate) -> str:
    return "–" if rate.per_second is None else f"{rate.per_second:.1f}"


@contextmanager
def reporter(bar: bool, clock: Callable[[], float] = time.monotonic) -> Iterator[
        tuple[Progress, Callable[[str], None], Callable[[str], None]]]:
    """Yield (on_progress(done, total, words, extracted), on_error(line), on_notice(line)) for
    ``newsfacts.batch.ingest``."""
    rate = Rate(clock)
    if not bar:
        last = [clock()]

        def log(done: int, total: int, words: int, extracted: int) -> None:
            rate.update(done, total, extracted)
            if clock() - last[0] >= 10 or done == total:
                last[0] = clock()
                print(f"{done}/{total} articles ({extracted} extracted), {rate_text(rate)} articles/s, "
                      f"{clock_text(rate.seconds_left)} left", file=sys.stderr, flush=True)

        def say(line: str) -> None:
            print(line, file=sys.stderr, flush=True)

        yield log, say, say
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(), TextColumn("ETA {task.fields[eta]}"))
    with Bar(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=None, rate="–", eta="–")

        def update(done: int, total: int, words: int, extracted: int) -> None:
            rate.update(done, total, extracted)
            progress.update(task, completed=done, total=max(total, done), rate=rate_text(rate),
                            eta=clock_text(rate.seconds_left))

        def notice(line: str) -> None:
            console.print(line, markup=False, highlight=False, soft_wrap=True)

        yield update, notice, notice
