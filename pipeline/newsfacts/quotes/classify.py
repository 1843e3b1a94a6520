"""Classification of a quoted span: direct speech, a partial quote inside the writer's sentence, or
dropped (titles of works, nicknames, slogans, scare quotes), and the reporting verb next to it.

A span is ``direct`` when it opens a sentence, follows a colon or a dash, a reporting clause is
attached to it with a comma, or it is a whole clause that a reporting verb before it reports (Smith told
reporters “We …”); ``partial`` when it is a fragment of ``min_partial_words`` or more words,
or any attributed fragment; dropped when a naming word from ``title_cues.txt`` stands next to it,
it is a WORK_OF_ART entity, short title case, or a short fragment with no reporting verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsfacts.quotes.context import SUBJECT_DEPS, Context
from newsfacts.quotes.marks import DASHES, Segment
from newsfacts.quotes.speakers import Speakers, labelled, signed


class Classifier:
    """Decides what each quoted span is and finds its reporting verb and speaker."""

    def __init__(
        self,
        verbs: set[str],
        title_cues: set[str],
        subordinators: set[str],
        speakers: Speakers,
        min_partial_words: int,
        max_title_words: int,
    ):
        self.verbs = verbs
        self.title_cues = title_cues
        self.subordinators = subordinators
        self.speakers = speakers
        self.min_partial_words = min_partial_words
        self.max_title_words = max_title_words

    def classify(self, ctx: Context, seg: Segment) -> None:
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
        if verb is None and _attaches_after(after, ends_sentence, self.subordinators):  # “…,” Smith said
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
        reported = verb is not None and _reported_words(ctx, seg, before, verb, after)
        if content[:1].islower() and not pre.endswith(":") and not (reported and verb.i == before[-1].i):
            opens_sentence = False  # “… said that under Obama, “the generals have been …”
        if reported and content[:1].isupper():
            opens_sentence = True  # Smith told reporters “We …” / Smith said of the deal “It …”
        seg.kind = "direct" if opens_sentence else "partial"
        if not opens_sentence:
            # A fragment says what the reporting verb it hangs from reports ("Snow Patrol had “no other
            # course” …, Gary Lightbody said"), not a reporting verb that merely stands next to it.
            if verb is None or verb.lower_ != "according":  # "according to X" holds for the whole sentence
                verb = self.reporting_head(ctx, seg) or verb
        if verb is not None:
            seg.verb = verb_span(doc, verb)
            seg.speaker = self.speakers.speaker_of(ctx, verb)
        elif opens_sentence:
            seg.speaker = (
                signed(ctx, seg.close_at, after) or labelled(ctx, before) or self.speakers.trailing(ctx, seg, after)
            )
        else:
            # A fragment woven into the writer's sentence: the subject of the verb it depends on
            # ("Critics accused the mayor of “selling the city,”").
            governor = _governing_verb(ctx, seg)
            if governor is not None:
                seg.speaker = self.speakers.speaker_of(ctx, governor)
                seg.verb = verb_span(doc, governor) if seg.speaker else None

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


    def reporting_head(self, ctx: Context, seg: Segment) -> Token | None:
        """The nearest reporting verb outside the quote on the path from the quoted words to the root of
        their sentence, past a passive one without agent (what is reported, not who reports it). The verb of
        a document or a body named by a common noun inside a person's reported speech gives way to the
        person's ("Newby said the report highlighted “entrenched divisions”"; ``document_nouns.txt``,
        ``organisation_nouns.txt``), not that of a person ("she said a lawyer had told her …")."""
        inside = ctx.tokens_between(seg.start, seg.end)
        token = next((t for t in inside if not seg.start <= t.head.idx < seg.end), None)
        found = None
        for _ in range(8):
            if token is None or token.head.i == token.i:
                break
            token = token.head
            if ctx.in_quote(token.idx) or token.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            passive = subjects and all(c.dep_ == "nsubjpass" for c in subjects)
            if passive and not any(c.dep_ == "agent" for c in token.children):
                continue  # "a settlement “…” was needed": what is reported, not who reports it
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            if not subjects and ((token.dep_ == "xcomp" and token.head.pos_ == "ADJ")
                                 or (token.dep_ == "acl" and infinitive)):
                continue  # "worth showing", "the ability to save": no one reports anything
            if token.lemma_.lower() in self.verbs:
                if found is None:
                    found = token
                    things = self.speakers.descriptions.thing_nouns
                    if not subjects or subjects[0].pos_ != "NOUN" or subjects[0].lemma_.lower() not in things:
                        return found
                elif subjects and subjects[0].pos_ in ("PROPN", "PRON"):
                    return token
        return found


def _governing_verb(ctx: Context, seg: Segment) -> Token | None:
    """The nearest verb outside the quote that the quoted words hang from and that has a subject, past "be"
    and "have": their subject is what the words describe, not who said them ("His advice was “get a
    haircut”"; "She called for the day to be “a new beginning”" is hers)."""
    inside = ctx.tokens_between(seg.start, seg.end)
    if not inside:
        return None
    token = inside[0]
    for _ in range(8):
        if token.head.i == token.i:
            return None
        token = token.head
        if ctx.in_quote(token.idx):
            continue
        if (token.pos_ in ("VERB", "AUX") and token.lemma_ not in ("be", "have")
                and any(c.dep_ in SUBJECT_DEPS for c in token.children)):
            return token
    return None


_REPORT_DEPS = {"ccomp", "parataxis", "ROOT"}  # how a clause of its own hangs from the verb, or stands alone
_LEADS_IN = {"that", "whether", "if"}  # reported speech, not the speaker's own words


def _reported_words(ctx: Context, seg: Segment, before: list[Token], verb: Token, after: list[Token]) -> bool:
    """The quote is the whole of what the verb reports, so direct speech however it is introduced: the
    verb is before it in the same sentence with no other verb or "that" between them, and the quote is a
    clause of its own (a subject inside) that runs to the end of the sentence."""
    if not before or verb.i > before[-1].i or after:
        return False
    between = [t for t in before if t.i > verb.i]
    if any(t.pos_ in ("VERB", "AUX", "CCONJ") or t.lower_ in _LEADS_IN for t in between):
        return False
    inside = ctx.tokens_between(seg.start, seg.end)
    if not inside or inside[0].lower_ in _LEADS_IN:
        return False  # He added “that the system …”: the writer's "that" is quoted too
    first, last = inside[0].i, inside[-1].i
    tops = [t for t in inside if not first <= t.head.i <= last or t.head.i == t.i]
    return bool(tops) and all(t.dep_ in _REPORT_DEPS or t.is_punct for t in tops) and any(
        t.dep_ in SUBJECT_DEPS and first <= t.head.i <= last for t in inside)


def _attaches_after(window: list[Token], ends_sentence: bool, subordinators: set[str]) -> bool:
    """The words after the closing mark can attribute the quote: “…,” he said / “…?” he asked.

    Not after “….” unless the sentence goes on in lower case, and not a new clause ("when …").
    """
    if window and window[0].text in DASHES:
        window = window[1:]  # “…” -- said Smith; but not “…” -- and, later, asserting …
    if not window or window[0].pos_ in ("SCONJ", "CCONJ") or window[0].lower_ in subordinators:
        return False
    return not ends_sentence or window[0].text[:1].islower()


def verb_span(doc: Doc, verb: Token) -> Span:
    """The verb as reported: "said", "according to", a phrasal verb with its particle ("pointed out")."""
    if verb.lower_ == "according":
        return doc[verb.i : verb.i + 2]
    prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return doc[verb.i : verb.i + 2] if prt else doc[verb.i : verb.i + 1]
