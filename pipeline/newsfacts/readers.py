"""Read article files into plain records: decoding, formats and metadata, no NLP.

A reader never raises for bad input: every problem becomes a ``ReadFailure``
naming the file and the reason, so one broken article never stops a batch.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts import metadata
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
    url: str | None = None
    record_id: str | None = None
    dateline: str | None = None
    dateline_start: int | None = None
    dateline_end: int | None = None
    agency: str | None = None
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
               exclude: Iterable[str] = ()) -> Iterator[Path]:
    """Files under ``paths`` (walked recursively, sorted), in a known format or matching ``pattern``.

    Names matching an ``exclude`` glob, or a glob listed in a ``.newsfactsignore`` file of
    the folder or any folder above it, are left out. A path given
    explicitly is always yielded, so a wrong file named on the command line is reported
    rather than silently skipped.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        above = path.resolve().parents
        inherited = list(exclude) + [g for parent in above for g in _ignore_globs(parent / IGNORE_FILE)]
        ignores: dict[Path, list[str]] = {}
        for root, dirs, files in os.walk(path):
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


def _ignore_globs(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [g.strip().rstrip("/") for g in lines if g.strip() and not g.lstrip().startswith("#")]


def _matches(name: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes to text; returns (text, encoding, warnings). Raises DecodeError for binary data."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name, []
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {name} data at byte {exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise DecodeError("binary file (NUL bytes), not text")
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, "utf-8", [f"invalid UTF-8 at byte {first_bad}: {bad} byte sequence(s) replaced with U+FFFD"]
    high = sum(1 for b in data if b > 127)
    if high <= max(8, len(data) // 200):
        # A few high bytes in ASCII text ("\xa315.8m"): too little for statistics to tell code pages
        # apart; windows-1252 is the legacy encoding of English news and decodes every such byte.
        try:
            return data.decode("cp1252"), "cp1252", [f"not UTF-8 (byte {first_bad}): read as windows-1252"]
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = _best_match(from_bytes(data))
    if best is None or best.encoding is None:
        raise DecodeError("binary or undecodable bytes, no text encoding fits")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise DecodeError(f"binary file (decodes as {best.encoding} only to control characters)")
    return text, best.encoding, [f"not UTF-8 (byte {first_bad}): detected {best.encoding}"]


def _best_match(matches):
    """charset-normalizer's best guess, but windows-1252 on a tie: Western European code pages
    decode most letters alike, and windows-1252 is what the web means by latin-1 (WHATWG)."""
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence - 0.02
        if tied and "cp1252" in match.could_be_from_charset:
            return match
    return best


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4


def _mostly_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly valid UTF-8: a UTF-8 file with a few bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good > 0 and bad <= max(3, good // 10)


def _control_ratio(text: str) -> float:
    sample = text[:10000]
    if not sample:
        return 0.0
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control / len(sample)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadFailure]:
    """Every article in one file, or failures saying why not."""
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            yield ReadFailure(name, "is a directory")
            return
        if size > max_bytes:
            yield ReadFailure(name, f"too large: {size:,} bytes (limit {max_bytes:,}; see --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(name, f"unreadable: {exc.strerror or exc}")
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


def read_text(path: str, raw: str, encoding: str, warnings: list[str]) -> RawArticle | ReadFailure:
    """Plain text: optional header fields, an optional headline line, then the story."""
    header = metadata.parse_header(raw)
    text = raw[header.body_start:]
    if not text.strip():
        return ReadFailure(path, "no article text after the header")
    fields = header.fields
    article = RawArticle(path, path, text, "text", encoding, warnings=list(warnings),
                         title=fields.get("title") or metadata.parse_headline(text),
                         source=fields.get("source"), url=fields.get("url"))
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
                         source=doc.sitename, url=doc.url)
    _set_published(article, doc.date, "metadata")
    return _finish(article)


def read_json(path: str, text: str, encoding: str, warnings: list[str]) -> Iterator[RawArticle | ReadFailure]:
    """JSON lines (.jsonl), or a JSON array or object (.json, else read as lines); every record needs
    a ``text`` string."""
    for where, record in _json_records(text, lines=Path(path).suffix.lower() != ".json"):
        if isinstance(record, ReadFailure):
            yield ReadFailure(path, f"{where}: {record.error}")
        elif not isinstance(record, dict):
            yield ReadFailure(path, f"{where}: not a JSON object")
        elif not isinstance(record.get("text"), str) or not record["text"].strip():
            yield ReadFailure(path, f"{where}: no 'text' string")
        else:
            rid = record.get("id")
            key = f"{path}#{rid}" if rid is not None else f"{path}:{where.split()[-1]}"
            article = RawArticle(key, path, record["text"], "json", encoding, warnings=list(warnings),
                                 title=_str(record.get("title")), source=_str(record.get("source")),
                                 url=_str(record.get("url")), record_id=_str(rid))
            _set_published(article, _str(record.get("published") or record.get("date")), "metadata")
            yield _finish(article)


def _json_records(text: str, lines: bool) -> Iterator[tuple[str, object]]:
    if not lines:
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            pass  # perhaps JSON lines under a .json name
        else:
            records = whole if isinstance(whole, list) else [whole]
            yield from ((f"record {i}", r) for i, r in enumerate(records, 1))
            return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"line {number}", ReadFailure("", f"invalid JSON ({exc.msg})")


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _set_published(article: RawArticle, value: str | None, origin: str) -> None:
    if value and not article.published and (iso := metadata.normalize_date(value)):
        article.published, article.published_from = iso, origin


def _finish(article: RawArticle) -> RawArticle:
    """Dateline and the remaining publication-date sources, read from the text and the path."""
    dateline = metadata.story_dateline(article.text, article.title)
    if dateline:
        article.dateline, article.agency = dateline.place, dateline.agency
        article.dateline_start, article.dateline_end = dateline.place_start, dateline.place_end
        if dateline.date:
            _set_published(article, dateline.date, "dateline")
    _set_published(article, metadata.date_from_filename(Path(article.path).name), "filename")
    return article
