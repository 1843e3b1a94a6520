"""Entity types: one label per name within an article, and the model's usual mistakes corrected.

Mentions with the same text vote for one label (table names of countries always GPE); an acronym
is no person, an abbreviation of a kind of thing ("GPRS", "GMT") no name at all, a name ending in a
head word ("Theatre", "United") takes that word's label, and guesses in ALL-CAPS lines survive only if
the article or the tables confirm them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import ACRONYM_RE, LABEL_PRIORITY, Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender, org_key
from newsfacts.tokens import token_index


class LabelRules(Stage):
    """Drop unconfirmed ALL-CAPS guesses, fix people's labels, vote."""

    def _filter_caps(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """In ALL-CAPS lines the model guesses; keep only names the article or the tables confirm."""
        body = set()
        lowers = token_index(doc).lower
        for m in mentions:
            if lines[m.start] != "caps":
                words = lowers[m.start:m.end]
                body.update(" ".join(words[k:]) for k in range(len(words)))
        out = []
        for m in mentions:
            key = name_key(self._name(doc, m))
            if lines[m.start] != "caps" or m.source != "model" or key in body or key in self.aliases \
                    or key in self.demonyms:
                out.append(m)
        return out


    def _drop_common_terms(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"GPRS", "DRM", "km/h", "ISPs": an abbreviation of a kind of thing (``common_terms.txt``) is no name,
        and neither is its expansion right before it in brackets ("Digital Rights Management (DRM)"), nor
        words with no capital letter ("300p", "8x10", "post" of "post-World Cup"; a web address such as
        "napster.com" and a model's plural such as "787s" are names)."""
        tk = token_index(doc)

        def common(word: str) -> bool:
            return word in self.common_terms or word[-1:] == "s" and word[:-1] in self.common_terms

        out = []
        for m in mentions:
            text = tk.span(m.start, m.end)
            bracketed = m.end + 2 < tk.n and tk.text[m.end] == "(" and tk.text[m.end + 2] == ")"
            if not m.fixed and (common(text) or bracketed and common(tk.text[m.end + 1])
                                or m.label != "LAW" and _uncapitalised(text)):
                continue
            out.append(m)
        return out

    def _nationalities(self, doc: Doc, mentions: list[Mention]) -> None:
        """A name that is all a nationality word of the tables ("the New Zealander", "Briton") is a NORP,
        whatever the model guessed (a PRODUCT, a person)."""
        for m in mentions:
            if m.label not in ("NORP", "GPE") and not m.fixed and name_key(self._name(doc, m)) in self.demonyms:
                m.label = "NORP"

    def _vote(self, doc: Doc, mentions: list[Mention]) -> None:
        """Mentions with the same text get the label most of them have, or most of the fixed ones
        (a dateline "NEW YORK" stays a place beside the team "New York" of a standings table)."""
        groups: dict[str, list[Mention]] = defaultdict(list)
        tk = token_index(doc)
        for m in mentions:
            groups[name_key(tk.span(m.start, m.end))].append(m)
        for key, group in groups.items():
            alias = self.aliases.get(key)
            if alias and alias.label == "GPE":
                wrong = ("PERSON", "NORP") + (("ORG", "LOC", "FAC") if alias.kind == "country" else ())
                for m in group:
                    if m.label in wrong and not m.fixed:
                        m.label = "GPE"
                if alias.kind == "country" or all(m.label == "GPE" for m in group):
                    continue
            fixed = [m.label for m in group if m.fixed]
            counts = Counter(fixed or [m.label for m in group])
            if not fixed and counts["PERSON"] == counts["ORG"] > 0 and " " in key:
                counts["ORG"] += self._first_word_org(key, groups)
            best = max(counts.items(), key=lambda kv: (kv[1], -LABEL_PRIORITY.index(kv[0])
                                                       if kv[0] in LABEL_PRIORITY else -99))[0]
            for m in group:
                if not (m.fixed and fixed):  # a fixed label stays, even beside another fixed one
                    m.label = best

    @staticmethod
    def _first_word_org(key: str, groups: dict[str, list[Mention]]) -> bool:
        """A two-reading name ("Lockheed Martin", once an ORG, once a PERSON) whose first word the article
        writes alone, and the model reads there as an organisation ("Lockheed had bid before"): a firm is
        called by its first word, a person by the surname, so it is the firm. Not when the first word is a
        first name, nor when the model reads it alone as a person too ("Xi" of "Xi Jinping")."""
        first = key.split()[0]
        alone = [m.label for m in groups.get(first, ())]
        return "ORG" in alone and "PERSON" not in alone and first_name_gender(first)[1] == 0

    def _fix_people(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> None:
        """An acronym is no person ("MI6"), nor a name ending in a legal form ("Pirelli SpA"); a name ending
        in a head word is what the word says ("Apollo Theatre"; an ORG only for over-org heads: "Wembley
        Stadium", "Hunting Act"), unless a
        first name begins it with no "the" or possessive before it ("Nick Park", not "the museum's Dana
        Centre"); a two-word name whose surname the article
        elsewhere has as a person is one ("Phillips Idowu" ... "Idowu"), and so is a first name with the surname
        of a person named in full ("Guy Kilbride", taken for a place, beside "Simon Kilbride") or by the initial of that
        first name ("Yann Delaigue", taken for a firm, beside the line-up's "Y Delaigue")."""
        singles: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.end - m.start == 1:
                singles[doc[m.start].text].add(m.label)
        # surnames of people named in full: "Guy Kilbride" (taken for a place) beside "Simon Kilbride"
        surnames = {words[-1] for m in mentions if m.label == "PERSON" and len(words := self._words(doc, m)) >= 2}
        # "Y Delaigue" of a line-up: "Yann Delaigue's tackle", taken for a firm, is his full name
        initialled = {(words[0][0], words[-1]) for m in mentions if m.label == "PERSON"
                      and len(words := self._words(doc, m)) == 2 and len(words[0].rstrip(".")) == 1}
        for m in mentions:
            if m.fixed:
                continue
            words = self._words(doc, m)
            if m.label == "PERSON" and len(words) == 1 and lines[m.start] != "caps" \
                    and ACRONYM_RE.match(words[0]):
                m.label = "ORG"
            elif m.label == "PERSON" and len(words) >= 2 and _legal_form(words):
                m.label = "ORG"  # "Pirelli SpA", "Apic Yamada Corp": a legal form ends no person's name
            elif m.label == "PERSON" and len(words) >= 2 and ACRONYM_RE.match(words[0]) and len(words[0]) >= 3 \
                    and ("ORG" in singles.get(words[0], ())
                         or getattr(self.aliases.get(name_key(words[0])), "kind", "") == "org"):
                m.label = "ORG"  # "BBC Sport", "MSN Messenger": an organisation's acronym opens no person's name
            elif m.label == "PERSON" and len(words) >= 2 and words[-1].lower() in self.name_heads \
                    and not (self.name_heads[words[-1].lower()] == "FAC" and first_name_gender(words[0])[1] == SURE
                             and not (m.start and token_index(doc).lower[m.start - 1] in ("the", "'s", "’s"))):
                m.label = self.name_heads[words[-1].lower()]  # "Manchester United", "Apollo Theatre"; not "Nick Park"
            elif m.label == "ORG" and len(words) >= 2 and words[-1].lower() in self.over_org_heads:
                m.label = self.name_heads[words[-1].lower()]  # "Wembley Stadium", "the Hunting Act"
            elif m.label in ("ORG", "GPE", "FAC", "LOC") and 2 <= len(words) <= 3 \
                    and (singles.get(words[-1]) == {"PERSON"} or m.label in ("GPE", "LOC") and len(words) == 2
                         and words[-1] in surnames and first_name_gender(words[0])[1] == SURE
                         or len(words) == 2 and (words[0][0], words[-1]) in initialled
                         and first_name_gender(words[0])[1] == SURE) \
                    and all(w.istitle() for w in words) \
                    and not any(w.lower() in self.org_suffixes | self.role_words | self.name_heads.keys()
                                for w in words) \
                    and not any(name_key(w) in self.aliases for w in (" ".join(words), *words)):
                m.label = "PERSON"


def _legal_form(words: tuple[str, ...]) -> bool:
    """The name ends in a company's legal form (cleanco's terms of many countries: "SpA", "Ltd", "AG", "Corp.",
    "S.A."), written as one: upper case, with a dot, mixed case or of three letters or more; a two-letter word
    in title case ("Sa", "Co") can be a surname."""
    kept = len(org_key(" ".join(words)).split())
    tail = words[kept:] if 0 < kept < len(words) else ()
    return bool(tail) and all(w.isupper() or "." in w or not w.istitle() or len(w) >= 3 for w in tail)


_WEB_ADDRESS = re.compile(r"\w\.[a-z]{2,}\b")  # "napster.com"
_MODEL_PLURAL = re.compile(r"\d+s")  # "787s"


def _uncapitalised(text: str) -> bool:
    """No capital letter, not a web address, and not a model number's plural."""
    return not any(ch.isupper() for ch in text) and not _WEB_ADDRESS.search(text) \
        and not _MODEL_PLURAL.fullmatch(text)
