"""Component ``newsfacts_quotes``: direct, partial and indirect quotes with their speakers.

How it reads an article:

1. Quoted spans are found on the characters, paragraph by paragraph (every line break ends a
   paragraph): curly or straight double marks, doubled straight singles (''…''), and single marks
   at the top level (single marks inside double ones are nested quotes and stay in the text). A
   paragraph that opens a quote without closing it continues in the next paragraph if that one
   opens with a quote mark (the newspaper convention); a straight mark reopened after a sentence
   inside an open quote ("One. "Two.") starts a new part of the same quote.
2. Each span is classified: ``direct`` (speech: it opens a sentence, follows a colon or a dash, or a
   reporting clause is attached to it with a comma), ``partial`` (a fragment of four or more words,
   or any attributed fragment, inside the writer's sentence), or dropped: titles of works,
   nicknames, slogans and scare quotes (a naming word from ``models/quotes/title_cues.txt`` next
   to it, a WORK_OF_ART entity, short title case, or a short fragment with no reporting verb).
3. Parts of one speaker's quote become one quote (config ``join``): “We intend,” he said, “to go.”
   and, by default, also “We intend,” he said. “We go.” Its ``start``/``end`` run from the first
   word of the first part to the last word of the last part and its ``text`` is the parts joined
   with one space (paragraph parts with a newline): for joined and multi-paragraph quotes ``text``
   is *not* ``doc.text[start:end]``; for every other quote it is. ``text`` never holds the outer
   marks nor the comma before the closing mark.
4. The speaker is the subject of a reporting verb (``models/quotes/reporting_verbs.txt``) next to
   the quote, in either order, the object of "according to", "X quoted Y as saying", a name signed
   after a dash (“…” ― Jane Doe) or before a colon (Jane Doe: “…”). Appositions ("Hill, a doctor,"),
   pronouns (he/she: the nearest person subject of this or the previous sentence whose honorific
   or description does not contradict the pronoun; it/they: an organisation) and descriptions
   ("the minister" via ``doc._.roles`` or a title word before a name, "the company" via the
   nearest organisation) are resolved to canonical names from ``doc._.entities`` (``doc.ents``
   when that is unset); ``speaker_start``/``speaker_end`` keep the mention the quote was
   attributed through. An unresolved description keeps its own words as speaker, label None;
   an unresolved pronoun has speaker None. A direct quote without attribution continues the
   speaker of the previous quote or reported speech in the same or the previous paragraph.
5. Reported speech without marks ("X said that …", "…, X said", "Officials, he said, should act",
   "according to X, …") is kept as ``indirect`` with the reported clause as its span, unless the
   clause holds a direct quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsfacts.extensions import doc_text
from newsfacts.records import Entity, Quote

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT + OPEN_SINGLE + CLOSE_SINGLE + "'"
ANY_MARK = re.compile("[“”„«»\"‘’'`]")
BOUNDARY_PUNCT = ".?!;"
GROUP_PRONOUNS = {"they", "them", "we", "us", "it"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SUBORDINATORS = {"when", "as", "because", "after", "before", "while", "if", "since", "though", "although"}
DASHES = {"―", "—", "–", "-", "--"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# What may stand between the attribution and the next part for the parts to join (config "join").
JOIN_AFTER = {
    "split": (",", "—", "–", ":"),  # “We intend,” he said, “to go.”
    "attribution": (",", "—", "–", ":", "."),  # also “We intend,” he said. “We go.”
    "none": (),
}
TIME_LABELS = {"DATE", "TIME"}
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def read_words(path: str | Path) -> set[str]:
    """One lower-cased entry per line; blank lines and ``#`` comments ignored."""
    words = set()
    for line in Path(path).read_text(encoding="utf8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return words


@dataclass
class Segment:
    """A quoted stretch: one or more parts (start, end) inside the marks."""

    parts: list[tuple[int, int]]
    open_at: int  # index of the first opening mark
    close_at: int  # index just after the last closing mark
    paragraph: int
    kind: str = "direct"
    verb: Span | None = None
    speaker: tuple | None = None  # (canonical, start, end, label)
    breaks: set[int] = field(default_factory=set)  # part starts that open a new paragraph

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: every line break ends a paragraph (blank lines or not)."""
    spans, pos = [], 0
    for m in re.finditer(r"\n\s*", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _is_opening(text: str, i: int, length: int = 1) -> bool:
    """A mark at i opens a quote: nothing word-like before it, a word (or mark) after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:" or before in OPEN_DOUBLE + OPEN_SINGLE


def _double_mark(text: str, i: int) -> int:
    """Length of a double quote mark at i: “ ” „ « » " or two straight single marks ('' or ``)."""
    ch = text[i]
    if ch in OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT:
        return 1
    if text.startswith("''", i) or text.startswith("``", i):
        return 2
    return 0


def _find_single_close(text: str, start: int, limit: int) -> int | None:
    """The ’ or ' closing a single-quoted span opened before ``start``, in the same paragraph."""
    for j in range(start, limit):
        ch = text[j]
        if ch in OPEN_DOUBLE or text.startswith("''", j):
            return j if text.startswith("''", j) and not text[j - 1].isspace() else None
        if ch in CLOSE_SINGLE + "'" and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalnum():
                return j
    return None


def find_segments(text: str) -> list[Segment]:
    """Every quoted span of the text, a quote continued over paragraphs merged into one segment."""
    paras = paragraphs(text)
    segments: list[Segment] = []
    carried: Segment | None = None  # a quote left open at the end of the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paras):
        current, part_start, i, depth = None, p_start, p_start, 0
        if carried is not None:
            mark = _double_mark(text, p_start)
            if mark:
                current, part_start, i = carried, p_start + mark, p_start + mark
                carried.breaks.add(part_start)
            else:
                segments.append(carried)
        carried = None
        while i < p_end:
            found = ANY_MARK.search(text, i, p_end)
            if found is None:
                break
            i = found.start()
            ch = text[i]
            mark = _double_mark(text, i)
            if current is None:
                if mark and _is_opening(text, i, mark):
                    current = Segment(parts=[], open_at=i, close_at=i, paragraph=p_index)
                    part_start, depth = i + mark, 0
                    i += mark
                    continue
                if ch in OPEN_SINGLE + "'" and _is_opening(text, i) and text[i + 1].isalpha():
                    close = _find_single_close(text, i + 1, p_end)
                    if close is not None:
                        length = 2 if text.startswith("''", close) else 1
                        segments.append(Segment([(i + 1, close)], i, close + length, p_index))
                        i = close + length
                        continue
            elif mark:
                if ch == STRAIGHT and text[i - 1].isspace() and _is_opening(text, i, mark):
                    # "First sentence. "Second sentence." — a new part of the same quote (BBC style).
                    current.parts.append((part_start, i))
                    part_start = i + mark
                elif ch in OPEN_DOUBLE and text[i - 1].isspace():
                    depth += 1  # a double-marked quote nested inside a double-marked one
                elif depth and ch in CLOSE_DOUBLE:
                    depth -= 1
                else:
                    current.parts.append((part_start, i))
                    current.close_at = i + mark
                    segments.append(current)
                    current = None
                i += mark
                continue
            i += 1
        if current is not None:
            current.parts.append((part_start, p_end))
            current.close_at = p_end
            carried = current
    if carried is not None:
        segments.append(carried)
    cleaned = []
    for seg in segments:
        trimmed = [_trim(text, s, e) for s, e in seg.parts]
        seg.breaks = {t[0] for t, (s, _) in zip(trimmed, seg.parts, strict=True) if s in seg.breaks}
        seg.parts = [p for p in trimmed if p[1] > p[0]]
        if seg.parts:
            cleaned.append(seg)
    return cleaned


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, stray marks and the trailing comma (or dash) inside the marks."""
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in ",—–-" + OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT
    ):
        end -= 1
    return start, end


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str | None
    canonical: str


Speaker = tuple[str | None, int, int, str | None]  # canonical, start, end, label


class QuoteFinder:
    """The component: word lists are read once in the factory; each call reads one Doc."""

    def __init__(
        self,
        verbs: set[str],
        title_cues: set[str],
        gender_words: dict[str, str],
        organisation_nouns: set[str],
        min_partial_words: int,
        max_title_words: int,
        join: str = "attribution",
    ):
        self.verbs = verbs
        self.gender_words = gender_words
        self.organisation_nouns = organisation_nouns
        self._hashes = None
        self.title_cues = title_cues
        self.min_partial_words = min_partial_words
        self.max_title_words = max_title_words
        self.join_after = JOIN_AFTER[join]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ctx = _Context(doc, text, _mentions(doc), find_segments(text), self.gender_words)
        kept = []
        for seg in ctx.segments:
            self.classify(ctx, seg)
            if seg.kind != "drop":
                kept.append(seg)
        kept = self.join_split(ctx, kept)
        quotes = [self.to_quote(ctx, seg) for seg in kept]
        # Reported speech may hold a partial quote, but never a direct one or its verb.
        direct = [seg for seg in kept if seg.kind == "direct"]
        used = {seg.verb.start for seg in direct if seg.verb is not None}
        quotes += self.indirect(ctx, used, [(seg.open_at, seg.close_at) for seg in direct])
        quotes.sort(key=lambda q: q.start)
        doc._.quotes = self.carry_speakers(ctx, quotes)
        return doc

    # -- classification ----------------------------------------------------------------------

    def classify(self, ctx: _Context, seg: Segment) -> None:
        """Decide direct / partial / drop and find the attribution next to the quote."""
        doc, text = ctx.doc, ctx.text
        inside = [t for t in ctx.tokens_between(seg.start, seg.end) if not t.is_punct and not t.is_space]
        n_words = len(inside)
        before = ctx.window_before(seg)
        after = ctx.window_after(seg)
        content = text[seg.start : seg.end]
        ends_sentence = content.rstrip("’'\"”)").endswith(".")
        pre = text[before[0].idx : seg.open_at].strip() if before else ""
        verb = None
        if pre.endswith((":", ",")):  # Smith said: “…” / Smith said, “…”
            verb = self.find_verb(before, from_start=False)
        if verb is None and _attaches_after(after, ends_sentence):  # “…,” Smith said
            verb = self.find_verb(after, from_start=True)
        if verb is None:
            verb = self.find_verb(before, from_start=False)
        if verb is None and not before:
            verb = self.find_verb(ctx.window_before_paragraph(seg), from_start=False)
        opens_sentence = not pre or pre.endswith(":") or (pre.endswith(",") and verb is not None)
        opens_sentence = opens_sentence or (pre.endswith(tuple(DASHES)) and content[:1].isupper())
        opens_sentence = opens_sentence or bool(verb is not None and before and verb.i == before[-1].i)
        # Names and titles: a naming word right before or after, a work of art, or short title case.
        if self.is_title(ctx, seg, before, after, verb, n_words, content, opens_sentence):
            seg.kind = "drop"
            return
        if verb is None and n_words < self.min_partial_words:
            seg.kind = "drop"
            return
        if content[:1].islower() and not pre.endswith(":"):
            opens_sentence = False  # “… said that under Obama, “the generals have been …”
        seg.kind = "direct" if opens_sentence else "partial"
        if verb is not None:
            seg.verb = _verb_span(doc, verb)
            seg.speaker = self.speaker_of(ctx, verb)
        elif opens_sentence:
            seg.speaker = _signed(ctx, after) or _labelled(ctx, before)
        else:
            # A fragment woven into the writer's sentence: the subject of the verb it depends on
            # ("Critics accused the mayor of “selling the city,”").
            governor = _governing_verb(ctx, seg)
            if governor is not None:
                seg.speaker = self.speaker_of(ctx, governor)
                seg.verb = _verb_span(doc, governor) if seg.speaker else None

    def is_title(self, ctx, seg, before, after, verb, n_words, content, opens_sentence) -> bool:
        """Titles of works, names, slogans: a naming word next to the span, or short title case."""
        if any(m.label == "WORK_OF_ART" and m.start <= seg.start and m.end >= seg.end for m in ctx.mentions):
            return True
        if n_words > self.max_title_words:
            return False
        prev_words = [t for t in before if not t.is_punct and t.lower_ not in ("a", "an", "the")]
        if prev_words and prev_words[-1].lower_ in self.title_cues and prev_words[-1].i == before[-1].i:
            return True
        if verb is None:
            next_words = [t for t in after if not t.is_punct and t.lower_ not in ("a", "an", "the")]
            if next_words and next_words[0].lower_ in self.title_cues:
                return True
        if verb is None or not opens_sentence:
            words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", content) if len(w) > 3]
            if words and all(w[0].isupper() for w in words):
                return True
        return False

    def find_verb(self, window: list[Token], from_start: bool) -> Token | None:
        """The reporting verb (or "according to") in a window, nearest the quote."""
        order = window if from_start else list(reversed(window))
        for t in order:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                return t
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.verbs:
                return t
        return None

    # -- speakers ----------------------------------------------------------------------------

    def speaker_of(self, ctx: _Context, verb: Token) -> Speaker | None:
        subject = self.subject_token(ctx, verb)
        if subject is not None and subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "an architect who said …"
        if subject is not None and (
            ctx.paragraph_of(subject.idx) != ctx.paragraph_of(verb.idx)
            or ctx.in_quote(subject.idx)
            or subject.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X")
        ):
            # The parser took words of the quote, or of a headline run into the sentence, as subject.
            subject = _next_to(ctx, verb)
        if subject is None or ctx.paragraph_of(subject.idx) != ctx.paragraph_of(verb.idx):
            return None
        return self.resolve(ctx, subject)

    def subject_token(self, ctx: _Context, verb: Token) -> Token | None:
        if verb.lower_ == "according":
            to = verb.nbor(1)
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
            return to.nbor(1) if to.i + 1 < len(verb.doc) else None
        if verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).pos_ in ("PROPN", "PRON"):
            return verb.nbor(-1)  # "footage of Clinton asking, “…”"
        head = verb
        for _ in range(4):
            if head is not verb and head.lemma_ == "quote":  # "quoted Djamal as saying", "was quoted as"
                quoted = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
                if quoted:
                    return quoted[0]
            subjects = [
                c for c in head.children if c.dep_ in SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)
            ]
            if subjects:  # the nearest, when the parser found several
                return min(subjects, key=lambda c: abs(c.i - head.i))
            for agent in (c for c in head.children if c.dep_ == "agent"):
                for c in agent.children:
                    if c.dep_ == "pobj":
                        return c
            if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
                return head.head  # "Smith, who said …"
            if head.dep_ in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep") and head.head is not head:
                head = head.head
                continue
            break
        return _next_to(ctx, verb)  # the parse failed around the marks

    def resolve(self, ctx: _Context, token: Token) -> Speaker:
        """Canonical speaker for a subject token; the mention kept is the one in the attribution."""
        mention = ctx.mention_at(token.idx)
        if mention is not None:
            return (mention.canonical, mention.start, mention.end, mention.label)
        if token.dep_ == "appos" and token.head.i < token.i:
            named = ctx.mention_at(token.head.idx)  # "Flynn, a top surrogate, said"
            if named is not None and named.label in SPEAKER_LABELS:
                return (named.canonical, named.start, named.end, named.label)
        # "The Shadow Secretary of State for the Family, Theresa May, said": the name in apposition.
        for child in token.subtree:
            if child.dep_ == "appos" and child.i > token.i:
                m = ctx.mention_at(child.idx) or ctx.mention_in(child)
                if m is not None and m.label == "PERSON" or (m is not None and child.head == token):
                    return (m.canonical, m.start, m.end, m.label)
                if m is None and child.head == token and child.pos_ == "PROPN":
                    name = ctx.doc[child.left_edge.i : child.i + 1]  # a name the model did not tag
                    return (name.text, name.start_char, name.end_char, None)
        lower = token.lower_
        start, end = token.idx, token.idx + len(token.text)
        if token.pos_ == "PRON" or lower in PRONOUN_GENDER or lower in GROUP_PRONOUNS:
            m = None
            if lower in PRONOUN_GENDER:
                m = ctx.previous_person(token)
            elif lower in ("it", "they"):
                m = ctx.previous_organisation(token, recent_only=lower == "they")
            if m is not None:
                return (m.canonical, start, end, m.label)
            return (None, start, end, None)
        span = ctx.doc[token.left_edge.i : token.i + 1]
        while len(span) > 1 and span[0].pos_ in ("DET", "PUNCT"):
            span = span[1:]
        # A description: a role held by someone named in the article, or an organisation's name.
        holder = ctx.role_holder(token)
        if holder is not None:
            return (holder[0], span.start_char, span.end_char, "PERSON")
        m = ctx.named_like(token)
        if m is None and token.pos_ == "NOUN" and token.lemma_.lower() in self.organisation_nouns:
            m = ctx.previous_organisation(token, recent_only=False)
        if m is not None:
            return (m.canonical, span.start_char, span.end_char, m.label)
        return (span.text, span.start_char, span.end_char, None)

    # -- split quotes ------------------------------------------------------------------------

    def join_split(self, ctx: _Context, segments: list[Segment]) -> list[Segment]:
        """“We intend,” he said, “to go.” → one quote with one speaker.

        Also “We intend,” he said. “We go.”: a part with no attribution of its own that follows the
        attribution of the previous part in the same paragraph continues that quote.
        """
        text = ctx.text
        out: list[Segment] = []
        for seg in segments:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.kind == "direct"
                and prev.verb is not None
                and ctx.paragraph_of(prev.close_at - 1) == seg.paragraph
                and prev.verb.start_char >= prev.close_at
                and prev.verb.end_char <= seg.open_at
                and (seg.verb is None or seg.verb.start == prev.verb.start)
                and text[prev.close_at : seg.open_at].rstrip().endswith(self.join_after)
                and len(text[prev.close_at : seg.open_at]) < 400
                and not _another_clause(ctx.tokens_between(prev.close_at, seg.open_at), prev.verb.root)
            ):
                seg.kind = "direct"
                prev.parts.extend(seg.parts)
                prev.breaks |= seg.breaks
                prev.close_at = seg.close_at
                continue
            out.append(seg)
        return out

    # -- reported speech ---------------------------------------------------------------------

    def indirect(self, ctx: _Context, used: set[int], direct: list[tuple[int, int]]) -> list[Quote]:
        """ "X said (that) …", "…, X said", "according to X, …": the reported clause and its speaker."""
        doc = ctx.doc
        out = []
        lemmas = doc.to_array([LEMMA, LOWER])
        wanted = self.verb_hashes(doc)
        for i in numpy.flatnonzero(numpy.isin(lemmas[:, 0], wanted) | numpy.isin(lemmas[:, 1], wanted)):
            t = doc[int(i)]
            if t.i in used:
                continue
            if t.lower_ == "according" and t.i + 1 < len(doc) and t.nbor(1).lower_ == "to":
                span = self.according_content(ctx, t)
            elif t.lemma_.lower() in self.verbs and t.pos_ == "VERB":
                comps = [c for c in t.children if c.dep_ == "ccomp"]
                if comps:
                    span = doc[comps[0].left_edge.i : comps[0].right_edge.i + 1]
                elif t.dep_ == "parataxis" and t.head.pos_ in ("VERB", "AUX"):
                    span = self.parenthetical_content(ctx, t)  # "Officials, he said, should act."
                else:
                    continue
                while len(span) > 1 and (span[0].lower_ == "that" or span[0].is_punct):
                    span = span[1:]
            else:
                continue
            if span is None:
                continue
            p_start, p_end = ctx.paras[ctx.paragraph_of(t.idx)]
            while len(span) > 1 and (span[0].is_punct or span[0].is_space or span[0].idx < p_start):
                span = span[1:]
            while len(span) > 1 and (span[-1].is_punct or span[-1].is_space or span[-1].idx >= p_end):
                span = span[:-1]
            if len(span) < 3:
                continue
            if any(s < span.end_char and span.start_char < e for s, e in direct):
                continue
            speaker = self.speaker_of(ctx, t)
            if speaker is None:
                continue
            verb = _verb_span(doc, t)
            q = Quote(
                span.start_char,
                span.end_char,
                span.text,
                kind="indirect",
                verb=verb.text,
                verb_start=verb.start_char,
                verb_end=verb.end_char,
            )
            q.speaker, q.speaker_start, q.speaker_end, q.speaker_label = speaker
            out.append(q)
        return out

    def verb_hashes(self, doc: Doc):
        """Hashes of the reporting verbs (as lemma or lower-case form) and "according" in this vocab."""
        if self._hashes is None or self._hashes[0] is not doc.vocab.strings:
            strings = doc.vocab.strings
            self._hashes = (
                strings,
                numpy.array([strings.add(w) for w in self.verbs | {"according"}], dtype="uint64"),
            )
        return self._hashes[1]

    def parenthetical_content(self, ctx: _Context, verb: Token) -> Span:
        """The sentence around an inserted attribution, without it when it stands at either end."""
        sent = ctx.sentence(verb)
        first, last = verb.left_edge.i, verb.right_edge.i
        if first <= sent.start:
            return ctx.doc[last + 1 : sent.end]
        if last >= sent.end - 2:
            return ctx.doc[sent.start : first]
        return sent

    def according_content(self, ctx: _Context, according: Token) -> Span | None:
        sent = ctx.sentence(according)
        phrase = according.doc[according.i : according.nbor(1).right_edge.i + 1]
        if phrase.start - sent.start <= 1:
            span = sent.doc[phrase.end : sent.end]
        else:
            span = sent.doc[sent.start : phrase.start]
        while len(span) > 1 and span[0].is_punct:
            span = span[1:]
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        return span

    # -- output ------------------------------------------------------------------------------

    def to_quote(self, ctx: _Context, seg: Segment) -> Quote:
        text = ctx.text
        pieces = []
        for i, (s, e) in enumerate(seg.parts):
            if i:
                pieces.append("\n" if s in seg.breaks else " ")
            pieces.append(text[s:e])
        q = Quote(start=seg.start, end=seg.end, text="".join(pieces), kind=seg.kind)
        if seg.speaker is not None:
            q.speaker, q.speaker_start, q.speaker_end, q.speaker_label = seg.speaker
        if seg.verb is not None:
            q.verb, q.verb_start, q.verb_end = seg.verb.text, seg.verb.start_char, seg.verb.end_char
        return q

    def carry_speakers(self, ctx: _Context, quotes: list[Quote]) -> list[Quote]:
        """A direct quote with no attribution of its own continues the previous speaker nearby.

        Its speaker mention is the one the previous quote (or reported speech) was attributed
        through, in the same or the previous paragraph; its verb stays empty.
        """
        previous: Quote | None = None
        for q in quotes:
            if q.speaker_start is None and q.kind == "direct" and previous is not None:
                if ctx.paragraph_of(q.start) - ctx.paragraph_of(previous.end) <= 1:
                    q.speaker, q.speaker_start, q.speaker_end = (
                        previous.speaker,
                        previous.speaker_start,
                        previous.speaker_end,
                    )
                    q.speaker_label = previous.speaker_label  # no verb: this quote has none of its own
            if q.speaker_start is not None:
                previous = q
        return quotes


class _Context:
    """Per-document lookups: tokens by character, quote regions, mentions, paragraphs."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        mentions: list[Mention],
        segments: list[Segment],
        gender_words: dict[str, str],
    ):
        self.doc = doc
        self.text = text
        self.gender_words = gender_words
        self._genders: dict[str, str] | None = None
        self.mentions = mentions
        self.segments = segments
        self.paras = paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self.token_starts = doc.to_array("IDX").tolist()
        self._sent_starts: list[int] | None = None
        self.mention_starts = [m.start for m in mentions]
        self.regions = sorted((s.open_at, s.close_at) for s in segments)
        self.region_starts = [r[0] for r in self.regions]

    def sentence(self, token: Token) -> Span:
        """``token.sent`` without walking the document again for every lookup."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents] + [len(self.doc)]
        i = bisect_right(self._sent_starts, token.i) - 1
        return self.doc[self._sent_starts[i] : self._sent_starts[i + 1]]

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self.para_starts, char) - 1, 0)

    def in_quote(self, char: int) -> bool:
        i = bisect_right(self.region_starts, char) - 1
        return i >= 0 and self.regions[i][0] <= char < self.regions[i][1]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        a = bisect_left(self.token_starts, start)
        b = bisect_left(self.token_starts, end)
        return list(self.doc[a:b])

    def window_after(self, seg: Segment) -> list[Token]:
        """Tokens after the closing mark up to a sentence end, another quote or the paragraph end."""
        p_end = self.paras[self.paragraph_of(seg.close_at - 1)][1]
        out = []
        for t in self.doc[bisect_left(self.token_starts, seg.close_at) :]:
            if t.idx >= p_end or self.in_quote(t.idx) or t.text in BOUNDARY_PUNCT:
                break
            if not t.is_space:
                out.append(t)
        return out

    def window_before(self, seg: Segment) -> list[Token]:
        """Tokens before the opening mark back to a sentence end, another quote or the paragraph start."""
        return self.window_back_from(seg.open_at, self.paras[self.paragraph_of(seg.open_at)][0])

    def window_before_paragraph(self, seg: Segment) -> list[Token]:
        """The end of the previous paragraph when it introduces this one: "Smith told reporters:"."""
        p = self.paragraph_of(seg.open_at)
        if p == 0 or self.paras[p][0] != seg.open_at:
            return []
        end = self.paras[p - 1][1]
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return self.window_back_from(end, self.paras[p - 1][0]) if self.text[end - 1 : end] == ":" else []

    def window_back_from(self, char: int, p_start: int) -> list[Token]:
        out = []
        for i in range(bisect_left(self.token_starts, char) - 1, -1, -1):
            t = self.doc[i]
            if t.idx < p_start or self.in_quote(t.idx) or t.text in BOUNDARY_PUNCT:
                break
            if not t.is_space:
                out.append(t)
        out.reverse()
        return out

    def mention_at(self, char: int) -> Mention | None:
        i = bisect_right(self.mention_starts, char) - 1
        if i >= 0 and self.mentions[i].start <= char < self.mentions[i].end:
            return self.mentions[i]
        return None

    def mention_in(self, token: Token) -> Mention | None:
        for t in token.subtree:
            m = self.mention_at(t.idx)
            if m is not None and m.label in SPEAKER_LABELS:
                return m
        return None

    def previous_person(self, token: Token) -> Mention | None:
        """The person a pronoun refers to.

        The nearest person who is a subject in this or the previous sentence, else the nearest
        person mentioned; people whose honorific or description ("Mr", "spokeswoman") does not
        fit the pronoun are skipped.
        """
        want = PRONOUN_GENDER.get(token.lower_)
        cutoff = self.previous_sentence_start(token)
        nearest = fallback = None
        for m in self.mentions_before(token, "PERSON"):
            fallback = fallback or m
            if want is not None and self.gender(m.canonical) not in (None, want):
                continue
            if m.start >= cutoff and self.is_subject(m):
                return m
            nearest = nearest or m
        return nearest or fallback

    def previous_organisation(self, token: Token, recent_only: bool) -> Mention | None:
        """What "it", "they" or "the company" stands for: the nearest organisation subject in this or
        the previous sentence, else (unless ``recent_only``) the nearest organisation mentioned."""
        cutoff = self.previous_sentence_start(token)
        nearest = None
        for m in self.mentions_before(token, "ORG"):
            if m.start >= cutoff and self.is_subject(m):
                return m
            nearest = nearest or m
        return None if recent_only else nearest

    def mentions_before(self, token: Token, label: str) -> Iterator[Mention]:
        """Mentions with ``label`` ending before ``token``, nearest first, within 3,000 characters."""
        i = bisect_right(self.mention_starts, token.idx) - 1
        while i >= 0 and self.mentions[i].start > token.idx - 3000:
            m = self.mentions[i]
            i -= 1
            if m.label == label and m.end <= token.idx:
                yield m

    def previous_sentence_start(self, token: Token) -> int:
        """Where the sentence before ``token``'s starts (0 in the first sentence)."""
        sent = self.sentence(token)
        return self.sentence(self.doc[sent.start - 1]).start_char if sent.start > 0 else 0

    def is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)

    def gender(self, canonical: str) -> str | None:
        """'f' or 'm' when a word next to some mention of the person says so, else None."""
        if self._genders is None:
            self._genders = {}
            for m in self.mentions:
                if m.label != "PERSON":
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                near = list(span[:1])
                if span.start > 0:
                    near.append(self.doc[span.start - 1])
                near += [c for c in span.root.children if c.dep_ == "appos"]
                if span.root.dep_ == "appos":
                    near.append(span.root.head)
                for t in near:
                    g = self.gender_words.get(t.lower_) or self.gender_words.get(t.lemma_.lower())
                    if g:
                        self._genders.setdefault(m.canonical, g)
        return self._genders.get(canonical)

    def role_holder(self, token: Token) -> tuple[str, int, int] | None:
        """The person whose stated role or title contains the noun ("the minister", "the senator")."""
        word = token.lower_
        best = None
        for r in self.doc._.roles or []:
            if word in r.role.lower().split() and r.start < token.idx:
                best = (r.person, r.person_start, r.person_end)
        if best is not None or token.pos_ not in ("NOUN", "PROPN"):
            return best
        # Without roles: a person named right after the same title word ("Senator Elizabeth Warren").
        i = bisect_right(self.mention_starts, token.idx) - 1
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if m.label != "PERSON" or m.end > token.idx:
                continue
            j = bisect_left(self.token_starts, m.start)
            titles = [self.doc[k] for k in range(max(j - 3, 0), j)]
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                titles += list(span[:-1])
            if any(t.lower_ == word or t.lemma_.lower() == token.lemma_.lower() for t in titles):
                return (m.canonical, m.start, m.end)
        return None

    def named_like(self, token: Token) -> Mention | None:
        """The organisation or person whose name contains the description's noun ("the ministry")."""
        word = token.lower_
        if not token.pos_ == "NOUN" or len(word) < 4:
            return None
        best = None
        for m in self.mentions:
            if m.start >= token.idx:
                break
            if m.label in SPEAKER_LABELS and word in m.canonical.lower().split():
                best = m
        return best


