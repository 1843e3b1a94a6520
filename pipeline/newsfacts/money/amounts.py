"""Money amounts: a currency sign, code or name next to a number ("$10", "KZT 500 million", "20
euros", "85p"), ranges of two amounts, and which member of a family an ambiguous sign means.

The second stage of the money scanner, over the numbers of ``numbers.py``: a currency symbol or
code before the number, a scale word and a currency name after it. Ranges ("$1.2 million to $23.5
million", "between $2 and $3 billion", "€2-3bn") give one Amount per end unless ``split_ranges`` is
off; a bare lower bound takes the scale and currency of the upper one. Ambiguous signs ("$",
"dollars", "Rs") are resolved once per article: a statement ("all figures in Canadian dollars"), the
dateline place, else the family default, with ``currency_guessed`` set. The numbers no amount
covers are then read as quantities (``quantities.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from newsfacts.extensions import doc_text
from newsfacts.money.families import resolve_families
from newsfacts.money.numbers import CONVERSION_GAP, _clean, _Num
from newsfacts.money.quantities import QuantityFinder
from newsfacts.money.rates import item_unit, noun_unit
from newsfacts.money.results import ResultsRows
from newsfacts.money.tables import _norm
from newsfacts.records import Amount, Quantity
from newsfacts.tokens import token_index

_COMPARED_TO = re.compile(r"\)?,?\s+(?:(?:up|down)\s+)?(?:from|against|compared\s+(?:with|to)|versus|vs\.?)\s+", re.I)
_FROM_AMOUNT = re.compile(r"[ \u00a0]+from[ \u00a0]+\D{0,4}\d")
# the rest of a conversion in brackets after an amount: " (£5.38bn)" after "$10bn", "; £22m)" after "US$42m"
_CONVERSION_TAIL = re.compile(r"[ \u00a0]*\([^()\n]{0,40}?\d[^()\n]{0,40}?\)|[^()\n]{0,40}?\)")


def _token_at(doc: Doc | None, pos: int) -> Token | None:
    """The token at character ``pos`` (None without a parse or between tokens)."""
    i = token_index(doc).at(pos) if doc is not None else None
    return doc[i] if i is not None else None


def _modifies_noun(doc: Doc | None, pos: int) -> bool:
    """Whether the word at ``pos`` modifies a noun after it: "a grand jury", "10 million US households"."""
    tok = _token_at(doc, pos)
    return tok is not None and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in (
        "amod", "compound", "nmod")


def _counts_noun(doc: Doc | None, pos: int) -> bool:
    """Whether the word at ``pos`` is a noun (what a figure before it counts: "1.5bn barrels")."""
    if doc is None:
        return True
    tok = _token_at(doc, pos)
    return tok is not None and tok.idx == pos and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in (
        "DATE", "TIME")


def _is_verb(doc: Doc | None, pos: int) -> bool:
    """Whether the word at ``pos`` is a verb of the parse ("won" in "Burnout 3 won three awards")."""
    tok = _token_at(doc, pos)
    return tok is not None and tok.idx == pos and tok.is_alpha and tok.pos_ in ("VERB", "AUX")


def _after_name(doc: Doc | None, pos: int) -> bool:
    """Whether the number at ``pos`` belongs to the capitalised noun before it: a name ("Apollo 13")."""
    tok = _token_at(doc, pos)
    return tok is not None and tok.i > 0 and tok.head.i == tok.i - 1 and tok.head.pos_ in ("NOUN", "PROPN") and (
        tok.head.text[:1].isupper())


def _after_noun(doc: Doc | None, pos: int) -> bool:
    """Whether the word before ``pos`` is a noun: "series 3c", "room 5p" are labels, not prices."""
    tok = _token_at(doc, pos)
    return tok is not None and tok.i > 0 and tok.nbor(-1).pos_ in ("NOUN", "PROPN")


@dataclass(slots=True)
class _Money:
    start: int
    end: int
    num: _Num
    currency: str | None  # ISO or ?family
    explicit: bool  # currency written next to this number
    elided: bool = False  # no currency written: that of the amount it is compared with


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: float
    currency: str | None
    max_value: float | None = None
    qualifier: str | None = None
    per_unit: str | None = None
    unit: str | None = None  # for quantities
    noun: str | None = None  # counted noun for quantities ("workers")
    guessed: bool = False  # the currency is not written ("against 2.7bn")


class MoneyExtractor(QuantityFinder):
    """Finds amounts and quantities in a Doc; built once per pipeline from a ``models/money`` folder.

    Each stage extends the one it reads from: ``MoneyTables`` -> ``NumberScanner`` -> ``QuantityFinder``
    -> ``MoneyExtractor``; ``find`` reads the amounts, then the quantities among the numbers left."""

    def __init__(self, models: Path, split_ranges: bool = True, quantulum_entities: list[str] | None = None):
        super().__init__(models, quantulum_entities)
        self.split_ranges = split_ranges
        self.results = ResultsRows(models)

    # -- money -----------------------------------------------------------------------------------
    _CENTS_AFTER = re.compile(r"[ \u00a0]+cents?\b", re.I)

    def _money_at(self, text: str, num: _Num, doc: Doc | None = None) -> _Money | None:
        pre_iso, start = None, num.start
        if not num.words:
            pre = self._pre_at(text, num.start)
            if pre:
                start, pre_iso = pre
        end, value, scaled = num.end, num.value, num.scaled
        abbr = self._abbr_scale(text, num)
        if abbr and pre_iso is None and not num.words and not self._post_at(text, abbr[0]):
            named = self._name_before(text, num.start)  # "a record Australian dollars 648m": the name first
            if named:
                start, pre_iso = named
        if abbr and (pre_iso or self._post_at(text, abbr[0])):
            end, value, scaled = abbr[0], abbr[1], True
        elif abbr and text[abbr[0]:abbr[0] + 1] == "." and self._post_at(text, abbr[0] + 1):
            end, value, scaled = abbr[0] + 1, abbr[1], True  # "15 mln. tenge"
        iso = pre_iso
        post = self._post_at(text, end)
        if post and pre_iso is None and not num.scaled and _is_verb(doc, self._skip_space(text, end)) and (
                _after_name(doc, num.start)):
            post = None  # "Burnout 3 won three awards": a name's number, then a verb the parse reads
        if post and not scaled and text[self._skip_space(text, end):post[0]].lower() in self.scaled_names:
            post = None  # "full marks", "10 marks": a currency only with a scale ("500 mln marks")
        if post and not (pre_iso is None and num.yearish):
            if (num.words and text[num.start:num.end].lower() in ("a", "an")
                    and _modifies_noun(doc, self._skip_space(text, end))):
                return None  # "a renminbi revaluation", "a dollar sell-off": the currency, not an amount of it
            if pre_iso is None:
                iso, end = post[1], post[0]
                hundredth = self._CENTS_AFTER.match(text, end)
                if hundredth and not num.scaled and not iso.startswith("?"):  # "22 euro cents", "50 US cents"
                    return _Money(start, hundredth.end(), _Num(num.start, num.end, value / 100, num.raw, False,
                                                               num.words, False), iso, True)
            elif self._compatible(pre_iso, post[1]):
                iso = pre_iso if post[1].startswith("?") else post[1]
                end = post[0]
        if iso is None and num.scaled and not num.yearish:
            adj = self.adjective_re.match(text, end)  # "10 billion US", "300 million Canadian"
            if adj and not _modifies_noun(doc, adj.start(1)):
                return _Money(start, adj.end(), num, self.adjective_forms[adj.group(1).lower()], True)
        if iso is None and not num.yearish:
            slang = self._lookup(text, end, {}, self.slang, 1)  # "a grand", "five grand"
            if (slang and not num.scaled and slang[2].islower() and not text[num.start].isupper()
                    and not _modifies_noun(doc, self._skip_space(text, end))):  # never "A Grand Don't Come"
                mult, cur = slang[1]
                return _Money(start, slang[0], _Num(num.start, num.end, value * mult, num.raw, True, num.words,
                                                    False), cur, True)
        if iso is None:
            if num.scaled or num.yearish:
                return None
            mm = self._lookup(text, end, {}, self.minor_lower, 2)
            if not mm:
                return None
            if len(mm[2]) == 1 and mm[2].isalpha() and (
                    mm[2].isupper() or _after_noun(doc, num.start)
                    or mm[0] - 1 != end and not self._spaced_letter_ok(text, num, mm[0])):
                return None  # "50p", "99c", never "20C" or "series 3c"; "10 c" only as a unit price
            frac, cur = mm[1]
            return _Money(start, mm[0], _Num(num.start, num.end, value * frac, num.raw, False, num.words,
                                              False), cur, False)
        num = _Num(num.start, num.end, value, num.raw, scaled, num.words, num.yearish)
        if not scaled and value == int(value):
            cm = self.cents_re.match(text, end)
            if cm:
                num.value = value + int(cm.group(1)) / 100
                end = cm.end()
        return _Money(start, end, num, iso, True)

    def _spaced_letter_ok(self, text: str, num: _Num, end: int) -> bool:
        """"10 c per transaction": a one-letter unit after a space only as a unit price, never "5 p were"
        or "Section 10 c"."""
        if text[end:end + 1].isalnum() or num.words or not self.per_re.match(text, end):
            return False
        before = text[max(0, num.start - 20):num.start].split()
        return not (before and before[-1][:1].isupper())

    def _compatible(self, a: str, b: str) -> bool:
        """Both sides of "US$ 23 billion dollars" or "$249 USD" name the same currency."""
        if a == b:
            return True
        for fam, other in ((a, b), (b, a)):
            if fam.startswith("?") and (other in self.families.get(fam, (None, set()))[1] or other == fam):
                return True
        return False

    _WORDS_BEFORE = re.compile(r"(?:[A-Za-z]+ ){0,2}[A-Za-z]+ $")

    def _name_before(self, text: str, pos: int) -> tuple[int, str] | None:
        """(start, ISO) of a currency name in the plural written before a number ("Australian dollars 648m");
        only the caller's case, a number with a scale abbreviation, reads it so."""
        m = self._WORDS_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            return None
        words = m.group(0).split()
        for k in range(len(words), 0, -1):
            form = " ".join(words[-k:])
            iso = self.post_cased.get(form) or self.post_lower.get(form.lower())
            if iso and form.endswith("s") and (k > 1 or not iso.startswith("?")):
                return pos - len(form) - 1, iso
        return None

    def _post_at(self, text: str, pos: int) -> tuple[int, str] | None:
        if text[pos:pos + 1] == "-":  # "a 5-billion-dollar project"
            pos += 1
        found = self._lookup(text, pos, self.post_cased, self.post_lower)
        if found is None:
            sym = self.post_sym_re.match(text, pos)  # "3.14US$", "20Rs", "80 €"
            if sym:
                found = (sym.end(), self.post_forms[sym.group(1)], sym.group(1))
        if found is None:
            # "5 billion Indonesian rupiah", "2m Brunei dollars": a country word before a currency name
            adj = self.word_re.match(text, self._skip_space(text, pos))
            if adj and adj.group(0).isalpha() and adj.group(0)[0].isupper() and text[adj.end():adj.end() + 1] == " ":
                found = self._lookup(text, adj.end(), {}, self.post_lower, 2)
        if found is None:
            found = self._bracketed_adjective(text, pos)
        if found and not found[2][-1].isalnum() and text[self._skip_space(text, found[0]):][:1].isdigit():
            return None  # "5 $10": the sign belongs to the next number
        return (found[0], found[1]) if found else None

    _BRACKETED = re.compile(r"\(([^()\n\d]{1,20})\)(?=[ \u00a0])")

    def _bracketed_adjective(self, text: str, pos: int) -> tuple[int, str, str] | None:
        """"132 mln (U.S.) dlrs", "50 mln (Canadian) dlrs": the country word in brackets, read as if
        written before the currency name."""
        m = self._BRACKETED.match(text, self._skip_space(text, pos))
        if m is None:
            return None
        inner = m.group(1)
        found = self._lookup(inner + text[m.end():m.end() + 40], 0, self.post_cased, self.post_lower)
        if found is None or found[0] <= len(inner) + 1:
            return None  # the country word alone, with no currency name after it
        return m.end() + found[0] - len(inner), found[1], found[2]

    # -- document ---------------------------------------------------------------------------------
    def _elided(self, doc: Doc | None, text: str, nums: list[_Num], monies: dict[int, _Money]) -> None:
        """"4.3bn rupees ($98m; £52m), against 2.7bn a year earlier": a figure with a scale and no currency,
        compared with an amount just before in the sentence, is in that amount's currency (the amount's,
        not its conversions')."""
        head: _Money | None = None
        prev_end = -1
        for i, n in enumerate(nums):
            m = monies.get(i)
            if m is not None:
                if head is None or not CONVERSION_GAP.fullmatch(text[prev_end:m.start]):
                    head = m
                prev_end = m.end
                continue
            if head is None or n.words or n.yearish or head.currency is None:
                continue
            gap = text[prev_end:n.start]
            if len(gap) > 40 or not _COMPARED_TO.fullmatch(gap):
                continue
            abbr = (n.end, n.value) if n.scaled else self._abbr_scale(text, n)  # "from 3.35 billion", "2.7bn"
            if abbr is None or self._post_at(text, abbr[0]) or _counts_noun(doc, self._skip_space(text, abbr[0])):
                continue  # "up from 1.5bn barrels" counts barrels
            num = _Num(n.start, abbr[0], abbr[1], n.raw, True, False, False)
            monies[i] = _Money(n.start, abbr[0], num, head.currency, False, elided=True)
            prev_end = abbr[0]

    def _per_after_conversion(self, text: str, start: int, end: int) -> re.Match | None:
        """"$10bn (£5.38bn) a year", "£20 ($38) a month": the unit of a price written after its
        conversion in brackets is the unit of both figures."""
        tail = _CONVERSION_TAIL.match(text, end)
        if tail is None:
            return None
        if not tail.group(0).lstrip(" \u00a0").startswith("(") and text.rfind("(", 0, start) <= text.rfind(
                ")", 0, start):
            return None  # a closing bracket with no opening one before the figure: not a conversion
        return self.per_re.match(text, tail.end())

    def _compared_units(self, text: str, found: list[_Found]) -> None:
        """"22 cts a share, up from 20 cts", "17.50 dlrs a barrel vs 18 dlrs": a figure compared with a unit
        price just before it, in the same currency and with no unit of its own, is a price of that unit."""
        for prev, f in zip(found, found[1:], strict=False):
            if f.per_unit or not prev.per_unit or f.currency != prev.currency:
                continue
            per = self.per_re.match(text, prev.end) or self.per_abbr_re.match(text, prev.end)
            if per is not None and _COMPARED_TO.fullmatch(text, per.end(), f.start):
                f.per_unit = prev.per_unit

    def _per_abbreviated(self, text: str, start: int, end: int) -> str | None:
        """The unit of a figure written with an abbreviated unit noun after it ("1.90 dlr shr") or on a
        results line that the abbreviation labels ("Shr 10 cts vs nine cts"): a line of its own, the
        label in its first two words, no sentence end between label and figure."""
        m = self.per_abbr_re.match(text, end)
        if m is None:
            line = text.rfind("\n", 0, start) + 1
            dash = text.rfind(" - ", line, start)  # a first line after the dateline: "NEW YORK, March 2 - Shr"
            m = self.per_label_re.match(text, line) or (self.per_label_re.match(text, dash + 3) if dash >= 0 else None)
            if m is None or start - m.start() > 80 or ". " in text[m.end():start]:
                return None
        return self.per_abbr[m.group(1).lower()]

    def _stated(self, text: str) -> set[str]:
        """Currencies an article declares for its figures: "all figures in Canadian dollars"."""
        out = set()
        for m in self.stated_re.finditer(text):
            post = self._post_at(text, m.end())
            if post and not post[1].startswith("?"):
                out.add(post[1])
        return out

    def find(self, doc: Doc, text: str | None = None) -> tuple[list[Amount], list[Quantity]]:
        text = doc_text(doc) if text is None else text
        nums = self._numbers(text)
        if not nums:
            return [], []
        monies: dict[int, _Money] = {}
        for i, n in enumerate(nums):
            m = self._money_at(text, n, doc)
            if m is not None:
                monies[i] = m
        self._elided(doc, text, nums, monies)
        # "Net 12.3 mln vs 11.1 mln" under "Shr 1.20 dlrs vs 1.05 dlrs": the currency another row writes
        for i, (end, value, cur) in self.results.figures(text, nums, monies, self._abbr_scale).items():
            n = nums[i]
            num = _Num(n.start, end, value, n.raw, n.scaled or end != n.end, n.words, False)
            monies[i] = _Money(n.start, end, num, cur, False, elided=True)
        used: set[int] = set()
        found: list[_Found] = []
        fams = resolve_families(self, doc, text, self._stated(text)) if any(
            m.currency and m.currency.startswith("?") for m in monies.values()) else {}
        reach = -1
        for i in sorted(monies):
            m = monies[i]
            if i in used or m.start < reach:
                continue
            lo_start, hi_end, value, max_value, qualifier = m.start, m.end, m.num.value, None, None
            lo_end, hi_start = m.end, m.start
            cur = m.currency
            # a range with the next number ("$2 to $3 billion", "$2-3 billion")
            j = i + 1
            if j < len(nums) and j not in used:
                nxt = monies.get(j)
                n2 = nums[j]
                gap_end = nxt.start if nxt else n2.start
                gap = text[m.end:gap_end] if gap_end >= m.end else None
                if gap is not None and self.connector_re.match(gap) and self._range_ok(text, m.start, gap):
                    if nxt and (nxt.currency is None or cur is None or self._compatible(cur, nxt.currency)):
                        hi = nxt.num.value
                        lo = self._propagate(m.num, nxt.num)
                        value, max_value, hi_start, hi_end, qualifier = lo, hi, nxt.start, nxt.end, "range"
                        if cur is None or cur.startswith("?"):
                            cur = nxt.currency or cur
                        used.add(j)
                    elif nxt is None and not n2.yearish and (n2.scaled or n2.raw >= m.num.raw):
                        abbr = self._abbr_scale(text, n2)
                        if abbr:  # "€2-3bn"
                            n2 = _Num(n2.start, abbr[0], abbr[1], n2.raw, True, False, False)
                        hi = n2.value if n2.scaled else n2.raw * (m.num.value / m.num.raw if m.num.raw else 1)
                        value, max_value, qualifier = self._propagate(m.num, n2), hi, "range"
                        hi_start, hi_end = n2.start, n2.end
                        used.add(j)
            # a bare number joined to this amount ("2 to 3 million euros", "between 2 and 3 billion tenge")
            if qualifier is None and i > 0 and (i - 1) not in used and (i - 1) not in monies:
                n0 = nums[i - 1]
                gap = text[n0.end:m.start]
                if self.connector_re.match(gap) and not n0.yearish and n0.raw <= m.num.value:
                    if self._range_ok(text, n0.start, gap):
                        value = self._propagate(n0, m.num)
                        max_value, lo_start, lo_end, qualifier = m.num.value, n0.start, n0.end, "range"
                        used.add(i - 1)
            if max_value is not None and max_value < value:
                value, max_value = max_value, value
            used.add(i)
            reach = hi_end
            qm = self.qual_re.search(text, max(0, lo_start - 30), lo_start)
            if qm and qualifier is None:
                qualifier = self.qualifiers[_norm(qm.group(1))]
                if qualifier == "up_to" and _FROM_AMOUNT.match(text, hi_end):
                    qualifier = None  # "volumes were up to $190 million from $171 million": a rise, no bound
            per = self.per_re.match(text, hi_end) or self._per_after_conversion(text, lo_start, hi_end)
            per_unit = None
            if per:
                per_unit = (per.group(1) or per.group(2) or per.group(3)).lower()
                per_unit = self.per_abbr.get(per_unit, per_unit)
            else:
                per_unit = self._per_abbreviated(text, lo_start, hi_end) or item_unit(self, doc, text, hi_end) or (
                    noun_unit(self, doc, text, lo_start, hi_end))
            if qualifier == "range" and self.split_ranges:
                found.append(_Found(lo_start, lo_end, value, cur, max_value, "range", per_unit))
                found.append(_Found(hi_start, hi_end, max_value, cur, None, "range_end", per_unit))
            else:
                found.append(_Found(lo_start, hi_end, value, cur, max_value, qualifier, per_unit, guessed=m.elided))
        self._compared_units(text, found)
        amounts = []
        for f in found:
            iso, guessed = f.currency, False
            if iso and iso.startswith("?"):
                iso, guessed = fams.get(iso, (None, True))
            amounts.append(Amount(f.start, f.end, text[f.start:f.end], _clean(f.value), iso, _clean(f.max_value),
                                  f.qualifier, guessed or f.guessed, f.per_unit))
        _share_bounds(text, amounts)
        covered = [(a.start, a.end) for a in amounts]
        quantities = self._quantities(text, nums, covered)
        return amounts, quantities


def _share_bounds(text: str, amounts: list[Amount]) -> None:
    """A conversion in brackets is bounded as the amount it converts: "an estimated $30.1m (£15.6m)", "up to
    $443m (£230.8m)" (a range keeps its own ends)."""
    for prev, a in zip(amounts, amounts[1:], strict=False):
        if (a.qualifier is None and prev.qualifier not in (None, "range", "range_end") and a.currency != prev.currency
                and CONVERSION_GAP.fullmatch(text[prev.end:a.start])):
            a.qualifier = prev.qualifier
