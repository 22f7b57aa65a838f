"""How `appeal render` shows what it did: per case the channel, the files and the checks."""

from __future__ import annotations

import typer

from appeal.cli.views.letter import channel_report, findings_report
from appeal.errors import inert
from appeal.letter.render import RenderRun


def show_render(run: RenderRun) -> None:
    """One case: the full channel report. Several: a short block per case, each with its
    findings (errors first), then a total."""
    if len(run.results) == 1:
        result = run.results[0]
        typer.echo(inert(channel_report(result.letter, run.today)))
        typer.echo("Wrote:")
        for path in result.written:
            typer.echo(f"  {path}")
        typer.echo(inert(findings_report(result.checks, result.letter.case.lang)))
        return
    for result in run.results:
        channel = result.channel
        where = {"email": channel.address, "none": "nothing to send (a warning)"}.get(
            channel.kind, "Seller Central"
        )
        due = f"due {channel.deadline}" if channel.deadline else "no deadline stated"
        typer.echo(f"{result.case_path}: {where}, {due}, {len(result.written)} file(s) written")
        if result.checks.findings:
            report = inert(findings_report(result.checks, result.letter.case.lang))
            typer.echo("\n".join(f"  {line}" for line in report.splitlines()))
    with_errors = sum(1 for r in run.results if r.checks.errors)
    typer.echo(
        f"{len(run.results)} cases rendered; {with_errors} with error-level findings."
        if with_errors
        else f"{len(run.results)} cases rendered; none with error-level findings."
    )
