"""The command line: parse options, call one core function, show its result, exit. Nothing else.

Core modules are imported inside each command, so that `appeal --help` loads only typer; how
each command's result is shown lives in `appeal/cli/views/`. This module has no
`from __future__ import annotations` on purpose: typer reads every parameter's type at each
start, and evaluating string annotations cost 18 ms of it.
"""

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from appeal import __version__
from appeal.core.terms import Outcome, SubmissionChannel

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

# Options and arguments several commands share, declared once.
CaseArg = Annotated[
    Path, typer.Argument(help="The case file (YAML).", show_default=False, metavar="CASE")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="en or zh: the language of the questions (the letter is always English).",
        show_default=False,
    ),
]


def _fail(message: str, code: int) -> NoReturn:
    from appeal.errors import inert

    typer.echo(f"appeal: {inert(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def _boundary() -> Iterator[None]:
    """The one error boundary: every core error becomes a message and its exit code."""
    from appeal.errors import EXIT_BUG, EXIT_INTERRUPTED, AppealError, quoted

    try:
        yield
    except AppealError as exc:
        if _state["debug"]:
            raise
        _fail(exc.message, exc.exit_code)
    except (KeyboardInterrupt, EOFError):
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
            f"unexpected error ({type(exc).__name__}: {quoted(exc, 200)}). This is a bug in appeal "
            f"{__version__}: run the command again with --debug before the command name, and "
            "report the output.",
            EXIT_BUG,
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


def _date_option(name: str, value: str) -> dt.date:
    from appeal.dates import parse_date
    from appeal.errors import InputError

    try:
        return parse_date(value)
    except ValueError as exc:
        raise InputError(f"{name} {exc}") from None


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"appeal {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
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
    lang: LangOpt = None,
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
            help="Amazon's notice as a text file: fills date, scope, "
            "categories, metrics, deadline, likely causes.",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Ask nothing: use --set, --notice and --from only; exit "
            "2 naming every missing field.",
        ),
    ] = False,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="An answer as KEY=VALUE, e.g. seller.store_name=MyShop or "
            "notice.categories=[Toys & Games]; repeatable.",
            show_default=False,
            metavar="KEY=VALUE",
        ),
    ] = None,
) -> None:
    """Answer a few questions (English or Chinese) and get the case file and the letter.

    Every answer is saved at once; Ctrl-C stops and `appeal new CASE` continues later."""
    with _boundary():
        from appeal.cli.views.new import show_new
        from appeal.wizard.new import run_new

        result = run_new(
            case=case,
            lang=lang,
            from_case=from_case,
            notice_file=notice,
            no_input=no_input,
            sets=set_ or [],
            today=_today(),
        )
        show_new(result)
    raise typer.Exit(result.exit_code)


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
            help="txt, md, docx, eml, form or all; repeat for "
            "several. Default: every format that fits the channel.",
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
    """Turn a case file into the letter, in every format the channel needs.

    The checks run on every letter; exit code 1 when one has error-level findings (the files
    are written all the same)."""
    with _boundary():
        from appeal.cli.views.render import show_render
        from appeal.letter.render import render_cases

        run = render_cases(
            cases,
            formats=format,
            out_dir=output,
            force=force,
            reference_docx=reference_docx,
            template=template,
            today=_today(),
        )
        show_render(run)
    raise typer.Exit(run.exit_code)


@app.command()
def check(case: CaseArg) -> None:
    """Validate a case file and check the letter it makes for what gets appeals rejected.

    Exit code 1 when an error-level finding exists, 0 otherwise."""
    with _boundary():
        from appeal.cli.views.check import show_check
        from appeal.letter.checks import check_case

        today = _today()
        report = check_case(case, today)
        show_check(case, report, today)
    raise typer.Exit(report.exit_code)


