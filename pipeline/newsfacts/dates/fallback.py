"""The fallback for what no rule covers: spaCy DATE entities that name a full date, read by dateparser.

dateparser is slow and permissive, so it sees only short entities with a month name and a year,
English only, strict parsing, cached by text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from newsfacts.metadata import parse_day
from newsfacts.records import DateFact


class EntityFallback:
    """Adds ``_from_ents`` to the recognizer; ``_ent_gate`` (a month name) comes from the rule table."""

    _ent_gate: re.Pattern

    def _from_ents(self, doc: Doc, facts: list[DateFact]) -> list[DateFact]:
        """spaCy DATE entities no rule covered, normalised by dateparser when they name a full date."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "DATE" or len(ent.text) > 40:
                continue
            s, e = ent.start_char, ent.end_char
            if any(f.start < e and s < f.end for f in facts):
                continue
            if not (self._ent_gate.search(ent.text) and re.search(r"\b(?:1[6-9]|20)\d\d\b", ent.text)):
                continue
            iso = _dateparse(ent.text)
            if iso:
                out.append(DateFact(s, e, ent.text, iso, "date", False))
        return out


@lru_cache(maxsize=1)
def _ent_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    )


@lru_cache(maxsize=8192)
def _dateparse(text: str) -> str | None:
    return parse_day(_ent_parser(), text)
