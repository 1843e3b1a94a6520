"""What changed in the extracted facts between two databases or two runs.

Reviewing a rule change means re-running ingest and reading the difference. Articles
are paired by id (the hash of their text) or, where the text changed, by the file and
record they came from; facts are then paired by kind and span (offsets of an edited
text are aligned word by word) and reported as added, removed or changed (same span,
different value, label, canonical name, speaker ...).

- ``sides``: loading one side of a comparison from a database, pairing its articles;
- ``align``: ``OffsetMap``, offsets of an edited text aligned word by word;
- ``engine``: pairing facts, ``ArticleDiff`` and ``Diff``, ``diff_sides`` and ``diff_databases``;
- ``text``: the diff as text or JSON;
- ``html``: the diff as one self-contained HTML page (its CSS and JS in ``static/``).
"""

from newsfacts.diff.align import OffsetMap
from newsfacts.diff.engine import (
    CHANGES,
    POSITION_FIELDS,
    ArticleDiff,
    Diff,
    changed_fields,
    diff_databases,
    diff_facts,
    diff_sides,
    value_fields,
)
from newsfacts.diff.page import render_html
from newsfacts.diff.sides import NOT_FACT_COLUMNS, Side, load_side, pair_articles
from newsfacts.diff.text import describe, describe_change, render_json, render_text

__all__ = [
    "CHANGES",
    "NOT_FACT_COLUMNS",
    "POSITION_FIELDS",
    "ArticleDiff",
    "Diff",
    "OffsetMap",
    "Side",
    "changed_fields",
    "describe",
    "describe_change",
    "diff_databases",
    "diff_facts",
    "diff_sides",
    "load_side",
    "pair_articles",
    "render_html",
    "render_json",
    "render_text",
    "value_fields",
]
