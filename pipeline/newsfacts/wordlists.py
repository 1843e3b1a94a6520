"""Reading the rule files under ``models/``: word lists, tab-separated tables and JSON.

One reader for every component, so a rule file means the same thing wherever it is read: UTF-8, one
entry a line, blank lines and lines starting with ``#`` skipped.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path


def read_lines(path: str | Path, *, missing_ok: bool = False) -> list[str]:
    """The stripped, non-blank lines of a file that do not start with ``#``, in order."""
    path = Path(path)
    if missing_ok and not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_words(path: str | Path, *, missing_ok: bool = False) -> set[str]:
    """One lower-cased entry a line; a ``#`` anywhere starts a comment."""
    path = Path(path)
    if missing_ok and not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return words


def read_table(path: str | Path, *, missing_ok: bool = False) -> list[list[str]]:
    """Rows of a tab-separated file: its cells as written (empty cells kept), comment lines skipped."""
    path = Path(path)
    if missing_ok and not path.is_file():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_json(path: str | Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def read_folder(path: str | Path) -> dict[str, bytes]:
    """Every file of a rules folder, by its path relative to the folder, in a fixed order: what a
    component saves with the pipeline, a Dask worker receives, and the fingerprint hashes."""
    path = Path(path)
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def made_from(package: str) -> str:
    """What a table saved from a package's data was made from: the package and its installed version."""
    return f"{package} {version(package)}"


def read_saved(path: Path, source: str) -> dict[str, str] | None:
    """A key ⇥ value table ``save_table`` wrote from ``source`` (``made_from``); None when the file is
    missing or was made from another version, so the caller builds it again from the package."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as f:
        if f.readline().strip() != f"# {source}":
            return None
        return dict(line.rstrip("\n").split("\t") for line in f)


def save_table(path: Path, source: str, table: dict[str, str]) -> Path:
    """Save a table built from a package's data, headed by what it was made from (``read_saved``)."""
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# {source}\n")
        f.writelines(f"{key}\t{value}\n" for key, value in sorted(table.items()))
    return path
