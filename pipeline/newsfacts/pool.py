"""The worker pool of an ingest: batches of articles out, facts back, and a worker's death costs a retry.

A worker process can die under a batch: killed (``kill -9``, the out-of-memory killer) or crashed in
native code. ``concurrent.futures`` then fails every batch in the pool with ``BrokenProcessPool``;
``Pool`` starts the workers again and submits those batches again. Facts are taken only from batches
that finished, so nothing is lost and nothing is stored twice. A batch in the pool at two deaths is a
suspect: it runs alone, so that a third death is its own, and is then split into single articles; an
article that kills its worker alone is reported as failed, and the run goes on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from newsfacts.errors import WorkersDied

MAX_FRUITLESS_RESTARTS = 4  # deaths in a row with no batch finished between them: workers cannot start


@dataclass
class Job:
    """One batch: the article rows to extract and the source entries read with them."""

    rows: list[dict]
    seen: list[dict]
    deaths: int = 0  # worker deaths while this batch was in the pool
    suspect: bool = False  # runs alone, so that a death is its own

    def split(self) -> list[Job]:
        return [Job([row], [s for s in self.seen if s["article_id"] == row["id"]], self.deaths, True)
                for row in self.rows]


Result = tuple[Job, list]  # a job and what ``fn`` returned for it: (article id, facts or None, error)


class Pool:
    """Runs ``fn(tasks_of(job))`` for each submitted job on an executor from ``start()``; ``finished()``
    returns jobs as they complete. ``len(pool)`` counts jobs queued or running."""

    def __init__(self, start: Callable[[], Executor], fn: Callable, tasks_of: Callable[[Job], list],
                 on_notice: Callable[[str], None] | None = None):
        self._start, self._fn, self._tasks_of = start, fn, tasks_of
        self._notice = on_notice or (lambda line: None)
        self.executor: Executor | None = None
        self.queue: deque[Job] = deque()
        self.running: dict[Future, Job] = {}
        self.fruitless = 0
        self.restarts = 0

    def __len__(self) -> int:
        return len(self.queue) + len(self.running)

    def submit(self, job: Job) -> None:
        self.queue.append(job)
        self._fill()

    def _fill(self) -> None:
        if any(job.suspect for job in self.running.values()):
            return
        while self.queue:
            if self.queue[0].suspect and self.running:
                return  # a suspect waits until it can run alone
            job = self.queue.popleft()
            if self.executor is None:
                self.executor = self._start()
            try:
                self.running[self.executor.submit(self._fn, self._tasks_of(job))] = job
            except BrokenProcessPool:  # broke before this job got in: it is retried with the others
                future: Future = Future()
                future.set_exception(BrokenProcessPool("the pool broke before the batch was submitted"))
                self.running[future] = job
            if job.suspect:
                return

    def finished(self) -> list[Result]:
        """Wait until at least one job completes; its results (after a death: every job that finished)."""
        self._fill()
        done, _ = wait(self.running, return_when=FIRST_COMPLETED)
        out: list[Result] = []
        lost: list[Job] = []
        for future in done:
            self._take(future, out, lost)
        if lost:  # the pool is broken: every other running job fails too, or finished before it broke
            for future in wait(list(self.running)).done:
                self._take(future, out, lost)
            self._restart(lost, out)
        if out:
            self.fruitless = 0
        return out

    def _take(self, future: Future, out: list[Result], lost: list[Job]) -> None:
        job = self.running.pop(future)
        try:
            out.append((job, future.result()))
        except BrokenProcessPool:
            lost.append(job)

    def _restart(self, lost: list[Job], out: list[Result]) -> None:
        self.fruitless += 0 if out else 1
        self.restarts += 1
        if self.fruitless > MAX_FRUITLESS_RESTARTS:
            raise WorkersDied(f"the worker processes died {self.fruitless} times in a row before finishing any "
                              "batch: see the lines above, or try --workers 1")
        self.stop(kill=True)
        retry: list[Job] = []
        for job in lost:
            job.deaths += 1
            if job.suspect:  # a suspect runs alone: the death is its own
                if len(job.rows) == 1:
                    row = job.rows[0]
                    out.append((job, [(row["id"], None, "extraction failed: the worker process died while "
                                                        "extracting this article")]))
                else:
                    retry += job.split()
            else:
                job.suspect = job.suspect or job.deaths >= 2
                retry.append(job)
        articles = sum(len(job.rows) for job in retry)
        if retry:
            self._notice(f"a worker process died; starting the workers again and retrying {len(retry)} "
                         f"batch{'es' if len(retry) > 1 else ''} ({articles} article{'s' if articles > 1 else ''})")
        # suspects first, each alone; then the others in their order
        self.queue.extendleft(reversed(sorted(retry, key=lambda job: not job.suspect)))

    def stop(self, kill: bool = False) -> None:
        """Shut the executor down; with ``kill``, end its worker processes now instead of after their batch
        (an interrupt, or a broken pool)."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        # Its manager thread notices the dead workers and closes its wake-up pipe; wait for that, or Python's
        # exit handler may write to the pipe as it closes ("Bad file descriptor" at exit). Taken before
        # ``shutdown``, which forgets it.
        manager = getattr(executor, "_executor_manager_thread", None)
        if kill:
            for process in processes:
                with contextlib.suppress(Exception):
                    process.kill()
        executor.shutdown(wait=not kill, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.join(timeout=5)
        if manager is not None and manager is not threading.current_thread():
            manager.join(timeout=10)


class Inline:
    """The executor interface, run in this process: one worker needs no pool. ``load()`` gives the pipeline,
    ``release()`` undoes what loading set for the process."""

    def __init__(self, load: Callable[[], object], release: Callable[[], None]):
        self.nlp = load()
        self._release = release

    def submit(self, fn, batch):
        future: Future = Future()
        future.set_result(fn(batch, self.nlp))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        self._release()


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """SIGINT and SIGTERM ignored for a moment (in the main thread): the end of a run is written whole."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            if handler is not None:
                signal.signal(sig, handler)


def fork_is_safe() -> bool:
    """Whether worker processes may be forked from this one: on Linux, and while it runs one thread (a
    fork copies only the calling thread, so a lock another thread holds would stay locked in the child).
    macOS can fork, but its system libraries are not safe to use in a forked child. A pipeline whose
    libraries cannot be forked once loaded is run with ``NEWSFACTS_START_METHOD=spawn``."""
    return (os.environ.get("NEWSFACTS_START_METHOD", "fork") != "spawn" and sys.platform.startswith("linux")
            and threading.active_count() == 1)


# --- worker side ------------------------------------------------------------------------------------

def watch_parent() -> None:
    """In a worker: die with the process that started it. A worker of a killed ingest would otherwise
    finish its batch, and a pool of them would keep the model in memory with nobody to report to.
    Linux ends the worker at once (``PR_SET_PDEATHSIG``); elsewhere a thread checks every second."""
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsfacts-parent-watch", daemon=True).start()
