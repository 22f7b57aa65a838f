"""Write docs/cli.md from the commands' own --help (run after changing a command).

`--print` writes the reference to standard output instead (the docs test compares the two).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C.UTF-8"}


def _help(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "appeal", *args, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
        cwd=ROOT,
    )
    return "\n".join(line.rstrip() for line in result.stdout.strip().splitlines())


def _commands() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from typer.main import get_command

    from appeal.cli import app

    group = get_command(app)
    return list(getattr(group, "commands", {}))


def reference() -> str:
    parts = [
        "# Command reference",
        "",
        "Generated from `--help` by `uv run python scripts/cli_reference.py`; do not edit by hand.",
        "",
        "## appeal",
        "",
        "```",
        _help(),
        "```",
    ]
    for name in _commands():
        parts += ["", f"## appeal {name}", "", "```", _help(name), "```"]
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
