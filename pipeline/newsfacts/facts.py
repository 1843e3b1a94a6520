"""Facts: the plain typed records the pipeline produces and the store keeps.

Every fact carries ``start``/``end``: Python string indices into the article text,
so a reviewer can always see the exact characters it came from. The spaCy
components hang lists of these records on ``Doc._`` extensions; nothing here
knows about SQLite.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from spacy.tokens import Doc


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str  # OntoNotes label: PERSON, ORG, GPE, LOC, NORP, EVENT, WORK_OF_ART, ...
    canonical: str  # one name per real thing within the article
    source: str = "model"  # model | rule | propagated


@dataclass(slots=True)
class Role:
    start: int  # span of the role phrase ("Kazakh Foreign Minister")
    end: int
    text: str
    role: str  # normalised role title ("Foreign Minister")
    person: str  # canonical name of the person holding it
    person_start: int
    person_end: int
    of: str | None = None  # organisation or country, canonical where known


@dataclass(slots=True)
class Amount:
    start: int
    end: int
    text: str
    value: float | None  # in units of the currency; the lower bound of a range
    currency: str | None  # ISO 4217
    max_value: float | None = None  # upper bound of a range, else None
    qualifier: str | None = None  # about | more_than | less_than | up_to | at_least | range ...
    currency_guessed: bool = False  # "$" read as USD without evidence in the text
    per_unit: str | None = None  # "barrel" in "$80 a barrel"
    about: str | None = None  # what the figure measures ("bilateral trade")
    status: str | None = None  # actual | target | forecast, where the sentence says


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    unit: str  # a unit name ("percent", "tonne", "barrel", "person")
    max_value: float | None = None
    qualifier: str | None = None
    about: str | None = None


@dataclass(slots=True)
class DateFact:
    start: int
    end: int
    text: str
    value: str | None  # TIMEX3 value: 2026-02-13, 2026-02, 2025, P20Y, PAST_REF, XXXX-02-13
    kind: str  # date | time | duration | set
    anchored: bool = False  # value resolved against the document creation time


@dataclass(slots=True)
class Quote:
    start: int  # the words inside the marks (or the reported content, for indirect)
    end: int
    text: str
    kind: str = "direct"  # direct | partial | indirect
    speaker: str | None = None  # canonical name of who said it
    speaker_start: int | None = None  # the mention it was attributed through
    speaker_end: int | None = None
    speaker_label: str | None = None  # PERSON, ORG, ...
    verb: str | None = None  # reporting verb as written ("said", "according to")
    verb_start: int | None = None
    verb_end: int | None = None


# Name of each Doc extension -> the record type it holds. The store derives its
# fact tables from this mapping, so a new fact kind is added here once.
FACT_KINDS: dict[str, type] = {
    "entities": Entity,
    "roles": Role,
    "amounts": Amount,
    "quantities": Quantity,
    "dates": DateFact,
    "quotes": Quote,
}


def register_extensions() -> None:
    """Declare the Doc attributes components read and write (idempotent)."""
    for name in FACT_KINDS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    # Article context set before the pipeline runs.
    for name in ("dct", "dateline", "title"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


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


def as_row(fact) -> dict:
    return asdict(fact)


def field_names(kind: str) -> list[str]:
    return [f.name for f in fields(FACT_KINDS[kind])]


register_extensions()
