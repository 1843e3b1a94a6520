"""Component ``newsfacts_money``: monetary amounts and other quantities.

The statistical NER of the small model is unreliable for money ("$10" loses its "$", "20 euros" is a
CARDINAL) and quantulum3 over whole texts invents units ("an upward" -> 1 atomic mass unit). So amounts
are read by a small hand-written scanner over ``doc.text``: find numbers (digits or words), then look
at the few characters around each one for a currency symbol or code before it, a scale word and a
currency name or a unit after it.

Ranges ("$1.2 million to $23.5 million", "between $2 and $3 billion", "€2-3bn") give two Amounts, one
per end, each with its own span, so that each written figure can be found where a reader (or a gold
file) marks it: the first has ``value`` = lower bound, ``max_value`` = upper bound and qualifier
``range``; the second has ``value`` = upper bound and qualifier ``range_end``. A bare lower bound takes
the scale and currency of the upper one ("$2" in "between $2 and $3 billion" is 2e9 USD). With
``split_ranges = false`` in the config a range is one Amount whose span covers both ends. A change
("rose from $2bn to $3bn", "cut by $200 to $399") is two plain amounts, never a range. Quantities
keep a range in one record (``value``/``max_value``). Qualifier words ("more than", "about") are kept
in ``qualifier`` and left out of the span.

Ambiguous signs and names ("$", "dollars", "Rs", "dinars", "¥") belong to a family (families.tsv): a
statement such as "all figures in Canadian dollars" decides it; otherwise the dateline place
(``doc._.dateline``, places.tsv: "Sydney" -> AUD) or the family default ("$" -> USD) is used and
``currency_guessed`` is set. "US$", "C$", "A$" and codes are never guessed. Unit prices ("$80 a
barrel", "$5/share") get ``per_unit``.

The dependency parse is consulted only for the amounts found: ``about`` is the noun phrase the figure
measures (the subject of "reach", "total", "stand at" ...; the noun a figure modifies or is "worth";
"$717m in disaster relief"), a pronoun ("bring it to $3 billion") takes the thing measured just before
in the sentence; ``status`` is target / forecast when a governing word says so (plan, aim, goal,
expect, will ...), actual for measuring verbs in the past or present.

Non-money quantities (percent, tonnes, barrels, kilometres, people ...) need a unit from units.tsv
right after the number, so years, dates, ordinals and ordinary words never become quantities; units
missing from the table are read by quantulum3 on the number and the next few words only, for the
kinds of measure the config lists, cached.

All word lists live in ``models/money/``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsfacts.extensions import doc_text, register_extensions
from newsfacts.records import Amount, Quantity

_SP = r"[ \u00a0\u202f]"  # one space inside an expression (never a line break)

_WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_CONVERSION_GAP = re.compile(r"\s*[(\[;,/]\s*|\)?\s*[;,/]\s*|\s*\(\s*(?:about|around|or|approx\.?)\s*")
_WORD_RE = re.compile(r"[a-z]+")
_CHANGE_RE = re.compile(
    r"(?:rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grew|grow\w*|climb\w*|jump\w*"
    r"|surg\w*|soar\w*|declin\w*|drop\w*|cut\w*|rais\w*|reduc\w*|lower\w*|boost\w*|slash\w*|slid\w*"
    r"|slump\w*|plung\w*|tumbl\w*|went|gone|hike\w*|widen\w*|narrow\w*|shr[aiu]nk\w*|doubl\w*|tripl\w*"
    r"|ballon\w*|swell\w*|swollen|up|down|changed?|mov(?:e|ed|ing)|revis\w*|lift\w*|trimm?\w*)")
_RANGE_WORDS = {"range", "ranges", "ranging", "ranged", "between", "vary", "varies", "varying", "anywhere",
                "somewhere", "spanning", "estimates", "estimated"}
_TEMPORAL_PREPS = {"in", "since", "by", "from", "until", "till", "to", "before", "after", "of", "during"}
_PRONOUNS = {"it", "this", "that", "they", "these", "those", "which", "what"}
# Verbs whose subject is the thing an amount measures ("trade reached $2 billion").
_RAISE_VERBS = {"bring", "raise", "increase", "boost", "lift", "push", "take", "double", "triple", "cut", "reduce",
                "lower", "trim", "value", "put", "estimate", "set", "peg", "price", "fix", "cap", "keep"}
_MEASURE_VERBS = {
    "reach", "total", "amount", "stand", "hit", "rise", "grow", "increase", "fall", "drop", "decline",
    "exceed", "be", "cost", "top", "surpass", "climb", "jump", "soar", "approach", "double", "value",
    "come", "bring", "remain", "near", "equal", "account", "represent", "make", "worth", "estimate",
}


def _read_table(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def _trie(words: list[str]) -> str:
    """A regex alternation factored by first letter, so re rejects a position on one character."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(groups.items())) + ")"


