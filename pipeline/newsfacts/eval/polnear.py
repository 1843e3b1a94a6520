"""Score quotes and speakers on PolNeAR (brat standoff attributions of political news).

Gold: for each article, the first annotator's ``attributions/NAME_<annotator>.ann`` (sorted by
name). A gold direct quote is a ``Content`` span whose text starts with a quote mark; its parts
(``start end;start end``) count as one quote. Its speaker is the ``Source`` span of the same
attribution, when there is one.

Matching: a predicted quote matches a gold quote when their character ranges overlap; pairs are
taken one to one, largest overlap first. Precision counts our quotes of the scored kinds
(``direct`` by default), recall the gold direct quotes. PolNeAR groups the parts of a quote
differently from us at times (two quotes with a narrative sentence between them as one content),
so the line also gives an any-overlap score: a prediction is right when it overlaps some gold
quote, a gold quote found when some prediction overlaps it.

Speaker: of the matched pairs whose gold quote has a Source, the share where ours is right, i.e.
our speaker mention overlaps the Source span, or our canonical name and the Source text share
their last word ("Donald Trump" ~ "Trump"; "Mr. Trump" ~ "Donald Trump"), case-insensitively.
A gold pronoun Source is only matched through the mention (the corpus's coreference is not read).
``named`` is the stricter share over gold Sources that hold a capitalised word (a name): the last
word of our canonical name must be one of the Source's words, whatever mention we went through.

Strict (``--speakers FILE``, by default ``SPLIT-speakers.json`` beside the split folder; scored in
``polnear_speakers``): our direct quotes against a hand-made file of who said each quote, by canonical
name. A pronoun resolved to the wrong person is wrong there, however right its mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

QUOTE_MARKS = "“\"‘'„«"
PRONOUNS = {"i", "he", "she", "we", "they", "it", "you", "who"}


class Ranges:
    """A quote that may come in parts: ``ranges`` of (start, end), its span from the first to the last."""

    ranges: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.ranges[0][0]

    @property
    def end(self) -> int:
        return self.ranges[-1][1]


@dataclass
class GoldQuote(Ranges):
    ranges: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str


def read_ann(path: Path, text: str, direct: bool = True) -> list[GoldQuote]:
    """Gold direct quotes of one .ann file (or, with ``direct=False``, the other attributions)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in path.read_text(encoding="utf8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            ranges = [tuple(int(x) for x in r.split()) for r in offsets.split(";")]
            spans[parts[0]] = (label, ranges, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        _, ranges, _ = content
        first = text[ranges[0][0] : ranges[0][1]].lstrip()
        if (bool(first) and first[0] in QUOTE_MARKS) != direct:
            continue
        source = spans.get(event.get("Source", ""))
        gold.append(GoldQuote(sorted(ranges), source[1] if source else [], source[2] if source else ""))
    return sorted(gold, key=lambda g: g.start)


def load_corpus(path: Path, direct: bool = True) -> list[tuple[str, str, list[GoldQuote]]]:
    """(name, text, gold quotes) per article of a PolNeAR split folder (with text/ and attributions/)."""
    articles = []
    for txt in sorted((path / "text").glob("*.txt")):
        anns = sorted((path / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf8")
        articles.append((txt.stem, text, read_ann(anns[0], text, direct)))
    return articles


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _last_word(name: str) -> str:
    words = re.findall(r"[\w’'-]+", name.lower())
    words = [w for w in words if w not in ("jr", "sr", "ii", "iii")]
    return re.sub(r"(’s|'s)$", "", words[-1]) if words else ""


def speaker_right(quote, gold: GoldQuote) -> bool:
    if quote.speaker_start is not None and any(
        _overlap((quote.speaker_start, quote.speaker_end), s) for s in gold.source
    ):
        return True
    if quote.speaker and gold.source_text:
        return _last_word(quote.speaker) == _last_word(gold.source_text)
    return False


def _touches(p, g: GoldQuote) -> bool:
    return _shared(p, g) > 0


def _words(text: str) -> list[str]:
    return [re.sub(r"(’s|'s)$", "", w) for w in re.findall(r"[\w’'.-]+", text.lower())]


def _named(source: str) -> bool:
    """A gold Source that holds a name ("Mr. Trump", "Kenneth Baer, a former official"), not only a
    pronoun or a description ("the union")."""
    return any(w[:1].isupper() and w.lower() not in PRONOUNS | {"the", "a", "an"} for w in source.split())


def _named_right(quote, gold: GoldQuote) -> bool:
    """Our canonical name's last word is one of the words of the gold Source."""
    return bool(quote.speaker) and _last_word(quote.speaker) in _words(gold.source_text)


@dataclass
class Predicted(Ranges):
    """One of our quotes: its rows (the parts of a quote split by its attribution share ``quote_start``)."""

    ranges: list[tuple[int, int]]
    text: str
    kind: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_label: str | None


def whole_quotes(quotes, kinds: tuple[str, ...]) -> list[Predicted]:
    """Our quotes of ``kinds``, the rows of one joined quote taken together."""
    groups: dict[tuple[str, int], list] = {}
    for q in sorted(quotes or [], key=lambda q: q.start):
        if q.kind in kinds:
            groups.setdefault((q.kind, getattr(q, "quote_start", None) or q.start), []).append(q)
    out = []
    for rows in groups.values():
        first = rows[0]
        out.append(Predicted(
            [(q.start, q.end) for q in rows], " ".join(q.text for q in rows), first.kind, first.speaker,
            first.speaker_start, first.speaker_end, first.speaker_label,
        ))
    return sorted(out, key=lambda p: p.start)


def _shared(p, g) -> int:
    mine = getattr(p, "ranges", None) or [(p.start, p.end)]
    return sum(_overlap(a, b) for a in mine for b in g.ranges)


def match(predicted: list, gold: list) -> list[tuple[object, object]]:
    """Pairs one to one, largest overlap first."""
    pairs = []
    for p in predicted:
        for g in gold:
            size = _shared(p, g)
            if size:
                pairs.append((size, id(p), id(g), p, g))
    pairs.sort(key=lambda x: -x[0])
    used_p, used_g, out = set(), set(), []
    for _, ip, ig, p, g in pairs:
        if ip in used_p or ig in used_g:
            continue
        used_p.add(ip)
        used_g.add(ig)
        out.append((p, g))
    return out


def score(docs, articles, kinds: tuple[str, ...], show_errors: bool = False) -> dict[str, float]:
    """Match each processed Doc's quotes of ``kinds`` against its article's gold quotes."""
    counts = Counter()
    for (name, text, gold), doc in zip(articles, docs, strict=True):
        predicted = whole_quotes(doc._.quotes, kinds)
        pairs = match(predicted, gold)
        counts["pred"] += len(predicted)
        counts["gold"] += len(gold)
        counts["matched"] += len(pairs)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        touches = [[_touches(p, g) for g in gold] for p in predicted]
        counts["pred_overlapping"] += sum(any(row) for row in touches)
        counts["gold_overlapped"] += sum(any(col) for col in zip(*touches, strict=True)) if touches else 0
        for p, g in pairs:
            if _named(g.source_text):
                counts["named"] += 1
                counts["named_right"] += _named_right(p, g)
            if g.source:
                counts["with_source"] += 1
                if speaker_right(p, g):
                    counts["speaker_right"] += 1
                elif show_errors:
                    said = text[p.speaker_start : p.speaker_end] if p.speaker_start is not None else None
                    click.echo(
                        f"SPEAKER {name}: {p.text[:60]!r} ours={p.speaker!r}/{said!r} gold={g.source_text!r}"
                    )
        if show_errors:
            for p in predicted:
                if id(p) not in matched_p:
                    click.echo(f"FP {name} {p.kind}: {p.text[:90]!r}")
            for g in gold:
                if id(g) not in matched_g:
                    click.echo(f"FN {name}: {text[g.start : g.end][:90]!r}")
    precision = counts["matched"] / counts["pred"] if counts["pred"] else 0.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    speakers = counts["speaker_right"] / counts["with_source"] if counts["with_source"] else 0.0
    loose_p = counts["pred_overlapping"] / counts["pred"] if counts["pred"] else 0.0
    loose_r = counts["gold_overlapped"] / counts["gold"] if counts["gold"] else 0.0
    return {
        "named_accuracy": counts["named_right"] / counts["named"] if counts["named"] else 0.0,
        "named_scored": counts["named"],
        "loose_precision": loose_p,
        "loose_recall": loose_r,
        "loose_f1": 2 * loose_p * loose_r / (loose_p + loose_r) if loose_p + loose_r else 0.0,
        "articles": len(articles),
        "gold": counts["gold"],
        "predicted": counts["pred"],
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": speakers,
        "speaker_scored": counts["with_source"],
    }


def _bare_pipeline():
    """Base model plus the quotes component only: measures quotes without the other components."""
    from newsfacts.nlp import load

    return load(only=["quotes"])


def _report(label: str, result: dict) -> str:
    return (
        f"polnear {label}: articles={result['articles']} gold={result['gold']} "
        f"predicted={result['predicted']} P={result['precision']:.3f} R={result['recall']:.3f} "
        f"F1={result['f1']:.3f} speakers={result['speaker_accuracy']:.3f} "
        f"(of {result['speaker_scored']} matched with a gold source), "
        f"named={result['named_accuracy']:.3f} (of {result['named_scored']} whose source holds a name); "
        f"any-overlap P={result['loose_precision']:.3f} R={result['loose_recall']:.3f} "
        f"F1={result['loose_f1']:.3f}"
    )


@click.command("polnear")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--kinds",
    default="direct",
    show_default=True,
    help="Comma-separated quote kinds scored against the gold direct quotes (direct, partial).",
)
@click.option(
    "--indirect", is_flag=True, help="Also score indirect quotes against the attributions without marks."
)
@click.option(
    "--speakers",
    "speakers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Who said each direct quote (JSON); default SPLIT-speakers.json beside the split folder.",
)
@click.option("--bare", is_flag=True, help="Base model and the quotes component only.")
@click.option("--errors", is_flag=True, help="Print false positives, misses and wrong speakers.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
def command(
    path: Path, kinds: str, indirect: bool, speakers_file: Path | None, bare: bool, errors: bool, limit: int | None
) -> None:
    """Direct-quote P/R/F1 and speaker accuracy on a PolNeAR split (e.g. .../polnear-quotes/dev)."""
    from newsfacts import nlp as nlp_module

    articles = load_corpus(path)[:limit]
    nlp = _bare_pipeline() if bare else nlp_module.load()
    docs = list(nlp.pipe([text for _, text, _ in articles], batch_size=16))
    kinds_scored = tuple(k.strip() for k in kinds.split(","))
    click.echo(_report(f"quotes ({kinds})", score(docs, articles, kinds_scored, show_errors=errors)))
    from newsfacts.eval.polnear_speakers import load_speakers, strict_report, strict_score

    speakers_file = speakers_file or path.parent / f"{path.name}-speakers.json"
    if speakers_file.is_file():
        speakers = load_speakers(speakers_file, articles)
        click.echo(strict_report(strict_score(docs, articles, speakers, kinds_scored, show_errors=errors)))
    else:
        click.echo(f"polnear strict speakers: no {speakers_file}, not scored")
    if indirect:
        reported = load_corpus(path, direct=False)[:limit]
        click.echo(_report("reported speech (indirect)", score(docs, reported, ("indirect",))))
