"""Options and arguments several commands share, declared once (typer `Annotated` aliases),
and the two shapes most of the others take."""

from pathlib import Path
from typing import Annotated, Any

import typer


def option(*names: str, help: str, metavar: str | None = None) -> Any:
    """A command's option whose default goes unsaid in --help (most of ours: None or False)."""
    return typer.Option(*names, help=help, show_default=False, metavar=metavar)


def argument(*, help: str, metavar: str) -> Any:
    """A command's argument, named in --help by `metavar`."""
    return typer.Argument(help=help, show_default=False, metavar=metavar)


def into_case(help: str) -> Any:
    """`--into CASE`: where a command writes what it found into a case file."""
    return option("--into", help=help, metavar="CASE")


CaseArg = Annotated[Path, argument(help="The case file (YAML).", metavar="CASE")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
LangOpt = Annotated[str, typer.Option("--lang", help="en or zh.")]
WizardLangOpt = Annotated[
    str | None,
    option(
        "--lang", help="en or zh: the language of the questions (the letter is always English)."
    ),
]
