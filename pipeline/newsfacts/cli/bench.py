"""`newsfacts bench`: throughput of ingest against bare spaCy (also `python -m newsfacts.bench`)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import click

from newsfacts.bench import DEFAULT_SIZE


@click.command("bench")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option("--workers", "-w", "workers", type=click.IntRange(min=1), multiple=True,
              help="Process count to measure (repeatable) [default: 1 and 2].")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Articles per nlp.pipe batch, for both bare spaCy and ingest [default: ingest's].")
@click.option("--size", type=click.IntRange(min=2), default=DEFAULT_SIZE, show_default=True,
              help="Articles to build from corpus/ when no PATH is given.")
@click.option("--breakdown/--no-breakdown", default=True, show_default=True, help="Time each pipeline step.")
@click.option("--bare/--no-bare", default=True, show_default=True, help="Time bare spaCy.")
@click.option("--rerun/--no-rerun", default=True, show_default=True, help="Time an unchanged re-run (CLI).")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Run bare spaCy and ingest this many times each, in turns, and show the median run.")
@click.option("--engine", "engines", type=click.Choice(("dask", "shards")), multiple=True,
              help="Also measure the Dask engine or a sharded ingest + merge beside the local ingest (repeatable).")
@click.option("--model", default=None, help="spaCy pipeline instead of the one in models/pipeline.cfg.")
@click.option("--profile", type=click.IntRange(min=0), default=0, metavar="N",
              help="Instead of the rates: the per-step table with the newsfacts components under cProfile, "
              "and their N costliest functions.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None, help="Also write the numbers here.")
@click.option("--generate", nargs=2, type=(click.IntRange(min=1), click.Path(file_okay=False)), default=None,
              metavar="N OUT", help="Instead of measuring, write N articles varied from PATHS (default corpus/) "
              "to the folder OUT.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for --generate.")
def bench(paths, workers, limit, batch_size, size, breakdown, bare, rerun, repeat, engines, model, profile, json_out,
          generate, seed) -> None:
    """Measure ingest's throughput against bare spaCy.

    The articles are those in PATHS (default: a folder built from corpus/).

    Prints words/s of bare spaCy (nlp.pipe, same base model, same process count) and of the full
    ingest into a fresh database, their ratio, peak memory of the main process and of each worker,
    the wall time of an unchanged re-run of `python -m newsfacts ingest`, and the time of every
    pipeline step. Run on a quiet machine: timings share the CPUs with everything else.
    """
    from newsfacts.bench import DEFAULT_CORPUS, _default_corpus, generate_folder
    from newsfacts.bench import bench as run_bench

    if generate:
        count, out = generate
        written = generate_folder(list(paths) or [DEFAULT_CORPUS], count, out, seed=seed)
        click.echo(f"wrote {written:,} articles to {out}")
        return
    from newsfacts.batch import DEFAULT_BATCH_SIZE

    tmp = None if paths else tempfile.mkdtemp(prefix="newsfacts-bench-corpus-")
    try:
        paths = list(paths) or _default_corpus(size, tmp)
        results = run_bench(paths, list(workers) or [1, 2], limit, batch_size or DEFAULT_BATCH_SIZE, breakdown, bare,
                            rerun, model, profile, repeat, engines=tuple(engines))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if json_out:
        Path(json_out).write_text(json.dumps(results, indent=2))
