"""The ready-made fact queries behind `newsfacts query WHAT`: one function per WHAT, each a list of dicts."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from newsfacts.query.connection import rows
from newsfacts.query.filters import (
    _day_bound,
    _facts_from,
    _labels,
    _limit,
    _Where,
    article_ids,
    check_run,
    country_code_of,
)
from newsfacts.records import TABLE_OF

QUERY_NAMES = ("people", "entities", "roles", "amounts", "quantities", "quotes", "dates", "articles")


def people(conn: sqlite3.Connection, name: str | None = None, article: str | None = None,
           run: int | None = None, limit: int | None = None) -> list[dict]:
    """PERSON entities, one row per person across articles (``entity_index``: every name a person was
    given counts for them), with mention and article counts and stated roles."""
    check_run(conn, run)
    source, params = _facts_from("entities", run)
    where = _Where()
    where.add("e.label = 'PERSON'")
    where.articles("e.article_id", article_ids(conn, article))
    if name:
        where.add("(i.canonical LIKE ? OR e.canonical LIKE ?)", f"%{name}%", f"%{name}%")
    found = rows(conn, f"SELECT e.entity_id AS id, i.canonical AS name, COUNT(*) AS mentions, "
                       f"COUNT(DISTINCT e.article_id) AS articles FROM {source} e "
                       f"JOIN entity_index i ON i.id = e.entity_id{where} GROUP BY e.entity_id "
                       f"ORDER BY mentions DESC, articles DESC, name{_limit(limit)}", params + where.params)
    names: dict[int, set[str]] = defaultdict(set)  # entity id -> the names its mentions were given
    name_where = _Where()
    name_where.add("e.label = 'PERSON'")
    name_where.articles("e.article_id", article_ids(conn, article))
    for entity_id, canonical in conn.execute(f"SELECT DISTINCT e.entity_id, e.canonical FROM {source} e{name_where}",
                                             params + name_where.params):
        names[entity_id].add(canonical)
    roles_source, role_params = _facts_from("roles", run)
    role_where = _Where()
    role_where.articles("article_id", article_ids(conn, article))
    stated: dict[str, Counter[tuple[bool, str, str]]] = defaultdict(Counter)
    for r in conn.execute(f"SELECT person, role, of, former FROM {roles_source} r{role_where} "
                          "ORDER BY article_id, start", role_params + role_where.params):
        stated[r["person"]][(bool(r["former"]), r["role"], r["of"] or "")] += 1
    for row in found:
        held: Counter[tuple[bool, str, str]] = Counter()
        for n in sorted(names.get(row.pop("id"), {row["name"]})):
            held.update(stated.get(n, {}))
        row["roles"] = "; ".join(_role_text(*role) for role in _roles_shown(held))
    return found


def _roles_shown(held: Counter[tuple[bool, str, str]]) -> list[tuple[bool, str, str]]:
    """A person's roles, most often stated first; a bare title goes when the same title is shown with
    whose it is ("Manager" beside "Manager of Chelsea" says nothing more)."""
    bodied = {(former, title) for former, title, of in held if of}
    return [role for role, _ in held.most_common() if role[2] or role[:2] not in bodied]


def _role_text(former: bool, title: str, of: str) -> str:
    return ("Former " if former else "") + (f"{title} of {of}" if of else title)


def entities(conn: sqlite3.Connection, label: str | tuple | None = None, name: str | None = None,
             article: str | None = None, run: int | None = None, limit: int | None = None) -> list[dict]:
    """Entities, one row per thing across articles (``entity_index``: "WorldCom" and "Worldcom" are one),
    with mention and article counts and the surface forms of its mentions."""
    check_run(conn, run)
    source, params = _facts_from("entities", run)
    where = _Where()
    if labels := _labels(label):
        where.add(f"e.label IN ({', '.join('?' * len(labels))})", *labels)
    if name:
        where.add("(i.canonical LIKE ? OR e.canonical LIKE ? OR e.text LIKE ?)", f"%{name}%", f"%{name}%", f"%{name}%")
    where.articles("e.article_id", article_ids(conn, article))
    found = rows(conn, f"SELECT e.label, i.canonical, COUNT(*) AS mentions, COUNT(DISTINCT e.article_id) AS articles, "
                       f"distinct_forms(e.text) AS forms FROM {source} e JOIN entity_index i ON i.id = e.entity_id"
                       f"{where} GROUP BY e.entity_id ORDER BY mentions DESC, articles DESC, i.canonical"
                       f"{_limit(limit)}", params + where.params)
    return found


def roles(conn: sqlite3.Connection, name: str | None = None, article: str | None = None,
          run: int | None = None, limit: int | None = None) -> list[dict]:
    """Stated roles of people ("Foreign Minister" of Kazakhstan), one row per mention."""
    check_run(conn, run)
    source, params = _facts_from("roles", run)
    where = _Where()
    if name:
        where.add("(person LIKE ? OR role LIKE ?)", f"%{name}%", f"%{name}%")
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, f"SELECT article_id AS article, person, role, of, former, text, start, end "
                      f"FROM {source} r{where} ORDER BY person, article_id, start{_limit(limit)}",
                params + where.params)


def amounts(conn: sqlite3.Connection, currency: str | None = None, min_value: float | None = None,
            max_value: float | None = None, about: str | None = None, article: str | None = None,
            run: int | None = None, limit: int | None = None) -> list[dict]:
    """Monetary amounts; --min/--max keep figures (or ranges) that reach into the interval."""
    check_run(conn, run)
    source, params = _facts_from("amounts", run)
    where = _Where()
    if currency:
        where.add("UPPER(currency) = ?", currency.upper())
    if min_value is not None:
        where.add("COALESCE(max_value, value) >= ?", min_value)
    if max_value is not None:
        where.add("value <= ?", max_value)
    if about:
        where.add("about LIKE ?", f"%{about}%")
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, text, value, max_value, currency, qualifier, per_unit, about, "
                      f"status, currency_guessed, start, end FROM {source} m{where} "
                      f"ORDER BY article_id, start{_limit(limit)}", params + where.params)


def quantities(conn: sqlite3.Connection, unit: str | None = None, min_value: float | None = None,
               max_value: float | None = None, article: str | None = None, run: int | None = None,
               limit: int | None = None) -> list[dict]:
    """Non-money figures (percentages, tonnes, people) with their unit."""
    check_run(conn, run)
    source, params = _facts_from("quantities", run)
    where = _Where()
    if unit:
        where.add("unit LIKE ?", unit)
    if min_value is not None:
        where.add("COALESCE(max_value, value) >= ?", min_value)
    if max_value is not None:
        where.add("value <= ?", max_value)
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, text, value, max_value, unit, qualifier, about, start, end "
                      f"FROM {source} q{where} ORDER BY article_id, start{_limit(limit)}", params + where.params)


def quotes(conn: sqlite3.Connection, speaker: str | None = None, kind: str | None = None,
           article: str | None = None, run: int | None = None, limit: int | None = None) -> list[dict]:
    """Quotes with speaker and reporting verb; --speaker matches part of the canonical name.

    ``kind``: direct (the default, like the ``quotes`` view), partial, indirect, or all.
    """
    check_run(conn, run)
    source, params = _facts_from("quotes", run)
    where = _Where()
    if speaker:
        where.add("speaker LIKE ?", f"%{speaker}%")
    if (kind or "direct") != "all":
        where.add("kind = ?", kind or "direct")
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, speaker, speaker_label, kind, verb, text, start, end "
                      f"FROM {source} q{where} ORDER BY article_id, start{_limit(limit)}", params + where.params)


def dates(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None,
          kind: str | None = None, article: str | None = None, run: int | None = None,
          limit: int | None = None) -> list[dict]:
    """Dates with TIMEX3 values; --from/--to keep calendar dates overlapping the interval."""
    check_run(conn, run)
    source, params = _facts_from("dates", run)
    where = _Where()
    if date_from:
        where.add("timex_hi(value) >= ?", _day_bound(date_from, upper=False))
    if date_to:
        where.add("timex_lo(value) <= ?", _day_bound(date_to, upper=True))
    if kind:
        where.add("kind = ?", kind)
    where.articles("article_id", article_ids(conn, article))
    return rows(conn, "SELECT article_id AS article, text, value, kind, anchored, start, end "
                      f"FROM {source} d{where} ORDER BY article_id, start{_limit(limit)}", params + where.params)


def articles(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None,
             author: str | None = None, name: str | None = None, article: str | None = None,
             country: str | None = None, run: int | None = None, limit: int | None = None) -> list[dict]:
    """Current articles (or those a run extracted) with metadata and fact counts; with ``name``, those that
    mention an entity by that name, under any name it was given (``entity_index``); with ``country`` (an
    ISO 3166-1 code or a country's name), those datelined there."""
    check_run(conn, run)
    where = _Where()
    if run is None:
        where.add("a.current = 1")
        runs_sql = "SELECT article_id, run_id FROM current_runs"
    else:
        runs_sql = "SELECT article_id, run_id FROM extractions WHERE run_id = ?"
    if date_from:
        where.add("a.published >= ?", _day_bound(date_from, upper=False))
    if date_to:
        where.add("a.published <= ?", _day_bound(date_to, upper=True))
    # A database made before articles.author or articles.country is read as it is: nothing known there.
    have = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    writers = "a.author" if "author" in have else "NULL"
    dateline_country = "a.country" if "country" in have else "NULL"
    if author:
        where.add(f"{writers} LIKE ?", f"%{author}%")
    if country:
        where.add(f"{dateline_country} = ?", country_code_of(country))
    if name:
        where.add("EXISTS (SELECT 1 FROM entities e JOIN entity_index i ON i.id = e.entity_id WHERE "
                  "e.article_id = a.id AND e.run_id = c.run_id AND (i.canonical LIKE ? OR e.canonical LIKE ?))",
                  f"%{name}%", f"%{name}%")
    where.articles("a.id", article_ids(conn, article))
    counts = ", ".join(f"(SELECT COUNT(*) FROM {t} f WHERE f.article_id = a.id AND f.run_id = c.run_id) AS {t}"
                       for k, t in TABLE_OF.items() if k != "roles")
    params = ([run] if run is not None else []) + where.params
    return rows(conn, f"SELECT a.id, a.title, {writers} AS author, a.published, a.dateline, "
                      f"{dateline_country} AS country, a.agency, a.path, a.words, "
                      f"c.run_id AS run, {counts} FROM articles a JOIN ({runs_sql}) c ON c.article_id = a.id{where} "
                      f"ORDER BY a.published, a.path{_limit(limit)}", params)

