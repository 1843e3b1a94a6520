"""Reported speech without quote marks: "X said (that) …", "…, X said", "Officials, he said, should
act", "according to X, …". The reported clause becomes an ``indirect`` quote with its speaker, unless
the clause holds a direct quote (a partial quote inside it is fine).

Only speech and cognition: the reporting verbs less those that attribute a quotation but do not
report what someone said in a clause (``not_speech_verbs.txt``: "studies show that", "you may find
that", "they agreed that"), nor a thing without a named author that shows what it "suggests" or
"reveals" (``evidence_verbs.txt``, ``evidence_nouns.txt``: "the data suggest that", "reports suggested
that"); never a negated verb ("did not say whether"), an impersonal passive ("it was not disclosed
whether"), a question ("asked whether he thought"), "no-one" or the words of the article's own "I",
"we" or "you". The content
is the whole complement clause, with its conjoined clauses ("said that … and that …", a clause
hanging from "in a statement that …"), its quote marks balanced, and no dateline ("ALMATY – ").
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsfacts.metadata import parse_dateline
from newsfacts.quotes.classify import verb_span
from newsfacts.quotes.context import SUBJECT_DEPS, Context, Speaker
from newsfacts.quotes.descriptions import author_of
from newsfacts.quotes.speakers import Speakers
from newsfacts.records import Quote

CLOSING = "”\"’"
EDGE_PUNCT = {",", ".", ";", ":", "!", "?", "-", "--", "–", "—", "―", "...", "…"}  # never part of the content
NOT_SPEAKERS = {"i", "we", "you", "no-one", "nobody", "none"}  # the writer, the reader, no one
QUESTION_MARKS = ("whether", "if")
ANCHOR = "attribution"  # a report without a content of its own: only carries its speaker to the quotes after it


class IndirectSpeech:
    """Finds reported clauses governed by a reporting verb or "according to"."""

    def __init__(self, verbs: set[str], speakers: Speakers, question_verbs: set[str] = frozenset(),
                 evidence: tuple[set[str], set[str]] = (frozenset(), frozenset())):
        self.verbs = verbs
        self.question_verbs = question_verbs
        self.evidence_verbs, self.evidence_nouns = evidence
        self.speakers = speakers
        self._hashes = None

    def indirect(self, ctx: Context, used: set[int], direct: list[tuple[int, int]]) -> list[Quote]:
        """ "X said (that) …", "…, X said", "according to X, …": the reported clause and its speaker."""
        doc = ctx.doc
        out = []
        wanted = self.verb_hashes(doc)
        # a set test per token: numpy.isin would sort both arrays, several times the cost for one article
        for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
            if lemma not in wanted and lower not in wanted:
                continue
            t = doc[i]
            if t.i in used or ctx.in_quote(t.idx) or _in_a_name(ctx, t):
                continue
            if t.lower_ == "according" and t.i + 1 < len(doc) and t.nbor(1).lower_ == "to":
                span = self.according_content(ctx, t)
            elif t.lemma_.lower() in self.verbs and t.pos_ == "VERB" and self.reports(t):
                span = self.content(ctx, t)
            else:
                continue
            if span is None:
                continue
            span = self.trimmed(ctx, t, span)
            if span is None or len(span) < 3:
                continue
            if any(s < span.end_char and span.start_char < e for s, e in direct):
                continue
            speaker = self.speakers.speaker_of(ctx, t)
            if speaker is not None and speaker[3] is None and (evidence := self.evidence(t)) is not None:
                if not any(w.pos_ == "PROPN" for w in evidence.subtree):
                    continue  # no author named in its phrase: what it shows is nobody's words
                speaker = self.evidence_author(ctx, evidence, speaker)
            if speaker is None:
                continue
            verb = verb_span(doc, t)
            if span.start_char <= speaker[1] < span.end_char:
                span = self.without_speaker(ctx, span, t, speaker[1], speaker[2])
            if _relative_fragment(t, span):
                # "the union, which he believes is unfair": no clause of its own to report, but who speaks
                anchor = Quote(verb.start_char, verb.start_char, "", kind=ANCHOR, verb=verb.text,
                               verb_start=verb.start_char, verb_end=verb.end_char, quote_start=verb.start_char)
                anchor.speaker, anchor.speaker_start, anchor.speaker_end, anchor.speaker_label = speaker
                out.append(anchor)
                continue
            start, end = span.start_char, self.balanced_end(ctx, span)
            q = Quote(
                start,
                end,
                ctx.text[start:end],
                kind="indirect",
                verb=verb.text,
                verb_start=verb.start_char,
                verb_end=verb.end_char,
                quote_start=start,
            )
            q.speaker, q.speaker_start, q.speaker_end, q.speaker_label = speaker
            out.append(q)
        return out

    def reports(self, verb: Token) -> bool:
        """A verb that reports someone's words or thoughts here: not negated, not an impersonal
        passive, not in a free relative ("what they say"), its subject not the writer or reader."""
        children = list(verb.children)
        if any(c.dep_ == "neg" for c in children):
            return False
        asks = verb.lemma_.lower() in self.question_verbs
        # "said if he went, they would": a condition; "asked if", "(declined) to say if": a question
        puts = asks or verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in children) or any(
            _question(c, asks, puts) for c in children if c.dep_ == "ccomp"
        ):
            return False  # "asked whether he thought …", "Asked if he would go, she said": a question put
        if any(c.tag_ in ("WP", "WDT") and c.dep_ not in SUBJECT_DEPS for c in children):
            return False  # "what they say are the costings"; but "an architect who said he …" reports
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and _impersonal(verb):
            return False  # "it was wrong to suggest that …", "it is fair to say …"
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"]
        if any(c.dep_ in ("nsubjpass", "expl") or c.lower_ in NOT_SPEAKERS for c in subjects):
            return any(c.dep_ == "agent" for c in children)  # "it was said by the minister that"
        if any(c.dep_ == "agent" for c in children) and not any(c.dep_ == "auxpass" for c in children):
            return False  # "the package agreed by ministers features …": a participle, whatever the parse says
        return True

    def evidence(self, verb: Token) -> Token | None:
        """The thing that shows, as the subject of a verb such as "suggest": "the figures suggest that …",
        "reports suggested that …". With no author named in its phrase its finding is nobody's words; with
        one ("Eurostat figures", "data collected by eBay", "a survey by Gartner") the author's."""
        if verb.lemma_.lower() not in self.evidence_verbs:
            return None
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"
                     and c.lemma_.lower() in self.evidence_nouns), None)

    def evidence_author(self, ctx: Context, evidence: Token, speaker: Speaker) -> Speaker:
        """The speaker of what ``evidence`` shows: its author when the phrase names one the way a statement's
        author is named (``descriptions.author_of``: "figures compiled by Norland Bank"), else ``speaker``."""
        author = author_of(ctx, evidence, self.speakers.descriptions.author_verbs)
        found = self.speakers.resolve(ctx, author) if author is not None and author.i != evidence.i else None
        if found is None or found[0] is None or found[3] is None:
            return speaker
        return (found[0], speaker[1], speaker[2], found[3])

    def content(self, ctx: Context, verb: Token) -> Span | None:
        """The complement clause: "said (that) …", "said in a statement that …"; an inserted
        attribution's sentence ("Officials, he said, should act")."""
        doc = ctx.doc
        comps = [c for c in verb.children if c.dep_ == "ccomp"]
        if not comps:  # "said in a statement that …": the clause hangs from the statement
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    comps += [c for c in obj.children if c.dep_ in ("acl", "ccomp") and _has_mark(c)]
        if comps:
            # Every complement, and an object the parser split off as the clause's subject
            # ("added [Mr Stearns] [had agreed …]", "said [she did not feel her colleagues] [could be trusted]").
            start = min(c.left_edge.i for c in comps)
            if not any(c.dep_ in SUBJECT_DEPS for c in comps[0].children):
                objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comps[0].i]
                start = min([start, *(o.left_edge.i for o in objects)])
            span = doc[start : max(c.right_edge.i for c in comps) + 1]
            return self.without_other_reports(span, verb)
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            return self.parenthetical_content(ctx, verb)
        return None

    def without_other_reports(self, span: Span, verb: Token) -> Span:
        """A report ends where another one, added to it, begins: "said X, adding Y", "87% said X,
        while 92% said Y" (a report that is the content itself, "said officials told him …", stays)."""
        for t in span:
            if (
                t.i > span.start
                and t is not verb
                and t.dep_ in ("advcl", "conj")
                and t.lemma_.lower() in self.verbs
                and any(c.dep_ == "ccomp" for c in t.children)
            ):
                end = t.left_edge.i
                while end > span.start and (
                    span.doc[end - 1].is_punct or span.doc[end - 1].pos_ in ("CCONJ", "SCONJ")
                ):
                    end -= 1
                return span.doc[span.start : end] if end > span.start else span
        return span

    def trimmed(self, ctx: Context, verb: Token, span: Span) -> Span | None:
        """Without a leading "that", punctuation, the words of other paragraphs, or a dateline."""
        p_start, p_end = ctx.paras[ctx.paragraph_of(verb.idx)]
        while len(span) > 1 and (
            (span[0].lower_ == "that" and not _pronoun_that(span))
            or span[0].text in EDGE_PUNCT
            or span[0].is_space
            or span[0].idx < p_start
        ):
            span = span[1:]
        while len(span) > 1 and (
            span[-1].text in EDGE_PUNCT
            or span[-1].text in CLOSING
            or span[-1].is_space
            or span[-1].idx >= p_end
            or span[-1].pos_ == "CCONJ"  # "voted for a limit but" whose other half the parse put elsewhere
        ):
            span = span[:-1]
        if span.start_char == p_start or ctx.text[p_start : span.start_char].isspace():
            dateline = parse_dateline(ctx.text, p_start)
            if dateline is not None and dateline.end > span.start_char:
                first = ctx.tokens.first_from(dateline.end)
                if first >= span.end:
                    return None
                span = ctx.doc[first : span.end]
        return span

    def without_speaker(self, ctx: Context, span: Span, verb: Token, speaker_start: int, speaker_end: int) -> Span:
        """A content the parser ran over its own attribution, when only the speaker's phrase stands between
        the content and the verb: it ends at the comma that opens the phrase ("…priced at 101 pct, lead
        manager X said"), or starts after the one that closes it ("Instead, said Mr Hale, the locks were
        …"). Any other content is left as it is."""
        doc = span.doc
        first, last = ctx.tokens.first_from(speaker_start), ctx.tokens.first_from(speaker_end)
        if span.end <= verb.i:
            commas = [t.i for t in doc[span.start : first] if t.text == ","]
            if commas and commas[-1] - span.start >= 3 and _just_a_phrase(doc[commas[-1] + 1 : verb.i]):
                return doc[span.start : commas[-1]]
        elif span.start > verb.i:
            commas = [t.i for t in doc[last : span.end] if t.text == ","]
            if commas and span.end - commas[0] > 3 and _just_a_phrase(doc[span.start : commas[0]]):
                return doc[commas[0] + 1 : span.end]
        return span

    def balanced_end(self, ctx: Context, span: Span) -> int:
        """The end of the content, with the closing mark of a quote it opened: `"nose out of joint"`."""
        text, end = ctx.text, span.end_char
        inside = text[span.start_char : end]
        opened = sum(inside.count(c) for c in "“‘") - sum(inside.count(c) for c in "”’")
        straight = inside.count('"') % 2
        if opened > 0 or straight:
            if text[end : end + 1] in CLOSING and end < len(text):
                return end + 1
            if text[end : end + 1] in (".", ",") and text[end + 1 : end + 2] and text[end + 1] in CLOSING:
                return end + 2  # 'a "genuine slowdown."'
        return end

    def verb_hashes(self, doc: Doc):
        """Hashes of the reporting verbs (as lemma or lower-case form) and "according" in this vocab."""
        if self._hashes is None or self._hashes[0] is not doc.vocab.strings:
            strings = doc.vocab.strings
            self._hashes = (
                strings,
                frozenset(strings.add(w) for w in self.verbs | {"according"}),
            )
        return self._hashes[1]

    def parenthetical_content(self, ctx: Context, verb: Token) -> Span | None:
        """The sentence around an inserted attribution, never with it: the words after it when
        before it stand no more than a conjunction or an adverb ("But, he said, the plan failed"), the
        words before it when they make a clause ("He quit, he says, because …": "He quit"); a
        subject cut from its verb ("Officials, he said, should act") gives nothing."""
        sent = ctx.sentence(verb)
        first, last = verb.left_edge.i, verb.right_edge.i
        before = [t for t in ctx.doc[sent.start : first] if not t.is_punct and not t.is_space]
        if first <= sent.start or all(t.pos_ in ("CCONJ", "ADV", "SCONJ", "INTJ") for t in before):
            return ctx.doc[last + 1 : sent.end]
        if last >= sent.end - 2 or any(t.pos_ in ("VERB", "AUX") for t in before):
            return ctx.doc[sent.start : first]
        return None

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


