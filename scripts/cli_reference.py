"""Write docs/cli.md from the commands' own --help (run after changing a command).

`--print` writes the reference to standard output instead (the docs test compares the two).
The help is taken in-process, at a fixed width, without colour.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C.UTF-8"}


def _help(app: Any, *args: str) -> str:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*args, "--help"], env=ENV, prog_name="appeal")
    if result.exit_code != 0:
        raise SystemExit(f"appeal {' '.join(args)} --help failed:\n{result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip().splitlines())


def _commands(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path, groups first then their subcommands, in definition order."""
    found: list[tuple[str, ...]] = []
    for name, sub in getattr(command, "commands", {}).items():
        found.append((*prefix, name))
        found += _commands(sub, (*prefix, name))
    return found


def reference() -> str:
    sys.path.insert(0, str(ROOT))
    os.environ.update(ENV)
    from typer.main import get_command

    from appeal.cli import app

    parts = [
        "# Command reference",
        "",
        "Generated from `--help` by `uv run python scripts/cli_reference.py`; do not edit by hand.",
        "",
        "## appeal",
        "",
        "```",
        _help(app),
        "```",
    ]
    for path in _commands(get_command(app)):
        parts += ["", f"## appeal {' '.join(path)}", "", "```", _help(app, *path), "```"]
    return "\n".join(parts) + "\n"


def main() -> None:
    text = reference()
    if "--print" in sys.argv:
        sys.stdout.write(text)
    else:
        (ROOT / "docs" / "cli.md").write_text(text, encoding="utf-8")
        print("wrote docs/cli.md")


if __name__ == "__main__":
    main()
