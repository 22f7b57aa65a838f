"""Command line: parse options, call one core function, print the result. Nothing else.

Core modules are imported inside each command so that `appeal --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

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
    except Exception as exc:  # a bug: say so briefly, never a traceback without --debug
        if _state["debug"]:
            raise
        _fail(f"unexpected error ({type(exc).__name__}: {exc}). Run again with --debug and "
              "report the output.", EXIT_USAGE)


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
def render(
    cases: Annotated[
        list[Path],
        typer.Argument(help="The case file (YAML); several may be given.", show_default=False,
                       metavar="CASE..."),
    ],
    format: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="txt, md, docx, eml, form or all; repeat for several. "
                     "Default: every format that fits the channel.", show_default=False,
                     metavar="FORMAT"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder for the files (default: beside the case).",
                     show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files even if edited since appeal wrote them.")
    ] = False,
    reference_docx: Annotated[
        Path | None,
        typer.Option("--reference-docx", help="A .docx whose styles, page and footer the letter "
                     "uses (your letterhead).", show_default=False),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Your own letter template (Jinja + Markdown), run "
                     "sandboxed.", show_default=False),
    ] = None,
) -> None:
    """Turn a case file into the letter, in every format the channel needs."""
    with _boundary():
        from appeal.render import render_cases

        today = _today()
        results = render_cases(cases, formats=format, out_dir=output, force=force,
                               reference_docx=reference_docx, template=template, today=today)
        if len(results) == 1:
            typer.echo(_channel_report(results[0].letter, today))
            typer.echo("Wrote:")
            for path in results[0].written:
                typer.echo(f"  {path}")
            return
        for case, result in zip(cases, results, strict=True):
            channel = result.channel
            where = channel.address if channel.kind == "email" else "Seller Central"
            typer.echo(f"{case}: {where}, due {channel.deadline}, "
                       f"{len(result.written)} file(s) written")


def _channel_report(letter: object, today: dt.date) -> str:
    from appeal.letter import Letter, longdate

    assert isinstance(letter, Letter)
    channel = letter.channel
    seller = letter.case.seller
    where = "e-mail to " + (channel.address or "") if channel.kind == "email" else (
        "Seller Central appeal ('Reactivate your account')"
    )
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
    lines = [
        f"Channel: {where}",
        f"  why: {channel.reason}",
        f"Deadline: {longdate(channel.deadline)}{origin}, {left}",
        "How to send:",
    ]
    form_name = "the .form.txt file"
    lines += [f"  {n}. {step}" for n, step in enumerate(channel.steps(seller.marketplace,
                                                                       form_name), start=1)]
    return "\n".join(lines)


@app.command()
def check(
    case: Annotated[Path, typer.Argument(help="The case file (YAML).", show_default=False,
                                         metavar="CASE")],
) -> None:
    """Validate a case file and report where it is wrong."""
    with _boundary():
        from appeal.casefile import load_case
        from appeal.catalogue import load_catalogue
        from appeal.letter import render_letter

        today = _today()
        loaded = load_case(case)
        letter = render_letter(loaded.case, load_catalogue(), letter_date=today)
        typer.echo(f"{case}: valid; {len(loaded.case.causes)} cause(s).")
        typer.echo(_channel_report(letter, today))


@app.command()
def causes(
    lang: Annotated[str, typer.Option("--lang", help="en or zh.")] = "en",
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the causes of suspension with their metric, target and channel."""
    with _boundary():
        from appeal.catalogue_view import catalogue_json, catalogue_text
        from appeal.errors import InputError

        if lang not in ("en", "zh"):
            raise InputError(f"--lang {lang}: use en or zh.")
        typer.echo(catalogue_json() if as_json else catalogue_text(lang))


@app.command()
def tracking(
    files: Annotated[
        list[Path],
        typer.Argument(help="Shipping-confirmation upload files, or plain lists with one "
                       "tracking number per line.", show_default=False, metavar="FILE..."),
    ],
    carrier: Annotated[
        str | None,
        typer.Option("--carrier", help="Carrier code for plain lists (USPS, UPS, FedEx, DHL, "
                     "China Post, Yun Express ...); upload files name the carrier per row.",
                     show_default=False),
    ] = None,
    fix: Annotated[
        Path | None,
        typer.Option("--fix", help="Write a corrected copy of the file here (same columns, "
                     "encoding and line endings) to upload again.", show_default=False,
                     metavar="OUT"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    into: Annotated[
        Path | None,
        typer.Option("--into", help="Add the summary sentence to this case's invalid_tracking "
                     "facts.", show_default=False, metavar="CASE"),
    ] = None,
) -> None:
    """Find tracking IDs that lower the Valid Tracking Rate, and fix what can be fixed safely.

    Exit code 1 when anything was found, 0 when every ID is clean."""
    with _boundary():
        from appeal.tracking_report import run_tracking

        code = run_tracking(files=files, carrier=carrier, fix=fix, as_json=as_json, into=into)
    raise typer.Exit(code)


def main() -> None:
    """Entry point of the `appeal` command."""
    app(prog_name="appeal")


if __name__ == "__main__":  # pragma: no cover
    main()
