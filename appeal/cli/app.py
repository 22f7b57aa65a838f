"""Command line: parse options, call one core function, print the result. Nothing else.

Core modules are imported inside each command so that `appeal --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

app = typer.Typer(
    name="appeal",
    help="Write the Plan of Action that gets suspended merchant-fulfilled (MFN) selling back, "
    "and send it through the right channel. Everything runs offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"appeal: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _boundary() -> Iterator[None]:
    """The one error boundary: every core error becomes a message and its exit code."""
    from appeal.errors import EXIT_INTERRUPTED, EXIT_USAGE, AppealError

    try:
        yield
    except AppealError as exc:
        if _state["debug"]:
            raise
        _fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted.", EXIT_INTERRUPTED)
    except typer.Exit:
        raise
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        _quiet_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:  # a bug: say so briefly, never a traceback without --debug
        if _state["debug"]:
            raise
        _fail(
            f"unexpected error ({type(exc).__name__}: {exc}). Run again with --debug and "
            "report the output.",
            EXIT_USAGE,
        )


def _today() -> dt.date:
    """Today, or APPEAL_TODAY (YYYY-MM-DD) for reproducible letters in scripts and tests."""
    fixed = os.environ.get("APPEAL_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            _fail(f"APPEAL_TODAY={fixed!r}: not a date; use YYYY-MM-DD.", 2)
    return dt.date.today()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    _state["debug"] = debug


@app.command()
def new(
    case: Annotated[
        Path | None,
        typer.Argument(
            help="The case file to write (default: appeal-<today>.yaml). An existing draft is "
            "continued.",
            show_default=False,
            metavar="[CASE]",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="en or zh: the language of the questions (the letter is always English).",
            show_default=False,
        ),
    ] = None,
    from_case: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Start from another case's answers (seller, notice, causes).",
            show_default=False,
            metavar="CASE",
        ),
    ] = None,
    notice: Annotated[
        Path | None,
        typer.Option(
            "--notice",
            help="Amazon's notice as a text "
            "file: fills date, scope, categories, metrics, deadline, likely causes.",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Ask nothing: use --set, "
            "--notice and --from only; exit 2 naming every missing field.",
        ),
    ] = False,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="An answer as KEY=VALUE, e.g. "
            "seller.store_name=MyShop or notice.categories=[Toys & Games]; repeatable.",
            show_default=False,
            metavar="KEY=VALUE",
        ),
    ] = None,
) -> None:
    """Answer a few questions (English or Chinese) and get the case file and the letter.

    Every answer is saved at once; Ctrl-C stops and `appeal new CASE` continues later."""
    with _boundary():
        from appeal.wizard.new import run_new
        from appeal.wizard.texts import phrase

        today = _today()
        result = run_new(
            case=case,
            lang=lang,
            from_case=from_case,
            notice_file=notice,
            no_input=no_input,
            sets=set_ or [],
            today=today,
        )
        if result.written:
            typer.echo(phrase(result.lang, "saved", path=result.path))
            typer.echo(phrase(result.lang, "wrote"))
            for path in result.written:
                typer.echo(f"  {path}")
            reading = [p for p in result.written if p.name.endswith(".zh.txt")]
            if reading:
                typer.echo(phrase(result.lang, "reading_copy", path=reading[0]))


@app.command()
def render(
    cases: Annotated[
        list[Path],
        typer.Argument(
            help="The case file (YAML); several may be given.",
            show_default=False,
            metavar="CASE...",
        ),
    ],
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="txt, md, docx, eml, form or all; repeat for several. "
            "Default: every format that fits the channel.",
            show_default=False,
            metavar="FORMAT",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder for the files (default: beside the case).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files even if edited since appeal wrote them.")
    ] = False,
    reference_docx: Annotated[
        Path | None,
        typer.Option(
            "--reference-docx",
            help="A .docx whose styles, page and footer the letter uses (your letterhead).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Your own letter template (Jinja + Markdown), run sandboxed.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Turn a case file into the letter, in every format the channel needs."""
    with _boundary():
        from appeal.core.catalogue import load_catalogue
        from appeal.letter.render import render_cases
        from appeal.letter.review import review_letter

        today = _today()
        results = render_cases(
            cases,
            formats=format,
            out_dir=output,
            force=force,
            reference_docx=reference_docx,
            template=template,
            today=today,
        )
        if len(results) == 1:
            letter = results[0].letter
            typer.echo(_channel_report(letter, today))
            typer.echo("Wrote:")
            for path in results[0].written:
                typer.echo(f"  {path}")
            review = review_letter(cases[0], letter.case, letter, load_catalogue(), today)
            typer.echo(_review_report(review))
            return
        for case, result in zip(cases, results, strict=True):
            channel = result.channel
            where = channel.address if channel.kind == "email" else "Seller Central"
            typer.echo(
                f"{case}: {where}, due {channel.deadline}, {len(result.written)} file(s) written"
            )


