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
