"""The diff engine: facts paired by kind and span, and the result types the renderers read.

Facts are paired by kind and span (offsets of an edited text are aligned word by word) and
reported as added, removed or changed (other words, a moved boundary, another value, label,
canonical name, speaker ...).
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from newsfacts.diff.align import OffsetMap
from newsfacts.diff.sides import METADATA_FIELDS, Side, load_side, pair_articles
from newsfacts.records import KINDS

CHANGES = ("added", "removed", "changed")
# Fields that say where a fact is, not what it is: compared as the span and its words, not as values.
POSITION_FIELDS = {"start", "end", "text"}


# --- pairing facts ------------------------------------------------------------------------------

@functools.cache
def value_fields(names: tuple[str, ...]) -> list[str]:
    """The fields whose change is a change of the fact: everything but where it is."""
    return [n for n in names if n not in POSITION_FIELDS and not n.endswith(("_start", "_end"))]


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9)
    return a == b


def _words(text: str | None) -> str:
    """A fact's words, whitespace aside: re-wrapping a paragraph changes no fact."""
    return " ".join((text or "").split())


def changed_fields(kind: str, old: dict, new: dict, span: tuple[int, int] | None = None) -> dict[str, list]:
    """What differs between two paired facts: ``text`` (their words), ``span`` (a moved boundary, when the
    old span's image ``span`` in the new text is not the new fact's span), and every value field."""
    names = tuple(old) if old.keys() == new.keys() else tuple(dict.fromkeys([*old, *new]))
    fields: dict[str, list] = {}
    if _words(old.get("text")) != _words(new.get("text")):
        fields["text"] = [old.get("text"), new.get("text")]
    if span is not None and span != (new["start"], new["end"]):
        fields["span"] = [[old["start"], old["end"]], [new["start"], new["end"]]]
    fields |= {n: [old.get(n), new.get(n)] for n in value_fields(names) if not _same(old.get(n), new.get(n))}
    return fields


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def diff_facts(kind: str, old: list[dict], new: list[dict], offsets: OffsetMap) -> tuple[list[dict], int]:
    """Changes between two fact lists of one kind in one article, and how many facts are unchanged.

    Facts pair, in turn, by the same span (its image in an edited text); by the same words, for facts
    inside edited passages (a moved sentence); and by overlapping spans: a moved boundary ("Minister
    Yermek Kosherbayev" → "Yermek Kosherbayev") or edited words ("$1.4 billion" → "$2.8 billion").
    A paired fact that differs in its words, its span or any value is "changed".
    """
    pairs: list[tuple[dict, int, tuple[int, int] | None]] = []  # (old fact, new index, old span's image)
    used: set[int] = set()
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, f in enumerate(new):
        by_span[(f["start"], f["end"])].append(j)

    def take(candidates: list[int], o: dict, image: tuple[int, int] | None) -> int | None:
        free = [j for j in candidates if j not in used]
        if not free:
            return None
        exact = [j for j in free if not changed_fields(kind, o, new[j])]  # duplicates: prefer an identical one
        j = (exact or free)[0]
        used.add(j)
        pairs.append((o, j, image))
        return j

    rest: list[dict] = []
    for o in old:
        span = offsets.span(o["start"], o["end"])
        if not (span and take(by_span.get(span, []), o, span) is not None):
            rest.append(o)
    # Facts inside edited passages have no aligned span: pair them by their words instead (a moved
    # sentence: where it went is no boundary change).
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, f in enumerate(new):
        if j not in used:
            by_text[_words(f["text"])].append(j)
    rest = [o for o in rest
            if offsets.span(o["start"], o["end"]) or take(by_text.get(_words(o["text"]), []), o, None) is None]
    # Overlapping spans, the largest overlap first.
    near = {id(o): offsets.near(o["start"], o["end"]) for o in rest}
    candidates = sorted(
        ((-_overlap(near[id(o)], (f["start"], f["end"])), abs(near[id(o)][0] - f["start"]), i, j)
         for i, o in enumerate(rest) if near[id(o)] for j, f in enumerate(new)
         if j not in used and _overlap(near[id(o)], (f["start"], f["end"])) > 0))
    paired: set[int] = set()
    for _, _, i, j in candidates:
        if i not in paired and j not in used:
            paired.add(i)
            used.add(j)
            pairs.append((rest[i], j, near[id(rest[i])]))
    changes: list[dict] = []
    unchanged = 0
    for o, j, image in pairs:
        if fields := changed_fields(kind, o, new[j], image):
            changes.append({"kind": kind, "change": "changed", "old": o, "new": new[j], "fields": fields})
        else:
            unchanged += 1
    changes += [{"kind": kind, "change": "removed", "old": o, "new": None, "fields": {}}
                for i, o in enumerate(rest) if i not in paired]
    changes += [{"kind": kind, "change": "added", "old": None, "new": f, "fields": {}}
                for j, f in enumerate(new) if j not in used]
    changes.sort(key=lambda c: ((c["new"] or c["old"])["start"], CHANGES.index(c["change"])))
    return changes, unchanged


