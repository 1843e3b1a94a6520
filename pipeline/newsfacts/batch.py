"""The batch job: article folders in, facts in the database, incrementally and in parallel.

Reading and bookkeeping happen in this process; NLP runs in ``workers``
processes, forked once this process has loaded the pipeline (or, where forking
is not safe, each loading its own). Results are written a batch per
transaction, so an interrupted run leaves whole articles and the next run picks
up the rest: an article whose text was already extracted by a pipeline with the
same fingerprint is never processed again.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts import nlp as nlp_module
from newsfacts import readers, store
from newsfacts.errors import NewsfactsError, NoInput, StoreError
from newsfacts.pool import Inline, Job, Pool, fork_is_safe, shielded
from newsfacts.work import (  # noqa: F401 - the worker side, also reachable here as before
    Extracted,
    article_row,
    batch_zone,
    by_size,
    extract_batch,
    init_forked_worker,
    init_worker,
    load_pipeline,
    preload,
    release_pipeline,
    task_of,
    unload,
)

DEFAULT_BATCH_SIZE = 16
# Characters of one article: a longer one is reported and skipped (spaCy's own default limit). With the
# pieces above, time grows linearly with an article's tokens, so this bounds the time of one article.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass
class IngestResult:
    run_id: int
    seen: int = 0
    new: int = 0
    unchanged: int = 0
    duplicates: int = 0  # texts met again under another name in this run, extracted once
    failed: int = 0
    warnings: int = 0
    words: int = 0
    seconds: float = 0.0
    facts: dict[str, int] = field(default_factory=dict)
    interrupted: bool = False

    def summary(self) -> str:
        facts = ", ".join(f"{n} {k}" for k, n in self.facts.items())
        articles = f"{self.seen} article{'' if self.seen == 1 else 's'}"
        text = (f"run {self.run_id}: {articles} seen, {self.new} new, {self.unchanged} unchanged, "
                f"{self.failed} failed; facts: {facts or 'none'}; {self.seconds:.1f}s")
        if self.duplicates:
            text = text.replace(" unchanged,", f" unchanged, {self.duplicates} duplicate texts,", 1)
        if self.new == 0 and not self.interrupted:
            text += " (nothing new: no NLP work done)"
        if self.interrupted:
            text += " — INTERRUPTED: run again to resume"
        return text


# --- parent side ------------------------------------------------------------------------------------

def ingest(paths: Iterable[str | os.PathLike] | str | os.PathLike, db: str | os.PathLike = "newsfacts.db", *,
           workers: int | None = None, model: str | None = None, models: str | os.PathLike | None = None,
           engine: str = "local", scheduler: str | None = None,
           pattern: str | None = None, exclude: Iterable[str] = (), max_bytes: int = readers.DEFAULT_MAX_BYTES,
           max_chars: int = DEFAULT_MAX_CHARS, batch_size: int = DEFAULT_BATCH_SIZE,
           on_error: Callable[[str], None] | None = None,
           progress: Callable[[int, int, int, int], None] | None = None,
           on_notice: Callable[[str], None] | None = None) -> IngestResult:
    """Read every article under ``paths`` and store the facts of those not yet extracted.

    ``paths`` are files or folders (walked recursively); ``db`` the database file, created if needed.
    ``model`` overrides the base spaCy pipeline, ``models`` the rules folder (default: ``models/``).
    ``engine`` is ``local`` (``workers`` processes here) or ``dask`` (a local cluster of ``workers``
    processes, or the cluster whose ``scheduler`` address is given; see ``newsfacts.cluster``).
    ``on_error(line)`` is told of each bad input; ``progress(done, total, words, extracted)`` after each
    step (``extracted``: articles the model ran on, so far; ``newsfacts.progress`` rates only those);
    ``on_notice(line)`` what the run is doing while nothing completes (loading the model, a worker's death).
    KeyboardInterrupt ends the run as interrupted (the CLI turns SIGTERM into one); StoreError when the
    database cannot be written (disk full), after which the batches stored before stay whole.
    """
    started = time.perf_counter()
    paths = [str(paths)] if isinstance(paths, str | os.PathLike) else [str(p) for p in paths]
    workers = max(1, workers or os.cpu_count() or 1)
    if engine not in ("local", "dask"):
        raise NewsfactsError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    missing = [readers.shown(p) for p in paths if readers.missing(p)]
    if missing:
        raise NoInput(f"no such file or folder: {', '.join(missing)}")
    # Only the file names and the ids queued in this run (for texts found twice) are kept for the
    # whole run; what the database already knows is looked up a chunk of articles at a time.
    unlisted: list[readers.ReadFailure] = []
    files = [str(p) for p in readers.find_files(paths, pattern, exclude, errors=unlisted)]
    if not files:
        if unlisted:
            raise NoInput(f"{unlisted[0].path}: {unlisted[0].error}")
        kinds = f"files matching {pattern!r}" if pattern else "article files (.txt, .html, .json, .jsonl)"
        raise NoInput(f"no {kinds} under {', '.join(readers.shown(p) for p in paths)}")
    spec = nlp_module.spec(model, Path(models) if models else None)
    db_name = readers.shown(str(db))
    db = store.open_db(db)
    run_id = store.start_run(db, spec, paths, workers)
    result = IngestResult(run_id)
    on_error = on_error or (lambda line: print(line, file=sys.stderr))
    total = len(files) + len(unlisted)
    # Each text queued in this run: the sources met again under other names while it waits, then
    # _STORED or _FAILED once its batch is written.
    queued: dict[str, list[dict] | object] = {}
    pool = Pool(lambda: start_executor(workers, spec, on_notice, engine, scheduler), extract_batch,
                lambda job: [task_of(r) for r in job.rows], on_notice)
    side: tuple[list[dict], list[dict]] = ([], [])  # sources of unchanged or duplicate texts, failures
    done = extracted = 0
    status = "complete"

    def report(n: int = 1, nlp: int = 0) -> None:
        nonlocal done, extracted
        done, extracted = done + n, extracted + nlp
        if progress:
            progress(done, total, result.words, extracted)

    def fail(path: str, error: str, level: str = "error") -> dict:
        on_error(f"{'warning' if level == 'warning' else 'error'}: {path}: {error}")
        return {"path": path, "error": error, "level": level}

    def write(rows: list[dict], facts: dict, seen: list[dict], failures: list[dict]) -> None:
        try:
            store.write_batch(db, run_id, spec.fingerprint, rows, facts, seen, failures)
        except sqlite3.OperationalError as exc:  # disk full, read-only file, locked too long
            raise StoreError(f"{db_name}: could not write ({exc}); run {run_id} stored {result.new} new "
                             "articles before that, and running the same command again goes on from there") from None

    def flush_side() -> None:
        if side[0] or side[1]:
            write([], {}, *side)
            side[0].clear()
            side[1].clear()

    def collect(results: list) -> None:
        for job, extracted in results:
            facts, failures, seen = {}, [], []
            by_id = {r["id"]: r for r in job.rows}
            for article_id, article_facts, error in extracted:
                waiting = queued.get(article_id) or []
                if error:
                    failures.append(fail(by_id[article_id]["path"], error))
                    failures += [fail(s["path"], f"{error} (the same text as {by_id[article_id]['path']})")
                                 for s in waiting]
                else:
                    facts[article_id] = article_facts
                    seen += [s for s in job.seen if s["article_id"] == article_id] + waiting
            write([r for r in job.rows if r["id"] in facts], facts, seen, failures)
            for article_id in by_id:
                queued[article_id] = _STORED if article_id in facts else _FAILED
            result.new += len(facts)
            result.failed += len(failures)
            report(len(job.rows), len(job.rows))

    try:
        for failure in unlisted:
            side[1].append(fail(failure.path, failure.error))
            result.failed += 1
            report()
        batch: list[dict] = []
        batch_seen: list[dict] = []
        known = _with_known(readers.read_all(files, max_bytes), db, spec.fingerprint)
        for read, (article, article_id, done_ids, sources) in enumerate(known, start=1):
            if isinstance(article, readers.ReadFailure):
                side[1].append(fail(article.path, article.error))
                result.failed += 1
                report()
            elif len(article.text) > max_chars:
                side[1].append(fail(article.path, f"too long: {len(article.text):,} characters (limit "
                                                  f"{max_chars:,}; see --max-chars)"))
                result.failed += 1
                report()
            else:
                result.seen += 1
                result.words += article.words
                for warning in article.warnings:
                    side[1].append(fail(article.path, warning, "warning"))
                    result.warnings += 1
                entry = {"key": article.key, "path": article.path, "article_id": article_id}
                if article_id in queued:  # the same text under another name, met before in this run
                    result.duplicates += 1
                    state = queued[article_id]
                    if state is _STORED:
                        side[0].append(entry)
                    elif state is _FAILED:
                        side[1].append(fail(article.path, "the same text as an article whose extraction failed"))
                        result.failed += 1
                    else:
                        state.append(entry)  # written with its batch
                    report()
                elif article_id in done_ids:
                    result.unchanged += 1
                    if sources.get(article.key) != article_id:
                        side[0].append(entry)
                    report()
                else:
                    queued[article_id] = []
                    batch.append(article_row(article, article_id))
                    batch_seen.append(entry)
            if len(side[0]) + len(side[1]) >= 500:
                flush_side()
            if len(batch) >= _batch_size(batch_size, workers, len(files) - read):
                pool.submit(Job(batch, batch_seen))
                batch, batch_seen = [], []
                while len(pool) >= 2 * workers:
                    collect(pool.finished())
        if batch:
            pool.submit(Job(batch, batch_seen))
        flush_side()
        while pool:
            collect(pool.finished())
    except KeyboardInterrupt:
        result.interrupted = True
    except BaseException:
        status = "failed"
        raise
    finally:
        with shielded():  # a second Ctrl-C must not leave the run unrecorded
            pool.stop(kill=result.interrupted or status == "failed")
            unload()
            result.seconds = time.perf_counter() - started
            try:
                if db.conn.in_transaction:  # a batch whose write an interrupt cut short: not stored
                    db.conn.rollback()
                if result.interrupted or status == "failed":  # it may have struck between a commit and its count
                    result.new = store.extracted_count(db, run_id)
                counts = {"articles": result.seen, "new": result.new, "unchanged": result.unchanged,
                          "failed": result.failed}
                # Nothing extracted, nothing to count: an unchanged re-run must not scan the fact tables.
                result.facts = store.fact_counts(db, run_id) if result.new else {t: 0 for t in store.FACT_TABLES}
                store.finish_run(db, run_id, "interrupted" if result.interrupted else status, counts,
                                 result.seconds)
            except sqlite3.Error as exc:  # the next run marks it interrupted once this process is gone
                on_error(f"warning: {db_name}: could not record the end of run {run_id} ({exc})")
            db.close()
    return result


_STORED, _FAILED = object(), object()


def _batch_size(size: int, workers: int, left: int) -> int:
    """Batches of ``size`` articles, and a quarter of that for the last two rounds of the workers: they
    then finish at nearly the same time instead of one idling while another runs a full batch. ``left``:
    files not yet read (below 0 once a JSON lines file has held many articles: full batches)."""
    return size if workers == 1 or left < 0 or left >= 2 * workers * size else max(1, size // 4)


def _with_known(articles: Iterator[readers.RawArticle | readers.ReadFailure], db, fingerprint: str,
                chunk: int = 256) -> Iterator[tuple]:
    """Each article with its id and what the database knows of its chunk: ids already extracted with
    this fingerprint, and the article each source key points at. Memory stays flat however large
    the folder or the database."""
    while True:
        part = list(itertools.islice(articles, chunk))
        if not part:
            return
        ids = [a.id if isinstance(a, readers.RawArticle) else None for a in part]
        done_ids = store.extracted_ids(db, fingerprint, [i for i in ids if i])
        sources = store.source_map(db, [a.key for a in part if isinstance(a, readers.RawArticle)])
        for article, article_id in zip(part, ids, strict=True):
            yield article, article_id, done_ids, sources


def start_executor(workers: int, spec, on_notice: Callable[[str], None] | None, engine: str = "local",
                   scheduler: str | None = None):
    """Where batches run: this process (one worker), a local process pool, or a Dask cluster."""
    if engine == "dask":
        from newsfacts.cluster import DaskExecutor

        if on_notice:
            on_notice(f"starting Dask: {scheduler or f'a local cluster of {workers} worker processes'}…")
        return DaskExecutor(spec, workers, scheduler)
    forked = workers > 1 and fork_is_safe()
    if on_notice:
        where = ("" if workers == 1 else f" for {workers} worker processes" if forked
                 else f" in {workers} worker processes")
        on_notice(f"loading the model {spec.model}{where}…")
    return _executor(workers, spec, forked)


def _executor(workers: int, spec, forked: bool):
    """One worker runs here. More are forked from this process once it has loaded the pipeline (see
    ``work.preload``; ``work.unload`` releases it when the run ends) or, where forking is not safe, started
    afresh, each loading its own."""
    if workers == 1:
        return Inline(lambda: load_pipeline(spec.model, spec.models), release_pipeline)
    if forked:  # a forked worker inherits the open database connection; it never uses or closes it
        preload(spec.model, spec.models)
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=init_forked_worker)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=init_worker, initargs=(spec.model, str(spec.models)))
