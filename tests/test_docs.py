"""Docs kept honest: the case-file reference covers the model, the CLI reference is current."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from appeal.core.case import Case, Latest, MetricEntry, Metrics
from tests.conftest import ROOT


def _paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    out = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        out.append(path)
        nested, is_list = _nested(field.annotation)
        if nested is Metrics:
            out += [f"metrics.{m}" for m in Metrics.model_fields]
            out += [f"metrics.*.{f}" for f in MetricEntry.model_fields]
            out += [f"metrics.*.latest.{f}" for f in Latest.model_fields]
        elif nested is not None:
            out += _paths(nested, f"{path}[]." if is_list else f"{path}.")
    return out


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    args = getattr(annotation, "__args__", ())
    is_list = getattr(annotation, "__origin__", None) is list
    for arg in args:
        found, inner_list = _nested(arg)
        if found is not None:
            return found, is_list or inner_list
    return None, False


def test_case_file_doc_covers_every_field() -> None:
    doc = (ROOT / "docs" / "case-file.md").read_text(encoding="utf-8")
    paths = _paths(Case)
    assert "causes[].preventive_measures[].owner" in paths
    missing = [p for p in paths if f"`{p}`" not in doc]
    assert not missing, f"docs/case-file.md does not describe: {missing}"


def test_cli_reference_is_current() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from cli_reference import reference  # type: ignore[import-not-found]

    expected = reference()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "run: uv run python scripts/cli_reference.py"


def test_every_command_has_help() -> None:
    from typer.main import get_command

    group = get_command(__import__("appeal.cli", fromlist=["app"]).app)

    def walk(command: object, path: str) -> list[tuple[str, object]]:
        found = []
        for name, sub in getattr(command, "commands", {}).items():
            found.append((f"{path} {name}", sub))
            found += walk(sub, f"{path} {name}")
        return found

    commands = walk(group, "appeal")
    assert len(commands) >= 8
    for name, command in commands:
        assert command.help and len(command.help) > 20, name  # type: ignore[attr-defined]
        for param in command.params:  # type: ignore[attr-defined]
            if param.name not in ("help",):
                assert getattr(param, "help", None), f"{name} {param.name} has no help"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "uv run appeal render examples/" in first_block
    assert "uv run pytest" in first_block
    example = first_block.split("uv run appeal render ")[1].split()[0]
    assert (ROOT / example).is_file()


def test_examples_listed_in_readme_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for example in sorted(Path(ROOT / "examples").glob("*.yaml")):
        assert f"examples/{example.name}" in readme, example.name


def test_files_the_guides_name_exist() -> None:
    # A renamed data file (lint.yaml became checks.yaml) must not leave a guide pointing at it.
    import re

    for guide in ("README.md", "docs/zh/quickstart.md", "docs/case-file.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        named = re.findall(r"`((?:appeal|docs|examples|templates|scripts)/[^`\s*]+)`", text)
        named += re.findall(r"\]\(((?:docs|examples)/[^)\s]+)\)", text)
        assert named, guide
        missing = [path for path in named if not (ROOT / path).exists()]
        assert not missing, f"{guide} names {missing}"
