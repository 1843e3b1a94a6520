"""Facts: the plain typed records the pipeline produces and the store keeps.

Every fact carries ``start``/``end``: Python string indices into the article text, so a reviewer can
always see the exact characters it came from. This module is the one list of fact kinds; it imports
neither spaCy nor SQLite, so the store, the CLI and the diff read it without loading a model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str  # OntoNotes label: PERSON, ORG, GPE, LOC, NORP, EVENT, WORK_OF_ART, ...
    canonical: str  # one name per real thing within the article
    source: str = "model"  # model | rule | table (a results table's layout) | propagated


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
    former: bool = False  # a role held before ("former", "ex-", "then"): ``role`` is the title itself


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
    quote_start: int | None = None  # where the whole quote starts: the parts of one quote share it


# Name of each Doc extension -> the record type it holds. The store derives its fact tables, the diff
# and the queries their kinds from this mapping, so a new fact kind is added here once.
FACT_KINDS: dict[str, type] = {
    "entities": Entity,
    "roles": Role,
    "amounts": Amount,
    "quantities": Quantity,
    "dates": DateFact,
    "quotes": Quote,
}

KINDS: tuple[str, ...] = tuple(FACT_KINDS)
# The table a kind is stored in: quotes of every kind (direct, partial, indirect) are attributions.
TABLE_OF: dict[str, str] = {kind: "attributions" if kind == "quotes" else kind for kind in KINDS}


def as_row(fact) -> dict:
    return asdict(fact)


def field_names(kind: str) -> list[str]:
    return [f.name for f in fields(FACT_KINDS[kind])]