def _deadline_line(channel: Any, today: dt.date) -> str:
    from appeal.letter.content import longdate

    days = channel.days_left(today)
    if days > 1:
        left = f"{days} days left"
    elif days == 1:
        left = "1 day left"
    elif days == 0:
        left = "due today"
    else:
        left = f"{-days} days past; send it now"
    origin = "" if channel.deadline_given else " (notice date + 17 days)"
    return f"Deadline: {longdate(channel.deadline)}{origin}, {left}"


def _channel_report(letter: Any, today: dt.date) -> str:
    channel = letter.channel
    where = (
        "e-mail to " + (channel.address or "")
        if channel.kind == "email"
        else ("Seller Central appeal ('Reactivate your account')")
    )
    lines = [
        f"Channel: {where}",
        f"  why: {channel.reason}",
        _deadline_line(channel, today),
        "How to send:",
    ]
    steps = channel.steps(letter.case.seller.marketplace, "the .form.txt file")
    lines += [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    return "\n".join(lines)


@app.command()
def check(
    case: Annotated[
        Path, typer.Argument(help="The case file (YAML).", show_default=False, metavar="CASE")
    ],
) -> None:
    """Validate a case file and lint the letter it makes for what gets appeals rejected.

    Exit code 1 when an error-level finding exists, 0 otherwise."""
    with _boundary():
        from appeal.letter.review import review_case

        today = _today()
        review = review_case(case, today)
        typer.echo(f"{case}: valid; {len(review.letter.case.causes)} cause(s).")
        typer.echo(_channel_report(review.letter, today))
        typer.echo(_review_report(review))
    raise typer.Exit(1 if review.errors else 0)


def _review_report(review: object) -> str:
    from appeal.letter.checks import PART_NAMES
    from appeal.letter.review import Review

    assert isinstance(review, Review)
    lines = []
    if review.rework:
        asked = ", ".join(PART_NAMES[p] for p in review.rework)
        lines.append(f"Amazon's reply of {review.rework_from} asks for more detail on: {asked}.")
    if not review.findings:
        lines.append("Checks: no findings.")
        return "\n".join(lines)
    errors = review.errors
    warnings = len(review.findings) - errors
    lines.append(f"Checks: {errors} error(s), {warnings} warning(s).")
    lines += [f"  {finding.line()}" for finding in review.findings]
    return "\n".join(lines)


@app.command()
def causes(
    lang: Annotated[str, typer.Option("--lang", help="en or zh.")] = "en",
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the causes of suspension with their metric, target and channel."""
    with _boundary():
        from appeal.cli.views.causes import catalogue_json, catalogue_text
        from appeal.errors import InputError

        if lang not in ("en", "zh"):
            raise InputError(f"--lang {lang}: use en or zh.")
        typer.echo(catalogue_json() if as_json else catalogue_text(lang))


@app.command()
def tracking(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Shipping-confirmation upload files, or plain lists with one "
            "tracking number per line.",
            show_default=False,
            metavar="FILE...",
        ),
    ],
    carrier: Annotated[
        str | None,
        typer.Option(
            "--carrier",
            help="Carrier code for plain lists (USPS, UPS, FedEx, DHL, "
            "China Post, Yun Express ...); upload files name the carrier per row.",
            show_default=False,
        ),
    ] = None,
    fix: Annotated[
        Path | None,
        typer.Option(
            "--fix",
            help="Write a corrected copy of the file here (same columns, "
            "encoding and line endings) to upload again.",
            show_default=False,
            metavar="OUT",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="Add the summary sentence to this case's invalid_tracking facts.",
            show_default=False,
            metavar="CASE",
        ),
    ] = None,
) -> None:
    """Find tracking IDs that lower the Valid Tracking Rate, and fix what can be fixed safely.

    Exit code 1 when anything was found, 0 when every ID is clean."""
    with _boundary():
        from appeal.cli.views.tracking import run_tracking

        code = run_tracking(files=files, carrier=carrier, fix=fix, as_json=as_json, into=into)
    raise typer.Exit(code)


@app.command()
def metrics(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="All Orders, Unshipped orders and shipping-confirmation files, and "
            "the SP-API seller performance report (.json); several at once, "
            "overlapping rows are counted once.",
            show_default=False,
            metavar="FILE...",
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Last day of the windows (YYYY-MM-DD); default: the newest day in the files.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="Write the figures and a facts sentence into this case file.",
            show_default=False,
            metavar="CASE",
        ),
    ] = None,
) -> None:
    """Compute the cancellation rate, usable-tracking share and late confirmations from your
    own Seller Central reports, against Amazon's targets."""
    with _boundary():
        from appeal.cli.views.metrics import run_metrics
        from appeal.errors import InputError

        day = None
        if as_of is not None:
            try:
                day = dt.date.fromisoformat(as_of)
            except ValueError:
                raise InputError(f"--as-of {as_of}: not a date; use YYYY-MM-DD.") from None
        code = run_metrics(files=files, as_of=day, as_json=as_json, into=into)
    raise typer.Exit(code)


@app.command()
def history(
    case: Annotated[
        Path, typer.Argument(help="The case file (YAML).", show_default=False, metavar="CASE")
    ],
    action: Annotated[
        str | None,
        typer.Argument(
            help="'add' records a submission (with --date, --channel, --outcome and --reply or "
            "--reply-file).",
            show_default=False,
            metavar="[add]",
        ),
    ] = None,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show what changed in the letter since the last submission."),
    ] = False,
    date: Annotated[
        str | None,
        typer.Option("--date", help="add: when it was sent (YYYY-MM-DD).", show_default=False),
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option("--channel", help="add: email or seller_central.", show_default=False),
    ] = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome", help="add: pending, accepted, rejected or more_info.", show_default=False
        ),
    ] = None,
    reply: Annotated[
        str | None,
        typer.Option("--reply", help="add: Amazon's reply, as text.", show_default=False),
    ] = None,
    reply_file: Annotated[
        Path | None,
        typer.Option("--reply-file", help="add: Amazon's reply, from a file.", show_default=False),
    ] = None,
) -> None:
    """List the submissions of a case and Amazon's replies (with --diff: what changed since),
    or record one with `add`, keeping the letter exactly as sent."""
    with _boundary():
        from appeal.errors import InputError

        today = _today()
        if action is None:
            typer.echo(_history_report(case, today, diff))
            return
        if action != "add":
            raise InputError(f"history {case} {action}: unknown action; use add.")
        missing = [
            name
            for name, value in (("--date", date), ("--channel", channel), ("--outcome", outcome))
            if value is None
        ]
        if missing:
            raise InputError(f"history add needs {', '.join(missing)}.")
        typer.echo(_history_add(case, str(date), str(channel), str(outcome), reply, reply_file))