# --- the whole diff -----------------------------------------------------------------------------

@dataclass
class ArticleDiff:
    old: dict | None
    new: dict | None
    changes: list[dict] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    old_facts: dict[str, list[dict]] = field(default_factory=dict)
    new_facts: dict[str, list[dict]] = field(default_factory=dict)
    metadata: dict[str, list] = field(default_factory=dict)  # field -> [old, new], for those that differ

    @property
    def differs(self) -> bool:
        return bool(self.changes or self.metadata)

    @property
    def status(self) -> str:
        if self.new is None:
            return "only-old"
        if self.old is None:
            return "only-new"
        return "same-text" if self.old["id"] == self.new["id"] else "text-changed"

    @property
    def name(self) -> str:
        a = self.new or self.old
        return a["path"] + (f"#{a['record_id']}" if a["record_id"] else "")


@dataclass
class Diff:
    old_label: str
    new_label: str
    kinds: tuple[str, ...]
    articles: list[ArticleDiff]
    # Between runs, an article only one run extracted (incremental runs skip unchanged ones) is news,
    # not a difference; between databases it is a difference.
    unpaired_differ: bool = True

    @property
    def compared(self) -> list[ArticleDiff]:
        return [a for a in self.articles if a.old is not None and a.new is not None]

    @property
    def only_old(self) -> list[ArticleDiff]:
        return [a for a in self.articles if a.new is None]

    @property
    def only_new(self) -> list[ArticleDiff]:
        return [a for a in self.articles if a.old is None]

    @property
    def different(self) -> bool:
        unpaired = self.unpaired_differ and bool(self.only_old or self.only_new)
        return unpaired or any(a.differs for a in self.articles)

    def summary(self) -> dict[str, dict[str, int]]:
        total = {k: {"added": 0, "removed": 0, "changed": 0, "unchanged": 0} for k in self.kinds}
        for a in self.compared:
            for kind, counts in a.counts.items():
                for name, n in counts.items():
                    total[kind][name] += n
        return total

    def as_json(self) -> dict:
        def article(a: ArticleDiff) -> dict:
            return {"path": (a.new or a.old)["path"], "record_id": (a.new or a.old)["record_id"],
                    "title": (a.new or a.old)["title"], "old_id": a.old and a.old["id"],
                    "new_id": a.new and a.new["id"], "status": a.status, "metadata": a.metadata,
                    "counts": a.counts, "changes": a.changes}

        return {"old": self.old_label, "new": self.new_label, "different": self.different,
                "summary": self.summary(), "articles_compared": len(self.compared),
                "articles_with_changes": sum(1 for a in self.compared if a.differs),
                "articles_metadata_changed": sum(1 for a in self.compared if a.metadata),
                "articles_text_edited": sum(1 for a in self.compared if a.status == "text-changed"),
                "articles": [article(a) for a in self.compared if a.differs],
                "only_old": [article(a) | {"facts": _fact_total(a.old_facts)} for a in self.only_old],
                "only_new": [article(a) | {"facts": _fact_total(a.new_facts)} for a in self.only_new]}


