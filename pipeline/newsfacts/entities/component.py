"""Component ``newsfacts_entities``: clean entity spans, consistent labels, canonical names, roles.

The statistical model gives a first set of spans. News text needs more: spans in the
CoNLL/MUC convention (no determiner, possessive or ordinal), one label and one name per
real thing within an article (a surname takes the label and name of the full mention),
the dateline place as a GPE, quoted titles of works, named events, and the roles people
hold ("Kazakh Foreign Minister X" → Foreign Minister of Kazakhstan). Everything here is
rules over the parsed Doc plus general word lists in ``models/entities/``; the lists are
read once when the component is built.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IDX, IS_PUNCT, LENGTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsfacts.extensions import doc_text, register_extensions
from newsfacts.records import Entity, Role

NUMERIC_LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
POSSESSIVES = {"'s", "’s", "'", "’", "s"}
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "twentieth", "thirtieth",
    "fortieth", "fiftieth", "hundredth", "annual", "inaugural", "next", "last",
}
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "al", "el",
             "bin", "ibn", "ter", "ten", "dos", "das", "e", "y"}
WORD_RE = re.compile(r"[^\W\d_]{2,}")
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]+$")
NUMBERISH = re.compile(r"^[\d.,:/-]+$")
OPEN_QUOTES = {"“", '"', "‘", "«", "'"}
CLOSE_QUOTES = {"”", '"', "’", "»", "'"}
EDGE_PUNCT = set("\"“”‘’'«»,;:!?()[]{}-–—/*|")
LINKING = {"of", "and", "for", "the", "de", "du", "la", "le", "von", "van", "der", "den", "al", "&", "on"}
# Labels kept in the ordering used to break ties between equally frequent labels.
LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                  "LAW", "LANGUAGE", "MISC")


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """Case-, space- and determiner-insensitive lookup key of a name."""
    text = re.sub(r"\s+", " ", text.strip()).lower().replace("’", "'")
    if text.startswith("the "):
        text = text[4:]
    return text


def _read_list(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Alias:
    canonical: str
    label: str
    informal: bool
    kind: str  # country | place | org


@dataclass(slots=True)
class Mention:
    start: int  # token indices
    end: int
    label: str
    source: str = "model"
    canonical: str | None = None
    fixed: bool = False  # label decided by a rule that outranks voting


class _Tokens:
    """One Doc's token texts and flags as plain lists, and the words and names of its spans: the
    rules here read them hundreds of times per article, and every ``doc[i]`` builds a new Token."""

    __slots__ = ("text", "lower", "idx", "end", "punct", "doc_text", "_words", "_names")

    def __init__(self, doc: Doc) -> None:
        self.doc_text = text = doc_text(doc)
        columns = doc.to_array([IDX, LENGTH, IS_PUNCT]).T.tolist() if len(doc) else [[], [], []]
        self.idx, lengths, self.punct = columns
        self.end = [i + n for i, n in zip(self.idx, lengths, strict=True)]
        self.text = [text[i:e] for i, e in zip(self.idx, self.end, strict=True)]
        self.lower = [t.lower() for t in self.text]
        self._words: dict[tuple[int, int], tuple[str, ...]] = {}
        self._names: dict[tuple[int, int], str] = {}

    def span(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.doc_text[self.idx[start]:self.end[end - 1]] if end > start else ""

    def words(self, start: int, end: int) -> tuple[str, ...]:
        """The words of a span without punctuation other than ".": "Wal-Mart" is ("Wal", "Mart")."""
        key = (start, end)
        if (found := self._words.get(key)) is None:
            text, punct = self.text, self.punct
            found = self._words[key] = tuple(text[i] for i in range(start, end) if not punct[i] or text[i] == ".")
        return found

    def name(self, start: int, end: int) -> str:
        """The span's text on one line."""
        key = (start, end)
        if (found := self._names.get(key)) is None:
            found = self._names[key] = re.sub(r"\s+", " ", self.span(start, end))
        return found


_TOKENS = "newsfacts.entities.tokens"


def _tokens(doc: Doc) -> _Tokens:
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = _Tokens(doc)
    return tokens


def _default_data_dir() -> Path:
    from newsfacts.nlp import models_dir

    return models_dir() / "entities"


