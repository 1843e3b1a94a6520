"""The bench driver: snapshot the code, run each measurement in turn, collect the numbers, print the report."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from newsfacts.bench.code_snapshot import _SNAPSHOT, _child_env, _root, snapshot
from newsfacts.bench.corpus import read_articles, select_files
from newsfacts.bench.measure import run_measure, time_rerun
from newsfacts.bench.report import load_average, machine, print_report


def bench(paths: list[str], workers: list[int], limit: int | None, batch_size: int, breakdown: bool,
          bare: bool, rerun: bool, model: str | None, profile: int = 0, repeat: int = 1, echo=click.echo,
          engines: tuple[str, ...] = ()) -> dict:
    """Measure and print; returns every number measured.

    With ``repeat``, bare spaCy and ingest run that many times each, taking turns, and the run with the
    median time of each stands for it: on a shared machine one run can be 10 % off either way. ``engines``
    (``dask``, ``shards``) are measured beside the local ingest, in the same turns."""
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
            engine_runs: dict[str, list[dict]] = {e: [] for e in engines}
            for turn in range(repeat):
                if bare:
                    bare_runs.append(run_measure("bare", files=files, workers=n, batch_size=batch_size, model=model))
                for suffix in ("", "-wal", "-shm"):  # every ingest starts from an empty database
                    Path(db + suffix).unlink(missing_ok=True)
                ingest_runs.append(run_measure("ingest", files=given, db=db, workers=n, batch_size=batch_size,
                                               model=model))
                for engine in engines:
                    other = str(Path(tmp) / f"{engine}-{n}-{turn}")
                    if engine == "shards":
                        engine_runs[engine].append(run_measure("shards", files=given, folder=other, db=other + ".db",
                                                               workers=n, batch_size=batch_size, model=model))
                    else:
                        engine_runs[engine].append(run_measure("ingest", files=given, db=other + ".db", workers=n,
                                                               batch_size=batch_size, model=model, engine=engine))
            row: dict = {"workers": n, "ingest": _median_run(ingest_runs),
                         "ingest_seconds": [r["seconds"] for r in ingest_runs],
                         "ingest_cpu_seconds": [r["cpu_seconds"] for r in ingest_runs]}
            if engines:
                row["engines"] = {e: _median_run(runs) | {"cpu_seconds_runs": [r["cpu_seconds"] for r in runs]}
                                  for e, runs in engine_runs.items()}
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