def _history_report(case: Path, today: dt.date, diff: bool) -> str:
    from appeal.letter.history import last_sent, letter_diff
    from appeal.letter.review import review_case

    review = review_case(case, today)
    letter = review.letter
    lines = []
    if not letter.case.submissions:
        lines.append(f"{case}: nothing submitted yet.")
    for number, sub in enumerate(letter.case.submissions, start=1):
        lines.append(f"{number}. {sub.date}  {sub.channel:<14} {sub.outcome}")
        if sub.reply:
            lines.append("   reply: " + " ".join(sub.reply.split()))
        if sub.snapshot:
            lines.append(f"   letter as sent: {sub.snapshot}")
    lines.append(_deadline_line(letter.channel, today))
    lines.append(_review_report(review))
    if diff:
        sent = last_sent(letter.case, case)
        if sent is None:
            lines.append("No snapshot of a sent letter to compare with.")
        else:
            changes = letter_diff(
                sent.markdown, letter.markdown, sent.submission.snapshot or "sent"
            )
            lines.append(changes or "The letter is unchanged since the last submission.")
    return "\n".join(lines)


def _history_add(
    case: Path, date: str, channel: str, outcome: str, reply: str | None, reply_file: Path | None
) -> str:
    from appeal.letter.checks import PART_NAMES
    from appeal.letter.history import record_submission

    recorded = record_submission(
        case, date=date, channel=channel, outcome=outcome, reply=reply, reply_file=reply_file
    )
    lines = [
        f"Recorded the submission of {date} ({channel}, {outcome}) in {case}; the letter "
        f"as sent is in {recorded.snapshot}."
    ]
    if recorded.rework:
        lines.append(
            "Amazon asks for more detail on: "
            + ", ".join(PART_NAMES[p] for p in recorded.rework)
            + ". Strengthen those parts, then run `appeal check` before resending."
        )
    return "\n".join(lines)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush does not fail again."""
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Entry point of the `appeal` command."""
    try:
        app(prog_name="appeal")
    except BrokenPipeError:
        _quiet_stdout()


if __name__ == "__main__":  # pragma: no cover
    main()
