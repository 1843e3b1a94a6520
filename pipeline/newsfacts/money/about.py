"""What an amount is about and whether it is a target, a forecast or an actual figure, from the parse.

The last stage, run only on the amounts and quantities found: ``about`` is the noun phrase the figure
measures (the subject of "reach", "total", "stand at" ...; the noun a figure modifies or is "worth";
"$717m in disaster relief"; "profits" in "a rise in profits to $2bn"; the thing sold or paid for), words
of the parse within one sentence, or nothing: never a piece of a figure, a parenthesis, a name, the party a
verb pays or sues (party_verbs.txt), a level's noun ("a record high of", level_nouns.txt), a part's noun
of a sum ("the bulk of the £35bn", partitive_nouns.txt) or a word across the dash closing an aside; a
total's or a part's noun is named with what it is of ("the value of trade", "the proportion of pupils").
A pronoun ("bring it to $3 billion") takes the thing measured just before in the sentence. ``status`` is
target / forecast when a governing word says so (plan, aim, goal, expect, will ...), actual for measuring
verbs in the past or present. The words that decide are in
``models/money/`` (status.tsv and the verb and noun lists); dependency labels stay here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsfacts.money.numbers import CONVERSION_GAP
from newsfacts.money.phrases import (
    NAMES,
    ORDINALS,
    bare_activity,
    dash_between,
    figure_piece,
    is_thing,
    of_child,
    phrase,
)
from newsfacts.records import Amount, Quantity
from newsfacts.wordlists import read_table, read_words

_BOUND_PREPS = frozenset({"over", "under", "below", "above"})  # a bound on what the noun before it measures
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year"})


@dataclass(frozen=True, slots=True)
class AboutWords:
    """The vocabulary of this stage, read from a ``models/money`` folder."""

    status: dict[str, str]  # lemma -> target | forecast | actual (status.tsv)
    pronouns: set[str]  # pronouns.txt
    raise_verbs: set[str]  # raise_verbs.txt
    measure_verbs: set[str]  # measure_verbs.txt
    time_nouns: set[str]  # time_nouns.txt
    containers: set[str]  # containers.txt
    change_nouns: set[str]  # change_nouns.txt
    party_verbs: set[str]  # party_verbs.txt
    level_nouns: set[str]  # level_nouns.txt
    partitives: set[str]  # partitive_nouns.txt
    period_adjectives: set[str]  # period_adjectives.txt

    @classmethod
    def read(cls, models: Path) -> AboutWords:
        return cls(
            status={w: s for w, s in read_table(models / "status.tsv")},
            pronouns=read_words(models / "pronouns.txt"),
            raise_verbs=read_words(models / "raise_verbs.txt"),
            measure_verbs=read_words(models / "measure_verbs.txt"),
            time_nouns=read_words(models / "time_nouns.txt"),
            containers=read_words(models / "containers.txt"),
            change_nouns=read_words(models / "change_nouns.txt"),
            party_verbs=read_words(models / "party_verbs.txt"),
            level_nouns=read_words(models / "level_nouns.txt"),
            partitives=read_words(models / "partitive_nouns.txt"),
            period_adjectives=read_words(models / "period_adjectives.txt"),
        )


_PER_SHARE_GAP = re.compile(r"\s*,\s*or\s+")


def _restated(text: str, total: Amount, a: Amount) -> bool:
    """"a net loss of 4.2 mln dlrs, or 31 cts a share": a unit price after ", or" restates the total
    before it per unit, and measures what it measures."""
    return bool(a.per_unit and not total.per_unit and _PER_SHARE_GAP.fullmatch(text, total.end, a.start))


_UNIT_WORDS = re.compile(r"[\s\-]*(?:(?:an?|per|each)[\s\-]+)?([A-Za-z]+)", re.I)


def _unit_written(text: str, a: Amount) -> str:
    """The unit of a unit price as written after the figure ("shr" in "1.90 dlr shr writedown"), else
    the unit noun; lower case."""
    if a.text.lower().endswith(a.per_unit):
        return a.per_unit  # "530 pence-a-share": the unit is in the figure's span
    m = _UNIT_WORDS.match(text, a.end)
    return m.group(1).lower() if m and m.group(1).lower() != "a" else a.per_unit


def annotate(doc: Doc, amounts: list[Amount], quantities: list[Quantity], text: str, words: AboutWords) -> None:
    """Set ``about`` and ``status`` of the amounts and ``about`` of the quantities."""
    if not doc.has_annotation("DEP"):
        return
    last_about: tuple[int, str] | None = None  # (sentence start, about)
    prev: Amount | None = None
    chain: list[Amount] = []  # an amount and its conversions so far
    for a in amounts:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        # "$186m (£98m; 143m euros)": a conversion says what the amount before it says; when the parse
        # gives the first none, the last may ("A$648m ($492m) profit"), and says it for all of them
        converted = prev is not None and (CONVERSION_GAP.fullmatch(text[prev.end:a.start]) is not None or (
            _restated(text, prev, a)))
        chain = [*chain, a] if converted else [a]
        if converted and prev.about is not None:
            a.about, a.status = prev.about, prev.status
            prev = a
            continue
        sent_start = span.sent.start
        about, pronoun, status_noun = _about(span, words)
        a.status = _status(span, words)
        # "plans to bring it to $3 billion", "a goal to reach $3 billion": the thing just measured
        if (pronoun or status_noun) and (
                last_about and last_about[0] == sent_start):
            about = last_about[1]
        elif pronoun:
            about = None
        unit = _unit_written(text, a) if about and a.per_unit else None
        if about and unit and about.lower() == unit:
            about = None
        if about and unit and about.lower().startswith(unit + " "):
            about = about[len(unit) + 1:]  # "£20 ($38) a month wi-fi tariff" measures the tariff
        if about and any(b.text.lower().endswith(about.lower()) for b in amounts):
            about = None  # "11-14 euros a share": the currency word of an amount says nothing it measures
        if about and converted:
            # only the noun right after the chain is what all of it measures: "A$648m ($492m) profit"
            if re.match(r"[\s)\]]*" + re.escape(about.split()[0]), text[a.end:a.end + 40]):
                for b in chain:
                    b.about = about
            else:
                about = None
        a.about = about
        if about:
            last_about = (sent_start, about)
        prev = a
    # one range measures one thing: what its first end measures, else what the parse gives its second end
    # ("the $2-$3.8 trillion costs", "penalties of between $50-100,000")
    for lo, hi in zip(amounts, amounts[1:], strict=False):
        if lo.qualifier == "range" and hi.qualifier == "range_end":
            if lo.about is None:
                lo.about = hi.about
            hi.about = lo.about
    # "trade" and, later, "bilateral trade" for the same figures: use the fuller name of the thing named
    # before, or later for the same figure ("penalties" of $2bn are no later "personal financial penalties"
    # of $50), but never a name made fuller by a period ("turnover" for the year is no "fourth quarter turnover",
    # profits of a quarter no "annual profits") nor a total's ("value of trade" is no "trade")
    fuller: dict[str, list[Amount]] = {}
    for a in amounts:
        if a.about and " " in a.about and " of " not in a.about and not any(
                w.lower() in words.time_nouns | words.period_adjectives or w.lower() in ORDINALS
                for w in a.about.split()[:-1]):
            fuller.setdefault(a.about.rsplit(" ", 1)[1].lower(), []).append(a)
    for a in amounts:
        if a.about and " " not in a.about:
            a.about = next((f.about for f in fuller.get(a.about.lower(), ()) if f.start < a.start or (
                f.value, f.currency) == (a.value, a.currency)), a.about)
    for q in quantities:
        if q.about:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and len(span):
            about, pronoun, _ = _about(span, words)
            if about and not pronoun:
                q.about = about


def _about(span: Span, words: AboutWords) -> tuple[str | None, bool, bool]:
    """(what the amount measures, whether that was a pronoun, whether it is a status noun)."""
    tok = span.root
    # "vs profit 300,000 dlrs": a noun right before the figure that the parse hangs on it names it
    before = span.doc[span.start - 1] if span.start else None
    if (before is not None and before.dep_ == "compound" and span.start <= before.head.i < span.end
            and before.pos_ == "NOUN" and before.lemma_.lower() not in words.time_nouns
            and (before.i == 0 or before.nbor(-1).dep_ not in ("compound", "amod", "nmod", "nummod", "det", "poss"))):
        return _noun(before, words)
    # "$717m in disaster relief", "$100m of new investment" (the parser may hang "in" on the verb, on a
    # piece of the figure, "£40m of invoices", or on the rate and conversion between: "$50bn (£27bn) a year in aid")
    after = [tok.head] if tok.dep_ == "dobj" else []
    gap = _gap_after(span, words)
    for child in [*(c for t in span for c in t.children), *(c for h in after for c in h.children if c.i == gap.end),
                  *(c for g in gap for c in g.children if c.i == gap.end)]:
        if child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i >= span.end:
            pobj = next((x for x in child.children if x.dep_ == "pobj"), None)
            if (pobj is not None and pobj.pos_ == "NOUN" and pobj.ent_type_ not in ("DATE", "TIME")
                    and pobj.lemma_.lower() not in words.time_nouns
                    # "$9bn in earnings" is earnings; "$25m in the suit", "$5m in its deal" say where
                    and not (child.lower_ == "in" and any(c.dep_ in ("det", "poss") or c.ent_type_ in ("TIME", "DATE")
                                                          for c in pobj.children))):  # nor "in morning trade"
                return _noun(pobj, words, span)
    contained = False  # the figure is a level ("a record high of $53"): what reached it is measured
    for _ in range(5):
        head = tok.head
        if head.i == tok.i or dash_between(tok, head):
            return None, False, False
        if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):  # "cut by an average of £40" (passive "by")
            prep, target = head, head.head
            if dash_between(prep, target):
                return None, False, False  # "valued Ferrari - which owns the brand - at 2.3bn euros"
            if target.pos_ in ("NOUN", "PROPN") and target.lemma_.lower() in words.level_nouns and (
                    prep.lower_ in ("of", "at") or prep.lower_ in _BOUND_PREPS):
                tok, contained = target, True
                continue
            if target.pos_ in ("NOUN", "PROPN") and prep.lower_ in ("of", "worth", "at", "for", "to", "from", "by"):
                if target.lemma_.lower() in words.containers:
                    tok = target
                    continue
                if prep.lower_ in ("for", "at") and bare_activity(target):
                    tok = target  # "is on sale for 79p", "available for download at 79p": what is sold is measured
                    continue
                if target.lemma_.lower() in words.time_nouns:
                    return None, False, False  # "to the tune of $600m", "a year of $5bn" say nothing it measures
                if prep.lower_ in ("to", "from") and target.lemma_.lower() in words.change_nouns:
                    return _changed(target, words, span)  # "a 6% rise in profits to £280m": the profits
                near = prep.doc[prep.i - 1]  # "seventh place and takings of $4.7m": the noun next to "of"
                if near.dep_ == "conj" and near.head.i == target.i and near.pos_ == "NOUN":
                    target = near
                return _noun(target, words, span)
            if prep.lower_ in _BOUND_PREPS and target.pos_ in ("NOUN", "PROPN"):
                return _noun(target, words, span)  # "capitalisations below $700m" measures capitalisations
            if target.pos_ in ("VERB", "AUX"):
                if contained and target.lemma_.lower() not in words.measure_verbs | words.raise_verbs:
                    return None, False, False  # "tracked a surge to a record high of $53": whose high?
                return _verb_about(target, prep, words)
            tok = target
            continue
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ in ("DATE", "TIME") and tok.dep_ in (
                "compound", "amod", "nmod", "nummod") and head.dep_ in ("compound", "amod", "nmod"):
            tok = head  # "an £8m January bid": the date between says when, the bid is measured
            continue
        if head.pos_ in ("NOUN", "PROPN") and tok.dep_ in (
                "compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "poss"):
            if head.lemma_.lower() in words.containers or head.dep_ == "poss" and head.head.i > head.i and (
                    head.head.pos_ == "NOUN"):  # "a $1.7bn donors' aid package" is the package's figure
                tok = head
                continue
            return _noun(head, words, span)
        if head.pos_ in ("VERB", "AUX") and tok.dep_ in (
                "dobj", "attr", "npadvmod", "advmod", "oprd", "acomp", "appos", "dative", "nmod"):
            return _verb_about(head, tok, words)
        if tok.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            # "to sell for £339 in the UK and $499 in the US": the second figure shares the first's preposition
            first = next((g for p in head.children if p.dep_ == "prep" and p.i < tok.i
                          for g in p.children if g.dep_ == "pobj" and g.ent_type_ == "MONEY"), None)
            if first is None:
                return None, False, False
            tok = first
            continue
        if tok.dep_ in ("conj", "appos", "amod") or head.lower_ == "worth":
            tok = head
            continue
        return None, False, False
    return None, False, False


def _gap_after(span: Span, words: AboutWords) -> Span:
    """The conversion and rate right after a figure: " (£27bn) a year" in "$50bn (£27bn) a year in aid"."""
    doc, j = span.doc, span.end
    while j < min(len(doc), span.end + 12) and (figure_piece(doc[j]) or doc[j].dep_ == "det" or (
            doc[j].dep_ == "npadvmod" and doc[j].lemma_.lower() in words.time_nouns)):
        j += 1
    return doc[span.end:j]


def _noun(tok: Token, words: AboutWords, span: Span | None = None) -> tuple[str | None, bool, bool]:
    if span is not None and span.start <= tok.i < span.end:
        return None, False, False
    if tok.lower_ in words.pronouns or tok.pos_ == "PRON":
        return tok.text, True, False
    if not is_thing(tok) or tok.lemma_.lower() in _TIME_UNITS:
        return None, False, False  # "a 35 hour week at £5.05": a rate for the time, not the time
    lemma = tok.lemma_.lower()
    measured = of_child(tok) if lemma in words.containers | words.partitives else None
    if measured is not None and measured.head.lower_ != "of":
        measured = None  # "their part in the sale" is a role, no part of a thing
    if measured is not None and is_thing(measured) and (span is None or not span.start <= measured.i < span.end):
        # "the value of trade rose to $186m", "the proportion of pupils rose to 62%": the noun alone says
        # nothing of what it totals or takes a part of
        doc, end = tok.doc, measured.i
        while end + 1 < len(doc) and not doc[end].whitespace_ and "-" in (doc[end].text, doc[end + 1].text):
            end += 1  # "the amount of e-mail"
        return f"{phrase(tok, span)} {doc[measured.head.i:end + 1].text}", False, words.status.get(lemma) in (
            "target", "forecast")
    if measured is not None and lemma in words.partitives:
        return None, False, False  # "the bulk of the £35bn", "half of the $20bn": a part of a figure measures nothing
    return phrase(tok, span) or None, False, words.status.get(tok.lemma_.lower()) in ("target", "forecast")


def _changed(change: Token, words: AboutWords, span: Span | None = None) -> tuple[str | None, bool, bool]:
    """What a change measures: "profits" of "a rise in profits to £280m", else nothing (not "rise")."""
    measured = of_child(change)
    return _noun(measured, words, span) if measured is not None else (None, False, False)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _verb_about(verb: Token, obj: Token, words: AboutWords) -> tuple[str | None, bool, bool]:
    """The subject of a measuring verb ("trade reached $2bn"), or the object a verb brings to the
    amount ("bring it to $3 billion"); None for verbs of agents ("BP spent $7.5bn")."""
    lemma = verb.lemma_.lower()
    if any(f"{lemma} {c.lower_}" in words.party_verbs for c in verb.children if c.dep_ in ("prt", "advmod")):
        return None, False, False  # "will set the buyer back £700": a phrasal verb of paying
    bought = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                   if g.dep_ == "pobj" and g.pos_ == "NOUN"), None) if obj.dep_ == "dobj" else None
    if bought is not None and lemma in words.party_verbs:
        return _noun(bought, words)  # "fans must pay £45 for a ticket": the price of what is paid for
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != obj.i), None)
    if lemma in words.raise_verbs and dobj is not None:
        return _noun(dobj, words)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if lemma in words.raise_verbs and passive is not None and passive.ent_type_ not in NAMES:
        return _noun(passive, words)  # "taxes were raised by £10bn", "the stake was sold for $9bn"
    if lemma not in words.measure_verbs:
        # the object of another verb, unless it is the party paying or paid ("sued the government for
        # $28bn"); of a change, what changed ("tracked a surge in gasoline futures to $1.48")
        if dobj is None or dobj.ent_type_ != "" or lemma in words.party_verbs:
            return None, False, False
        if dobj.lemma_.lower() in words.change_nouns:
            return _changed(dobj, words)
        return _noun(dobj, words)
    subj, v = _subject(verb), verb
    for _ in range(3):
        if subj is not None:
            break
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return _noun(v.head, words)
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            subj = _subject(v)
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "jumped to $53.09 before closing at $53.03": the subject of "jumped"
            subj = _subject(v)
            continue
        break
    if subj is None:
        return None, False, False
    if subj.lower_ in ("which", "that", "who") and v.dep_ == "relcl":
        return _noun(v.head, words)
    if subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return (_noun(dobj, words) if dobj is not None else (None, False, False))
    about = _noun(subj, words)
    # "investment flows ... have reached": a plural noun read as a verb right after its subject
    if v is not verb and v.i == subj.i + 1 and v.tag_ == "VBZ" and about[0] and not about[1]:
        return f"{about[0]} {v.text}", False, about[2]
    return about


def _status(span: Span, words: AboutWords) -> str | None:
    actual = None
    tok = span.root
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        s = words.status.get(tok.lemma_.lower())
        if s in ("target", "forecast"):
            return s
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in ("will", "would", "could", "may", "might") and c.dep_ == "aux" for c in tok.children):
                return "forecast"
            if s == "actual" and actual is None and tok.tag_ in ("VBD", "VBZ", "VBN", "VBG", "VBP"):
                actual = "actual"
        if tok.dep_ == "ROOT":
            break
    return actual
