"""The spaCy component ``newsfacts_dates``: rules read from ``models/dates/``, the recognizer run on each Doc.

The factory takes settings only; ``load`` builds the ``DateRecognizer`` from the rule files:
``lexicon.json`` (month and weekday names, units, numbers, reference words, holidays...) and the
word lists that decide tense and a few readings (``*.txt``).
"""

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.component import RuleComponent
from newsfacts.dates.context import TenseWords
from newsfacts.dates.recognizer import DateRecognizer
from newsfacts.extensions import register_extensions
from newsfacts.wordlists import read_json, read_words


class DatesComponent(RuleComponent):
    """Time expressions normalised to TIMEX3 values in ``doc._.dates``."""

    folder = "dates"

    def __init__(self, name: str, *, use_ents: bool = True) -> None:
        super().__init__(name)
        self.use_ents = use_ents
        self.recognizer: DateRecognizer | None = None

    def load(self, path: Path) -> None:
        tense_words = TenseWords(
            future_aux=frozenset(read_words(path / "future_auxiliaries.txt")),
            plan_verbs=frozenset(read_words(path / "plan_verbs.txt")),
            reporting=frozenset(read_words(path / "reporting_verbs.txt")),
            move_verbs=frozenset(read_words(path / "move_verbs.txt")),
        )
        self.recognizer = DateRecognizer(read_json(path / "lexicon.json"), tense_words,
                                         part_of=read_words(path / "part_of_words.txt"),
                                         rate_words=read_words(path / "rate_words.txt"), use_ents=self.use_ents)

    def process(self, doc: Doc) -> Doc:
        return self.recognizer(doc)


@Language.factory("newsfacts_dates", default_config={"use_ents": True})
def make_dates(nlp: Language, name: str, *, use_ents: bool) -> DatesComponent:
    """Time expressions; ``use_ents`` also normalises spaCy DATE entities no rule covers (dateparser)."""
    register_extensions()
    return DatesComponent(name, use_ents=use_ents)
