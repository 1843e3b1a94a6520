"""The errors newsfacts raises for a problem the user can fix, all under one base class.

The CLI turns any :class:`NewsfactsError` into one ``error: …`` line and exit status 2; library
callers catch the base class or a specific one. Messages name the file or value and say what to do.
"""

from __future__ import annotations


class NewsfactsError(Exception):
    """A problem with the user's input, worded for the user."""


class NotANewsfactsDatabase(NewsfactsError):
    """The file is missing, not SQLite, or a SQLite database some other program made."""


class QueryError(NewsfactsError):
    """A problem with a read request: unknown article or run, bad SQL, a statement that would write."""


class NoInput(NewsfactsError):
    """An ingest was given a path that does not exist, or folders with no article files in them."""


class DecodeError(NewsfactsError, ValueError):
    """A file's bytes are not text in any encoding we can tell."""


class ModelsNotFound(NewsfactsError, FileNotFoundError):
    """No ``models/`` folder (the pipeline config and rule files) could be found."""


class StoreError(NewsfactsError):
    """The database could not be written: the disk is full, the file is read-only, or another process
    held its lock too long. Batches written before stay whole; the same command resumes."""


class WorkersDied(NewsfactsError):
    """The worker processes keep dying before any batch finishes (they cannot load the model?)."""


class TaggingSetupError(NewsfactsError):
    """``newsfacts_tags`` was set to stand in for a disabled attribute ruler while the lemmatizer after
    it still runs (it would lemmatize before the ruler's part of speech is there)."""
