"""Who a third-person pronoun or a definite description stands for: the person in focus, not the last named.

Salience in the manner of Lappin and Leass, read through the article in order. Every person mention
outside quote marks adds weight to its person (``people.People``): one for being mentioned, plus more
as the speaker of a reporting verb, then as the subject of a main clause, another subject, an object,
a possessor; a tenth as much inside what someone else is reported to have said ("Fowler said Clinton
should rest": Clinton is not in focus), a tenth as much in a headline run into the text. Weights
halve with each sentence back; a person counts once per sentence (the strongest mention) and the
sentences are summed. A pronoun (he, she, him, her, his) outside quote marks goes to the most salient
person whose gender fits (a sure gender excludes, a lean only weighs less), never to the subject of
its own clause when it is an object ("she peppered him"), never to someone named in what it reports
("Tom Reed would win, he said", "he said Tom Reed would win"), and then adds its own weight to that
person, so a run of "he said" keeps its focus. Someone known only by a description who said
something ("said a Juventus official, who declined to be named") is a candidate too: a "he added"
after it stays with that description rather than going to a named person. A resolved pronoun also
teaches the person's gender when nothing surer is known. Names inside quote marks are never
candidates: a speaker does not name himself.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newsfacts.namematch import SURE
from newsfacts.quotes.context import SUBJECT_DEPS, Context, Mention, Speaker
from newsfacts.quotes.leadin import lead_in
from newsfacts.quotes.people import People

WINDOW_SENTENCES = 8  # how far back a person can still be in focus
HALF_LIFE = 0.5  # weight kept per sentence back
IN_CONTENT = 0.1  # a person named inside someone else's reported words
UNNAMED = "·"  # the key of someone known only by a description ("a Juventus official")
MISMATCH_LEAN = 0.3  # a person whose first name only leans to the other gender
PLACE_PREPS = {"in", "near", "through", "across", "throughout", "outside", "inside"}  # "lives in X": X is a place


@dataclass(slots=True)
class Entry:
    char: int
    sentence: int
    key: str
    weight: float
    mention: Mention
    subject: bool


class Focus:
    """Resolves pronouns and person descriptions of one Doc to persons, by salience."""

    def __init__(
        self,
        ctx: Context,
        gender_words: dict[str, str],
        pronoun_genders: dict[str, str],
        verbs: set[str],
        place_nouns: set[str] = frozenset(),
        thing_nouns: set[str] = frozenset(),
    ):
        self.ctx = ctx
        self.thing_nouns = thing_nouns  # a report, a company: never a person of the story by itself
        self.place_nouns = place_nouns
        self._places: set[str] = set()  # person keys the article uses as places
        self.gender_words = gender_words
        self._people: People | None = None
        self.pronoun_genders = pronoun_genders
        self.verbs = verbs
        self._resolved: dict[int, Mention | None] | None = None
        self._entries: list[Entry] = []
        # Resolves a description subject the way a speaker is resolved (set by the component).
        self.describe: Callable[[Token], Speaker] | None = None
        self._sent_starts = ctx.tokens.sentence_starts(ctx.doc)
        self._narrative: list[int] | None = None

    @property
    def people(self) -> People:
        """Built on first use: most articles' quotes need no name parsing."""
        if self._people is None:
            self._people = People(self.ctx.doc, self.ctx.mentions, self.gender_words, self.ctx.headline_end)
        return self._people

    def sentence_index(self, token_i: int) -> int:
        return bisect_right(self._sent_starts, token_i) - 1

    def pronoun(self, token: Token) -> Mention | None:
        """The person a he/she pronoun outside quote marks refers to."""
        if self._resolved is None:
            self._read()
        if token.i in self._resolved:
            return self._resolved[token.i]
        return self.best(token, self.pronoun_genders.get(token.lower_))

    def resolved(self, token_i: int) -> Mention | None:
        """The person the pronoun at ``token_i`` was already read as, or None (no reading yet)."""
        return self._resolved.get(token_i) if self._resolved is not None else None

    def best(
        self, token: Token, want: str | None, exclude: set[str] = frozenset(), subject: bool = False
    ) -> Mention | None:
        """The most salient person before ``token`` whose gender fits ``want`` ('f', 'm' or None); with
        ``subject``, only one who was the subject of a main or reporting verb in this or the previous
        sentence."""
        if self._resolved is None:
            self._read()
        here = self.sentence_index(token.i)
        narrative = self.narrative_counts() if subject else None
        per_sentence: dict[tuple[str, int], float] = {}  # a person's strongest mention in each sentence
        subjects: set[str] = set()
        last: dict[str, Mention] = {}
        for e in reversed(self._entries):
            if e.char >= token.idx:
                continue
            back = here - e.sentence
            if back > WINDOW_SENTENCES:
                break
            if e.key in exclude or e.key in self._places:
                continue
            if e.subject and (narrative[here] - narrative[e.sentence] if narrative else back) <= 1:
                subjects.add(e.key)
            slot = (e.key, back)
            per_sentence[slot] = max(per_sentence.get(slot, 0.0), e.weight * HALF_LIFE**back)
            last.setdefault(e.key, e.mention)
        scores: dict[str, float] = {}
        for (key, _), score in per_sentence.items():
            scores[key] = scores.get(key, 0.0) + score
        best, best_score = None, 0.0
        for key, score in scores.items():
            if subject and key not in subjects:
                continue
            gender, strength = self.people.gender(key)
            if want is not None and gender is not None and gender != want:
                if strength >= SURE:
                    continue
                score *= MISMATCH_LEAN
            if score > best_score:
                best, best_score = key, score
        if best is None:
            return None
        m = last[best]
        return Mention(m.start, m.end, None if best.startswith(UNNAMED) else "PERSON", best)

    def narrative_counts(self) -> list[int]:
        """For each sentence, how many sentences before it have words outside quote marks: a quote the
        parser split into sentences ("“… thinking, ‘Aren't we clever?’” said the comedian") does not
        push the subject of the sentence before it out of reach."""
        if self._narrative is None:
            ctx, starts = self.ctx, self._sent_starts
            punct, idx, text = ctx.tokens.punct, ctx.tokens.idx, ctx.tokens.text
            counts = [0]
            for k in range(len(starts) - 1):
                told = any(not punct[i] and not text[i].isspace() and not ctx.in_quote(idx[i])
                           for i in range(starts[k], starts[k + 1]))
                counts.append(counts[-1] + told)
            self._narrative = counts
        return self._narrative

    def _read(self) -> None:
        """One pass over the article: weigh every person mention, resolve every pronoun in order."""
        ctx, doc = self.ctx, self.ctx.doc
        self._resolved = {}
        events: list[tuple[int, int, int, Mention | None]] = []  # char, order, token, mention
        for m in ctx.mentions:
            if m.label in ("PERSON", "ORG") and not ctx.in_quote(m.start):
                events.append((m.start, 0, ctx.tokens.first_from(m.start), m))
        lower, idx = ctx.tokens.lower, ctx.tokens.idx
        surnames = self.people.by_last
        for i, word in enumerate(lower):
            if word in self.pronoun_genders or word in surnames:
                if not ctx.in_quote(idx[i]) and ctx.mention_at(idx[i]) is None:
                    events.append((idx[i], 1, i, None))
        described: dict[int, bool] = {}  # description subjects: token → whether it said something
        if self.describe is not None:  # "a Juventus official said …": someone a later "he" can be
            for t in doc:
                if t.dep_ not in SUBJECT_DEPS or ctx.in_quote(t.idx):
                    continue
                if t.tag_ in ("NN", "JJ") and t.pos_ in ("NOUN", "ADJ") and ctx.mention_at(t.idx) is None \
                        and any(c.dep_ in ("det", "poss", "nummod") for c in t.children):  # not "quiz" of "quiz shows"
                    said = self.reports(t.head)
                    if not said and t.lemma_.lower() in self.thing_nouns:
                        continue  # "A Clinton ad questioned …" does not put Clinton in focus as a subject
                elif self.nationality(t):
                    said = False
                else:
                    continue
                if said or t.head.dep_ == "ROOT":
                    described[t.i] = said
                    events.append((t.idx, 1, t.i, None))
        events.sort(key=lambda e: e[:2])
        headline_end = ctx.headline_end
        for char, _, i, m in events:
            token = doc[i]
            if m is not None:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                token = span.root if span is not None else token
                key = self.people.key(m)
                if key is None:
                    continue
                # a first name or an honorific outweighs the parse ("Speaking in Leeds Mr Harper said")
                if span is not None and m.label == "PERSON" and self.people.gender(key)[1] < SURE \
                        and self.used_as_place(span):
                    self._places.add(key)
                mention = m
            elif lower[i] in self.pronoun_genders:
                want = self.pronoun_genders[lower[i]]
                found = (self.cataphor(token, want) or lead_in(self, token, want)
                         or self.best(token, want, self._clause_subject(token) | self._named_in_report(token)))
                self._resolved[i] = found
                if found is None:
                    continue
                key, mention = found.canonical, found
                self.people.learn(key, want)
            elif i in described:
                found = self.description(token)
                if found is None or found.label is None and (token.dep_ == "nsubjpass" or not described[i]
                                                             or token.lemma_.lower() in self.thing_nouns):
                    continue  # "The Tory leader was asked" is Howard; "A retrospective was shown" said nothing;
                    # "the report said" is no "he"
                key, mention = found.canonical, found
            else:
                found = self.surname(token)  # "Scott" the model did not tag
                if found is None:
                    continue
                key, mention = found.canonical, found
            weight = self.weight(token) * (IN_CONTENT if char < headline_end else 1.0)
            subject = self.main_subject(token)
            self._entries.append(Entry(char, self.sentence_index(i), key, weight, mention, subject))

    def cataphor(self, token: Token, want: str | None) -> Mention | None:
        """A pronoun in a phrase that opens the sentence before its subject stands for that subject when it
        names a person ("Outlining his crime manifesto, Mr Howard said", "In his speech, Smith said")."""
        top = token
        while top.head.i != top.i and top.head.head.i != top.head.i:
            top = top.head
        main = top.head
        if top.i == main.i or top.i > main.i or not (
            top.dep_ == "prep" or (top.dep_ == "advcl" and top.tag_ in ("VBG", "VBN")
                                   and not any(c.dep_ in SUBJECT_DEPS for c in top.children))
        ):
            return None
        subjects = [c for c in main.children if c.dep_ == "nsubj" and c.i > token.i]
        m = self.ctx.mention_at(subjects[0].idx) if subjects else None
        key = self.people.key(m) if m is not None and m.label == "PERSON" else None
        if key is None:
            return None
        gender, strength = self.people.gender(key)
        if want is not None and gender is not None and gender != want and strength >= SURE:
            return None
        return Mention(m.start, m.end, "PERSON", key)

    def reports(self, verb: Token) -> bool:
        """A reporting verb, or a verb whose participle or infinitive reports ("A spokesman criticised the
        plan, saying …", "The spokesman declined to say …")."""
        if verb.lemma_.lower() in self.verbs:
            return True
        return any(c.i > verb.i and c.lemma_.lower() in self.verbs
                   and ((c.dep_ == "advcl" and c.tag_ == "VBG") or (c.dep_ == "xcomp" and c.tag_ == "VB"))
                   for c in verb.children)

    def nationality(self, token: Token) -> bool:
        """"The American", "the Briton": a one-word nationality right after "the", as a subject, stands for a
        person of the story."""
        return self.ctx.definite_nationality(token) is not None and token.left_edge.i == token.i - 1

    def used_as_place(self, span) -> bool:
        """A name the model took for a person used as a place: a place noun right after it ("Tando
        Allahyar district") or the object of a preposition of place after a verb ("flooding swept through
        Tando Allahyar", "lives in Larkana"). A he or she never stands for it, whatever its label, unless a
        first name or an honorific says it is a person (tested by the caller)."""
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in self.place_nouns:
            return True
        root = span.root
        prep = root.head
        return (
            root.dep_ == "pobj"
            and prep.lower_ in PLACE_PREPS
            and prep.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ == "case" for c in root.children)  # "in Smith's view"
        )

    def description(self, token: Token) -> Mention | None:
        """A description as the subject of a reporting verb: the person it names, or itself (key
        ``UNNAMED`` + its words) when it names no one, with the gender its noun says."""
        found = self.describe(token)
        if found[0] is None or found[3] not in (None, "PERSON"):
            return None
        if found[3] == "PERSON":
            return Mention(found[1], found[2], "PERSON", found[0])
        key = UNNAMED + found[0]
        gender = self.gender_words.get(token.lower_) or self.gender_words.get(token.lemma_.lower())
        if gender is not None:
            self.people.learn(key, gender)
        return Mention(found[1], found[2], None, key)

    def _clause_subject(self, token: Token) -> set[str]:
        """An object pronoun is not its own clause's subject ("She peppered him": him is not she)."""
        if token.dep_ not in ("dobj", "pobj", "dative") or token.lower_.endswith("self"):
            return set()
        verb = token.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS:
                found = self._resolved.get(c.i)
                m = self.ctx.mention_at(c.idx)
                key = found.canonical if found is not None else (self.people.key(m) if m is not None else None)
                return {key} if key else set()
        return set()

    def _named_in_report(self, token: Token) -> set[str]:
        """A pronoun that reports is none of the people its report names: "he said Mr Brown was wrong", and
        "Tony Blair would lead the campaign, he said" with the report before its comma; he is neither."""
        verb = token.head
        if token.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in self.verbs:
            return set()
        keys = set()
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i < token.i and not self._report_before(clause, token):
                continue
            for t in clause.subtree:
                m = self.ctx.mention_at(t.idx)
                if (m is not None and m.label == "PERSON" and not self.ctx.in_quote(t.idx)
                        and not _a_kind(token.doc[self.ctx.tokens.first_from(m.start)])):
                    keys.add(self.people.key(m))
        return keys - {None}

    @staticmethod
    def _report_before(clause: Token, token: Token) -> bool:
        """The report ends before the pronoun with a comma between ("X would go, he said, adding …"): not a
        verb set inside the writer's own sentence, whose nouns go on after it ("Mr X is a late recruit after
        rejecting offers from rivals including, he claims, the Tory leader")."""
        doc, verb = token.doc, token.head
        between = doc[clause.right_edge.i + 1:token.i]
        if len(between) != 1 or between[0].text != ",":
            return False
        comma = verb.i + 1 if verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," else len(doc)
        return not any(c.i > comma and c.pos_ in ("NOUN", "PROPN") for c in verb.children)

    def surname(self, token: Token) -> Mention | None:
        """A proper noun the model did not tag that is the last name of a full name in the article."""
        if token.pos_ != "PROPN":
            return None
        full = self.people.by_surname(token.text)
        if full is None:
            return None
        return Mention(token.idx, token.idx + len(token.text), "PERSON", full)

    def weight(self, token: Token) -> float:
        """How much a mention (its head token) puts its person in focus: being mentioned at all, plus
        its grammatical role (Lappin and Leass add factors, so a recent object can outweigh an older
        subject)."""
        t = self._role_token(token)
        if t.dep_ in SUBJECT_DEPS:
            verb = t.head
            if verb.lemma_.lower() in self.verbs:
                role = 1.0
            elif verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
                role = 0.8
            else:
                role = 0.5
        elif t.dep_ in ("dobj", "pobj", "dative", "attr", "oprd", "agent"):
            role = 0.5
        elif t.dep_ == "poss":
            role = 0.2
        else:
            role = 0.3
        return (1.0 + role) * (IN_CONTENT if self.in_reported_content(t) else 1.0)

    def main_subject(self, token: Token) -> bool:
        """The subject of a sentence's main verb or of a reporting verb, outside reported words."""
        t = self._role_token(token)
        if t.dep_ not in SUBJECT_DEPS:
            return False
        verb = t.head
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        return (main or verb.lemma_.lower() in self.verbs) and not self.in_reported_content(t)

    def _role_token(self, token: Token) -> Token:
        """``_role_token``, but a name in apposition to another name ("Nigel Marson, head of marketing at
        Transport for London (TfL), said") is an aside, not the subject: only "Diba, a guard," or "the
        shadow chancellor, George Osborne," take their head's role."""
        if token.dep_ == "appos" and token.head.i != token.i:
            m, head = self.ctx.mention_at(token.idx), self.ctx.mention_at(token.head.idx)
            if head is not None and head is not m and head.label in ("PERSON", "ORG"):
                return token
        return _role_token(token)

    def in_reported_content(self, token: Token) -> bool:
        """Inside the clause a reporting verb governs ("said [that Clinton should rest]")."""
        t = token
        for _ in range(12):
            if t.head.i == t.i:
                return False
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.verbs:
                return True
            t = t.head
        return False


def _a_kind(token: Token) -> bool:
    """A name after "a" or "another" stands for a kind of person, not the person ("a new Gordon Brown")."""
    i = token.i - 1
    while i >= 0 and token.doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and token.doc[i].lower_ in ("a", "an", "another")


def _role_token(token: Token) -> Token:
    """The token whose dependency gives a mention's role: "Diba, a guard," and "Smith and Jones" take
    their head's."""
    return token.head if token.dep_ in ("appos", "conj") and token.head.i != token.i else token
