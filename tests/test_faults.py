"""Faults around a run: other programs' databases, reads that must not write, locks, a full disk, signals,
dying workers, runaway SQL. Real SQLite files, real processes and real signals where the case is one.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsfacts
from newsfacts import batch, store
from newsfacts.cli import cli
from newsfacts.errors import NotANewsfactsDatabase
from newsfacts.nlp import PipelineSpec
from newsfacts.pool import Job, Pool

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "dev" / "kazakh-kyrgyz-ties.txt"
ENV = {**os.environ, "PYTHONPATH": str(Path(newsfacts.__file__).resolve().parents[1])}
SPEC = PipelineSpec(models=None, model="m", model_version="1", version="0.1.0", fingerprint="f" * 16)
STORIES = [
    "OSLO — Norway's wealth fund returned 16 percent last year, its chief executive Nicolai Tangen said on "
    "Wednesday.\n",
    "NAIROBI (Reuters) — Kenya will borrow $1.5 billion from the World Bank to refinance its debt, the "
    "treasury said on Monday.\n",
    "OTTAWA — The Bank of Canada held its key rate at 5 percent on Wednesday. \"Inflation is still too "
    "high,\" Governor Tiff Macklem told reporters.\n",
]


def invoke(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def state(path: Path) -> tuple[str, int]:
    """A file's bytes (hashed) and modification time: what a read must leave as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def small_db(path: Path) -> Path:
    """A newsfacts database with two articles and their facts, written without the model."""
    db = store.open_db(path)
    run = store.start_run(db, SPEC, ["in"], 1)
    rows, facts, seen = [], {}, []
    for i, text in enumerate(STORIES[:2]):
        article_id = f"{i:016x}"
        rows.append({"id": article_id, "key": f"in/s{i}.txt", "path": f"in/s{i}.txt", "text": text, "title": None,
                     "format": "text", "encoding": "utf-8", "words": len(text.split()), "chars": len(text)})
        start = text.index("—") + 2
        facts[article_id] = {"entities": [{"start": 0, "end": 4, "text": text[:4], "label": "GPE",
                                           "canonical": text[:4].title(), "source": "model"}],
                             "dates": [{"start": start, "end": start + 4, "text": text[start:start + 4],
                                        "value": "2026", "kind": "date", "anchored": False}]}
        seen.append({"key": f"in/s{i}.txt", "path": f"in/s{i}.txt", "article_id": article_id})
    store.write_batch(db, run, SPEC.fingerprint, rows, facts, seen, [])
    store.finish_run(db, run, "complete", {"articles": 2, "new": 2}, 1.0)
    db.close()
    return path


def leave_wal_frames(path: Path) -> None:
    """Commit a change and exit without closing: the change stays in the -wal file, not yet in the database
    (what a killed ingest, or one still running, leaves)."""
    code = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_autocheckpoint=0');"
            "c.execute(\"UPDATE runs SET seconds = 2.5\"); c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def unprivileged(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command as this user, or as root without the capabilities that let root ignore file modes, so
    that a folder's mode means what it says."""
    preexec = None
    if os.geteuid() == 0:
        def preexec():
            libc = ctypes.CDLL(None, use_errno=True)
            for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
                if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                    raise OSError(ctypes.get_errno(), "cannot drop a capability")
    try:
        return subprocess.run(args, preexec_fn=preexec, capture_output=True, text=True, cwd=ROOT, env=ENV,
                              timeout=120, **kwargs)
    except subprocess.SubprocessError as exc:
        if "capability" in str(exc):
            pytest.skip("running as root without the right to drop capabilities: file modes cannot be tested")
        raise


# --- databases that are not ours ---------------------------------------------------------------------

def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    conn.close()


