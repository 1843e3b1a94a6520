"""Firms the model missed, found by the legal form that ends their names.

A reader knows "Halvorsen Marine Holdings Plc" is a company without having heard of it: proper nouns
and then a legal form ("Plc", "Inc", "Corp", "Co Ltd": listed in ``legal_forms.txt``, and cleanco's
terms as ``namematch.org_key`` reads them). The model misses many such names in business copy, most
often right after a dateline or inside the angle brackets wire services put round a company's name
("<Acme Tool Co>"). Here a run of proper nouns (the tagger's NNP; "and", "&", "of" or "de" between two
of them) that ends in a legal form, with no mention on any of its words, becomes an ORG. Not on
ALL-CAPS lines, not after a closing bracket ("Trading Co Ltd" of "Norvale (Hong Kong) Trading Co Ltd":
the name began before the bracket), and not when the name goes on ("Co Durham", "Internet Corporation
for Assigned Names"). A nationality or place the model tagged right before the run opens the name
("Kenyan National Grain Corporation"). A name the model cut at a joining word before its legal form
("Silver Ridge of Canada Ltd": a place and a firm; "Kampen en Vos BV") or before a lower-case legal form
("Norton co") is joined again, and so is one cut at a bracketed part of its name ("Brook (Holdings) Ltd",
"Norvale (Hong Kong) Trading Co Ltd"): the model makes three names of it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender, org_key
from newsfacts.tokens import token_index

LETTER_RE = re.compile(r"^[A-Z]\.?$")  # "B", "B."
INNER_WORDS = ("and", "&", "of", "de")  # between two proper nouns of one firm's name: "B and R International Inc"
OPENING_LABELS = ("NORP", "GPE")
PLACE_LABELS = ("GPE", "LOC")  # "Kenyan" of "Kenyan National Grain Corporation"
MAX_WORDS = 8  # words of a firm's name before its legal form
MAX_BRACKETED = 3  # capitalised words in the brackets inside a firm's name: "(Hong Kong)", "(Holdings)"


class FirmRules(Stage):
    """Untagged "Name ... Inc" runs as organisations."""

    def _legal_form_firms(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        tk = token_index(doc)
        texts = tk.text
        owner = {i: m for m in mentions for i in range(m.start, m.end)}
        out: list[Mention] = []
        i = 1
        while i < tk.n:
            if i in owner or lines[i] == "caps" or not self._legal_form_word(texts[i - 1], texts[i]):
                i += 1
                continue
            end = i + 1
            while end < tk.n and end not in owner and lines[end] != "caps" \
                    and self._legal_form_word(texts[i - 1], texts[end]):
                end += 1  # "Co Ltd": another legal form after it
            start = self._firm_start(doc, i, owner)
            if end < tk.n and (doc[end].tag_ in ("NNP", "NNPS") and texts[end][:1].isupper()
                               or texts[end] in ("for", "of") and end + 1 < tk.n and texts[end + 1][:1].isupper()):
                start = None  # "Co Durham", "Internet Corporation for Assigned Names": the name goes on
            if start is not None:
                before = owner.get(start - 1)
                if before is not None and before.label in OPENING_LABELS and before.end == start \
                        and texts[before.start][:1].isupper():
                    start = before.start
                out.append(Mention(start, end, "ORG", "rule"))
            i = end
        return out

    def _join_firm_parts(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Ashworth Pryce and Co Ltd": the model cuts a firm's name at an inner "and" into a name and a span
        of legal forms ("Co Ltd"), or leaves the legal forms out. A span of legal forms only is never a name of
        its own: joined to the name before "and" or "&" on one line, an organisation. One "Co" joins an
        organisation only: after a person it is as often "Blair and Co", the man and his circle."""
        tk = token_index(doc)
        texts, lowers = tk.text, tk.lower
        out: list[Mention] = []
        for m in sorted(mentions, key=lambda m: m.start):
            prev = out[-1] if out else None
            forms = [w.replace(".", "").lower() in self.legal_forms for w in texts[m.start:m.end]]
            if prev is not None and prev.end == m.start - 1 and lowers[prev.end] in ("and", "&") \
                    and not (prev.fixed or m.fixed) and prev.label in ("ORG", "PERSON") and all(forms) \
                    and (len(forms) > 1 or prev.label == "ORG") and self._one_line(doc, prev.start, m.end):
                out[-1] = Mention(prev.start, m.end, "ORG", prev.source)
            else:
                out.append(m)
        taken = {i for m in out for i in range(m.start, m.end)}
        for k, m in enumerate(out):  # "Hollis Grant and Co Ltd" with no mention on "Co Ltd"
            end = m.end + 1
            while end < tk.n and end not in taken and texts[end][:1].isupper() \
                    and texts[end].replace(".", "").lower() in self.legal_forms:
                end += 1
            if m.label in ("ORG", "PERSON") and not m.fixed and end - m.end > 2 and lowers[m.end] in ("and", "&") \
                    and self._one_line(doc, m.start, end):
                out[k] = Mention(m.start, end, "ORG", m.source)
        return out

    def _join_firm_links(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """"Harrow of Canada Ltd", "Kampen en Vos BV", "Norton co": the model cuts a firm's name at a word
        that joins its parts ("of", "and", a foreign "and": ``firm_links.txt``) into a person or place and an
        organisation, or leaves a lower-case legal form out. A name written before a legal form ends its
        mention ("ltd" of ``lower_legal_forms.txt``), and the part before a joining word joins the
        organisation that ends in a legal form after it: any part before a foreign "and" or "&"; before
        "and" only capitalised words no entity holds ("Boeing and Acme Holdings Ltd" stay two); before
        "of" only when what follows "of" is a place ("of Canada Ltd") and the part before is no person
        with a first name ("said John Carver of Tellwood Ltd")."""
        tk = token_index(doc)
        texts = tk.text
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for m in mentions:  # "Norton co", "Northgate Investment Co ltd"
            end = m.end
            while end < tk.n and end not in taken and lines[end] == "text" and texts[end] in self.lower_legal_forms \
                    and tk.doc_text[tk.end[end]:tk.end[end] + 1] not in ("-", "'"):  # not "co-owner", "co's"
                end += 1
            if end > m.end and m.label in ("ORG", "PERSON") and not m.fixed and texts[m.end - 1][:1].isupper() \
                    and self._one_line(doc, m.start, end) \
                    and not (end < tk.n and texts[end][:1].isupper() and doc[end].tag_ in ("NNP", "NNPS")):
                taken.update(range(m.end, end))
                m.end, m.label = end, "ORG"
        out: list[Mention] = []
        lone = self._lone_surnames(doc, mentions)
        for m in sorted(mentions, key=lambda m: m.start):
            start = self._linked_part(doc, m, out[-1] if out else None, taken, lines, lone)
            if start is None:
                out.append(m)
            elif out and out[-1].start == start:
                out[-1] = Mention(start, m.end, "ORG", m.source)
            else:
                out.append(Mention(start, m.end, "ORG", m.source))
        return out

    def _lone_surnames(self, doc: Doc, mentions: list[Mention]) -> set[int]:
        """Starts of one-word "people" whose word no other name of the article holds, with no honorific or
        title before them: news names a person in full first, so such a word before "and" and a firm's name
        ("Carter and Webb Hotels Ltd") is a founder's name in the firm's."""
        tk = token_index(doc)
        words: dict[str, int] = {}
        for m in mentions:
            for w in tk.text[m.start:m.end]:
                words[w] = words.get(w, 0) + 1
        out = set()
        for m in mentions:
            if m.label != "PERSON" or m.end - m.start != 1 or m.fixed or words[tk.text[m.start]] > 1:
                continue
            before = tk.lower[m.start - 1] if m.start > 0 else ""
            if before in self.honorifics or before.rstrip(".") in self.honorifics or before in self.title_ends:
                continue
            out.add(m.start)
        return out

    def _linked_part(self, doc: Doc, m: Mention, prev: Mention | None, taken: set[int],
                     lines: list[str], lone: set[int] = frozenset()) -> int | None:
        """Where the part of ``m``'s firm name before its joining word begins, or None. A mention ending in a
        legal form is a firm whatever the model's label ("Druck GmbH" a person)."""
        tk = token_index(doc)
        texts, lowers = tk.text, tk.lower
        link = m.start - 1
        forms = [w.replace(".", "").lower() in self.legal_forms for w in texts[m.start:m.end]]
        if m.fixed or m.label not in ("ORG", "PERSON", "GPE") or link < 1 or lowers[link] not in self.firm_links \
                or not forms[-1] or all(forms) or not texts[m.start][:1].isupper() or lines[link] != "text":
            return None
        if prev is not None and prev.end == link:
            if prev.fixed or prev.label not in ("ORG", "PERSON", "GPE", "NORP") \
                    or not texts[prev.start][:1].isupper() or lines[prev.start] != "text":
                return None
            start, label = prev.start, prev.label
        else:
            start, label = link, None
            while start > 0 and link - start < MAX_WORDS and start - 1 not in taken \
                    and self._firm_word(doc, start - 1) and lines[start - 1] == "text":
                start -= 1
            if start == link:
                return None
        if not self._one_line(doc, start, m.end):
            return None
        word = lowers[link]
        if word == "and":
            return start if label is None or prev.start in lone else None
        if word == "of":
            place = " ".join(t for t, f in zip(texts[m.start:m.end], forms, strict=True) if not f)
            alias = self.aliases.get(name_key(place))
            if alias is None or alias.kind not in ("country", "place"):
                return None
            before = lowers[start - 1] if start > 0 else ""
            if label in ("PERSON", None) and first_name_gender(texts[start])[1] == SURE \
                    or any(w in self.honorifics or w.rstrip(".") in self.honorifics or w in self.title_ends
                           for w in (before, lowers[start])):
                return None
            return start
        return start  # "&", a foreign "and"

    def _bracketed_firms(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """"Brook (Holdings) Ltd", "Norvale (Hong Kong) Trading Co Ltd": proper nouns, up to three capitalised
        words in brackets, proper nouns again and a legal form are one firm's name, which the model cuts into
        a name before the bracket, one inside it and one after it. The name before the bracket is a mention
        the model made (any label but a fixed one; a place with the firm's name the model made right before
        it: "Indosuez Asia (Singapore) Ltd") or a run of proper nouns; what follows the bracket runs
        over proper nouns to its first legal form (and the legal forms after it: "Co Ltd"), on one line."""
        tk = token_index(doc)
        texts = tk.text
        owner = {i: m for m in mentions for i in range(m.start, m.end)}
        out: list[Mention] = []
        for i in range(1, tk.n - 3):
            if texts[i] != "(" or lines[i] == "caps" or not self._firm_word(doc, i - 1):
                continue
            close = i + 1
            while close < tk.n and close - i <= MAX_BRACKETED and texts[close][:1].isupper():
                close += 1
            if close == i + 1 or close >= tk.n or texts[close] != ")":
                continue
            end = close + 1
            while end < tk.n and end - close <= MAX_WORDS and self._firm_word(doc, end) \
                    and not self._bracketed_legal_form(texts, close, end):
                end += 1
            if end >= tk.n or not self._bracketed_legal_form(texts, close, end):
                continue
            while end < tk.n and self._bracketed_legal_form(texts, close, end):
                end += 1  # "Co Ltd"
            before = owner.get(i - 1)
            if before is not None:
                if before.fixed or before.end != i:
                    continue
                start = before.start
                named = owner.get(start - 1)  # "Indosuez Asia (Singapore) Ltd": a place word goes on a firm's name
                if before.label in PLACE_LABELS and named is not None and named.end == start \
                        and named.label == "ORG" and not named.fixed:
                    start = named.start
            else:
                start = i - 1
                while start > 0 and i - start < MAX_WORDS and start - 1 not in owner \
                        and self._firm_word(doc, start - 1):
                    start -= 1
            if any(owner[k].fixed for k in range(close, end) if k in owner) or not self._one_line(doc, start, end):
                continue
            out.append(Mention(start, end, "ORG", "rule"))
        return out

    def _bracketed_legal_form(self, texts: list[str], close: int, k: int) -> bool:
        """The word at ``k`` is a legal form ending the name after the bracket that closes at ``close``."""
        if not texts[k][:1].isupper() or texts[k].replace(".", "").lower() not in self.legal_forms:
            return False
        return k == close + 1 or self._legal_form_word(texts[k - 1], texts[k])

    @staticmethod
    def _one_line(doc: Doc, start: int, end: int) -> bool:
        tk = token_index(doc)
        return "\n" not in tk.doc_text[tk.idx[start]:tk.end[end - 1]]

    def _legal_form_word(self, before: str, word: str) -> bool:
        """``word`` is a legal form of ``legal_forms.txt`` ending a name, written as a name's word ("Inc", "PLC",
        "Co.", "S.A."), and cleanco takes it off "before word" too."""
        if not word[:1].isupper() or word.replace(".", "").lower() not in self.legal_forms \
                or not before[:1].isalnum():
            return False
        return org_key(f"{before} {word}") == org_key(before)

    @staticmethod
    def _firm_word(doc: Doc, k: int) -> bool:
        """A proper noun in the tagger's reading, or a capital letter ("B" of "B and R International Inc")."""
        text = token_index(doc).text[k]
        return text[:1].isupper() and (doc[k].tag_ in ("NNP", "NNPS") or bool(LETTER_RE.match(text)))

    def _firm_start(self, doc: Doc, legal: int, owner: dict[int, Mention]) -> int | None:
        """Where the proper nouns before the legal form at ``legal`` begin, or None when there are none, a word
        is taken, or a closing bracket comes right before them."""
        tk = token_index(doc)
        texts = tk.text
        s = legal
        while s > 0 and legal - s < MAX_WORDS:
            k = s - 1
            if k in owner or tk.end[k] == tk.idx[k + 1] and not texts[k].isalnum() and texts[k] not in ("&",):
                break
            if self._firm_word(doc, k):
                s = k
            elif texts[k] in INNER_WORDS and k > 0 and self._firm_word(doc, k - 1) and s < legal:
                s = k
            else:
                break
        while s < legal and texts[s] in INNER_WORDS:
            s += 1
        if s == legal or s > 0 and texts[s - 1] in (")", "]") or (s - 1) in owner and owner[s - 1].end == s \
                and owner[s - 1].label not in ("NORP", "GPE"):
            return None
        return s