def _mentions(doc: Doc) -> list[Mention]:
    """Entity mentions with canonical names: doc._.entities when set, else the model's doc.ents."""
    ents = doc._.entities
    if ents is None:
        ents = [Entity(e.start_char, e.end_char, e.text, e.label_, e.text) for e in doc.ents]
    return sorted((Mention(e.start, e.end, e.label, e.canonical) for e in ents), key=lambda m: m.start)


def _next_to(ctx: _Context, verb: Token) -> Token | None:
    """The name or pronoun right after ("said Smith", "said the mayor") or right before the verb.

    Before the verb, a parenthesis ("Cummings (D-Md.) said") and adverbs ("Smith later said") are
    skipped. Words inside quote marks are never speakers.
    """
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if (
        i < len(doc)
        and doc[i].pos_ in ("PROPN", "PRON", "NOUN")
        and doc[i].ent_type_ not in TIME_LABELS
        and not ctx.in_quote(doc[i].idx)
    ):
        nxt = doc[i]
        while nxt.i + 1 < len(doc) and nxt.dep_ == "compound" and nxt.head.i > nxt.i:
            nxt = doc[nxt.i + 1]
        return nxt
    i, depth = verb.i - 1, 0
    while i >= 0 and verb.i - i < 12:
        t = doc[i]
        if ctx.in_quote(t.idx) or t.text in BOUNDARY_PUNCT:
            return None
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and t.text == ",":
            # Only an apposition may stand between a name and its verb: "Hill, a doctor, said".
            j = i - 1
            return doc[j] if j >= 0 and doc[j].dep_ == "appos" else None
        elif depth == 0 and t.pos_ in ("PROPN", "PRON", "NOUN") and t.ent_type_ not in TIME_LABELS:
            return t
        elif (
            depth == 0
            and t.pos_ not in ("ADV", "AUX", "PART", "PUNCT", "SPACE")
            and t.ent_type_ not in TIME_LABELS
        ):
            return None
        i -= 1
    return None


