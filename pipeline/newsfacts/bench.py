"""Throughput of newsfacts against bare spaCy, on the same texts and the same machine.

``python -m newsfacts.bench [PATH]`` times, for each worker count: bare spaCy
(``nlp.pipe`` with the same base model and ``n_process``), the full ``ingest`` into a
fresh database, and an unchanged re-run through the CLI; then the time of every step
of the pipeline on one process. Each measurement runs in a fresh Python process, so
its peak memory (``getrusage``) and start-up cost are its own.

``python -m newsfacts.bench [SOURCE] --generate N OUT`` writes an N-article folder made
by mixing the paragraphs of real articles, for tests at scale.
"""

from __future__ import annotations

import collections
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_SIZE = 300  # articles generated from corpus/ when no PATH is given
MB = 1024 * 1024
PROGRESS = "bench: "  # measurement processes' progress lines on stderr start with this


# --- inputs -----------------------------------------------------------------------------------------

def select_files(paths: Iterable[str | os.PathLike], limit: int | None = None) -> list[Path]:
    """The files ingest would read under ``paths``, cut after the one that reaches ``limit`` articles."""
    from newsfacts import readers

    files: list[Path] = []
    count = 0
    for path in readers.find_files(paths):
        if limit is not None and count >= limit:
            break
        files.append(path)
        if limit is not None:
            count += sum(1 for a in readers.read_path(path) if isinstance(a, readers.RawArticle))
    return files


def read_articles(files: Iterable[Path]) -> Iterator:
    """Each distinct readable article once, as ingest would extract it (duplicates are skipped there too)."""
    from newsfacts import readers

    seen: set[str] = set()
    for path in files:
        for article in readers.read_path(path):
            if isinstance(article, readers.RawArticle) and (article_id := article.id) not in seen:
                seen.add(article_id)
                yield article


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] or [text.strip()]


def generate_folder(source: Iterable[str | os.PathLike], n: int, out: str | os.PathLike, seed: int = 0,
                    mix: float = 0.3) -> int:
    """Write ``n`` distinct articles to ``out`` by varying the real articles under ``source``.

    Article ``i`` keeps the title, lead paragraph and length of source article ``i mod len``;
    the order of its other paragraphs is shuffled and a share ``mix`` of them is taken from other
    articles, so texts are new (a new hash) but read like news. Only the source is held in memory.
    Returns the number of articles written.
    """
    from newsfacts.readers import text_id

    articles = []
    for article in read_articles(select_files(source)):
        title, paragraphs = (article.title or "").strip(), _paragraphs(article.text)
        if title and paragraphs[0] == title and len(paragraphs) > 1:
            paragraphs = paragraphs[1:]  # the headline line, written back as the title
        articles.append((title, paragraphs))
    if not articles:
        raise click.ClickException(f"no readable articles under {', '.join(map(str, source))}")
    # Lead paragraphs (datelines) stay with their article; the rest is shared.
    pool = [p for _, paragraphs in articles for p in paragraphs[1:]] or [p for _, ps in articles for p in ps]
    if len(pool) < 2:
        raise click.ClickException("the source needs at least two paragraphs to vary")
    rng = random.Random(seed)
    out = Path(out)
    seen: set[str] = set()
    for i in range(n):
        title, paragraphs = articles[i % len(articles)]
        for attempt in range(50):
            body = list(paragraphs[1:]) if len(paragraphs) > 1 else []
            rng.shuffle(body)
            body = [rng.choice(pool) if rng.random() < mix or attempt > 10 else p for p in body]
            if not body or attempt > 20:  # a small source runs out of variants: grow the article
                body += [rng.choice(pool) for _ in range(1 + attempt // 20)]
            text = "\n\n".join([title, paragraphs[0], *body] if title else [paragraphs[0], *body])
            if (key := text_id(text)) not in seen:
                break
        else:
            raise click.ClickException(f"cannot make {n} distinct articles from so small a source")
        seen.add(key)
        target = out / f"{i // 1000:03d}" / f"{i:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text + "\n", encoding="utf-8")
    return n


# --- measurements, each in its own process ----------------------------------------------------------

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


def measure_ingest(files: list[str], db: str, workers: int, batch_size: int, model: str | None = None) -> dict:
    """The full ingest into ``db``, timed from the call to the last write; samples memory as it goes."""
    from newsfacts.batch import ingest

    samples: list[tuple[int, float, float]] = []  # (articles done, main MB, largest worker MB)
    last = [0.0, time.monotonic()]  # last sample, last progress line

    def sample(done: int, total: int, words: int) -> None:
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
                    on_error=errors.append)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_seconds": _cpu_seconds() - cpu, "articles": result.new, "seen": result.seen,
            "failed": result.failed, "facts": result.facts, "errors": errors[:5], "samples": samples, **_peaks()}