class EntityComponent:
    """Post-process the model's entities into ``doc._.entities`` and ``doc._.roles``."""

    def __init__(self, nlp: Language, name: str, data: str | None, drop_labels: list[str],
                 propagate: bool, max_dateline_chars: int) -> None:
        register_extensions()
        self.name = name
        folder = Path(data) if data else _default_data_dir()
        self.drop_labels = set(drop_labels)
        self.propagate = propagate
        self.max_dateline_chars = max_dateline_chars
        self.aliases: dict[str, Alias] = {}
        self.demonyms: dict[str, str] = {}
        self._surface: dict[str, str] = {}
        self._demonym_surfaces: list[str] = []
        for line in _read_list(folder / "countries.tsv"):
            canonical, aliases, demonyms = (line.split("\t") + ["", ""])[:3]
            self._add_aliases(canonical, aliases, "GPE", "country")
            for dem in filter(None, demonyms.split("|")):
                self.demonyms.setdefault(_key(dem), canonical)
                self._demonym_surfaces.append(dem)
                if not dem.endswith(("s", "sh", "ch", "ese", "x", "z")):
                    self.demonyms.setdefault(_key(dem + "s"), canonical)  # "Britons", "Kenyans"
                    self._demonym_surfaces.append(dem + "s")
        for file, label, kind in (("places.tsv", "GPE", "place"), ("organizations.tsv", "ORG", "org")):
            for line in _read_list(folder / file):
                canonical, aliases = (line.split("\t") + [""])[:2]
                self._add_aliases(canonical, aliases, label, kind)
        self.gazetteer = self._build_gazetteer(nlp, set(_read_list(folder / "ambiguous_names.txt")))
        self.titles = {tuple(t.lower_ for t in nlp.make_doc(x)) for x in _read_list(folder / "titles.txt")}
        self.title_heads = {t[-1] for t in self.titles} - set(_read_list(folder / "title_modifiers.txt"))
        self.max_title = max((len(t) for t in self.titles), default=1)
        self.honorifics = set(_read_list(folder / "honorifics.txt"))
        self.modifiers = set(_read_list(folder / "title_modifiers.txt"))
        self.event_words = {tuple(w.split()) for w in _read_list(folder / "event_words.txt")}
        self.event_last = {w[-1] for w in self.event_words}
        self.work_nouns = set(_read_list(folder / "work_nouns.txt"))
        self.role_words = {w for t in self.titles for w in t if w.isalpha() and w not in LINKING}
        self.role_words |= self.modifiers | self.honorifics
        self.org_suffixes = set(_read_list(folder / "org_suffixes.txt"))
        self.name_heads = dict(line.split("\t")[:2] for line in _read_list(folder / "name_heads.tsv"))
        self.regional = {_key(w) for w in _read_list(folder / "regional_demonyms.txt")}

    def _add_aliases(self, canonical: str, aliases: str, label: str, kind: str) -> None:
        self.aliases.setdefault(_key(canonical), Alias(canonical, label, False, kind))
        self._surface.setdefault(canonical, label)
        for alias in filter(None, aliases.split("|")):
            informal = alias.startswith("~")
            alias = alias.lstrip("~")
            self.aliases.setdefault(_key(alias), Alias(canonical, label, informal, kind))
            if not alias.lower().startswith("the "):
                self._surface.setdefault(alias, label)

    def _build_gazetteer(self, nlp: Language, ambiguous: set[str]) -> PhraseMatcher:
        """Table names as written (case-sensitive), to find the ones the model left untagged."""
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = defaultdict(list)
        for surface, label in self._surface.items():
            if surface not in ambiguous:
                by_label[label].append(surface)
        for dem in self._demonym_surfaces:
            if dem not in ambiguous and _key(dem) not in self.aliases:
                by_label["NORP"].append(dem)
        for label, names in by_label.items():
            matcher.add(label, list(nlp.tokenizer.pipe(names)))
        return matcher

    def _gazetteer_mentions(self, doc: Doc, lines: list[str]) -> list[Mention]:
        out = []
        for match_id, s, e in self.gazetteer(doc):
            if lines[s] == "caps" and len(doc[s:e].text) <= 3:
                continue
            out.append(Mention(s, e, doc.vocab.strings[match_id], "rule"))
        # longest first, no overlaps among themselves
        out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for m in out:
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept

    # ------------------------------------------------------------------ driver

    def __call__(self, doc: Doc) -> Doc:
        tk = doc.user_data[_TOKENS] = _Tokens(doc)
        lines = self._line_kinds(doc)
        mentions = [Mention(e.start, e.end, e.label_) for e in doc.ents if e.label_ not in self.drop_labels]
        mentions = [part for m in mentions for part in self._split(doc, m)]
        mentions = [m for m in (self._fix_role_words(doc, m) for m in mentions) if m is not None]
        mentions = [m for m in (self._trim(doc, m) for m in mentions) if m is not None]
        mentions = self._overlay(mentions, self._events(doc, lines, mentions))
        mentions = self._overlay(mentions, self._works(doc))
        mentions = self._overlay(mentions, self._dateline(doc))
        mentions = self._join_coordinated_orgs(doc, mentions)
        mentions = self._overlay(mentions, self._gazetteer_mentions(doc, lines), keep_old=True)
        mentions = self._filter_caps(doc, mentions, lines)
        self._fix_people(doc, mentions, lines)
        mentions = self._drop_title_parts(doc, mentions)
        seen_as_person = {self._words(doc, m) for m in mentions if m.label == "PERSON"}
        self._vote(doc, mentions)
        self._link_people(doc, mentions, seen_as_person)
        if self.propagate:
            mentions = self._overlay(mentions, self._propagate(doc, mentions, lines), keep_old=True)
            self._link_people(doc, mentions, seen_as_person)
        self._link_acronyms(doc, mentions)
        self._link_org_short_forms(doc, mentions)
        names = self._canonicalize(doc, mentions, lines)
        mentions.sort(key=lambda m: m.start)
        doc._.entities = [
            Entity(tk.idx[m.start], tk.end[m.end - 1], tk.span(m.start, m.end), m.label,
                   m.canonical or tk.span(m.start, m.end), m.source)
            for m in mentions
        ]
        doc._.roles = self._roles(doc, mentions, names)
        del doc.user_data[_TOKENS]
        return doc

    # ------------------------------------------------------------------ spans

    def _line_kinds(self, doc: Doc) -> list[str]:
        """Per token: 'caps' for ALL-CAPS lines, 'title' for Title Case headlines, else 'text'."""
        kinds = ["text"] * len(doc)
        tk = _tokens(doc)
        starts = tk.idx
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
            lo, hi = bisect_left(starts, line.start()), bisect_left(starts, line.end())
            kinds[lo:hi] = [kind] * (hi - lo)
        return kinds

    def _is_ordinal(self, tok) -> bool:
        return tok.lower_ in ORDINAL_WORDS or bool(ORDINAL_RE.match(tok.text))

    def _split(self, doc: Doc, m: Mention) -> list[Mention]:
        """A name does not cross a line break, a bracket, a spaced dash or "v" (sports fixtures);
        a person's name does not start with a country ("U.S. Jobs")."""
        first = doc[m.start]
        if m.label == "PERSON" and m.end - m.start >= 2 and first.whitespace_:
            alias = self.aliases.get(_key(first.text))
            if alias and alias.kind == "country" and doc[m.start + 1].is_title:
                return [Mention(m.start, m.start + 1, "GPE", m.source),
                        *self._split(doc, Mention(m.start + 1, m.end, m.label, m.source))]
        parts: list[Mention] = []
        s = m.start
        for i in range(m.start, m.end + 1):
            tok = doc[i] if i < m.end else None
            cut = tok is None or "\n" in tok.text or tok.text in ("(", ")", "[", "]") or (
                tok.text in ("-", "–", "—", "v", "vs", "vs.") and tok.whitespace_
                and i > 0 and doc[i - 1].whitespace_)
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
                        _key(doc[x.start:x.end].text) in self.aliases for x in (prev, part)):
                prev.end = part.end
            else:
                merged.append(part)
        parts = merged
        for part in parts:
            alias = self.aliases.get(_key(doc[part.start:part.end].text))
            if alias:
                part.label = alias.label
        return parts

    def _trim(self, doc: Doc, m: Mention) -> Mention | None:
        s, e = m.start, m.end
        while s < e:
            tok = doc[s]
            low = tok.lower_
            if low in DETERMINERS or self._is_ordinal(tok) or tok.is_space or set(tok.text) <= EDGE_PUNCT:
                s += 1
            elif m.label == "PERSON" and e - s > 1 and (low in self.honorifics or low in self.role_words
                                                        or _key(tok.text) in self.demonyms
                                                        or _key(tok.text) in self.regional):
                s += 1
            elif m.label in NAME_LABELS and tok.is_lower and tok.is_alpha and low not in PARTICLES:
                s += 1
            elif m.label == "EVENT" and e - s > 1 and YEAR_RE.match(tok.text):
                s += 1  # "2014 World Cup" -> "World Cup", as CoNLL marks it
            else:
                break
        while e > s:
            tok = doc[e - 1]
            if tok.lower_ in POSSESSIVES and e - 1 > s or tok.is_space or set(tok.text) <= EDGE_PUNCT \
                    or (tok.lower_ in LINKING and e - 1 > s):
                e -= 1
            elif m.label in NAME_LABELS and e - 1 > s and (
                    (tok.is_lower and tok.is_alpha) or NUMBERISH.match(tok.text)):
                e -= 1  # "Interfax news agency", "J. Ratcliffe 63"
            else:
                break
        if s >= e or not any(ch.isalpha() for ch in doc[s:e].text):
            return None
        if m.label == "EVENT" and e - s == 1 and (doc[s].lower_,) in self.event_words and not doc[s].is_title:
            return None
        m.start, m.end = s, e
        return m

    def _fix_role_words(self, doc: Doc, m: Mention) -> Mention | None:
        """"Kazakh Foreign" (a nationality plus title words) is no ORG; "Kazakh-Kyrgyz" is NORP."""
        words = [t for t in doc[m.start:m.end] if not t.is_punct and t.lower_ not in DETERMINERS]
        dem = [t for t in words if _key(t.text) in self.demonyms and _key(t.text) not in self.aliases]
        if dem and len(dem) == len(words) or _key(doc[m.start:m.end].text) in self.regional:
            m.label = "NORP"
            return m
        if m.label in ("PERSON", "EVENT", "WORK_OF_ART"):
            return m
        if len(words) >= 2 and (words[0].lower_ in self.honorifics or (words[0].lower_,) in self.titles):
            rest = words[1:]
            not_name = self.role_words | self.org_suffixes | self.name_heads.keys()
            if (len(rest) >= 2 or words[0].lower_ in self.honorifics) \
                    and all(t.is_title and t.lower_ not in not_name for t in rest) \
                    and _key(" ".join(t.text for t in rest)) not in self.aliases and len(rest) <= 3:
                # "Spokeswoman Sandy Angers", "Mr. Kulubaev": a title before a name, labelled ORG
                return Mention(rest[0].i, rest[-1].i + 1, "PERSON", "rule")
        if dem and all(t in dem or t.lower_ in self.role_words for t in words):
            if len(dem) == len(words):
                m.label = "NORP"
                return m
            first = dem[0].i
            last = dem[-1].i
            if all(doc[i] in dem or doc[i].is_punct for i in range(first, last + 1)):
                return Mention(first, last + 1, "NORP", "rule")
            return None
        if m.label != "NORP" and words and all(t.lower_ in self.role_words | LINKING for t in words) \
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
        lowers = _tokens(doc).lower
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
                if prev.is_sent_start and prev.lower_ in DETERMINERS:
                    break
                if (prev.is_title or prev.is_upper) and prev.is_alpha and prev.lower_ not in DETERMINERS \
                        and not self._is_ordinal(prev) and not prev.is_sent_start:
                    s -= 1
                elif prev.text in ("-", "–") and s > 1 and not prev.whitespace_ and doc[s - 2].is_title:
                    s -= 1
                elif prev.is_title and prev.is_sent_start and prev.lower_ not in DETERMINERS \
                        and prev.pos_ == "PROPN":
                    s -= 1
                else:
                    break
            if s < i - match + 1:
                out.append(Mention(s, i + 1, "EVENT", "rule", fixed=True))
        return out

    def _works(self, doc: Doc) -> list[Mention]:
        """A quoted capitalised title next to a work noun: “Zhamila,” a musical; the film “Heat”."""
        out = []
        n = len(doc)
        texts = _tokens(doc).text
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
        tk = _tokens(doc)
        head = bisect_left(tk.idx, self.max_dateline_chars)
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
        alias = self.aliases.get(_key(canonical))
        return [Mention(span.start, span.end, "GPE", "rule", alias.canonical if alias else canonical, True)]

    def _join_coordinated_orgs(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Council of Ministers of A and the B": the model stops the ORG at "A"."""
        by_start = {m.start: m for m in mentions}
        out = []
        skip = set()
        for m in sorted(mentions, key=lambda m: m.start):
            if id(m) in skip:
                continue
            words = [t.lower_ for t in doc[m.start:m.end]]
            if m.label == "ORG" and "of" in words and m.end + 1 < len(doc) and doc[m.end].lower_ == "and":
                k = m.end + 1 + (doc[m.end + 1].lower_ == "the")
                nxt = by_start.get(k)
                if nxt is not None and nxt.label == "GPE":
                    m.end = nxt.end
                    skip.add(id(nxt))
            out.append(m)
        return out

    def _filter_caps(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """In ALL-CAPS lines the model guesses; keep only names the article or the tables confirm."""
        body = set()
        lowers = _tokens(doc).lower
        for m in mentions:
            if lines[m.start] != "caps":
                words = lowers[m.start:m.end]
                body.update(" ".join(words[k:]) for k in range(len(words)))
        out = []
        for m in mentions:
            key = _key(self._name(doc, m))
            if lines[m.start] != "caps" or m.source != "model" or key in body or key in self.aliases \
                    or key in self.demonyms:
                out.append(m)
        return out

    # ------------------------------------------------------------------ consistency

    def _words(self, doc: Doc, m: Mention) -> tuple[str, ...]:
        return _tokens(doc).words(m.start, m.end)

    def _vote(self, doc: Doc, mentions: list[Mention]) -> None:
        """Mentions with the same text get the label most of them have."""
        groups: dict[str, list[Mention]] = defaultdict(list)
        tk = _tokens(doc)
        for m in mentions:
            groups[_key(tk.span(m.start, m.end))].append(m)
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
            best = max(counts.items(), key=lambda kv: (kv[1], -LABEL_PRIORITY.index(kv[0])
                                                       if kv[0] in LABEL_PRIORITY else -99))[0]
            for m in group:
                m.label = best

    def _fix_people(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> None:
        """An acronym is no person ("MI6"); a two-word name whose surname the article
        elsewhere has as a person is one ("Phillips Idowu" ... "Idowu")."""
        singles: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.end - m.start == 1:
                singles[doc[m.start].text].add(m.label)
        for m in mentions:
            if m.fixed:
                continue
            words = self._words(doc, m)
            if m.label == "PERSON" and len(words) == 1 and lines[m.start] != "caps" \
                    and ACRONYM_RE.match(words[0]):
                m.label = "ORG"
            elif m.label == "PERSON" and len(words) >= 2 and words[-1].lower() in self.name_heads:
                m.label = self.name_heads[words[-1].lower()]  # "Manchester United", "Apollo Theatre"
            elif m.label in ("ORG", "GPE", "FAC", "LOC") and 2 <= len(words) <= 3 \
                    and singles.get(words[-1]) == {"PERSON"} and all(w.istitle() for w in words) \
                    and not any(w.lower() in self.org_suffixes | self.role_words | self.name_heads.keys()
                                for w in words) \
                    and not any(_key(w) in self.aliases for w in (" ".join(words), *words)):
                m.label = "PERSON"

    def _title_of(self, doc: Doc, person: Mention) -> tuple[int, int] | None:
        """The title before a person's name, past any honorific ("Foreign Minister" in "Foreign
        Minister Mr. X")."""
        s = person.start
        while s > 0 and doc[s - 1].lower_ in self.honorifics:
            s -= 1
        return self._title_before(doc, s)

    def _drop_title_parts(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Words of a title before a name are no entity ("State" in "Secretary of State X")."""
        drop = set()
        for p in mentions:
            if p.label != "PERSON":
                continue
            span = self._title_of(doc, p)
            if span:
                drop.update(id(m) for m in mentions
                            if m.label != "PERSON" and span[0] <= m.start and m.end <= span[1])
        return [m for m in mentions if id(m) not in drop]

    def _person_names(self, doc: Doc, mentions: list[Mention]) -> tuple[dict, dict]:
        """Full names in the article and the short forms that point to exactly one of them."""
        full: dict[tuple[str, ...], str] = {}
        names = {}
        for m in mentions:
            if m.label == "PERSON":
                words = self._words(doc, m)
                if len([x for x in words if x != "."]) >= 2:
                    names.setdefault(words, self._name(doc, m))
        for words in sorted(names, key=len, reverse=True):
            # "Sadyr Japarov" inside "Sadyr Nurgojoevich Japarov": the longest name is canonical.
            owner = next((o for o in full if o[0] == words[0] and o[-1] == words[-1]), None)
            full[words] = full[owner] if owner else names[words]
        short: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for words, canonical in full.items():
            for k in range(1, len(words)):
                short[words[k:]].add(canonical)
                short[tuple(w.lower() for w in words[k:])].add(canonical)
        return full, {k: next(iter(v)) for k, v in short.items() if len(v) == 1}

    def _given_names(self, full: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
        """First words of full names that point to one person ("Xi" for "Xi Jinping")."""
        given: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for words, canonical in full.items():
            if not words[0].endswith("."):
                given[words[:1]].add(canonical)
        return {k: next(iter(v)) for k, v in given.items() if len(v) == 1}

    def _link_people(self, doc: Doc, mentions: list[Mention], seen_as_person: set[tuple[str, ...]]) -> None:
        """Short forms of a full name in the article take its label and name: surnames always,
        a first word ("Xi", "Wang") where the model took it for a person at least once or the
        full name came first."""
        full, short = self._person_names(doc, mentions)
        given = self._given_names(full)
        introduced: dict[str, int] = {}
        for m in mentions:
            words = self._words(doc, m)
            if m.label == "PERSON" and words in full:
                introduced[full[words]] = min(introduced.get(full[words], m.start), m.start)
        for m in mentions:
            words = self._words(doc, m)
            if m.label == "PERSON" and words in full:
                m.canonical = full[words]
                continue
            if m.fixed and m.label != "PERSON":
                continue
            canonical = short.get(words) or (short.get(tuple(w.lower() for w in words))
                                             if all(w.isupper() for w in words) else None)
            if canonical and not (self.aliases.get(_key(" ".join(words))) and m.label == "GPE"):
                m.label = "PERSON"
                m.canonical = canonical
            elif words in given and not self.aliases.get(_key(" ".join(words))) and (
                    words in seen_as_person or introduced.get(given[words], m.start) < m.start):
                m.label = "PERSON"
                m.canonical = given[words]

    def _propagate(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """Further occurrences of a name the article already has as an entity."""
        known: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        seen = set()
        _, short = self._person_names(doc, mentions)
        forms = [(self._words(doc, m), m.label) for m in mentions if m.source != "rule" or m.label == "GPE"]
        forms += [(k, "PERSON") for k in short if not all(w.islower() for w in k)]
        for words, label in forms:
            if not words or (words, label) in seen:
                continue
            seen.add((words, label))
            known[words[0].lower()].append((tuple(w.lower() for w in words), label))
        for cands in known.values():
            cands.sort(key=lambda c: -len(c[0]))  # longest first
        covered = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        out = []
        tk = _tokens(doc)
        texts, lowers = tk.text, tk.lower
        i = 0
        while i < len(doc):
            text = texts[i]
            cands = known.get(lowers[i]) if i not in covered and (text.istitle() or text.isupper()) else None
            hit = None
            for words, label in cands or ():
                n = len(words)
                if tuple(lowers[i:i + n]) != words or any(j in covered for j in range(i, i + n)):
                    continue
                if i + n < len(doc) and texts[i + n].istitle() and texts[i + n].isalpha() and lines[i] == "text":
                    continue  # part of a longer name
                if lines[i] != "caps" and not all(t.istitle() or t.isupper() or not t.isalpha()
                                                  for t in texts[i:i + n]):
                    continue
                if n == 1 and lines[i] == "text" and doc[i].pos_ != "PROPN":
                    continue
                hit = Mention(i, i + n, label, "propagated")
                break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _link_org_short_forms(self, doc: Doc, mentions: list[Mention]) -> None:
        """"Lockheed" after "Lockheed Martin", "AirTran" after "AirTran Airways": one organisation."""
        longs: dict[tuple[str, ...], set[str]] = defaultdict(set)
        first_seen: dict[tuple[str, ...], int] = {}
        for m in mentions:
            words = self._words(doc, m)
            if m.label != "ORG" or len(words) < 2:
                continue
            name = m.canonical or self._name(doc, m)
            for k in range(1, len(words)):
                tail = [w.lower() for w in words[k:]]
                if any(_key(w) in self.aliases or _key(w) in self.demonyms for w in words[k:]):
                    continue  # "Yukos USA", "GM Europe": a part of the company, not its full name
                if len(words) == 2 and words[1][:1].isupper() or all(w in self.org_suffixes for w in tail):
                    longs[words[:k]].add(name)
                    first_seen.setdefault(words[:k], m.start)
        for m in mentions:
            words = self._words(doc, m)
            names = longs.get(words)
            if names and len(names) == 1 and not m.fixed and m.label in ("ORG", "GPE", "PERSON") \
                    and first_seen[words] < m.start and _key(" ".join(words)) not in self.aliases:
                m.label = "ORG"
                m.canonical = next(iter(names))

    def _link_acronyms(self, doc: Doc, mentions: list[Mention]) -> None:
        """"UN" after "the United Nations": an acronym of a longer name takes its label and name."""
        longs = {}
        for m in mentions:
            if m.label in ("ORG", "GPE", "NORP") and m.end - m.start >= 2:
                initials = "".join(t.text[0] for t in doc[m.start:m.end]
                                   if t.is_alpha and t.lower_ not in LINKING and t.text[0].isupper())
                if len(initials) >= 2:
                    longs.setdefault(initials, m)
        tk = _tokens(doc)
        for m in mentions:
            text = tk.span(m.start, m.end).replace(".", "")
            if m.end - m.start == 1 and text.isupper() and text in longs and not m.fixed:
                target = longs[text]
                m.label = target.label
                m.canonical = target.canonical or self._name(doc, target)

    def _name(self, doc: Doc, m: Mention) -> str:
        return _tokens(doc).name(m.start, m.end)

    def _canonicalize(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> dict[str, str]:
        """Fill in canonical names; returns the article's name for each alias-table entry it uses."""
        names = {}
        groups: dict[str, list[Mention]] = defaultdict(list)
        mixed_case = {}
        for m in mentions:
            if m.canonical is None and m.label != "PERSON":
                alias = self.aliases.get(_key(self._name(doc, m)))
                if alias:
                    groups[alias.canonical].append(m)
            if lines[m.start] == "text":
                mixed_case.setdefault(_key(self._name(doc, m)), m.canonical or self._name(doc, m))
        for table_name, group in groups.items():
            canonical = table_name
            texts = {self._name(doc, m) for m in group}
            if canonical not in texts:
                full = [t for t in texts if not self.aliases[_key(t)].informal
                        and "." not in t and not t.isupper() and _key(t) != _key(canonical)]
                full = [t[4:] if t.lower().startswith("the ") else t for t in full]
                longest = max(full, key=lambda t: (len(t.split()), len(t)), default="")
                # "Kyrgyz Republic" is fuller than "Kyrgyzstan"; "Britain" not fuller than "United Kingdom".
                if len(longest.split()) > len(canonical.split()):
                    canonical = longest
            for m in group:
                m.canonical = canonical
            names[table_name] = canonical
        for m in mentions:
            if m.canonical is None:
                name = self._name(doc, m)
                recased = name.title() if lines[m.start] == "caps" else name
                m.canonical = mixed_case.get(_key(name)) or recased
        return names

    # ------------------------------------------------------------------ roles

    def _title_before(self, doc: Doc, end: int) -> tuple[int, int] | None:
        """Longest listed title ending at token ``end`` (exclusive), extended by modifiers."""
        lowers = _tokens(doc).lower
        for n in range(min(self.max_title, end), 0, -1):
            words = tuple(lowers[end - n:end])
            if words in self.titles:
                s = end - n
                while s > 0 and lowers[s - 1] in self.modifiers:
                    s -= 1
                if s > 1 and doc[s - 1].lower_ == "and":
                    earlier = self._title_before(doc, s - 1)  # "chairman and chief executive"
                    if earlier:
                        s = earlier[0]
                return s, end
        return None

    def _country(self, demonym: str, names: dict[str, str]) -> str | None:
        """The country of a nationality word, under the name the article uses for it."""
        country = self.demonyms.get(_key(demonym))
        return names.get(country, country) if country else None

    def _of_before(self, doc: Doc, s: int, ent_at: dict[int, Mention],
                   names: dict[str, str]) -> tuple[int, str | None]:
        """A nationality, country or organisation directly before a role phrase."""
        if s == 0:
            return s, None
        prev = doc[s - 1]
        k = s - 1
        if prev.lower_ in ("'s", "’s") and k > 0:
            k -= 1
        m = ent_at.get(k)
        if m is not None and m.label in ("GPE", "ORG", "NORP"):
            if m.label == "NORP":
                return m.start, self._country(self._name(doc, m), names)
            return m.start, m.canonical
        if _key(prev.text) in self.demonyms:
            return s - 1, self._country(prev.text, names)
        return s, None

    def _role(self, doc: Doc, s: int, e: int, of: str | None, of_start: int, person: Mention) -> Role:
        role = " ".join(
            w if w.isupper() or w.lower() in ("of", "for", "and", "the")
            else "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
            for w in doc[s:e].text.split())
        start = doc[of_start].idx
        end = doc[e - 1].idx + len(doc[e - 1].text)
        return Role(start, end, doc[of_start:e].text, role, person.canonical or self._name(doc, person),
                    doc[person.start].idx, doc[person.end - 1].idx + len(doc[person.end - 1].text), of)

    def _roles(self, doc: Doc, mentions: list[Mention], names: dict[str, str]) -> list[Role]:
        ent_at = {}
        for m in mentions:
            for i in range(m.start, m.end):
                ent_at[i] = m
        roles = []
        for p in mentions:
            if p.label != "PERSON":
                continue
            # "Kazakh Foreign Minister Yermek Kosherbayev", "Apple CEO Tim Cook"
            span = self._title_of(doc, p)
            if span and not any(i in ent_at for i in range(*span)):
                of_start, of = self._of_before(doc, span[0], ent_at, names)
                roles.append(self._role(doc, span[0], span[1], of, of_start, p))
                continue
            # "Kulubaev, the Kyrgyz foreign minister," / "Tim Cook, chief executive of Apple"
            role = self._apposition(doc, p, ent_at, names)
            if role:
                roles.append(role)
        return roles

    def _apposition(self, doc: Doc, p: Mention, ent_at: dict[int, Mention],
                    names: dict[str, str]) -> Role | None:
        i = p.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ",":
            i += 2  # "Mary Barra, 52, the chief executive"
        if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        start = i
        of = None
        m = ent_at.get(i)
        if m is not None and m.start == i and m.label in ("GPE", "ORG", "NORP"):
            of = self._country(self._name(doc, m), names) if m.label == "NORP" else m.canonical
            i = m.end
            if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
                i += 1
        elif i < len(doc) and _key(doc[i].text) in self.demonyms:
            of = self._country(doc[i].text, names)
            i += 1
        # the title: modifiers then a listed title, the longest that fits
        j = i
        while j < len(doc) and doc[j].lower_ in self.modifiers and j - i < 4:
            j += 1
        best = None
        for n in range(self.max_title, 0, -1):
            for k in range(i, j + 1):
                if tuple(t.lower_ for t in doc[k:k + n]) in self.titles and k + n > (best or (0, 0))[1]:
                    if all(t.lower_ in self.modifiers for t in doc[i:k]):
                        best = (i, k + n)
        if not best:
            return None
        e = best[1]
        if e < len(doc) and doc[e].lower_ in ("of", "at", "for") and of is None:
            k = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
            m = ent_at.get(k)
            if m is not None and m.start == k and m.label in ("GPE", "ORG"):
                of = m.canonical
                e2 = m.end
                if e2 >= len(doc) or doc[e2].is_punct or doc[e2].lower_ in ("and", "said", "who"):
                    role = self._role(doc, best[0], e, of, start, p)
                    role.end = doc[e2 - 1].idx + len(doc[e2 - 1].text)
                    role.text = doc[start:e2].text
                    return role
            return None
        if e < len(doc) and not (doc[e].is_punct or doc[e].lower_ in ("and", "said", "who", "says")):
            return None
        return self._role(doc, best[0], e, of, start, p)


@Language.factory(
    "newsfacts_entities",
    default_config={"data": None, "drop_labels": list(NUMERIC_LABELS), "propagate": True,
                    "max_dateline_chars": 200},
)
def make_entities(nlp: Language, name: str, data: str | None, drop_labels: list[str], propagate: bool,
                  max_dateline_chars: int) -> EntityComponent:
    return EntityComponent(nlp, name, data, drop_labels, propagate, max_dateline_chars)
