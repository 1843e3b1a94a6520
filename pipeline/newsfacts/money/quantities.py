"""Non-money quantities: a number with a unit right after it ("5%", "2 million tonnes", "300 workers").

The unit must be in units.tsv or, for the kinds of measure the config lists, be a name or symbol of
quantulum3's unit table right after the number (quantulum3's parser over whole texts invents units: "an
upward" -> 1 atomic mass unit), so years, dates, ordinals and ordinary words never become quantities.
Only the table is read: the parser's pattern of every unit takes 0.4 s to compile in each process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from newsfacts.derived import cached
from newsfacts.money.numbers import NumberScanner, _clean, _Num
from newsfacts.money.tables import _norm
from newsfacts.records import Quantity
from newsfacts.wordlists import read_words


class QuantityFinder(NumberScanner):
    """Reads quantities among the numbers no amount covers."""

    def __init__(self, models: Path, quantulum_entities: list[str] | None = None) -> None:
        super().__init__(models)
        self.q_lower, self.q_cased, self.q_parts, q_units = quantulum_words(quantulum_entities or ())
        self.q_units = set(q_units)
        for word in read_words(models / "not_units.txt"):
            self.q_lower.pop(word, None)
            self.q_cased.pop(word, None)
        self.q_words = max((len(f.split()) for f in self.q_lower), default=0)

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
                unit_m = self._unit_at(text, end)
                if unit_m is None or _PER.match(text, unit_m[0]):  # "km/h": quantulum3 may know the unit per unit
                    unit_m = self._quantulum_at(text, end) or unit_m
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

    def _quantulum_at(self, text: str, pos: int) -> tuple[int, str, str] | None:
        """Units outside our table ("5 kWh", "40 °C", "300 horsepower", "25 km/h"): the longest unit name or
        symbol of quantulum3 after the number, when it is of a measuring kind the config lists."""
        found = self._lookup(text, pos, self.q_cased, self.q_lower, self.q_words, word_re=_WORD, gated=False)
        if found is None or not found[1]:
            return None  # no unit, or the longest one is of another kind ("megabits per second")
        end, unit, _ = found
        p = self._skip_space(text, pos)
        per = _PER.match(text, end)  # "km/h", "barrels per day": a unit per a unit, if quantulum3 has it
        if per and (per.group(1) in self.q_parts or per.group(1).lower() in self.q_parts):
            compound = f"{unit} per {self.q_parts.get(per.group(1)) or self.q_parts[per.group(1).lower()]}"
            if compound not in self.q_units:
                return None
            end, unit = per.end(), compound
        return end, unit, text[p:end]

    def _unit_at(self, text: str, pos: int) -> tuple[int, str, str] | None:
        return self._lookup(text, pos, self.units_cased, self.units_lower)

    def measure_at(self, text: str, pos: int) -> int | None:
        """Where a unit of measure written at ``pos`` ends ("lb", "pint"; never a counted thing), or None."""
        found = self._unit_at(text, pos)
        if found and found[1] in self.measures:
            return found[0]
        found = self._quantulum_at(text, pos)
        return found[0] if found else None

    def unit_after(self, text: str, pos: int) -> str | None:
        """The unit of ``units.tsv`` written right after ``pos`` ("percent" of "96 stg pct"), or None."""
        found = self._unit_at(text, pos)
        return found[1] if found else None


_VARIANT = re.compile(r"(\d+)-$")


def _capitalised_word_before(text: str, pos: int) -> bool:
    """A name right before a number ("Boeing 747"), not a sentence start or a heading; also before the
    model number a variant number follows ("Boeing 747-400": a larger number first, so no range)."""
    variant = _VARIANT.search(text, max(0, pos - 12), pos)
    if variant and float(variant.group(1)) > float(re.match(r"\d*", text[pos:]).group(0) or "inf"):
        pos = variant.start()
    m = re.search(r"([A-Z][\w-]*)[ \u00a0]$", text[max(0, pos - 30):pos])
    if not m:
        return False
    before = text[max(0, pos - 30):pos][:m.start()].rstrip(" ")
    return bool(before) and before[-1] not in ".!?:\n\"“"


_WORD = re.compile(r"[^\W\d_][\w'.²°]*|°\w")
_PER = re.compile(r"(?:/| per )([^\W\d_]+)\b")


def quantulum_words(entities: Iterable[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str], list[str]]:
    """``read_quantulum_words`` for these kinds of measure, kept in the cache folder (``newsfacts.derived``):
    quantulum3 inflects every unit name at load."""
    if not (entities := sorted(set(entities))):
        return {}, {}, {}, []
    lower, cased, parts, units = cached("quantulum-units", "quantulum3", read_quantulum_words, entities,
                                        also=("spacy",))  # its stop words
    return lower, cased, parts, units


def read_quantulum_words(entities: Iterable[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str], set[str]]:
    """quantulum3's unit names (any case) and symbols (exact) -> unit name, for the given kinds of measure;
    "" for a form of another kind, so that a longer unit is not read as a shorter one ("megabits per
    second" as megabits). Left out: English function words ("in" is also the inch) and forms of units
    of two kinds, which quantulum3 could only tell apart by context ("512mb": megabytes or millibarns).
    Then every name or symbol of one unit -> its name ("h" -> hour, "day" -> day), and the names of the
    units of the given kinds, for "km/h" and "barrels per day"."""
    entities = set(entities)
    from spacy.lang.en.stop_words import STOP_WORDS

    units = _quantulum().load.units("en")
    lower, cased = {}, {}
    for table, out in ((units.surfaces_lower, lower), (units.symbols, cased)):
        for form, found in table.items():
            kinds, names = {u.entity.name for u in found}, {u.name for u in found}
            if len(form) < 2 or form.lower() in STOP_WORDS:
                continue
            out[form] = next(iter(names)) if len(names) == 1 and kinds <= entities else ""
    parts = {form: next(iter(found)).name for table in (units.surfaces_lower, units.symbols)
             for form, found in table.items() if len({u.name for u in found}) == 1}
    return lower, cased, parts, {name for name, u in units.names.items() if u.entity.name in entities}


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
    return quantulum3
