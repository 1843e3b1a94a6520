"""Reported speech without quote marks: "X said (that) …", "…, X said", "Officials, he said, should
act", "according to X, …". The reported clause becomes an ``indirect`` quote with its speaker, unless
the clause holds a direct quote (a partial quote inside it is fine).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsfacts.quotes.classify import verb_span
from newsfacts.quotes.context import Context
from newsfacts.quotes.speakers import Speakers
from newsfacts.records import Quote


class IndirectSpeech:
    """Finds reported clauses governed by a reporting verb (``reporting_verbs.txt``) or "according to"."""

    def __init__(self, verbs: set[str], speakers: Speakers):
        self.verbs = verbs
        self.speakers = speakers
        self._hashes = None

    def indirect(self, ctx: Context, used: set[int], direct: list[tuple[int, int]]) -> list[Quote]:
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
            speaker = self.speakers.speaker_of(ctx, t)
            if speaker is None:
                continue
            verb = verb_span(doc, t)
            q = Quote(
                span.start_char,
                span.end_char,
                span.text,
                kind="indirect",
                verb=verb.text,
                verb_start=verb.start_char,
                verb_end=verb.end_char,
                quote_start=span.start_char,
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

    def parenthetical_content(self, ctx: Context, verb: Token) -> Span:
        """The sentence around an inserted attribution, without it when it stands at either end."""
        sent = ctx.sentence(verb)
        first, last = verb.left_edge.i, verb.right_edge.i
        if first <= sent.start:
            return ctx.doc[last + 1 : sent.end]
        if last >= sent.end - 2:
            return ctx.doc[sent.start : first]
        return sent

    def according_content(self, ctx: Context, according: Token) -> Span | None:
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
