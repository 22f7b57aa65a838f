"""How `appeal new` ends: the case saved, the files written, what the checks found."""

from __future__ import annotations

import typer

from appeal.cli.views.letter import findings_report
from appeal.wizard.new import NewResult
from appeal.wizard.texts import phrase


def show_new(result: NewResult) -> None:
    if not result.written:
        return
    typer.echo(phrase(result.lang, "saved", path=result.path))
    typer.echo(phrase(result.lang, "wrote"))
    for path in result.written:
        typer.echo(f"  {path}")
    reading = [p for p in result.written if p.name.endswith(".zh.txt")]
    if reading:
        typer.echo(phrase(result.lang, "reading_copy", path=reading[0]))
    if result.run is not None:
        typer.echo(findings_report(result.run.results[0].checks))
