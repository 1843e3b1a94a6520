"""Article metadata read from plain text before any NLP runs.

Readers call these on the raw article: header fields at the top of a file, a headline line,
the dateline that opens the story, and dates hidden in file names. Everything here is a pure
text function; offsets always index the text passed in (nothing is ever removed from it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

# Header field names recognised at the top of a file (lower case, spaces/hyphens as "_").
HEADER_FIELDS = frozenset(
    {
        "date", "published", "publish_date", "published_date", "publication_date", "pubdate",
        "date_published", "updated", "dct", "time", "title", "headline", "source", "publisher",
        "url", "link", "author", "authors", "byline", "by", "section", "category", "language",
        "lang", "id", "doc_id", "docid", "keywords", "tags", "dateline", "place",
    }
)
DATE_FIELDS = frozenset(
    {
        "date", "published", "publish_date", "published_date", "publication_date", "pubdate",
        "date_published", "updated", "dct",
    }
)

# Spellings folded onto one key, so readers need only look up date/published/title/url/author/source.
FIELD_ALIASES = {
    "publish_date": "published", "published_date": "published", "publication_date": "published",
    "pubdate": "published", "date_published": "published", "dct": "published", "headline": "title",
    "link": "url", "authors": "author", "by": "author", "byline": "author", "publisher": "source",
    "doc_id": "id", "docid": "id", "lang": "language", "tags": "keywords", "category": "section",
}

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t|tember)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# A date value written right after an inline "date" field name.
_DATE_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
    r"|\d{4}/\d{1,2}/\d{1,2}(?![\w/])"
    r"|\d{8}(?!\w)"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\w)"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}(?!\w)",
    re.IGNORECASE,
)
_FIELD_NAME = re.compile(
    r"[ \t]*("
    + "|".join(n.replace("_", r"[ _-]") for n in sorted(HEADER_FIELDS, key=len, reverse=True))
    + r")(?![\w-])[ \t]*(:|=)?[ \t]*",
    re.IGNORECASE,
)


@dataclass
class Header:
    """Header fields found at the top of a file and where the article proper begins."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


def _field_key(name: str) -> str:
    key = re.sub(r"[\s-]+", "_", name.strip().lower())
    return FIELD_ALIASES.get(key, key)


def parse_header(text: str) -> Header:
    """Read leading header fields: ``title: ...`` lines, or an inline ``date 2026-02-16 Story...``.

    Only known field names count, so an article that opens with "Source of the trouble" or
    "Date palms" keeps its first line. Keys are lower case with "_" for spaces, and spellings of
    one field are folded together (``FIELD_ALIASES``: "pubdate" → "published", "byline" → "author").
    """
    fields: dict[str, str] = {}
    pos = 0
    body_start = 0
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n\ufeff":
            pos += 1
        m = _FIELD_NAME.match(text, pos)
        if not m:
            break
        key = _field_key(m.group(1))
        if key not in HEADER_FIELDS and key not in FIELD_ALIASES.values():
            break
        line_end = text.find("\n", m.end())
        line_end = n if line_end < 0 else line_end
        if key in DATE_FIELDS | {"published"} and (tok := _DATE_TOKEN.match(text, m.end())):
            value, end = tok.group(0), tok.end()
            rest = text[end:line_end]
            if rest.strip():
                # Inline header: the story goes on after the date on the same line.
                fields.setdefault(key, value)
                end += len(rest) - len(rest.lstrip())
                body_start = pos = end
                break
            fields.setdefault(key, value)
            pos = body_start = line_end
            continue
        if not m.group(2):
            break  # other fields need an explicit "name:" to count
        value = text[m.end():line_end].strip()
        if not value:
            break
        fields.setdefault(key, value)
        pos = body_start = line_end
    if not fields:
        return Header({}, 0)
    while body_start < n and text[body_start].isspace():
        body_start += 1
    return Header(fields, body_start)


_TERMINAL = (".", ",", ";", ":", "…")


