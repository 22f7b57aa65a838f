"""How `appeal check` shows its report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from appeal.cli.views.letter import channel_report, findings_report
from appeal.errors import inert
from appeal.letter.checks import CheckReport


def show_check(case: Path, report: CheckReport, today: dt.date) -> None:
    typer.echo(f"{case}: valid; {len(report.letter.case.causes)} cause(s).")
    typer.echo(inert(channel_report(report.letter, today)))
    typer.echo(inert(findings_report(report, report.letter.case.lang)))
