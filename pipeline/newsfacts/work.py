"""The worker side of ingest: a batch of articles in, plain fact records out.

What a worker process imports to extract (a local pool's, a Dask worker's, a shard writer's): the
pipeline, the per-batch bounds and memory zone, and the shape of an article's task and row. It never
imports the store: sqlite-utils pulls in pandas where that is installed, some 65 MB in each worker
started afresh (forked workers share the pages of the process they were forked from).
``newsfacts.batch`` (the parent side) uses it, and so do ``shards`` and ``cluster``.
"""

from __future__ import annotations

import contextlib
import gc
import signal
import weakref
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts import bounds
from newsfacts import nlp as nlp_module
from newsfacts.pool import watch_parent
from newsfacts.records import KINDS

if TYPE_CHECKING:
    from newsfacts.readers import RawArticle

Extracted = tuple[str, dict | None, str | None]  # article id, facts by kind (or None), error
# Tokens per nlp.pipe call (about 60,000 characters of news prose): 16 average news articles fit; 16
# long ones would take a worker from ~350 MB to over 800 MB. A longer article goes in pieces of this size.
NLP_BATCH_TOKENS = 10_000
# Strings a pipeline may add to its vocabulary for good before every batch runs in a memory zone:
# at most about 30 MB, reached after several thousand news articles.
WARM_VOCAB_STRINGS = 50_000

_NLP = None
_PRELOADED: tuple | None = None  # (model, models) of the pipeline ``preload`` loaded in this process
_LIMITS: list = []  # the BLAS thread limits load_pipeline set in this process, for release_pipeline


def load_pipeline(model: str | None, models: str | Path | None):
    """The pipeline of a worker, on one BLAS thread, and what it loaded set aside from the garbage collector.

    One thread: a worker is one core's share of the work, and ``--workers`` says how many cores; a
    BLAS library would otherwise start a thread per core in every worker.
    Its vocabulary, word lists and tables stay alive as long as the worker does. ``gc.freeze`` moves them
    to the collector's permanent generation, so the collections that the Python objects of every Doc
    set off no longer walk them (about 9 % of a worker's CPU time on BBC news). Objects a frozen cycle
    holds are never freed, so this is for processes that load the pipeline to work, not for a library
    call: ``release_pipeline`` undoes both.
    """
    from threadpoolctl import threadpool_limits

    nlp = nlp_module.load(model, Path(models) if models else None)
    _LIMITS.append(threadpool_limits(limits=1, user_api="blas"))
    gc.collect()
    gc.freeze()
    return nlp


def release_pipeline() -> None:
    """Undo what ``load_pipeline`` set for this process (when the pipeline ran in it, not in a worker)."""
    gc.unfreeze()
    while _LIMITS:
        _LIMITS.pop().restore_original_limits()


def preload(model: str | None, models: str | Path | None) -> None:
    """Load the pipeline in this process for the worker processes forked from it (``init_forked_worker``).

    Forked workers start with the pipeline loaded instead of each loading its own (some 1.5 s of CPU
    each), and the pages they only read stay shared with this process. ``unload`` releases it.
    """
    global _NLP, _PRELOADED
    if _PRELOADED != (model, str(models)):
        unload()
        _NLP, _PRELOADED = load_pipeline(model, models), (model, str(models))


def unload() -> None:
    """Release what ``preload`` loaded in this process (nothing if it loaded nothing)."""
    global _NLP, _PRELOADED
    if _PRELOADED is not None:
        _NLP = _PRELOADED = None
        release_pipeline()


def init_forked_worker() -> None:
    """A local pool worker's initializer when forked from a process that ran ``preload``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    watch_parent()  # and a killed parent takes its workers with it


def init_worker(model: str | None, models: str | None) -> None:
    """A local pool worker's initializer when started afresh: the pipeline loaded once per process."""
    global _NLP
    init_forked_worker()
    _NLP = load_pipeline(model, models)


def _docs(nlp, batch: list[tuple]):
    from newsfacts.extensions import make_doc

    for item in batch:
        text, context = item[1], item[2]
        yield make_doc(nlp, text, published=context["published"], dateline=context["dateline"],
                       title=context["title"])


def _facts(doc) -> dict[str, list[dict]]:
    from newsfacts.extensions import facts_of

    return {kind: [_as_dict(f) for f in records] for kind, records in facts_of(doc).items()}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _as_dict(record) -> dict:
    """``dataclasses.asdict`` without its deep copy: fact fields are plain values."""
    if isinstance(record, dict):
        return record
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


