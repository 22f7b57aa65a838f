"""What one running `appeal serve` knows: its folder, language, secret token and address."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MAX_UPLOAD = 50 * 1024 * 1024  # a dropped report; bigger ones go through `appeal metrics`
MAX_FORM = 2 * 1024 * 1024  # any other request body: answers are a few kilobytes
LOOPBACK = "127.0.0.1"


def new_token() -> str:
    """A secret for the URL: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Settings:
    folder: Path
    token: str
    port: int
    lang: str = "en"
    max_upload: int = MAX_UPLOAD
    max_form: int = MAX_FORM
    today: Callable[[], dt.date] = field(default=dt.date.today)

    @property
    def hosts(self) -> frozenset[str]:
        """Host headers a request may carry: this server's own address, nothing else."""
        return frozenset({f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.hosts)

    @property
    def cookie(self) -> str:
        """Cookies are shared between ports of one host: each server has its own name."""
        return f"appeal_token_{self.port}"

    @property
    def csrf(self) -> str:
        """The CSRF token pages send back with every change (derived from the secret)."""
        return hmac.new(self.token.encode(), b"csrf", hashlib.sha256).hexdigest()[:32]

    @property
    def url(self) -> str:
        """The address to open once: it carries the token, which then moves into a cookie."""
        return f"http://{LOOPBACK}:{self.port}/?token={self.token}"
