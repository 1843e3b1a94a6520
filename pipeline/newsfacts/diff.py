"""What changed in the extracted facts between two databases or two runs.

Reviewing a rule change means re-running ingest and reading the difference. Articles
are paired by id (the hash of their text) or, where the text changed, by the file and
record they came from; facts are then paired by kind and span (offsets of an edited
text are aligned word by word) and reported as added, removed or changed (same span,
different value, label, canonical name, speaker ...).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import html
import json
import math
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from newsfacts.records import KINDS, TABLE_OF

CHANGES = ("added", "removed", "changed")
# Fields that say where a fact is, not what it is: never compared.
POSITION_FIELDS = {"start", "end", "text"}
# Columns of a fact table that are bookkeeping, not fields of the fact (newsfacts.records).
NOT_FACT_COLUMNS = {"article_id", "run_id", "entity_id"}


# --- loading one side ---------------------------------------------------------------------------

@dataclass
class Side:
    """The facts one side of a diff holds: a database's current facts, or one run's."""

    label: str
    articles: dict[str, dict] = field(default_factory=dict)  # id -> {id, path, record_id, title, text}
    facts: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # id -> kind -> fact rows


def load_side(conn: sqlite3.Connection, label: str, run: int | None = None) -> Side:
    """Current facts of every current article, or (with ``run``) the facts of the articles that run extracted."""
    from newsfacts.query import check_run

    check_run(conn, run)
    side = Side(label)
    if run is None:
        pairs = ("SELECT c.article_id, c.run_id FROM current_runs c JOIN articles a ON a.id = c.article_id "
                 "WHERE a.current = 1")
        params: list = []
    else:
        pairs = "SELECT article_id, run_id FROM extractions WHERE run_id = ?"
        params = [run]
    for r in conn.execute(f"SELECT a.id, a.path, a.record_id, a.title, a.text FROM articles a "
                          f"JOIN ({pairs}) p ON p.article_id = a.id", params):
        side.articles[r[0]] = {"id": r[0], "path": r[1], "record_id": r[2], "title": r[3], "text": r[4]}
        side.facts[r[0]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        names = [c for c in _columns(conn, TABLE_OF[kind]) if c not in NOT_FACT_COLUMNS]
        cols = ", ".join(f"f.{n}" for n in names)
        sql = (f"SELECT f.article_id, {cols} FROM {TABLE_OF[kind]} f JOIN ({pairs}) p "
               f"ON p.article_id = f.article_id AND p.run_id = f.run_id ORDER BY f.article_id, f.start, f.end")
        for r in conn.execute(sql, params):
            if r[0] in side.facts:
                side.facts[r[0]][kind].append(dict(zip(names, r[1:], strict=True)))
    return side


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


# --- pairing articles ---------------------------------------------------------------------------

def _source_keys(article: dict) -> list[tuple]:
    """Where an article came from, most specific first: (path, record) then (file name, record)."""
    path = article["path"] or ""
    return [("path", path, article["record_id"]), ("name", Path(path).name, article["record_id"])]


def pair_articles(old: Side, new: Side) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(old id, new id) pairs: same text first, then same source; and the ids left on each side."""
    pairs = [(i, i) for i in old.articles if i in new.articles]
    old_rest = [i for i in old.articles if i not in new.articles]
    new_rest = [i for i in new.articles if i not in old.articles]
    for level in range(2):
        by_key: dict[tuple, list[str]] = defaultdict(list)
        for i in new_rest:
            by_key[_source_keys(new.articles[i])[level]].append(i)
        olds: dict[tuple, list[str]] = defaultdict(list)
        for i in old_rest:
            olds[_source_keys(old.articles[i])[level]].append(i)
        for key, old_ids in olds.items():
            if len(old_ids) == 1 and len(by_key.get(key, ())) == 1:  # only unambiguous sources
                pairs.append((old_ids[0], by_key[key][0]))
        paired_old = {o for o, _ in pairs}
        paired_new = {n for _, n in pairs}
        old_rest = [i for i in old_rest if i not in paired_old]
        new_rest = [i for i in new_rest if i not in paired_new]
    return pairs, old_rest, new_rest


# --- aligning offsets of an edited text ---------------------------------------------------------