def _labelled(ctx: _Context, before: list[Token]) -> Speaker | None:
    """A quote introduced by a name and a colon, without a verb: "City boss Kevin Keegan: “…”"."""
    if len(before) < 2 or before[-1].text != ":" or len(before) > 10:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    return _name_at(ctx, before[-2], before)


def _governing_verb(ctx: _Context, seg: Segment) -> Token | None:
    """The nearest verb outside the quote that the quoted words hang from and that has a subject."""
    inside = ctx.tokens_between(seg.start, seg.end)
    if not inside:
        return None
    token = inside[0]
    for _ in range(8):
        if token.head is token:
            return None
        token = token.head
        if ctx.in_quote(token.idx):
            continue
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return token
    return None


def _signed(ctx: _Context, after: list[Token]) -> Speaker | None:
    """A quote signed with a dash and a name: “…” ― Jane Doe."""
    if len(after) < 2 or after[0].text not in DASHES:
        return None
    return _name_at(ctx, after[1], after)


def _name_at(ctx: _Context, token: Token, within: list[Token]) -> Speaker | None:
    """The speaker named at ``token``: the entity mention there, else the run of proper nouns
    around it inside ``within`` (a name the model did not tag)."""
    m = ctx.mention_at(token.idx)
    if m is not None and m.label in SPEAKER_LABELS:
        return (m.canonical, m.start, m.end, m.label)
    if token.pos_ != "PROPN":
        return None
    lo, hi = within[0].i, within[-1].i
    first = last = token
    while first.i > lo and first.nbor(-1).pos_ == "PROPN":
        first = first.nbor(-1)
    while last.i < hi and last.nbor(1).pos_ == "PROPN":
        last = last.nbor(1)
    span = token.doc[first.i : last.i + 1]
    return (span.text, span.start_char, span.end_char, None)


