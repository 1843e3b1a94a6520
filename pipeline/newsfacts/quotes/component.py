"""The component ``newsfacts_quotes``: reads the rule files, runs the stages on each Doc, joins the
parts of one speaker's quote and carries a speaker on to the unattributed quotes after it.

Parts of one speaker's quote become one quote (setting ``join``): “We intend,” he said, “to go.” and,
by default, also “We intend,” he said. “We go.” A quote is written as one record per part (a part
of a split quote, a paragraph of a quote that runs over several, a sentence reopened with a new
mark), each with its own words, so ``text == doc.text[start:end]`` for every record; the parts of one
quote share its speaker, its verb and ``quote_start``, the start of its first part. ``text`` never
holds the outer marks nor the comma before the closing mark. A direct quote without attribution
continues the speaker of the previous quote or reported speech up to two paragraphs back, unless
someone else has been named in between, and its verb when the quote is a sentence of its own.
"""

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsfacts.component import RuleComponent
from newsfacts.extensions import doc_text
from newsfacts.quotes import people
from newsfacts.quotes.bodies import Bodies, read_classes
from newsfacts.quotes.classify import Classifier
from newsfacts.quotes.context import SUBJECT_DEPS, Context, Speaker, mentions_of
from newsfacts.quotes.descriptions import Descriptions
from newsfacts.quotes.focus import Focus
from newsfacts.quotes.indirect import ANCHOR, IndirectSpeech
from newsfacts.quotes.marks import Segment, find_segments
from newsfacts.quotes.speakers import Speakers, named
from newsfacts.records import Quote
from newsfacts.wordlists import read_words
from newsfacts.wordspan import whole_words

# What may stand between the attribution and the next part for the parts to join (setting "join").
JOIN_AFTER = {
    "split": (",", "—", "–", ":"),  # “We intend,” he said, “to go.”
    "attribution": (",", "—", "–", ":", "."),  # also “We intend,” he said. “We go.”
    "none": (),
}
# How many paragraphs after the previous attribution an unattributed quote still continues its speaker.
CARRY_PARAGRAPHS = 2


def read_genders(path: Path) -> dict[str, str]:
    """``<f|m> <word>`` lines: word → 'f' or 'm'."""
    genders = {}
    for line in read_words(path):
        gender, _, word = line.partition(" ")
        genders[word.strip()] = gender
    return genders


