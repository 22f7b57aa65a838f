"""Case files on disk: read, validate against the model and the catalogue, with located errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue, load_catalogue
from appeal.core.fields import CASE_TEXT_LIMIT
from appeal.core.validation import did_you_mean, dotted, located_problems, quoted
from appeal.errors import CaseInvalid, InputError
from appeal.fsio import read_text
from appeal.yamlio import LineDict, line_of, load_yaml


@dataclass(frozen=True)
class LoadedCase:
    """A validated case with where it came from."""

    path: Path
    case: Case


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
                f"{name}:{line_of(data, loc)}: {dotted(loc)}: unknown cause "
                f"'{quoted(entry.cause)}'{hint}"
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
                    f"{name}:{line_of(data, loc)}: {dotted(loc)}: unknown item "
                    f"'{quoted(item.use)}' for {cause.id}{hint}"
                )
        for part in ("corrective_actions", "preventive_measures"):
            for item_index, item in enumerate(getattr(entry, part)):
                for answer in item.answers:
                    if entry.root_cause_number(answer) is not None:
                        continue
                    loc = ("causes", index, part, item_index, "answers")
                    problems.append(
                        f"{name}:{line_of(data, loc)}: {dotted(loc)}: '{answer}' is not one of "
                        f"this cause's {len(entry.root_causes)} root cause(s); give its number "
                        "(1 = the first listed) or the id it uses"
                    )
    statement = case.responsibility
    if statement is not None and statement.use and catalogue.responsibility(statement.use) is None:
        loc = ("responsibility", "use")
        ids = [line.id for line in catalogue.responsibility_lines]
        hint = did_you_mean(statement.use, ids) or f"; use one of {', '.join(ids)}"
        problems.append(
            f"{name}:{line_of(data, loc)}: {dotted(loc)}: unknown line '{statement.use}'{hint}"
        )
    return problems


def _texts(node: Any, path: tuple[str | int, ...] = ()) -> Any:
    """(length, path) of every text in the case."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))
    elif isinstance(node, str):
        yield len(node), path


def _refuse_too_much_text(data: Any, name: str) -> None:
    """A case whose texts add up to more than CASE_TEXT_LIMIT characters would make a letter
    of a hundred pages and more: refused before anything is built from it."""
    lengths = list(_texts(data))
    total = sum(length for length, _ in lengths)
    if total > CASE_TEXT_LIMIT:
        longest, where = max(lengths, key=lambda item: item[0])
        raise CaseInvalid(
            [
                f"{name}:{line_of(data, where)}: {dotted(where)}: the case's texts add up to "
                f"{total:,} characters (this one {longest:,}); a letter needs far less. Keep "
                f"them under {CASE_TEXT_LIMIT:,} in all (about 60 pages)."
            ]
        )


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
    _refuse_too_much_text(data, name)
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseInvalid(located_problems(exc, data, name, Case)) from None
    problems = _reference_problems(case, catalogue or load_catalogue(), data, name)
    if problems:
        raise CaseInvalid(problems)
    return case


def load_case(path: Path, catalogue: Catalogue | None = None) -> LoadedCase:
    """Read and validate the case file at `path`."""
    return LoadedCase(path=path, case=parse_case(read_text(path), str(path), catalogue))
