"""Currency forms from CLDR, read through babel: what a hand table would otherwise have to list.

For every currency some territory has used as legal tender since 1950: its ISO 4217 code ("LBP"),
its English name and plural with the country adjective ("Kuwaiti dinar", "Kuwaiti dinars"), the
bare noun when only one such currency has it ("ringgit", "naira"), the symbol its own country
writes ("RM" in Malaysia, "zł" in Poland, "GH₵" in Ghana) when no other currency writes it, and
the country adjective alone for the families ("US", "Canadian": "10 billion US"). ``models/money``
keeps only what CLDR lacks or decides otherwise (families such as "$" and "rupees", local
abbreviations such as "LE", "Tk", "KD"); its rows override these.

Also the English names of languages ("Afrikaans", "Chechen", "Tamil"), which are peoples' names too:
the entity tagger keeps a NORP that is one (CLDR has no demonyms).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

from newsfacts.derived import cached

_SINCE = date(1950, 1, 1)


def _tender() -> dict[str, list[tuple[str, bool]]]:
    """Territory -> [(code, still in use)] for its legal tenders used since 1950, newest last."""
    from babel.core import get_global

    out: dict[str, list[tuple[str, bool]]] = {}
    for territory, rows in get_global("territory_currencies").items():
        out[territory] = [(code, end is None) for code, _start, end, tender in rows
                          if tender and (end is None or end >= _SINCE.timetuple()[:3])]
    return out


def _local_symbols(tender: dict[str, list[tuple[str, bool]]]) -> dict[str, str]:
    """Symbol -> code for the symbols a currency's own country writes, where only one currency uses it.
    Read from the raw locale files (without inheritance: loading whole locales costs seconds), the
    territory's locale first ("ms_MY"), else its language's ("pl")."""
    from babel import localedata
    from babel.languages import get_official_languages

    seen: dict[str, set[str]] = defaultdict(set)
    for territory, rows in tender.items():
        current = [code for code, in_use in rows if in_use][:1]
        if not current:
            continue
        code = current[0]
        for lang in get_official_languages(territory)[:2]:
            for name in (f"{lang}_{territory}", lang):
                if not localedata.exists(name):
                    continue
                sym = dict(localedata.load(name, merge_inherited=False).get("currency_symbols", {})).get(code)
                sym = (sym or "").strip("\u200b\u200e\u200f")
                if sym:
                    if sym != code:
                        seen[sym].add(code)
                    break
    return {s: next(iter(c)) for s, c in seen.items() if len(c) == 1}


def _usable_symbol(sym: str) -> bool:
    """A symbol worth reading next to a number: not one letter ("R", "K"), not a word of digits."""
    letters = re.sub(r"[^A-Za-z]", "", sym)
    return not (sym.isalpha() and sym.isascii() and len(sym) < 2) and not (letters == sym and len(sym) < 2)


@lru_cache(maxsize=1)
def currency_forms() -> tuple[tuple[tuple[str, str, str], ...], dict[str, str], dict[str, dict[str, str]]]:
    """(rows of form, ISO, position as in currencies.tsv; bare nouns, matched only in lower case;
    noun -> country adjective -> ISO, e.g. "dollar" -> "canadian" -> CAD). Reading some 300 locale
    files takes about a second, so the forms are kept in the cache folder (``newsfacts.derived``)."""
    rows, bare, adjectives = cached("cldr-currencies", "babel", read_currency_forms)
    return tuple(tuple(row) for row in rows), bare, adjectives


def read_currency_forms() -> tuple[list[tuple[str, str, str]], dict[str, str], dict[str, dict[str, str]]]:
    """``currency_forms`` read from babel's CLDR data."""
    from babel import Locale

    en = Locale("en")
    tender = _tender()
    codes = sorted({code for rows in tender.values() for code, _ in rows})
    rows: list[tuple[str, str, str]] = [(code, code, "both") for code in codes]
    nouns: dict[str, set[str]] = defaultdict(set)
    adjectives: dict[tuple[str, str], set[str]] = defaultdict(set)
    plurals = en._data["currency_names_plural"]
    for code in codes:
        names = {en.currencies.get(code) or "", *dict(plurals.get(code, {})).values()}
        for name in names:
            if not name or re.search(r"[()\d]", name):
                continue  # "Chinese Yuan (offshore)", "Mexican Investment Unit (1990)"
            low = re.sub(r"\s+", " ", name.lower())
            rows.append((low, code, "post"))
            words = low.split(" ")
            nouns[words[-1]].add(code)
            if len(words) > 1:
                adjectives[(words[-1].rstrip("s"), " ".join(words[:-1]))].add(code)
    for sym, code in sorted(_local_symbols(tender).items()):
        if _usable_symbol(sym):
            rows.append((sym, code, "both"))
    bare = {noun: next(iter(c)) for noun, c in nouns.items() if len(c) == 1}
    adjs: dict[str, dict[str, str]] = defaultdict(dict)
    for (noun, adj), c in adjectives.items():
        if len(c) == 1:
            adjs[noun][adj] = next(iter(c))
    return rows, bare, dict(adjs)


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """The one-word English names of languages in CLDR, lower case ("afrikaans", "chechen")."""
    return frozenset(cached("cldr-languages", "babel", read_language_names))


def read_language_names() -> list[str]:
    """``language_names`` read from babel's CLDR data."""
    from babel import Locale

    return sorted({name.lower() for name in Locale("en").languages.values() if name.isalpha()})
