"""What a rule handler knows about a document: the candidate it returns and the per-document state.

``Cand`` is one matched time expression before resolution; ``Ctx`` carries the document, its
publication date (DCT) and what earlier expressions established ("the year-ago quarter" needs the
quarter being reported on). The tense of the verb governing an expression decides which way a
relative one points ("Friday" in "said Friday" versus "will meet Friday").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from newsfacts.tokens import token_index

BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")  # where a paragraph ends: a line with nothing on it

# A time limit set in the past ("gave the bidder until mid-November") may lie after the publication date
_DEADLINE_LINKS = frozenset({"until", "till", "by"})


@dataclass(frozen=True)
class TenseWords:
    """The words tense is read from (models/dates/*.txt)."""

    future_aux: frozenset[str]  # "will", "'ll": the verb points forward
    plan_verbs: frozenset[str]  # lemmas whose time adjunct lies ahead even in the past tense
    reporting: frozenset[str]  # lemmas of "says"-verbs: a present tense that reports the past
    move_verbs: frozenset[str] = frozenset()  # plan verbs whose date with "on" (or none) is the move itself


@dataclass
class Cand:
    start: int
    end: int
    kind: str  # DATE / TIME / DURATION / SET
    value: str | Callable | None
    anchored: bool = False
    rule: str = ""
    info: dict = field(default_factory=dict)


@dataclass
class Ctx:
    """Per-document state the value resolvers read."""

    doc: Doc
    dct: date | None
    words: TenseWords
    text: str = ""  # doc.text, which spaCy rebuilds on every access
    last_quarter: tuple[int, int] | None = None
    at: int = 0  # where the expression being resolved starts
    quarters_named: list[tuple[int, tuple[int, int]]] = field(default_factory=list)  # (at, (year, q)), any tense
    last_ref: str | None = None  # the last calendar date or year named, for "that year"
    named_year: str | None = None  # the year the last expression that writes one out names ("April 2029")
    story_time: str | None = None  # the last time named, any granularity ("2007-Q1"), for "a year later"
    story_at: int = -1  # where the text named it
    last_period: str | None = None  # the last quarter, half ("2016-H1") or months of a year ("2016") reported on
    last_month: tuple[str, int] | None = None  # the last month named ("2004-12", "XXXX-12") and where it ended
    fiscal_end: int | None = None  # the month the article says the company's year ends in, if not December
    weekday_titles: frozenset[str] | None = None  # "mail on sunday": names of the form "the X on <weekday>"
    _tense: dict = field(default_factory=dict)
    alias: dict = field(default_factory=dict)  # start of a merged expression's part -> its start

    def note_quarter(self, year: int, q: int, over: bool = False) -> None:
        """Remember a quarter being reported on for "the year-ago quarter": one already over (the
        current quarter is still running: "a fourth-quarter charge" looks ahead), and not an earlier
        one named for comparison ("after a flat second quarter") once a later one is being reported.
        ``over``: the text says it ended ("its fourth quarter ended Sept. 30", a fiscal quarter)."""
        self.quarters_named.append((self.at, (year, q)))
        if not over and self.dct is not None and (year, q) >= (self.dct.year, (self.dct.month - 1) // 3 + 1):
            return
        if self.last_quarter is not None and (year, q) < self.last_quarter:
            return
        self.last_quarter = (year, q)
        self.last_period = f"{year}-Q{q}"

    def quarter_in_sentence(self, char: int) -> tuple[int, int] | None:
        """The last quarter named before ``char`` in its sentence, whatever its tense: what "a year ago"
        there compares with ("plans to build 485,000 cars in the second quarter, against 497,000 a year ago")."""
        tok = token_at(self.doc, char)
        if tok is None:
            return None
        named = [q for at, q in self.quarters_named if tok.sent.start_char <= at < char]
        return named[-1] if named else None

    def tense(self, char: int) -> str | None:
        char = self.alias.get(char, char)
        if char not in self._tense:
            tense = _tense_at(self.doc, char, self.words)
            if tense in ("future", "present") and _modifies_noun(token_at(self.doc, char)):
                tense = None  # "under a June agreement": the agreement's time, not the verb's: the nearest
            self._tense[char] = tense
        return self._tense[char]

    def past_adjunct(self, char: int) -> bool:
        """Whether the expression at ``char`` is a time adjunct of a verb in the past tense ("On January
        13, gunmen killed her"): its date cannot lie after the publication date. "declared a dividend
        payable Dec. 1" hangs on "payable", not on the verb, and may."""
        tok = token_at(self.doc, char)
        if tok is None:
            return False
        for _ in range(2):
            if tok.dep_ in ("compound", "nummod", "appos") and tok.head.i != tok.i:
                tok = tok.head
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head  # "rose in March, April and May": each month hangs on the verb as the first does
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            if tok.head.lower_ in _DEADLINE_LINKS:
                return False  # "gave the bidder until mid-November": a time limit set may lie ahead
            link, verb = tok.head, tok.head.head
        elif tok.dep_ in ("npadvmod", "tmod"):
            link, verb = tok, tok.head
        else:
            return False
        if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBD":
            return False
        # Before the verb, or right after it: "hinted at a Budget giveaway on 16 March" may date the
        # giveaway, whatever the parser attached it to.
        # The verb's own object may stand between ("closed the port on April 4").
        between = self.doc[verb.i + 1:link.i] if link.i > verb.i else []
        objects = {t.i for ch in verb.children if ch.dep_ in ("dobj", "dative") for t in ch.subtree}
        return not any(t.pos_ in ("NOUN", "PROPN", "ADP") and t.i not in objects for t in between)


def token_at(doc: Doc, char: int):
    """The token containing (or, in whitespace, following) character ``char``."""
    i = token_index(doc).at(char)
    return None if i is None else doc[i]


def _modifies_noun(tok) -> bool:
    """A date before a noun it dates ("a June agreement", "the Oct. 23 slaying"), not one of its own
    words ("Tuesday morning")."""
    return (tok is not None and tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i
            and tok.head.ent_type_ not in ("DATE", "TIME"))


def adjective_complement(tok) -> bool:
    """A date that completes an adjective hanging off the clause ("a dividend payable Dec. 1", "a new office,
    effective Feb. 1", "bonds due March 15"): it dates what the adjective says (a payment, a start), which may
    lie either side of the verb's time. An adjective that is itself the predicate ("the law was effective
    March 3") leaves the date to its verb."""
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ not in ("npadvmod", "tmod", "pobj", "prep", "nummod", "compound"):
            return False
        tok = tok.head
        if tok.pos_ == "ADJ":
            return tok.dep_ in ("amod", "advcl", "appos", "conj", "advmod", "oprd") and tok.head.i < tok.i
        if tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and tok.dep_ not in ("nummod", "compound"):
            return False
    return False


def _under_past_clause(verb) -> bool:
    """A participle modifying a noun in a past-tense clause ("a concert planned for Saturday was cancelled");
    not one in a present clause ("takes place Friday, with the final scheduled for Saturday")."""
    if verb.dep_ not in ("acl", "amod", "relcl") or verb.head.i == verb.i:
        return False
    outer = governing_verb(verb.head)
    return outer is not None and (outer.tag_ == "VBD" or any(
        c.tag_ == "VBD" for c in outer.children if c.dep_ in ("aux", "auxpass")))


def governing_verb(tok):
    """The verb a token's phrase hangs on, or the sentence root if it is one."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "amod":
            return verb
        if verb.head.i == verb.i:
            break
        verb = verb.head
    # No verb above (a headline, a list): the sentence root, if it is one.
    root = tok.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _dates_the_move(tok, verb) -> bool:
    """"was postponed on Sunday", "adjourned Friday": the date hangs on the verb itself, bare or with "on"; the
    new time of a moved event comes with "until", "to", "for"... ("postponed until Tuesday")."""
    for _ in range(2):
        if tok.dep_ in ("compound", "nummod", "appos") and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ in ("npadvmod", "tmod"):
        return tok.head.i == verb.i
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.dep_ == "prep"):
        return False
    head = tok.head.head
    for _ in range(3):  # "postponed for a second time on Sunday": through other adjuncts, not an object
        if head.i == verb.i:
            return True
        if head.dep_ not in ("pobj", "prep"):
            return False
        head = head.head
    return False


def _tense_at(doc: Doc, char: int, words: TenseWords) -> str | None:
    """past / future / present / None for the verb governing the token at ``char``.

    Modals and "will" point forward; an infinitive ("expected to close Friday") points forward
    under a present-tense verb and is left open (None: nearest date) under a past-tense one.
    """
    tok = token_at(doc, char)
    if tok is None:
        return None
    if adjective_complement(tok):
        return None  # "an office created effective Feb. 1": the adjective's time, not the verb's: the nearest
    verb = governing_verb(tok)
    if verb is not None and any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in verb.children):
        return "past"  # past perfect, even "had been scheduled to expire Friday"
    if tok.i > 0 and tok.nbor(-1).lower_ in ("until", "till", "til", "through"):
        # "extended its deadline until Tuesday", "closed the road until Friday" set an end ahead; a state
        # in the past tense ("stayed open until March", "were flat this year through August") has ended.
        if (verb is not None and verb.tag_ == "VBD" and verb.lemma_ not in words.plan_verbs
                and not any(c.dep_ == "dobj" for c in verb.children)):
            return "past"
        return "future"
    if tok.i > 0 and tok.nbor(-1).lower_ == "since":
        return "past"
    infinitive = False
    for _ in range(4):
        if verb is None:
            return None
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lowers = {c.lower_ for c in auxes}
        if "had" in lowers:
            return "past"
        if lowers & words.future_aux or "going" in lowers:
            return "future"
        if (verb.lemma_ in words.plan_verbs and tok.i > verb.i and not _under_past_clause(verb)
                and not (verb.lemma_ in words.move_verbs and _dates_the_move(tok, verb))):
            # "planned a rally on Saturday": the planned event's time; but "On Friday, it planned to pay" dates
            # the planning, and "a rally planned for Saturday was cancelled" takes the tense of "was cancelled"
            return "future"
        modals = {c.lower_ for c in auxes if c.tag_ == "MD"}
        if modals and "have" in lowers and verb.tag_ == "VBN":
            return "past"  # "may have been responsible for a drop on Wednesday"
        if modals:
            return "future" if not infinitive and not modals & {"would", "could", "'d"} else None
        if "to" in lowers and verb.tag_ == "VB" or verb.dep_ == "xcomp" and verb.tag_ == "VB":
            infinitive = True
            head = verb.head
            # Tokens are compared by index: spaCy makes a new Token object on every access, so "is"
            # never holds and the climb would not stop at the root.
            while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
                return "future"
            verb = head
            continue
        past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) or (
            verb.tag_ == "VBN" and not lowers & {"is", "are", "be", "been", "being", "am", "'s", "'re"}
            or verb.tag_ == "VBN" and lowers & {"has", "have", "'ve"}
            or verb.tag_ == "VBG" and "been" in lowers)  # "have been searching since the Oct. 23 slaying"
        if past:
            return None if infinitive else "past"
        if verb.tag_ in ("VBZ", "VBP") or lowers & {"is", "are", "am", "has", "have"}:
            if infinitive:
                return "future"
            return "past" if verb.lemma_ in words.reporting else "present"
        if verb.tag_ == "VBG" and verb.head.i != verb.i:
            verb = governing_verb(verb.head) if verb.head.pos_ not in ("VERB", "AUX") else verb.head
            continue
        return None
    return None
