"""Ingest on a Dask cluster: the executor ``batch.ingest`` submits its batches to when ``engine="dask"``.

The main process reads files and writes the database as with the local engine; only the NLP moves.
Each worker gets the rules folder once (a worker plugin carries its files, so the workers need no
access to this machine's ``models/``) and loads the pipeline on its first batch. A worker that dies
is restarted by its nanny and the scheduler runs its batch again elsewhere; since results come back
to this process, which writes each batch once, nothing is lost and nothing is stored twice.
Requires the extra ``newsfacts[dask]``; the main process never imports spaCy.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import Future
from pathlib import Path

import dask.config
from distributed import Client, LocalCluster, WorkerPlugin

from newsfacts.errors import NewsfactsError
from newsfacts.wordlists import read_folder

RETRIES = 2  # a batch whose task raised (not a lost worker: those are rescheduled anyway) runs again
# What a local cluster's workers need not do while one long task holds the interpreter: sample its stack
# every 10 ms for the dashboard's profile, and wake every 20 ms (tick), 100 ms (memory) and 500 ms (system
# monitor). Measured on 200 BBC articles, one worker: 0.75 of the local engine's words/s with Dask's
# defaults, 0.86 without. Workers of a cluster started by hand take the same settings from their
# environment (README, "Past one machine").
#
# And memory: a nanny starts its worker with glibc's MALLOC_TRIM_THRESHOLD_ at 64 KiB, which also fixes the
# threshold above which malloc maps fresh pages at 128 KiB instead of letting glibc raise it. Every array of
# the model above that size then comes from the kernel as new zeroed pages: 777,000 page faults for 150 BBC
# articles on one worker against 120,000 for the local engine's worker. Both thresholds set higher bring it
# back to about 125,000 (a tenth less worker CPU), and the memory a worker holds on to grows by at most 64 MB.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 64 * 1024 * 1024,
    "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": 32 * 1024 * 1024,
}


class PipelineRules(WorkerPlugin):
    """Puts the base model's name and a copy of the rules folder on every worker, now and after restarts."""

    name = "newsfacts-pipeline"

    def __init__(self, model: str | None, files: dict[str, bytes]) -> None:
        self.model = model
        self.files = files

    def setup(self, worker) -> None:
        folder = Path(tempfile.mkdtemp(prefix="newsfacts-models-", dir=worker.local_directory))
        for name, data in self.files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _WORKER_SETUP[:] = [self.model, str(folder)]


_WORKER_SETUP: list = []  # [model, rules folder] on a worker, set by the plugin
_WORKER_NLP: list = []  # the loaded pipeline, one per worker process


def run_on_worker(fn, arg):
    """``fn(arg, nlp)`` with this worker's pipeline, loaded on the first call (not in the plugin, which runs
    on the worker's event loop: a model load there would stall its heartbeats)."""
    from newsfacts.work import load_pipeline

    if not _WORKER_NLP:
        model, folder = _WORKER_SETUP
        _WORKER_NLP.append(load_pipeline(model, Path(folder)))
    return fn(arg, _WORKER_NLP[0])


class DaskExecutor:
    """The executor interface of ``batch.ingest`` (``submit``, ``shutdown``) over a Dask client.

    Without ``scheduler`` it starts a local cluster of ``workers`` processes with one thread each.
    """

    def __init__(self, spec, workers: int, scheduler: str | None = None) -> None:
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                with dask.config.set(QUIET_WORKERS):  # the nannies hand this config to their workers
                    self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                dashboard_address=None, silence_logs=40)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise NewsfactsError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self.client.register_plugin(PipelineRules(spec.model, read_folder(spec.models)))
        self._running: set = set()  # Dask cancels a task whose future nobody holds

    def submit(self, fn, arg) -> Future:
        """``fn(arg, nlp)`` on a worker (``fn`` a module-level function such as ``work.extract_batch``)."""
        done: Future = Future()
        remote = self.client.submit(run_on_worker, fn, arg, pure=False, retries=RETRIES)
        self._running.add(remote)

        def settle(finished) -> None:
            self._running.discard(finished)
            try:
                done.set_result(finished.result())
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting ingest as is
                done.set_exception(exc)

        remote.add_done_callback(settle)
        return done

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        if cancel_futures and self._running:
            self.client.cancel(list(self._running))
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