def measure_breakdown(files: list[str], batch_size: int, model: str | None = None, profile: int = 0) -> dict:
    """Time every step of ingest on one process: reading, tokenizer, each pipe, fact records, SQLite.

    With ``profile``, also cProfile the newsfacts components (not the base model) and keep the top
    ``profile`` functions: what to look at when a component costs too much.
    """
    import cProfile
    import io
    import pstats

    from newsfacts import batch as ingest_module
    from newsfacts import nlp as nlp_module
    from newsfacts import store

    steps: dict[str, float] = {"read files": 0.0}
    started = time.perf_counter()
    nlp = nlp_module.load(model)
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
        with ingest_module.batch_zone(nlp):  # as ingest.extract_batch does
            steps_of(batch)

    def steps_of(batch: list[dict]) -> None:
        clock = time.perf_counter()
        docs: list = []
        for group in ingest_module.by_size([ingest_module._task(r) for r in batch]):  # as extract_batch does
            part = list(ingest_module._docs(nlp, group))
            clock = _tick(steps, "tokenizer", clock)
            for name, proc in nlp.pipeline:
                if profiler and name in ours:
                    profiler.enable()
                part = list(proc.pipe(part, batch_size=batch_size)) if hasattr(proc, "pipe") else list(map(proc, part))
                if profiler:
                    profiler.disable()
                clock = _tick(steps, name, clock)
            docs += part
        facts = {row["id"]: ingest_module._facts(doc) for row, doc in zip(batch, docs, strict=True)}
        clock = _tick(steps, "fact records", clock)
        seen = [{"key": r["key"], "path": r["path"], "article_id": r["id"]} for r in batch]
        store.write_batch(db, run_id, spec.fingerprint, batch, facts, seen, [])
        _tick(steps, "sqlite writes", clock)

    try:
        batch: list[dict] = []
        clock = time.perf_counter()
        for article in read_articles(map(Path, files)):
            batch.append(ingest_module._article_row(article, article.id))
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


MEASURES = {"bare": measure_bare, "ingest": measure_ingest, "breakdown": measure_breakdown}


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


_SNAPSHOT: list[Path] = []  # where the measurement processes import the code and models from


def snapshot(into: Path) -> Path:
    """Copy the package and models/ once, so that every run of one bench measures the same pipeline:
    an edit meanwhile would change the fingerprint and make the re-run extract everything again."""
    from newsfacts.nlp import models_dir

    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(Path(__file__).resolve().parent, into / "newsfacts", ignore=ignore)
    shutil.copytree(models_dir(), into / "models", ignore=ignore)
    return into


def _root() -> Path:
    return _SNAPSHOT[-1] if _SNAPSHOT else ROOT


def _child_env() -> dict:
    env = dict(os.environ)
    source = _root() if _SNAPSHOT else ROOT / "pipeline"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    if _SNAPSHOT:
        env["NEWSFACTS_MODELS"] = str(_SNAPSHOT[-1] / "models")
    return env


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


# --- the report -------------------------------------------------------------------------------------

def machine() -> str:
    import importlib.metadata

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, spaCy {version('spacy')}")


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds > 0 else "-"


def format_memory(samples: list) -> str:
    """Main and largest-worker RSS at a few points of the run: flat means nothing grows with the folder."""
    if not samples:
        return "-"
    total = samples[-1][0] or 1
    picks, marks = [], (0.1, 0.25, 0.5, 0.75, 1.0)
    for mark in marks:
        sample = next((s for s in samples if s[0] >= mark * total), samples[-1])
        worker = f"/{sample[2]:.0f}" if sample[2] else ""
        picks.append(f"{mark:.0%} {sample[1]:.0f}{worker}")
    return ", ".join(picks)


