"""The word tables of ``models/money/`` and what is built from them: look-up dictionaries, the
compiled scanners, and the look-up of a table's form at a position in the text.

Every later stage (numbers, quantities, amounts) reads its words through this class, so the folder
of files alone decides what the scanner knows; the regex syntax around the words stays here.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsfacts.cldr import currency_forms
from newsfacts.wordlists import read_table, read_words

_SP = r"[ \u00a0\u202f]"  # one space inside an expression (never a line break)


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


def _norm(form: str) -> str:
    return re.sub(r"\s+", " ", form.lower())


def _word_pattern(words: set[str]) -> str:
    """Whole words, a trailing ``*`` matching any ending ("increas*")."""
    return "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in sorted(words))


def _abbreviated(rows: list, abbreviations: list, taken: set[str]) -> list[tuple[str, str, str]]:
    """Each name written after a number again with its noun abbreviated as wires write it ("hong kong
    dollars" -> "hong kong dlrs"), same currency; a form already listed keeps its own reading."""
    nouns = {noun: abbr for noun, abbr in abbreviations}
    out = []
    for form, iso, pos in rows:
        words = form.split(" ")
        abbr = nouns.get(words[-1])
        if abbr and pos in ("post", "both") and not _is_cased(form):
            short = " ".join(words[:-1] + [abbr])
            if short not in taken:
                out.append((short, iso, "post"))
    return out


class MoneyTables:
    """The tables of one ``models/money`` folder and the scanners compiled from them."""

    def __init__(self, models: Path) -> None:
        # CLDR's codes, names and symbols first; the hand table adds and overrides (families, local forms).
        cldr_rows, cldr_nouns, cldr_adjectives = currency_forms()
        never = read_words(models / "not_currencies.txt")
        hand = read_table(models / "currencies.tsv")
        hand_forms = {f for f, _, _ in hand}
        cur = [r for r in cldr_rows if r[0] not in never and r[0] not in hand_forms] + hand
        cur += _abbreviated(cur, read_table(models / "abbreviations.tsv"), hand_forms)
        self.pre_forms = {f: iso for f, iso, pos in cur if pos in ("pre", "both")}
        self.post_forms = {f: iso for f, iso, pos in cur if pos in ("post", "both")}
        self.post_lower = {f.lower(): iso for f, iso in self.post_forms.items() if not _is_cased(f)}
        self.post_cased = {f: iso for f, iso in self.post_forms.items() if _is_cased(f)}
        # A bare CLDR noun ("ringgit", "cedis") only in lower case: "two Afghani soldiers" is no amount.
        for noun, iso in cldr_nouns.items():
            if noun not in never and noun not in self.post_lower:
                self.post_cased[noun] = iso
                self.post_forms[noun] = iso
        # "10 billion US", "300 million Canadian": a country adjective whose currency noun writers drop.
        elided = read_words(models / "elided_nouns.txt")
        self.adjective_forms = {adj: iso for noun in elided for adj, iso in cldr_adjectives.get(noun, {}).items()}
        self.slang = {f: (float(mult), iso) for f, mult, iso in read_table(models / "slang.tsv")}
        self.families: dict[str, tuple[str | None, set[str]]] = {}
        for fam, default, members in read_table(models / "families.tsv"):
            default_iso = None if default == "-" else default
            # every currency CLDR names with the family's noun ("Belgian Franc") is one the family may mean
            named = set(cldr_adjectives.get(fam.lstrip("?"), {}).values())
            self.families[fam] = (default_iso, set(members.split()) | named | ({default_iso} - {None}))
        self.minor = {f: (float(frac), cur_) for f, frac, cur_ in read_table(models / "minor_units.tsv")}
        scales = read_table(models / "scales.tsv")
        self.scale_words = {f: float(m) for f, m, kind in scales if kind == "word"}
        self.scale_abbr = {f: float(m) for f, m, kind in scales if kind == "abbr"}
        self.places = {p: iso for p, iso in read_table(models / "places.tsv")}
        self.cities = models.parent / "entities"  # GeoNames' city table, saved with the entity tables
        self.qualifiers = {p: q for p, q in read_table(models / "qualifiers.tsv")}
        self.per_units = [r[0] for r in read_table(models / "per_units.tsv")]
        self.per_units_set = {u.lower() for u in self.per_units}
        world = _alternation(sorted(read_words(models / "world_priced_units.txt")))
        # "18 dlrs a barrel", "$1,900 an ounce", "dollars per barrel": the world market's dollar
        self.world_priced = re.compile(rf"(?i:\$|\b(?:dlrs?|dollars?))[\s\d.,]*(?:an?|per|/)\s*(?:{world})\b") \
            if world else None
        self.per_abbr = {f: u for f, u in read_table(models / "per_abbreviations.tsv")}
        self.per_items = {f: u for f, u in read_table(models / "per_items.tsv")}
        unit_rows = read_table(models / "units.tsv")
        self.units = {r[0]: r[1] for r in unit_rows}
        measure_units = {r[1] for r in unit_rows if len(r) < 3 or r[2] != "count"}
        self.units_lower = {f.lower(): u for f, u in self.units.items() if not _is_cased(f)}
        self.units_cased = {f: u for f, u in self.units.items() if _is_cased(f)}
        # Units of measure (as opposed to counted things, which a model number may precede).
        self.measures = set(measure_units)
        self.word_values = {w: int(v) for w, v in read_table(models / "number_words.tsv")}
        self.range_words = read_words(models / "range_words.txt")
        self.scaled_names = read_words(models / "scaled_names.txt")
        self.change_words = read_words(models / "change_verbs.txt")
        self.cents_words = read_words(models / "cents_words.txt")
        self.stated_nouns = read_words(models / "stated_nouns.txt")
        self.temporal_preps = read_words(models / "temporal_preps.txt")
        self.year_units = read_words(models / "year_units.txt")
        self._compile()

    def _compile(self) -> None:
        # Scanners start with a literal character class so that re can skip ahead quickly; boundary
        # checks are done in Python on the few hits.
        # "and" joins number words only after "hundred" ("two hundred and ten", not "five and ten").
        # 1,234.5 | 1.234.567,8 | 1 234 567 | 12,5 (decimal comma) | 1234.5
        self.digits_re = re.compile(
            r"(?=\d)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,?\d)|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\.?\d)"
            r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])|\d+,\d{1,2}(?!,?\d)|\d+(?:\.\d+)?)")
        names = [f.lower() for f in self.post_forms if not _is_cased(f)] + list(self.minor) + list(self.slang)
        a_next = _alternation(list(self.scale_words) + names)
        words = _trie(list(self.word_values))
        word = rf"(?:{words}|hundred)"
        first = "".join(sorted({w[0] for w in self.word_values} | set("ah")))
        self.words_re = re.compile(
            rf"(?=[{first}])(?:half an?|an?(?= (?:{a_next})\b)"
            rf"|{words}(?:(?:-| |(?<=hundred) and ){word}\b)*(?: and a half)?)\b")
        self.word_scale_re = re.compile(
            rf"(?:{_SP}|-)?(?i:({_alternation(list(self.scale_words))}))(?![A-Za-z])")
        self.abbr_scale_re = re.compile(rf"{_SP}?({_alternation(list(self.scale_abbr))})(?![A-Za-z0-9])")
        self.pre_max = max(len(f) for f in self.pre_forms)
        self.word_re = re.compile(r"[^\W\d_][\w'.²]*|[^\w\s]")
        self.minor_lower = {f.lower(): v for f, v in self.minor.items()}
        # First words of every form any table can match after a number: a quick way out.
        self.first_words = set()
        for form in [*self.post_forms, *self.minor, *self.units, *self.slang]:
            m = self.word_re.match(form)
            if m:
                self.first_words.add(m.group(0).lower().rstrip("."))
        self.pre_last = {f[-1] for f in self.pre_forms}
        # Symbols and codes written right after a number, with or without a space: "3.14US$", "20Rs", "80 €".
        symbols = [f for f in self.post_forms if not re.fullmatch(r"[A-Za-z .'\-]+", f) or f.isupper()]
        self.post_sym_re = re.compile(rf"{_SP}?({_alternation(symbols)})(?![A-Za-z0-9])")
        written = [a.title() if len(a) > 2 else a.upper() for a in self.adjective_forms]  # "Canadian", "US"
        self.adjective_re = re.compile(rf"{_SP}({_alternation(written)})(?![\w$])")
        self.qual_re = re.compile(
            rf"(?i:(?<![A-Za-z])({_alternation(list(self.qualifiers))})){_SP}+$")
        self.connector_re = re.compile(rf"^{_SP}*(?:-|–|—|to|and|or){_SP}*$", re.I)
        self.between_re = re.compile(rf"(?i:(?<![A-Za-z])(between|from)){_SP}+$")
        self.change_re = re.compile(rf"(?:{_word_pattern(self.change_words)})")
        per_units = _alternation(self.per_units)
        self.per_re = re.compile(
            rf"(?:{_SP}*|-)(?:(?i:an?|per|each)(?:{_SP}+|-)(?i:({per_units}))(?![A-Za-z])"
            # "from $142m a year earlier" dates the figure: no rate ("$1.52 a gallon before closing" is one)
            rf"(?!(?:(?<=[Yy]ear)|(?<=[Mm]onth)|(?<=[Ww]eek)|(?<=[Dd]ay)|(?<=[Hh]our)|(?<=[Nn]ight))"
            rf"{_SP}+(?i:earlier|ago|before|later|previously)(?![A-Za-z]))"
            # "per LSE share", "per US gallon": the unit is the noun after a name that modifies it
            rf"|(?i:per)(?:{_SP}+|-)(?:[A-Z][A-Za-z]*{_SP}+(?=[a-z]))?([A-Za-z][\w]*)|/{_SP}?([A-Za-z]+)\b)")
        abbr = _alternation(list(self.per_abbr))
        self.per_abbr_re = re.compile(rf"{_SP}+(?:(?i:an?|per){_SP}+)?(?i:({abbr}))(?![A-Za-z])")
        # "£20 each", "$5 apiece"; "$30 a movie", "12 cents a lb": a noun after "a" that per_units.tsv lacks
        self.per_item_re = re.compile(rf"{_SP}*(?i:({_alternation(list(self.per_items))}))(?![\w-])")
        self.per_noun_re = re.compile(rf"{_SP}+(?i:an?){_SP}+([A-Za-z]+)(?![\w-])")
        # a results line labelled by the unit: "Shr 10 cts vs nine cts", "Oper shr profit 30 cts"
        self.per_label_re = re.compile(rf"(?:[A-Za-z]+{_SP}+)?(?i:({abbr}))(?![A-Za-z])")
        stated = "|".join(r"\s+".join(re.escape(w) for w in noun.split()) for noun in sorted(self.stated_nouns))
        self.stated_re = re.compile(
            rf"(?i:\b(?:all\s+)?(?:{stated})\s+(?:are\s+|quoted\s+)?in\s+)")
        self.cents_re = re.compile(
            rf"{_SP}*(?:and{_SP}+)?(\d{{1,2}}){_SP}*(?i:({_alternation(list(self.cents_words))}))"
            r"(?![A-Za-z])")

    # -- a table's form at a position in the text ----------------------------------------------------
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

    def _lookup(self, text: str, pos: int, cased: dict, lower: dict, max_words: int = 3, *,
                word_re: re.Pattern | None = None, gated: bool = True) -> tuple[int, str, str] | None:
        """Longest form of a table (up to three words, or one symbol) starting at ``pos``: (end, value, form).
        ``gated``: the first word must be one of our tables' (``first_words``), a quick way out."""
        p = self._skip_space(text, pos)
        spans = []
        q = p
        word_re = word_re or self.word_re
        for i in range(max_words):
            m = word_re.match(text, q)
            if not m or gated and i == 0 and m.group(0).lower().rstrip(".") not in self.first_words:
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

    @staticmethod
    def _skip_space(text: str, pos: int) -> int:
        if pos < len(text) and text[pos] in " \u00a0\u202f":
            return pos + 1
        return pos
