"""How `appeal new` ends, in the wizard's language: the case saved, the files written, where
and by when to send the letter, and what the checks found (errors first). On a terminal the
lines are wrapped by words at its width, as the wizard's own lines are (a terminal would cut
them in the middle of a word); a pipe or a file gets them whole."""

from __future__ import annotations

import typer

from appeal.wizard.new import NewResult
from appeal.wizard.texts import phrase


def show_new(result: NewResult) -> None:
    if result.run is None or not result.written:
        return
    from appeal.core.catalogue import load_catalogue
    from appeal.wizard.summary import channel_lines, finding_line

    lang = result.lang
    rendered = result.run.results[0]
    typer.echo(phrase(lang, "saved", path=result.path))
    carried = result.carried
    if carried is not None:
        from appeal.cli.views.history import outcome_word

        outcome = outcome_word(lang, carried.last_outcome)
        typer.echo(
            phrase(
                lang,
                "carried",
                count=carried.count,
                source=carried.source,
                date=carried.last_date or "?",
                outcome=outcome,
            )
        )
    typer.echo(phrase(lang, "wrote"))
    for path in result.written:
        typer.echo(f"  {path}")
    reading = [p for p in result.written if p.name.endswith(".zh.txt")]
    if reading:
        typer.echo(phrase(lang, "reading_copy", path=reading[0]))
    case = rendered.letter.case
    channel = rendered.letter.channel
    notice_day = case.notice.date
    due = getattr(channel, "deadline", None)
    rule_days = (due - notice_day).days if due is not None else None
    lines = channel_lines(channel, case.seller.marketplace, result.run.today, lang, rule_days)
    _echo("\n".join(lines))
    checks = rendered.checks
    catalogue = load_catalogue()
    if not checks.findings:
        typer.echo(phrase(lang, "checks_none"))
        return
    typer.echo(phrase(lang, "checks_count", errors=checks.errors, warnings=checks.warnings))
    for finding in checks.findings:
        _echo("  " + finding_line(finding, lang, catalogue))


def _echo(text: str) -> None:
    import sys

    if sys.stdout.isatty():
        import shutil

        from appeal.wizard.wrapping import wrap_block

        text = wrap_block(text, shutil.get_terminal_size().columns - 1)
    typer.echo(text)
