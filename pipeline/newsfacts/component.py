"""What every newsfacts component shares: rule files loaded from a folder and saved with the pipeline.

A component is built by its factory from settings only (numbers, switches: what ``config.cfg``
holds); its rules are files under ``models/<component>/``. ``from_disk`` reads them, ``to_disk``
writes the same files into a saved pipeline, so ``nlp.to_disk(path)`` then ``spacy.load(path)``
gives the same component in a fresh process with no path to this checkout. A component never given
a folder reads the one shipped with newsfacts when it first runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from newsfacts.wordlists import read_folder


class RuleComponent:
    """Base of the fact components: subclasses set ``folder`` and implement ``load`` and ``process``."""

    folder: str  # the default rules: models/<folder>/

    def __init__(self, name: str) -> None:
        self.name = name
        self._files: dict[str, bytes] | None = None

    def load(self, path: Path) -> None:
        """Build the component's rules from the files in ``path``."""
        raise NotImplementedError

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if self._files is None:
            self.from_disk(self.default_path())
        return self.process(doc)

    def default_path(self) -> Path:
        from newsfacts.nlp import models_dir

        return models_dir() / self.folder

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        path = Path(path)
        files = read_folder(path)
        self.load(path)
        self._files = files
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self._files is None:
            self.from_disk(self.default_path())
        path = Path(path)
        for name, data in (self._files or {}).items():
            target = path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
