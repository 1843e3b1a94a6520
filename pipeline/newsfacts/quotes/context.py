"""The per-document lookups every quote rule reads: tokens by character, sentences, paragraphs,
quote regions, entity mentions, and the people and organisations a pronoun or description may mean.

One ``Context`` is built per Doc by the component; the rules modules only ask it questions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from newsfacts.metadata import parse_dateline
from newsfacts.quotes.marks import BOUNDARY_PUNCT, Segment, paragraphs
from newsfacts.records import Entity
from newsfacts.tokens import token_index

if TYPE_CHECKING:
    from newsfacts.quotes.focus import Focus

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
TIME_LABELS = {"DATE", "TIME"}
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


@dataclass(slots=True)
class Mention:
    """An entity mention in the article: character offsets, label and the entity's canonical name."""

    start: int
    end: int
    label: str | None
    canonical: str


Speaker = tuple[str | None, int, int, str | None]  # canonical, start, end, label


class Context:
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
        self.focus: Focus  # set by the component: who pronouns and descriptions stand for
        self.mentions = mentions
        self.segments = segments
        self.paras = paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self.tokens = token_index(doc)
        self.mention_starts = [m.start for m in mentions]
        self.regions = sorted((s.open_at, s.close_at) for s in segments)
        self.region_starts = [r[0] for r in self.regions]
        self._datelines: dict[int, int] = {}
        self.org_speakers: list[tuple[int, Mention]] = []  # organisations named as speakers, by position
        self.named_speakers: list[tuple[int, Mention]] = []  # speakers named by a name not a person's
        self.descriptions: dict[str, list[tuple[int, str]]] = {}  # a noun → fuller speakers' descriptions

    @property
    def headline_end(self) -> int:
        """End of a first paragraph that is a headline run into the text (one short line in title
        case: every word of four letters or more capitalised), else 0."""
        if len(self.paras) < 2:
            return 0
        start, end = self.paras[0]
        words = [w for w in self.text[start:end].split() if len(w) > 3 and w[0].isalpha()]
        return end if end - start < 200 and words and all(w[0].isupper() for w in words) else 0

    def sentence(self, token: Token) -> Span:
        """``token.sent`` without walking the document again for every lookup."""
        start, end = self.tokens.sentence_of(self.doc, token.i)
        return self.doc[start:end]

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self.para_starts, char) - 1, 0)

    def at_paragraph_start(self, char: int) -> bool:
        return self.paras[self.paragraph_of(char)][0] == char

    def dateline_end(self, char: int) -> int:
        """Where the dateline opening ``char``'s paragraph ends ("DENVER, March 2 - "), else the
        paragraph's start: the parser may take the place for the subject of the sentence after it."""
        p = self.paragraph_of(char)
        if p not in self._datelines:
            start = self.paras[p][0]
            dateline = parse_dateline(self.text, start)
            self._datelines[p] = dateline.end if dateline is not None else start
        return self._datelines[p]

    def in_quote(self, char: int) -> bool:
        i = bisect_right(self.region_starts, char) - 1
        return i >= 0 and self.regions[i][0] <= char < self.regions[i][1]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        a = self.tokens.first_from(start)
        b = self.tokens.first_from(end)
        return list(self.doc[a:b])

    def window_after(self, seg: Segment) -> list[Token]:
        """Tokens after the closing mark up to a sentence end, another quote or the paragraph end."""
        p_end = self.paras[self.paragraph_of(seg.close_at - 1)][1]
        out = []
        for t in self.doc[self.tokens.first_from(seg.close_at) :]:
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
        for i in range(self.tokens.first_from(char) - 1, -1, -1):
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

    def previous_organisation(self, token: Token, recent_only: bool,
                              unlike: set[str] | frozenset[str] = frozenset(),
                              skip: Callable[[Mention], bool] | None = None) -> Mention | None:
        """What "it", "they" or "the company" stands for: an organisation named in the phrase itself
        ("Germany's BdB banks association"), else the nearest organisation subject in this or the previous
        sentence, unless it is inside what an organisation was reported to say there (that organisation
        then: "X said bank Y has lent … . It said …") or the subject of a clause inside another there
        (the organisation that spoke up to two paragraphs back then), else (unless ``recent_only``) for
        "the company" the organisation that spoke up to two paragraphs back when the nearest one
        mentioned is no subject's, else that one. An organisation whose name ends in a noun of
        ``unlike``, or that ``skip`` rejects, is passed over, as a speaker and as a name; with ``skip`` a
        firm that spoke by a name the model left untagged is one that spoke, and a subject in this paragraph
        or the one before comes before a nearer name that is no subject's in an earlier sentence."""
        own = [m for m in self.mentions_between(self.doc[token.left_edge.i].idx, token.idx) if m.label == "ORG"]
        if own and token.pos_ == "NOUN":
            return own[-1]
        cutoff = self.previous_sentence_start(token)
        said = self.last_org_report(token, unlike)
        if skip is not None:  # a firm that spoke by a name the model left untagged ("Macrovision said") spoke too
            named = self.last_named_report(token)
            said = named if named is not None and (said is None or named[0] > said[0]) else said
        nearest = subject = None
        for m in self.mentions_before(token, "ORG"):
            if unlike and m.canonical.split()[-1].lower() in unlike:
                continue  # "the company" after "the Federal Trade Commission must approve the sale"
            if skip is not None and skip(m):
                continue
            if m.start >= cutoff and self.is_subject(m):
                if self.reported_by(said, m) or (
                        not recent_only and self.aside(m, token) and said is not None
                        and self.paragraph_of(token.idx) - self.paragraph_of(said[1].start) <= 2):
                    return said[1]
                return m
            nearest = nearest or m
            if skip is not None and subject is None and self.in_subject(m) \
                    and self.paragraph_of(token.idx) - self.paragraph_of(m.start) <= 1:
                subject = m
        if recent_only:
            return None
        if nearest is not None and self.reported_by(said, nearest):
            return said[1]
        if (said is not None and token.pos_ == "NOUN" and (nearest is None or not self.in_subject(nearest))
                and self.paragraph_of(token.idx) - self.paragraph_of(said[1].start) <= 2):
            return said[1]  # "the company said", a paragraph on: the firm that has been speaking
        if subject is not None and not self.in_subject(nearest) and not self.same_sentence(nearest.start, token.idx):
            return subject  # the firm a paragraph's story is about, not one its details name
        return nearest

    def aside(self, m: Mention, token: Token) -> bool:
        """``m`` is the subject of a clause inside another, in a sentence before ``token``'s: "the sale,
        which Kessler has backed" puts Kessler in no focus that "the company said" could take up."""
        if self.same_sentence(m.start, token.idx):
            return False
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        verb = span.root.head if span is not None else None
        return verb is not None and verb.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj")

    def reported_by(self, said: tuple[int, Mention] | None, m: Mention) -> bool:
        """``m`` is named in what an organisation was reported to say (after the verb, in its sentence),
        and that organisation, or the one that spoke since, is ``said``."""
        return said is not None and any(
            at < m.start and self.same_sentence(at, m.start) for at, _ in self.org_speakers if at <= said[0])

    def same_sentence(self, a: int, b: int) -> bool:
        first = self.tokens.first_from
        return self.sentence(self.doc[first(a)]).start == self.sentence(self.doc[first(b)]).start

    def in_subject(self, m: Mention) -> bool:
        """A subject, or a name inside one: "the TUC figures", "strike action by the PCS"."""
        if self.is_subject(m):
            return True
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is None:
            return False
        if root.dep_ in ("compound", "poss", "nmod"):
            return root.head.dep_ in SUBJECT_DEPS
        return (root.dep_ == "pobj" and root.head.lower_ in ("by", "of", "from")
                and root.head.head.dep_ in SUBJECT_DEPS)

    def described(self, noun: Token, speaker: tuple) -> tuple:
        """A speaker left as a description: a bare "the department" or "the official" is the fuller
        description the same noun headed as an earlier speaker ("the Labor department", "a Board of Trade
        official"); a fuller one that names whose it is is kept for later (not "several analysts")."""
        lemma = noun.lemma_.lower()
        words = speaker[0].split()
        if len(words) > 1 and words[-1].lower() == noun.lower_:
            if any(c.dep_ in ("compound", "poss", "nmod") for c in noun.children):  # not "several analysts"
                self.descriptions.setdefault(lemma, []).append((noun.idx, speaker[0]))
            return speaker
        bare = len(words) == 1 and all(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        earlier = [d for d in self.descriptions.get(lemma, ()) if d[0] < noun.idx] if bare else []
        return (max(earlier)[1], *speaker[1:]) if earlier else speaker

    def note_org_speaker(self, at: int, speaker: tuple) -> None:
        """An organisation named as the speaker of a report at character ``at``."""
        self.org_speakers.append((at, Mention(speaker[1], speaker[2], "ORG", speaker[0])))

    def note_named_speaker(self, at: int, speaker: tuple) -> None:
        """A speaker named by a name that is no person's (an organisation the model took for a place, or
        left untagged: "UK Coal said", "said Swiss Re"), at the reporting verb's character ``at``."""
        self.named_speakers.append((at, Mention(speaker[1], speaker[2], speaker[3], speaker[0])))

    def last_named_speaker(self, token: Token) -> Mention | None:
        """The last speaker noted by ``note_named_speaker`` before ``token``, in its paragraph or the one before."""
        found = self.last_named_report(token)
        return found[1] if found else None

    def last_named_report(self, token: Token) -> tuple[int, Mention] | None:
        """``last_named_speaker`` with the position of its reporting verb."""
        para = self.paragraph_of(token.idx)
        found = [(at, m) for at, m in self.named_speakers if at < token.idx and para - self.paragraph_of(at) <= 1]
        return max(found, key=lambda f: f[0]) if found else None

    def last_org_report(self, token: Token,
                        unlike: set[str] | frozenset[str] = frozenset()) -> tuple[int, Mention] | None:
        """The last report by an organisation named as its speaker before ``token`` (the reporting verb's
        position, the organisation), within 3,000 characters; not one whose name ends in a noun of ``unlike``
        ("the company said" after "the regulator said" is no Securities and Exchange Commission)."""
        found = [(at, m) for at, m in self.org_speakers if max(at, m.end) <= token.idx and m.start > token.idx - 3000
                 and m.canonical.split()[-1].lower() not in unlike]
        return max(found, key=lambda f: f[0]) if found else None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in ``[start, end)``."""
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    def mentions_before(self, token: Token, label: str) -> Iterator[Mention]:
        """Mentions with ``label`` ending before ``token`` outside quote marks, nearest first, within
        3,000 characters."""
        i = bisect_right(self.mention_starts, token.idx) - 1
        while i >= 0 and self.mentions[i].start > token.idx - 3000:
            m = self.mentions[i]
            i -= 1
            if m.label == label and m.end <= token.idx and not self.in_quote(m.start):
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

    def role_holder(self, token: Token, qualifiers: set[str] = frozenset(),
                    head_only: bool = False) -> tuple[str, int, int] | None:
        """The person whose stated role or title contains the noun ("the minister", "the senator"): the
        role of this very phrase ("Leeds director of rugby Tom Reilly said"), else the last one before it,
        one with the capitalised words before the noun first ("the French president": "French President
        Jacques Chirac" before "President Bush"). A role with a qualifier the description lacks is
        another office ("shadow chancellor Oliver Letwin" is not "the chancellor"). With ``head_only`` the
        noun must be the office itself, the role's last word: "the committee" is not "committee chairman X"."""
        word = token.lower_
        marks = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()}
        own = {c.lower_ for c in token.children}
        best = marked = None
        for r in self.doc._.roles or []:
            said = r.role.lower().split()
            if (said[-1:] == [word] if head_only else word in said) and r.start <= token.idx:
                if self._qualified(r.start, r.text, word, qualifiers - own):
                    continue
                best = (r.person, r.person_start, r.person_end)
                if r.start <= token.idx < r.end:
                    return best
                if marks and marks <= set(r.text.lower().split()):
                    marked = best
        best = marked or best
        if best is not None or token.pos_ not in ("NOUN", "PROPN"):
            return best
        # Without roles: a person named right after the same title word ("Senator Elizabeth Warren").
        i = bisect_right(self.mention_starts, token.idx) - 1
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if m.label != "PERSON" or m.end > token.idx:
                continue
            j = self.tokens.first_from(m.start)
            titles = []  # the words of a title run straight into the name ("Health Minister Sofia Rossi")
            for k in range(j - 1, max(j - 4, -1), -1):
                if self.doc[k].pos_ not in ("PROPN", "NOUN", "ADJ"):
                    break
                titles.append(self.doc[k])
            if head_only:
                titles = titles[:1]
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and not head_only:
                titles += list(span[:-1])
            if any(t.lower_ == word or t.lemma_.lower() == token.lemma_.lower() for t in titles):
                if not any(t.lower_ in qualifiers - own for t in titles):
                    return (m.canonical, m.start, m.end)
        return None

    def _qualified(self, start: int, role_text: str, word: str, qualifiers: set[str]) -> bool:
        """A qualifier ("shadow", "deputy", "former") before the noun in the role or right before it."""
        if not qualifiers:
            return False
        words = role_text.lower().split()
        before = words[: words.index(word)] if word in words else words
        i = self.tokens.first_from(start) - 1
        if i >= 0:
            before.append(self.doc[i].lower_)
        return any(w in qualifiers for w in before)

    def definite_nationality(self, token: Token) -> Mention | None:
        """"the American", "said the New Zealander": a nationality the model tagged, as a definite noun; its
        mention. It stands for a person of the story, not for the nation."""
        m = self.mention_at(token.idx)
        if m is not None and m.label == "NORP" and token.tag_ == "NNP" and token.i > 0 \
                and self.doc[token.left_edge.i].lower_ == "the":
            return m
        return None

    def called(self, token: Token, label: str) -> Mention | None:
        """The last mention with ``label`` before ``token`` that the article introduced with the same noun
        right before the name ("US magazine Rolling Stone"): what "the magazine" stands for, whatever was
        named since. Not a noun after a name ("Labour peer", "the M&S spokesman": a person of it)."""
        word, lower = token.lower_, self.tokens.lower
        best = None
        for m in self.mentions:
            if m.start >= token.idx:
                break
            a = self.tokens.first_from(m.start)
            a -= 1 if a > 1 and lower[a - 1] == "the" else 0  # "the band the Stones"
            if m.label == label and a > 0 and lower[a - 1] == word and not self.in_quote(m.start):
                best = m
        return best

    def named_like(self, token: Token) -> Mention | None:
        """The organisation or person whose name contains the description's noun ("the ministry")."""
        word = token.lower_
        if not token.pos_ == "NOUN" or len(word) < 4:
            return None
        return self.named_with(token, {word}, SPEAKER_LABELS)

    def named_with(self, token: Token, nouns: set[str], labels: set[str] | frozenset[str],
                   qualifiers: set[str] = frozenset(), skip: Callable[[Mention], bool] | None = None) -> Mention | None:
        """The nearest mention before ``token`` with one of ``labels`` whose name holds one of ``nouns`` and
        every qualifier, a possessive's "'s" aside; not one ``skip`` rejects."""
        best = None
        for m in self.mentions:
            if m.start >= token.idx:
                break
            if m.label not in labels or skip is not None and skip(m):
                continue
            name = set(m.canonical.lower().replace("'s", "").replace("’s", "").split())
            if name & nouns and qualifiers <= name:
                best = m
        return best


def mentions_of(doc: Doc) -> list[Mention]:
    """Entity mentions with canonical names: doc._.entities when set, else the model's doc.ents."""
    ents = doc._.entities
    if ents is None:
        ents = [Entity(e.start_char, e.end_char, e.text, e.label_, e.text) for e in doc.ents]
    return sorted((Mention(e.start, e.end, e.label, e.canonical) for e in ents), key=lambda m: m.start)
