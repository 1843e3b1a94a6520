"""A diff as one self-contained HTML page: old and new text side by side, facts and edits marked.

The page's CSS and JS are package data (static/diff.css, static/diff.js), inlined into the page:
it links to no file and can be mailed or attached as it is.
"""

from __future__ import annotations

import functools
import html
from importlib.resources import files

from newsfacts.diff.align import OffsetMap
from newsfacts.diff.engine import CHANGES, ArticleDiff, Diff
from newsfacts.diff.text import describe, show_field, show_value, word_diff


def mark_up(text: str, marks: list[tuple[int, int, str]]) -> str:
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
                title += " | " + "; ".join(f"{k}: {show_field(k, o, v)}"
                                           for k, (o, v) in a.changes[n]["fields"].items())
            ref = f' id="a{number}-{side}-c{n}" data-change-ref="{n}"' if n >= 0 else ""
            marks.append((f["start"], f["end"], f'<mark class="fact {kind} {change}" data-kind="{kind}" '
                                                f'data-change="{change}"{ref} title="{_attr(title)}">'))
    cuts = [x for m in marks for x in m[:2]]
    label = "only in the old text" if side == "old" else "only in the new text"
    for span in edits:
        for start, end in _split(span, cuts):
            marks.append((start, end, f'<mark class="edit {side}" data-edit="{side}" title="{label}">'))
    return mark_up(article["text"], marks)


SIGNS = {"added": "+", "removed": "−", "changed": "~"}


def _field_html(name: str, old, new) -> str:
    """A changed field as old → new, the edited words of a text struck out and inserted."""
    if name == "text":
        parts = [html.escape(o) if op == "=" else
                 " ".join([f"<del>{html.escape(o)}</del>"] * bool(o) + [f"<ins>{html.escape(n)}</ins>"] * bool(n))
                 for op, o, n in word_diff(old or "", new or "")]
        return " ".join(parts)
    return f"<del>{html.escape(show_value(name, old))}</del> → <ins>{html.escape(show_value(name, new))}</ins>"


def _change_row(c: dict, n: int, i: int) -> str:
    """One listed change: a link to its mark in the text, the fact, and for a change what changed."""
    fact = c["new"] or c["old"]
    side = "new" if c["new"] else "old"
    what = "; ".join(f"<span class='field'>{html.escape(k)}</span> {_field_html(k, o, v)}"
                     for k, (o, v) in c["fields"].items())
    return (f"<tr class='change {c['change']}' data-change='{c['change']}' data-kind='{c['kind']}' "
            f"data-article='article-{n}' data-ref='{i}'><td>{c['kind']}</td>"
            f"<td class='sign'>{SIGNS[c['change']]} {c['change']}</td>"
            f"<td><a href='#a{n}-{side}-c{i}'>{html.escape(describe(c['kind'], fact))}</a> "
            f"<span class='muted'>[{fact['start']}:{fact['end']}]</span></td><td>{what}</td></tr>")


@functools.cache
def _static(name: str) -> str:
    """A file of static/ (the page's CSS or JS), to inline into the page."""
    return (files("newsfacts.diff") / "static" / name).read_text(encoding="utf-8")


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
    shown = [a for a in d.compared if a.differs]
    index = "".join(f"<li><a href='#article-{n}'>{html.escape(a.name)}</a> <span class='muted'>"
                    f"{_plural(len(a.changes), 'change')}{', metadata' if a.metadata else ''}"
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
        items = "".join(_change_row(c, n, i) for i, c in enumerate(a.changes))
        counts = ", ".join(f"{k}: +{c['added']} −{c['removed']} ~{c['changed']}" for k, c in a.counts.items()
                           if c["added"] or c["removed"] or c["changed"])
        title = (a.new or a.old)["title"]
        metadata = "; ".join(f"{f}: {show_field(f, o, v)}" for f, (o, v) in a.metadata.items())
        ids = (a.old["id"] if a.status == "same-text"
               else f"{a.old['id']} → {a.new['id']} (the text was edited; offsets aligned)")
        sections.append(
            f"<section class='article' id='article-{n}' data-status='{a.status}'>"
            f"<h2>{html.escape(a.name)}{' — ' + html.escape(title) if title else ''}</h2>"
            f"<p class='nav'>{' · '.join(nav)}</p><p class='muted'>{html.escape(ids)}<br>{html.escape(counts)}</p>"
            + (f"<p class='metadata'>metadata: {html.escape(metadata)}</p>" if metadata else "") +
            f"<table class='changes'><tr><th>kind</th><th>change</th><th>fact</th><th>what changed</th></tr>"
            f"{items}</table>"
            f"<div class='panes'>"
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
<meta name="viewport" content="width=device-width, initial-scale=1"><style>\n{_static('diff.css')}</style></head>
<body data-different="{'yes' if d.different else 'no'}"><a id="top"></a>
<h1>newsfacts diff</h1>
<p>old: <code>{html.escape(d.old_label)}</code><br>new: <code>{html.escape(d.new_label)}</code></p>
<p id="articles-summary">{_plural(len(d.compared), 'article')} compared, <b>{len(shown)}</b> with differences,
{unchanged} without; {len(d.only_old)} only in old, {len(d.only_new)} only in new.</p>
<table id="counts"><tr><th>kind</th><th>added</th><th>removed</th><th>changed</th><th>unchanged</th></tr>{rows}</table>
<p class="legend">Facts in the text: <mark class="added">added</mark> <mark class="removed">removed</mark>
<mark class="changed">changed</mark>, unchanged ones underlined; <mark class="edit new">words only in the new
text</mark>, <mark class="edit old">words only in the old text</mark>. Point at a listed change to outline it in
the text.</p>
<p class="kinds">Show: {kinds}</p>
<ol id="index">{index}</ol>
{''.join(sections)}{others}
<script>\n{_static('diff.js')}</script>
</body></html>
"""

