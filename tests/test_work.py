"""newsfacts.work: what a worker imports to extract, without the store."""

import subprocess
import sys

from newsfacts import batch, work


def test_importing_the_worker_side_leaves_the_store_out():
    code = ("import sys, newsfacts.work\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlite_utils', 'pandas')"
            " or m in ('newsfacts.store', 'newsfacts.batch')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_functions_sent_to_workers_live_in_the_worker_module():
    # A pool or a Dask worker unpickles them by module: newsfacts.work, never newsfacts.batch.
    for fn in (batch.extract_batch, batch.init_worker, batch.task_of, batch.article_row):
        assert fn.__module__ == "newsfacts.work"


def test_a_batch_extracts_with_the_article_context(nlp):
    text = "LONDON - The Bank of England raised rates to 5% on Thursday, its governor said."
    row = {"id": "a1", "text": text, "published": "2026-03-19", "dateline": "London", "title": "Rates rise"}
    [(article_id, facts, error)] = work.extract_batch([work.task_of(row)], nlp)
    assert (article_id, error) == ("a1", None)
    assert "Bank of England" in [e["text"] for e in facts["entities"]]
    assert [d["value"] for d in facts["dates"] if d["text"] == "Thursday"] == ["2026-03-19"]