def bench(paths: list[str], workers: list[int], limit: int | None, batch_size: int, breakdown: bool,
          bare: bool, rerun: bool, model: str | None, profile: int = 0, repeat: int = 1, echo=click.echo) -> dict:
    """Measure and print; returns every number measured.

    With ``repeat``, bare spaCy and ingest run that many times each, taking turns, and the run with the
    median time of each stands for it: on a shared machine one run can be 10 % off either way."""
    paths = [os.path.abspath(p) for p in paths]  # the measurements run in another folder
    files = [str(f) for f in select_files(paths, limit)]
    given = paths if limit is None else files
    arts = list(read_articles(map(Path, files)))
    words = sum(a.words for a in arts)
    n_articles = len(arts)
    del arts
    echo(f"newsfacts bench: {n_articles:,} distinct articles, {words:,} words, {len(files):,} files "
         f"from {', '.join(paths)}")
    echo(f"machine: {machine()}; load average at start: {load_average()}")
    results: dict = {"articles": n_articles, "words": words, "paths": paths, "machine": machine(),
                     "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "runs": []}
    tmp = tempfile.mkdtemp(prefix="newsfacts-bench-")
    _SNAPSHOT.append(snapshot(Path(tmp) / "src"))
    try:
        # Load the pipeline once untimed, so the first measurement does not pay for a cold disk cache.
        subprocess.run([sys.executable, "-c", f"from newsfacts import nlp; nlp.load({model!r})"], cwd=_root(),
                       env=_child_env(), capture_output=True, check=True)
        for n in [] if profile else workers:  # profiling is a diagnosis, not a measurement of rates
            bare_runs: list[dict] = []
            ingest_runs: list[dict] = []
            db = str(Path(tmp) / f"ingest-{n}.db")
            for _ in range(repeat):
                if bare:
                    bare_runs.append(run_measure("bare", files=files, workers=n, batch_size=batch_size, model=model))
                for suffix in ("", "-wal", "-shm"):  # every ingest starts from an empty database
                    Path(db + suffix).unlink(missing_ok=True)
                ingest_runs.append(run_measure("ingest", files=given, db=db, workers=n, batch_size=batch_size,
                                               model=model))
            row: dict = {"workers": n, "ingest": _median_run(ingest_runs),
                         "ingest_seconds": [r["seconds"] for r in ingest_runs],
                         "ingest_cpu_seconds": [r["cpu_seconds"] for r in ingest_runs]}
            if bare_runs:
                row |= {"bare": _median_run(bare_runs), "bare_seconds": [r["seconds"] for r in bare_runs],
                        "bare_cpu_seconds": [r["cpu_seconds"] for r in bare_runs]}
            if row["ingest"]["errors"]:
                echo(f"  ingest errors (first): {row['ingest']['errors']}", err=True)
            if rerun:
                row["rerun_seconds"] = time_rerun(given, db, n)
            results["runs"].append(row)
            Path(db).unlink(missing_ok=True)
        if breakdown or profile:
            results["breakdown"] = run_measure("breakdown", files=files, batch_size=batch_size, model=model,
                                               profile=profile)
    finally:
        _SNAPSHOT.pop()
        shutil.rmtree(tmp, ignore_errors=True)
    results["load_average_end"] = load_average()
    print_report(results, echo)
    return results


def _median_run(runs: list[dict]) -> dict:
    """The run with the median time (the lower middle one of an even count): a run that happened."""
    middle = statistics.median_low(r["seconds"] for r in runs)
    return next(r for r in runs if r["seconds"] == middle)


def print_report(results: dict, echo=click.echo) -> None:
    echo("")
    if results["runs"]:
        print_rates(results, echo)
    if results.get("breakdown"):
        print_breakdown(results["breakdown"], echo)
    echo(f"load average at end: {results['load_average_end']}")


def print_rates(results: dict, echo=click.echo) -> None:
    words = results["words"]
    echo(f"{'workers':>7}  {'bare spaCy w/s':>14}  {'ingest w/s':>10}  {'ratio':>5}  {'bare s':>7}  "
         f"{'ingest s':>8}  {'re-run s':>8}  {'peak MB main':>12}  {'peak MB worker':>14}")
    rates: dict[int, tuple[float | None, float]] = {}
    for row in results["runs"]:
        n, ing, bare = row["workers"], row["ingest"], row.get("bare")
        ingest_rate = words / ing["seconds"]
        bare_rate = words / bare["seconds"] if bare else None
        rates[n] = (bare_rate, ingest_rate)
        ratio = f"{ingest_rate / bare_rate:.2f}" if bare_rate else "-"
        bare_cols = f"{bare_rate:>14,.0f}" if bare_rate else f"{'-':>14}"
        bare_secs = f"{bare['seconds']:>7.1f}" if bare else f"{'-':>7}"
        worker_mb = f"{ing['worker_mb']:.0f}" if n > 1 else "(inline)"
        rerun = f"{row['rerun_seconds']:.2f}" if "rerun_seconds" in row else "-"
        echo(f"{n:>7}  {bare_cols}  {ingest_rate:>10,.0f}  {ratio:>5}  {bare_secs}  {ing['seconds']:>8.1f}  "
             f"{rerun:>8}  {ing['main_mb']:>12.0f}  {worker_mb:>14}")
    for row in results["runs"]:
        echo(f"ingest memory, {row['workers']} worker(s), MB main/largest worker at % of articles: "
             f"{format_memory(row['ingest']['samples'])}")
    for row in results["runs"]:
        if len(row.get("ingest_seconds", ())) > 1:
            spread = "; ".join(f"{name} " + ", ".join(f"{x:.1f}" for x in row[key])
                               for name, key in (("bare spaCy", "bare_seconds"), ("ingest", "ingest_seconds"))
                               if key in row)
            echo(f"runs, {row['workers']} worker(s), seconds in the order run (the median one is shown): {spread}")
    for row in results["runs"]:
        if "bare_cpu_seconds" in row:
            bare_cpu = statistics.median(row["bare_cpu_seconds"])
            ingest_cpu = statistics.median(row["ingest_cpu_seconds"])
            echo(f"CPU time, {row['workers']} worker(s), all processes (median): bare spaCy {bare_cpu:.1f} s, "
                 f"ingest {ingest_cpu:.1f} s; ratio by CPU time {bare_cpu / ingest_cpu:.2f}")
    for n, (bare_rate, ingest_rate) in rates.items():
        if n != 1 and 1 in rates:
            bare_scale = f"bare spaCy {bare_rate / rates[1][0]:.2f}x, " if bare_rate and rates[1][0] else ""
            echo(f"scaling {n} workers / 1 worker: {bare_scale}ingest {ingest_rate / rates[1][1]:.2f}x")
    loads = ", ".join(f"{r['bare']['load_seconds']:.1f}s" for r in results["runs"] if r.get("bare"))
    echo("times are wall clock, from importing spaCy (bare) or from calling ingest, to the end: both include "
         f"loading the model{f' (bare: {loads})' if loads else ''}")


def print_breakdown(bd: dict, echo=click.echo) -> None:
    total = sum(bd["steps"].values())
    profiled = "; newsfacts components profiled, so inflated" if bd.get("profile") else ""
    echo("")
    echo(f"per-step time on 1 process ({bd['articles']:,} articles, {bd['words']:,} words; "
         f"pipeline load {bd['load_seconds']:.1f}s not counted; peak {bd['main_mb']:.0f} MB{profiled}):")
    echo(f"{'step':<16}  {'seconds':>8}  {'share':>6}  {'words/s alone':>13}")
    for name, seconds in bd["steps"].items():
        echo(f"{name:<16}  {seconds:>8.2f}  {seconds / total:>6.1%}  {_rate(bd['words'], seconds):>13}")
    echo(f"{'total':<16}  {total:>8.2f}  {1:>6.1%}  {_rate(bd['words'], total):>13}")
    if bd.get("profile"):
        echo("")
        echo(bd["profile"].rstrip())


def _default_corpus(size: int, tmp: str) -> list[str]:
    if not DEFAULT_CORPUS.is_dir():
        raise click.UsageError("no PATH given and no corpus/ folder next to the package to build one from")
    out = Path(tmp) / "corpus"
    generate_folder([DEFAULT_CORPUS], size, out)
    return [str(out)]


if __name__ == "__main__":
    from newsfacts.cli.bench import bench as bench_command

    bench_command(prog_name="python -m newsfacts.bench")