class QuoteFinder(RuleComponent):
    """The component: rule files are read once in ``load``; each call reads one Doc."""

    folder = "quotes"

    def __init__(self, name: str, *, min_partial_words: int = 4, max_title_words: int = 8, join: str = "attribution"):
        super().__init__(name)
        if join not in JOIN_AFTER:
            raise ValueError(f"quotes: join must be one of {sorted(JOIN_AFTER)}, not {join!r}")
        self.min_partial_words = min_partial_words
        self.max_title_words = max_title_words
        self.join_after = JOIN_AFTER[join]

    def load(self, path: Path) -> None:
        verbs = read_words(path / "reporting_verbs.txt")
        self.gender_words = read_genders(path / "gendered_words.txt")
        self.pronoun_genders = read_genders(path / "pronoun_genders.txt")
        self.place_nouns = read_words(path / "place_nouns.txt")
        self.verbs = verbs
        descriptions = Descriptions(
            read_words(path / "organisation_nouns.txt"),
            read_words(path / "document_nouns.txt"),
            self.gender_words,
            read_words(path / "role_qualifiers.txt"),
            read_words(path / "office_groups.txt", missing_ok=True),
            read_words(path / "author_verbs.txt", missing_ok=True),
            read_words(path / "state_bodies.txt", missing_ok=True),
            Bodies(read_words(path / "sub_bodies.txt", missing_ok=True),
                   read_classes(read_words(path / "organisation_classes.txt", missing_ok=True)),
                   read_words(path / "firm_nouns.txt", missing_ok=True),
                   read_words(path / "organisation_nouns.txt")),
            read_words(path / "group_nouns.txt", missing_ok=True),
        )
        self.speakers = Speakers(read_words(path / "group_pronouns.txt"), self.pronoun_genders, descriptions)
        self.classifier = Classifier(
            verbs,
            read_words(path / "title_cues.txt"),
            read_words(path / "subordinators.txt"),
            self.speakers,
            self.min_partial_words,
            self.max_title_words,
        )
        people.warm()
        self.reported = IndirectSpeech(verbs - read_words(path / "not_speech_verbs.txt"), self.speakers,
                                       read_words(path / "question_verbs.txt", missing_ok=True),
                                       (read_words(path / "evidence_verbs.txt", missing_ok=True),
                                        read_words(path / "evidence_nouns.txt", missing_ok=True)))

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ctx = Context(doc, text, mentions_of(doc), find_segments(text), self.gender_words)
        ctx.focus = Focus(ctx, self.gender_words, self.pronoun_genders, self.verbs, self.place_nouns,
                          self.speakers.descriptions.thing_nouns)
        ctx.focus.describe = lambda token: self.speakers.resolve(ctx, token)
        kept = []
        for seg in ctx.segments:
            self.classifier.classify(ctx, seg)
            if seg.kind != "drop":
                kept.append(seg)
        kept = self.join_split(ctx, kept)
        quotes = [q for seg in kept for q in self.to_quotes(ctx, seg)]
        # Reported speech may hold a partial quote, but never a direct one or its verb.
        direct = [seg for seg in kept if seg.kind == "direct"]
        used = {seg.verb.start for seg in direct if seg.verb is not None}
        quotes += self.reported.indirect(ctx, used, [(seg.open_at, seg.close_at) for seg in direct])
        quotes.sort(key=lambda q: q.start)
        doc._.quotes = [_whole_words(text, q) for q in self.carry_speakers(ctx, quotes) if q.kind != ANCHOR]
        return doc

    def join_split(self, ctx: Context, segments: list[Segment]) -> list[Segment]:
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
                prev.close_at = seg.close_at
                continue
            out.append(seg)
        return out

    def to_quotes(self, ctx: Context, seg: Segment) -> list[Quote]:
        """One record per part of the quote, each its own words (``text == doc.text[start:end]``),
        all with the quote's speaker and verb and the start of its first part as ``quote_start``."""
        out = []
        for s, e in seg.parts:
            q = Quote(start=s, end=e, text=ctx.text[s:e], kind=seg.kind, quote_start=seg.start)
            if seg.speaker is not None:
                q.speaker, q.speaker_start, q.speaker_end, q.speaker_label = seg.speaker
            if seg.verb is not None:
                q.verb, q.verb_start, q.verb_end = seg.verb.text, seg.verb.start_char, seg.verb.end_char
            out.append(q)
        return out

    def carry_speakers(self, ctx: Context, quotes: list[Quote]) -> list[Quote]:
        """A direct quote with no attribution of its own continues the previous speaker nearby.

        Its speaker mention is the one the previous quote (or reported speech) was attributed through,
        up to ``CARRY_PARAGRAPHS`` paragraphs back with no other person named in between (news style: a
        quote paragraph without attribution goes on with the last speaker), and so is its verb when
        the quote is all its sentence.
        """
        previous: Quote | None = None
        for q in quotes:
            if q.speaker_start is None and q.kind == "direct" and previous is not None:
                if ctx.paragraph_of(q.start) - ctx.paragraph_of(previous.end) <= CARRY_PARAGRAPHS:
                    other = self.someone_else(ctx, previous, q)
                    if other is None:
                        q.speaker, q.speaker_start, q.speaker_end = (
                            previous.speaker,
                            previous.speaker_start,
                            previous.speaker_end,
                        )
                        q.speaker_label = previous.speaker_label
                        if _stands_alone(ctx, q):  # not “…,” Smith enthused: a verb we do not know is its own
                            q.verb, q.verb_start, q.verb_end = previous.verb, previous.verb_start, previous.verb_end
                    elif other[0] is not None:
                        q.speaker, q.speaker_start, q.speaker_end, q.speaker_label = other
            if q.speaker_start is None and q.kind == "direct":
                found = _introduced(ctx, q)
                if found is not None:
                    q.speaker, q.speaker_start, q.speaker_end, q.speaker_label = found
            if q.speaker_start is not None:
                previous = q
        return quotes

    def someone_else(self, ctx: Context, previous: Quote, q: Quote) -> Speaker | None:
        """A person other than the previous speaker introduced as a subject between the previous
        attribution's sentence and the quote, outside quote marks: None when there is none (the quote
        continues the previous speaker); the person when the subject of a reporting verb the parser did
        not read as reported speech ("Jane Hill says costs rose. “…”"); else (None, …): unattributed."""
        last = max(previous.end, previous.speaker_end or 0, previous.verb_end or 0)
        first = ctx.tokens.first_from(last)
        start = ctx.sentence(ctx.doc[first]).end_char if first < len(ctx.doc) else last
        found = None
        for m in ctx.mentions_between(start, q.start):
            if (
                m.label == "PERSON"
                and not ctx.in_quote(m.start)
                and ctx.is_subject(m)  # someone who does something, not "… opposed Tony Blair"
                and named(ctx, m)[0] != previous.speaker
                and not _named_in_run(ctx, named(ctx, m)[0], q.start)
            ):
                found = m
        if found is None:
            # Another source in between: "a story told by The Daily Caller", "the agency reported".
            for t in ctx.tokens_between(start, q.start):
                if t.dep_ in SUBJECT_DEPS | {"pobj"} and t.pos_ != "PRON" and not ctx.in_quote(t.idx):
                    verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "agent" else t.head
                    if t.dep_ == "pobj" and verb is t.head:
                        continue
                    m = ctx.mention_at(t.idx)
                    if verb.lemma_.lower() in self.verbs and (m is None or named(ctx, m)[0] != previous.speaker):
                        return (None, t.idx, t.idx + len(t.text), None)
            return None
        span = ctx.doc.char_span(found.start, found.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is not None and root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in self.verbs:
            return named(ctx, found)
        return (None, found.start, found.end, None)


def _named_in_run(ctx: Context, name: str | None, start: int) -> bool:
    """The person is named inside the quote marks from ``start`` to the end of its paragraph: a speaker
    does not talk of himself by name ("Taylor looks certain to go. “… Simon Taylor is an outstanding
    player …”" goes on with the coach quoted before)."""
    end = ctx.paras[ctx.paragraph_of(start)][1]
    return any(m.label == "PERSON" and ctx.in_quote(m.start) and named(ctx, m)[0] == name
               for m in ctx.mentions_between(start, end))


def _introduced(ctx: Context, q: Quote) -> Speaker | None:
    """A quote that is a sentence of its own, without attribution, right after a sentence of the same
    paragraph whose main subject is a person: that person ("Jane Hill, head of the union, criticised the
    plans. “You don't get good services by …”")."""
    if not _stands_alone(ctx, q):
        return None
    doc = ctx.doc
    first = ctx.tokens.first_from(q.start)
    j = first - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_quote or ctx.in_quote(doc[j].idx)):
        j -= 1
    if j < 0 or ctx.paragraph_of(doc[j].idx) != ctx.paragraph_of(q.start):
        return None
    sent = ctx.sentence(doc[j])
    if sent.end > first:  # the parser ran the quote into the sentence before it
        return None
    root = sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"] if root.pos_ in ("VERB", "AUX") else []
    m = ctx.mention_at(subjects[0].idx) if subjects else None
    if m is None and subjects:  # "His friend, Saxon Spence, leader of the group, lays the blame on …"
        names = [ctx.mention_at(c.idx) for c in subjects[0].children if c.dep_ == "appos"]
        m = next((n for n in names if n is not None), None)
    if m is None or m.label != "PERSON" or ctx.in_quote(m.start):
        return None
    found = named(ctx, m)
    return None if _named_in_run(ctx, found[0], q.start) else found


