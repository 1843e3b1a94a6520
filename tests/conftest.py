import pytest
from newsfacts import nlp as nlp_module


@pytest.fixture(scope="session")
def nlp():
    """The configured newsfacts pipeline, loaded once for the whole test session."""
    return nlp_module.load()


@pytest.fixture
def process(nlp):
    """Run the pipeline on text with optional article context (dct, dateline, title)."""

    def run(text: str, dct: str | None = None, dateline: str | None = None, title: str | None = None):
        doc = nlp.make_doc(text)
        doc._.dct, doc._.dateline, doc._.title = dct, dateline, title
        return nlp(doc)

    return run
