"""Rows of a wire results table: "Net 12.3 mln vs 11.1 mln", "Revs 120.5 mln vs 98.7 mln".

Wire services set out a company's results as lines of a label and figures compared with "vs", and write
the currency only on some rows ("Shr 1.20 dlrs vs 1.05 dlrs"): the figures of the other rows are money
in that currency when their label names money ("Net", "Revs", "Loans") and counts when it names a count
("Avg shrs"). A row is known by its layout alone, a line holding nothing but the label and its figures,
and only where the article has at least two such lines; the labels' words are in
``models/money/results_rows.tsv``. The currency is taken from the nearest row that writes one (the
previous first), so a figure of a table with no currency anywhere stays a plain number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from newsfacts.wordlists import read_table

# the label opening a row, up to five words before its first figure ("Oper net profit 5,000")
_LABEL = re.compile(r"[A-Za-z][A-Za-z.&'/-]*(?: [A-Za-z][A-Za-z.&'/-]*){0,4} +")
_DATELINE_DASH = " - "  # "BOSTON, March 3 - Shr 10 cts vs nine cts": the first row after the dateline
_FILLER = frozenset({"vs", "vs.", "profit", "loss", "", "."})


@dataclass(slots=True)
class Row:
    start: int  # where the figures start (after the label)
    end: int  # the end of the line
    money: bool
    label: str  # "Net", "Shr", "Avg shrs": what the row's figures measure


def _lines(text: str):
    """(start, end) of each line, without the indent wire copy gives its rows."""
    for m in re.finditer(r"[ \t]*([^\n]+)", text):
        yield m.start(1), m.end(1)


class ResultsRows:
    """The row labels of ``results_rows.tsv`` and the reading of a text's results lines."""

    def __init__(self, models: Path) -> None:
        self.kinds = {w.lower(): k for w, k in read_table(models / "results_rows.tsv")}

    def _row(self, text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Row | None:
        """The row a line is, if it is one: a label, then only figures, "vs" and "profit"/"loss"."""
        at = [start]
        dash = text.find(_DATELINE_DASH, start, min(end, start + 80))
        if dash >= 0:
            at.append(dash + len(_DATELINE_DASH))
        for pos in at:
            inside = [(s, e) for s, e in spans if pos <= s < end]
            m = _LABEL.fullmatch(text, pos, inside[0][0]) if inside else None
            if m is None:
                continue
            rest, last = [], m.end()
            for s, e in inside:
                rest.append(text[last:s])
                last = max(last, e)
            rest.append(text[last:end])
            words = " ".join(rest).split()
            if any(w.lower().rstrip(".,") not in _FILLER for w in words):
                continue
            kinds = {self.kinds.get(w.lower().rstrip(".")) for w in m.group(0).split()}
            return Row(m.end(), end, "count" not in kinds and "money" in kinds, m.group(0).strip())
        return None

    def rows(self, text: str, spans: list[tuple[int, int]]) -> list[Row]:
        """The results rows of a text whose figures are at ``spans`` (sorted (start, end)): none unless two."""
        if "vs" not in text:
            return []
        rows = [r for s, e in _lines(text) if (r := self._row(text, s, e, spans)) is not None]
        return rows if len(rows) >= 2 else []

    def figures(self, text: str, nums: list, monies: dict, abbr_scale: Callable) -> dict[int, tuple[int, float, str]]:
        """(end, value, currency) by index for the numbers of ``nums`` no amount of ``monies`` (index -> amount)
        covers that stand on a money row; ``abbr_scale`` reads a scale abbreviation after a number ("11.2 mln")."""
        if "vs" not in text or not monies:
            return {}
        ends = {i: abbr_scale(text, n) or (n.end, n.value)
                for i, n in enumerate(nums) if i not in monies and not n.yearish}
        spans = sorted([(m.start, m.end) for m in monies.values()] + [(nums[i].start, e) for i, (e, _) in ends.items()])
        rows = self.rows(text, spans)
        if not rows:
            return {}
        written = []  # (row index, currency) of the rows that write a currency
        in_order = sorted(monies.values(), key=lambda m: m.start)
        for k, r in enumerate(rows):
            cur = next((m.currency for m in in_order
                        if r.start <= m.start < r.end and m.currency and not m.elided), None)
            if cur:
                written.append((k, cur))
        if not written:
            return {}
        out: dict[int, tuple[int, float, str]] = {}
        for k, r in enumerate(rows):
            if not r.money:
                continue
            before = [c for j, c in written if j <= k]
            cur = before[-1] if before else written[0][1]
            for i, (end, value) in ends.items():
                if r.start <= nums[i].start < r.end:
                    out[i] = (end, value, cur)
        return out


_SIDES = {"profit": "loss", "loss": "profit"}


def label_figures(text: str, rows: list[Row], figures: Iterable) -> None:
    """A figure on a results row measures what the row's label names ("Net", "Shr", "Avg shrs"): the parse
    joins a table's lines into one sentence, and would give it a word of the next row ("Note", "Shr"). A
    figure with "profit" or "loss" written before it is that, whatever the label says ("Shr loss 12 cts vs
    profit 27 cts": the 27 cts are "Shr profit"; "Net 1.2 mln vs loss 300,000": "Net loss")."""
    for figure in figures:
        row = next((r for r in rows if r.start <= figure.start < r.end), None)
        if row is None:
            continue
        before = text[row.start:figure.start].split()
        written = before[-1].lower() if before else ""
        words = row.label.split()
        if written in _SIDES:
            sides = [k for k, w in enumerate(words) if w.lower() in _SIDES]
            words = [written if k in sides else w for k, w in enumerate(words)] if sides else [*words, written]
        figure.about = " ".join(words)
