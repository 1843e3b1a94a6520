"""Build the one spaCy pipeline that extracts every fact kind, from ``models/``.

The base model and the components, their order and settings come from
``models/pipeline.cfg``; this module only reads that file. The fingerprint of a
pipeline (model name and version, every file under ``models/``, the package
version) decides whether stored facts are still current.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import importlib.metadata
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsfacts import __version__
from newsfacts.errors import ModelsNotFound
from newsfacts.wordlists import read_folder

# Modules whose import registers the newsfacts factories with spaCy.
COMPONENT_MODULES = ("newsfacts.paragraphs", "newsfacts.leads", "newsfacts.tagging", "newsfacts.entities",
                     "newsfacts.money", "newsfacts.dates", "newsfacts.quotes")
RESERVED_KEYS = ("factory", "before", "after", "from_disk")
# Factories that stand in for base components: added whatever ``only`` says.
BASE_FACTORIES = ("newsfacts_paragraphs", "newsfacts_leads", "newsfacts_tags")
# The modules and subpackages whose code decides what is extracted (part of the fingerprint).
EXTRACTION_CODE = ("records.py", "extensions.py", "tokens.py", "wordlists.py", "component.py", "nlp.py",
                   *(m.rsplit(".", 1)[1] for m in COMPONENT_MODULES))


def models_dir() -> Path:
    """The ``models/`` folder: $NEWSFACTS_MODELS, the source checkout's, or the installed copy."""
    if env := os.environ.get("NEWSFACTS_MODELS"):
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent.parent / "models", here / "_models"):
        if (candidate / "pipeline.cfg").is_file():
            return candidate
    raise ModelsNotFound("cannot find the models/ folder with pipeline.cfg: set NEWSFACTS_MODELS to one")


@dataclass(frozen=True)
class PipelineSpec:
    """What a run needs to know about the pipeline without loading it."""

    models: Path
    model: str
    model_version: str
    version: str
    fingerprint: str


def read_config(models: Path | None = None):
    """The parsed ``pipeline.cfg``. confection is spaCy's own config reader, without importing spaCy."""
    from confection import Config

    models = models or models_dir()
    return Config().from_disk(models / "pipeline.cfg", overrides={"paths.models": str(models)}, interpolate=True)


def model_version(model: str) -> str:
    """Version of an installed pipeline package or a pipeline folder, without loading it."""
    path = Path(model)
    if path.is_dir():
        meta = path / "meta.json"
        return json.loads(meta.read_text())["version"] if meta.is_file() else "unknown"
    try:
        return importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        return importlib.metadata.version(model.replace("_", "-"))


def spec(model: str | None = None, models: Path | None = None) -> PipelineSpec:
    """Describe the configured pipeline; ``model`` overrides the config's base model."""
    models = models or models_dir()
    cfg = read_config(models)
    model = model or cfg["nlp"]["model"]
    version = model_version(model)
    digest = hashlib.sha256()
    for part in (model, version, __version__):
        digest.update(part.encode() + b"\0")
    for name, data in read_folder(models).items():
        if not name.endswith(".md"):  # docs don't count
            digest.update(name.encode() + b"\0")
            digest.update(data)
    # The extraction code too: an edited component between releases must not pass as unchanged.
    for file in extraction_code():
        digest.update(file.read_bytes())
    return PipelineSpec(models, model, version, cfg["newsfacts"]["version"], digest.hexdigest()[:16])


def extraction_code() -> list[Path]:
    """The source files of the extraction code, in a fixed order."""
    package = Path(__file__).resolve().parent
    files: list[Path] = []
    for name in EXTRACTION_CODE:
        path = package / name
        if path.is_dir():
            files += sorted(path.rglob("*.py"))
        elif path.suffix == ".py":
            files.append(path)
        else:
            files.append(path.with_suffix(".py"))
    return files


# Allocations between two collections of the youngest generation while the pipeline loads (Python's
# default is 700): see ``few_collections``.
LOAD_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def few_collections(threshold: int = LOAD_GC_THRESHOLD):
    """Run the cyclic garbage collector rarely inside the block, then as before.

    Loading builds some hundred thousand long-lived objects (spaCy's vocabulary, the word lists,
    name and place tables), none of them garbage; at Python's default threshold the collector walks
    them again and again, a third of the load time. Only when it collects changes, not what is kept.
    """
    old = gc.get_threshold()
    if old[0]:  # 0: the collector is off by threshold, and stays so
        gc.set_threshold(max(old[0], threshold), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


MATMUL = ("numpy", "blis")


def matmul_ops(matmul: str) -> contextlib.AbstractContextManager:
    """Where the layers a pipeline builds inside the block multiply matrices: ``"blis"`` (thinc's default)
    or ``"numpy"`` (numpy's BLAS, OpenBLAS in numpy's wheels).

    A layer keeps the ops it was built with, so this is chosen once, at load. On the bench machine numpy's
    OpenBLAS multiplies the model's matrices about twice as fast as the blis build thinc ships, and the
    facts are the same either way. Both run on ``newsfacts.ops.NewsfactsOps``, thinc's NumPy ops with a
    vectorised maxout.
    """
    from thinc.api import use_ops

    from newsfacts.ops import NewsfactsOps

    if matmul not in MATMUL:
        raise ValueError(f"[nlp] matmul must be one of {', '.join(MATMUL)}, not {matmul!r}")
    return use_ops(NewsfactsOps.name, use_blis=matmul == "blis")


def load(model: str | None = None, models: Path | None = None, *, only: Iterable[str] | None = None):
    """Load the base model once and add the newsfacts components as configured.

    ``only`` names the components of ``[nlp] components`` to add (the evaluations measure one
    component at a time); the base model's own components are always there, and so is
    ``newsfacts_tags``, which does the work of the ones ``[nlp] disable`` names.
    """
    with few_collections():
        return _load(model, models, only)


def _load(model: str | None, models: Path | None, only: Iterable[str] | None):
    import spacy

    from newsfacts.extensions import register_extensions
    from newsfacts.ops import fuse_layer_norms

    register_extensions()
    for name in COMPONENT_MODULES:
        importlib.import_module(name)
    models = models or models_dir()
    cfg = read_config(models)
    model = model or cfg["nlp"]["model"]
    with matmul_ops(cfg["nlp"].get("matmul", "blis")):
        nlp = spacy.load(model, exclude=list(cfg["nlp"].get("exclude", [])))
    fuse_layer_norms(nlp)
    # Disabled, not excluded: newsfacts_tags reads their patterns and tables, and a saved pipeline keeps them.
    for name in cfg["nlp"].get("disable", []):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    for name in cfg["nlp"]["components"]:
        settings = dict(cfg["components"][name])
        if only is not None and name not in only and settings["factory"] not in BASE_FACTORIES:
            continue
        factory = settings.pop("factory")
        place = {k: settings.pop(k) for k in ("before", "after") if k in settings}
        patterns = settings.pop("from_disk", None)
        pipe = nlp.add_pipe(factory, name=name, config=settings, **place)
        if patterns:
            pipe.from_disk(patterns)
    return nlp
