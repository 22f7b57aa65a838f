"""Case files on disk: read, validate against the model and the catalogue, with located errors."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue, load_catalogue
from appeal.errors import CaseInvalid, InputError
from appeal.fsio import read_text
from appeal.yamlio import LineDict, line_of, load_yaml


@dataclass(frozen=True)
class LoadedCase:
    """A validated case with where it came from."""

    path: Path
    case: Case


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """'; did you mean 'x'?' when a choice is close to `word`, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at `loc` (for 'did you mean' suggestions)."""
    model: type[BaseModel] | None = Case
    for step in loc:
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step) if model is not None else None
        if field is None:
            return None
        model = _unwrap_model(field.annotation)
    return model


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _unwrap_model(arg)
        if found is not None:
            return found
    return None


def _describe(error: Any) -> tuple[tuple[str | int, ...], str]:
    """Turn one pydantic error into (location, message with the fix)."""
    loc: tuple[str | int, ...] = tuple(
        step for step in error["loc"] if not (isinstance(step, str) and "[" in step)
    )
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        parent = _model_at(loc[:-1])
        key = str(loc[-1])
        hint = did_you_mean(key, list(parent.model_fields)) if parent else ""
        return loc, f"unknown key '{key}'{hint or '; remove it or check the spelling'}"
    if kind == "missing":
        return loc, "is required; add it"
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        options = [a.strip(" '") for a in allowed.replace(" or ", ",").split(",")]
        hint = did_you_mean(str(value), options)
        return loc, f"'{value}' is not allowed; use one of {allowed}{hint}"
    if kind.startswith("date_") or kind == "date_type":
        return loc, f"'{value}' is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-20"
    if kind == "too_short" and loc and loc[-1] == "causes":
        return loc, "no causes listed; add at least one cause from `appeal causes`"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping"}.get(
            kind, "a mapping of keys"
        )
        return loc, f"should be {wanted}, not {type(value).__name__} {value!r}"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return loc, message


def _model_problems(exc: ValidationError, data: Any, name: str) -> list[str]:
    problems = []
    for error in exc.errors():
        loc, message = _describe(error)
        problems.append(f"{name}:{line_of(data, loc)}: {_dotted(loc) or '(top)'}: {message}")
    return problems


def _reference_problems(case: Case, catalogue: Catalogue, data: Any, name: str) -> list[str]:
    problems = []
    for index, entry in enumerate(case.causes):
        cause = catalogue.cause(entry.cause)
        if cause is None:
            loc: tuple[str | int, ...] = ("causes", index, "cause")
            hint = did_you_mean(entry.cause, list(catalogue.causes)) or (
                "; run `appeal causes` for the list"
            )
            problems.append(
                f"{name}:{line_of(data, loc)}: {_dotted(loc)}: unknown cause '{entry.cause}'{hint}"
            )
            continue
        for part in PARTS:
            for item_index, item in enumerate(getattr(entry, part)):
                if item.use is None or cause.item(part, item.use) is not None:
                    continue
                loc = ("causes", index, part, item_index, "use")
                ids = [i.id for i in cause.items(part)]
                hint = did_you_mean(item.use, ids) or (
                    f"; run `appeal causes --json` to see the {part} of {cause.id}"
                )
                problems.append(
                    f"{name}:{line_of(data, loc)}: {_dotted(loc)}: unknown item "
                    f"'{item.use}' for {cause.id}{hint}"
                )
    return problems


def parse_case(text: str, name: str, catalogue: Catalogue | None = None) -> Case:
    """Validate case-file `text` (from file `name`); raise CaseInvalid listing every problem."""
    data = load_yaml(text, name)
    if data is None:
        raise InputError(
            f"{name}:1: the file is empty; start from an example in examples/ or run `appeal new`."
        )
    if not isinstance(data, LineDict):
        raise InputError(
            f"{name}:1: a case file is a mapping of keys (seller:, notice:, causes: ...), "
            f"not {type(data).__name__}; see docs/case-file.md."
        )
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseInvalid(_model_problems(exc, data, name)) from None
    problems = _reference_problems(case, catalogue or load_catalogue(), data, name)
    if problems:
        raise CaseInvalid(problems)
    return case


def load_case(path: Path, catalogue: Catalogue | None = None) -> LoadedCase:
    """Read and validate the case file at `path`."""
    return LoadedCase(path=path, case=parse_case(read_text(path), str(path), catalogue))