@app.command()
def causes(
    lang: Annotated[str, typer.Option("--lang", help="en or zh.")] = "en",
    as_json: JsonOpt = False,
) -> None:
    """List the causes of suspension with their metric, target and channel."""
    with _boundary():
        from appeal.cli.views.causes import show_causes
        from appeal.core.catalogue import load_catalogue
        from appeal.errors import InputError

        if lang not in ("en", "zh"):
            raise InputError(f"--lang {lang}: use en or zh.")
        show_causes(load_catalogue(), lang=lang, as_json=as_json)


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
            "encoding and line endings) to upload again, and the rows left for you "
            "beside it (OUT-name.left-for-you.txt).",
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

    Exit code 1 when anything was found, 0 when every ID is clean (IDs of carriers whose
    number format is not public are counted apart)."""
    with _boundary():
        from appeal.cli.views import tracking as view
        from appeal.tracking.command import check_tracking_files

        rows = view.JsonRows() if as_json else None
        with view.progress(files, quiet=as_json) as on_progress:
            result = check_tracking_files(
                files, carrier=carrier, fix=fix, into=into, on_row=rows, on_progress=on_progress
            )
        if rows is not None:
            rows.finish(result)
        else:
            view.show_tracking(result)
    raise typer.Exit(result.exit_code)


@app.command()
def metrics(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="All Orders, Unshipped orders and shipping-confirmation files, and "
            "Amazon's SP-API seller performance report (JSON); gzip-compressed or without "
            "an extension is fine; several at once, overlapping rows are counted once.",
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
    marketplace: Annotated[
        str | None,
        typer.Option(
            "--marketplace",
            help="The marketplace (amazon.com ...) of files that do not say which one they "
            "are from; default: the one the other files name, or the --into case's.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="Write the figures and a facts sentence into this case file (never over a "
            "figure you typed).",
            show_default=False,
            metavar="CASE",
        ),
    ] = None,
) -> None:
    """Account-health figures per marketplace: Amazon's own, and estimates from your files.

    Amazon's SP-API seller performance report is shown exactly as Amazon gives it; from your
    All Orders, Unshipped and shipping-confirmation files the cancellation rate, usable
    tracking IDs and late confirmations are estimated, against Amazon's targets."""
    with _boundary():
        from appeal.cli.views.metrics import print_json, show
        from appeal.errors import InputError
        from appeal.sellerfiles.metrics import run_metrics

        day = None
        if as_of is not None:
            try:
                day = dt.date.fromisoformat(as_of)
            except ValueError:
                raise InputError(f"--as-of {as_of}: not a date; use YYYY-MM-DD.") from None
        result = run_metrics(files=files, as_of=day, marketplace=marketplace, into=into)
        print_json(result) if as_json else show(result)
    raise typer.Exit(result.exit_code)


@app.command()
def serve(
    folder: Annotated[
        Path,
        typer.Option(
            "--folder", help="The folder of case files to work on.", show_default="current folder"
        ),
    ] = Path("."),
    port: Annotated[
        int, typer.Option("--port", help="Port on 127.0.0.1; 0 picks a free one.")
    ] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open the browser; just print the URL.")
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", help="en or zh: the language of the pages.")
    ] = "en",
) -> None:
    """The same tool as a page in your browser, on this computer only (127.0.0.1).

    The first line printed is the address to open, with a one-time key; Ctrl-C stops."""
    with _boundary():
        from appeal.cli.views.serve import announce, show_stopped
        from appeal.web.server import serve as run_server

        _today()  # a wrong APPEAL_TODAY is said now, not on the first page
        served = run_server(
            folder=folder,
            port=port,
            lang=lang,
            open_browser=not no_browser,
            today=_today,
            announce=announce,
        )
        show_stopped(served)