class OffsetMap:
    """Maps character offsets of the old text into the new one through the words both share."""

    def __init__(self, old: str, new: str) -> None:
        self.identity = old == new
        if self.identity:
            return
        self.old_words = [(m.start(), m.end()) for m in re.finditer(r"\S+", old)]
        self.new_words = [(m.start(), m.end()) for m in re.finditer(r"\S+", new)]
        self.starts = [s for s, _ in self.old_words]
        matcher = difflib.SequenceMatcher(None, [old[s:e] for s, e in self.old_words],
                                          [new[s:e] for s, e in self.new_words], autojunk=False)
        self.word_map = {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
        self.opcodes = matcher.get_opcodes()

    def edits(self, side: str) -> list[tuple[int, int]]:
        """Character ranges of the words only the old (deleted) or only the new (inserted) text has."""
        if self.identity:
            return []
        words = self.old_words if side == "old" else self.new_words
        ranges = []
        for op, i1, i2, j1, j2 in self.opcodes:
            lo, hi = (i1, i2) if side == "old" else (j1, j2)
            if op != "equal" and hi > lo:
                ranges.append((words[lo][0], words[hi - 1][1]))
        return ranges

    def char(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.old_words[i][1] or i not in self.word_map:
            return None
        return self.new_words[self.word_map[i]][0] + offset - self.old_words[i][0]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        if self.identity:
            return start, end
        if end <= start:
            return None
        s, e = self.char(start), self.char(end - 1)
        return (s, e + 1) if s is not None and e is not None and e >= s else None


# --- pairing facts ------------------------------------------------------------------------------

@functools.cache
def value_fields(names: tuple[str, ...]) -> list[str]:
    """The fields whose change is a change of the fact: everything but where it is."""
    return [n for n in names if n not in POSITION_FIELDS and not n.endswith(("_start", "_end"))]


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9)
    return a == b


def changed_fields(kind: str, old: dict, new: dict) -> dict[str, list]:
    names = tuple(old) if old.keys() == new.keys() else tuple(dict.fromkeys([*old, *new]))
    return {n: [old.get(n), new.get(n)] for n in value_fields(names) if not _same(old.get(n), new.get(n))}


def diff_facts(kind: str, old: list[dict], new: list[dict], offsets: OffsetMap) -> tuple[list[dict], int]:
    """Changes between two fact lists of one kind in one article, and how many facts are unchanged."""
    changes: list[dict] = []
    unchanged = 0
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, f in enumerate(new):
        by_span[(f["start"], f["end"])].append(j)
    used: set[int] = set()
    unmatched_old: list[dict] = []

    def take(candidates: list[int], o: dict) -> int | None:
        free = [j for j in candidates if j not in used]
        if not free:
            return None
        exact = [j for j in free if not changed_fields(kind, o, new[j])]  # duplicates: prefer an identical one
        return (exact or free)[0]

    for o in old:
        span = offsets.span(o["start"], o["end"])
        j = take(by_span.get(span, []), o) if span else None
        if j is None:
            unmatched_old.append(o)
            continue
        used.add(j)
        if fields := changed_fields(kind, o, new[j]):
            changes.append({"kind": kind, "change": "changed", "old": o, "new": new[j], "fields": fields})
        else:
            unchanged += 1
    # Facts inside edited passages have no aligned span: pair them by their text instead.
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, f in enumerate(new):
        if j not in used:
            by_text[f["text"]].append(j)
    for o in unmatched_old:
        j = None if offsets.span(o["start"], o["end"]) else take(by_text.get(o["text"], []), o)
        if j is None:
            changes.append({"kind": kind, "change": "removed", "old": o, "new": None, "fields": {}})
            continue
        used.add(j)
        if fields := changed_fields(kind, o, new[j]):
            changes.append({"kind": kind, "change": "changed", "old": o, "new": new[j], "fields": fields})
        else:
            unchanged += 1
    for j, f in enumerate(new):
        if j not in used:
            changes.append({"kind": kind, "change": "added", "old": None, "new": f, "fields": {}})
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
        return unpaired or any(a.changes for a in self.articles)

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
                    "new_id": a.new and a.new["id"], "status": a.status, "counts": a.counts, "changes": a.changes}

        return {"old": self.old_label, "new": self.new_label, "different": self.different,
                "summary": self.summary(), "articles_compared": len(self.compared),
                "articles_with_changes": sum(1 for a in self.compared if a.changes),
                "articles_text_edited": sum(1 for a in self.compared if a.status == "text-changed"),
                "articles": [article(a) for a in self.compared if a.changes],
                "only_old": [article(a) | {"facts": _fact_total(a.old_facts)} for a in self.only_old],
                "only_new": [article(a) | {"facts": _fact_total(a.new_facts)} for a in self.only_new]}


