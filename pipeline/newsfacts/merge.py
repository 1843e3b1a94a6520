"""Folding shard databases into one newsfacts database: ``newsfacts merge DIR --db FILE``.

Storage only, no NLP. Each shard is read read-only and written with the store's own ``write_batch``, so
entity ids are remapped to the target's ``entity_index``, sources point at their articles and the
current versions follow, exactly as an ingest writes them. One merge is one run of the target; an
article the target already has from a pipeline with the same fingerprint is not written again.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

from newsfacts import store
from newsfacts.errors import NoInput, NotANewsfactsDatabase
from newsfacts.records import TABLE_OF

CHUNK = 256  # articles per transaction


@dataclass
class MergeResult:
    run_id: int
    shards: int = 0
    articles: int = 0  # written now
    unchanged: int = 0  # already in the target from the same pipeline

    def summary(self) -> str:
        return (f"run {self.run_id}: merged {self.shards} shards, {self.articles} articles written, "
                f"{self.unchanged} already there")


def shard_files(folder: str | os.PathLike) -> list[Path]:
    """The finished shards of a folder (``shard-*.db``; unfinished ones end in ``.tmp``)."""
    files = sorted(Path(folder).glob("shard-*.db"))
    if not files:
        raise NoInput(f"no finished shards (shard-*.db) in {folder}")
    return files


def merge(shards: Iterable[str | os.PathLike], db: str | os.PathLike) -> MergeResult:
    """Write the articles and facts of every shard into ``db`` as one new run."""
    shards = [Path(s) for s in shards]
    started = time.perf_counter()
    target = store.open_db(db)
    result = MergeResult(run_id=0)
    try:
        for number, shard in enumerate(shards):
            conn = _open(shard)
            try:
                run = conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
                if number == 0:  # the merge's run records the pipeline of the first shard
                    pipeline = SimpleNamespace(version=run["pipeline_version"], model=run["model"],
                                               model_version=run["model_version"], fingerprint=run["fingerprint"])
                    result.run_id = store.start_run(target, pipeline, [str(s) for s in shards], 1)
                _copy(conn, target, result, run["fingerprint"])
            finally:
                conn.close()
            result.shards += 1
        status = "complete"
    except BaseException:
        status = "failed"
        raise
    finally:
        if result.run_id:
            store.finish_run(target, result.run_id, status, {"articles": result.articles + result.unchanged,
                                                              "new": result.articles, "unchanged": result.unchanged},
                             time.perf_counter() - started)
        target.close()
    return result


def _open(path: Path) -> sqlite3.Connection:
    store.open_db(path, create=False).close()  # ours, or NotANewsfactsDatabase
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    if conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] != 1:
        raise NotANewsfactsDatabase(f"{path}: not a shard (a shard holds exactly one run)")
    return conn


def _copy(conn: sqlite3.Connection, target, result: MergeResult, fingerprint: str) -> None:
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        marks = ", ".join("?" * len(part))
        known = store.extracted_ids(target, fingerprint, part)
        articles = [dict(r) for r in conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", part)
                    if r["id"] not in known]
        facts: dict[str, dict[str, list]] = {a["id"]: {} for a in articles}
        for kind, table in TABLE_OF.items():
            for row in conn.execute(f"SELECT * FROM [{table}] WHERE article_id IN ({marks}) ORDER BY rowid", part):
                if row["article_id"] in facts:
                    fact = {k: row[k] for k in row.keys() if k not in ("article_id", "run_id", "entity_id")}
                    facts[row["article_id"]].setdefault(kind, []).append(fact)
        seen = [dict(r) for r in conn.execute(
            f"SELECT key, path, article_id FROM sources WHERE article_id IN ({marks}) ORDER BY key", part)]
        store.write_batch(target, result.run_id, fingerprint, articles, facts, seen, [])
        result.articles += len(articles)
        result.unchanged += len(part) - len(articles)
    failures = [dict(r) for r in conn.execute("SELECT path, error, level FROM failures")]
    if failures:
        store.record_failures(target, result.run_id, failures)
