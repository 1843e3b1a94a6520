"""Draft newsfacts gold files from MEANTIME (NewsReader, Wikinews, CC BY 4.0) articles.

Documents how the MEANTIME articles in ``corpus/`` and their gold were made; nothing at run time
needs it. MEANTIME ships tokens without spacing, so the text is rebuilt from the tokens
(detokenised) and every annotation is carried over as character offsets into the rebuilt file:

- the file is ``date YYYY-MM-DD`` (the document creation time), the headline, a blank line, then
  the body, one sentence per paragraph except that a paragraph never breaks inside a quotation;
  the Wikinews date line under the headline is dropped (the header carries it);
- entity mentions: proper names only (syntactic type NAM / PRE.NAM), with MEANTIME's types mapped
  to OntoNotes labels and canonical names taken from the linked corpus-level instance;
- TIMEX3 (except the creation time itself) with value and lower-cased type;
- MONEY values (MEANTIME marks the extent only) with a value parsed from the text.

The draft is then reviewed by hand (spans trimmed to the CoNLL convention, missing names, quotes,
roles and the money ``about`` added); see corpus/README.md.

    python -m newsfacts.eval meantime_corpus draft MEANTIME_DIR ARTICLE_ID... --out DIR
    python -m newsfacts.eval meantime_corpus check corpus/dev corpus/test
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import click

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'ve", "n't", "'re", "'ll", "'d",
                   "'m", "''", "”", "’", "...", "/"}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "£", "€", "#", "``", "“", "‘", "/"}
QUOTE_TOKENS = {"``": "\"", "''": "\"", "&quot;": "\"", '"': "\""}
LABELS = {"PER": "PERSON", "ORG": "ORG", "ORGANISATION": "ORG", "LOC": "GPE", "PRO": "PRODUCT"}
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "£": "GBP", "€": "EUR"}
SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "mn": 1e6, "thousand": 1e3, "trillion": 1e12}


def load_instances(meantime: Path) -> dict[str, str]:
    """Instance id -> annotator's instance name (the corpus-level canonical name)."""
    out = {}
    with open(meantime / "list_instances.csv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) > 3:
                out[row[0]] = row[3]
    return out


def detokenize(tokens: list[tuple[int, int, str]]) -> tuple[list[str], dict[int, tuple[int, int]]]:
    """Rebuild paragraphs from (t_id, sentence, text) tokens; returns paragraphs and t_id -> offsets
    relative to the concatenation of paragraphs joined by blank lines."""
    sentences: dict[int, list[tuple[int, str]]] = {}
    for tid, sent, text in tokens:
        sentences.setdefault(sent, []).append((tid, text))
    paragraphs: list[str] = []
    offsets: dict[int, tuple[int, int]] = {}
    base = 0
    buf = ""
    open_quote = False
    for sent in sorted(sentences):
        if buf:
            buf += " "
        prev = None
        attach_next = False
        for tid, raw in sentences[sent]:
            tok = QUOTE_TOKENS.get(raw, raw).replace("&amp;", "&")
            is_quote = raw in QUOTE_TOKENS or raw in ("“", "”")
            if is_quote:
                opening = raw in ("``", "“") or (raw not in ("''", "”") and not open_quote)
                open_quote = opening
                space = prev is not None and opening and not attach_next
                attach_after = opening
            elif raw == "'" and prev and prev.endswith("s"):
                space, attach_after = False, False
            else:
                space = prev is not None and not attach_next and raw not in NO_SPACE_BEFORE
                attach_after = raw in NO_SPACE_AFTER
            if space:
                buf += " "
            offsets[tid] = (base + len(buf), base + len(buf) + len(tok))
            buf += tok
            prev = tok
            attach_next = attach_after
        if not open_quote:
            paragraphs.append(buf)
            base += len(buf) + 2
            buf = ""
    if buf:
        paragraphs.append(buf)
    return paragraphs, offsets


def parse_money(text: str) -> tuple[float | None, str | None]:
    """Value and ISO currency of a short money span ("$15bn", "US$ 2.1 billion", "£10m")."""
    currency = None
    for sign, code in sorted(CURRENCY_SIGNS.items(), key=lambda kv: -len(kv[0])):
        if sign in text:
            currency = code
            break
    for word, code in (("dollar", "USD"), ("euro", "EUR"), ("pound", "GBP"), ("yen", "JPY"), ("yuan", "CNY")):
        if word in text.lower():
            currency = currency or code
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|mn|million|m|thousand|trillion)?\b", text)
    if not m:
        return None, currency
    value = float(m.group(1).replace(",", "")) * SCALES.get((m.group(2) or "").lower(), 1)
    return value, currency


