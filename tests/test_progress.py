"""The progress bar's rate and time left: counted from the first extracted batch, so that model loading and
files skipped in a blink do not make early estimates far too low (or high)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsfacts.batch import ingest
from newsfacts.progress import Rate, clock_text, reporter

DEV = Path(__file__).resolve().parent.parent / "corpus" / "dev"


def simulate(skipped: int, new: int, load: float, per_batch: float, batch: int = 16) -> list[tuple]:
    """The progress calls of a run as ingest makes them: (time, done, total, extracted), and when it ends.

    Files already extracted are settled first, a millisecond each, while the model loads; then each batch
    of new articles comes back ``per_batch`` seconds after the one before.
    """
    total = skipped + new
    calls = [(0.001 * (i + 1), i + 1, total, 0) for i in range(skipped)]
    t, done, extracted = load, skipped, 0
    while extracted < new:
        n = min(batch, new - extracted)
        t, done, extracted = t + per_batch, done + n, extracted + n
        calls.append((t, done, total, extracted))
    return calls


@pytest.mark.parametrize("skipped, new, load, per_batch", [
    (0, 200, 8.0, 4.0),  # every article new: the model's load is not part of the rate
    (900, 100, 8.0, 4.0),  # a re-run that meets 900 unchanged files first
    (50, 400, 2.0, 1.5),
])
def test_time_left_is_honest_from_the_second_batch(skipped, new, load, per_batch):
    calls = simulate(skipped, new, load, per_batch)
    end = calls[-1][0]
    now = [0.0]
    rate = Rate(clock=lambda: now[0])
    extracted_batches = 0
    for t, done, total, extracted in calls:
        now[0] = t
        rate.update(done, total, extracted)
        extracted_batches += 1 if extracted else 0
        if extracted_batches < 2:  # nothing to count yet: no estimate rather than a wrong one
            assert rate.seconds_left is None and rate.per_second is None
            continue
        assert abs(rate.seconds_left - (end - t)) <= per_batch  # off by at most the last, partial batch
        assert 0.8 * 16 / per_batch <= rate.per_second <= 16 / per_batch * 1.01  # the last batch may be short
    # What a rate over the whole run so far would have said after the second batch: far from the truth.
    t, done, total, _ = [c for c in calls if c[3]][1]
    naive = (total - done) / (done / t)
    assert abs(naive - (end - t)) > 0.3 * (end - t)


@pytest.mark.parametrize("seconds, text", [(None, "–"), (0, "0:00:00"), (59.6, "0:01:00"), (3725, "1:02:05")])
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text


def test_log_lines_of_a_real_run(tmp_path, capsys):
    folder = tmp_path / "dev"
    folder.mkdir()
    for path in sorted(DEV.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    calls = []
    with reporter(bar=False) as (on_progress, on_error, on_notice):
        def record(done, total, words, extracted):
            calls.append((done, total, extracted))
            on_progress(done, total, words, extracted)

        result = ingest([folder], tmp_path / "news.db", workers=1, batch_size=1, progress=record,
                        on_error=on_error, on_notice=on_notice)
    assert result.new == 3
    assert [c[2] for c in calls] == [1, 2, 3] and all(c[1] == 3 for c in calls)
    err = capsys.readouterr().err
    assert err.splitlines()[0].startswith("loading the model")
    assert "3/3 articles (3 extracted)" in err and "articles/s" in err and "left" in err
    again = []
    ingest([folder], tmp_path / "news.db", workers=1, progress=lambda *a: again.append(a))
    assert [a[3] for a in again] == [0, 0, 0]  # unchanged files are settled, never extracted
