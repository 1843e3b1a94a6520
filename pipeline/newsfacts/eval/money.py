"""``python -m newsfacts.eval money PATH``: score the money component.

PATH is either a JSONL file of money expressions in sentences (``corpus/money/dev.jsonl``; one line
``{"sentence", "text", "value", "currency", "max_value"?, "qualifier"?, "dateline"?}`` per expression),
scored for accuracy, or a MEANTIME folder, scored for detection of its MONEY spans (MEANTIME marks the
extent only, no value): recall, and precision over the sentences MEANTIME annotated
(``timeml.annotated_until``). An expression is *found* when a predicted amount overlaps it and *right*
when, in addition, its value, currency and upper bound (for ranges) are right, and its qualifier where
the line gives one (``null``: no bound, "up to $190 million from $171 million").

Only the base model and this component run, so the numbers measure the component; ``--timing`` also
reports what the component costs per article on already processed Docs.
"""

from __future__ import annotations

import json
import math
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import click


def _pipeline(model: str | None = None):
    from newsfacts.nlp import load

    return load(model, only=["money"])


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _bound(a) -> str | None:
    """The qualifier that bounds or softens a single amount; a range's own marks are not bounds."""
    return None if a.qualifier in ("range", "range_end") else a.qualifier


def score_jsonl(nlp, path: Path, show: bool = False) -> dict:
    from newsfacts.extensions import make_doc

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = found = exact = right = 0
    errors = []
    for row in rows:
        doc = nlp(make_doc(nlp, row["sentence"], dateline=row.get("dateline")))
        start = row["sentence"].find(row["text"])
        end = start + len(row["text"])
        n += 1
        cands = [a for a in doc._.amounts if a.start < end and start < a.end]
        cands.sort(key=lambda a: (a.text != row["text"], abs(a.start - start)))
        if not cands:
            errors.append(("missed", row, None))
            continue
        found += 1
        a = cands[0]
        ends = [b for b in doc._.amounts if b.qualifier == "range_end" and b.start >= a.end]
        whole = row["sentence"][a.start:ends[0].end] if a.qualifier == "range" and ends else a.text
        exact += row["text"] in (a.text, whole)  # a range is two Amounts, one per end
        ok = _same(a.value, row["value"]) and a.currency == row["currency"] and _same(
            a.max_value, row.get("max_value")) and ("qualifier" not in row or _bound(a) == row["qualifier"])
        right += ok
        if not ok:
            errors.append(("wrong", row, a))
    if show:
        for kind, row, a in errors:
            got = f"{a.text!r} {a.value} {a.currency} max={a.max_value}" if a else "-"
            click.echo(f"{kind}: {row['text']!r} {row['value']} {row['currency']} max={row.get('max_value')}"
                       f" | got {got} | {row['sentence']}")
    return {"expressions": n, "found": found, "exact_span": exact, "right": right}


