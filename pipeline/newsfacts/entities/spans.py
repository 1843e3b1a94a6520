"""Mention spans: cleaning the model's spans and adding the ones it misses.

Spans follow the CoNLL/MUC convention: a name does not cross a line break or bracket and carries
no determiner, possessive or ordinal. Added here: named events ("Kazakh Cinema Days"), quoted
titles of works, the dateline place, and "Council of Ministers of A and B" joined into one ORG.
Also the kind of each line (ALL-CAPS, Title Case headline or text), which later stages read.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts import namematch
from newsfacts.entities.mentions import (
    CLOSE_QUOTES,
    EDGE_PUNCT,
    NAME_LABELS,
    NUMBERISH,
    OPEN_QUOTES,
    ORDINAL_RE,
    POSSESSIVES,
    WORD_RE,
    YEAR_RE,
    Mention,
    Stage,
    after_name,
    name_key,
    post_nominal,
)
from newsfacts.entities.words import JOINERS, PREFIXES
from newsfacts.tokens import token_index

BRACKETS = ("(", ")", "[", "]", "<", ">")  # "<Sakura Lens Inc>": wire copy brackets a firm's name
INITIAL_RE = re.compile(r"^(?:[A-Z]\.){1,3}$")  # "M.", "J.R."

def _in_word(doc: Doc, i: int) -> bool:
    """Token ``i`` continues the word of the token before it (no space between): "hui" in "Teng-hui"."""
    return i > 0 and doc[i - 1].whitespace_ == "" and not doc[i - 1].is_space


class SpanRules(Stage):
    """Split, trim and relabel the model's spans; find events, works and the dateline."""

    def _line_kinds(self, doc: Doc) -> list[str]:
        """Per token: 'caps' for ALL-CAPS lines, 'title' for Title Case headlines, else 'text'."""
        kinds = ["text"] * len(doc)
        tk = token_index(doc)
        for line in re.finditer(r"[^\n]+", tk.doc_text):
            words = WORD_RE.findall(line.group())
            if len(words) < 2:
                continue
            if all(w.isupper() for w in words):
                kind = "caps"
            elif len(words) >= 3 and sum(w.istitle() for w in words) / len(words) > 0.75:
                kind = "title"
            else:
                continue
            lo, hi = tk.first_from(line.start()), tk.first_from(line.end())
            kinds[lo:hi] = [kind] * (hi - lo)
        return kinds

    def _is_ordinal(self, tok) -> bool:
        return tok.lower_ in self.ordinal_words or bool(ORDINAL_RE.match(tok.text))

    def _split(self, doc: Doc, m: Mention) -> list[Mention]:
        """A name does not cross a line break, a bracket, a spaced dash or "v" (sports fixtures);
        a person's name does not start with a country ("U.S. Jobs")."""
        first = doc[m.start]
        if m.label == "PERSON" and m.end - m.start >= 2 and first.whitespace_:
            alias = self.aliases.get(name_key(first.text))
            if alias and alias.kind == "country" and doc[m.start + 1].is_title:
                return [Mention(m.start, m.start + 1, "GPE", m.source),
                        *self._split(doc, Mention(m.start + 1, m.end, m.label, m.source))]
        parts: list[Mention] = []
        s = m.start
        for i in range(m.start, m.end + 1):
            tok = doc[i] if i < m.end else None
            cut = tok is None or "\n" in tok.text or tok.text in BRACKETS or (
                tok.text in ("-", "–", "—", "v", "vs", "vs.") and tok.whitespace_
                and i > 0 and doc[i - 1].whitespace_) or (tok.text == "," and self._list_comma(doc, i, m))
            if not cut and i > m.start and "\n" in doc[i - 1].whitespace_:
                cut = True
                tok = None
            if cut:
                if i > s:
                    parts.append(Mention(s, i, m.label, m.source))
                s = i + 1 if tok is not None else i
        if len(parts) <= 1:
            return parts if parts and (parts[0].start, parts[0].end) != (m.start, m.end) else [m]
        merged = [parts[0]]
        for part in parts[1:]:
            prev = merged[-1]
            # "Wal - Mart" (a tokenized hyphen) is one name; "GERMANY - Bunds" is two things.
            if part.start == prev.end + 1 and doc[prev.end].text in ("-", "–") \
                    and prev.end - prev.start == 1 and part.end - part.start == 1 and not any(
                        name_key(doc[x.start:x.end].text) in self.aliases for x in (prev, part)):
                prev.end = part.end
            else:
                merged.append(part)
        parts = merged
        for part in parts:
            alias = self.aliases.get(name_key(doc[part.start:part.end].text))
            if alias:
                part.label = alias.label
        return parts

    def _trim(self, doc: Doc, m: Mention) -> Mention | None:
        s, e = m.start, m.end
        while s < e:
            tok = doc[s]
            low = tok.lower_
            if low in PREFIXES and s + 2 < e and doc[s + 1].text in JOINERS and doc[s + 2].is_title:
                s += 2  # "ex-Yukos boss": what a person was of, not a name of its own
                continue
            if s + 1 < e and tok.whitespace_ == "" and any(ch.isalnum() for ch in tok.text):
                break  # "al-Assad": the first word is kept whole
            if m.label == "ORG" and tok.is_title and s + 1 < e and self._is_ordinal(tok) and doc[s + 1].is_title:
                break  # "First Union", "First Bank System Inc.": the ordinal begins the name
            if low in self.determiners or self._is_ordinal(tok) or tok.is_space or set(tok.text) <= EDGE_PUNCT:
                s += 1
            elif m.label == "PERSON" and e - s > 1 and (low in self.honorifics or low in self.role_words
                                                        or name_key(tok.text) in self.demonyms
                                                        or name_key(tok.text) in self.regional):
                s += 1
            elif m.label in NAME_LABELS and tok.is_lower and tok.is_alpha and low not in self.particles:
                s += 1
            elif m.label == "EVENT" and e - s > 1 and YEAR_RE.match(tok.text):
                s += 1  # "2014 World Cup" -> "World Cup", as CoNLL marks it
            else:
                break
        while e > s:
            tok = doc[e - 1]
            if _in_word(doc, e - 1) and tok.lower_ not in POSSESSIVES and any(ch.isalpha() for ch in tok.text):
                break  # "Lee Teng-hui": a piece of a word goes with the word
            if tok.lower_ in POSSESSIVES and e - 1 > s or tok.is_space or set(tok.text) <= EDGE_PUNCT \
                    or (tok.lower_ in self.linking and e - 1 > s
                        and not (tok.is_title and tok.lower_ in self.particles)):  # "El Al", "Jean Le" end so
                e -= 1
            elif m.label in NAME_LABELS and e - 1 > s and (
                    (tok.is_lower and tok.is_alpha)
                    or NUMBERISH.match(tok.text) and doc[e - 2].lower_ not in self.station_words):
                e -= 1  # "Interfax news agency", "J. Ratcliffe 63"; not "Channel 4", "BBC Radio 4"
            elif m.label in ("PERSON", "ORG") and e - 1 > s and post_nominal(doc, e - 1, self.role_words) and (
                    m.label == "PERSON" or e - 2 > s and namematch.first_name_gender(doc[s].text)[1] == namematch.SURE):
                e -= 1  # "Michael Mansfield QC": letters after the name are no part of it
                if m.label == "ORG":  # and a first name before them names a person ("Tom Pardoe MEP", taken for a body)
                    m.label, m.fixed = "PERSON", True
            else:
                break
        if e - s == 1 and after_name(doc, s, self.role_words):
            return None  # "Caroline Jackson MEP": no organisation of its own
        if s >= e or not any(ch.isalpha() for ch in token_index(doc).span(s, e)):
            return None
        if m.label in NAME_LABELS and all(t.lower_ in self.honorifics and not t.is_upper for t in doc[s:e]):
            return None  # "Mr" alone ("Said Mr: ...") names no one
        if m.label == "EVENT" and e - s == 1 and (doc[s].lower_,) in self.event_words and not doc[s].is_title:
            return None
        m.start, m.end = s, e
        return m

    def _fix_role_words(self, doc: Doc, m: Mention) -> Mention | None:
        """"Kazakh Foreign" (a nationality plus title words) is no ORG; "Kazakh-Kyrgyz" is NORP."""
        words = [t for t in doc[m.start:m.end] if not t.is_punct and t.lower_ not in self.determiners]
        dem = [t for t in words if name_key(t.text) in self.demonyms and name_key(t.text) not in self.aliases]
        if dem and len(dem) == len(words) or name_key(self._name(doc, m)) in self.regional:
            m.label = "NORP"
            return m
        if m.label in ("PERSON", "EVENT", "WORK_OF_ART"):
            return m
        if len(words) >= 2 and (words[0].lower_ in self.honorifics or (words[0].lower_,) in self.titles):
            rest = words[1:]
            not_name = self.role_words | self.org_suffixes | self.name_heads.keys()
            if (len(rest) >= 2 or words[0].lower_ in self.honorifics) \
                    and all(t.is_title and t.lower_ not in not_name for t in rest) \
                    and name_key(" ".join(t.text for t in rest)) not in self.aliases and len(rest) <= 3:
                # "Spokeswoman Sandy Angers", "Mr. Kulubaev": a title before a name, labelled ORG
                return Mention(rest[0].i, rest[-1].i + 1, "PERSON", "rule")
        org_head = self.name_heads.get(words[-1].lower_) == "ORG" if words else False
        if dem and all(t in dem or t.lower_ in self.role_words for t in words) and not (
                m.label == "ORG" and len(words) > len(dem) and org_head):  # "Scottish Labour Party" is a party
            if len(dem) == len(words):
                m.label = "NORP"
                return m
            first = dem[0].i
            last = dem[-1].i
            if all(doc[i] in dem or doc[i].is_punct for i in range(first, last + 1)):
                return Mention(first, last + 1, "NORP", "rule")
            return None
        if m.label != "NORP" and words and all(t.lower_ in self.role_words | self.linking for t in words) \
                and any(t.lower_ in self.title_heads for t in words):
            return None  # a bare title ("Foreign Minister") is no entity; "Senate" is
        return m

    @staticmethod
    def _overlay(old: list[Mention], new: list[Mention], keep_old: bool = False) -> list[Mention]:
        """Merge two span lists; on overlap ``new`` wins, unless ``keep_old``."""
        if keep_old:
            old, new = new, old
        taken = [(n.start, n.end) for n in new]
        kept = [m for m in old if not any(m.start < e and s < m.end for s, e in taken)]
        return kept + new

    def _events(self, doc: Doc, lines: list[str], mentions: list[Mention]) -> list[Mention]:
        """Capitalised names ending in an event word ("World Cup", "Kazakh Cinema Days")."""
        out = []
        lowers = token_index(doc).lower
        for i, low in enumerate(lowers):
            if low not in self.event_last or lines[i] != "text":
                continue
            tok = doc[i]
            if not (tok.is_title or tok.is_upper):
                continue
            match = next((len(w) for w in self.event_words
                          if len(w) <= i + 1 and tuple(lowers[i - len(w) + 1:i + 1]) == w), 0)
            if not match or (i + 1 < len(doc) and (doc[i + 1].is_title and doc[i + 1].is_alpha)):
                continue
            if i + 2 < len(doc) and lowers[i + 1] in ("and", "&", "of") and doc[i + 2].is_title:
                continue  # "Scottish Exhibition and Conference Centre": the name goes on
            if any(m.start <= i < m.end and m.end > i + 1 for m in mentions):
                continue  # inside a longer name the model found
            s = i - match + 1
            while s > 0:
                prev = doc[s - 1]
                if prev.is_sent_start and prev.lower_ in self.determiners:
                    break
                if (prev.is_title or prev.is_upper) and prev.is_alpha and prev.lower_ not in self.determiners \
                        and not self._is_ordinal(prev) and not prev.is_sent_start:
                    s -= 1
                elif prev.text in ("-", "–") and s > 1 and not prev.whitespace_ and doc[s - 2].is_title:
                    s -= 1
                elif prev.is_title and prev.is_sent_start and prev.lower_ not in self.determiners \
                        and prev.pos_ == "PROPN":
                    s -= 1
                else:
                    break
            # the model's longer span of the same name keeps its start ("Reliability and Service Awards",
            # "People's Choice Awards"), but not a year before it ("2005 Golden Globe Awards")
            longer = [m.start for m in mentions if m.end == i + 1 and m.start < s and doc[m.start].is_title
                      and all(t.is_alpha or t.text in ("'s", "’s", "&") for t in doc[m.start:s])]
            s = min(longer, default=s)
            if s < i - match + 1:
                out.append(Mention(s, i + 1, "EVENT", "rule", fixed=True))
        return out

    def _works(self, doc: Doc) -> list[Mention]:
        """A quoted capitalised title next to a work noun: “Zhamila,” a musical; the film “Heat”."""
        out = []
        n = len(doc)
        texts = token_index(doc).text
        for i, text in enumerate(texts):
            if text not in OPEN_QUOTES or i + 1 >= n or not texts[i + 1].istitle():
                continue
            j = i + 1
            while j < n and j - i <= 8 and texts[j] not in CLOSE_QUOTES:
                j += 1
            if j >= n or texts[j] not in CLOSE_QUOTES or j - i > 8:
                continue
            e = j
            while e > i + 1 and doc[e - 1].is_punct:
                e -= 1
            if e <= i + 1:
                continue
            after = [t.lower_ for t in doc[j + 1:j + 6] if not t.is_punct]
            before = [t.lower_ for t in doc[max(0, i - 2):i]]
            noun_after = len(after) >= 2 and after[0] in ("a", "an", "the") and any(
                w in self.work_nouns for w in after[1:4])
            if noun_after or any(w in self.work_nouns for w in before):
                out.append(Mention(i + 1, e, "WORK_OF_ART", "rule", fixed=True))
        return out

    def _dateline(self, doc: Doc) -> list[Mention]:
        """The dateline place at the start of the article (or of a line near it) is a GPE."""
        tk = token_index(doc)
        head = tk.first_from(self.max_dateline_chars)
        text = tk.span(0, head)[: self.max_dateline_chars]
        place = doc._.dateline
        span = None
        if place:
            m = re.search(r"(?<!\w)" + re.escape(place) + r"(?!\w)", text, re.I)
            if m:
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        else:
            m = re.search(r"(?m)^\s*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+)?"
                          r"\s*(?:\([^)\n]{1,30}\)\s*)?"
                          r"(?:[–—-]\s+(?=[^\n]{0,20}[a-z])|\d{4}-\d\d-\d\d)", text)
            if m:
                span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            return []
        canonical = place if place and not place.isupper() else span.text.title()
        alias = self.aliases.get(name_key(canonical))
        return [Mention(span.start, span.end, "GPE", "rule", alias.canonical if alias else canonical, True)]

    def _join_coordinated_orgs(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Council of Ministers of A and the B": the model stops the ORG at "A". "the Public and Commercial
        Services Union": an ORG before "and" that the parse makes a modifier of the ORG after it is the
        first part of that one's name (not "Boeing and Airbus Industrie", two firms the parse lists, nor the
        last two of a list, "X, Y and Z Blog", nor names beginning alike, "AZ Fly and AZ Services")."""
        by_start = {m.start: m for m in mentions}
        out = []
        skip = set()
        for m in sorted(mentions, key=lambda m: m.start):
            if id(m) in skip:
                continue
            words = [t.lower_ for t in doc[m.start:m.end]]
            if m.label == "ORG" and m.end + 1 < len(doc) and doc[m.end].lower_ == "and" and not m.fixed:
                k = m.end + 1 + (doc[m.end + 1].lower_ == "the")
                nxt = by_start.get(k)
                if nxt is not None and "of" in words and nxt.label == "GPE":
                    m.end = nxt.end
                    skip.add(id(nxt))
                elif nxt is not None and k == m.end + 1 and nxt.label == "ORG" and not nxt.fixed \
                        and nxt.start <= doc[m.end - 1].head.i < nxt.end and "\n" not in doc[m.start:nxt.end].text \
                        and doc[m.start].text != doc[nxt.start].text and (m.start == 0 or doc[m.start - 1].text != ","):
                    m.end = nxt.end
                    skip.add(id(nxt))
            out.append(m)
        return out

