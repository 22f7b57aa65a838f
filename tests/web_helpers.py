"""A test client for `appeal serve`'s app, entered through its URL as a browser would."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path
from typing import Any

from appeal.web.settings import Settings
from tests.conftest import EXAMPLES, TODAY

TOKEN = "test-token-0123456789"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
ORIGIN = BASE


def settings_for(folder: Path, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "folder": folder,
        "token": TOKEN,
        "port": PORT,
        "today": lambda: TODAY,
    }
    values.update(changes)
    return Settings(**values)


def web_client(folder: Path, *, enter: bool = True, **changes: Any) -> Any:
    """A TestClient on the app for `folder`; entered (cookie set) unless `enter` is False."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from appeal.web.app import create_app

    settings = settings_for(folder, **changes)
    client = TestClient(create_app(settings), base_url=BASE, raise_server_exceptions=False)
    client.settings = settings
    if enter:
        response = client.get(f"/?token={TOKEN}", follow_redirects=False)
        assert response.status_code == 303
    return client


def copy_example(folder: Path, name: str, as_name: str | None = None) -> Path:
    target = folder / (as_name or f"{name}.yaml")
    shutil.copy(EXAMPLES / f"{name}.yaml", target)
    return target


def page_version(html: str) -> str:
    match = re.search(r'id="version" name="version" value="([0-9a-f]+)"', html)
    assert match is not None, "the page carries no version"
    return match.group(1)


def page_tab(html: str) -> str:
    match = re.search(r'"X-Appeal-Tab": "([^"]+)"', html)
    assert match is not None, "the page carries no tab id"
    return match.group(1)


class Page:
    """One open page of a case, posting its changes as htmx does (CSRF header, tab id, the
    version it holds)."""

    def __init__(self, client: Any, name: str, step: str) -> None:
        self.client = client
        self.name = name
        response = client.get(f"/case/{name}/{step}")
        assert response.status_code == 200, response.text
        self.html = response.text
        self.version = page_version(self.html)
        self.tab = page_tab(self.html)

    def headers(self) -> dict[str, str]:
        return {
            "HX-Request": "true",
            "X-CSRF-Token": self.client.settings.csrf,
            "X-Appeal-Tab": self.tab,
        }

    def post(self, path: str, data: dict[str, Any], files: Any = None) -> Any:
        response = self.client.post(
            f"/case/{self.name}/{path}",
            data={**data, "version": self.version},
            files=files,
            headers=self.headers(),
        )
        found = re.search(r'id="version" name="version" value="([0-9a-f]+)"', response.text)
        if response.status_code == 200 and found:
            self.version = found.group(1)
        return response

    def save(self, step: str, data: dict[str, Any]) -> Any:
        return self.post(f"save/{step}", data)