def meantime_docs(folder: Path, kind: str = "MONEY") -> list[tuple[str, list[tuple[int, int, str]], int]]:
    """(text, VALUE spans of one type: MONEY or PERCENT, end of the annotated sentences) per MEANTIME
    article, text rebuilt from its tokens."""
    from newsfacts.eval.meantime_corpus import detokenize
    from newsfacts.eval.timeml import annotated_until

    out = []
    for xml in sorted(folder.rglob("*.xml")):
        root = ET.parse(xml).getroot()
        tokens = [(int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
        paragraphs, offsets = detokenize(tokens)
        # The release lost "£" to "#" in its encoding; put it back (same length, offsets unchanged).
        text = "\n\n".join(paragraphs)
        text = "".join("£" if c == "#" and text[i + 1:i + 2].strip(" ")[:1].isdigit() or (
            c == "#" and text[i + 1:i + 2] == " " and text[i + 2:i + 3].isdigit()) else c for i, c in enumerate(text))
        spans = []
        for v in root.iter("VALUE"):
            if v.get("type") != kind:
                continue
            ids = [int(a.get("t_id")) for a in v.findall("token_anchor")]
            if ids:
                s, e = offsets[min(ids)][0], offsets[max(ids)][1]
                spans.append((s, e, text[s:e]))
        last = annotated_until(root)
        later = [offsets[tid][0] for tid, sent, _ in tokens if last is not None and sent > last]
        out.append((text, spans, min(later, default=len(text))))
    return out


def score_meantime(nlp, folder: Path, show: bool = False, timing: bool = False) -> dict:
    docs = meantime_docs(folder)
    n = found = predicted = unmatched = 0
    for text, spans, scope in docs:
        doc = nlp(text)
        preds = [a for a in doc._.amounts if a.start < scope]  # only the sentences MEANTIME annotated
        predicted += len(preds)
        for s, e, t in spans:
            n += 1
            hit = any(a.start < e and s < a.end for a in preds)
            found += hit
            if show and not hit:
                click.echo(f"missed: {t!r} | {text[max(0, s - 60):e + 40]!r}")
        for a in preds:
            if not any(a.start < e and s < a.end for s, e, _ in spans):
                unmatched += 1
                if show:
                    click.echo(f"not in gold: {a.text!r} | {text[max(0, a.start - 60):a.end + 40]!r}")
    pct_n = pct_found = 0
    for text, spans, _ in meantime_docs(folder, "PERCENT"):
        doc = nlp(text)
        for s, e, _ in spans:
            pct_n += 1
            pct_found += any(q.start < e and s < q.end and q.unit == "percent" for q in doc._.quantities)
    return {"articles": len(docs), "money_spans": n, "found": found, "predicted": predicted,
            "predicted_not_in_gold": unmatched, "percent_spans": pct_n, "percent_found": pct_found}


def time_component(nlp, texts: list[str]) -> tuple[float, float]:
    """(CPU ms per article for the component alone on processed Docs, for base model + component)."""
    money = nlp.get_pipe("money")
    with nlp.select_pipes(disable=["money"]):
        t0 = time.process_time()
        docs = list(nlp.pipe(texts))
        base = time.process_time() - t0
    t0 = time.process_time()
    for doc in docs:
        money(doc)
    comp = time.process_time() - t0
    return 1000 * comp / len(docs), 1000 * (base + comp) / len(docs)


@click.command("money")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--model", default=None, help="Base spaCy model (default: the one in models/pipeline.cfg).")
@click.option("--show", is_flag=True, help="Print every miss and wrong value.")
@click.option("--timing", is_flag=True, help="Also time the component alone on processed Docs.")
def command(path: Path, model: str | None, show: bool, timing: bool) -> None:
    """Accuracy on a JSONL file of money expressions, or MONEY recall on a MEANTIME folder."""
    nlp = _pipeline(model)
    if path.is_file():
        r = score_jsonl(nlp, path, show)
        n = r["expressions"] or 1
        click.echo(f"money {path.name}: {r['expressions']} expressions, found {r['found'] / n:.3f}, "
                   f"exact span {r['exact_span'] / n:.3f}, right (value+currency) {r['right'] / n:.3f}")
        texts = [json.loads(line)["sentence"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    else:
        r = score_meantime(nlp, path, show)
        n = r["money_spans"] or 1
        p = 1 - r["predicted_not_in_gold"] / (r["predicted"] or 1)
        rec = r["found"] / n
        click.echo(f"money MEANTIME: {r['articles']} articles, {r['money_spans']} MONEY spans, "
                   f"recall {rec:.3f}, predicted {r['predicted']} in the annotated sentences, "
                   f"outside gold MONEY {r['predicted_not_in_gold']}, precision {p:.3f}, "
                   f"F1 {2 * p * rec / (p + rec) if p + rec else 0:.3f}; "
                   f"PERCENT recall {r['percent_found'] / (r['percent_spans'] or 1):.3f} of {r['percent_spans']}")
        texts = [t for t, _, _ in meantime_docs(path)]
    if timing:
        comp, total = time_component(nlp, texts)
        click.echo(f"timing: component {comp:.4f} ms/article, whole (base model + component) {total:.2f} ms/article"
                   f" over {len(texts)} texts")
