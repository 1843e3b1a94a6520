"""The spaCy component ``newsfacts_money`` and its factory: ``doc._.amounts`` and ``doc._.quantities``.

The factory takes settings only; the tables are read by ``load`` from a ``models/money`` folder
(``from_disk`` in pipeline.cfg, else the folder shipped with newsfacts on the first call).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.component import RuleComponent
from newsfacts.extensions import doc_text, register_extensions
from newsfacts.money.about import AboutWords, annotate
from newsfacts.money.amounts import MoneyExtractor


class MoneyComponent(RuleComponent):
    """spaCy component: ``doc._.amounts`` and ``doc._.quantities``."""

    folder = "money"

    def __init__(self, name: str = "money", *, split_ranges: bool = True,
                 quantulum_entities: list[str] | None = None) -> None:
        super().__init__(name)
        self.split_ranges = split_ranges
        self.quantulum_entities = list(quantulum_entities or ())
        self.extractor: MoneyExtractor | None = None
        self.about_words: AboutWords | None = None

    def load(self, path: Path) -> None:
        self.extractor = MoneyExtractor(path, split_ranges=self.split_ranges,
                                        quantulum_entities=self.quantulum_entities)
        self.about_words = AboutWords.read(path)

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        amounts, quantities = self.extractor.find(doc, text)
        if amounts or quantities:
            annotate(doc, amounts, quantities, text, self.about_words)
        doc._.amounts = amounts
        doc._.quantities = quantities
        return doc


@Language.factory(
    "newsfacts_money",
    default_config={"split_ranges": True, "quantulum_entities": []},
)
def make_money(nlp: Language, name: str, *, split_ranges: bool, quantulum_entities: list[str]) -> MoneyComponent:
    """``split_ranges``: a range gives one Amount per end (see ``newsfacts.money``) rather than one
    Amount spanning both; ``quantulum_entities``: kinds of measure (quantulum3 entity names) read by
    quantulum3 when a unit after a number is not in ``units.tsv``; empty turns quantulum3 off."""
    register_extensions()
    return MoneyComponent(name, split_ranges=split_ranges, quantulum_entities=quantulum_entities)
