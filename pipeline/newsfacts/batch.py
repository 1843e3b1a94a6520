"""The batch job: article folders in, facts in the database, incrementally and in parallel.

Reading and bookkeeping happen in this process; NLP runs in ``workers``
processes, each loading the pipeline once. Results are written a batch per
transaction, so an interrupted run leaves whole articles and the next run picks
up the rest: an article whose text was already extracted by a pipeline with the
same fingerprint is never processed again.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, fields
from pathlib import Path

from newsfacts import nlp as nlp_module
from newsfacts import readers, store
from newsfacts.errors import NewsfactsError, NoInput

Extracted = tuple[str, dict | None, str | None]  # article id, facts by kind (or None), error
DEFAULT_BATCH_SIZE = 16
# Characters of text per nlp.pipe call: 16 average news articles fit; 16 long ones would take a worker
# from ~350 MB to over 800 MB.
NLP_BATCH_CHARS = 60_000
# Strings a pipeline may add to its vocabulary for good before every batch runs in a memory zone:
# at most about 30 MB, reached after several thousand news articles.
WARM_VOCAB_STRINGS = 50_000


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


# --- worker side ------------------------------------------------------------------------------------

_NLP = None


def _init_worker(model: str | None, models: str | None) -> None:
    global _NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    _NLP = nlp_module.load(model, Path(models) if models else None)


def _docs(nlp, batch: list[tuple[str, str, dict]]):
    from newsfacts.extensions import make_doc

    for _id, text, context in batch:
        yield make_doc(nlp, text, published=context["published"], dateline=context["dateline"],
                       title=context["title"])


def _facts(doc) -> dict[str, list[dict]]:
    from newsfacts.extensions import facts_of

    return {kind: [_as_dict(f) for f in records] for kind, records in facts_of(doc).items()}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _as_dict(record) -> dict:
    """``dataclasses.asdict`` without its deep copy: fact fields are plain values."""
    if isinstance(record, dict):
        return record
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


def extract_batch(batch: list[tuple[str, str, dict]], nlp=None) -> list[Extracted]:
    """Facts for a batch of (article id, text, context); a failing article is reported, not raised.

    Only plain records leave: no Doc outlives the batch (see ``batch_zone`` for the vocabulary).
    """
    nlp = nlp or _NLP
    with batch_zone(nlp):
        return [item for group in by_size(batch) for item in _extract(group, nlp)]


_BASE_STRINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def batch_zone(nlp) -> contextlib.AbstractContextManager:
    """Where a batch runs: a spaCy memory zone once the vocabulary has grown by ``WARM_VOCAB_STRINGS``.

    A zone frees the words and strings a batch adds, so a worker's memory stays flat over any number
    of articles; but inside one spaCy neither keeps new words nor caches tokenizations, which costs
    some 4 % of throughput. The words a process meets first are mostly the common ones, so keeping
    them up to a fixed budget buys back most of that for a bounded amount of memory.
    """
    base = _BASE_STRINGS.setdefault(nlp, len(nlp.vocab.strings))
    if len(nlp.vocab.strings) - base < WARM_VOCAB_STRINGS:
        return contextlib.nullcontext()
    return nlp.memory_zone()


def by_size(batch: list[tuple[str, str, dict]], max_chars: int = NLP_BATCH_CHARS) -> Iterator[list]:
    """Split a batch into runs of at most ``max_chars`` of text (a longer article goes alone): the model's
    arrays for one ``nlp.pipe`` batch grow with its tokens, and so would a worker's peak memory."""
    group: list = []
    size = 0
    for item in batch:
        if group and size + len(item[1]) > max_chars:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[1])
    if group:
        yield group


def _extract(batch: list[tuple[str, str, dict]], nlp) -> list[Extracted]:
    try:
        return [(b[0], _facts(doc), None) for b, doc in zip(batch, nlp.pipe(_docs(nlp, batch)), strict=True)]
    except Exception:
        out: list[Extracted] = []
        for item in batch:
            try:
                doc = nlp(next(_docs(nlp, [item])))
                out.append((item[0], _facts(doc), None))
            except Exception as exc:
                out.append((item[0], None, f"extraction failed: {type(exc).__name__}: {exc}"))
        return out


# --- parent side ------------------------------------------------------------------------------------

