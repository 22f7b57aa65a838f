"""How `appeal history` shows a case's submissions, and a submission just recorded."""

from __future__ import annotations

import typer

from appeal.cli.views.letter import deadline_line, findings_report
from appeal.core.catalogue import load_catalogue
from appeal.errors import inert
from appeal.letter.history import Recorded
from appeal.letter.status import CaseStatus


def show_status(status: CaseStatus) -> None:
    case = status.checks.letter.case
    lines = []
    if not case.submissions:
        lines.append(f"{status.case_path}: nothing submitted yet.")
    for number, sub in enumerate(case.submissions, start=1):
        lines.append(f"{number}. {sub.date}  {sub.channel:<14} {sub.outcome}")
        if sub.reply:
            lines.append("   reply: " + " ".join(sub.reply.split()))
        if sub.snapshot:
            lines.append(f"   letter as sent: {sub.snapshot}")
    lines.append(deadline_line(status.checks.letter.channel, status.today))
    lines.append(findings_report(status.checks))
    if status.diff is not None:
        lines.append(status.diff or "The letter is unchanged since the last submission.")
    elif status.diff_asked:
        lines.append("No snapshot of a sent letter to compare with.")
    typer.echo(inert("\n".join(lines)))  # the diff shows a file's content


def show_recorded(recorded: Recorded) -> None:
    catalogue = load_catalogue()
    typer.echo(
        f"Recorded the submission of {recorded.date} ({recorded.channel}, {recorded.outcome}) "
        f"in {recorded.case_path}; the letter as sent is in {recorded.snapshot}."
    )
    if recorded.rework:
        typer.echo(
            "Amazon asks for more detail on: "
            + ", ".join(catalogue.part_name(p) for p in recorded.rework)
            + ". Strengthen those parts, then run `appeal check` before resending."
        )
