"""appeal's own data files (catalogue, marketplaces, metrics, checks) read in the case files'
YAML dialect and validated by strict models, with the same located errors."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from appeal.core.validation import located_problems
from appeal.errors import DataFileError
from appeal.packaged import data_path
from appeal.yamlio import LineDict, load_yaml

Model = TypeVar("Model", bound=BaseModel)


def load_data_file(name: str, model: type[Model], *, wrap: str | None = None) -> Model:
    """Read `appeal/data/<name>` into `model`. With `wrap`, the file's top-level mapping is the
    value of that one field (a file that is just a table)."""
    path = data_path(*name.split("/"))
    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    if wrap is not None:
        holder = LineDict({wrap: data})
        holder.key_lines = {wrap: 1}
        holder.line = 1
        data = holder
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(located_problems(exc, data, str(path), model)) from None
