"""The strict speaker measure on PolNeAR: who said each direct quote, by canonical name.

The speakers file (``SPLIT-speakers.json`` beside the split folder) says for every direct quote of
the split, by its offsets, who said it: the canonical name with the aliases the article uses,
``named: false`` when the article never names the speaker, ``not_speech`` for titles and terms in
marks. ``canonical`` is the share of matched named quotes whose stored ``speaker`` is the name or an
alias (case, punctuation and honorifics aside), ``unnamed`` the share of matched unnamed quotes not
given to a named person, organisation or place, ``not speech`` the titles and terms left alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

from newsfacts.eval.polnear import Ranges, _shared, match, whole_quotes

NAMED_LABELS = {"PERSON", "ORG", "GPE"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "rev"}


@dataclass
class GoldSpeaker(Ranges):
    """A direct quote of the speakers file: who said it (canonical name and aliases), or not speech."""

    ranges: list[tuple[int, int]]
    speaker: str | None
    aliases: list[str]
    named: bool
    not_speech: bool


def load_speakers(path: Path, articles) -> list[list[GoldSpeaker]]:
    """The speakers file's quotes for each article of ``articles`` (a quote's parts from its .ann)."""
    quotes = json.loads(path.read_text(encoding="utf8"))["quotes"]
    out = []
    for name, _, gold in articles:
        parts = {(g.start, g.end): g.ranges for g in gold}
        out.append(sorted((
            GoldSpeaker(parts.get((q["start"], q["end"]), [(q["start"], q["end"])]), q["speaker"],
                        q.get("aliases", []), q["named"], q["not_speech"])
            for q in quotes.get(name, [])), key=lambda g: g.start))
    return out


def name_key(name: str | None) -> str:
    """A name compared case, punctuation and honorifics aside: "Mr. Trump" ~ "trump"."""
    words = [w.strip(".-’'") for w in re.findall(r"[\w’'.-]+", (name or "").lower())]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def same_person(stored: str | None, gold: GoldSpeaker) -> bool:
    return bool(stored) and name_key(stored) in {name_key(n) for n in [gold.speaker, *gold.aliases] if n}


def strict_score(docs, articles, speakers, kinds: tuple[str, ...], show_errors: bool = False) -> dict:
    """Our direct quotes against the speakers file: P/R/F1, canonical speakers, unnamed, not speech."""
    c = Counter()
    for (name, text, _), doc, gold in zip(articles, docs, speakers, strict=True):
        predicted = whole_quotes(doc._.quotes, kinds)
        speech = [g for g in gold if not g.not_speech]
        pairs = match(predicted, speech)
        c["pred"] += len(predicted)
        c["gold"] += len(speech)
        c["matched"] += len(pairs)
        taken = whole_quotes(doc._.quotes, ("direct", "partial"))
        for g in gold:
            if g.not_speech:
                c["not_speech"] += 1
                c["not_speech_left"] += not any(_shared(p, g) for p in taken)
        for p, g in pairs:
            said = text[p.speaker_start : p.speaker_end] if p.speaker_start is not None else None
            if g.named:
                c["named"] += 1
                right = same_person(p.speaker, g)
                c["named_right"] += right
            else:
                c["unnamed"] += 1
                right = p.speaker is None or p.speaker_label not in NAMED_LABELS
                c["unnamed_right"] += right
            if show_errors and not right:
                click.echo(f"STRICT {name} {p.start}: {p.text[:50]!r} ours={p.speaker!r}/{said!r} gold={g.speaker!r}")
    precision = c["matched"] / c["pred"] if c["pred"] else 0.0
    recall = c["matched"] / c["gold"] if c["gold"] else 0.0
    return {
        "gold": c["gold"], "predicted": c["pred"], "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "canonical": c["named_right"] / c["named"] if c["named"] else 0.0, "named": c["named"],
        "unnamed": c["unnamed_right"] / c["unnamed"] if c["unnamed"] else 0.0, "unnamed_scored": c["unnamed"],
        "not_speech_left": c["not_speech_left"], "not_speech": c["not_speech"],
    }


def strict_report(result: dict) -> str:
    return (
        f"polnear strict speakers: gold={result['gold']} predicted={result['predicted']} "
        f"P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"canonical={result['canonical']:.3f} (of {result['named']} matched named), "
        f"unnamed={result['unnamed']:.3f} (of {result['unnamed_scored']} matched unnamed), "
        f"not speech left alone={result['not_speech_left']}/{result['not_speech']}"
    )
