"""The `appeal` command: the typer app, its global options (--debug, --version), the commands
put together in help order from `appeal/cli/commands/`, and the entry point.

How each command's result is shown lives in `appeal/cli/views/`; the error boundary in
`boundary.py`. This module has no `from __future__ import annotations` on purpose: typer reads
every parameter's type at each start, and evaluating string annotations cost 18 ms of it.
"""

from typing import Annotated, Any

import typer

from appeal import __version__
from appeal.cli.boundary import plain_output, quiet_stdout, state
from appeal.cli.commands import evidence, history, letter, monitor, serve, start

app = typer.Typer(
    name="appeal",
    help="Write the Plan of Action that gets suspended merchant-fulfilled (MFN) selling back, "
    "and send it through the right channel. Everything runs offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
    state["debug"] = debug


# The order here is the order of `appeal --help` and docs/cli.md.
for command in (
    start.new,
    letter.render,
    letter.check,
    start.causes,
    evidence.tracking,
    evidence.metrics,
    serve.serve,
    monitor.monitor,
):
    app.command()(command)
app.add_typer(history.history_app, name="history")


def _stop_on_terminate() -> None:
    """`kill` (SIGTERM) stops appeal as Ctrl-C does: temporary files are removed, the record
    of written files is closed, exit 130. (On Windows, SIGTERM is not sent by other programs.)"""
    import signal

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def main() -> None:
    """Entry point of the `appeal` command."""
    plain_output()
    _stop_on_terminate()
    try:
        app(prog_name="appeal")
    except BrokenPipeError:
        quiet_stdout()


if __name__ == "__main__":  # pragma: no cover
    main()
