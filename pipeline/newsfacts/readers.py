"""Read article files into plain records: decoding, formats and metadata, no NLP.

A reader never raises for bad input: every problem becomes a ``ReadFailure``
naming the file and the reason, so one broken article never stops a batch.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts import metadata, places
from newsfacts.decoding import decode
from newsfacts.errors import DecodeError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(slots=True)
class RawArticle:
    """One article as read from disk, before NLP. ``key`` names where it came from."""

    key: str  # the file path, or "path#id" / "path:line" for a record of a JSON file
    path: str
    text: str
    format: str
    encoding: str
    title: str | None = None
    published: str | None = None
    published_from: str | None = None  # metadata | header | dateline | filename
    source: str | None = None
    author: str | None = None  # the writers, "; " between two
    url: str | None = None
    record_id: str | None = None
    dateline: str | None = None
    dateline_start: int | None = None
    dateline_end: int | None = None
    agency: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 code of the dateline's place
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """An article's identity is a hash of its text."""
        return text_id(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class ReadFailure:
    path: str
    error: str


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


IGNORE_FILE = ".newsfactsignore"


def find_files(paths: Iterable[str | os.PathLike], pattern: str | None = None,
               exclude: Iterable[str] = (), errors: list[ReadFailure] | None = None) -> Iterator[Path]:
    """Files under ``paths`` (walked recursively, sorted), in a known format or matching ``pattern``.

    Names matching an ``exclude`` glob, or a glob listed in a ``.newsfactsignore`` file of
    the folder or any folder above it, are left out. A path given
    explicitly is always yielded, so a wrong file named on the command line is reported
    rather than silently skipped. A folder that cannot be listed is appended to ``errors``
    (a ``ReadFailure`` naming it) rather than skipped without a word.
    """
    def unlistable(exc: OSError) -> None:
        if errors is not None:
            errors.append(ReadFailure(shown(exc.filename or "?"), f"folder not readable: {exc.strerror or exc}"))

    for given in paths:
        path = Path(given)
        if not _is_dir(path):
            yield path
            continue
        above = path.resolve().parents
        inherited = list(exclude) + [g for parent in above for g in _ignore_globs(parent / IGNORE_FILE)]
        ignores: dict[Path, list[str]] = {}
        for root, dirs, files in os.walk(path, onerror=unlistable):
            here = Path(root)
            globs = ignores.get(here.parent, inherited) + _ignore_globs(here / IGNORE_FILE)
            ignores[here] = globs
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _matches(d, globs))
            for name in sorted(files):
                if name.startswith(".") or _matches(name, globs):
                    continue
                if pattern and not fnmatch.fnmatch(name, pattern):
                    continue
                if pattern or Path(name).suffix.lower() in SUFFIXES:
                    yield here / name


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a folder above is not searchable: reading it says why
        return False