def parse_headline(body: str) -> str | None:
    """The first line when it reads as a headline: short, no closing period, more text below."""
    stripped = body.lstrip()
    nl = stripped.find("\n")
    if nl < 0:
        return None
    line = stripped[:nl].strip()
    rest = stripped[nl:].strip()
    if not line or not rest:
        return None
    words = line.split()
    if len(line) > 150 or len(words) > 25:
        return None
    if line.endswith(_TERMINAL) and not line.endswith("...") and not _INITIALISM_END.search(line):
        return None
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘<(["):  # "<RANGE ROVER> TO SELL…"
        return None
    dateline = parse_dateline(line)
    if dateline is not None and any(c.islower() for c in line[dateline.end:]):
        return None  # "PARIS, March 4 - The size of…" opens the story; "STOCKS WORRYING - ONIC" is all headline
    return line


# "… SEEN PRESSURING U.S.": the stop of an initialism, not the end of a sentence
_INITIALISM_END = re.compile(r"(?:^|\s)(?:[A-Za-z]\.){2,}$")


_NAME = r"[A-Z][a-z'’\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z'’\-]+|de|van|von|der|da|al|bin|la|le)){1,3}"
_BYLINE = re.compile(
    rf"By:?[ \t]+(?P<names>{_NAME}(?:(?:[ \t]+and[ \t]+|[ \t]*&[ \t]*){_NAME})*)"
    r"(?:[ \t]*(?:,|\||-|–|—)[ \t]*[^\n]{0,60})?[ \t]*$"
)


def _first_name(word: str) -> bool:
    from newsfacts.namematch import first_name_gender

    return first_name_gender(word)[0] is not None


def parse_byline(body: str, lines: int = 4) -> str | None:
    """The writers a byline line names near the top ("By Jo Lee and Sam Ode, Reuters" → "Jo Lee; Sam Ode").

    Only a line of its own among the first few, so "By Tuesday the talks had failed" is no byline."""
    for line in body.lstrip().splitlines()[:lines]:
        line = line.strip()
        if line.isupper():
            line = line.title().replace(" And ", " and ")
        if (m := _BYLINE.match(line)) and len(line) <= 100:
            names = [n.strip() for n in re.split(r"[ \t]+and[ \t]+|[ \t]*&[ \t]*", m.group("names"))]
            if _first_name(names[0].split()[0]):  # "By Royal Appointment" names nobody
                return "; ".join(names)
        if len(line) > 100 or line.endswith((".", "!", "?")):
            break  # the story has begun
    return None


@dataclass
class Dateline:
    """The dateline that opens a story: "LONDON, March 8 (Reuters) -"."""

    place: str | None
    agency: str | None
    date: str | None
    start: int
    end: int
    place_start: int
    place_end: int
    region: str | None = None  # "Ontario" of "OAKVILLE, Ontario", "Va." of "ALEXANDRIA, Va."


_CAPS_WORD = r"(?:[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z])"
_TITLE_WORD = r"(?:[A-Z][a-z'’.\-]*[A-Za-z.]|[A-Z])"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,4}}|{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD}){{0,3}})"
    rf"(?:,[ \t]*(?P<region>(?:{_TITLE_WORD}|{_CAPS_WORD})(?:[ \t]+(?:{_TITLE_WORD}|{_CAPS_WORD})){{0,2}})"
    r")?"
    rf"(?:,?[ \t]*(?P<date>(?P<md>{_MONTHS}[ \t]+\d{{1,2}}(?:,[ \t]*(?P<y1>\d{{4}}))?)"
    rf"|(?P<dm>\d{{1,2}}[ \t]+{_MONTHS}(?:,?[ \t]*(?P<y2>\d{{4}}))?)"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})))?"
    r"(?:[ \t]*[(/](?P<agency>[A-Za-z][A-Za-z.\- ]{0,30}?)[)/])?"
    r"[ \t]*(?P<dash>--|[–—-])(?=[ \t\n])"
)
_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_SMALL_WORDS = {"Of", "The", "De", "Del", "La", "Es", "And", "Upon", "On"}


def _title_place(place: str) -> str:
    if any(c.islower() for c in place):
        return place
    words = [w.title() for w in place.split()]
    return " ".join(w.lower() if i and w in _SMALL_WORDS else w for i, w in enumerate(words))


def _iso_from_parts(month: str, day: str, year: str | None) -> str | None:
    if not year:
        return None
    try:
        return date(int(year), _MONTH_NUM[month[:3].lower()], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def parse_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline at ``start`` (after leading spaces), or None.

    Capitalised places ("ALMATY –") count on their own; a title-case place ("London -")
    needs a date or an agency to tell it from an ordinary sentence opening with a dash.
    """
    pos = start
    while pos < len(text) and text[pos].isspace():
        pos += 1
    m = _DATELINE.match(text, pos)
    if not m:
        return None
    place = m.group("place")
    is_caps = not any(c.islower() for c in place)
    if not is_caps and not (m.group("date") or m.group("agency")):
        return None
    bare = not (m.group("agency") or m.group("date") or m.group("region"))
    if bare and sum(c.isalpha() for c in place) < 3:
        return None
    iso = None
    if m.group("md"):
        month, day = m.group("md").split()[:2]
        iso = _iso_from_parts(month, day.rstrip(","), m.group("y1"))
    elif m.group("dm"):
        day, month = m.group("dm").split()[:2]
        iso = _iso_from_parts(month, day, m.group("y2"))
    elif m.group("iso"):
        iso = normalize_date(m.group("iso"))
    agency = m.group("agency").strip() if m.group("agency") else None
    return Dateline(
        place=_title_place(place),
        agency=agency,
        date=iso,
        start=m.start(),
        end=m.end(),
        place_start=m.start("place"),
        place_end=m.end("place"),
        region=m.group("region"),
    )


_FILENAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_from_filename(name: str) -> str | None:
    """An ISO date written in a file name ("AP_20130322.txt", "2013-03-22-story.html")."""
    base = re.split(r"[\\/]", name)[-1]
    for m in _FILENAME_DATE.finditer(base):
        try:
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )


@lru_cache(maxsize=4096)
def normalize_date(value: str) -> str | None:
    """Any metadata date string (ISO, "Feb 16, 2026", RFC 2822, ...) as ``YYYY-MM-DD``, or None."""
    value = (value or "").strip()
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    candidate = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else value
    try:
        return datetime.fromisoformat(candidate.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_day(_date_parser(), value)


def parse_day(parser, text: str) -> str | None:
    """``YYYY-MM-DD`` of ``text`` by a dateparser ``DateDataParser``, or None where it finds no date."""
    try:
        parsed = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None or parsed.date_obj is None:
        return None
    return parsed.date_obj.date().isoformat()


def story_dateline(text: str, title: str | None = None) -> Dateline | None:
    """The dateline that opens the story: after the headline when the text starts with ``title``."""
    start = 0
    if title:
        first = text.lstrip().split("\n", 1)[0].strip()
        if first == title.strip():
            start = text.find("\n", text.find(first)) + 1 or len(text)
    return parse_dateline(text, start)

