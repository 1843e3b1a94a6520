"""Score a newsfacts database against gold files (the shape of ``corpus/*/*.json``).

Per fact kind: precision, recall and F1. Entities must match span and label
exactly; amounts, dates and quotes match by span overlap (half the gold span)
and must carry the right value/currency, TIMEX3 value, or (for speaker accuracy)
speaker. Only current articles and their newest extraction count.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

LABELS = {"PER": "PERSON", "LOC": "GPE", "ORGANIZATION": "ORG", "LOCATION": "GPE"}


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    kinds: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    checks: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    missing: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool) -> None:
        self.checks[name][0] += bool(ok)
        self.checks[name][1] += 1

    def as_dict(self) -> dict:
        out = {k: {"precision": t.precision, "recall": t.recall, "f1": t.f1, "tp": t.tp,
                   "predicted": t.predicted, "gold": t.gold} for k, t in self.kinds.items()}
        out |= {k: {"right": v[0], "of": v[1]} for k, v in self.checks.items()}
        return out | {"missing": self.missing}

    def lines(self) -> list[str]:
        out = [f"articles not in the database: {', '.join(self.missing)}"] if self.missing else []
        for kind, t in self.kinds.items():
            out.append(f"{kind:10s} P {t.precision:.2f}  R {t.recall:.2f}  F1 {t.f1:.2f}   "
                       f"({t.tp} right of {t.predicted} extracted, {t.gold} in gold)")
        out += [f"{name}: {right}/{of}" for name, (right, of) in self.checks.items()]
        return out


def _rows(db: sqlite3.Connection, sql: str, args: list) -> list[dict]:
    cur = db.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _pairs(gold: list[dict], pred: list[dict], exact: bool = False) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of gold to predicted facts by span."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(pred):
            if i in used:
                continue
            if exact and (p["start"], p["end"]) != (g["start"], g["end"]):
                continue
            ov = _overlap(g, p)
            if ov > best_overlap:
                best, best_overlap = i, ov
        if best is not None and best_overlap * 2 >= g["end"] - g["start"]:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def _same_label(gold: dict, pred: dict) -> bool:
    """Gold may use CoNLL-style or OntoNotes labels; LOC and GPE are kept apart when gold says LOC."""
    return pred["label"] == gold["label"] or LABELS.get(pred["label"]) == gold["label"]


def _same_number(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def score(db_path: str | Path, gold_paths: list[str | Path]) -> Report:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    report = Report()
    for gold_path in gold_paths:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        name = Path(gold["article"]).name
        candidates = [a for a in _rows(db, "SELECT * FROM current_articles", []) if a["path"].endswith(name)]
        if not candidates:
            report.missing.append(gold["article"])
            for kind in ("entities", "amounts", "dates", "quotes"):
                report.kinds[kind].gold += len(gold.get(kind, []))
            continue
        article = candidates[0]
        shift = _shift(Path(gold_path).with_name(name), article["text"])

        def facts(table: str, article_id: str = article["id"], shift: int = shift) -> list[dict]:
            rows = _rows(db, f"SELECT * FROM current_{table} WHERE article_id = ?", [article_id])
            for r in rows:
                if "start" in r and r["start"] is not None:
                    r["start"] += shift
                    r["end"] += shift
            return rows

        scored = set(gold.get("labels_scored", ["PERSON", "ORG", "GPE"]))
        entities = [e for e in facts("entities") if e["label"] in scored or LABELS.get(e["label"]) in scored]
        pairs = _pairs(gold["entities"], entities, exact=True)
        _tally(report, "entities", len(entities), gold["entities"], sum(_same_label(g, p) for g, p in pairs))
        for g, p in pairs:
            if g["label"] == "PERSON":
                report.check("canonical PERSON", (p["canonical"] or "").lower() == g["canonical"].lower())
        amounts = facts("amounts")
        _tally(report, "amounts", len(amounts), gold["amounts"], sum(
            _same_number(g["value"], p["value"]) and (p["currency"] or "").upper() == g["currency"]
            for g, p in _pairs(gold["amounts"], amounts)))
        dates = facts("dates")
        _tally(report, "dates", len(dates), gold["dates"],
               sum(str(p["value"]) == g["value"] for g, p in _pairs(gold["dates"], dates)))
        quotes = [q for q in facts("quotes") if q.get("kind", "direct") == "direct"]
        quote_pairs = _pairs(gold["quotes"], quotes)
        _tally(report, "quotes", len(quotes), gold["quotes"], len(quote_pairs))
        for g, p in quote_pairs:
            report.check("quote speaker", (p["speaker"] or "").lower() == g["speaker"].lower())
        for nq in gold.get("not_quotes", []):
            report.check("titles not taken for quotes", not any(_overlap(nq, q) for q in quotes))
        roles = facts("roles")
        for g in gold.get("roles", []):
            report.check("roles", any(r["person"] == g["person"] and r["role"].lower() == g["role"].lower()
                                      for r in roles))
        if gold.get("published"):
            report.check("published date", (article["published"] or "")[:10] == gold["published"])
        if gold.get("dateline"):
            report.check("dateline", (article["dateline"] or "").lower() == gold["dateline"].lower())
    db.close()
    return report


def _tally(report: Report, kind: str, predicted: int, gold: list, tp: int) -> None:
    t = report.kinds[kind]
    t.tp += tp
    t.predicted += predicted
    t.gold += len(gold)


def _shift(article_file: Path, stored: str) -> int:
    """Gold offsets index the file; stored offsets index the article text within it."""
    if not article_file.is_file():
        return 0
    try:
        text = article_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return 0
    return max(0, text.find(stored))


@click.command("gold")
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def command(db: str, gold: tuple[str, ...], as_json: bool) -> None:
    """Score DB against GOLD files: precision/recall/F1 per fact kind."""
    report = score(db, list(gold))
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=1))
    else:
        for line in report.lines():
            click.echo(line)
