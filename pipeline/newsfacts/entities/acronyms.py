"""Acronyms bound to the organisation names they shorten: "UN" after "the United Nations", "KMT" after "the
Kuomintang (KMT)", "Bat" for British American Tobacco.

An acronym in capitals right after a name in brackets is bound to it when its letters appear in the name
in order; one in capitals elsewhere takes the name whose initials it is. Much news writes an acronym
said as a word in title case ("Nato", "Apec", "Bat"), keeps the letter of a linking word ("BoE": Bank of
England; "Apacs": Association of Payment and Clearing Services) and names a body with its country first
while its acronym leaves the country out ("US Department of Energy (DOE)"). A short form in mixed case
must spell the initials of the name's words (a first-letter match), not merely have its letters in
order, as a word in title case is so often a word or a name of its own.
"""

from __future__ import annotations

import re
from itertools import product

from spacy.tokens import Doc

from newsfacts.entities.mentions import ACRONYM_RE, Mention, Stage, letters_in_order, name_key
from newsfacts.namematch import SURE, first_name_gender, org_key
from newsfacts.tokens import token_index

MIXED_RE = re.compile(r"^[A-Z][A-Za-z]{2,5}$")
MAX_LINKING = 4  # linking words of one name whose letters are tried in and out (2**4 forms)


def mixed_case_acronym(word: str) -> bool:
    """Shaped like an acronym written in mixed case: three to six letters, a capital first and not all
    capitals ("Nato", "Apacs", "BoE"); capitals alone are ``ACRONYM_RE``'s."""
    return bool(MIXED_RE.match(word)) and not word.isupper()


def spelled_initials(words: list[str], linking: set[str]) -> set[str]:
    """The initials of a name in capitals, each linking word's letter in or out: "BE" and "BOE" for
    "Bank of England", "APCS" and "APACS" (among others) for "Association of Payment and Clearing
    Services". ``words`` are the name's words (a hyphenated word given as its parts: "Asia", "Pacific");
    a lower-case word that is no linking word, or any word without letters, gives no letter."""
    parts: list[tuple[str, ...]] = []
    for w in words:
        if not w[:1].isalpha():
            continue
        if w.lower() in linking and not w[:1].isupper():
            parts.append(("", w[0].upper()))
        elif w[:1].isupper():
            parts.append((w[0],))
    if sum(len(p) > 1 for p in parts) > MAX_LINKING or sum(len(p) == 1 for p in parts) < 2:
        return set()
    return {"".join(letters) for letters in product(*parts) if len("".join(letters)) >= 2}


class AcronymRules(Stage):
    """The acronyms an organisation's name spells, for :meth:`_link_acronyms`."""

    def _spelled(self, doc: Doc, m: Mention) -> set[str]:
        """The acronyms an organisation's name spells (``spelled_initials``), with and without a
        country or nationality before it ("US Department of Energy": "USDOE", "DOE")."""
        words = list(token_index(doc).text[m.start:m.end])
        forms = spelled_initials(words, self.linking)
        key = name_key(words[0])
        alias = self.aliases.get(key)
        if len(words) > 2 and (alias is not None and alias.kind == "country" or key in self.demonyms):
            forms |= spelled_initials(words[1:], self.linking)
        return forms

    def _initials(self, doc: Doc, start: int, end: int, legal: bool = True) -> set[str]:
        """The initials of a name, and (``legal``) without its legal form ("EADSC", "EADS")."""
        words = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in self.linking and t.text[0].isupper()]
        found = {"".join(t.text[0] for t in words)}
        span = doc[start:end]
        base = org_key(span.text).split() if legal else []
        if 0 < len(base) < len(span.text.split()):
            cut = span.start_char + sum(len(w) + 1 for w in span.text.split()[:len(base)])
            found.add("".join(t.text[0] for t in words if t.idx < cut))
        return {x for x in found if len(x) >= 2}

    def _link_acronyms(self, doc: Doc, mentions: list[Mention]) -> None:
        """"UN" after "the United Nations", "KMT" after "the Kuomintang (KMT)": an acronym of a longer
        name takes its label and name. A bracketed acronym right after a name is bound to it when its
        letters appear in the name in order, from the first (Schwartz and Hearst's test)."""
        tk = token_index(doc)
        texts = tk.text
        longs: dict[str, Mention] = {}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for m in list(mentions):
            e = m.end
            if m.label not in ("PERSON", "DATE") and e + 2 < tk.n and texts[e] == "(" and texts[e + 2] == ")":
                acronym = texts[e + 1].replace(".", "")
                if ACRONYM_RE.match(acronym) and letters_in_order(acronym, self._name(doc, m)) \
                        or m.label == "ORG" and acronym.upper() in self._spelled(doc, m) \
                        and (mixed_case_acronym(acronym) or ACRONYM_RE.match(acronym)):
                    if not acronym_form(self._name(doc, m)):  # "EADS N.V. (EADS)": the expansion below
                        longs.setdefault(acronym, m)
                    if e + 1 not in taken:
                        mentions.append(Mention(e + 1, e + 2, m.label, "rule"))
        for m in mentions:
            if m.label in ("ORG", "GPE", "NORP") and m.end - m.start >= 2:
                # "EADS" for "European Aeronautic Defence and Space Company": with or without the legal form
                for initials in sorted(self._initials(doc, m.start, m.end, m.label == "ORG"), key=len, reverse=True):
                    longs.setdefault(initials, m)
        spelled: dict[str, Mention] = {}  # "BOE", "APACS", "DOE": the forms of organisations' names in acronyms.py
        for m in mentions:
            if m.label == "ORG" and m.end - m.start >= 2:
                for form in sorted(self._spelled(doc, m)):
                    spelled.setdefault(form, m)
        # "Ida" of "Ida Smith" is her name, whatever an institute's initials spell
        first_words = {texts[m.start] for m in mentions if m.label == "PERSON" and m.end - m.start > 1}
        for m in mentions:
            text = tk.span(m.start, m.end).replace(".", "")
            if m.end - m.start > 1 and m.label == "ORG" and acronym_form(tk.span(m.start, m.end)):
                text = org_key(tk.span(m.start, m.end)).upper()  # "EADS N.V.": the acronym and a legal form
            target = longs.get(text)
            written = text.isupper() or mixed_case_acronym(text) and text not in first_words \
                and name_key(text) not in self.aliases and not (  # "Apacs" after its name; "Bat" for B. A. Tobacco
                    m.label == "PERSON" and first_name_gender(text)[1] == SURE)  # "Ted said", a person's
            if target is None and m.end - m.start == 1 and written:
                target = spelled.get(text.upper())
            if " " not in text and written and target is not None and target is not m and not m.fixed:
                m.label = target.label
                m.canonical = target.canonical or self._name(doc, target)


def acronym_form(name: str) -> bool:
    """An acronym with or without a legal form: "EADS", "EADS N.V.", "BHP Ltd"."""
    key = org_key(name)
    return " " not in key and name.split()[0].replace(".", "").isupper() and len(key.replace(".", "")) >= 2
