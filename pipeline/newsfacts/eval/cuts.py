"""Fact spans that cut a word: ``python -m newsfacts.eval cuts DB``.

A span's start or end is inside a word when a letter or digit is on both sides of it, or when a
hyphen or an apostrophe with no space around it joins the two sides ("Kilroy" of "Kilroy-Silk";
a possessive "'s" is no piece of a word). Each such edge falls in one class:

- ``glued``: letters or digits on both sides ("Apple" of "Applesauce") — a defect;
- ``word``: the span's own edge word is a common (lower-case) word cut from its compound ("chairman"
  of "co-chairman", "mails" of "e-mails"; not "eBay" of "eBay-type", a name) — a defect;
- ``name``: a person's name cut at a joined piece that is a name too ("Lee Teng" of "Lee Teng-hui",
  "Kilroy" of "Kilroy-Silk"; a lower-case piece counts as a name when the tagger reads it as a proper
  noun) — a defect;
- ``compound``: a whole name or number joined to a common word ("Ontario-based", "Singh-led",
  "pro-Moscow", "£100,000-a-year") — accepted: the name is whole, the compound is not a name;
- ``pair``: two names or numbers joined by a hyphen ("US-China talks", "2001-2003", "April-September")
  — accepted: each is a fact of its own.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import click

from newsfacts.wordspan import JOINERS, run

DEFECTS = ("glued", "word", "name")
# table -> (start, end, is the span a person's name) per span column pair; label column or None
TABLES = {
    "current_entities": [("start", "end", "label")],
    "current_roles": [("start", "end", None), ("person_start", "person_end", True)],
    "current_amounts": [("start", "end", None)],
    "current_quantities": [("start", "end", None)],
    "current_dates": [("start", "end", None)],
    "current_attributions": [("start", "end", None), ("speaker_start", "speaker_end", "speaker_label"),
                             ("verb_start", "verb_end", None)],
}

Tagger = Callable[[str, int], str]


def _word(text: str, i: int, step: int) -> tuple[int, int]:
    """The run of letters and digits from ``i`` going ``step`` (1 right, -1 left), as (start, end)."""
    j = run(text, i, step)
    return (i, j) if step > 0 else (j + 1, i + 1)


def _side(text: str, edge: tuple[int, int], other: tuple[int, int], person: bool, tag: Tagger | None) -> str:
    mine, piece = text[edge[0]:edge[1]], text[other[0]:other[1]]
    if mine[:1].islower() and mine.islower():  # "eBay" of "eBay-type" is a name
        return "word"
    if piece[:1].islower() and not piece[:1].isdigit():
        return "name" if person and tag is not None and tag(text, other[0]) in ("NNP", "NNPS") else "compound"
    return "name" if person else "pair"


def cuts(text: str, start: int, end: int, person: bool = False, tag: Tagger | None = None) -> list[tuple[str, str]]:
    """(side, class) for each edge of ``text[start:end]`` that falls inside a word; see the module doc.
    ``person``: the span is a person's name; ``tag(text, offset)`` gives the tag of the word there."""
    found = []
    if 0 < end < len(text) and text[end - 1].isalnum():
        if text[end].isalnum():
            found.append(("end", "glued"))
        elif text[end] in JOINERS and end + 1 < len(text) and text[end + 1].isalnum():
            piece = _word(text, end + 1, 1)
            if not (text[end] != "-" and text[piece[0]:piece[1]].lower() == "s"):  # a possessive
                found.append(("end", _side(text, _word(text, end - 1, -1), piece, person, tag)))
    if 0 < start < len(text) and text[start].isalnum():
        if text[start - 1].isalnum():
            found.append(("start", "glued"))
        elif text[start - 1] in JOINERS and start > 1 and text[start - 2].isalnum():
            found.append(("start", _side(text, _word(text, start, 1), _word(text, start - 2, -1), person, tag)))
    return found


def model_tagger(model: str | None = None) -> Tagger:
    """Tags from the base spaCy model, reading the line around the word."""
    from newsfacts import nlp as nlp_module

    nlp = nlp_module.load(model, only=[])

    @lru_cache(maxsize=4096)
    def tag_line(line: str) -> tuple[tuple[int, str], ...]:
        return tuple((t.idx, t.tag_) for t in nlp(line))

    def tag(text: str, offset: int) -> str:
        lo = text.rfind("\n", 0, offset) + 1
        hi = text.find("\n", offset)
        hi = len(text) if hi < 0 else hi
        return dict(tag_line(text[lo:hi])).get(offset - lo, "")

    return tag


def scan(db: Path, tag: Tagger | None = None) -> list[tuple[str, str, str, str, str]]:
    """Every cut edge of the current facts: (table.column, side, class, article id, context)."""
    con = sqlite3.connect(db)
    texts = dict(con.execute("SELECT id, text FROM current_articles"))
    out = []
    for table, spans in TABLES.items():
        cols = [c for s, e, p in spans for c in (s, e) + ((p,) if isinstance(p, str) else ())]
        for row in con.execute(f"SELECT article_id, {', '.join(cols)} FROM {table}"):  # noqa: S608
            text, values = texts[row[0]], dict(zip(cols, row[1:], strict=True))
            for s, e, p in spans:
                start, end = values[s], values[e]
                if start is None:
                    continue
                person = p is True or (isinstance(p, str) and values[p] == "PERSON")
                for side, kind in cuts(text, start, end, person, tag):
                    context = f"{text[max(0, start - 20):start]}[{text[start:end]}]{text[end:end + 20]}"
                    column = s.removesuffix("start").rstrip("_")
                    where = ".".join(filter(None, (table.removeprefix("current_"), column)))
                    out.append((where, side, kind, row[0], context))
    return out


@click.command("cuts")
@click.argument("db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--show", is_flag=True, help="Print every cut edge, not only the counts.")
@click.option("--model", default=None, help="Base spaCy model for the tags (default: the configured one).")
def command(db: Path, show: bool, model: str | None) -> None:
    """Count the fact spans of DB whose start or end falls inside a word, by class (see
    ``newsfacts.eval.cuts``); exit status 1 when any is a defect (glued, word, name)."""
    found = scan(db, model_tagger(model))
    counts = Counter((where, kind) for where, _, kind, _, _ in found)
    for (where, kind), n in sorted(counts.items()):
        click.echo(f"{where:34} {kind:9} {n}")
    totals = Counter(kind for _, _, kind, _, _ in found)
    click.echo("total: " + ", ".join(f"{k} {totals.get(k, 0)}" for k in (*DEFECTS, "compound", "pair")))
    if show:
        for where, side, kind, article, context in found:
            click.echo(f"{kind}\t{where}\t{side}\t{article}\t{context!r}")
    sys.exit(1 if any(totals.get(k) for k in DEFECTS) else 0)
