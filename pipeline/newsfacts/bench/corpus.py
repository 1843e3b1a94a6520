"""The bench's input: the files ingest would read, their distinct articles, and generated article folders."""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[3]  # the checkout: ROOT/pipeline/newsfacts/bench/corpus.py
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_SIZE = 300  # articles generated from corpus/ when no PATH is given


def select_files(paths: Iterable[str | os.PathLike], limit: int | None = None) -> list[Path]:
    """The files ingest would read under ``paths``, cut after the one that reaches ``limit`` articles."""
    from newsfacts import readers

    files: list[Path] = []
    count = 0
    for path in readers.find_files(paths):
        if limit is not None and count >= limit:
            break
        files.append(path)
        if limit is not None:
            count += sum(1 for a in readers.read_path(path) if isinstance(a, readers.RawArticle))
    return files


def read_articles(files: Iterable[Path]) -> Iterator:
    """Each distinct readable article once, as ingest would extract it (duplicates are skipped there too)."""
    from newsfacts import readers

    seen: set[str] = set()
    for path in files:
        for article in readers.read_path(path):
            if isinstance(article, readers.RawArticle) and (article_id := article.id) not in seen:
                seen.add(article_id)
                yield article


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] or [text.strip()]


def generate_folder(source: Iterable[str | os.PathLike], n: int, out: str | os.PathLike, seed: int = 0,
                    mix: float = 0.3) -> int:
    """Write ``n`` distinct articles to ``out`` by varying the real articles under ``source``.

    Article ``i`` keeps the title, lead paragraph and length of source article ``i mod len``;
    the order of its other paragraphs is shuffled and a share ``mix`` of them is taken from other
    articles, so texts are new (a new hash) but read like news. Only the source is held in memory.
    Returns the number of articles written.
    """
    from newsfacts.readers import text_id

    articles = []
    for article in read_articles(select_files(source)):
        title, paragraphs = (article.title or "").strip(), _paragraphs(article.text)
        if title and paragraphs[0] == title and len(paragraphs) > 1:
            paragraphs = paragraphs[1:]  # the headline line, written back as the title
        articles.append((title, paragraphs))
    if not articles:
        raise click.ClickException(f"no readable articles under {', '.join(map(str, source))}")
    # Lead paragraphs (datelines) stay with their article; the rest is shared.
    pool = [p for _, paragraphs in articles for p in paragraphs[1:]] or [p for _, ps in articles for p in ps]
    if len(pool) < 2:
        raise click.ClickException("the source needs at least two paragraphs to vary")
    rng = random.Random(seed)
    out = Path(out)
    seen: set[str] = set()
    for i in range(n):
        title, paragraphs = articles[i % len(articles)]
        for attempt in range(50):
            body = list(paragraphs[1:]) if len(paragraphs) > 1 else []
            rng.shuffle(body)
            body = [rng.choice(pool) if rng.random() < mix or attempt > 10 else p for p in body]
            if not body or attempt > 20:  # a small source runs out of variants: grow the article
                body += [rng.choice(pool) for _ in range(1 + attempt // 20)]
            text = "\n\n".join([title, paragraphs[0], *body] if title else [paragraphs[0], *body])
            if (key := text_id(text)) not in seen:
                break
        else:
            raise click.ClickException(f"cannot make {n} distinct articles from so small a source")
        seen.add(key)
        target = out / f"{i // 1000:03d}" / f"{i:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text + "\n", encoding="utf-8")
    return n


def _default_corpus(size: int, tmp: str) -> list[str]:
    if not DEFAULT_CORPUS.is_dir():
        raise click.UsageError("no PATH given and no corpus/ folder next to the package to build one from")
    out = Path(tmp) / "corpus"
    generate_folder([DEFAULT_CORPUS], size, out)
    return [str(out)]
