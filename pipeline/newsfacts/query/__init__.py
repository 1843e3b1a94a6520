"""Ready-made reads of a newsfacts database: the queries behind `newsfacts query/search/sql/show/runs`.

Every function takes a read-only connection from :func:`connect` and returns plain
lists of dicts (one per row, keyed by column name), so the CLI, Datasette users and
scripts all see the same shape. Facts come from each current article's newest run
(the ``current_*`` views) unless a run id is given.

- ``connection``: :func:`connect` (read-only, with the SQL functions the queries use), :func:`rows`,
  and :func:`run_sql` for `newsfacts sql` under a read-only authorizer.
- ``filters``: TIMEX3 values as calendar days, article references, run ids, the WHERE builder.
- ``facts``: the ready-made fact queries: people, entities, roles, amounts, quantities, quotes, dates, articles.
- ``fulltext``: :func:`search` over current articles and quotes.
- ``history``: one :func:`article` with its facts and versions, the :func:`runs`, and :func:`prune`.
"""

from __future__ import annotations

from newsfacts.errors import QueryError
from newsfacts.query.connection import connect, rows, run_sql
from newsfacts.query.facts import (
    QUERY_NAMES,
    amounts,
    articles,
    dates,
    entities,
    people,
    quantities,
    quotes,
    roles,
)
from newsfacts.query.filters import article_ids, check_run, resolve_article, timex_interval
from newsfacts.query.fulltext import fts_query, search
from newsfacts.query.history import article, prune, runs
from newsfacts.records import TABLE_OF

__all__ = [
    "QUERY_NAMES",
    "TABLE_OF",
    "QueryError",
    "amounts",
    "article",
    "article_ids",
    "articles",
    "check_run",
    "connect",
    "dates",
    "entities",
    "fts_query",
    "people",
    "prune",
    "quantities",
    "quotes",
    "resolve_article",
    "roles",
    "rows",
    "run_sql",
    "runs",
    "search",
    "timex_interval",
]
