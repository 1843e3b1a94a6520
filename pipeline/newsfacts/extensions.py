"""The ``Doc._`` attributes that carry facts and article context, and the Doc's text read once.

Components write lists of :mod:`newsfacts.records` to ``doc._.<kind>``; the article's context
(``dct``, ``dateline``, ``title``) is set on the Doc before the pipeline runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.bounds import tokenize
from newsfacts.records import FACT_KINDS

CONTEXT = ("dct", "dateline", "title")


def register_extensions() -> None:
    """Declare the Doc attributes components read and write (idempotent)."""
    for name in FACT_KINDS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    # Article context set before the pipeline runs.
    for name in CONTEXT:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def make_doc(nlp: Language, text: str, *, published: str | None = None, title: str | None = None,
             dateline: str | None = None) -> Doc:
    """A Doc ready for the pipeline: tokenised, with the article's context that components read.

    ``published`` (ISO ``YYYY-MM-DD``) anchors relative dates, ``dateline`` (a place) is where the
    story was filed, ``title`` the headline.
    """
    doc = tokenize(nlp, text)  # nlp.make_doc, in linear time whatever the text (see newsfacts.bounds)
    remember_text(doc, text)
    doc._.dct, doc._.dateline, doc._.title = published, dateline, title
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy joins from the tokens on every access, once per Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    # the length check catches user_data copied over from another Doc
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "newsfacts.text"


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the text a Doc was made from, which the caller has in hand anyway."""
    doc.user_data[_TEXT_KEY] = text


def facts_of(doc: Doc) -> dict[str, list]:
    """All fact lists a processed Doc carries, empty where a component is absent."""
    return {name: list(getattr(doc._, name) or []) for name in FACT_KINDS}


register_extensions()
