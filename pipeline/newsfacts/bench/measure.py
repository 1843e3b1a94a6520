"""The measurements, each run in a fresh Python process: bare spaCy, the full ingest, the per-step breakdown
and an unchanged re-run; memory and CPU sampling; the child-process protocol (JSON in, JSON out)."""

from __future__ import annotations

import collections
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import click

from newsfacts.bench.code_snapshot import _child_env, _root
from newsfacts.bench.corpus import read_articles

MB = 1024 * 1024
PROGRESS = "bench: "  # measurement processes' progress lines on stderr start with this


def _rss_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int | str = "self") -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _peaks() -> dict:
    """Peak resident memory of this process and of its largest finished child (Linux: KiB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return {"main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / MB,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / MB}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, not lengthened by other
    work on a shared machine, only by what runs here."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_bare(files: list[str], workers: int, batch_size: int, model: str | None = None) -> dict:
    """Bare spaCy: the configured base model and components, no newsfacts component, same texts.

    Timed like ingest, from importing spaCy to the last Doc: both pay for loading the model once."""
    from newsfacts import nlp as nlp_module

    texts = [a.text for a in read_articles(map(Path, files))]
    cfg = nlp_module.read_config()
    cpu = _cpu_seconds()
    started = time.perf_counter()
    import spacy

    nlp = spacy.load(model or cfg["nlp"]["model"], exclude=list(cfg["nlp"].get("exclude", [])))
    loaded = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    done = time.perf_counter()
    return {"seconds": done - started, "cpu_seconds": _cpu_seconds() - cpu, "load_seconds": loaded - started,
            "articles": len(texts), "words": sum(len(t.split()) for t in texts), "pipes": nlp.pipe_names,
            **_peaks()}


def measure_ingest(files: list[str], db: str, workers: int, batch_size: int, model: str | None = None,
                   engine: str = "local") -> dict:
    """The full ingest into ``db``, timed from the call to the last write; samples memory as it goes."""
    from newsfacts.batch import ingest

    samples: list[tuple[int, float, float]] = []  # (articles done, main MB, largest worker MB)
    last = [0.0, time.monotonic()]  # last sample, last progress line

    def sample(done: int, total: int, words: int, extracted: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 1.0 or done == total:
            last[0] = now
            workers_mb = [_rss_mb(c) for c in _children()]
            samples.append((done, _rss_mb(), max(workers_mb, default=0.0)))
            if now - last[1] >= 60:
                last[1] = now
                worker = f", {samples[-1][2]:.0f} MB largest worker" if workers > 1 else " (pipeline inline)"
                print(f"{PROGRESS}ingest, {workers} worker(s): {done:,}/{total:,} articles, "
                      f"{words / (time.perf_counter() - started):,.0f} words/s, {samples[-1][1]:.0f} MB main{worker}",
                      file=sys.stderr, flush=True)

    errors: list[str] = []
    cpu = _cpu_seconds()
    started = time.perf_counter()
    result = ingest(files, db, workers=workers, model=model, batch_size=batch_size, progress=sample,
                    on_error=errors.append, engine=engine)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_seconds": _cpu_seconds() - cpu, "articles": result.new, "seen": result.seen,
            "failed": result.failed, "facts": result.facts, "errors": errors[:5], "samples": samples, **_peaks()}


def measure_shards(files: list[str], folder: str, db: str, workers: int, batch_size: int,
                   model: str | None = None, engine: str = "local") -> dict:
    """A sharded ingest into ``folder`` (workers write the shards), then the merge into ``db``, timed apart."""
    from newsfacts.merge import merge, shard_files
    from newsfacts.shards import ingest_shards

    cpu = _cpu_seconds()
    started = time.perf_counter()
    written = ingest_shards(files, folder, workers=workers, model=model, engine=engine, batch_size=batch_size,
                            shard_size=max(1, len(files) // (4 * workers)))
    sharded = time.perf_counter()
    merged = merge(shard_files(folder), db)
    done = time.perf_counter()
    import sqlite3

    with sqlite3.connect(db) as conn:
        facts = sum(conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0]
                    for t in ("entities", "roles", "amounts", "quantities", "dates", "attributions"))
    return {"seconds": done - started, "shard_seconds": sharded - started, "merge_seconds": done - sharded,
            "cpu_seconds": _cpu_seconds() - cpu, "articles": merged.articles, "shards": written.shards,
            "fact_rows": facts, **_peaks()}


def measure_breakdown(files: list[str], batch_size: int, model: str | None = None, profile: int = 0) -> dict:
    """Time every step of ingest on one process: reading, tokenizer, each pipe, fact records, SQLite.

    With ``profile``, also cProfile the newsfacts components (not the base model) and keep the top
    ``profile`` functions: what to look at when a component costs too much.
    """
    import cProfile
    import io
    import pstats

    from newsfacts import nlp as nlp_module
    from newsfacts import store, work

    steps: dict[str, float] = {"read files": 0.0}
    started = time.perf_counter()
    nlp = work.load_pipeline(model, None)  # as a worker loads it
    load_seconds = time.perf_counter() - started
    steps |= {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "fact records": 0.0, "sqlite writes": 0.0}
    spec = nlp_module.spec(model)
    ours = set(nlp_module.read_config()["nlp"]["components"])
    profiler = cProfile.Profile() if profile else None
    tmp = tempfile.mkdtemp(prefix="newsfacts-bench-")
    db = store.open_db(Path(tmp) / "breakdown.db")
    run_id = store.start_run(db, spec, files, 1)
    articles = words = 0

    def run(batch: list[dict]) -> None:
        with work.batch_zone(nlp):  # as work.extract_batch does
            steps_of(batch)

    def steps_of(batch: list[dict]) -> None:
        clock = time.perf_counter()
        docs: list = []
        for group in work.by_size([work.task_of(r) for r in batch]):  # as extract_batch does
            part = list(work._docs(nlp, group))
            clock = _tick(steps, "tokenizer", clock)
            for name, proc in nlp.pipeline:
                if profiler and name in ours:
                    profiler.enable()
                part = list(proc.pipe(part, batch_size=batch_size)) if hasattr(proc, "pipe") else list(map(proc, part))
                if profiler:
                    profiler.disable()
                clock = _tick(steps, name, clock)
            docs += part
        facts = {row["id"]: work._facts(doc) for row, doc in zip(batch, docs, strict=True)}
        clock = _tick(steps, "fact records", clock)
        seen = [{"key": r["key"], "path": r["path"], "article_id": r["id"]} for r in batch]
        store.write_batch(db, run_id, spec.fingerprint, batch, facts, seen, [])
        _tick(steps, "sqlite writes", clock)

    try:
        batch: list[dict] = []
        clock = time.perf_counter()
        for article in read_articles(map(Path, files)):
            batch.append(work.article_row(article, article.id))
            articles += 1
            words += article.words
            if len(batch) >= batch_size:
                _tick(steps, "read files", clock)
                run(batch)
                batch = []
                clock = time.perf_counter()
        _tick(steps, "read files", clock)
        if batch:
            run(batch)
    finally:
        db.close()
        shutil.rmtree(tmp, ignore_errors=True)
    report = ""
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        out.write("newsfacts components under cProfile (times inflated by profiling; compare, don't add up)\n")
        stats.sort_stats("cumulative").print_stats(r"newsfacts[/\\]", profile)
        stats.sort_stats("tottime").print_stats(profile)
        report = out.getvalue()
    return {"steps": steps, "load_seconds": load_seconds, "articles": articles, "words": words, "profile": report,
            **_peaks()}


def _tick(steps: dict[str, float], name: str, since: float) -> float:
    now = time.perf_counter()
    steps[name] += now - since
    return now


MEASURES = {"bare": measure_bare, "ingest": measure_ingest, "shards": measure_shards, "breakdown": measure_breakdown}


def _child_main() -> None:
    """Entry point of a measurement process: JSON arguments on stdin, JSON result on stdout."""
    request = json.load(sys.stdin)
    result = MEASURES[request.pop("measure")](**request)
    sys.stdout.write("\n@@RESULT@@" + json.dumps(result) + "\n")


def run_measure(measure: str, **kwargs) -> dict:
    """Run one measurement in a fresh interpreter and return its result; its progress lines pass through."""
    code = "import newsfacts.bench as b; b._child_main()"
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=_root(), env=_child_env())
    tail: collections.deque[str] = collections.deque(maxlen=40)

    def pump() -> None:
        for line in proc.stderr:
            tail.append(line)
            if line.startswith(PROGRESS):
                sys.stderr.write(line)
                sys.stderr.flush()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    proc.stdin.write(json.dumps({"measure": measure, **kwargs}))
    proc.stdin.close()
    out = proc.stdout.read()
    proc.wait()
    reader.join()
    if proc.returncode != 0 or "@@RESULT@@" not in out:
        raise click.ClickException(f"{measure} failed (exit {proc.returncode}):\n{''.join(tail)}")
    return json.loads(out.rsplit("@@RESULT@@", 1)[1])


def time_rerun(paths: list[str], db: str, workers: int) -> float:
    """Wall time of ``python -m newsfacts ingest`` on unchanged input, start-up included."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "newsfacts", "ingest", *paths, "--db", db, "--workers",
                           str(workers), "--no-progress"], capture_output=True, text=True, cwd=_root(),
                          env=_child_env())
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1) or " 0 new" not in proc.stdout:
        import sqlite3

        with sqlite3.connect(db) as conn:
            runs = conn.execute("SELECT id, fingerprint, model, new FROM runs").fetchall()
        raise click.ClickException(f"re-run was not a no-op (exit {proc.returncode}; runs {runs}):\n"
                                   f"{proc.stdout}{proc.stderr[-2000:]}")
    return seconds