def _foreign_runs(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE runs (job TEXT, exit_code INTEGER)")
        conn.execute("CREATE TABLE articles (url TEXT)")
        conn.execute("INSERT INTO runs VALUES ('backup', 0)")
    conn.close()


def _newer(path: Path) -> None:
    small_db(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()


@pytest.mark.parametrize("make, reason", [
    (_foreign, "not a newsfacts database (no newsfacts schema version; it holds notes)"),
    (_foreign_runs, "not a newsfacts database (no newsfacts schema version; it holds articles, runs)"),
    (_newer, "made by a newer newsfacts (schema version 99"),
    (lambda p: p.write_text("Dear editor,\n" * 200), "not a SQLite database"),
])
def test_ingest_refuses_a_database_that_is_not_ours_before_any_write(tmp_path, make, reason):
    db_path = tmp_path / "their.db"
    make(db_path)
    before = state(db_path)
    mode = sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone() if reason[:3] != "not" else None
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORIES[0])
    result = invoke("ingest", tmp_path / "in", "--db", db_path, "--workers", "1", "--no-progress")
    assert result.exit_code == 2, result.output
    assert error_lines(result.output) == [line for line in result.output.splitlines() if line.strip()]
    [line] = error_lines(result.output)
    assert line.startswith(f"error: {db_path}: ") and reason in line
    assert state(db_path) == before
    if mode:
        assert sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone() == mode


@pytest.mark.parametrize("command", [("query", "people"), ("runs",), ("sql", "SELECT 1"), ("search", "fund")])
def test_reading_a_newer_database_is_refused(tmp_path, command):
    db_path = tmp_path / "news.db"
    _newer(db_path)
    result = invoke(*command, "--db", db_path)
    assert result.exit_code == 2 and "made by a newer newsfacts" in result.output
    with pytest.raises(NotANewsfactsDatabase, match="newer"):
        newsfacts.read(db_path)


# --- reads never write -------------------------------------------------------------------------------

READS = [
    ("query", "people"),
    ("query", "articles", "--article", "in/s0.txt"),
    ("sql", "SELECT COUNT(*) FROM articles"),
    ("runs",),
    ("search", "Norway"),
    ("show", "in/s0.txt"),
    ("prune", "--keep", "1"),  # a dry run: reports, deletes nothing
    ("diff", "{db}", "{db}"),
    ("serve", "--write-metadata", "{tmp}/meta.json"),
]


@pytest.mark.parametrize("command", READS, ids=[" ".join(c[:2]) for c in READS])
def test_reads_leave_the_database_and_its_log_as_they_were(tmp_path, command):
    db_path = small_db(tmp_path / "news.db")
    leave_wal_frames(db_path)
    wal = Path(f"{db_path}-wal")
    before = state(db_path), state(wal)
    args = [a.format(db=db_path, tmp=tmp_path) for a in command]
    result = invoke(*args, *([] if command[0] == "diff" else ["--db", db_path]))
    assert result.exit_code in (0, 1), result.output  # diff of a database with itself: 0
    assert (state(db_path), state(wal)) == before
    with newsfacts.read(db_path) as reader:  # the Python API as well; and it sees the change in the log
        assert reader.sql("SELECT seconds FROM runs") == [{"seconds": 2.5}]
    assert (state(db_path), state(wal)) == before


@pytest.mark.parametrize("leave, readable", [
    ("clean", True),  # closed by its last writer: no -wal, and SQLite may not create -shm here
    ("log and index", True),  # -wal with changes and its -shm index beside it
    ("log only", False),  # changes in -wal but no -shm: SQLite cannot read them here; says so
])
def test_a_database_in_a_read_only_folder_is_readable(tmp_path, leave, readable):
    folder = tmp_path / "archive"
    folder.mkdir()
    db_path = small_db(folder / "news.db")
    if leave != "clean":
        leave_wal_frames(db_path)
        if leave == "log only":
            Path(f"{db_path}-shm").unlink()
    files = sorted(p for p in folder.iterdir() if not p.name.endswith("-shm"))  # -shm: SQLite's shared memory
    before = [state(p) for p in files]
    folder.chmod(0o555)
    try:
        result = unprivileged([sys.executable, "-m", "newsfacts", "sql", "SELECT COUNT(*) AS n FROM articles",
                               "--db", str(db_path), "--format", "json"])
    finally:
        folder.chmod(0o755)
    if readable:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == [{"n": 2}]
    else:
        assert result.returncode == 2 and "news.db-wal" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert [state(p) for p in files] == before


# --- two writers ----------------------------------------------------------------------------------

def _race(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        db = store.open_db(path)
        run = store.start_run(db, SPEC, ["in"], 1)
        store.write_batch(db, run, SPEC.fingerprint, [], {}, [{"key": f"k{os.getpid()}", "path": "p",
                                                                 "article_id": "a"}], [])
        store.finish_run(db, run, "complete", {}, 0.1)
        db.close()
        results.put("ok")
    except Exception as exc:  # the failure this test is about: report it, do not hang the barrier
        results.put(f"{type(exc).__name__}: {exc}")


def test_two_ingests_starting_on_a_new_database_both_succeed(tmp_path):
    """Schema creation, the first run and the first batch of two processes at the same instant."""
    context = multiprocessing.get_context("fork")
    for round_ in range(6):
        path = str(tmp_path / f"new{round_}.db")
        barrier, results = context.Barrier(2), context.Queue()
        processes = [context.Process(target=_race, args=(path, barrier, results)) for _ in range(2)]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=120) for _ in processes]
        for process in processes:
            process.join()
        assert outcomes == ["ok", "ok"], outcomes
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT status FROM runs").fetchall() == [("complete",), ("complete",)]


