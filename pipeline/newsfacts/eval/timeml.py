"""TimeML (TempEval-3, TimeBank, AQUAINT): TIMEX3 spans and values of ``doc._.dates``.

Each ``.tml`` file gives a document creation time (the DCT TIMEX3, not scored) and inline
TIMEX3 tags in ``<TEXT>``. Tags are stripped keeping every TIMEX3's character offsets; the text
runs through the pipeline with ``doc._.dct`` set. Scores follow TempEval-3: relaxed span match
(any overlap, one-to-one) and value match (overlapping span and exactly the gold value), per
TIMEX3 type and overall.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

TYPES = ("DATE", "TIME", "DURATION", "SET")
KIND_TO_TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[Timex] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)  # spans not scored (a DCT in the text)


def read_tml(path: Path) -> TimeMLDoc:
    """One TimeML file: the text of ``<TEXT>`` without tags, its DCT and its TIMEX3s."""
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m and (v := re.search(r'value="([^"]*)"', m.group(1))):
        dct = v.group(1)[:10]
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    content = body.group(1) if body else ""
    pieces: list[str] = []
    pos = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[Timex] = []
    last = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[last: tag.start()])
        pieces.append(chunk)
        pos += len(chunk)
        last = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (pos, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            timexes.append(Timex(start, pos, "", attrs.get("type", "DATE"), attrs.get("value", "")))
    tail = html.unescape(content[last:])
    pieces.append(tail)
    text = "".join(pieces)
    for t in timexes:
        t.text = text[t.start: t.end]
    return TimeMLDoc(Path(path).stem, text, dct, timexes)


def read_meantime_xml(path: Path) -> TimeMLDoc | None:
    """A MEANTIME (NewsReader CAT XML) article: tokens joined by spaces, sentences by newlines.

    Its creation-time TIMEX3 is anchored to the date line in the text (the second sentence, where an
    article has no TIMEX3 marked as creation time); that span is kept in ``ignore`` so predictions
    there are neither credited nor counted as spurious.
    """
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    if not tokens:
        return None
    from newsfacts.eval.meantime import token_text

    text, offsets = token_text(tokens)
    doc = TimeMLDoc(Path(path).stem, text, None)
    timexes = list(root.iter("TIMEX3"))
    # The creation time is the Wikinews date line (sentence 1); two articles tag it as an ordinary
    # TIMEX3 and anchor their relative times to it all the same.
    date_line = [t.get("t_id") for t in tokens if t.get("sentence") == "1"]
    marked = any(el.get("functionInDocument") == "CREATION_TIME" for el in timexes)
    for el in timexes:
        ids = [a.get("t_id") for a in el.findall("token_anchor") if a.get("t_id") in offsets]
        if not ids:
            if el.get("functionInDocument") == "CREATION_TIME":
                doc.dct = (el.get("value") or "")[:10] or None
            continue
        start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
        if el.get("functionInDocument") == "CREATION_TIME" or (not marked and ids == date_line):
            doc.dct = (el.get("value") or "")[:10] or None
            doc.ignore.append((start, end))
            continue
        doc.timexes.append(Timex(start, end, doc.text[start:end], el.get("type", "DATE"), el.get("value", "")))
    doc.timexes.sort(key=lambda t: t.start)
    # MEANTIME annotates only the first sentences of an article: score predictions there only.
    last_sentence = annotated_until(root)
    if last_sentence is not None:
        after = [offsets[t.get("t_id")][0] for t in tokens if int(t.get("sentence")) > last_sentence]
        if after:
            doc.ignore.append((min(after), len(doc.text)))
    return doc


def annotated_until(root: ET.Element) -> int | None:
    """The last sentence MEANTIME annotated for times and values (title, date line, first sentences).

    Its markables come type by type (entities, events, signals, TIMEX3, VALUE); mentions added later
    for cross-document coreference follow the last VALUE or TIMEX3 and reach sentences whose times
    and amounts were never annotated, so only the markables up to that point tell the extent.
    """
    sent_of = {tok.get("t_id"): int(tok.get("sentence")) for tok in root.iter("token")}
    marks = list(next(root.iter("Markables"), []))
    last = max((i for i, el in enumerate(marks) if el.tag in ("TIMEX3", "VALUE")), default=len(marks) - 1)
    anchored = [sent_of[a.get("t_id")] for el in marks[:last + 1] for a in el.findall("token_anchor")
                if a.get("t_id") in sent_of]
    return max(anchored) if anchored else None


def read_corpus(path: Path) -> list[TimeMLDoc]:
    """TimeML ``.tml`` files, or MEANTIME ``.xml`` files, under ``path``."""
    path = Path(path)
    files = sorted(path.rglob("*.tml")) if path.is_dir() else [path]
    docs = [read_tml(f) for f in files if f.suffix == ".tml" and not f.name.startswith("._")]
    if not docs and path.is_dir():
        docs = [d for f in sorted(path.rglob("*.xml")) if (d := read_meantime_xml(f)) is not None]
    return docs


@dataclass
class Pred:
    start: int
    end: int
    text: str
    type: str
    value: str | None


def match(gold: list[Timex], pred: list[Pred]) -> list[tuple[Timex, Pred]]:
    """One-to-one pairs of overlapping spans, largest overlap first; on a tie the tighter pair (smaller union)
    first, so that where gold nests tags (MEANTIME's "from 2009 to 2011" DURATION around its DATE "2009") a
    prediction of exactly "2009" pairs with that DATE, not with whichever enclosing tag the file lists first."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, max(g.end, p.end) - min(g.start, p.start), g, p))
    pairs.sort(key=lambda x: (-x[0], x[1]))
    used_g, used_p, out = set(), set(), []
    for _, _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[TimeMLDoc], preds: list[list[Pred]]) -> dict[str, dict[str, float]]:
    """Relaxed-span and value P/R/F1 per type (gold type for recall, predicted type for precision)."""
    n_gold, n_pred = Counter(), Counter()
    span_g, span_p, val_g, val_p = Counter(), Counter(), Counter(), Counter()
    type_ok = 0
    pairs_all = 0
    for doc, pred in zip(docs, preds, strict=True):
        for g in doc.timexes:
            n_gold[g.type] += 1
        for p in pred:
            n_pred[p.type] += 1
        for g, p in match(doc.timexes, pred):
            pairs_all += 1
            span_g[g.type] += 1
            span_p[p.type] += 1
            type_ok += g.type == p.type
            if p.value == g.value:
                val_g[g.type] += 1
                val_p[p.type] += 1
    out = {}
    for kind in (*TYPES, "ALL"):
        def get(c: Counter, kind: str = kind) -> int:
            return sum(c.values()) if kind == "ALL" else c[kind]

        sp = _prf(get(span_p), get(n_pred), get(span_g), get(n_gold))
        vp = _prf(get(val_p), get(n_pred), get(val_g), get(n_gold))
        out[kind] = {"gold": get(n_gold), "pred": get(n_pred), "span_p": sp[0], "span_r": sp[1], "span_f1": sp[2],
                     "value_p": vp[0], "value_r": vp[1], "value_f1": vp[2]}
    out["ALL"]["type_accuracy"] = type_ok / pairs_all if pairs_all else 0.0
    return out