def _another_clause(tokens: list[Token], verb: Token) -> bool:
    """Between two parts, a clause other than the attribution ("although Xinhua translated it as:")."""
    for t in tokens:
        if t.dep_ in SUBJECT_DEPS and t.head != verb and t.head.dep_ not in ("relcl", "acl"):
            return True
    return False


def _attaches_after(window: list[Token], ends_sentence: bool) -> bool:
    """The words after the closing mark can attribute the quote: “…,” he said / “…?” he asked.

    Not after “….” unless the sentence goes on in lower case, and not a new clause ("when …").
    """
    if window and window[0].text in DASHES:
        window = window[1:]  # “…” -- said Smith; but not “…” -- and, later, asserting …
    if not window or window[0].pos_ in ("SCONJ", "CCONJ") or window[0].lower_ in SUBORDINATORS:
        return False
    return not ends_sentence or window[0].text[:1].islower()


def _verb_span(doc: Doc, verb: Token) -> Span:
    if verb.lower_ == "according":
        return doc[verb.i : verb.i + 2]
    prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return doc[verb.i : verb.i + 2] if prt else doc[verb.i : verb.i + 1]


@Language.factory(
    "newsfacts_quotes",
    default_config={
        "verbs_path": None,
        "title_cues_path": None,
        "gender_words_path": None,
        "organisation_nouns_path": None,
        "min_partial_words": 4,
        "max_title_words": 8,
        "join": "attribution",
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    verbs_path: str | None,
    title_cues_path: str | None,
    gender_words_path: str | None,
    organisation_nouns_path: str | None,
    min_partial_words: int,
    max_title_words: int,
    join: str,
) -> QuoteFinder:
    """Quotes and speakers → ``doc._.quotes``; runs after ``newsfacts_entities``.

    Word lists default to ``models/quotes/``; ``min_partial_words`` is the shortest quoted fragment
    kept as ``partial`` (shorter unattributed ones are scare quotes), ``max_title_words`` the longest
    title-cased span that may be read as a title of a work, ``join`` which parts of one speaker's
    quote are joined into one quote (``JOIN_AFTER``).
    """
    from newsfacts.nlp import models_dir

    folder = models_dir() / "quotes"
    verbs = read_words(verbs_path or folder / "reporting_verbs.txt")
    cues = read_words(title_cues_path or folder / "title_cues.txt")
    genders = {}
    for line in read_words(gender_words_path or folder / "gendered_words.txt"):
        gender, _, word = line.partition(" ")
        genders[word.strip()] = gender
    organisations = read_words(organisation_nouns_path or folder / "organisation_nouns.txt")
    if join not in JOIN_AFTER:
        raise ValueError(f"quotes: join must be one of {sorted(JOIN_AFTER)}, not {join!r}")
    return QuoteFinder(verbs, cues, genders, organisations, min_partial_words, max_title_words, join)
