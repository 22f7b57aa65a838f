"""A real `appeal serve` in a thread and Debian's Chromium driven by Playwright.

Playwright's own browser download cannot work here: the tests launch /usr/bin/chromium (which
`.ci/run` installs when it is missing) and are skipped when there is none. Screenshots go to
tests/artifacts/screenshots/ (git-ignored), one per page, at 360 and 1440 px.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, TODAY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"
WIDTHS = (360, 1440)


@contextmanager
def live_server(folder: Path, lang: str = "en", port: int = 0) -> Iterator[str]:
    """`appeal serve` on `port` (0: a free one) for `folder`, with a new key; yields the URL
    with the token. The socket listens before the thread starts, so the browser can connect
    at once."""
    import uvicorn

    from appeal.web.app import create_app
    from appeal.web.server import bind
    from appeal.web.settings import Settings, new_token

    sock = bind(port)
    settings = Settings(
        folder=folder.resolve(),
        token=new_token(),
        port=sock.getsockname()[1],
        lang=lang,
        today=lambda: TODAY,
    )
    config = uvicorn.Config(
        create_app(settings), log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield settings.url
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, or a skip when it cannot be had."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (.ci/run installs it where apt-get works)")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        pytest.skip("playwright is not installed")
    with sync_playwright() as driver:
        try:
            browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.skip(f"chromium does not start here: {exc.message.splitlines()[0]}")
        try:
            yield browser
        finally:
            browser.close()


def shot(page: Any, name: str) -> Path:
    """Save a screenshot of the whole page as a test artefact."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = SHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def saved(page: Any) -> None:
    """Wait until the page says its answers are saved (no fixed delay)."""
    from playwright.sync_api import expect

    expect(page.locator("#save-status .message.ok")).to_be_visible(timeout=15_000)


def fill(page: Any, selector: str, value: str) -> None:
    """Type into a field as a seller would (a key at a time), then wait for the save."""
    field = page.locator(selector)
    field.click()
    field.fill("")
    field.press_sequentially(value)
