import pytest

from newsfacts import nlp as nlp_module
from newsfacts.extensions import make_doc


@pytest.fixture(scope="session")
def nlp():
    """The configured newsfacts pipeline, loaded once for the whole test session."""
    return nlp_module.load()


@pytest.fixture
def process(nlp):
    """Run the pipeline on text with optional article context (dct, dateline, title)."""

    def run(text: str, dct: str | None = None, dateline: str | None = None, title: str | None = None):
        return nlp(make_doc(nlp, text, published=dct, dateline=dateline, title=title))

    return run


@pytest.fixture
def run_owner():
    """``owner(kind)`` -> (pid, host) of a process that is "dead", "alive" or on an "other host", for runs
    left 'running'; the process is ended after the test."""
    import socket
    import subprocess
    import sys

    procs = []

    def owner(kind: str) -> tuple[int, str]:
        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        procs.append(proc)
        if kind == "dead":
            proc.kill()
            proc.wait()
        return proc.pid, "elsewhere.example" if kind == "other host" else socket.gethostname()

    yield owner
    for proc in procs:
        proc.kill()
        proc.wait()
