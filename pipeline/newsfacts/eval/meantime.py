"""MEANTIME (NewsReader, Wikinews): canonical names of people and organisations.

MEANTIME links every entity mention to a corpus-level instance with a free-text name
(``TAG_DESCRIPTOR``) and, for named things, a DBpedia link. That gives a gold canonical
name per mention to compare ``doc._.entities`` against.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import click

CORPORATE_SUFFIXES = {"inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "group", "sa",
                      "ag", "nv", "llc", "se", "holdings"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "justice", "lord", "lady"}
TYPES = {"PER": "PERSON", "ORG": "ORG"}


@dataclass
class GoldMention:
    start: int
    end: int
    kind: str  # PER | ORG
    names: tuple[str, ...]  # acceptable canonical names: the instance name and its DBpedia title


@dataclass
class MeantimeDoc:
    name: str
    text: str
    dct: str | None
    mentions: list[GoldMention] = field(default_factory=list)


def _dbpedia_title(url: str) -> str | None:
    m = re.search(r"dbpedia\.org/(?:resource|page)/([^\s]+)", url or "")
    return unquote(m.group(1)).replace("_", " ") if m else None


def token_text(tokens: list[ET.Element]) -> tuple[str, dict[str, tuple[int, int]]]:
    """MEANTIME tokens as text: joined by spaces, sentences by newlines; and t_id -> offsets."""
    offsets: dict[str, tuple[int, int]] = {}
    pieces: list[str] = []
    pos, sentence = 0, tokens[0].get("sentence")
    for i, tok in enumerate(tokens):
        if i:
            pieces.append("\n" if tok.get("sentence") != sentence else " ")
            pos += 1
        sentence = tok.get("sentence")
        text = tok.text or ""
        offsets[tok.get("t_id")] = (pos, pos + len(text))
        pieces.append(text)
        pos += len(text)
    return "".join(pieces), offsets


def read_meantime(path: Path) -> list[MeantimeDoc]:
    """Every article under ``path`` with its named mentions of PER/ORG instances."""
    docs = []
    for file in sorted(Path(path).rglob("*.xml")):
        root = ET.parse(file).getroot()
        tokens = root.findall("token")
        if not tokens:
            continue
        text, offsets = token_text(tokens)
        markables = root.find("Markables")
        mentions = {}
        instances = {}
        dct = None
        for el in markables if markables is not None else []:
            if el.tag == "ENTITY_MENTION" and el.get("syntactic_type") == "NAM":
                ids = [a.get("t_id") for a in el.findall("token_anchor")]
                if ids:
                    mentions[el.get("m_id")] = (offsets[ids[0]][0], offsets[ids[-1]][1])
            elif el.tag == "ENTITY" and el.get("ent_type") in TYPES:
                title = _dbpedia_title(el.get("external_ref", ""))
                names = (el.get("TAG_DESCRIPTOR", "").strip(),) + ((title,) if title else ())
                instances[el.get("m_id")] = (el.get("ent_type"), names)
            elif el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
                dct = el.get("value")
        doc = MeantimeDoc(file.stem, text, dct)
        for rel in root.iter("REFERS_TO"):
            target = rel.find("target")
            if target is None or target.get("m_id") not in instances:
                continue
            kind, names = instances[target.get("m_id")]
            for src in rel.findall("source"):
                if src.get("m_id") in mentions:
                    start, end = mentions[src.get("m_id")]
                    doc.mentions.append(GoldMention(start, end, kind, names))
        docs.append(doc)
    return docs


def normalize(name: str, kind: str) -> str:
    """Compare names case-, accent-, punctuation- and underscore-insensitively, without
    parenthetical remarks, honorifics (people) or trailing corporate suffixes (organisations:
    "Group PLC", "N.V.")."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"\(.*?\)", " ", name).replace("_", " ").replace("&amp;", "&").lower()
    name = re.sub(r"'s\b", "", name)
    if kind == "ORG":  # "N.V.", "S.A." are one word ("nv"), as CORPORATE_SUFFIXES spells them
        name = re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group(0).replace(".", ""), name)
    words = re.sub(r"[^\w&\s]", " ", name).split()
    if words and words[0] == "the":
        words = words[1:]
    if kind == "PER":
        while len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
        if words and words[-1] in ("jr", "sr"):
            words = words[:-1]
    else:
        while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:  # "Group PLC", "Company Limited"
            words = words[:-1]
    return " ".join(words)


