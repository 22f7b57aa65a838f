"""`appeal serve`: the same tool as a page in the browser, on this computer only."""

from pathlib import Path
from typing import Annotated

import typer

from appeal.cli.boundary import boundary, today


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
    with boundary():
        from appeal.cli.views.serve import announce, show_stopped
        from appeal.web.server import serve as run_server

        today()  # a wrong APPEAL_TODAY is said now, not on the first page
        served = run_server(
            folder=folder,
            port=port,
            lang=lang,
            open_browser=not no_browser,
            today=today,
            announce=announce,
        )
        show_stopped(served)
