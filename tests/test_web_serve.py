"""`appeal serve` as a seller starts it: the first line is the address with its key and the real
port, only 127.0.0.1 answers, and bad options are said plainly."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from appeal.errors import AppealError
from tests.conftest import run_appeal
from tests.web_helpers import copy_example


def test_serve_prints_its_address_first_and_serves_the_folder(tmp_path: Path) -> None:
    copy_example(tmp_path, "vtr-toys")
    command = ["serve", "--folder", str(tmp_path), "--port", "0", "--no-browser"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "appeal", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{40,})", first)
        assert match is not None, first
        port = int(match.group(1))
        assert port > 0
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(first, timeout=60) as response:
            page = response.read().decode("utf-8")
            assert response.url == f"http://127.0.0.1:{port}/"  # the key left the address
        assert "vtr-toys.yaml" in page
        bare = urllib.request.Request(f"http://127.0.0.1:{port}/")
        try:
            urllib.request.urlopen(bare, timeout=60)
            raise AssertionError("served without the key")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
    finally:
        proc.terminate()
        proc.communicate(timeout=60)


def test_serve_says_what_is_wrong_with_its_options(tmp_path: Path) -> None:
    result = run_appeal("serve", "--folder", str(tmp_path / "missing"), "--no-browser")
    assert result.returncode == 2 and "no such folder" in result.stderr
    result = run_appeal("serve", "--folder", str(tmp_path), "--lang", "fr", "--no-browser")
    assert result.returncode == 2 and "use en or zh" in result.stderr
    assert "Traceback" not in result.stderr


def _time_wait_on(port: int) -> None:
    """Leave a connection of a server on `port` in TIME-WAIT, as Ctrl-C on `appeal serve`
    does: the server side closes first."""
    import socket

    from appeal.web.server import bind

    listening = bind(port)
    client = socket.create_connection(("127.0.0.1", listening.getsockname()[1]), timeout=60)
    accepted, _ = listening.accept()
    accepted.close()  # the server closes first: its end waits in TIME-WAIT
    client.recv(1)
    client.close()
    listening.close()


def test_serve_can_start_again_on_its_port_right_after_it_stopped() -> None:
    """F1.2: the same port, at once after a stop, is not refused as 'another program'."""
    from appeal.web.server import bind

    first = bind(0)
    port = first.getsockname()[1]
    first.close()
    _time_wait_on(port)
    again = bind(port)
    try:
        assert again.getsockname()[1] == port
        # a port really in use is still refused, with the words for that
        try:
            second = bind(port)
        except AppealError as exc:
            assert "cannot listen there" in exc.message
        else:
            second.close()
            raise AssertionError("two servers on one port")
    finally:
        again.close()
