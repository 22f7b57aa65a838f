"""The command line's one error boundary, and the few things every command shares with it:
the --debug switch, today's date (or APPEAL_TODAY), and date options read as dates."""

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import NoReturn

import typer

from appeal import __version__

state = {"debug": False}  # set by the --debug option before any command runs


def fail(message: str, code: int) -> NoReturn:
    """Print `appeal: message` on standard error and exit with `code`."""
    from appeal.errors import inert

    with suppress(OSError):  # no terminal left to say it on (it closed): the exit code says it
        typer.echo(f"appeal: {inert(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def boundary() -> Iterator[None]:
    """The one error boundary: every core error becomes a message and its exit code."""
    from appeal.errors import EXIT_BUG, EXIT_INTERRUPTED, AppealError, quoted

    try:
        yield
    except AppealError as exc:
        if state["debug"]:
            raise
        fail(exc.message, exc.exit_code)
    except (KeyboardInterrupt, EOFError):
        fail("interrupted.", EXIT_INTERRUPTED)
    except typer.Exit:
        raise
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        quiet_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:  # a bug: say so briefly, never a traceback without --debug
        if state["debug"]:
            raise
        fail(
            f"unexpected error ({type(exc).__name__}: {quoted(exc, 200)}). This is a bug in appeal "
            f"{__version__}: run the command again with --debug before the command name, and "
            "report the output.",
            EXIT_BUG,
        )


def quiet_stdout() -> None:
    """Point stdout at the null device so that Python's exit flush does not fail again."""
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# What a character the output's encoding lacks becomes: the symbols appeal itself writes, in
# plain ASCII; anything else (a full-width digit, a letter of another script) as its \uXXXX
# escape, so that it is still told apart from the ASCII character it resembles.
_PLAIN = {
    "\u2265": ">=",  # ≥
    "\u2264": "<=",  # ≤
    "\u2588": "#",  # █ (bar charts)
    "\u00b7": ".",  # ·
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u2192": "->",  # →
}
_ERRORS = "appeal-plain"


def _plain(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    shown = "".join(
        _PLAIN.get(ch) or ch.encode("ascii", "backslashreplace").decode("ascii") for ch in text
    )
    return shown, exc.end


def plain_output() -> None:
    """Standard output and error never fail on a character their encoding cannot hold (output
    redirected to a file on Windows is written in the ANSI code page: cp1252, cp437, GBK ...):
    such a character is written as `_plain` says. A stream whose errors were chosen on purpose
    (PYTHONIOENCODING=gbk:replace, surrogateescape in the C locale) is left as it is."""
    import codecs
    import sys

    codecs.register_error(_ERRORS, _plain)
    for stream in (sys.stdout, sys.stderr):
        errors = getattr(stream, "errors", None)
        if errors in ("strict", "backslashreplace") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=_ERRORS)


def today() -> dt.date:
    """Today, or APPEAL_TODAY (YYYY-MM-DD) for reproducible letters in scripts and tests."""
    fixed = os.environ.get("APPEAL_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            fail(f"APPEAL_TODAY={fixed!r}: not a date; use YYYY-MM-DD.", 2)
    return dt.date.today()


def fixed_today() -> dt.date | None:
    """APPEAL_TODAY when set (scripts and tests); None: each marketplace's own today."""
    return today() if os.environ.get("APPEAL_TODAY") else None


def date_option(name: str, value: str) -> dt.date:
    """An option's date, in any form `parse_date` reads; exit 2 naming the option otherwise."""
    from appeal.dates import parse_date
    from appeal.errors import InputError

    try:
        return parse_date(value)
    except ValueError as exc:
        raise InputError(f"{name} {exc}") from None


def check_lang(lang: str) -> None:
    """Refuse a --lang other than en or zh (exit 2)."""
    from appeal.errors import InputError

    if lang not in ("en", "zh"):
        raise InputError(f"--lang {lang}: use en or zh.")
