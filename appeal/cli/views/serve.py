"""What `appeal serve` prints: the address first (scripts read the first line), then how to stop."""

from __future__ import annotations

import sys

import typer

from appeal.web.server import Served


def announce(url: str) -> None:
    typer.echo(url)
    typer.echo(
        "appeal serve: open the address above in your browser (only this computer can). "
        "Ctrl-C stops.",
        err=True,
    )
    sys.stdout.flush()


def show_stopped(served: Served) -> None:
    typer.echo(f"appeal serve: stopped; the case files are in {served.folder}.", err=True)