def _fact_total(facts: dict[str, list]) -> int:
    return sum(len(v) for v in facts.values())


def diff_sides(old: Side, new: Side, kinds: tuple[str, ...] = KINDS, article: str | None = None,
               unpaired_differ: bool = True) -> Diff:
    """Pair the articles of two sides and their facts of the given kinds."""
    pairs, old_rest, new_rest = pair_articles(old, new)
    result: list[ArticleDiff] = []
    for o, n in pairs:
        a_old, a_new = old.articles[o], new.articles[n]
        if article and not (_matches(a_old, article) or _matches(a_new, article)):
            continue
        offsets = OffsetMap(a_old["text"], a_new["text"])
        item = ArticleDiff(a_old, a_new, old_facts={k: old.facts[o][k] for k in kinds},
                           new_facts={k: new.facts[n][k] for k in kinds})
        for kind in kinds:
            changes, unchanged = diff_facts(kind, old.facts[o][kind], new.facts[n][kind], offsets)
            item.changes += changes
            item.counts[kind] = {c: sum(1 for x in changes if x["change"] == c) for c in CHANGES}
            item.counts[kind]["unchanged"] = unchanged
        result.append(item)
    for i in old_rest:
        if not article or _matches(old.articles[i], article):
            result.append(ArticleDiff(old.articles[i], None, old_facts={k: old.facts[i][k] for k in kinds}))
    for i in new_rest:
        if not article or _matches(new.articles[i], article):
            result.append(ArticleDiff(None, new.articles[i], new_facts={k: new.facts[i][k] for k in kinds}))
    result.sort(key=lambda a: (a.name, a.status))
    return Diff(old.label, new.label, kinds, result, unpaired_differ)


def _matches(a: dict, ref: str) -> bool:
    path = a["path"] or ""
    return a["id"].startswith(ref) or path == ref or path.endswith("/" + ref.lstrip("./")) or (
        a["record_id"] is not None and f"{path}#{a['record_id']}".endswith(ref))


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
    if article and not any(_matches(a, article) for a in [*old.articles.values(), *new.articles.values()]):
        from newsfacts.query import QueryError

        raise QueryError(f"no article matches {article!r} on either side")
    return diff_sides(old, new, kinds, article, unpaired_differ=runs is None)


# --- describing facts ---------------------------------------------------------------------------

def describe(kind: str, f: dict) -> str:
    """A fact in one short line, what a reviewer needs to recognise it."""
    text = f["text"] if len(f["text"]) <= 60 else f["text"][:57] + "…"
    if kind == "entities":
        return f"{text!r} {f['label']}" + (f" = {f['canonical']}" if f["canonical"] != f["text"] else "")
    if kind == "roles":
        return f"{text!r} {f['role']}" + (f" of {f['of']}" if f.get("of") else "") + f" — {f['person']}"
    if kind == "amounts":
        rng = f"–{_num(f['max_value'])}" if f.get("max_value") is not None else ""
        return f"{text!r} = {_num(f['value'])}{rng} {f['currency'] or '?'}" + (
            f" ({f['about']})" if f.get("about") else "")
    if kind == "quantities":
        rng = f"–{_num(f['max_value'])}" if f.get("max_value") is not None else ""
        return f"{text!r} = {_num(f['value'])}{rng} {f['unit']}"
    if kind == "dates":
        return f"{text!r} = {f['value']} ({f['kind']})"
    if kind == "quotes":
        return f"“{text}” — {f['speaker'] or '?'} ({f['kind']}" + (f", {f['verb']})" if f.get("verb") else ")")
    return repr(text)


