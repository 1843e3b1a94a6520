"""Facts from text in Python: what ``newsfacts ingest`` does to each article, for one string or a stream.

``extract`` and ``extract_many`` run the configured pipeline (loaded once per process) and return
:class:`Facts`: the article's text and context with one list of records per fact kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts import metadata, places
from newsfacts.records import KINDS, Amount, DateFact, Entity, Quantity, Quote, Role

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Facts:
    """Everything extracted from one article. Offsets index ``text``: ``text[f.start:f.end] == f.text``."""

    text: str
    published: str | None = None
    title: str | None = None
    dateline: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 code of the dateline's country, as ``articles.country``
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain dicts and lists, ready for ``json.dumps``."""
        return asdict(self)

    def __len__(self) -> int:
        return sum(len(getattr(self, kind)) for kind in KINDS)


_PIPELINES: dict[tuple[str | None, str | None], Language] = {}


def load(model: str | None = None, *, models: str | Path | None = None) -> Language:
    """The newsfacts spaCy pipeline (base ``model`` and rules from ``models/``), loaded once per process.

    ``model`` overrides the base pipeline of ``models/pipeline.cfg`` (a package name or a path);
    ``models`` is another rules folder, like ``--models`` and ``$NEWSFACTS_MODELS``.
    """
    from newsfacts import nlp as nlp_module

    key = (model, str(models) if models else None)
    if key not in _PIPELINES:
        _PIPELINES[key] = nlp_module.load(model, Path(models) if models else None)
    return _PIPELINES[key]


def extract(text: str, *, published: str | None = None, title: str | None = None, dateline: str | None = None,
            nlp: Language | None = None) -> Facts:
    """The facts of one article.

    ``published`` (``YYYY-MM-DD``) anchors relative dates ("last Tuesday"); without it they stay
    unresolved (``XXXX-…``) unless the dateline carries a date. ``dateline`` (a place) is read from
    the text's opening ("ALMATY –") when not given, as ingest does. ``nlp`` defaults to :func:`load`.
    """
    return next(extract_many([{"text": text, "published": published, "title": title, "dateline": dateline}],
                             nlp=nlp))


Article = str | Mapping[str, str | None]


def extract_many(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 16
                 ) -> Iterator[Facts]:
    """The facts of each article, in order, with ``nlp.pipe`` batching.

    An article is a string or a mapping with ``text`` and optional ``published``, ``title``,
    ``dateline`` (the keyword arguments of :func:`extract`).
    """
    from newsfacts.extensions import facts_of, make_doc

    nlp = nlp or load()
    contexts = map(_context, articles)
    while chunk := list(itertools.islice(contexts, batch_size)):
        docs = (make_doc(nlp, a["text"], published=a["published"], title=a["title"], dateline=a["dateline"])
                for a in chunk)
        for article, doc in zip(chunk, nlp.pipe(docs), strict=True):
            yield Facts(**article, **facts_of(doc))


def _context(article: Article) -> dict:
    if isinstance(article, str):
        article = {"text": article}
    text = article["text"]
    if not isinstance(text, str):
        raise TypeError(f"an article's text must be a string, not {type(text).__name__}")
    context = {"text": text, "published": article.get("published"), "title": article.get("title"),
               "dateline": article.get("dateline")}
    region = None
    if context["dateline"] is None and (found := metadata.story_dateline(text, context["title"])):
        context["dateline"], region = found.place, found.region
        context["published"] = context["published"] or found.date
    context["country"] = places.country_code(context["dateline"], region) if context["dateline"] else None
    return context
