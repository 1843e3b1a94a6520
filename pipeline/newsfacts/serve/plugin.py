"""The Datasette plugin ``newsfacts serve`` registers: article pages, links to them, formatted figures.

- ``/<db>/-/article/<id>`` (``?run=N`` for an older extraction): the article's text with its facts
  highlighted, as ``newsfacts show`` prints it, then its facts by kind;
- every ``article_id`` cell (and an article's title) links there, labelled with the article's title;
- money and quantities read ``1,130,000,000 USD`` instead of ``1130000000.0``;
- the home and database pages list the ``current_*`` views first (``templates/``, with ``CURRENT_VIEWS``).
"""

from __future__ import annotations

import html
import re

from datasette import Response, hookimpl
from markupsafe import Markup

from newsfacts.diff.page import mark_up
from newsfacts.diff.text import describe
from newsfacts.errors import QueryError
from newsfacts.serve import CURRENT_VIEWS

ARTICLE_ROUTE = r"^/(?P<database>[^/]+)/-/article/(?P<article>[0-9a-f]{4,16})$"
# The order facts are marked in (outer first where spans nest) and each kind's columns in the tables below.
SHOWN = {
    "quotes": ["start", "end", "kind", "speaker", "verb", "text"],
    "roles": ["start", "end", "text", "role", "of", "person"],
    "entities": ["start", "end", "text", "label", "canonical"],
    "dates": ["start", "end", "text", "value", "kind"],
    "quantities": ["start", "end", "text", "value", "max_value", "unit", "about"],
    "amounts": ["start", "end", "text", "value", "max_value", "currency", "qualifier", "about", "status"],
}
TABLE_OF_KIND = {"quotes": "current_attributions"}


def article_url(datasette, database: str, article_id: str, run: int | None = None) -> str:
    return datasette.urls.database(database) + f"/-/article/{article_id}" + (f"?run={run}" if run else "")


def figure(value: float | int, unit: str | None) -> str:
    """A figure with thousands separators and its currency or unit: 1,130,000,000 USD, 2.5 %."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}" if abs(value) >= 1 else f"{value:g}"
    return f"{number} {unit}" if unit else number


# --- cells --------------------------------------------------------------------------------------

_TITLES: dict[tuple[str, str], str] = {}


async def _title(datasette, database: str, article_id: str) -> str:
    """An article's title, or its file name, for link labels (cached: ids are hashes of fixed texts)."""
    key = (database, article_id)
    if key not in _TITLES:
        rows = (await datasette.get_database(database).execute(
            "SELECT title, path FROM articles WHERE id = ?", [article_id])).rows
        title, path = (rows[0]["title"], rows[0]["path"]) if rows else (None, None)
        label = title or (re.split(r"[/\\]", path)[-1] if path else article_id)
        _TITLES[key] = label if len(label) <= 40 else label[:39] + "…"
    return _TITLES[key]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    keys = row.keys() if hasattr(row, "keys") else []
    if column == "article_id" and isinstance(value, str) and re.fullmatch(r"[0-9a-f]{16}", value):
        async def link() -> Markup:
            label = await _title(datasette, database, value)
            run = row["run_id"] if "run_id" in keys else None
            return Markup(f'<a href="{html.escape(article_url(datasette, database, value, run))}" '
                          f'title="{value}">{html.escape(label)}</a>')
        return link
    if table in ("articles", "current_articles") and column == "title" and "id" in keys and value:
        return Markup(f'<a href="{html.escape(article_url(datasette, database, row["id"]))}">'
                      f'{html.escape(value)}</a>')
    if table == "current_articles" and column == "id" and value:
        return Markup(f'<a href="{html.escape(article_url(datasette, database, value))}">{value}</a>')
    if column in ("value", "max_value") and isinstance(value, int | float) and not isinstance(value, bool):
        unit = row["currency"] if "currency" in keys else row["unit"] if "unit" in keys else None
        if "currency" in keys or "unit" in keys:
            return Markup(f'<span class="nf-figure" title="{value!r}">{html.escape(figure(value, unit))}</span>')
    return None


# --- the article page ---------------------------------------------------------------------------

def _marks(facts: dict[str, list[dict]]) -> list[tuple[int, int, str]]:
    marks = []
    for kind in SHOWN:
        for f in facts[kind]:
            label = f.get("label") or (f.get("kind") if kind == "quotes" else "")
            marks.append((f["start"], f["end"], f'<mark class="nf {kind} {html.escape(label or "")}" '
                                                f'title="{html.escape(describe(kind, f), quote=True)}">'))
    return marks


def _cell(kind: str, column: str, f: dict) -> str:
    value = f.get(column)
    if value is None:
        return ""
    if column in ("value", "max_value") and kind in ("amounts", "quantities") and isinstance(value, int | float):
        return figure(value, None)
    return str(value)


async def article_page(datasette, request) -> Response:
    """One article with its facts highlighted in the text, then listed by kind."""
    from newsfacts import query as queries

    database = request.url_vars["database"]
    try:
        db = datasette.get_database(database)
    except KeyError:
        return Response.html(f"no database {html.escape(database)}", status=404)
    run = request.args.get("run")
    try:
        found = await db.execute_fn(lambda conn: queries.article(
            conn, request.url_vars["article"], run=int(run) if run and run.isdigit() else None))
    except QueryError as exc:
        return Response.html(await datasette.render_template(
            "newsfacts_article.html", {"database": database, "error": str(exc)}, request=request), status=404)
    a, facts = found["article"], found["facts"]
    newest = (await db.execute("SELECT MAX(run_id) AS run FROM extractions WHERE article_id = ?", [a["id"]])).rows
    tables = []
    for kind, columns in SHOWN.items():
        if facts[kind]:
            view = TABLE_OF_KIND.get(kind, f"current_{kind}")
            tables.append({"kind": kind, "columns": columns, "rows": [[_cell(kind, c, f) for c in columns]
                                                                      for f in sorted(facts[kind], key=_order)],
                           "url": datasette.urls.table(database, view) + f"?article_id={a['id']}"})
    context = {
        "database": database, "article": a, "run": found["run"], "versions": found["versions"],
        "heading": a["title"] or re.split(r"[/\\]", a["path"] or a["id"])[-1],
        "text": Markup(mark_up(a["text"], _marks(facts))), "tables": tables,
        "counts": {kind: len(facts[kind]) for kind in SHOWN},
        "row_url": datasette.urls.row(database, "articles", a["id"]),
        "newest": newest[0]["run"], "newest_url": article_url(datasette, database, a["id"]),
        "version_urls": [(v, article_url(datasette, database, v["id"])) for v in found["versions"]],
    }
    return Response.html(await datasette.render_template("newsfacts_article.html", context, request=request))


def _order(f: dict) -> tuple[int, int]:
    return f["start"], f["end"]


@hookimpl
def register_routes(datasette):
    return [(ARTICLE_ROUTE, article_page)]


@hookimpl
def extra_template_vars(template, database, datasette):
    if template not in ("index.html", "database.html"):
        return {}
    name = database or next((d for d in datasette.databases if d != "_internal"), None)
    return {"newsfacts_views": [{"name": v, "description": d, "url": datasette.urls.table(name, v)}
                                for v, d in CURRENT_VIEWS.items()],
            "newsfacts_db": name}
