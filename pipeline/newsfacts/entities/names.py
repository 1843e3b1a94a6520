"""Canonical names: one name per real thing within an article.

Further occurrences of a known name become mentions; "Lockheed" after "Lockheed Martin" takes the
long form (and a headline's short form above its story's full name); an organisation's name is
extended over words the model left out; table entries take the fullest name the article uses for
them. People's short forms are linked in :mod:`.people_links`, acronyms in :mod:`.acronyms`.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import (
    ACRONYM_RE,
    Alias,
    Mention,
    Stage,
    after_name,
    name_key,
)
from newsfacts.namematch import SURE, first_name_gender, has_legal_form, org_key
from newsfacts.places import known_place
from newsfacts.tokens import token_index


class NameRules(Stage):
    """Propagate names, link organisations' short forms, extend their names, canonicalize."""

    def _propagate(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """Further occurrences of a name the article already has as an entity."""
        known: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        seen = set()
        _, short = self._person_names(doc, mentions)
        forms = [(self._words(doc, m), m.label) for m in mentions if m.source != "rule" or m.label == "GPE"]
        forms += [(k, "PERSON") for k in (*short, *self._shared)]  # a shared surname is found too, with its initial
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
        tk = token_index(doc)
        texts, lowers = tk.text, tk.lower
        i = 0
        while i < len(doc):
            text = texts[i]
            cands = known.get(lowers[i]) if i not in covered and _name_cased(text) else None
            hit = None
            for words, label in cands or ():
                n = len(words)
                if tuple(lowers[i:i + n]) != words or any(j in covered for j in range(i, i + n)):
                    continue
                nxt = texts[i + n] if i + n < len(doc) else ""
                if _name_cased(nxt) and not nxt.isupper() and nxt.isalpha() and lines[i] == "text":
                    continue  # part of a longer name
                if lines[i] != "caps" and not all(_name_cased(t) or not t.isalpha() for t in texts[i:i + n]):
                    continue
                if label == "PERSON" and any(t[:2].isupper() and not t.isupper() for t in texts[i:i + n]):
                    continue  # "BSkyB" is written as a company, whatever the model called it once
                if n == 1 and lines[i] == "text" and (doc[i].pos_ != "PROPN" or after_name(doc, i, self.role_words)):
                    continue  # nor the "QC" of "Philippe Sands QC"
                if label == "PERSON" and lines[i] == "text" and i - 1 not in covered and self._name_word(doc, i - 1):
                    # "the Manmohan Singh-led government": another person of that surname
                    hit = Mention(i - 1, i + n, label, "propagated")
                    break
                if label == "PERSON" and i - 1 not in covered and i > 0 and self._initial_before(doc, i - 1):
                    i -= 1  # "S Easterby": an initial belongs to the name, and tells two Easterbys apart
                    n += 1
                hit = Mention(i, i + n, label, "propagated")
                break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _named_or_titled(self, doc: Doc, m: Mention) -> bool:
        """A person's mention after an honorific or a capitalised title, or linked to a full name that begins
        with a first name ("Tony Blair"; not the headline's "Blair Labour")."""
        tk = token_index(doc)
        prev = tk.lower[m.start - 1].rstrip(".") if m.start else ""
        titled = prev in self.honorifics or prev in self.title_heads and tk.text[m.start - 1].istitle()
        full = m.canonical or ""
        return titled or " " in full and full != self._name(doc, m) and first_name_gender(full.split()[0])[1] == SURE

    def _link_org_short_forms(self, doc: Doc, mentions: list[Mention]) -> None:
        """"Lockheed" after "Lockheed Martin", "AirTran" after "AirTran Airways": one organisation.
        A short form links only after its full name: a place before it ("Texas" ... "Texas Rangers")
        is as often the place itself, and the place tables do not know every state and town."""
        full_names: dict[str, str] = {}  # "Apple" and "Apple Inc.": one name but for the legal form
        for m in mentions:
            if m.label == "ORG" and not m.canonical:
                name = self._name(doc, m)
                if _org_rank(name) > _org_rank(full_names.get(org_key(name), "")):
                    full_names[org_key(name)] = name
        longs: dict[tuple[str, ...], set[str]] = defaultdict(set)
        first_seen: dict[tuple[str, ...], int] = {}
        for m in mentions:
            words = self._words(doc, m)
            if m.label != "ORG" or len(words) < 2:
                continue
            name = m.canonical or self._name(doc, m)
            name = full_names.get(org_key(name), name)
            # "Lockheed Martin Corp.": two words and a legal form
            two = len(words) > 2 and org_key(" ".join(words[:2])) == org_key(self._name(doc, m))
            # "Boeing Executive Vice President ...": a title that runs on is no part of the name
            after = token_index(doc).lower[m.end] if m.end < len(doc) else ""
            # (not a word that heads organisations' names: "a Labour Party spokesman")
            role = words[1].lower() in self.role_words and after in self.role_words \
                and self.name_heads.get(words[1].lower()) != "ORG"
            for k in range(1, len(words)):
                tail = [w.lower() for w in words[k:]]
                if self._firm_prefix(words, k):  # "Harrow" of "Harrow of Canada Ltd": the place is the firm's
                    longs[words[:k]].add(name)
                    first_seen.setdefault(words[:k], m.start)
                    continue
                if any(name_key(w) in self.aliases or name_key(w) in self.demonyms for w in words[k:]):
                    continue  # "Yukos USA", "GM Europe": a part of the company, not its full name
                if (len(words) == 2 or two and k == 1) and words[1][:1].isupper() and words[1].isalpha() \
                        and not role \
                        or all(w in self.org_suffixes for w in tail) \
                        or k == 1 and self._kind_tail(words):  # not "Airbus A380", a model
                    longs[words[:k]].add(name)
                    first_seen.setdefault(words[:k], m.start)
        own = self._names_of_their_own(doc, mentions, longs, first_seen)
        for m in mentions:
            words = self._words(doc, m)
            longest = full_names.get(org_key(self._name(doc, m))) if m.label == "ORG" and not m.canonical else None
            if longest and longest != self._name(doc, m):
                m.canonical = longest
                continue
            names = longs.get(words)
            if m.label == "PERSON" and self._named_or_titled(doc, m):
                continue  # "Mr Blair", "President Bush", "Blair" of "Tony Blair": not "the Blair Government"
            if names and len(names) == 1 and not m.fixed and m.label in ("ORG", "GPE", "PERSON") \
                    and (first_seen[words] < m.start or self._headline_short_form(doc, m, words, first_seen[words],
                                                                                  mentions)
                         or self._bare_person_word(doc, m)) \
                    and name_key(" ".join(words)) not in self.aliases:
                if words in own:  # a name of its own keeps its name; a "person" is an organisation's name
                    m.label = "ORG" if m.label == "PERSON" else m.label
                    continue
                m.label = "ORG"
                m.canonical = next(iter(names))

    def _kind_tail(self, words: tuple[str, ...]) -> bool:
        """"Britannia" of "Britannia Building Society", "Baikal" of "Baikal Finance Group": a first word that is
        no place of the tables, then two or three capitalised common words (the lemmatizer's) that end in an
        organisation's word, which say what kind of body the first word names (``_common_word`` of
        :mod:`.variants`); not a body inside another ("Senate Agriculture Committee": ``part`` heads)."""
        tail = words[1:]
        return 2 <= len(tail) <= 3 and all(w.istitle() and w.isalpha() and self._common_word(w) for w in tail) \
            and self._org_word(tail[-1].lower()) and tail[-1].lower() not in self.part_heads \
            and not self._place_name(name_key(words[0])) and name_key(words[0]) not in self.demonyms \
            and not known_place(words[0])

    def _firm_prefix(self, words: tuple[str, ...], k: int) -> bool:
        """"Gold Lake" of "Gold Lake of Australia Ltd": the words before the joining word of a firm's name
        that ends in a legal form (``firm_links.txt``) are its short form."""
        return words[k].lower() in self.firm_links and words[-1].replace(".", "").lower() in self.legal_forms \
            and words[k - 1][:1].isupper()

    def _names_of_their_own(self, doc: Doc, mentions: list[Mention], longs: dict[tuple[str, ...], set[str]],
                            first_seen: dict[tuple[str, ...], int]) -> set[tuple[str, ...]]:
        """Short forms the story writes on their own before the longer name, which adds a word that says no kind
        of organisation ("Liverpool" long before "the Liverpool Echo", "Apple" before "the Apple Insider site"):
        the longer name is another thing named after it, a paper, a site, a show. A longer name whose added
        words are an organisation's ("Labour" before "the Labour Party", ``org_suffixes.txt`` and the ORG heads
        of ``name_heads.tsv``, or their plurals: "Networks") is the short form's own full name."""
        tk = token_index(doc)
        cut = _headline_end(doc)  # a headline's short form is read by _headline_short_form
        out = set()
        for m in mentions:
            words = self._words(doc, m)
            names = longs.get(words)
            if not names or len(names) != 1 or first_seen[words] <= m.start or (0 <= cut and tk.idx[m.start] < cut):
                continue
            full = next(iter(names)).split()
            full = full[1:] if full[:1] in (["The"], ["the"]) else full
            tail = full[len(words):]
            if tuple(full[:len(words)]) == words and tail and not all(self._org_word(w.lower()) for w in tail):
                out.add(words)
        return out

    def _org_word(self, word: str) -> bool:
        """A word that says what kind of organisation a name is ("Party", "Airlines", "Networks")."""
        return any(w in self.org_suffixes or self.name_heads.get(w) == "ORG"
                   for w in (word, word[:-1] if word.endswith("s") else word))

    def _bare_person_word(self, doc: Doc, m: Mention) -> bool:
        """A one-word "person" that is no first name and no short form of a person's full name ("Labour and the
        Tories" before "a Labour Party spokesman"): the organisation it begins, wherever the full name is."""
        word = token_index(doc).text[m.start]
        return m.label == "PERSON" and m.end - m.start == 1 and m.canonical in (None, word) \
            and first_name_gender(word)[1] == 0

    def _headline_short_form(self, doc: Doc, m: Mention, words: tuple[str, ...], full_at: int,
                             mentions: list[Mention]) -> bool:
        """A headline calls a firm by the short form its story spells out below ("Boeing delivers final 717
        to AirTran" over "... to AirTran Airways"): in a first line with no closing stop, above the story, a
        short form that names no place the tables know links forward too, unless the story itself uses the
        short form before the full name ("Ford, the US car company" before "the Ford Freestyle crossover",
        "the Fiat conglomerate" before "Fiat Auto"): then it names a thing of its own."""
        tk = token_index(doc)
        cut = _headline_end(doc)
        if cut < 0 or tk.end[m.end - 1] > cut:
            return False
        if any(o.start < full_at and tk.idx[o.start] > cut and self._words(doc, o) == words for o in mentions):
            return False
        key = name_key(" ".join(words))
        return key not in self.city_country and key not in self.demonyms and key not in self.regional

    def _join_split_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Lockheed" + "Martin": the model cuts in two a name the article writes whole elsewhere
        ("Lockheed Martin Corp.", "Lockheed Martin's"). Two touching mentions on one line whose words
        together are a name of the article (an organisation's without its legal form) become one name,
        labelled as the first piece: which of the two readings wins is decided by the votes later."""
        tk = token_index(doc)
        whole = {tuple(org_key(tk.span(m.start, m.end)).split()) for m in mentions
                 if m.label in ("ORG", "PERSON") and m.end - m.start >= 2}
        whole.discard(())
        out: list[Mention] = []
        for m in sorted(mentions, key=lambda m: m.start):
            prev = out[-1] if out else None
            if prev is not None and prev.end == m.start and "\n" not in doc[m.start - 1].whitespace_ \
                    and (tuple(tk.lower[prev.start:m.end]) in whole or self._founder_name(doc, prev, m)) \
                    and not (prev.fixed or m.fixed):
                out[-1] = Mention(prev.start, m.end, prev.label, prev.source)
            else:
                out.append(m)
        return out

    def _founder_name(self, doc: Doc, prev: Mention, m: Mention) -> bool:
        """"Lockheed" (ORG) + "Martin" (PRODUCT or PERSON): a firm named for its founders, cut by the model
        before a word that is a personal name. One capitalised word, a first name in gender-guesser's lexicon,
        right after an organisation's name that is no first name itself, on one line and with one space
        between: "Airbus A330", "Apple iPod", "Toyota Prius" are products, and their words are no first names; a
        product cut so after "a" or "the" stays one ("the Renault Clio")."""
        tk = token_index(doc)
        word = tk.text[m.start]
        return prev.label == "ORG" and m.label in ("PERSON", "PRODUCT") and m.end - m.start == 1 \
            and tk.end[prev.end - 1] + 1 == tk.idx[m.start] and word.istitle() and word.isalpha() \
            and name_key(word) not in self.aliases and first_name_gender(word)[1] > 0 \
            and first_name_gender(tk.text[prev.start])[1] == 0 \
            and not (m.label == "PRODUCT" and prev.start and tk.lower[prev.start - 1] in self.determiners)

    def _extend_org_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"European Aeronautic Defence and Space Company": the model stops an organisation's name at
        an inner "and" or "&", or cuts it in two ORGs. The name goes on over capitalized words that
        belong to no other entity and end in an organisation word ("Company", "Group", "Airlines"), or
        over the next ORG when the article uses the initials of the whole ("KAMC"). "Boeing and
        Lockheed Martin" stay two names: no such word ends them, no acronym joins them. A name ends
        before a numbered thing it runs ("Air France Flight 447")."""
        tk = token_index(doc)
        texts, lowers = tk.text, tk.lower
        by_start = {m.start: m for m in mentions}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        # (a word with a lower-case letter is none: most words skip the pattern)
        acronyms = {t.replace(".", "") for t in texts if not t.islower() and ACRONYM_RE.match(t.replace(".", ""))}
        dropped = set()
        for m in mentions:  # "Air France Flight 447": the airline's name ends before "Flight"
            cut = next((k for k in range(m.start + 1, m.end) if lowers[k] in self.numbered_words
                        and k + 1 < tk.n and texts[k + 1][:1].isdigit()), None)
            if m.label == "ORG" and cut is not None:
                m.end, m.fixed = cut, True  # what runs a flight is an organisation, in the whole article
        for m in sorted(mentions, key=lambda m: m.start):
            e = m.end
            if id(m) in dropped or m.label != "ORG" or e - m.start < 2 or e + 1 >= tk.n \
                    or lowers[e] not in ("and", "&"):
                continue
            nxt = by_start.get(e + 1)
            k = e + 1
            while k < tk.n and k not in taken and k - e <= 4 and texts[k].isalpha() and _name_cased(texts[k]):
                k += 1
            if k > e + 1 and (lowers[k - 1] in self.org_suffixes or self._initials(doc, m.start, k) & acronyms):
                m.end = k
            elif nxt is not None and nxt.label == "ORG" and self._initials(doc, m.start, nxt.end) & acronyms \
                    and all(_name_cased(t) for t in texts[nxt.start:nxt.end]):
                m.end = nxt.end
                dropped.add(id(nxt))
        return [m for m in mentions if id(m) not in dropped]

    def _table_alias(self, doc: Doc, m: Mention) -> Alias | None:
        """The table entry a mention names: its own name, or for an organisation a country's name before a
        body of the table ("US Federal Reserve", "US Department of Justice"), which is that body."""
        key = name_key(self._name(doc, m))
        alias = self.aliases.get(key)
        if alias is None and m.label == "ORG" and key.count(" ") >= 2:
            country, _, rest = key.partition(" ")
            head, body = self.aliases.get(country), self.aliases.get(rest)
            if head is not None and head.kind == "country" and body is not None and body.kind == "org":
                return body
        return alias

    def _canonicalize(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> dict[str, str]:
        """Fill in canonical names; returns the article's name for each alias-table entry it uses."""
        names = {}
        groups: dict[str, list[Mention]] = defaultdict(list)
        mixed_case = {}
        renamed: dict[tuple[str, str], str] = {}
        for m in mentions:
            if m.canonical is None and m.label != "PERSON":
                alias = self._table_alias(doc, m)
                if alias:
                    groups[alias.canonical].append(m)
            if lines[m.start] == "text":
                mixed_case.setdefault(name_key(self._name(doc, m)), m.canonical or self._name(doc, m))
        for table_name, group in groups.items():
            canonical = table_name
            texts = {self._name(doc, m) for m in group}
            if canonical not in texts:
                full = [t for t in texts if name_key(t) in self.aliases and not self.aliases[name_key(t)].informal
                        and "." not in t and not t.isupper() and name_key(t) != name_key(canonical)]
                full = [t[4:] if t.lower().startswith("the ") else t for t in full]
                longest = max(full, key=lambda t: (len(t.split()), len(t)), default="")
                # "Kyrgyz Republic" is fuller than "Kyrgyzstan"; "Britain" not fuller than "United Kingdom".
                if len(longest.split()) > len(canonical.split()):
                    canonical = longest
            for m in group:
                m.canonical = canonical
            names[table_name] = canonical
            renamed.update(((m.label, text), canonical) for m in group for text in texts)
        for m in mentions:  # "WTO", bound to the "World Trade Organisation" it stands for, is the table's name too
            if m.canonical is not None and (m.label, m.canonical) in renamed:
                m.canonical = renamed[m.label, m.canonical]
            if m.canonical is None:
                name = self._name(doc, m)
                recased = name.title() if lines[m.start] == "caps" else name
                m.canonical = mixed_case.get(name_key(name)) or recased
        return names


def _org_rank(name: str) -> tuple[bool, int]:
    """Which of an organisation's names the article writes is canonical: one without a legal form
    ("Apple" over "Apple Inc."), then the longest. A legal form the article never leaves out stays:
    it can be part of the name ("News Corp")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and not has_legal_form(name), len(name)


def _name_cased(word: str) -> bool:
    """Written as a name: a capital first ("Boeing", "AirTran", "McDonnell", "EADS"), not the plural
    of an acronym ("GDRs", "MPs")."""
    return word[:1].isupper() and not (len(word) > 2 and word.endswith("s") and word[:-1].isupper())


def _headline_end(doc: Doc) -> int:
    """Where the headline above the story ends: its first line, when that has no closing stop; else -1."""
    text = token_index(doc).doc_text
    cut = text.find("\n")
    return -1 if cut < 0 or text[:cut].rstrip()[-1:] in ".!?\"'”’:" else cut
