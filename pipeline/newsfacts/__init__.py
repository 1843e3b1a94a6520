"""newsfacts: turn folders of news articles into a queryable database of facts.

The Python API, in three verbs::

    import newsfacts

    facts = newsfacts.extract("ALMATY – Kazakhstan said on Monday …", published="2026-02-16")
    result = newsfacts.ingest(["articles/"], db="news.db")
    with newsfacts.read("news.db") as db:
        db.people(limit=10)

Names are imported on first use, so ``import newsfacts`` (and the command line) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.18.0"

# public name -> the module that defines it
_EXPORTS = {
    "load": "newsfacts.facts",
    "extract": "newsfacts.facts",
    "extract_many": "newsfacts.facts",
    "Facts": "newsfacts.facts",
    "ingest": "newsfacts.batch",
    "IngestResult": "newsfacts.batch",
    "read": "newsfacts.reader",
    "Reader": "newsfacts.reader",
    "Entity": "newsfacts.records",
    "Role": "newsfacts.records",
    "Amount": "newsfacts.records",
    "Quantity": "newsfacts.records",
    "DateFact": "newsfacts.records",
    "Quote": "newsfacts.records",
    "KINDS": "newsfacts.records",
    "NewsfactsError": "newsfacts.errors",
    "NotANewsfactsDatabase": "newsfacts.errors",
    "QueryError": "newsfacts.errors",
}

__all__ = [
    "__version__", "load", "extract", "extract_many", "Facts", "ingest", "IngestResult", "read", "Reader",
    "Entity", "Role", "Amount", "Quantity", "DateFact", "Quote", "KINDS",
    "NewsfactsError", "NotANewsfactsDatabase", "QueryError",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from newsfacts.batch import IngestResult, ingest
    from newsfacts.errors import NewsfactsError, NotANewsfactsDatabase, QueryError
    from newsfacts.facts import Facts, extract, extract_many, load
    from newsfacts.reader import Reader, read
    from newsfacts.records import KINDS, Amount, DateFact, Entity, Quantity, Quote, Role
