"""A diff as text for the terminal (optionally coloured) or as JSON, and facts in one short line."""

from __future__ import annotations

import difflib
import json
import re

import click

from newsfacts.diff.engine import Diff, _fact_total

# --- describing facts ---------------------------------------------------------------------------

def describe(kind: str, f: dict) -> str:
    """A fact in one short line, what a reviewer needs to recognise it."""
    text = f["text"] if len(f["text"]) <= 60 else f["text"][:57] + "…"
    if kind == "entities":
        return f"{text!r} {f['label']}" + (f" = {f['canonical']}" if f["canonical"] != f["text"] else "")
    if kind == "roles":
        return f"{text!r} " + ("former " if f.get("former") else "") + f"{f['role']}" \
            + (f" of {f['of']}" if f.get("of") else "") + f" — {f['person']}"
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
    """A change in one line: + or - and the fact, or ~ and each changed field as old → new."""
    kind = c["kind"]
    if c["change"] == "added":
        return f"+ {describe(kind, c['new'])}  [{c['new']['start']}:{c['new']['end']}]"
    if c["change"] == "removed":
        return f"- {describe(kind, c['old'])}  [{c['old']['start']}:{c['old']['end']}]"
    new = c["new"]
    fields = "; ".join(f"{n}: {show_field(n, a, b)}" for n, (a, b) in c["fields"].items())
    return f"~ {_short(new['text'])!r} [{new['start']}:{new['end']}] {fields}"


def show_field(name: str, old, new) -> str:
    """One changed field as old → new; the words of a long text as a word diff, only the edits bracketed."""
    if name == "text" and len(old or "") + len(new or "") > 60:
        return " ".join(old_w if op == "=" else f"[{old_w or '∅'} → {new_w or '∅'}]"
                        for op, old_w, new_w in word_diff(old or "", new or ""))
    return f"{show_value(name, old)} → {show_value(name, new)}"


def show_value(name: str, value) -> str:
    """One side of a changed field: a span as [start:end], other values as in ``describe``."""
    if name == "span" and value:
        return f"[{value[0]}:{value[1]}]"
    return _show(value)


def word_diff(old: str, new: str, context: int = 4) -> list[tuple[str, str, str]]:
    """(op, old words, new words) runs: "=" for shared words (long runs cut to ``context`` words on each
    side of an edit, "…" between), "~" for edited words (either side may be empty)."""
    a, b = re.findall(r"\S+", old), re.findall(r"\S+", new)
    runs: list[tuple[str, str, str]] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "equal":
            runs.append(("~", " ".join(a[i1:i2]), " ".join(b[j1:j2])))
            continue
        words = a[i1:i2]
        head = words[:context] if n > 0 else []  # after an edit
        tail = words[-context:] if n + 1 < len(opcodes) else []  # before an edit
        if len(head) + len(tail) >= len(words):
            runs.append(("=", " ".join(words), " ".join(words)))
            continue
        shown = [*head, "…"] if head else ["…"]
        shown += tail
        runs.append(("=", " ".join(shown), " ".join(shown)))
    return runs


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "…"


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
    changed = sum(1 for a in d.compared if a.differs)
    edited = sum(1 for a in d.compared if a.status == "text-changed")
    out.append(f"articles: {len(d.compared)} compared ({edited} with edited text), {changed} with differences, "
               f"{len(d.only_old)} only in old, {len(d.only_new)} only in new")
    out.append("")
    out.append(f"{'kind':<12}{'added':>8}{'removed':>9}{'changed':>9}{'unchanged':>11}")
    for kind, c in d.summary().items():
        out.append(f"{kind:<12}{c['added']:>8}{c['removed']:>9}{c['changed']:>9}{c['unchanged']:>11}")
    if metadata := sum(1 for a in d.compared if a.metadata):
        out.append(f"metadata of {metadata} article{'s' if metadata != 1 else ''} changed")
    colors = {"+": "green", "-": "red", "~": "yellow"}
    for a in d.compared:
        if not a.differs:
            continue
        title = f"  {(a.new or a.old)['title']!r}" if (a.new or a.old)["title"] else ""
        ids = a.old["id"] if a.status == "same-text" else f"{a.old['id']} → {a.new['id']}, text edited"
        counts = ", ".join(f"{kind} " + "/".join(f"{s}{n}" for s, n in zip("+-~", (c["added"], c["removed"],
                                                                                     c["changed"]), strict=True))
                           for kind, c in a.counts.items() if c["added"] or c["removed"] or c["changed"])
        out += ["", style(f"== {a.name}{title}  [{ids}]", bold=True)]
        if a.metadata:
            out.append("   metadata: " + "; ".join(f"{n}: {show_field(n, o, v)}" for n, (o, v) in a.metadata.items()))
        if counts:
            out.append(f"   {counts}")
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