# --- a full disk ------------------------------------------------------------------------------------

def test_a_full_disk_ends_with_one_line_and_true_counts(tmp_path, monkeypatch):
    """SQLite's max_page_count gives the same error as a full disk ("database or disk is full") at a page
    count the test chooses: room for a few articles, not all."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i}.txt").write_text(SEED.read_text() + f"\nReporting by desk {i}.\n")
    real_open = store.open_db

    def nearly_full(path, *args, **kwargs):
        db = real_open(path, *args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 12}")
        return db

    monkeypatch.setattr(store, "open_db", nearly_full)
    db_path = tmp_path / "news.db"
    result = invoke("ingest", folder, "--db", db_path, "--workers", "1", "--batch-size", "1", "--no-progress")
    assert result.exit_code == 2, result.output
    [line] = error_lines(result.output)
    assert "Traceback" not in result.output
    assert line.startswith(f"error: {db_path}: could not write (database or disk is full); run 1 stored ")
    with sqlite3.connect(db_path) as conn:
        status, new = conn.execute("SELECT status, new FROM runs").fetchone()
        stored = conn.execute("SELECT COUNT(*) FROM extractions WHERE run_id = 1").fetchone()[0]
    assert status == "failed" and 0 < stored < 6 and new == stored
    assert f"run 1 stored {stored} new articles" in line
    monkeypatch.setattr(store, "open_db", real_open)  # space freed: the same command goes on
    again = invoke("ingest", folder, "--db", db_path, "--workers", "1", "--no-progress")
    assert again.exit_code == 0 and f"{6 - stored} new, {stored} unchanged" in again.output


# --- sql ---------------------------------------------------------------------------------------------

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"


def test_sql_stops_at_its_time_limit(tmp_path):
    db_path = small_db(tmp_path / "news.db")
    started = time.monotonic()
    result = invoke("sql", ENDLESS, "--db", db_path, "--timeout", "0.5")
    assert result.exit_code == 2
    assert error_lines(result.output) == ["error: sql stopped after 0.5 seconds (give --timeout SECONDS to allow "
                                          "more, 0 for no limit)"]
    assert time.monotonic() - started < 30
    assert invoke("sql", "SELECT COUNT(*) AS n FROM articles", "--db", db_path, "--timeout", "0.5",
                  "--format", "json").output.strip() == '[\n  {\n    "n": 2\n  }\n]'


def test_sql_without_a_limit_stops_on_ctrl_c(tmp_path):
    db_path = small_db(tmp_path / "news.db")
    proc = subprocess.Popen([sys.executable, "-m", "newsfacts", "sql", ENDLESS, "--db", str(db_path), "--timeout",
                             "0"], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)  # starting Python and the CLI, then well into the endless statement
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err.strip() == "error: sql interrupted" and out == ""


@pytest.mark.parametrize("fmt, shown", [
    ("json", '"b": {\n      "$base64": true,\n      "encoded": "AAAAAAAAAAAAAA=="\n    }'),
    ("csv", "X'00000000000000000000',Infinity"),
    ("table", "X'00000000000000000000'"),
])
def test_sql_shows_blobs_and_infinities_in_every_format(tmp_path, fmt, shown):
    db_path = small_db(tmp_path / "news.db")
    result = invoke("sql", "SELECT zeroblob(10) AS b, 1e999 AS big", "--db", db_path, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert shown in result.output


# --- workers and signals ----------------------------------------------------------------------------

def _echo_or_die(tasks: list) -> list:
    """A worker's job for the pool test: facts for each task, except that "poison" kills the worker."""
    if any(task[0] == "poison" for task in tasks):
        os._exit(9)
    return [(task[0], {"entities": []}, None) for task in tasks]


