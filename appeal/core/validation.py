"""pydantic's errors as a seller can act on them: `file:line: field.path: problem; fix`, with
"did you mean" where a close choice exists. Shared by case files and appeal's own data files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from appeal.errors import SHOWN_PROBLEMS
from appeal.errors import quoted as quoted
from appeal.yamlio import line_of


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """'; did you mean 'x'?' when a choice is close to `word`, else ''."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def dotted(loc: Sequence[str | int]) -> str:
    """causes[0].root_causes[1].use"""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _model_at(root: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that holds the field at `loc` (for 'did you mean' suggestions)."""
    model: type[BaseModel] | None = root
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


def _describe(error: Any, root: type[BaseModel]) -> tuple[tuple[str | int, ...], str]:
    """One pydantic error as (location, message with the fix)."""
    loc: tuple[str | int, ...] = tuple(
        step for step in error["loc"] if not (isinstance(step, str) and "[" in step)
    )
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        key = str(loc[-1])
        hint = did_you_mean(key, list(parent.model_fields)) if parent else ""
        return loc, f"unknown key '{quoted(key)}'{hint or '; remove it or check the spelling'}"
    if kind == "missing":
        return loc, "is required; add it"
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        options = [a.strip(" '") for a in allowed.replace(" or ", ",").split(",")]
        hint = did_you_mean(str(value), options)
        return loc, f"'{quoted(value)}' is not allowed; use one of {allowed}{hint}"
    if kind == "too_short" and loc and loc[-1] == "causes":
        return loc, "no causes listed; add at least one cause from `appeal causes`"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return loc, f"'{quoted(value)}' is not a number; write digits only, e.g. 91.2"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping"}.get(
            kind, "a mapping of keys"
        )
        shown = "nothing" if value is None else f"'{quoted(value)}'"
        return loc, f"should be {wanted}, not {shown}"
    if kind == "too_long":
        ctx = error.get("ctx", {})
        count, limit = ctx.get("actual_length", 0), ctx.get("max_length", 0)
        return loc, f"has {count:,} items; keep it to {limit:,} at most"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return loc, f"is {len(str(value)):,} characters long; keep it under {limit:,}"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return loc, message


def located_problems(
    exc: ValidationError, data: Any, name: str, root: type[BaseModel]
) -> list[str]:
    """Every error of `exc` as `name:line: field.path: message`."""
    problems = []
    errors = exc.errors()
    for index, error in enumerate(errors):
        if index == SHOWN_PROBLEMS:  # the rest are counted, not described (did-you-mean is slow)
            problems += [f"{name}: (one more problem)"] * (len(errors) - index)
            break
        loc, message = _describe(error, root)
        problems.append(f"{name}:{line_of(data, loc)}: {dotted(loc) or '(top)'}: {message}")
    return problems
