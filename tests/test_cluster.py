"""The Dask engine on a real local cluster (worker processes): the same facts as the local engine, and a
worker killed mid-run costs a retry of its batch, never an article."""

import os
import shutil
import signal
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from newsfacts.batch import ingest
from newsfacts.diff import diff_databases
from newsfacts.merge import merge, shard_files
from newsfacts.shards import ingest_shards

ROOT = Path(__file__).resolve().parents[1]
STORIES = [
    ("Port strike", "ROTTERDAM (Reuters) - Dock workers began a 48-hour strike on Monday, the union said, "
     "halting cargo worth about €40 million a day."),
    ("Copper climbs", "Copper rose 2% to $9,800 a tonne on Tuesday, its highest since March, traders said."),
    ("Budget vote", "OTTAWA — Parliament passed the C$12 billion budget on Thursday. “It is a fair budget,” "
     "Finance Minister Claire Dubois told reporters."),
    ("Film fund", "ALMATY – Kazakhstan will set up a $50 million film fund next year, the culture ministry said."),
    ("Airline order", "Qatar Airways ordered 20 Airbus A350 jets worth $6 billion at list prices, the airline "
     "said on Wednesday."),
]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Twenty articles: the bundled corpus (text, HTML, JSON lines) and short wire stories."""
    folder = tmp_path_factory.mktemp("articles")
    for part in ("dev", "test"):
        for file in (ROOT / "corpus" / part).iterdir():
            if not file.name.endswith(".gold.json"):
                shutil.copy(file, folder / file.name)
    for i, (title, story) in enumerate(STORIES):
        (folder / f"wire{i}.txt").write_text(f"{title}\n\n{story}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_db(articles, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.db"
    result = ingest(articles, db, workers=1)
    assert (result.new, result.failed) == (20, 0)
    return db


def test_a_local_cluster_gives_the_facts_of_the_local_engine(articles, local_db, tmp_path):
    db = tmp_path / "dask.db"
    result = ingest(articles, db, workers=2, engine="dask", batch_size=4)
    assert (result.seen, result.new, result.failed) == (20, 20, 0)
    assert not diff_databases(str(local_db), str(db)).different
    again = ingest(articles, db, workers=2, engine="dask")
    assert (again.new, again.unchanged) == (0, 20)  # incremental, as with the local engine


def _worker_settings() -> dict:
    import dask.config

    return {"profile": dask.config.get("distributed.worker.profile.enabled"),
            "trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"), "mmap": os.environ.get("MALLOC_MMAP_THRESHOLD_")}


def test_the_local_cluster_starts_quiet_workers_with_the_allocator_settings():
    """No stack sampling in the workers, and glibc left to serve the model's arrays from its heap."""
    from newsfacts.cluster import DaskExecutor
    from newsfacts.nlp import spec

    executor = DaskExecutor(spec(None), workers=1)
    try:
        (settings,) = executor.client.run(_worker_settings).values()
    finally:
        executor.shutdown()
    assert settings == {"profile": False, "trim": str(64 * 1024 * 1024), "mmap": str(32 * 1024 * 1024)}


def test_a_killed_worker_loses_nothing(articles, local_db, tmp_path):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        killed: list[int] = []

        def kill_one(done: int, total: int, words: int, extracted: int) -> None:
            if done >= 2 and not killed:  # the first batch is back: the workers are busy with the next ones
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        db = tmp_path / "killed.db"
        result = ingest(articles, db, workers=2, engine="dask", scheduler=cluster.scheduler_address,
                        batch_size=2, progress=kill_one)
    assert killed, "no worker was killed"
    assert (result.new, result.failed) == (20, 0)
    assert not diff_databases(str(local_db), str(db)).different


def test_an_unreachable_scheduler_is_one_clear_error(articles, tmp_path):
    from newsfacts.errors import NewsfactsError

    with pytest.raises(NewsfactsError, match="cannot reach the Dask scheduler"):
        ingest(articles, tmp_path / "x.db", engine="dask", scheduler="tcp://127.0.0.1:9")


def test_shards_written_on_the_cluster_and_merged_equal_a_direct_ingest(articles, local_db, tmp_path):
    folder = tmp_path / "shards"
    written = ingest_shards(articles, folder, workers=2, engine="dask", shard_size=6)
    assert (written.shards, written.written, written.articles, written.failed) == (4, 4, 20, 0)
    assert not list(folder.glob("*.tmp"))
    merged = tmp_path / "merged.db"
    result = merge(shard_files(folder), merged)
    assert (result.shards, result.articles) == (4, 20)
    assert not diff_databases(str(local_db), str(merged)).different
    assert merge(shard_files(folder), merged).articles == 0  # merging again adds nothing


def test_a_rerun_skips_finished_shards_and_redoes_an_unfinished_one(articles, tmp_path):
    folder = tmp_path / "shards"
    first = ingest_shards(articles, folder, workers=1, shard_size=8)
    assert (first.shards, first.written) == (3, 3)
    unfinished = Path(first.paths[1])
    unfinished.rename(unfinished.with_name(unfinished.name + ".tmp"))  # as a worker killed before its rename
    again = ingest_shards(articles, folder, workers=1, shard_size=8)
    assert (again.written, again.skipped, again.articles) == (1, 2, 8)
    assert unfinished.is_file() and not list(folder.glob("*.tmp"))
