"""A case's submissions: `appeal history show` (with Amazon's replies, the deadline and the
checks) and `appeal history add` (record one, keeping the letter as sent)."""

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from appeal.cli.boundary import boundary, date_option, today
from appeal.cli.options import CaseArg, option
from appeal.core.terms import Outcome, SubmissionChannel


class _DefaultShow(TyperGroup):
    """`appeal history CASE` means `appeal history show CASE`, and `appeal history CASE add`
    (the spec's form) means `appeal history add CASE`."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            if len(args) > 1 and args[1] in self.commands:
                args = [args[1], args[0], *args[2:]]
            else:
                args = ["show", *args]
        return super().resolve_command(ctx, args)


history_app = typer.Typer(
    cls=_DefaultShow,
    help="The submissions of a case and Amazon's replies; `add` records one, `reply` "
    "Amazon's answer to the last one, still pending.\n\n"
    "`appeal history CASE` is short for `appeal history show CASE`.",
    no_args_is_help=True,
)


@history_app.command("show")
def history_show(
    case: CaseArg,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show what changed in the letter since the last submission."),
    ] = False,
) -> None:
    """List a case's submissions with Amazon's replies, the deadline and the checks.

    With --diff: what changed in the letter since the last submission."""
    with boundary():
        from appeal.cli.views.history import show_status
        from appeal.letter.status import case_status

        status = case_status(case_path=case, today=today(), diff=diff)
        show_status(status)
    raise typer.Exit(status.exit_code)


@history_app.command("add")
def history_add(
    case: CaseArg,
    date: Annotated[str, option("--date", help="When it was sent (YYYY-MM-DD).")],
    channel: Annotated[
        SubmissionChannel,
        option("--channel", help="Where it was sent."),
    ],
    outcome: Annotated[Outcome, option("--outcome", help="Amazon's answer so far.")],
    reply: Annotated[str | None, option("--reply", help="Amazon's reply, as text.")] = None,
    reply_file: Annotated[
        Path | None,
        option("--reply-file", help="Amazon's reply, from a file."),
    ] = None,
) -> None:
    """Record a submission of the case, and Amazon's reply.

    The letter is kept as sent, in <case>.sent/: the letter appeal last wrote beside the case
    (its .md) when the case was changed after that, else the case's letter as of --date."""
    with boundary():
        from appeal.cli.views.history import show_recorded
        from appeal.letter.history import record_submission

        recorded = record_submission(
            case_path=case,
            date=date_option("--date", date),
            channel=channel,
            outcome=outcome,
            reply=reply,
            reply_file=reply_file,
        )
        show_recorded(recorded)


@history_app.command("reply")
def history_reply(
    case: CaseArg,
    date: Annotated[str, option("--date", help="When Amazon's reply came (YYYY-MM-DD).")],
    outcome: Annotated[Outcome, option("--outcome", help="Amazon's answer.")],
    reply: Annotated[str | None, option("--reply", help="Amazon's reply, as text.")] = None,
    reply_file: Annotated[
        Path | None,
        option("--reply-file", help="Amazon's reply, from a file."),
    ] = None,
) -> None:
    """Record Amazon's reply to the last submission, still pending.

    The outcome, the reply and its date go on that submission: the letter was sent once."""
    with boundary():
        from appeal.cli.views.history import show_answered
        from appeal.letter.replies import record_reply

        answered = record_reply(
            case_path=case,
            date=date_option("--date", date),
            outcome=outcome,
            reply=reply,
            reply_file=reply_file,
        )
        show_answered(answered)
