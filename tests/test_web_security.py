"""`appeal serve` runs on the seller's machine with their business data: each point of issue 14
item 5 is tried here the way an attacker or a mistake would."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from appeal.web.server import bind
from tests.helpers import MINIMAL_CASE
from tests.web_helpers import BASE, ORIGIN, PORT, TOKEN, Page, copy_example, web_client


def test_the_server_listens_on_the_loopback_address_only() -> None:
    sock = bind(0)
    try:
        host, port = sock.getsockname()
        assert host == "127.0.0.1" and port > 0
        # small pages are not held back by the delayed acknowledgement (Nagle's algorithm)
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sock.close()


def test_without_the_token_nothing_is_served(tmp_path: Path) -> None:
    copy_example(tmp_path, "vtr-toys")
    client = web_client(tmp_path, enter=False)
    paths = ("/", "/case/vtr-toys.yaml/seller", "/case/vtr-toys.yaml/file/txt", "/static/app.js")
    for path in paths:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "appeal serve" in response.text and "Toys" not in response.text
    assert client.get("/?token=wrong-token").status_code == 403
    assert client.get("/", headers={"Cookie": f"appeal_token_{PORT}=wrong"}).status_code == 403


def test_the_token_moves_from_the_url_into_an_httponly_samesite_cookie(tmp_path: Path) -> None:
    client = web_client(tmp_path, enter=False)
    response = client.get(f"/case/x.yaml/seller?token={TOKEN}&a=1", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/case/x.yaml/seller?a=1"  # the token is gone
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"appeal_token_{PORT}={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/").status_code == 200  # the cookie alone is enough now


def test_a_foreign_host_header_is_refused_even_with_the_cookie(tmp_path: Path) -> None:
    client = web_client(tmp_path)
    assert client.get("/", headers={"Host": f"localhost:{PORT}"}).status_code == 200
    for host in (f"evil.example:{PORT}", "127.0.0.1:1", "evil.example", ""):
        response = client.get("/", headers={"Host": host})
        assert response.status_code == 400, host


def test_changes_need_the_pages_own_origin_or_its_csrf_token(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    client = web_client(tmp_path)
    page = Page(client, "case.yaml", "seller")
    before = (tmp_path / "case.yaml").read_bytes()
    data = {"seller.store_name": "Hijacked", "version": page.version}
    url = "/case/case.yaml/save/seller"
    assert client.post(url, data=data).status_code == 403  # no Origin, no token
    foreign = {"Origin": "http://evil.example", "X-CSRF-Token": client.settings.csrf}
    assert client.post(url, data=data, headers=foreign).status_code == 403
    cross = {"Sec-Fetch-Site": "cross-site", "X-CSRF-Token": client.settings.csrf}
    assert client.post(url, data=data, headers=cross).status_code == 403
    wrong = {"X-CSRF-Token": "0" * 32}
    assert client.post(url, data=data, headers=wrong).status_code == 403
    assert client.post("/new", data={"name": "x"}).status_code == 403
    assert (tmp_path / "case.yaml").read_bytes() == before
    assert not (tmp_path / "x.yaml").exists()
    assert client.post(url, data=data, headers={"Origin": ORIGIN}).status_code == 200
    assert "Hijacked" in (tmp_path / "case.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    [
        "..%2Foutside.yaml",
        "%2Fetc%2Fpasswd.yaml",
        "..%5Coutside.yaml",
        ".hidden.yaml",
        "CON.yaml",
        "case.txt",
        "sub%2Fcase.yaml",
        "C%3A%5Ccase.yaml",
    ],
)
def test_case_names_cannot_leave_the_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    client = web_client(folder)
    response = client.get(f"/case/{name}/seller")
    assert response.status_code == 404
    assert "Test Trading" not in response.text
    typed = name.replace("%2F", "/").replace("%5C", "\\").replace("%3A", ":")
    client.post("/new", data={"name": typed}, headers={"Origin": ORIGIN})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "outside.yaml"]
    assert (tmp_path / "outside.yaml").read_text(encoding="utf-8") == MINIMAL_CASE
    assert all(p.parent == folder for p in folder.rglob("*"))


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_a_symbolic_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text(MINIMAL_CASE, encoding="utf-8")
    os.symlink(secret, folder / "link.yaml")
    client = web_client(folder)
    assert "link.yaml" not in client.get("/").text
    response = client.get("/case/link.yaml/seller")
    assert response.status_code == 404 and "Test Trading" not in response.text
    saved = client.post(
        "/case/link.yaml/save/seller",
        data={"seller.store_name": "x", "version": ""},
        headers={"Origin": ORIGIN},
    )
    assert saved.status_code == 404
    assert secret.read_text(encoding="utf-8") == MINIMAL_CASE


def test_uploads_over_the_limit_are_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    client = web_client(tmp_path, max_upload=1024)
    page = Page(client, "case.yaml", "evidence")
    big = {"files": ("orders.txt", b"x" * 5000, "text/plain")}
    response = page.post("evidence", {}, files=big)
    assert response.status_code == 413
    assert "larger than" in response.text and "appeal metrics" in response.text
    assert "Traceback" not in response.text


def test_a_body_without_length_is_cut_at_the_limit(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    client = web_client(tmp_path, max_form=1000)
    page = Page(client, "case.yaml", "seller")

    def chunks() -> Iterator[bytes]:
        yield b"seller.store_name="
        for _ in range(50):
            yield b"x" * 100

    response = client.post(
        "/case/case.yaml/save/seller",
        content=chunks(),
        headers={**page.headers(), "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert "x" * 200 not in (tmp_path / "case.yaml").read_text(encoding="utf-8")
    # a paste, not a report: said as such (tester3 F1.6), not "cut the report to the weeks"
    assert "NOT saved" in response.text and "Shorten what was pasted last" in response.text
    assert "appeal metrics" not in response.text


def test_no_stack_trace_is_ever_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    client = web_client(tmp_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("appeal.web.preview.build_preview", broken)
    response = client.get("/case/case.yaml/seller")
    assert response.status_code == 500
    assert "bug" in response.text
    assert "Traceback" not in response.text and "secret internal detail" not in response.text
    for path in ("/nowhere", "/case/case.yaml/nowhere", "/case/missing.yaml/seller"):
        response = client.get(path)
        assert response.status_code == 404 and "Traceback" not in response.text


def test_pages_forbid_scripts_from_elsewhere_and_framing(tmp_path: Path) -> None:
    response = web_client(tmp_path).get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert "http" not in response.text.split("<body", 1)[0].replace(BASE, "")  # no CDN