def predict(docs: list[TimeMLDoc], model: str | None = None) -> list[list[Pred]]:
    """Run the base model and the dates component (only) with each document's DCT."""
    from newsfacts import nlp as nlp_module
    from newsfacts.extensions import make_doc

    nlp = nlp_module.load(model, only=["dates"])
    out = []
    made = [make_doc(nlp, d.text, published=d.dct) for d in docs]
    for d, doc in zip(docs, nlp.pipe(made, batch_size=16), strict=True):
        out.append([Pred(f.start, f.end, f.text, KIND_TO_TYPE.get(f.kind, "DATE"), f.value)
                    for f in doc._.dates if not any(f.start < e and s < f.end for s, e in d.ignore)])
    return out


def errors(docs: list[TimeMLDoc], preds: list[list[Pred]]) -> list[str]:
    """Readable lines for every miss, spurious expression and wrong value."""
    lines = []
    for doc, pred in zip(docs, preds, strict=True):
        pairs = match(doc.timexes, pred)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g, p in pairs:
            if g.value != p.value:
                lines.append(f"VALUE\t{doc.name}\t{doc.dct}\t{g.type}\t{g.text!r}\t{g.value}\t{p.text!r}\t{p.value}")
        for g in doc.timexes:
            if id(g) not in matched_g:
                ctx = doc.text[max(0, g.start - 40): g.end + 40].replace("\n", " ")
                lines.append(f"MISS\t{doc.name}\t{doc.dct}\t{g.type}\t{g.text!r}\t{g.value}\t{ctx!r}")
        for p in pred:
            if id(p) not in matched_p:
                ctx = doc.text[max(0, p.start - 40): p.end + 40].replace("\n", " ")
                lines.append(f"SPURIOUS\t{doc.name}\t{doc.dct}\t{p.type}\t{p.text!r}\t{p.value}\t{ctx!r}")
    return lines


def format_table(result: dict) -> list[str]:
    lines = []
    for kind in (*TYPES, "ALL"):
        r = result[kind]
        lines.append(
            f"{kind:8} gold={r['gold']:4} pred={r['pred']:4}  span P={r['span_p']:.3f} R={r['span_r']:.3f} "
            f"F1={r['span_f1']:.3f}  value P={r['value_p']:.3f} R={r['value_r']:.3f} F1={r['value_f1']:.3f}"
        )
    lines.append(f"type accuracy on matched spans: {result['ALL']['type_accuracy']:.3f}")
    return lines


@click.command("timeml")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--model", default=None, help="Base spaCy model (default: the configured one).")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write misses, spurious expressions and wrong values to this TSV file.")
def command(path: Path, model: str | None, limit: int | None, errors_file: Path | None) -> None:
    """TIMEX3 relaxed-span and value P/R/F1 on TimeML files (e.g. TBAQ-cleaned) or MEANTIME XML."""
    docs = read_corpus(path)[:limit]
    preds = predict(docs, model)
    click.echo(f"{len(docs)} documents, {sum(len(d.timexes) for d in docs)} gold TIMEX3 (DCT excluded)")
    for line in format_table(score(docs, preds)):
        click.echo(line)
    if errors_file:
        errors_file.write_text("\n".join(errors(docs, preds)) + "\n", encoding="utf-8")