def _num(value) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def describe_change(c: dict) -> str:
    kind = c["kind"]
    if c["change"] == "added":
        return f"+ {describe(kind, c['new'])}  [{c['new']['start']}:{c['new']['end']}]"
    if c["change"] == "removed":
        return f"- {describe(kind, c['old'])}  [{c['old']['start']}:{c['old']['end']}]"
    fields = "; ".join(f"{n}: {_show(a)} → {_show(b)}" for n, (a, b) in c["fields"].items())
    return f"~ {c['new']['text']!r} [{c['new']['start']}:{c['new']['end']}] {fields}"


def _show(value) -> str:
    if value is None:
        return "∅"
    if isinstance(value, float):
        return _num(value)
    return repr(value) if isinstance(value, str) else str(value)


# --- text and JSON reports ----------------------------------------------------------------------

def render_text(d: Diff, color: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    out = [f"old: {d.old_label}", f"new: {d.new_label}"]
    changed = sum(1 for a in d.compared if a.changes)
    edited = sum(1 for a in d.compared if a.status == "text-changed")
    out.append(f"articles: {len(d.compared)} compared ({edited} with edited text), {changed} with differences, "
               f"{len(d.only_old)} only in old, {len(d.only_new)} only in new")
    out.append("")
    out.append(f"{'kind':<12}{'added':>8}{'removed':>9}{'changed':>9}{'unchanged':>11}")
    for kind, c in d.summary().items():
        out.append(f"{kind:<12}{c['added']:>8}{c['removed']:>9}{c['changed']:>9}{c['unchanged']:>11}")
    colors = {"+": "green", "-": "red", "~": "yellow"}
    for a in d.compared:
        if not a.changes:
            continue
        title = f"  {(a.new or a.old)['title']!r}" if (a.new or a.old)["title"] else ""
        ids = a.old["id"] if a.status == "same-text" else f"{a.old['id']} → {a.new['id']}, text edited"
        counts = ", ".join(f"{kind} " + "/".join(f"{s}{n}" for s, n in zip("+-~", (c["added"], c["removed"],
                                                                                     c["changed"]), strict=True))
                           for kind, c in a.counts.items() if c["added"] or c["removed"] or c["changed"])
        out += ["", style(f"== {a.name}{title}  [{ids}]", bold=True), f"   {counts}"]
        for c in a.changes:
            line = describe_change(c)
            out.append(f"   {c['kind']:<11} " + style(line, fg=colors[line[0]]))
    for label, items, facts in (("only in old", d.only_old, "old_facts"), ("only in new", d.only_new, "new_facts")):
        if items:
            out += ["", style(f"articles {label}:", bold=True)]
            out += [f"   {a.name}  [{(a.old or a.new)['id']}]  {_fact_total(getattr(a, facts))} facts" for a in items]
    if not d.different:
        out += ["", "no differences"]
    return "\n".join(out) + "\n"


def render_json(d: Diff) -> str:
    return json.dumps(d.as_json(), ensure_ascii=False, indent=2) + "\n"


# --- HTML report --------------------------------------------------------------------------------

def _mark_up(text: str, marks: list[tuple[int, int, str]]) -> str:
    """Text as HTML with each (start, end, opening tag) wrapped; crossing spans are clipped to nest.

    Every opening tag is closed with </mark>, so every tag must be a <mark>.
    """
    out: list[str] = []
    pos = 0
    stack: list[int] = []
    for start, end, tag in sorted(marks, key=lambda m: (m[0], -m[1])):
        while stack and stack[-1] <= start:
            e = stack.pop()
            out += [html.escape(text[pos:e]), "</mark>"]
            pos = e
        if stack:
            end = min(end, stack[-1])
        if end <= start or start < pos:
            continue
        out += [html.escape(text[pos:start]), tag]
        pos = start
        stack.append(end)
    while stack:
        e = stack.pop()
        out += [html.escape(text[pos:e]), "</mark>"]
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _split(span: tuple[int, int], cuts: list[int]) -> list[tuple[int, int]]:
    """A span cut at the given offsets inside it, so that it never crosses a fact's boundary."""
    points = [span[0], *sorted({c for c in cuts if span[0] < c < span[1]}), span[1]]
    return list(zip(points, points[1:], strict=False))


def _pane(a: ArticleDiff, side: str, number: int, edits: list[tuple[int, int]]) -> str:
    facts = a.old_facts if side == "old" else a.new_facts
    article = a.old if side == "old" else a.new
    status: dict[tuple[str, int, int], tuple[str, int]] = {}
    for n, c in enumerate(a.changes):
        f = c[side]
        if f is not None:
            status[(c["kind"], f["start"], f["end"])] = (c["change"], n)
    marks = []
    for kind, records in facts.items():
        for f in records:
            change, n = status.get((kind, f["start"], f["end"]), ("same", -1))
            title = describe(kind, f)
            if change == "changed":
                title += " | " + "; ".join(f"{k}: {_show(o)} → {_show(v)}"
                                           for k, (o, v) in a.changes[n]["fields"].items())
            ref = f' id="a{number}-{side}-c{n}" data-change-ref="{n}"' if n >= 0 else ""
            marks.append((f["start"], f["end"], f'<mark class="fact {kind} {change}" data-kind="{kind}" '
                                                f'data-change="{change}"{ref} title="{_attr(title)}">'))
    cuts = [x for m in marks for x in m[:2]]
    label = "only in the old text" if side == "old" else "only in the new text"
    for span in edits:
        for start, end in _split(span, cuts):
            marks.append((start, end, f'<mark class="edit {side}" data-edit="{side}" title="{label}">'))
    return _mark_up(article["text"], marks)


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 2em 4em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:2.5em;border-top:2px solid #ccc;padding-top:.6em}
table{border-collapse:collapse} td,th{padding:.15em .7em;border-bottom:1px solid #ddd;text-align:right}
td:first-child,th:first-child{text-align:left}
.panes{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}
.pane{white-space:pre-wrap;font-family:Georgia,serif;border:1px solid #ddd;padding:.8em;background:#fcfcfc}
.pane h3{font:bold 13px system-ui;margin:0 0 .5em}
mark.fact{background:none;border-bottom:2px solid #bbb;padding:0 1px}
mark.added{background:#d7f5d7;border-bottom-color:#2a2} mark.removed{background:#fbd6d6;border-bottom-color:#c22}
mark.changed{background:#fff0b3;border-bottom-color:#d90} mark.focus{outline:3px solid #36c}
mark.edit{background:none;color:#1a55b0} mark.edit.old{text-decoration:line-through}
ul.changes{font:13px/1.6 ui-monospace,monospace;list-style:none;padding-left:0}
li.added{color:#070} li.removed{color:#a00} li.changed{color:#850} li a{color:inherit}
.nav{font-size:13px} .muted{color:#777} .kinds label{margin-right:1em}
"""

SCRIPT = """
(function () {
  var counts = {added: 0, removed: 0, changed: 0};
  document.querySelectorAll("li.change").forEach(function (li) { counts[li.dataset.change] += 1; });
  Object.keys(counts).forEach(function (k) {
    var cell = document.getElementById("js-" + k);
    if (cell) cell.textContent = counts[k];
  });
  var marks = document.querySelectorAll("mark.fact[data-change]:not([data-change=same])").length;
  document.body.dataset.marked = marks;
  document.querySelectorAll("li.change").forEach(function (li) {
    var targets = document.querySelectorAll("#" + li.dataset.article + " mark[data-change-ref='" +
                                            li.dataset.ref + "']");
    li.addEventListener("mouseenter", function () { targets.forEach(function (m) { m.classList.add("focus"); }); });
    li.addEventListener("mouseleave", function () { targets.forEach(function (m) { m.classList.remove("focus"); }); });
  });
  document.querySelectorAll(".kinds input").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll("[data-kind='" + box.value + "']").forEach(function (el) {
        el.hidden = !box.checked;
      });
    });
  });
  document.body.dataset.js = "ready";
})();
"""


def render_html(d: Diff) -> str:
    """One self-contained page: counts, then per article the old and new text with facts marked."""
    summary = d.summary()
    totals = {c: sum(s[c] for s in summary.values()) for c in (*CHANGES, "unchanged")}
    rows = "".join(f"<tr data-kind='{k}'><td>{k}</td>" + "".join(f"<td class='{c}'>{s[c]}</td>"
                                                                 for c in (*CHANGES, "unchanged")) + "</tr>"
                   for k, s in summary.items())
    rows += ("<tr class='total'><th>total</th>" + "".join(f"<th id='total-{c}'>{totals[c]}</th>"
                                                          for c in (*CHANGES, "unchanged")) + "</tr>")
    rows += ("<tr class='muted'><td>listed below (counted in the browser)</td>"
             + "".join(f"<td id='js-{c}'>–</td>" for c in CHANGES) + "<td></td></tr>")
    shown = [a for a in d.compared if a.changes]
    index = "".join(f"<li><a href='#article-{n}'>{html.escape(a.name)}</a> <span class='muted'>"
                    f"{_plural(len(a.changes), 'change')}"
                    f"{', text edited' if a.status == 'text-changed' else ''}</span></li>"
                    for n, a in enumerate(shown))
    sections = []
    for n, a in enumerate(shown):
        edits = OffsetMap(a.old["text"], a.new["text"]).edits
        nav = []
        if n > 0:
            nav.append(f"<a href='#article-{n - 1}'>← previous</a>")
        nav.append("<a href='#top'>↑ summary</a>")
        if n + 1 < len(shown):
            nav.append(f"<a href='#article-{n + 1}'>next →</a>")
        items = "".join(
            f"<li class='change {c['change']}' data-change='{c['change']}' data-kind='{c['kind']}' "
            f"data-article='article-{n}' data-ref='{i}'><a href='#a{n}-{'new' if c['new'] else 'old'}-c{i}'>"
            f"{html.escape(c['kind'])}: {html.escape(describe_change(c))}</a></li>"
            for i, c in enumerate(a.changes))
        counts = ", ".join(f"{k}: +{c['added']} −{c['removed']} ~{c['changed']}" for k, c in a.counts.items()
                           if c["added"] or c["removed"] or c["changed"])
        title = (a.new or a.old)["title"]
        ids = (a.old["id"] if a.status == "same-text"
               else f"{a.old['id']} → {a.new['id']} (the text was edited; offsets aligned)")
        sections.append(
            f"<section class='article' id='article-{n}' data-status='{a.status}'>"
            f"<h2>{html.escape(a.name)}{' — ' + html.escape(title) if title else ''}</h2>"
            f"<p class='nav'>{' · '.join(nav)}</p><p class='muted'>{html.escape(ids)}<br>{html.escape(counts)}</p>"
            f"<ul class='changes'>{items}</ul><div class='panes'>"
            f"<div class='pane old'><h3>old: {html.escape(d.old_label)}</h3>{_pane(a, 'old', n, edits('old'))}</div>"
            f"<div class='pane new'><h3>new: {html.escape(d.new_label)}</h3>{_pane(a, 'new', n, edits('new'))}</div>"
            f"</div></section>")
    others = ""
    for label, items in (("only in old", d.only_old), ("only in new", d.only_new)):
        if items:
            others += (f"<h2>Articles {label}</h2><ul>" + "".join(
                f"<li>{html.escape(a.name)} <span class='muted'>{(a.old or a.new)['id']}</span></li>"
                for a in items) + "</ul>")
    kinds = "".join(f"<label><input type='checkbox' value='{k}' checked> {k}</label>" for k in d.kinds)
    unchanged = len(d.compared) - len(shown)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsfacts diff</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>
<body data-different="{'yes' if d.different else 'no'}"><a id="top"></a>
<h1>newsfacts diff</h1>
<p>old: <code>{html.escape(d.old_label)}</code><br>new: <code>{html.escape(d.new_label)}</code></p>
<p id="articles-summary">{_plural(len(d.compared), 'article')} compared, <b>{len(shown)}</b> with differences,
{unchanged} without; {len(d.only_old)} only in old, {len(d.only_new)} only in new.</p>
<table id="counts"><tr><th>kind</th><th>added</th><th>removed</th><th>changed</th><th>unchanged</th></tr>{rows}</table>
<p class="kinds">Show: {kinds}</p>
<ol id="index">{index}</ol>
{''.join(sections)}{others}
<script>{SCRIPT}</script>
</body></html>
"""

