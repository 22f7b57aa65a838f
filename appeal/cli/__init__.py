"""The command line: typer commands (`app.py`) and, per command, how its result is shown."""

from appeal.cli.app import app, main

__all__ = ["app", "main"]