def _preference(entity, gold: GoldMention) -> tuple[bool, int]:
    """MEANTIME extents include descriptors ("Ryanair CEO, Michael O'Leary"): prefer an entity
    of the mention's type, then the largest overlap."""
    overlap = min(entity.end, gold.end) - max(entity.start, gold.start)
    return entity.label == TYPES[gold.kind], overlap


def score_docs(docs: list[MeantimeDoc], entities: list[list]) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter] = {kind: Counter() for kind in TYPES}
    for doc, ents in zip(docs, entities, strict=True):
        for g in doc.mentions:
            c = counts[g.kind]
            c["gold"] += 1
            overlapping = [e for e in ents if e.start < g.end and g.start < e.end]
            if not overlapping:
                continue
            best = max(overlapping, key=lambda e: _preference(e, g))
            c["found"] += 1
            c["label"] += best.label == TYPES[g.kind]
            c["correct"] += normalize(best.canonical, g.kind) in {normalize(n, g.kind) for n in g.names}
    return {kind: dict(c) for kind, c in counts.items()}


def run(docs: list[MeantimeDoc], model: str | None = None) -> list[list]:
    from newsfacts import nlp as nlp_module
    from newsfacts.extensions import make_doc

    nlp = nlp_module.load(model, only=["entity_rules", "entities"])
    return [list(nlp(make_doc(nlp, d.text, published=d.dct))._.entities) for d in docs]


@click.command("meantime")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--model", default=None, help="Base spaCy model (default: the configured one).")
@click.option("--show-errors", is_flag=True, help="Print each wrong canonical name.")
def command(path: Path, model: str | None, show_errors: bool) -> None:
    """Canonical-name accuracy for person and organisation mentions in MEANTIME.

    Gold: every named mention (syntactic_type NAM) that REFERS_TO a PER or ORG instance.
    Our answer for a mention is the entity in ``doc._.entities`` that overlaps it, preferring
    one of the mention's type (MEANTIME extents include descriptors), then the largest overlap.
    It is correct when our canonical name equals the instance's name (TAG_DESCRIPTOR) or its
    DBpedia page title after ``normalize``: case-, accent-, punctuation- and
    underscore-insensitive, without parenthetical remarks, honorifics for people and
    trailing corporate suffixes ("Inc.", "Corp.", "Group PLC", "N.V.") for organisations.
    Printed per type: found = mentions we have an entity for; accuracy = correct / found
    (the naming quality); end-to-end = correct / gold; label = entity label agrees.
    """
    docs = read_meantime(path)
    entities = run(docs, model)
    result = score_docs(docs, entities)
    click.echo(f"{len(docs)} documents")
    for kind, c in result.items():
        gold, found, correct = c.get("gold", 0), c.get("found", 0), c.get("correct", 0)
        click.echo(f"{kind}: gold {gold} found {found} accuracy={correct / max(found, 1):.3f} "
                   f"end-to-end={correct / max(gold, 1):.3f} label={c.get('label', 0) / max(found, 1):.3f}")
    if show_errors:
        for doc, ents in zip(docs, entities, strict=True):
            for g in doc.mentions:
                hits = [e for e in ents if e.start < g.end and g.start < e.end]
                if hits:
                    best = max(hits, key=lambda e: _preference(e, g))
                    if normalize(best.canonical, g.kind) not in {normalize(n, g.kind) for n in g.names}:
                        click.echo(f"{doc.name}\t{g.kind}\t{doc.text[g.start:g.end]!r}\t{best.canonical!r}\t"
                                   f"{best.label}\t{g.names}")
