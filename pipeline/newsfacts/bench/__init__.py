"""Throughput of newsfacts against bare spaCy, on the same texts and the same machine.

``python -m newsfacts.bench [PATH]`` times, for each worker count: bare spaCy
(``nlp.pipe`` with the same base model and ``n_process``), the full ``ingest`` into a
fresh database, and an unchanged re-run through the CLI; then the time of every step
of the pipeline on one process. Each measurement runs in a fresh Python process, so
its peak memory (``getrusage``) and start-up cost are its own.

``python -m newsfacts.bench [SOURCE] --generate N OUT`` writes an N-article folder made
by mixing the paragraphs of real articles, for tests at scale.

- ``corpus``: the files and articles measured, and generated article folders.
- ``measure``: the measurement processes (bare spaCy, ingest, per-step breakdown, re-run), memory and CPU.
- ``code_snapshot``: the copy of the package and models/ the measurement processes run from.
- ``report``: printing the tables.
- ``run``: :func:`bench`, the driver.

The click command is in :mod:`newsfacts.cli.bench`. A measurement process runs
``import newsfacts.bench as b; b._child_main()``.
"""

from __future__ import annotations

from newsfacts.bench.code_snapshot import snapshot
from newsfacts.bench.corpus import (
    DEFAULT_CORPUS,
    DEFAULT_SIZE,
    ROOT,
    _default_corpus,
    _paragraphs,
    generate_folder,
    read_articles,
    select_files,
)
from newsfacts.bench.measure import (
    MEASURES,
    _child_main,
    measure_bare,
    measure_breakdown,
    measure_ingest,
    run_measure,
    time_rerun,
)
from newsfacts.bench.report import format_memory, load_average, machine, print_breakdown, print_rates, print_report
from newsfacts.bench.run import bench

__all__ = [
    "DEFAULT_CORPUS",
    "DEFAULT_SIZE",
    "MEASURES",
    "ROOT",
    "bench",
    "format_memory",
    "generate_folder",
    "load_average",
    "machine",
    "measure_bare",
    "measure_breakdown",
    "measure_ingest",
    "print_breakdown",
    "print_rates",
    "print_report",
    "read_articles",
    "run_measure",
    "select_files",
    "snapshot",
    "time_rerun",
    # private, but imported from here: by newsfacts.cli.bench, the measurement processes, the tests
    "_child_main",
    "_default_corpus",
    "_paragraphs",
]
