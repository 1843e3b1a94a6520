"""Tables built from an installed package's data, kept in the user's cache folder between runs.

gender-guesser parses 48,000 lines, babel unpickles CLDR locales and quantulum3 inflects every unit
name at load: each process paid some 0.25 s of its 1.6 s load for answers that only change with
those packages. A table is kept as JSON under ``$XDG_CACHE_HOME/newsfacts`` (``~/.cache/newsfacts``),
named for the package's version and a digest of the module that builds it (and its arguments), so an
upgrade of either builds it again. Nothing goes into the project: gender-guesser's data is GPL-3.0.
A cache that cannot be read or written only costs the time: the table is built and used.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where derived tables are kept: ``$XDG_CACHE_HOME/newsfacts``, else ``~/.cache/newsfacts``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfacts"


def cached(name: str, package: str, build: Callable[..., Any], *args: Any, also: tuple[str, ...] = ()) -> Any:
    """``build(*args)`` as JSON gives it back (tuples and sets come back as lists), from the cache
    when a file made by this package version and this build code is there, else built and kept.
    ``also``: other packages whose data the table takes, so that their upgrade builds it again too."""
    key = _digest(build, (args, [version(other) for other in also]))
    path = cache_dir() / f"{name}-{package}-{version(package)}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    table = json.loads(json.dumps(build(*args), ensure_ascii=False, default=sorted))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        for old in path.parent.glob(f"{name}-{package}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: build again next time
    return table


def _digest(build: Callable[..., Any], args: tuple) -> str:
    """Of the source of the module that builds the table (else newsfacts' version: an install without
    source files), and of the arguments it is built with."""
    try:
        source = Path(sys.modules[build.__module__].__file__ or "").read_bytes()
    except OSError:
        source = version("newsfacts").encode()
    return hashlib.sha1(source + repr(args).encode()).hexdigest()[:12]