def _ignore_globs(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # none there, or a folder that cannot be searched (reported by the walk)
        return []
    return [g.strip().rstrip("/") for g in lines if g.strip() and not g.lstrip().startswith("#")]


def _matches(name: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(name: str) -> str:
    r"""A file name as newsfacts stores and prints it: bytes that are not UTF-8 as ``\xff``, control
    characters as ``\n`` or ``\x1b``, so that a name is one printable line that colours nothing."""
    if name.isprintable():
        return name
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        raw = name.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadFailure]:
    """Every article in one file, or failures saying why not. Only regular files are opened: a named
    pipe or a device would block or never end."""
    name = shown(str(path))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            yield ReadFailure(name, "is a directory")
            return
        if not stat.S_ISREG(info.st_mode):
            yield ReadFailure(name, f"not a regular file ({_file_kind(info.st_mode)}), not read")
            return
        if info.st_size > max_bytes:
            yield ReadFailure(name, f"too large: {info.st_size:,} bytes (limit {max_bytes:,}; see --max-bytes)")
            return
        data = _read_regular(path, max_bytes)
    except OSError as exc:
        yield ReadFailure(name, f"unreadable: {exc.strerror or exc}")
        return
    except DecodeError as exc:
        yield ReadFailure(name, str(exc))
        return
    if not data.strip():
        yield ReadFailure(name, "empty file")
        return
    try:
        text, encoding, warnings = decode(data)
    except DecodeError as exc:
        yield ReadFailure(name, str(exc))
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from read_json(name, text, encoding, warnings)
    elif suffix in HTML_SUFFIXES:
        yield read_html(name, text, encoding, warnings)
    else:
        yield read_text(name, text, encoding, warnings)


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, never blocking: opened non-blocking and checked again once open, so
    a file swapped for a pipe after ``stat`` cannot hang the run; at most ``max_bytes``."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DecodeError(f"not a regular file ({_file_kind(mode)}), not read")
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DecodeError(f"too large: over {max_bytes:,} bytes (see --max-bytes)")
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def missing(path: str) -> bool:
    """No such file; one in a folder that cannot be searched exists, and reading it says why it fails."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def read_all(files: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadFailure]:
    """Every article in these files, in order; a file gone since the walk fails with the reason."""
    for name in files:
        if missing(name):  # gone since the walk (a broken link is "unreadable", below)
            yield ReadFailure(shown(name), "no such file or folder")
            continue
        yield from read_path(Path(name), max_bytes)


def read_text(path: str, raw: str, encoding: str, warnings: list[str]) -> RawArticle | ReadFailure:
    """Plain text: optional header fields, an optional headline line, then the story."""
    header = metadata.parse_header(raw)
    text = raw[header.body_start:]
    if not text.strip():
        return ReadFailure(path, "no article text after the header")
    fields = header.fields
    article = RawArticle(path, path, text, "text", encoding, warnings=list(warnings),
                         title=fields.get("title") or metadata.parse_headline(text),
                         source=fields.get("source"), author=fields.get("author"), url=fields.get("url"))
    _set_published(article, fields.get("date") or fields.get("published"), "header")
    return _finish(article)


def read_html(path: str, html: str, encoding: str, warnings: list[str]) -> RawArticle | ReadFailure:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        return ReadFailure(path, f"HTML could not be parsed: {exc}")
    if doc is None or not (doc.text or "").strip():
        return ReadFailure(path, "HTML has no main text")
    article = RawArticle(path, path, doc.text, "html", encoding, warnings=list(warnings), title=doc.title,
                         source=doc.sitename, author=doc.author, url=doc.url)
    _set_published(article, doc.date, "metadata")
    return _finish(article)


def read_json(path: str, text: str, encoding: str, warnings: list[str]) -> Iterator[RawArticle | ReadFailure]:
    """JSON lines (.jsonl), or a JSON array or object (.json, else read as lines); every record needs
    a ``text`` string. A record nested too deeply fails alone; lone surrogates (``"\ud800"``), which no
    UTF-8 text can hold, become U+FFFD with a warning, so offsets still index the record's text."""
    for where, record in _json_records(text, lines=Path(path).suffix.lower() != ".json"):
        if isinstance(record, ReadFailure):
            yield ReadFailure(path, record.error if where == "file" else f"{where}: {record.error}")
        elif not isinstance(record, dict):
            yield ReadFailure(path, f"{where}: not a JSON object")
        elif not isinstance(record.get("text"), str) or not record["text"].strip():
            yield ReadFailure(path, f"{where}: no 'text' string")
        else:
            body, bad = _SURROGATE.subn("\ufffd", record["text"])
            notes = [f"{where}: {bad} lone surrogate(s) replaced with U+FFFD"] if bad else []
            rid = _str(record.get("id"))
            key = f"{path}#{shown(rid)}" if rid is not None else f"{path}:{where.split()[-1]}"
            article = RawArticle(key, path, body, "json", encoding, warnings=list(warnings) + notes,
                                 title=_str(record.get("title")), source=_str(record.get("source")),
                                 author=_authors(record), url=_str(record.get("url")), record_id=rid)
            _set_published(article, _str(record.get("published") or record.get("date")), "metadata")
            yield _finish(article)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_records(text: str, lines: bool) -> Iterator[tuple[str, object]]:
    if not lines:
        whole = _loads(text)
        if isinstance(whole, ReadFailure) and "nested" in whole.error:
            yield "file", whole
            return
        if not isinstance(whole, ReadFailure):  # else perhaps JSON lines under a .json name
            records = whole if isinstance(whole, list) else [whole]
            yield from ((f"record {i}", r) for i, r in enumerate(records, 1))
            return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield f"line {number}", _loads(line)


def _loads(text: str) -> object:
    """A JSON value, or a ReadFailure saying why not. Integers longer than Python will convert
    (``sys.get_int_max_str_digits``) are kept as their digits."""
    try:
        return json.loads(text, parse_int=_int)
    except RecursionError:
        return ReadFailure("", "JSON nested too deeply")
    except json.JSONDecodeError as exc:
        return ReadFailure("", f"invalid JSON ({exc.msg})")


def _int(digits: str) -> int | str:
    try:
        return int(digits)
    except ValueError:  # more digits than int() converts: keep them as written
        return digits


def _str(value: object) -> str | None:
    if value is None:
        return None
    try:
        text = value if isinstance(value, str) else str(value)
    except (RecursionError, ValueError):
        return None
    return _SURROGATE.sub("\ufffd", text)


def _authors(record: dict) -> str | None:
    """A record's writers: ``author``, ``authors`` or ``byline``, a string or a list of strings or of
    objects with a ``name`` ("; " between two)."""
    value = next((record[k] for k in ("author", "authors", "byline") if record.get(k)), None)
    if isinstance(value, list):
        names = [_str(v.get("name") if isinstance(v, dict) else v) for v in value]
        return "; ".join(n for n in names if n) or None
    return _str(value.get("name") if isinstance(value, dict) else value)


def _set_published(article: RawArticle, value: str | None, origin: str) -> None:
    if value and not article.published and (iso := metadata.normalize_date(value)):
        article.published, article.published_from = iso, origin


def _finish(article: RawArticle) -> RawArticle:
    """Dateline, byline and the remaining publication-date sources, read from the text and the path."""
    dateline = metadata.story_dateline(article.text, article.title)
    if dateline:
        article.dateline, article.agency = dateline.place, dateline.agency
        article.dateline_start, article.dateline_end = dateline.place_start, dateline.place_end
        article.country = places.country_code(dateline.place, dateline.region)
        if dateline.date:
            _set_published(article, dateline.date, "dateline")
    _set_published(article, metadata.date_from_filename(Path(article.path).name), "filename")
    article.author = article.author or metadata.parse_byline(article.text)
    return article
