"""appeal's own data files (catalogue, marketplaces, metrics, checks) read in the case files'
YAML dialect and validated by strict models, with the same located errors.

Validating them costs more than anything else at start-up (pydantic builds a validator for each
model), and they change only with appeal itself: the validated result is kept in the user's
cache folder, keyed by the files' contents and appeal's version, and read back on later runs.
Models of data files defer building their validators until a file is really validated.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from appeal import __version__
from appeal.core.validation import located_problems
from appeal.errors import DataFileError
from appeal.packaged import cache_folder, data_path
from appeal.yamlio import LineDict, load_yaml

Model = TypeVar("Model", bound=BaseModel)
Built = TypeVar("Built")


class DataModel(BaseModel):
    """A model of appeal's own data: strict, frozen, its validator built on first use only."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _key(name: str, files: Sequence[Path]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{name}-{digest.hexdigest()[:24]}.pickle"


def cached(name: str, files: Sequence[Path], build: Callable[[], Built]) -> Built:
    """`build()`'s result, kept between runs until one of `files` (or appeal) changes.

    A cache that cannot be read or written is skipped: the result is then built every run."""
    from appeal.errors import OutputError
    from appeal.fsio import atomic_write

    folder = cache_folder() / "data"
    path = folder / _key(name, files)
    try:
        with path.open("rb") as handle:
            found: Built = pickle.load(handle)  # our own file, written below
        return found
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    result = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, OutputError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a cache that cannot be written only makes the next run slower
    return result


def validate_data_file(name: str, model: type[Model], *, wrap: str | None = None) -> Model:
    """Read and validate `appeal/data/<name>` (no cache). With `wrap`, the file's top-level
    mapping is the value of that one field (a file that is just a table)."""
    path = data_path(*name.split("/"))
    data: Any = load_yaml(path.read_text(encoding="utf-8"), str(path))
    if wrap is not None:
        holder = LineDict({wrap: data})
        holder.key_lines = {wrap: 1}
        holder.line = 1
        data = holder
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(located_problems(exc, data, str(path), model)) from None


def load_data_file(name: str, model: type[Model], *, wrap: str | None = None) -> Model:
    """`appeal/data/<name>` validated into `model`, from the cache when the file is unchanged."""
    path = data_path(*name.split("/"))
    return cached(
        f"{model.__module__}.{model.__qualname__}",
        [path],
        lambda: validate_data_file(name, model, wrap=wrap),
    )
