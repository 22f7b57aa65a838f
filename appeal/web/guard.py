"""The door of the local server: every request passes here before any page sees it.

- the Host header must name this server (127.0.0.1 or localhost and its port): a page on
  another site whose name was pointed at 127.0.0.1 (DNS rebinding) is refused;
- the secret token must come with every request: in the URL once (it then moves into an
  HttpOnly, SameSite=Strict cookie and the address bar is cleared), then in that cookie;
- a request that changes anything must come from this server's own pages: a foreign Origin is
  refused, and without this Origin the CSRF token the pages send must be there;
- request bodies are size-limited, with a message that says what to do.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from appeal.web.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Every response: scripts and styles from this server only, never framed, no referrer.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"

REFUSED = {
    "host": (
        400,
        "This address is not the appeal server's. Open the address that `appeal serve` printed.",
        "这不是 appeal 服务器的地址。请打开 `appeal serve` 显示的地址。",
    ),
    "token": (
        403,
        "Open the address that `appeal serve` printed in the terminal (it holds a one-time key).",
        "请打开 `appeal serve` 在终端中显示的地址（其中包含一次性密钥）。",
    ),
    "origin": (
        403,
        "Refused: this change did not come from the appeal page itself. Reload the page and try "
        "again.",
        "已拒绝：此更改不是来自 appeal 页面本身。请刷新页面后重试。",
    ),
}


class BodyTooLarge(Exception):
    """Raised while reading a request body that passes the size limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _same(given: str | None, secret: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), secret.encode())


def _cookie(headers: dict[str, str], name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
        await send(message)

    return sending


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def refuse(send: Send, why: str) -> None:
    status, en, zh = REFUSED[why]
    await _plain(send, status, f"{en}\n{zh}\n", [])


def too_large_text(limit: int) -> tuple[str, str]:
    """What to say when a body passes the limit (English, Chinese)."""
    megabytes = limit // (1024 * 1024)
    return (
        f"The file is larger than {megabytes} MB, the most this page takes. Cut the report to "
        "the weeks that matter, or run `appeal metrics FILE` / `appeal tracking FILE` in a "
        "terminal, which reads files of any size.",
        f"文件超过 {megabytes} MB，网页最多接收这么大。请只保留相关几周的数据，或在终端运行 "
        "`appeal metrics 文件` / `appeal tracking 文件`（不限大小）。",
    )


class Guard:
    """ASGI middleware around the whole app (see the module docstring)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        settings = self.settings
        headers = _headers(scope)
        if headers.get("host", "").lower() not in settings.hosts:
            await refuse(send, "host")
            return
        method = scope["method"]
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        given = next((v for k, v in query if k == "token"), None)
        if given is not None:
            await self._enter(scope, send, given, query)
            return
        if not _same(_cookie(headers, settings.cookie), settings.token):
            await refuse(send, "token")
            return
        if method not in SAFE_METHODS:
            origin = headers.get("origin")
            own_origin = origin in settings.origins
            if origin not in (None, "null") and not own_origin:
                await refuse(send, "origin")
                return
            if headers.get("sec-fetch-site") == "cross-site":
                await refuse(send, "origin")
                return
            if not own_origin and not _same(headers.get(CSRF_HEADER), settings.csrf):
                await refuse(send, "origin")
                return
            receive = self._limited(headers, receive)
        await self.app(scope, receive, send)

    async def _enter(self, scope: Scope, send: Send, given: str, query: list[Any]) -> None:
        """The address with the token: set the cookie and send the browser on without it."""
        settings = self.settings
        if scope["method"] not in SAFE_METHODS or not _same(given, settings.token):
            await refuse(send, "token")
            return
        rest = urlencode([(k, v) for k, v in query if k != "token"])
        location = scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{settings.cookie}={settings.token}; Path=/; HttpOnly; SameSite=Strict"
        await _plain(
            send,
            303,
            "",
            [(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("latin-1"))],
        )

    def _limited(self, headers: dict[str, str], receive: Receive) -> Receive:
        """`receive` that raises BodyTooLarge past the limit for this kind of request."""
        multipart = headers.get("content-type", "").startswith("multipart/")
        limit = self.settings.max_upload if multipart else self.settings.max_form
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:

            async def refuse_body() -> Message:
                raise BodyTooLarge(limit)

            return refuse_body
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
            return message

        return counted
