"""Running the page: a socket on 127.0.0.1 only, its URL (with the token) printed first, the
browser opened, uvicorn serving until Ctrl-C."""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from appeal.errors import InputError
from appeal.web.settings import LOOPBACK, Settings, new_token


@dataclass(frozen=True)
class Served:
    """What `appeal serve` did, for its view."""

    url: str
    folder: Path

    @property
    def exit_code(self) -> int:
        return 0


def bind(port: int) -> socket.socket:
    """A listening socket on the loopback address only (port 0: a free one)."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port}: use a number from 1 to 65535, or 0 for a free one.")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Pages go out as a header and a body: without this, the body of a small page waits for
    # the browser's delayed acknowledgement (about 40 ms on Linux). Accepted sockets inherit it.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    _own_port(sock)
    try:
        sock.bind((LOOPBACK, port))
    except OSError as exc:
        sock.close()
        raise InputError(
            f"--port {port}: cannot listen there ({exc.strerror}); another program may use it. "
            "Choose another port, or --port 0 for a free one."
        ) from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def _own_port(sock: socket.socket) -> None:
    """Restarting right after Ctrl-C may take the port again: on Linux and macOS the old
    server's connections wait about a minute (TIME-WAIT) and, without SO_REUSEADDR, hold the
    port. On Windows SO_REUSEADDR would let a second server take a port in use, so there the
    port is claimed for this server alone (SO_EXCLUSIVEADDRUSE), which TIME-WAIT does not
    block."""
    if os.name == "nt":
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)
        if exclusive is not None:
            sock.setsockopt(socket.SOL_SOCKET, exclusive, 1)
    else:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


def serve(
    *,
    folder: Path,
    port: int,
    lang: str,
    open_browser: bool,
    today: Callable[[], dt.date],
    announce: Callable[[str], None],
) -> Served:
    """Serve `folder` until interrupted. `announce` gets the URL as soon as it can be opened."""
    import uvicorn

    from appeal.web.app import create_app

    if lang not in ("en", "zh"):
        raise InputError(f"--lang {lang}: use en or zh.")
    if not folder.is_dir():
        raise InputError(f"--folder {folder}: no such folder.")
    sock = bind(port)
    settings = Settings(
        folder=folder.resolve(),
        token=new_token(),
        port=sock.getsockname()[1],
        lang=lang,
        today=today,
    )
    announce(settings.url)
    if open_browser:
        import webbrowser

        webbrowser.open(settings.url)
    config = uvicorn.Config(
        create_app(settings),
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="off",
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return Served(settings.url, settings.folder)
