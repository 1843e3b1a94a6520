"""Non-money quantities: a number with a unit right after it ("5%", "2 million tonnes", "300 workers").

The unit must be in units.tsv or, for the kinds of measure the config lists, be read by quantulum3 on
the number and the next few words only (quantulum3 over whole texts invents units: "an upward" -> 1
atomic mass unit), so years, dates, ordinals and ordinary words never become quantities. The
quantulum3 readings are cached per short span, and quantulum3 itself is imported once, quickly, and
compiles its patterns only when a text first needs them.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from newsfacts.money.numbers import NumberScanner, _clean, _Num
from newsfacts.money.tables import _norm
from newsfacts.records import Quantity
from newsfacts.wordlists import read_words


class QuantityFinder(NumberScanner):
    """Reads quantities among the numbers no amount covers."""

    def __init__(self, models: Path, quantulum_entities: list[str] | None = None) -> None:
        super().__init__(models)
        self.q_lower, self.q_cased = _quantulum_words(set(quantulum_entities or ()))
        for word in read_words(models / "not_units.txt"):
            self.q_lower.pop(word, None)
            self.q_cased.pop(word, None)
        self._q_cache: dict[str, tuple[int, str] | None] = {}

    def _quantities(self, text: str, nums: list[_Num], covered: list[tuple[int, int]]) -> list[Quantity]:
        out: list[Quantity] = []
        skip: set[int] = set()
        for i, n in enumerate(nums):
            if i in skip or any(s <= n.start < e for s, e in covered):
                continue
            if n.words and n.raw == 1 and not n.scaled and not text[n.start:n.end].lower().startswith("one"):
                continue
            end, value = n.end, n.value
            abbr = self._abbr_scale(text, n)
            unit_m = self._unit_at(text, abbr[0]) if abbr else None
            if unit_m:
                end, value = abbr
            else:
                unit_m = self._unit_at(text, end) or self._quantulum_at(text, n.start, end)
            if not unit_m:
                continue
            uend, unit, form = unit_m
            if unit not in self.measures and not n.words and "," not in text[n.start:n.end] and (
                    _capitalised_word_before(text, n.start)):
                continue  # "Boeing 747 jets", "Airbus A380 aircraft"
            if n.yearish:
                before = text[max(0, n.start - 8):n.start].split()
                if unit not in ("percent",) and (unit in self.year_units or (
                        before and before[-1].lower() in self.temporal_preps)):
                    continue
            start, max_value, qualifier = n.start, None, None
            # ranges: "5-7%", "between 10 and 12 percent", "2 to 3 million tonnes"
            if i > 0 and (i - 1) not in skip:
                n0 = nums[i - 1]
                gap = text[n0.end:n.start]
                if self.connector_re.match(gap) and not n0.yearish and n0.raw <= n.raw and not any(
                        s <= n0.start < e for s, e in covered):
                    if self._range_ok(text, n0.start, gap):
                        lo = self._propagate(n0, n)
                        if out and out[-1].start == n0.start:
                            out.pop()
                        start, max_value, qualifier = n0.start, value, "range"
                        value = lo
            qm = self.qual_re.search(text, max(0, start - 30), start)
            if qm and qualifier is None:
                qualifier = self.qualifiers[_norm(qm.group(1))]
            noun = form.lower() if unit == "person" and form.lower() not in ("people", "persons", "person") else None
            out.append(Quantity(start, uend, text[start:uend], _clean(value), unit, _clean(max_value), qualifier, noun))
        return out

    def _quantulum_at(self, text: str, start: int, pos: int) -> tuple[int, str, str] | None:
        """Units outside our table ("5 kWh", "40 °C", "300 horsepower"): quantulum3 reads the number and
        the next words only, and only when the first word is a unit name of a measuring kind."""
        if not (self.q_lower or self.q_cased):
            return None
        p = self._skip_space(text, pos)
        m = self.word_re.match(text, p)
        if not m:
            return None
        word = m.group(0).rstrip(".")
        if word not in self.q_cased and word.lower() not in self.q_lower:
            return None
        span = text[start:p] + text[p:p + 24].split("\n", 1)[0]
        if span not in self._q_cache:
            if len(self._q_cache) > 20000:
                self._q_cache.clear()
            self._q_cache[span] = _quantulum_parse(span, set(self.q_lower.values()) | set(self.q_cased.values()))
        found = self._q_cache[span]
        if found is None or found[0] <= p - start:
            return None
        return start + found[0], found[1], text[p:start + found[0]]

    def _unit_at(self, text: str, pos: int) -> tuple[int, str, str] | None:
        return self._lookup(text, pos, self.units_cased, self.units_lower)


def _capitalised_word_before(text: str, pos: int) -> bool:
    """A name right before a number ("Boeing 747"), not a sentence start or a heading."""
    m = re.search(r"([A-Z][\w-]*)[ \u00a0]$", text[max(0, pos - 30):pos])
    if not m:
        return False
    before = text[max(0, pos - 30):pos][:m.start()].rstrip(" ")
    return bool(before) and before[-1] not in ".!?:\n\"“"


def _quantulum_words(entities: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Unit names (any case) and symbols (exact) quantulum3 knows for the given kinds of measure,
    minus English function words ("in" is also the inch) and forms of units of two kinds: without
    its classifier quantulum3 picks one blindly ("512mb" as millibarns, "2Mb" as mega base pairs)."""
    if not entities:
        return {}, {}
    from spacy.lang.en.stop_words import STOP_WORDS

    units = _quantulum().load.units("en")
    lower, cased = {}, {}
    for table, out in ((units.surfaces_lower, lower), (units.symbols, cased)):
        for form, found in table.items():
            kinds = {u.entity.name for u in found}
            if len(form) > 1 and len(kinds) == 1 and kinds <= entities and form.lower() not in STOP_WORDS:
                out[form] = next(iter(kinds))
    return lower, cased


def _quantulum_parse(span: str, entities: set[str]) -> tuple[int, str] | None:
    """(end within span, unit name) of the quantity quantulum3 reads at the start of a short span; the
    first call compiles quantulum3's patterns (half a second), so a process that meets no unit outside
    units.tsv never pays it."""
    quantities = _quantulum().parser.parse(span)
    for q in quantities:
        if q.span[0] == 0 and q.unit.entity.name in entities:
            return q.span[1], q.unit.name
    return None


@functools.cache
def _quantulum():
    """quantulum3, imported once. Its English rules import inflect, whose ``@typechecked`` methods
    make typeguard re-read inflect's source at import: 2-4 s in every process, more than a hundred
    articles take (jaraco/inflect#212). inflect is imported with that decorator as a no-op; only the
    run-time type checks of inflect's own arguments are lost."""
    import sys
    import types
    import warnings

    if "inflect" not in sys.modules:
        real = sys.modules.get("typeguard")
        stub = types.ModuleType("typeguard")
        stub.typechecked = lambda target=None, **_: target if target is not None else (lambda f: f)
        sys.modules["typeguard"] = stub
        try:
            import inflect  # noqa: F401
        finally:
            if real is None:
                del sys.modules["typeguard"]
            else:
                sys.modules["typeguard"] = real
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is missing
        import quantulum3.load
        import quantulum3.parser
    return quantulum3