@app.command()
def monitor(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The folder your Amazon reports are downloaded into (default: here).",
            show_default=False,
            metavar="[FOLDER]",
        ),
    ] = Path("."),
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The day to judge (YYYY-MM-DD): last day of the windows and 'today' for "
            "orders due; default: each marketplace's today.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
    margin: Annotated[
        float,
        typer.Option(
            "--margin",
            help="Warn when a figure is this many percentage points from its target.",
            metavar="PCT",
        ),
    ] = 0.5,
    lang: Annotated[str, typer.Option("--lang", help="en or zh.")] = "en",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the warnings (for scheduled runs).")
    ] = False,
    calendar: Annotated[
        list[str] | None,
        typer.Option(
            "--calendar",
            help="Holiday calendar to watch: CN, US, GB, DE or JP; repeatable. Default: CN "
            "and the countries of your marketplaces.",
            show_default=False,
            metavar="CODE",
        ),
    ] = None,
) -> None:
    """Read the newest reports in a folder, keep their figures as snapshots, and warn before a
    metric crosses Amazon's line.

    Warns when a figure is within the margin of its target or its trend crosses it within 7
    days, and on leading signals: orders due today, orders about to be cancelled, tracking IDs
    that fail their check, a holiday within 14 days, a stale inventory file. Exit code 1 when
    there is any warning, 0 when all is well (for a scheduled run)."""
    with _boundary():
        from appeal.cli.views.monitor import print_json, show
        from appeal.errors import InputError
        from appeal.monitor.run import run_monitor

        if lang not in ("en", "zh"):
            raise InputError(f"--lang {lang}: use en or zh.")
        day = _date_option("--as-of", as_of) if as_of is not None else _fixed_today()
        result = run_monitor(
            folder=folder,
            now=dt.datetime.now(dt.UTC),
            as_of=day,
            margin=margin,
            calendars=tuple(calendar) if calendar else None,
        )
        if as_json:
            print_json(result)
        else:
            show(result, lang=lang, quiet=quiet)
    raise typer.Exit(result.exit_code)


def _fixed_today() -> dt.date | None:
    """APPEAL_TODAY when set (scripts and tests); None: each marketplace's own today."""
    return _today() if os.environ.get("APPEAL_TODAY") else None


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
    help="The submissions of a case and Amazon's replies; `add` records one.\n\n"
    "`appeal history CASE` is short for `appeal history show CASE`.",
    no_args_is_help=True,
)
app.add_typer(history_app, name="history")


@history_app.command("show")
def history_show(
    case: CaseArg,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show what changed in the letter since the last submission."),
    ] = False,
) -> None:
    """List the submissions of a case with Amazon's replies, the deadline and the checks (with
    --diff: what changed in the letter since the last submission)."""
    with _boundary():
        from appeal.cli.views.history import show_status
        from appeal.letter.status import case_status

        status = case_status(case, today=_today(), diff=diff)
        show_status(status)
    raise typer.Exit(status.exit_code)


@history_app.command("add")
def history_add(
    case: CaseArg,
    date: Annotated[
        str, typer.Option("--date", help="When it was sent (YYYY-MM-DD).", show_default=False)
    ],
    channel: Annotated[
        SubmissionChannel,
        typer.Option("--channel", help="Where it was sent.", show_default=False),
    ],
    outcome: Annotated[
        Outcome, typer.Option("--outcome", help="Amazon's answer so far.", show_default=False)
    ],
    reply: Annotated[
        str | None, typer.Option("--reply", help="Amazon's reply, as text.", show_default=False)
    ] = None,
    reply_file: Annotated[
        Path | None,
        typer.Option("--reply-file", help="Amazon's reply, from a file.", show_default=False),
    ] = None,
) -> None:
    """Record a submission of the case (and Amazon's reply), keeping the letter exactly as
    sent in <case>.sent/."""
    with _boundary():
        from appeal.cli.views.history import show_recorded
        from appeal.letter.history import record_submission

        recorded = record_submission(
            case,
            date=_date_option("--date", date),
            channel=channel,
            outcome=outcome,
            reply=reply,
            reply_file=reply_file,
        )
        show_recorded(recorded)


def _quiet_stdout() -> None:
    """Point stdout at the null device so that Python's exit flush does not fail again."""
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _stop_on_terminate() -> None:
    """`kill` (SIGTERM) stops appeal as Ctrl-C does: temporary files are removed, the record
    of written files is closed, exit 130. (On Windows, SIGTERM is not sent by other programs.)"""
    import signal

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def main() -> None:
    """Entry point of the `appeal` command."""
    _stop_on_terminate()
    try:
        app(prog_name="appeal")
    except BrokenPipeError:
        _quiet_stdout()


if __name__ == "__main__":  # pragma: no cover
    main()
