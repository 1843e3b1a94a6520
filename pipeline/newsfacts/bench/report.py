"""Printing the bench's tables: rates and memory per worker count, the per-step breakdown, the machine."""

from __future__ import annotations

import os
import platform
import statistics

import click


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
    print_engines(results, echo)
    loads = ", ".join(f"{r['bare']['load_seconds']:.1f}s" for r in results["runs"] if r.get("bare"))
    echo("times are wall clock, from importing spaCy (bare) or from calling ingest, to the end: both include "
         f"loading the model{f' (bare: {loads})' if loads else ''}")


def print_engines(results: dict, echo=click.echo) -> None:
    """The local ingest beside the Dask engine and the sharded ingest + merge, same workers, same turns."""
    rows = [r for r in results["runs"] if r.get("engines")]
    if not rows:
        return
    words = results["words"]
    echo("")
    echo(f"{'workers':>7}  {'engine':<14}  {'words/s':>9}  {'× local':>7}  {'seconds':>8}  {'CPU s':>7}  detail")
    for row in rows:
        local = row["ingest"]
        echo(f"{row['workers']:>7}  {'local':<14}  {words / local['seconds']:>9,.0f}  {1:>7.2f}  "
             f"{local['seconds']:>8.1f}  {local['cpu_seconds']:>7.1f}")
        for engine, run in row["engines"].items():
            name = "shards + merge" if engine == "shards" else engine
            detail = (f"shards {run['shard_seconds']:.1f} s, merge {run['merge_seconds']:.1f} s "
                      f"({run['fact_rows'] / run['merge_seconds']:,.0f} fact rows/s)" if engine == "shards" else "")
            echo(f"{row['workers']:>7}  {name:<14}  {words / run['seconds']:>9,.0f}  "
                 f"{local['seconds'] / run['seconds']:>7.2f}  {run['seconds']:>8.1f}  {run['cpu_seconds']:>7.1f}  "
                 f"{detail}")


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