def _is_cased(form: str) -> bool:
    """Lower-case letter-only names match in any case; codes and symbols match exactly."""
    return form != form.lower() or not re.fullmatch(r"[a-z .'\-]+", form)


@dataclass(slots=True)
class _Num:
    start: int
    end: int  # after the scale words
    value: float
    raw: float  # without scale
    scaled: bool
    words: bool  # written in words
    yearish: bool


@dataclass(slots=True)
class _Money:
    start: int
    end: int
    num: _Num
    currency: str | None  # ISO or ?family
    explicit: bool  # currency written next to this number


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


class MoneyExtractor:
    """Finds amounts and quantities in a Doc; built once per pipeline."""

    def __init__(self, models: Path, split_ranges: bool = True, quantulum_entities: list[str] | None = None):
        self.split_ranges = split_ranges
        cur = _read_table(models / "currencies.tsv")
        self.pre_forms = {f: iso for f, iso, pos in cur if pos in ("pre", "both")}
        self.post_forms = {f: iso for f, iso, pos in cur if pos in ("post", "both")}
        self.post_lower = {f.lower(): iso for f, iso in self.post_forms.items() if not _is_cased(f)}
        self.post_cased = {f: iso for f, iso in self.post_forms.items() if _is_cased(f)}
        self.families: dict[str, tuple[str | None, set[str]]] = {}
        for fam, default, members in _read_table(models / "families.tsv"):
            default_iso = None if default == "-" else default
            self.families[fam] = (default_iso, set(members.split()) | ({default_iso} - {None}))
        self.minor = {f: (float(frac), cur_) for f, frac, cur_ in _read_table(models / "minor_units.tsv")}
        scales = _read_table(models / "scales.tsv")
        self.scale_words = {f: float(m) for f, m, kind in scales if kind == "word"}
        self.scale_abbr = {f: float(m) for f, m, kind in scales if kind == "abbr"}
        self.places = {p: iso for p, iso in _read_table(models / "places.tsv")}
        self.qualifiers = {p: q for p, q in _read_table(models / "qualifiers.tsv")}
        self.status_words = {w: s for w, s in _read_table(models / "status.tsv")}
        self.per_units = [r[0] for r in _read_table(models / "per_units.tsv")]
        unit_rows = _read_table(models / "units.tsv")
        self.units = {r[0]: r[1] for r in unit_rows}
        measure_units = {r[1] for r in unit_rows if len(r) < 3 or r[2] != "count"}
        self.units_lower = {f.lower(): u for f, u in self.units.items() if not _is_cased(f)}
        self.units_cased = {f: u for f, u in self.units.items() if _is_cased(f)}
        # Units of measure (as opposed to counted things, which a model number may precede).
        self.measures = set(measure_units)
        self._compile()
        self.q_lower, self.q_cased = _quantulum_words(set(quantulum_entities or ()))
        for word in _read_table(models / "not_units.txt"):
            self.q_lower.pop(word[0], None)
        if self.q_lower:
            _quantulum_parse("1 kWh", {"energy"})  # quantulum3 compiles its patterns on first use
        self._q_cache: dict[str, tuple[int, str] | None] = {}

    def _compile(self) -> None:
        # Scanners start with a literal character class so that re can skip ahead quickly; boundary
        # checks are done in Python on the few hits.
        # 1,234.5 | 1.234.567,8 | 1 234 567 | 12,5 (decimal comma) | 1234.5
        self.digits_re = re.compile(
            r"(?=\d)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,?\d)|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\.?\d)"
            r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])|\d+,\d{1,2}(?!,?\d)|\d+(?:\.\d+)?)")
        names = [f.lower() for f in self.post_forms if not _is_cased(f)] + list(self.minor)
        a_next = _alternation(list(self.scale_words) + names)
        words = _trie([w for w in _WORD_VALUES if w != "zero"])
        word = rf"(?:{words}|hundred)"
        first = "".join(sorted({w[0] for w in _WORD_VALUES} | set("ah")))
        self.words_re = re.compile(
            rf"(?=[{first}])(?:half an?|an?(?= (?:{a_next})\b)|{words}(?:(?:-| | and ){word}\b)*(?: and a half)?)\b")
        self.word_scale_re = re.compile(
            rf"(?:{_SP}|-)?(?i:({_alternation(list(self.scale_words))}))(?![A-Za-z])")
        self.abbr_scale_re = re.compile(rf"{_SP}?({_alternation(list(self.scale_abbr))})(?![A-Za-z0-9])")
        self.pre_max = max(len(f) for f in self.pre_forms)
        self.word_re = re.compile(r"[^\W\d_][\w'.²]*|[^\w\s]")
        self.minor_lower = {f.lower(): v for f, v in self.minor.items()}
        # First words of every form any table can match after a number: a quick way out.
        self.first_words = set()
        for form in [*self.post_forms, *self.minor, *self.units]:
            m = self.word_re.match(form)
            if m:
                self.first_words.add(m.group(0).lower().rstrip("."))
        self.pre_last = {f[-1] for f in self.pre_forms}
        self.qual_re = re.compile(
            rf"(?i:(?<![A-Za-z])({_alternation(list(self.qualifiers))})){_SP}+$")
        self.connector_re = re.compile(rf"^{_SP}*(?:-|–|—|to|and|or){_SP}*$", re.I)
        self.between_re = re.compile(rf"(?i:(?<![A-Za-z])(between|from)){_SP}+$")
        per_units = _alternation(self.per_units)
        self.per_re = re.compile(
            rf"(?:{_SP}*|-)(?:(?i:an?|per|each)(?:{_SP}+|-)(?i:({per_units}))(?![A-Za-z])"
            rf"|(?i:per)(?:{_SP}+|-)([A-Za-z][\w]*)|/{_SP}?([A-Za-z]+)\b)")
        self.stated_re = re.compile(
            r"(?i:\b(?:all\s+)?(?:figures|amounts|prices|values|dollar\s+amounts)\s+(?:are\s+|quoted\s+)?in\s+)")
        self.cents_re = re.compile(
            rf"{_SP}*(?:and{_SP}+)?(\d{{1,2}}){_SP}*(?i:(cents?|pence|penny|kopecks?|kopeks?|tiyn|tyiyn|paise|paisa))"
            r"(?![A-Za-z])")

    # -- numbers ---------------------------------------------------------------------------------
    def _numbers(self, text: str) -> list[_Num]:
        hits = []
        for m in self.digits_re.finditer(text):
            s, e = m.span()
            prev = text[s - 1] if s else ""
            if prev and prev in ".,/:+_" or text[e:e + 2][:1] in (".", ",", ":", "/") and text[e + 1:e + 2].isdigit():
                continue  # "13.02.2026", "10:30", "1/2"
            if prev.isalpha() and self._pre_at(text, s) is None or prev == "-" and s > 1 and text[s - 2].isalpha():
                continue  # "A320", "G20", "F-16"
            hits.append((s, e, m.group(0), False))
        lower = text.lower()
        if len(lower) == len(text):
            for m in self.words_re.finditer(lower):
                s = m.start()
                if s and lower[s - 1].isalpha():
                    continue
                hits.append((s, m.end(), m.group(0), True))
            hits.sort()
        nums = []
        for s, e, tok, words in hits:
            raw = _word_value(tok) if words else _digit_value(tok)
            if raw is None:
                continue
            end, value, scaled = e, raw, False
            for _ in range(2):
                sm = self.word_scale_re.match(text, end)
                if not sm:
                    break
                value *= self.scale_words[sm.group(1).lower()]
                end, scaled = sm.end(), True
            yearish = not words and not scaled and tok.isdigit() and len(tok) == 4 and 1800 <= raw <= 2100
            nums.append(_Num(s, end, value, raw, scaled, words, yearish))
        return nums

    def _pre_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """(start, ISO) of a currency symbol or code ending at ``pos`` (or one space before it)."""
        ends = [pos] if pos and text[pos - 1] in self.pre_last else []
        if pos > 1 and text[pos - 1] in " \u00a0\u202f" and text[pos - 2] in self.pre_last:
            ends.append(pos - 1)
        for end in ends:
            for k in range(min(self.pre_max, end), 0, -1):
                form = text[end - k:end]
                iso = self.pre_forms.get(form) or self.pre_forms.get(form.replace("\u00a0", " "))
                if iso and (not form[0].isalpha() or end - k == 0 or not text[end - k - 1].isalpha()):
                    return end - k, iso
        return None

    def _lookup(self, text: str, pos: int, cased: dict, lower: dict, max_words: int = 3
                ) -> tuple[int, str, str] | None:
        """Longest form of a table (up to three words, or one symbol) starting at ``pos``: (end, value, form)."""
        p = self._skip_space(text, pos)
        spans = []
        q = p
        for i in range(max_words):
            m = self.word_re.match(text, q)
            if not m or i == 0 and m.group(0).lower().rstrip(".") not in self.first_words:
                break
            spans.append(m.end())
            if not m.group(0)[0].isalnum() or text[m.end():m.end() + 1] != " ":
                break
            q = m.end() + 1
        for end in reversed(spans):
            for e in (end, end - 1) if text[end - 1] == "." else (end,):
                form = text[p:e]
                val = cased.get(form)
                if val is None:
                    val = lower.get(form.lower())
                if val is not None:
                    return e, val, form
        return None

    def _abbr_scale(self, text: str, num: _Num) -> tuple[int, float] | None:
        if num.words or num.scaled:
            return None
        sm = self.abbr_scale_re.match(text, num.end)
        if sm:
            return sm.end(), num.raw * self.scale_abbr[sm.group(1)]
        return None

    # -- money -----------------------------------------------------------------------------------
    def _money_at(self, text: str, num: _Num) -> _Money | None:
        pre_iso, start = None, num.start
        if not num.words:
            pre = self._pre_at(text, num.start)
            if pre:
                start, pre_iso = pre
        end, value, scaled = num.end, num.value, num.scaled
        abbr = self._abbr_scale(text, num)
        if abbr and (pre_iso or self._post_at(text, abbr[0])):
            end, value, scaled = abbr[0], abbr[1], True
        elif abbr and text[abbr[0]:abbr[0] + 1] == "." and self._post_at(text, abbr[0] + 1):
            end, value, scaled = abbr[0] + 1, abbr[1], True  # "15 mln. tenge"
        iso = pre_iso
        post = self._post_at(text, end)
        if post and not (pre_iso is None and num.yearish):
            if pre_iso is None:
                iso, end = post[1], post[0]
            elif self._compatible(pre_iso, post[1]):
                iso = pre_iso if post[1].startswith("?") else post[1]
                end = post[0]
        if iso is None:
            if num.scaled or num.yearish:
                return None
            mm = self._lookup(text, end, {}, self.minor_lower, 2)
            if not mm:
                return None
            if mm[2].lower() == "p" and mm[0] - 1 != end:
                return None  # "50p", never "5 p"
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

    def _compatible(self, a: str, b: str) -> bool:
        """Both sides of "US$ 23 billion dollars" or "$249 USD" name the same currency."""
        if a == b:
            return True
        for fam, other in ((a, b), (b, a)):
            if fam.startswith("?") and (other in self.families.get(fam, (None, set()))[1] or other == fam):
                return True
        return False

    @staticmethod
    def _skip_space(text: str, pos: int) -> int:
        if pos < len(text) and text[pos] in " \u00a0\u202f":
            return pos + 1
        return pos

    def _post_at(self, text: str, pos: int) -> tuple[int, str] | None:
        if text[pos:pos + 1] == "-":  # "a 5-billion-dollar project"
            pos += 1
        found = self._lookup(text, pos, self.post_cased, self.post_lower)
        if found is None:
            # "5 billion Indonesian rupiah", "2m Brunei dollars": a country word before a currency name
            adj = self.word_re.match(text, self._skip_space(text, pos))
            if adj and adj.group(0).isalpha() and adj.group(0)[0].isupper() and text[adj.end():adj.end() + 1] == " ":
                found = self._lookup(text, adj.end(), {}, self.post_lower, 2)
        if found and not found[2][-1].isalnum() and text[self._skip_space(text, found[0]):][:1].isdigit():
            return None  # "5 $10": the sign belongs to the next number
        return (found[0], found[1]) if found else None

    # -- document ---------------------------------------------------------------------------------
    def resolve_families(self, doc: Doc, text: str) -> dict[str, tuple[str | None, bool]]:
        """Family -> (ISO, guessed) for this article: the currency the article says its figures are
        in, else the dateline place's, else the family default ("$" -> USD). An explicit "A$" next to a
        bare "$" says nothing: writers who mark one currency use "$" for the US dollar."""
        place_iso = None
        stated = self._stated(text)
        dateline = doc._.dateline
        if dateline is not None and not isinstance(dateline, str):
            dateline = getattr(dateline, "place", None)
        if dateline:
            low = dateline.lower().strip()
            parts = [low] + [p.strip() for p in re.split(r"[,/(]", low)]
            for p in parts:
                if p in self.places:
                    place_iso = self.places[p]
                    break
        out = {}
        for fam, (default, members) in self.families.items():
            named = members & stated
            if place_iso in members and not named:
                out[fam] = (place_iso, True)
                continue
            out[fam] = (next(iter(named)), False) if len(named) == 1 else (default, True)
        return out

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
            m = self._money_at(text, n)
            if m is not None:
                monies[i] = m
        used: set[int] = set()
        found: list[_Found] = []
        fams = self.resolve_families(doc, text) if any(
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
                if gap is not None and self.connector_re.match(gap) and self._range_ok(text, m, gap):
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
                    if self._range_ok(text, _Money(n0.start, n0.end, n0, None, False), gap):
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
            per = self.per_re.match(text, hi_end)
            per_unit = None
            if per:
                per_unit = (per.group(1) or per.group(2) or per.group(3)).lower()
            if qualifier == "range" and self.split_ranges:
                found.append(_Found(lo_start, lo_end, value, cur, max_value, "range", per_unit))
                found.append(_Found(hi_start, hi_end, max_value, cur, None, "range_end", per_unit))
            else:
                found.append(_Found(lo_start, hi_end, value, cur, max_value, qualifier, per_unit))
        amounts = []
        for f in found:
            iso, guessed = f.currency, False
            if iso and iso.startswith("?"):
                iso, guessed = fams.get(iso, (None, True))
            amounts.append(Amount(f.start, f.end, text[f.start:f.end], _clean(f.value), iso, _clean(f.max_value),
                                  f.qualifier, guessed, f.per_unit))
        covered = [(a.start, a.end) for a in amounts]
        quantities = self._quantities(text, nums, covered)
        return amounts, quantities

    def _range_ok(self, text: str, m: _Money, gap: str) -> bool:
        word = gap.strip().lower()
        if word in ("and", "or"):
            return bool(self.between_re.search(text, max(0, m.start - 12), m.start)) and word == "and"
        if word == "to":
            # "cut by $200 to $399", "rose from $2bn to $3bn": a change between two amounts, not a range
            before = _WORD_RE.findall(text[max(0, m.start - 60):m.start].lower())[-6:]
            if before and before[-1] == "by":
                return False
            if any(_CHANGE_RE.fullmatch(w) for w in before) and not any(w in _RANGE_WORDS for w in before):
                return False
        return True

    @staticmethod
    def _propagate(lo: _Num, hi: _Num) -> float:
        """"$2 to $3 billion": the scale of the upper bound applies to a bare lower bound."""
        if not lo.scaled and hi.scaled and hi.raw and lo.raw <= hi.raw:
            return lo.raw * (hi.value / hi.raw)
        return lo.value

    # -- quantities -------------------------------------------------------------------------------
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
                if unit not in ("percent",) and (unit in ("person", "job", "household", "family") or (
                        before and before[-1].lower() in _TEMPORAL_PREPS)):
                    continue
            start, max_value, qualifier = n.start, None, None
            # ranges: "5-7%", "between 10 and 12 percent", "2 to 3 million tonnes"
            if i > 0 and (i - 1) not in skip:
                n0 = nums[i - 1]
                gap = text[n0.end:n.start]
                if self.connector_re.match(gap) and not n0.yearish and n0.raw <= n.raw and not any(
                        s <= n0.start < e for s, e in covered):
                    if self._range_ok(text, _Money(n0.start, n0.end, n0, None, False), gap):
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

    # -- the parse: what a figure is about, target or actual -------------------------------------
    def annotate(self, doc: Doc, amounts: list[Amount], quantities: list[Quantity], text: str) -> None:
        if not doc.has_annotation("DEP"):
            return
        last_about: tuple[int, str] | None = None  # (sentence start, about)
        prev: Amount | None = None
        for a in amounts:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # "$186m (£98m; 143m euros)": a conversion says what the amount before it says
            if prev is not None and _CONVERSION_GAP.fullmatch(text[prev.end:a.start]):
                a.about, a.status = prev.about, prev.status
                prev = a
                continue
            sent_start = span.sent.start
            about, pronoun, status_noun = _about(span, self.status_words)
            a.status = _status(span, self.status_words)
            # "plans to bring it to $3 billion", "a goal to reach $3 billion": the thing just measured
            if (pronoun or status_noun) and (
                    last_about and last_about[0] == sent_start):
                about = last_about[1]
            elif pronoun:
                about = None
            if about and a.per_unit and about.lower() == a.per_unit:
                about = None
            a.about = about
            if about:
                last_about = (sent_start, about)
            prev = a
        # "trade" and, later, "bilateral trade" for the same figures: use the fuller name of the thing
        fuller = {}
        for a in amounts:
            if a.about and " " in a.about:
                fuller.setdefault(a.about.rsplit(" ", 1)[1].lower(), a.about)
        for a in amounts:
            if a.about and " " not in a.about and a.about.lower() in fuller:
                a.about = fuller[a.about.lower()]
        for q in quantities:
            if q.about:
                continue
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None and len(span):
                about, pronoun, _ = _about(span, self.status_words)
                if about and not pronoun:
                    q.about = about


def _norm(form: str) -> str:
    return re.sub(r"\s+", " ", form.lower())


def _capitalised_word_before(text: str, pos: int) -> bool:
    """A name right before a number ("Boeing 747"), not a sentence start or a heading."""
    m = re.search(r"([A-Z][\w-]*)[ \u00a0]$", text[max(0, pos - 30):pos])
    if not m:
        return False
    before = text[max(0, pos - 30):pos][:m.start()].rstrip(" ")
    return bool(before) and before[-1] not in ".!?:\n\"“"


def _quantulum_words(entities: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Unit names (any case) and symbols (exact) quantulum3 knows for the given kinds of measure,
    minus English function words ("in" is also the inch)."""
    if not entities:
        return {}, {}
    from spacy.lang.en.stop_words import STOP_WORDS

    units = _quantulum().load.units("en")
    lower, cased = {}, {}
    for table, out in ((units.surfaces_lower, lower), (units.symbols, cased)):
        for form, found in table.items():
            kinds = {u.entity.name for u in found}
            if len(form) > 1 and kinds <= entities and form.lower() not in STOP_WORDS:
                out[form] = next(iter(kinds))
    return lower, cased


def _quantulum_parse(span: str, entities: set[str]) -> tuple[int, str] | None:
    """(end within span, unit name) of the quantity quantulum3 reads at the start of a short span."""
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


def _clean(value: float | None) -> float | None:
    """4.1 * 1e9 is 4099999999.9999995 in floating point; news figures have few significant digits."""
    return None if value is None else float(f"{value:.12g}")


def _digit_value(tok: str) -> float:
    tok = re.sub(r"[ \u00a0\u202f]", "", tok)
    if tok.count(".") > 1 or re.search(r",\d{1,2}$", tok) and "." not in tok:
        tok = tok.replace(".", "").replace(",", ".")  # 1.234.567,8 and 12,5
    return float(tok.replace(",", ""))


def _word_value(tok: str) -> float | None:
    t = re.sub(r"[\s\u00a0\u202f-]+", " ", tok.lower()).strip()
    if re.fullmatch(r"half an?", t):
        return 0.5
    if t in ("a", "an"):
        return 1.0
    total = 0.0
    if t.endswith(" and a half"):
        t, total = t[:-11], 0.5
    for w in t.split():
        if w == "and":
            continue
        if w == "hundred":
            total = (total or 1) * 100
        elif w in _WORD_VALUES:
            total += _WORD_VALUES[w]
        else:
            return None
    return total


def _phrase(tok: Token, span: Span | None = None) -> str:
    """The noun with its compounds and adjectives: "bilateral trade", "investment flows"; never the
    amount itself ("$325m contract" -> "contract")."""
    start = tok.i
    for t in tok.lefts:
        if t.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "advmod"):
            sub = list(t.subtree)
            if all(s.i < tok.i for s in sub):
                start = min(start, sub[0].i)
    if span is not None and span.start >= start and span.end <= tok.i:
        start = span.end
    doc = tok.doc
    while start < tok.i and (doc[start].dep_ in ("det", "poss", "predet", "case", "punct", "cc")
                             or doc[start].like_num or doc[start].pos_ in ("SYM", "PUNCT", "NUM")):
        start += 1
    return doc[start:tok.i + 1].text.rsplit("\n", 1)[-1].strip()


_TIME_NOUNS = {"quarter", "year", "month", "week", "day", "period", "half", "time", "decade", "season",
               "face", "wake", "way", "form", "terms", "case", "event", "addition", "line", "part", "total"}
_CONTAINERS = {"total", "sum", "amount", "figure", "tally", "value", "worth", "level", "mark", "record"}


def _about(span: Span, status_words: dict[str, str]) -> tuple[str | None, bool, bool]:
    """(what the amount measures, whether that was a pronoun, whether it is a status noun)."""
    tok = span.root
    # "$717m in disaster relief", "$100m of new investment" (the parser may hang "in" on the verb)
    after = [tok.head] if tok.dep_ == "dobj" else []
    for child in [*tok.children, *(c for h in after for c in h.children if c.i == span.end)]:
        if child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i >= span.end:
            pobj = next((x for x in child.children if x.dep_ == "pobj"), None)
            if (pobj is not None and pobj.pos_ == "NOUN" and pobj.ent_type_ not in ("DATE", "TIME")
                    and pobj.lemma_.lower() not in _TIME_NOUNS):
                return _noun(pobj, status_words, span)
    for _ in range(5):
        head = tok.head
        if head.i == tok.i:
            return None, False, False
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            prep, target = head, head.head
            if target.pos_ in ("NOUN", "PROPN") and prep.lower_ in ("of", "worth", "at", "for", "to", "from", "by"):
                if target.lemma_.lower() in _CONTAINERS:
                    tok = target
                    continue
                return _noun(target, status_words, span)
            if target.pos_ in ("VERB", "AUX"):
                return _verb_about(target, prep, status_words)
            tok = target
            continue
        if head.pos_ in ("NOUN", "PROPN") and tok.dep_ in (
                "compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "poss"):
            if head.lemma_.lower() in _CONTAINERS:
                tok = head
                continue
            return _noun(head, status_words, span)
        if head.pos_ in ("VERB", "AUX") and tok.dep_ in (
                "dobj", "attr", "npadvmod", "advmod", "oprd", "acomp", "appos", "dative", "nmod"):
            return _verb_about(head, tok, status_words)
        if tok.dep_ in ("conj", "appos", "amod") or head.lower_ == "worth":
            tok = head
            continue
        return None, False, False
    return None, False, False


def _noun(tok: Token, status_words: dict[str, str], span: Span | None = None) -> tuple[str | None, bool, bool]:
    if span is not None and span.start <= tok.i < span.end:
        return None, False, False
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return tok.text, True, False
    return _phrase(tok, span), False, status_words.get(tok.lemma_.lower()) in ("target", "forecast")


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _verb_about(verb: Token, obj: Token, status_words: dict[str, str]) -> tuple[str | None, bool, bool]:
    """The subject of a measuring verb ("trade reached $2bn"), or the object a verb brings to the
    amount ("bring it to $3 billion"); None for verbs of agents ("BP spent $7.5bn")."""
    lemma = verb.lemma_.lower()
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != obj.i), None)
    if lemma in _RAISE_VERBS and dobj is not None:
        return _noun(dobj, status_words)
    if lemma not in _MEASURE_VERBS:
        return (_noun(dobj, status_words) if dobj is not None and dobj.ent_type_ == "" else (None, False, False))
    subj, v = _subject(verb), verb
    for _ in range(3):
        if subj is not None:
            break
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return _noun(v.head, status_words)
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            subj = _subject(v)
            continue
        break
    if subj is None:
        return None, False, False
    if subj.lower_ in ("which", "that", "who") and v.dep_ == "relcl":
        return _noun(v.head, status_words)
    if subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return (_noun(dobj, status_words) if dobj is not None else (None, False, False))
    about = _noun(subj, status_words)
    # "investment flows ... have reached": a plural noun read as a verb right after its subject
    if v is not verb and v.i == subj.i + 1 and v.tag_ == "VBZ" and about[0] and not about[1]:
        return f"{about[0]} {v.text}", False, about[2]
    return about


def _status(span: Span, status_words: dict[str, str]) -> str | None:
    actual = None
    tok = span.root
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        s = status_words.get(tok.lemma_.lower())
        if s in ("target", "forecast"):
            return s
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in ("will", "would", "could", "may", "might") and c.dep_ == "aux" for c in tok.children):
                return "forecast"
            if s == "actual" and actual is None and tok.tag_ in ("VBD", "VBZ", "VBN", "VBG", "VBP"):
                actual = "actual"
        if tok.dep_ == "ROOT":
            break
    return actual


@Language.factory(
    "newsfacts_money",
    default_config={"tables": None, "split_ranges": True, "quantulum_entities": []},
)
def make_money(nlp: Language, name: str, tables: str | None, split_ranges: bool,
               quantulum_entities: list[str]) -> MoneyComponent:
    """``tables``: the folder of word lists (default ``models/money``); ``split_ranges``: a range gives
    one Amount per end (see the module docstring) rather than one Amount spanning both;
    ``quantulum_entities``: kinds of measure (quantulum3 entity names) read by quantulum3 when a unit
    after a number is not in ``units.tsv``; empty turns quantulum3 off."""
    from newsfacts.nlp import models_dir

    register_extensions()
    folder = Path(tables) if tables else models_dir() / "money"
    return MoneyComponent(MoneyExtractor(folder, split_ranges=split_ranges, quantulum_entities=quantulum_entities))


class MoneyComponent:
    """spaCy component: ``doc._.amounts`` and ``doc._.quantities``."""

    def __init__(self, extractor: MoneyExtractor):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        amounts, quantities = self.extractor.find(doc, text)
        if amounts or quantities:
            self.extractor.annotate(doc, amounts, quantities, text)
        doc._.amounts = amounts
        doc._.quantities = quantities
        return doc