def _just_a_phrase(words: Span) -> bool:
    """A few words without a verb: a speaker's name and title."""
    return 0 < len(words) <= 10 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _relative_fragment(verb: Token, span: Span) -> bool:
    """A relative clause's report whose clause has no subject of its own: "a rise he says will help" (the
    subject is the noun the relative hangs from)."""
    if verb.dep_ != "relcl":
        return False
    heads = [t for t in span if t.head.i == verb.i and t.dep_ == "ccomp"]
    return bool(heads) and not any(
        t.dep_ in SUBJECT_DEPS or t.dep_ in ("expl", "csubj")
        or (t.head.i == verb.i and t.dep_ == "dobj")  # "demanded [the board] [act]": the object is its subject
        for t in span
    )


def _in_a_name(ctx: Context, verb: Token) -> bool:
    """A capitalised verb inside a sentence, right after a word: part of a name ("the North East Says
    No campaign said"), not a report."""
    if not verb.text[:1].isupper() or verb.i == ctx.sentence(verb).start:
        return False
    before = verb.nbor(-1)
    return before.text[:1].isupper() and before.is_alpha


def _question(clause: Token, asks: bool, puts: bool) -> bool:
    """A complement that is a question: "whether it was fair"; "if he would go" under a verb that ``puts``
    a question ("asked if", "to say if"; after "said" it is a condition); under a verb that ``asks``,
    also "why it failed", "who would pay" (elsewhere "said what mattered was …" is a statement)."""
    first = clause.doc[clause.left_edge.i]
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return "whether" in marks or (puts and "if" in marks) or (
        asks and first.tag_ in ("WRB", "WP") and first.head.i == clause.i
    )


def _has_mark(clause: Token) -> bool:
    """A clause introduced by "that" (or another subordinator)."""
    return any(c.dep_ == "mark" for c in clause.children)


def _impersonal(verb: Token) -> bool:
    """An infinitive under a clause whose subject is "it" or "there" ("it was wrong to suggest")."""
    t = verb
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "expl")]
        if subjects:
            return subjects[0].lower_ in ("it", "there")
    return False


def _pronoun_that(span: Span) -> bool:
    """A "that" that is the clause's subject ("said that would be impossible"), not its "that"."""
    return span[0].dep_ in SUBJECT_DEPS or (len(span) > 1 and (span[1].pos_ == "AUX" or span[1].tag_ == "MD"))