def convert(xml_path: Path, instances: dict[str, str]) -> tuple[str, dict]:
    """Return (article text, draft gold) for one MEANTIME XML file."""
    root = ET.parse(xml_path).getroot()
    tokens = [(int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    markables = root.find("Markables")
    dct = None
    for tx in markables.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
    # sentence 0 is the headline, sentence 1 the Wikinews date line
    title_toks = [t for t in tokens if t[1] == 0]
    body_toks = [t for t in tokens if t[1] >= 2]
    dateline_ids = {t[0] for t in tokens if t[1] == 1}
    title_paras, title_off = detokenize(title_toks)
    body_paras, body_off = detokenize(body_toks)
    header = f"date {dct}\n" if dct else ""
    title = " ".join(title_paras)
    text = header + title + "\n\n"
    shift = len(text)
    text += "\n\n".join(body_paras) + "\n"
    pos = {tid: (s + len(header), e + len(header)) for tid, (s, e) in title_off.items()}
    pos.update({tid: (s + shift, e + shift) for tid, (s, e) in body_off.items()})

    def span(el):
        ids = [int(a.get("t_id")) for a in el.findall("token_anchor")]
        if not ids or any(i in dateline_ids for i in ids):
            return None
        start, end = pos[min(ids)][0], pos[max(ids)][1]
        return start, end, text[start:end]

    # mention -> entity instance
    ent_by_mid = {}
    for e in markables.findall("ENTITY"):
        ent_by_mid[e.get("m_id")] = e
    refers = {}
    for r in root.find("Relations").findall("REFERS_TO"):
        refers.setdefault(r.find("target").get("m_id"), []).extend(s.get("m_id") for s in r.findall("source"))
    mention_ent = {src: ent_by_mid[t] for t, srcs in refers.items() if t in ent_by_mid for src in srcs}

    entities = []
    for m in markables.findall("ENTITY_MENTION"):
        if m.get("syntactic_type") not in ("NAM", "PRE.NAM"):
            continue
        sp = span(m)
        ent = mention_ent.get(m.get("m_id"))
        if sp is None or ent is None:
            continue
        label = LABELS.get(ent.get("ent_type"))
        if label is None:
            continue
        canonical = instances.get(ent.get("instance_id") or "", ent.get("TAG_DESCRIPTOR"))
        entities.append({"text": sp[2], "start": sp[0], "end": sp[1], "label": label, "canonical": canonical})
    dates = []
    for tx in markables.findall("TIMEX3"):
        sp = span(tx)
        if sp is None or tx.get("functionInDocument") == "CREATION_TIME":
            continue
        dates.append({"text": sp[2], "start": sp[0], "end": sp[1], "value": tx.get("value"),
                      "kind": tx.get("type", "").lower()})
    amounts = []
    for v in markables.findall("VALUE"):
        sp = span(v)
        if sp is None or v.get("type") != "MONEY":
            continue
        value, currency = parse_money(sp[2])
        amounts.append({"text": sp[2], "start": sp[0], "end": sp[1], "value": value, "currency": currency,
                        "about": ""})
    def key(fact: dict) -> int:
        return fact["start"]

    gold = {
        "article": xml_path.stem.split("_")[0] + ".txt",
        "published": dct,
        "dateline": None,
        "title": title,
        "labels_scored": ["PERSON", "ORG", "GPE", "LOC", "PRODUCT"],
        "entities": sorted(entities, key=key),
        "amounts": sorted(amounts, key=key),
        "dates": sorted(dates, key=key),
        "quotes": [],
        "not_quotes": [],
        "roles": [],
        "indirect_attributions": [],
    }
    return text, gold


def check(text: str, gold: dict) -> list[str]:
    """Every span's text must equal the article slice it points at."""
    errors = []
    for kind in ("entities", "amounts", "dates", "quotes", "not_quotes", "indirect_attributions"):
        for item in gold.get(kind, []):
            got = text[item["start"]:item["end"]]
            want = item.get("text", item.get("cue"))
            if got != want:
                errors.append(f"{gold['article']} {kind} {item['start']}-{item['end']}: {want!r} != {got!r}")
    return errors


def article_text(path: Path) -> str:
    """The text gold offsets index: the file's text, a JSON-lines record's ``text`` (one record per
    file in corpus/), or the main text trafilatura extracts from HTML, as the reader stores it."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return json.loads(raw.splitlines()[0])["text"]
    if path.suffix in (".html", ".htm"):
        import trafilatura

        return trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False).text
    return raw


GOLD_KEYS = ["article", "published", "dateline", "title", "labels_scored", "entities", "amounts", "dates",
             "quotes", "not_quotes", "roles", "indirect_attributions"]


@click.group("meantime_corpus")
def command() -> None:
    """The sample corpus: check gold files, or draft gold from MEANTIME."""


@command.command("check")
@click.argument("folders", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
def check_command(folders: tuple[Path, ...]) -> None:
    """Check every gold file in FOLDERS (offsets, keys, labels) and count facts per folder."""
    failed = False
    for folder in folders:
        counts = dict.fromkeys(
            ("articles", "entities", "amounts", "dates", "quotes", "not_quotes", "roles"), 0)
        for gold_path in sorted(folder.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            errors = [] if list(gold) == GOLD_KEYS else [f"{gold_path.name}: keys {list(gold)}"]
            article = folder / gold["article"]
            if not article.is_file():
                errors.append(f"{gold_path.name}: no article file {gold['article']}")
            else:
                errors += check(article_text(article), gold)
            errors += [f"{gold_path.name}: label {e['label']} not in labels_scored" for e in gold["entities"]
                       if e["label"] not in gold["labels_scored"]]
            for err in errors:
                click.echo(err)
            failed |= bool(errors)
            counts["articles"] += 1
            for key in counts:
                if key != "articles":
                    counts[key] += len(gold.get(key, []))
        click.echo(f"{folder}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if failed:
        raise SystemExit(1)


@command.command("draft")
@click.argument("meantime", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("ids", nargs=-1)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
def draft_command(meantime: Path, ids: tuple[str, ...], out: Path) -> None:
    """Write draft article + gold files for the MEANTIME articles with the given document ids."""
    instances = load_instances(meantime)
    out.mkdir(parents=True, exist_ok=True)
    for xml_path in sorted(meantime.glob("intra_cross-doc_annotation/*/*.xml")):
        if ids and xml_path.stem.split("_")[0] not in ids:
            continue
        text, gold = convert(xml_path, instances)
        (out / gold["article"]).write_text(text, encoding="utf-8")
        (out / gold["article"].replace(".txt", ".json")).write_text(
            json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        for err in check(text, gold):
            click.echo(err)


if __name__ == "__main__":
    command()