def extract_batch(batch: list[tuple[str, str, dict]], nlp=None) -> list[Extracted]:
    """Facts for a batch of (article id, text, context); a failing article is reported, not raised.

    An article of more than ``NLP_BATCH_TOKENS`` tokens goes through the pipeline in pieces (see
    ``newsfacts.bounds``), its facts' offsets moved back into the whole text.
    Only plain records leave: no Doc outlives the batch (see ``batch_zone`` for the vocabulary).
    """
    nlp = nlp or _NLP
    parts = [(item[0], piece, item[2], offset) for item in batch
             for offset, piece in bounds.pieces(item[1], NLP_BATCH_TOKENS)]
    split = len(parts) > len(batch)
    # A piece of a long article without a letter or digit (a wall of "&") holds no fact: no model for it.
    keep = [not split or bounds.has_words(part[1]) for part in parts]
    with batch_zone(nlp):
        ran = [item for group in by_size([p for p, k in zip(parts, keep, strict=True) if k])
               for item in _extract(group, nlp)]
    if not split:
        return ran
    results, nothing = iter(ran), {kind: [] for kind in KINDS}
    joined: dict[str, list] = {}
    for part, kept in zip(parts, keep, strict=True):
        article_id, facts, error = next(results) if kept else (part[0], nothing, None)
        entry = joined.setdefault(article_id, [article_id, {kind: [] for kind in KINDS}, None])
        if error or entry[2]:
            entry[2] = entry[2] or error
            continue
        for kind, records in facts.items():
            entry[1][kind].extend(bounds.shift(r, part[3]) for r in records)
    return [(article_id, None if error else facts, error) for article_id, facts, error in joined.values()]


_BASE_STRINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def batch_zone(nlp) -> contextlib.AbstractContextManager:
    """Where a batch runs: a spaCy memory zone once the vocabulary has grown by ``WARM_VOCAB_STRINGS``.

    A zone frees the words and strings a batch adds, so a worker's memory stays flat over any number
    of articles; but inside one spaCy neither keeps new words nor caches tokenizations, which costs
    some 4 % of throughput. The words a process meets first are mostly the common ones, so keeping
    them up to a fixed budget buys back most of that for a bounded amount of memory.
    """
    base = _BASE_STRINGS.setdefault(nlp, len(nlp.vocab.strings))
    if len(nlp.vocab.strings) - base < WARM_VOCAB_STRINGS:
        return contextlib.nullcontext()
    return nlp.memory_zone()


def by_size(batch: list[tuple], max_tokens: int | None = None) -> Iterator[list]:
    """Split a batch into runs of at most ``max_tokens`` (default ``NLP_BATCH_TOKENS``) tokens of text (a
    longer item goes alone): the model's arrays for one ``nlp.pipe`` batch grow with its tokens, and so
    would a worker's peak memory."""
    max_tokens = max_tokens or NLP_BATCH_TOKENS
    group: list = []
    size = 0
    for item in batch:
        tokens = bounds.token_estimate(item[1])
        if group and size + tokens > max_tokens:
            yield group
            group, size = [], 0
        group.append(item)
        size += tokens
    if group:
        yield group


def _extract(batch: list[tuple], nlp) -> list[Extracted]:
    try:
        return [(b[0], _facts(doc), None) for b, doc in zip(batch, nlp.pipe(_docs(nlp, batch)), strict=True)]
    except Exception:
        out: list[Extracted] = []
        for item in batch:
            try:
                doc = nlp(next(_docs(nlp, [item])))
                out.append((item[0], _facts(doc), None))
            except Exception as exc:
                out.append((item[0], None, f"extraction failed: {type(exc).__name__}: {exc}"))
        return out


def article_row(article: RawArticle, article_id: str) -> dict:
    """The ``articles`` row of an article read from disk (plus its source ``key``)."""
    row = {k: getattr(article, k) for k in ("path", "title", "dateline", "dateline_start", "dateline_end",
                                               "agency", "country", "published", "published_from", "source",
                                               "author", "url", "format", "encoding", "text", "record_id")}
    return row | {"id": article_id, "key": article.key, "words": article.words, "chars": len(article.text)}


def task_of(row: dict) -> tuple[str, str, dict]:
    """What a worker needs of an article: (id, text, context), as ``extract_batch`` takes it."""
    return row["id"], row["text"], {"published": row["published"], "dateline": row["dateline"],
                                    "title": row["title"]}
