"""Sharded ingest, for clusters past one SQLite writer: each worker reads its files and writes whole shards.

The main process only lists the files and hands out shards of ``shard_size`` of them; a worker reads
them (the paths must be readable where it runs), extracts the facts and writes a database of its own in
the project's schema under ``shard-….db.tmp``, renamed to ``shard-….db`` once complete. A shard's name
comes from the pipeline fingerprint and its file list, so a re-run skips the finished ones and redoes an
interrupted one. ``newsfacts merge`` (``newsfacts.merge``) folds the shards into one database.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts import readers
from newsfacts.errors import NoInput

DEFAULT_SHARD_SIZE = 500  # files per shard: a few minutes of one worker's time, a few MB of database


@dataclass
class ShardResult:
    shards: int = 0  # shards the input makes
    written: int = 0  # written by this run
    skipped: int = 0  # finished by an earlier run
    articles: int = 0  # extracted into the shards written now
    failed: int = 0  # files or articles that failed, recorded in their shard's failures table
    paths: list[str] = field(default_factory=list)  # every finished shard

    def summary(self) -> str:
        return (f"{self.shards} shards: {self.written} written, {self.skipped} already finished; "
                f"{self.articles} articles extracted, {self.failed} failed")


@dataclass(frozen=True)
class ShardTask:
    files: tuple[str, ...]
    target: str
    spec: object  # nlp.PipelineSpec
    max_bytes: int
    batch_size: int


def plan(files: list[str], folder: Path, fingerprint: str, shard_size: int) -> list[tuple[Path, list[str]]]:
    """(shard file, its input files) for consecutive runs of ``shard_size`` files."""
    out = []
    for start in range(0, len(files), shard_size):
        part = files[start:start + shard_size]
        digest = hashlib.sha256("\0".join([fingerprint, *part]).encode()).hexdigest()[:16]
        out.append((folder / f"shard-{digest}.db", part))
    return out


def write_shard(task: ShardTask, nlp=None) -> tuple[int, int]:
    """On a worker: read the task's files, extract them, write the shard; (articles extracted, failed)."""
    from newsfacts import store, work

    tmp = Path(task.target + ".tmp")
    tmp.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    db = store.open_db(tmp)
    run_id = store.start_run(db, task.spec, list(task.files), 1)
    extracted = failed = 0
    seen_ids: set[str] = set()  # texts met in this shard
    stored: set[str] = set()  # texts extracted and written
    rows: list[dict] = []  # articles waiting for extraction
    entries: list[dict] = []  # where each article was read from
    failures: list[dict] = []

    def flush() -> None:
        nonlocal extracted, failed
        results = work.extract_batch([work.task_of(r) for r in rows], nlp) if rows else []
        facts = {article_id: found for article_id, found, error in results if not error}
        paths = {r["id"]: r["path"] for r in rows}
        failures.extend({"path": paths[article_id], "error": error} for article_id, _, error in results if error)
        stored.update(facts)
        store.write_batch(db, run_id, task.spec.fingerprint, [r for r in rows if r["id"] in facts], facts,
                          [e for e in entries if e["article_id"] in stored], failures)
        extracted += len(facts)
        failed += len(failures)
        rows.clear(), entries.clear(), failures.clear()

    for article in readers.read_all(task.files, task.max_bytes):
        if isinstance(article, readers.ReadFailure):
            failures.append({"path": article.path, "error": article.error})
            continue
        article_id = article.id
        entries.append({"key": article.key, "path": article.path, "article_id": article_id})
        if article_id not in seen_ids:
            seen_ids.add(article_id)
            rows.append(work.article_row(article, article_id))
        if len(rows) >= task.batch_size:
            flush()
    flush()
    store.finish_run(db, run_id, "complete", {"articles": len(seen_ids), "new": extracted, "failed": failed}, 0.0)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to rename and copy
    db.close()
    os.replace(tmp, task.target)
    return extracted, failed


def ingest_shards(paths: Iterable[str | os.PathLike] | str | os.PathLike, folder: str | os.PathLike, *,
                  workers: int | None = None, model: str | None = None, models: str | os.PathLike | None = None,
                  engine: str = "local", scheduler: str | None = None, pattern: str | None = None,
                  exclude: Iterable[str] = (), max_bytes: int = readers.DEFAULT_MAX_BYTES, batch_size: int = 16,
                  shard_size: int = DEFAULT_SHARD_SIZE, progress: Callable[[int, int, int, int], None] | None = None,
                  on_notice: Callable[[str], None] | None = None) -> ShardResult:
    """Write the shards of ``paths`` into ``folder`` that no earlier run finished (options as ``ingest``)."""
    from newsfacts import batch, work
    from newsfacts import nlp as nlp_module

    paths = [str(paths)] if isinstance(paths, str | os.PathLike) else [str(p) for p in paths]
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise NoInput(f"no such file or folder: {', '.join(missing)}")
    files = [str(p) for p in readers.find_files(paths, pattern, exclude)]
    if not files:
        raise NoInput(f"no article files under {', '.join(paths)}")
    workers = max(1, workers or os.cpu_count() or 1)
    spec = nlp_module.spec(model, Path(models) if models else None)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    result = ShardResult()
    todo = []
    done_files = 0
    for target, part in plan(files, folder, spec.fingerprint, shard_size):
        result.shards += 1
        result.paths.append(str(target))
        if target.is_file():
            result.skipped += 1
            done_files += len(part)
        else:
            todo.append(ShardTask(tuple(part), str(target), spec, max_bytes, batch_size))
    if not todo:
        return result
    executor = batch.start_executor(workers, spec, on_notice, engine, scheduler)
    try:
        pending = {executor.submit(write_shard, task): task for task in todo}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                task = pending.pop(future)
                extracted, failed = future.result()
                result.written += 1
                result.articles += extracted
                result.failed += failed
                done_files += len(task.files)
                if progress:
                    progress(done_files, len(files), 0, result.articles)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        work.unload()
    return result