def test_a_dead_worker_costs_a_retry_and_a_poison_article_fails_alone():
    """Real worker processes: one article kills its worker whenever it is extracted. Its batch is retried,
    then run alone, then split; the poison article fails with a reason, every other article comes back
    exactly once."""
    ids = [f"a{i}" for i in range(11)] + ["poison"]
    jobs = [Job([{"id": i} for i in ids[k:k + 3]], []) for k in range(0, len(ids), 3)]
    notices: list[str] = []
    pool = Pool(lambda: ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")), _echo_or_die,
                lambda job: [(row["id"],) for row in job.rows], notices.append)
    try:
        for job in jobs:
            pool.submit(job)
        results: list = []
        while pool:
            results += [item for _job, extracted in pool.finished() for item in extracted]
    finally:
        pool.stop()
    assert sorted(r[0] for r in results) == sorted(ids)  # each article once: none lost, none twice
    assert [r[2] for r in results if r[0] == "poison"] == ["extraction failed: the worker process died while "
                                                           "extracting this article"]
    assert all(r[2] is None for r in results if r[0] != "poison")
    assert pool.restarts >= 3 and all(n.startswith("a worker process died") for n in notices)


def _sleep(tasks: list) -> list:
    time.sleep(30)
    return []


def test_a_killed_pool_leaves_no_thread_for_the_exit_handler_to_wake():
    """``stop(kill=True)`` waits for the executor's manager thread, which closes its wake-up pipe as it ends:
    one left running races Python's exit handler, which then writes to a closed pipe (a traceback at exit)."""
    from concurrent.futures.process import _ExecutorManagerThread

    pool = Pool(lambda: ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")), _sleep,
                lambda job: [(row["id"],) for row in job.rows])
    pool.submit(Job([{"id": "a"}], []))
    pool.submit(Job([{"id": "b"}], []))
    time.sleep(0.5)
    pool.stop(kill=True)
    assert not [t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread) and t.is_alive()]


