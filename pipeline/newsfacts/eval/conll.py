"""CoNLL-2003 NER: exact-span precision/recall/F1 of ``doc._.entities`` beside the bare spaCy model.

The corpus is tokenized; a document's text is rebuilt by joining its tokens with spaces and
its sentences with newlines, so every gold token keeps a character offset. OntoNotes labels
are mapped onto the four CoNLL types; numeric labels and anything unmapped are ignored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

ONTONOTES_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass
class ConllDoc:
    text: str
    spans: set[tuple[int, int, str]] = field(default_factory=set)


def read_conll(path: Path) -> list[ConllDoc]:
    """Documents of a CoNLL-2003 file (IOB1 tags, ``-DOCSTART-`` between documents)."""
    docs: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []

    def end_sentence() -> None:
        if sentence:
            sentences.append(list(sentence))
            sentence.clear()

    def end_doc() -> None:
        end_sentence()
        if sentences:
            docs.append(_build(sentences))
            sentences.clear()

    for line in Path(path).read_text(encoding="utf8").splitlines():
        parts = line.split()
        if not parts:
            end_sentence()
        elif parts[0] == "-DOCSTART-":
            end_doc()
        else:
            sentence.append((parts[0], parts[-1]))
    end_doc()
    return docs


def _build(sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    pieces: list[str] = []
    spans = set()
    pos = 0
    for s_i, sent in enumerate(sentences):
        if s_i:
            pieces.append("\n")
            pos += 1
        current: list | None = None  # [start, end, type]
        for t_i, (token, tag) in enumerate(sent):
            if t_i:
                pieces.append(" ")
                pos += 1
            start, end = pos, pos + len(token)
            pieces.append(token)
            pos = end
            kind = tag[2:] if tag != "O" else None
            if kind and current and current[2] == kind and not tag.startswith("B-"):
                current[1] = end
                continue
            if current:
                spans.add(tuple(current))
                current = None
            if kind:
                current = [start, end, kind]
        if current:
            spans.add(tuple(current))
    return ConllDoc("".join(pieces), spans)


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float, int]]:
    """Per type and overall: precision, recall, F1, gold count (exact span and type)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        for span in p:
            (tp if span in g else fp)[span[2]] += 1
        for span in g - p:
            fn[span[2]] += 1
    out = {}
    for kind in (*TYPES, "ALL"):
        t = sum(tp.values()) if kind == "ALL" else tp[kind]
        f_p = sum(fp.values()) if kind == "ALL" else fp[kind]
        f_n = sum(fn.values()) if kind == "ALL" else fn[kind]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[kind] = (p, r, f, t + f_n)
    return out


def _mapped(items) -> set[tuple[int, int, str]]:
    return {(s, e, ONTONOTES_TO_CONLL[label]) for s, e, label in items if label in ONTONOTES_TO_CONLL}


def predict(texts: list[str], model: str | None = None) -> tuple[list[set], list[set]]:
    """Spans from the newsfacts entities component and from the bare base model."""
    import spacy

    from newsfacts import nlp as nlp_module

    nlp = nlp_module.load(model, only=["entity_rules", "entities"])
    ours = [_mapped((e.start, e.end, e.label) for e in doc._.entities) for doc in nlp.pipe(texts, batch_size=16)]
    bare_nlp = spacy.load(model or nlp_module.read_config()["nlp"]["model"])
    bare = [_mapped((e.start_char, e.end_char, e.label_) for e in doc.ents)
            for doc in bare_nlp.pipe(texts, batch_size=16)]
    return ours, bare


def format_table(name: str, result: dict) -> list[str]:
    lines = []
    for kind, (p, r, f, n) in result.items():
        lines.append(f"{name:8} {kind:5} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {n})")
    return lines


@click.command("conll")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", default=None, help="Base spaCy model (default: the configured one).")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
def command(path: Path, model: str | None, limit: int | None) -> None:
    """Exact-span NER scores on a CoNLL-2003 file (e.g. eng.testa): newsfacts vs the bare model."""
    docs = read_conll(path)[:limit]
    gold = [d.spans for d in docs]
    ours, bare = predict([d.text for d in docs], model)
    click.echo(f"{len(docs)} documents, {sum(len(g) for g in gold)} gold entities")
    for line in format_table("newsfacts", score(gold, ours)) + format_table("bare", score(gold, bare)):
        click.echo(line)
