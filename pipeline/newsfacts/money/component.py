"""The spaCy component ``newsfacts_money`` and its factory: ``doc._.amounts`` and ``doc._.quantities``.

The factory takes settings only; the tables are read by ``load`` from a ``models/money`` folder
(``from_disk`` in pipeline.cfg, else the folder shipped with newsfacts on the first call).
"""

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.component import RuleComponent
from newsfacts.extensions import doc_text, register_extensions
from newsfacts.money.about import AboutWords, annotate
from newsfacts.money.amounts import MoneyExtractor
from newsfacts.money.results import label_figures
from newsfacts.records import Amount, Quantity
from newsfacts.tokens import token_index
from newsfacts.wordspan import head_of_compound


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
        amounts = [a for a in amounts if _whole_words(text, a) and not _named(doc, text, a, self.extractor.post_cased)
                   and self.extractor.unit_after(text, a.end) != "percent"]  # "at 96 stg pct": a bond's price
        quantities = [q for q in quantities if _whole_words(text, q)]
        if amounts or quantities:
            annotate(doc, amounts, quantities, text, self.about_words)
            figures = [*amounts, *quantities]
            label_figures(text, self.extractor.results.rows(text, sorted((f.start, f.end) for f in figures)), figures)
        doc._.amounts = amounts
        doc._.quantities = quantities
        return doc


_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT"})
_BARE_DIGITS = re.compile(r"\d[\d.,]*[ \u00a0]")


def _named(doc: Doc, text: str, amount: Amount, cased: dict[str, str]) -> bool:
    """"the rapper 50 Cent": currency words all written with a capital after bare digits, that the parse
    takes for a proper noun or the entities stage for (part of) a name, belongs to a name; no amount.
    Never a form the tables write with its capital (``cased``: "5 Ecus", "20 ZAR")."""
    digits = _BARE_DIGITS.match(text, amount.start)
    word = digits.end() if digits else amount.end
    written = text[word:amount.end]
    if word >= amount.end or written in cased or not all(w[:1].isupper() and not w.isupper() for w in written.split()):
        return False
    i = token_index(doc).at(word)
    if i is not None and doc[i].pos_ == "PROPN":
        return True
    return any(e.label in _NAME_LABELS and e.start <= word < e.end for e in doc._.entities or ())


# what may follow a figure inside one word: "2bn euros-worth", "530 pence-a-share", "$5-per-ticket"
_JOINED_TAIL = re.compile(r"[-–](?:worth|(?:a|per)[-–](?P<unit>[a-z]+))")


def _whole_words(text: str, fact: Amount | Quantity) -> bool:
    """No figure cuts a word (``wordspan.head_of_compound``): "530 pence-a-share" is a price per share;
    a figure that only modifies the word joined after it ("[a euro]-enthusiast") is no figure (False:
    drop it)."""
    span = head_of_compound(text, fact.start, fact.end, _JOINED_TAIL)
    if span is None:
        return False
    if span[1] != fact.end and isinstance(fact, Amount) and fact.per_unit is None:
        fact.per_unit = _JOINED_TAIL.fullmatch(text, fact.end, span[1])["unit"]
    fact.start, fact.end = span
    fact.text = text[fact.start:fact.end]
    return True


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