def test_a_worker_killed_mid_run_costs_its_batch_a_retry(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [STORIES[i % 3] + f"Reporting by desk {i}.\n" for i in range(10)]
    for i, text in enumerate(texts):
        (folder / f"s{i:02d}.txt").write_text(text)
    killed: list[int] = []

    def kill_one_worker(done, total, words, extracted):
        if not killed:
            worker = multiprocessing.active_children()[0]
            killed.append(worker.pid)
            os.kill(worker.pid, signal.SIGKILL)

    notices: list[str] = []
    result = batch.ingest([folder], tmp_path / "two.db", workers=2, batch_size=2, progress=kill_one_worker,
                          on_notice=notices.append)
    assert killed and any(n.startswith("a worker process died") for n in notices)
    assert (result.new, result.failed, result.interrupted) == (10, 0, False)
    context = {"published": None, "dateline": None, "title": None}
    expected = batch.extract_batch([(str(i), text, context) for i, text in enumerate(texts)], nlp)
    counts = {kind: sum(len(facts[kind]) for _, facts, _ in expected) for kind in expected[0][1]}
    assert result.facts == {store.TABLE_OF[kind]: n for kind, n in counts.items()}  # none lost, none twice
    with sqlite3.connect(tmp_path / "two.db") as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM extractions").fetchone() == (10, 10)


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            with open(task / "children") as children:
                kids = {int(k) for k in children.read().split()}
            todo += kids - found
            found |= kids
    return found


def gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a shell that runs the tests as a background job starts them with
    SIGINT ignored, the ingest would inherit that, and an ingest started so rightly ignores Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_ingest(tmp_path: Path, workers: int = 2) -> tuple[subprocess.Popen, Path]:
    """`newsfacts ingest` in a process of its own, returned once it has stored a few articles. There are
    enough articles that it is still running when the test signals it, however fast the machine."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(1500):
        (folder / f"a{i:04d}.txt").write_text(STORIES[i % 3] + f"Reporting by desk {i}.\n")
    db_path = tmp_path / "news.db"
    proc = subprocess.Popen([sys.executable, "-m", "newsfacts", "ingest", str(folder), "--db", str(db_path),
                             "--workers", str(workers), "--batch-size", "1", "--no-progress"], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_as_from_a_terminal)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
                if conn.execute("SELECT COUNT(*) FROM extractions").fetchone()[0] >= 2:
                    return proc, db_path
        except sqlite3.OperationalError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"the ingest did not get going: {proc.communicate()}")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds worker processes through /proc (Linux)")
@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_ends_the_workers_and_marks_the_run_interrupted(tmp_path, sig, status):
    proc, db_path = start_ingest(tmp_path)
    try:
        workers = descendants(proc.pid)
        assert len(workers) >= 2  # two workers (and, started afresh, the resource tracker)
        # A second run starting meanwhile leaves this one running, and `runs` shows it so.
        db = store.open_db(db_path)
        other = store.start_run(db, SPEC, ["elsewhere"], 1)
        store.finish_run(db, other, "complete", {}, 0.1)
        db.close()
        listed = json.loads(invoke("runs", "--db", db_path, "--format", "json").output)
        assert [(r["id"], r["status"]) for r in listed] == [(2, "complete"), (1, "running")]
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)  # Ctrl-C on a terminal: the whole process group
        else:
            proc.send_signal(sig)  # `kill PID`
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == status, err
    assert "INTERRUPTED: run again to resume" in out and "Traceback" not in err
    deadline = time.monotonic() + 10
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in workers)
    with sqlite3.connect(db_path) as conn:
        status_, new = conn.execute("SELECT status, new FROM runs WHERE id = 1").fetchone()
        stored = conn.execute("SELECT COUNT(*) FROM extractions WHERE run_id = 1").fetchone()[0]
    assert status_ == "interrupted" and new == stored > 0


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds worker processes through /proc (Linux)")
@pytest.mark.parametrize("start_method, processes", [("fork", 2), ("spawn", 3)])  # spawn: a resource tracker too
def test_a_killed_ingest_takes_its_workers_and_resource_tracker_with_it(tmp_path, monkeypatch, start_method,
                                                                        processes):
    monkeypatch.setitem(ENV, "NEWSFACTS_START_METHOD", start_method)
    proc, db_path = start_ingest(tmp_path)
    children = descendants(proc.pid)
    try:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        deadline = time.monotonic() + 15
        while not all(gone(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(children) == processes and all(gone(pid) for pid in children)
    finally:
        for pid in children:
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)
    # The next run finds the dead one and marks it interrupted.
    db = store.open_db(db_path)
    store.start_run(db, SPEC, ["again"], 1)
    assert db.execute("SELECT status FROM runs WHERE id = 1").fetchone() == ("interrupted",)
    db.close()


def test_unlistable_and_unsearchable_folders_fail_alone(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "blind").mkdir()
    (folder / "a.txt").write_text(STORIES[0])
    (folder / "locked" / "b.txt").write_text(STORIES[1])
    (folder / "blind" / "c.txt").write_text(STORIES[2])
    (folder / "locked").chmod(0o311)  # can enter, cannot list
    (folder / "blind").chmod(0o644)  # can list, cannot enter
    db_path = tmp_path / "news.db"
    try:
        result = unprivileged([sys.executable, "-m", "newsfacts", "ingest", str(folder), "--db", str(db_path),
                                "--workers", "1", "--no-progress"])
    finally:
        (folder / "locked").chmod(0o755)
        (folder / "blind").chmod(0o755)
    assert result.returncode == 1, result.stderr
    lines = error_lines(result.stderr)
    assert lines == [f"error: {folder / 'locked'}: folder not readable: Permission denied",
                     f"error: {folder / 'blind' / 'c.txt'}: unreadable: Permission denied"]
    assert "1 articles seen, 1 new" in result.stdout or "1 article seen, 1 new" in result.stdout
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT status, new, failed FROM runs").fetchone() == ("complete", 1, 2)