def _fact_total(facts: dict[str, list]) -> int:
    return sum(len(v) for v in facts.values())


def diff_sides(old: Side, new: Side, kinds: tuple[str, ...] = KINDS, article: str | None = None,
               unpaired_differ: bool = True) -> Diff:
    """Pair the articles of two sides and their facts of the given kinds."""
    pairs, old_rest, new_rest = pair_articles(old, new)
    chosen = _chosen(old, new, article)
    result: list[ArticleDiff] = []
    for o, n in pairs:
        a_old, a_new = old.articles[o], new.articles[n]
        if not (chosen(a_old) or chosen(a_new)):
            continue
        offsets = OffsetMap(a_old["text"], a_new["text"])
        item = ArticleDiff(a_old, a_new, old_facts={k: old.facts[o][k] for k in kinds},
                           new_facts={k: new.facts[n][k] for k in kinds},
                           metadata={f: [a_old.get(f), a_new.get(f)] for f in METADATA_FIELDS
                                     if f in a_old and f in a_new and a_old[f] != a_new[f]})
        for kind in kinds:
            changes, unchanged = diff_facts(kind, old.facts[o][kind], new.facts[n][kind], offsets)
            item.changes += changes
            item.counts[kind] = {c: sum(1 for x in changes if x["change"] == c) for c in CHANGES}
            item.counts[kind]["unchanged"] = unchanged
        result.append(item)
    for i in old_rest:
        if chosen(old.articles[i]):
            result.append(ArticleDiff(old.articles[i], None, old_facts={k: old.facts[i][k] for k in kinds}))
    for i in new_rest:
        if chosen(new.articles[i]):
            result.append(ArticleDiff(None, new.articles[i], new_facts={k: new.facts[i][k] for k in kinds}))
    result.sort(key=lambda a: (a.name, a.status))
    return Diff(old.label, new.label, kinds, result, unpaired_differ)


def _chosen(old: Side, new: Side, ref: str | None) -> Callable[[dict], bool]:
    """Whether an article is one ``--article`` names: on both sides, the best matches as the read commands
    take them (``newsfacts.query.filters.article_score``)."""
    if not ref:
        return lambda a: True
    from newsfacts.query.filters import article_score

    best = max((article_score(a, ref) for a in [*old.articles.values(), *new.articles.values()]), default=0)
    return lambda a: best > 0 and article_score(a, ref) == best


def diff_databases(old_path: str, new_path: str, kinds: tuple[str, ...] = KINDS, article: str | None = None,
                   runs: tuple[int, int] | None = None) -> Diff:
    """Current facts of OLD vs NEW, or with ``runs`` (A, B) run A of OLD vs run B of NEW."""
    from newsfacts.query import connect

    old_conn = connect(old_path)
    new_conn = old_conn if new_path == old_path else connect(new_path)
    try:
        run_a, run_b = runs or (None, None)
        old = load_side(old_conn, f"{old_path}" + (f" run {run_a}" if run_a is not None else ""), run_a)
        new = load_side(new_conn, f"{new_path}" + (f" run {run_b}" if run_b is not None else ""), run_b)
    finally:
        old_conn.close()
        if new_conn is not old_conn:
            new_conn.close()
    if article and not any(map(_chosen(old, new, article), [*old.articles.values(), *new.articles.values()])):
        from newsfacts.query import QueryError

        raise QueryError(f"no article matches {article!r} on either side")
    return diff_sides(old, new, kinds, article, unpaired_differ=runs is None)

