"""``python -m newsfacts.eval dates PATH``: score the dates component on a JSONL file of time phrases.

One line ``{"sentence", "text", "value", "dct", "type"?}`` per phrase (``corpus/dates/dev.jsonl``):
the sentence is read with ``dct`` as the publication date, as an article would be. A phrase is
*found* when a predicted date overlaps ``text`` (its first occurrence in the sentence), *exact* when
the overlapping date has the same text, and *right* when its TIMEX3 value equals ``value``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click


def score_jsonl(nlp, path: Path, show: bool = False) -> dict:
    """Counts of phrases, found, exact spans and right values; prints each miss with ``show``."""
    from newsfacts.extensions import make_doc

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = nlp.pipe(make_doc(nlp, r["sentence"], published=r["dct"]) for r in rows)
    n = found = exact = right = 0
    for row, doc in zip(rows, docs, strict=True):
        start = row["sentence"].find(row["text"])
        end = start + len(row["text"])
        n += 1
        cands = sorted((d for d in doc._.dates if d.start < end and start < d.end),
                       key=lambda d: (d.text != row["text"], -min(end, d.end) + max(start, d.start)))
        got = cands[0] if cands else None
        found += got is not None
        exact += got is not None and got.text == row["text"]
        ok = got is not None and got.value == row["value"]
        right += ok
        if show and not ok:
            what = f"{got.text!r} {got.value}" if got else "-"
            click.echo(f"{'wrong' if got else 'missed'}: {row['text']!r} {row['value']} | got {what} | "
                       f"dct {row['dct']} | {row['sentence']}")
    return {"phrases": n, "found": found, "exact_span": exact, "right": right}


@click.command("dates")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", default=None, help="Base spaCy model (default: the one in models/pipeline.cfg).")
@click.option("--show", is_flag=True, help="Print every miss and wrong value.")
def command(path: Path, model: str | None, show: bool) -> None:
    """Value accuracy on a JSONL file of time phrases in sentences, each with its publication date."""
    from newsfacts.nlp import load

    r = score_jsonl(load(model, only=["dates"]), path, show)
    n = r["phrases"] or 1
    click.echo(f"dates {path.name}: {r['phrases']} phrases, found {r['found'] / n:.3f}, "
               f"exact span {r['exact_span'] / n:.3f}, right (value) {r['right'] / n:.3f}")