def _stands_alone(ctx: Context, q: Quote) -> bool:
    """Every word of the quote's sentence is inside quote marks: nothing of the writer's attributes it."""
    first = ctx.tokens.first_from(q.start)
    if first >= len(ctx.doc):
        return False
    return all(t.is_punct or t.is_space or ctx.in_quote(t.idx) for t in ctx.sentence(ctx.doc[first]))


def _whole_words(text: str, q: Quote) -> Quote:
    """No span of a quote cuts a word: "its co" of "its co-chairman", "mails ..." of "e-mails ..."."""
    if q.kind == "indirect":  # the words inside quotation marks are whole already
        start = q.start
        q.start, q.end = whole_words(text, q.start, q.end)
        q.text = text[q.start:q.end]
        q.quote_start = q.start if q.quote_start == start else q.quote_start
    if q.speaker_start is not None and q.speaker_end is not None:
        words = text[q.speaker_start:q.speaker_end]
        q.speaker_start, q.speaker_end = whole_words(text, q.speaker_start, q.speaker_end)
        if q.speaker == words:  # a description named by its words: "its co-chairman"
            q.speaker = text[q.speaker_start:q.speaker_end]
    return q


def _another_clause(tokens: list[Token], verb: Token) -> bool:
    """Between two parts, a clause other than the attribution ("although Xinhua translated it as:")."""
    for t in tokens:
        if t.dep_ in SUBJECT_DEPS and t.head != verb and t.head.dep_ not in ("relcl", "acl"):
            return True
    return False


@Language.factory(
    "newsfacts_quotes",
    default_config={"min_partial_words": 4, "max_title_words": 8, "join": "attribution"},
)
def make_quotes(nlp: Language, name: str, *, min_partial_words: int, max_title_words: int, join: str) -> QuoteFinder:
    """Quotes and speakers → ``doc._.quotes``; runs after ``newsfacts_entities``.

    Rule files come from ``models/quotes/`` (or the folder given to ``from_disk``);
    ``min_partial_words`` is the shortest quoted fragment kept as ``partial`` (shorter unattributed
    ones are scare quotes), ``max_title_words`` the longest title-cased span that may be read as a
    title of a work, ``join`` which parts of one speaker's quote are joined into one quote
    (``JOIN_AFTER``).
    """
    return QuoteFinder(name, min_partial_words=min_partial_words, max_title_words=max_title_words, join=join)
