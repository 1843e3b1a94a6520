"""Rows on the terminal or for scripts: a table, JSON, CSV or markdown."""

from __future__ import annotations

import csv
import json
import os
import re
import sys

PIPED_WIDTH = 120  # text and tables on a pipe or in a file, unless $COLUMNS says otherwise

TABLE_COLUMNS = {  # the terminal table leaves out offsets and rarely-set fields; json/csv keep all
    "amounts": ["article", "text", "value", "max_value", "currency", "qualifier", "per_unit", "about", "status"],
    "quantities": ["article", "text", "value", "max_value", "unit", "qualifier", "about"],
    "quotes": ["article", "speaker", "kind", "verb", "text"],
    "dates": ["article", "text", "value", "kind"],
    "roles": ["article", "person", "role", "of", "former", "text"],
    "articles": ["id", "published", "title", "dateline", "country", "words", "run", "entities", "amounts", "dates",
                 "attributions"],
}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _cell(value, column: str = "") -> str:
    """A value as a table shows it; control characters (ESC, carriage return) escaped, so that no cell
    colours the terminal or overwrites its line."""
    text = _plain_cell(value, column)
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text) if not text.isprintable() else text


def _plain_cell(value, column: str) -> str:
    if column in ("article", "id") and isinstance(value, str) and len(value) == 16:
        return value[:8]  # an id prefix is enough for `newsfacts show`
    if column in ("started", "finished") and isinstance(value, str):
        return value[:19].replace("T", " ")
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000 else f"{value:g}"
    return str(value)


def console(file=None):
    """A rich console whose text and tables share one width: the terminal's, else $COLUMNS or PIPED_WIDTH."""
    from rich.console import Console

    file = file or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    width = None if file.isatty() else int(columns) if columns.isdigit() else PIPED_WIDTH
    return Console(file=file, soft_wrap=False, width=width)


def render(records: list[dict], fmt: str = "table", columns: list[str] | None = None, title: str | None = None,
           file=None) -> None:
    """Print rows as a rich table, a JSON array of objects, CSV or a markdown table."""
    file = file or sys.stdout
    columns = columns or (list(records[0]) if records else [])
    if fmt == "json":
        file.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(file, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    elif fmt == "markdown":
        def md(value) -> str:
            return _cell(value).replace("|", "\\|").replace("\n", " ")

        file.write("| " + " | ".join(columns) + " |\n")
        file.write("|" + "|".join(" --- " for _ in columns) + "|\n")
        for r in records:
            file.write("| " + " | ".join(md(r.get(c)) for c in columns) + " |\n")
    else:
        from rich.table import Table
        from rich.text import Text

        out = console(file)
        if not records:
            out.print(f"[dim]no {title or 'rows'}[/dim]")
            return
        table = Table(title=title, show_lines=False, header_style="bold")
        # A column empty in every row says nothing on a terminal (json/csv keep it).
        columns = [c for c in columns if any(r.get(c) not in (None, "") for r in records)] or columns
        cells = [[_cell(r.get(c), c) for c in columns] for r in records]
        for i, c in enumerate(columns):
            widest = max(len(row[i]) for row in cells)
            numeric = any(isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool) for r in records)
            if numeric or c in ("article", "id", "fingerprint"):  # numbers and ids keep their width
                table.add_column(c, justify="right" if numeric else "left", no_wrap=True,
                                 min_width=max(widest, len(c)))
            else:  # text wraps at spaces; it keeps room for its header and a word of up to 14 characters
                longest_word = max((len(w) for row in cells for w in row[i].split()), default=0)
                table.add_column(c, overflow="fold", min_width=min(widest, max(len(c), min(longest_word, 14))))
        for row in cells:
            table.add_row(*(Text(cell) for cell in row))  # Text: no rich markup in data
        out.print(table)
