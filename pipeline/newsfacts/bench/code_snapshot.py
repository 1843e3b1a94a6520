"""Where the measurement processes import code and models from: a copy taken once per bench, so that
every measurement of one bench runs the same pipeline."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from newsfacts.bench.corpus import ROOT

_SNAPSHOT: list[Path] = []  # where the measurement processes import the code and models from


def snapshot(into: Path) -> Path:
    """Copy the package and models/ once, so that every run of one bench measures the same pipeline:
    an edit meanwhile would change the fingerprint and make the re-run extract everything again."""
    from newsfacts.nlp import models_dir

    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(Path(__file__).resolve().parent.parent, into / "newsfacts", ignore=ignore)  # all of newsfacts/
    shutil.copytree(models_dir(), into / "models", ignore=ignore)
    return into


def _root() -> Path:
    return _SNAPSHOT[-1] if _SNAPSHOT else ROOT


def _child_env() -> dict:
    env = dict(os.environ)
    source = _root() if _SNAPSHOT else ROOT / "pipeline"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    if _SNAPSHOT:
        env["NEWSFACTS_MODELS"] = str(_SNAPSHOT[-1] / "models")
    return env