class _Inline:
    """The executor interface, run in this process: one worker needs no pool."""

    def __init__(self, model, models):
        self.nlp = nlp_module.load(model, models)

    def submit(self, fn, batch):
        future: Future = Future()
        future.set_result(fn(batch, self.nlp))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def ingest(paths: Iterable[str | os.PathLike] | str | os.PathLike, db: str | os.PathLike = "newsfacts.db", *,
           workers: int | None = None, model: str | None = None, models: str | os.PathLike | None = None,
           engine: str = "local", scheduler: str | None = None,
           pattern: str | None = None, exclude: Iterable[str] = (), max_bytes: int = readers.DEFAULT_MAX_BYTES,
           batch_size: int = DEFAULT_BATCH_SIZE,
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
    ``on_notice(line)`` what the run is doing while nothing completes (loading the model).
    """
    started = time.perf_counter()
    paths = [str(paths)] if isinstance(paths, str | os.PathLike) else [str(p) for p in paths]
    workers = max(1, workers or os.cpu_count() or 1)
    if engine not in ("local", "dask"):
        raise NewsfactsError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise NoInput(f"no such file or folder: {', '.join(missing)}")
    # Only the file names and the ids queued in this run (for texts found twice) are kept for the
    # whole run; what the database already knows is looked up a chunk of articles at a time.
    files = [str(p) for p in readers.find_files(paths, pattern, exclude)]
    if not files:
        kinds = f"files matching {pattern!r}" if pattern else "article files (.txt, .html, .json, .jsonl)"
        raise NoInput(f"no {kinds} under {', '.join(paths)}")
    spec = nlp_module.spec(model, Path(models) if models else None)
    db = store.open_db(db)
    run_id = store.start_run(db, spec, paths, workers)
    result = IngestResult(run_id)
    on_error = on_error or (lambda line: print(line, file=sys.stderr))
    total = len(files)
    queued: set[str] = set()
    pending: dict[Future, tuple[list[dict], list[dict]]] = {}
    executor = None
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

    def collect(futures: Iterable[Future]) -> None:
        for future in futures:
            rows, seen = pending.pop(future)
            extracted = future.result()
            facts, failures = {}, []
            by_id = {r["id"]: r for r in rows}
            for article_id, article_facts, error in extracted:
                if error:
                    failures.append(fail(by_id[article_id]["path"], error))
                    result.failed += 1
                else:
                    facts[article_id] = article_facts
                    result.new += 1
            ok_rows = [r for r in rows if r["id"] in facts]
            ok_seen = [s for s in seen if s["article_id"] in facts]
            store.write_batch(db, run_id, spec.fingerprint, ok_rows, facts, ok_seen, failures)
            report(len(rows), len(rows))

    try:
        side: tuple[list[dict], list[dict]] = ([], [])  # unchanged sources, read failures
        batch: list[dict] = []
        batch_seen: list[dict] = []
        for article, article_id, done_ids, sources in _with_known(_read_all(files, max_bytes), db, spec.fingerprint):
            if isinstance(article, readers.ReadFailure):
                side[1].append(fail(article.path, article.error))
                result.failed += 1
                report()
            else:
                result.seen += 1
                result.words += article.words
                for warning in article.warnings:
                    side[1].append(fail(article.path, warning, "warning"))
                    result.warnings += 1
                entry = {"key": article.key, "path": article.path, "article_id": article_id}
                if article_id in queued:
                    batch_seen.append(entry)  # the same text under another name, already queued
                    result.duplicates += 1
                    report()
                elif article_id in done_ids:
                    result.unchanged += 1
                    if sources.get(article.key) != article_id:
                        side[0].append(entry)
                    report()
                else:
                    queued.add(article_id)
                    batch.append(_article_row(article, article_id))
                    batch_seen.append(entry)
            if len(side[0]) + len(side[1]) >= 500:
                store.write_batch(db, run_id, spec.fingerprint, [], {}, *side)
                side = ([], [])
            if len(batch) >= batch_size:
                if executor is None:
                    executor = _start(workers, spec, on_notice, engine, scheduler)
                pending[executor.submit(extract_batch, [_task(r) for r in batch])] = (batch, batch_seen)
                batch, batch_seen = [], []
                while len(pending) >= 2 * workers:
                    collect(wait(pending, return_when=FIRST_COMPLETED).done)
        if batch:
            executor = executor or _start(workers, spec, on_notice, engine, scheduler)
            pending[executor.submit(extract_batch, [_task(r) for r in batch])] = (batch, batch_seen)
        store.write_batch(db, run_id, spec.fingerprint, [], {}, *side)
        while pending:
            collect(wait(pending, return_when=FIRST_COMPLETED).done)
    except KeyboardInterrupt:
        result.interrupted = True
    except BaseException:
        status = "failed"
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=not result.interrupted, cancel_futures=True)
        result.seconds = time.perf_counter() - started
        # Nothing extracted, nothing to count: an unchanged re-run must not scan the fact tables.
        result.facts = store.fact_counts(db, run_id) if result.new else {t: 0 for t in store.FACT_TABLES}
        counts = {"articles": result.seen, "new": result.new, "unchanged": result.unchanged,
                  "failed": result.failed}
        store.finish_run(db, run_id, "interrupted" if result.interrupted else status, counts, result.seconds)
        db.close()
    return result


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


def _read_all(files: list[str], max_bytes: int) -> Iterator[readers.RawArticle | readers.ReadFailure]:
    for name in files:
        path = Path(name)
        if not path.exists() and not path.is_symlink():  # a broken link is "unreadable", below
            yield readers.ReadFailure(str(path), "no such file or folder")
            continue
        yield from readers.read_path(path, max_bytes)


def _start(workers: int, spec, on_notice: Callable[[str], None] | None, engine: str, scheduler: str | None):
    if engine == "dask":
        from newsfacts.cluster import DaskExecutor

        if on_notice:
            on_notice(f"starting Dask: {scheduler or f'a local cluster of {workers} worker processes'}…")
        return DaskExecutor(spec, workers, scheduler)
    if on_notice:
        where = "" if workers == 1 else f" in {workers} worker processes"
        on_notice(f"loading the model {spec.model}{where}…")
    return _executor(workers, spec)


def _executor(workers: int, spec):
    if workers == 1:
        return _Inline(spec.model, spec.models)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(spec.model, str(spec.models)))


def _article_row(article: readers.RawArticle, article_id: str) -> dict:
    row = {k: getattr(article, k) for k in ("path", "title", "dateline", "dateline_start", "dateline_end",
                                               "agency", "published", "published_from", "source", "url",
                                               "format", "encoding", "text", "record_id")}
    return row | {"id": article_id, "key": article.key, "words": article.words, "chars": len(article.text)}


def _task(row: dict) -> tuple[str, str, dict]:
    return row["id"], row["text"], {"published": row["published"], "dateline": row["dateline"],
                                    "title": row["title"]}
