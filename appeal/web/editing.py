"""Saving answers from the page into the case file, never over someone else's change.

Each page holds the version (a hash of the case file's text) it was made from and sends it back
with every change. A change is applied only when the file still has that version; otherwise
another tab, the command line or an editor changed the file since, and the page is told
(`CaseChanged`) instead of overwriting it. Saving goes through the wizard's `Draft`: the same
YAML engine, the same atomic write, comments and key order kept.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from appeal.errors import AppealError
from appeal.wizard.draft import Draft

_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


class CaseChanged(AppealError):
    """Raised when the case file changed after the page read it."""

    def __init__(self, path: Path, current: str) -> None:
        super().__init__(
            f"{path.name} was changed elsewhere (another tab, the command line or an editor) "
            "after this page was opened; nothing was overwritten."
        )
        self.current = current


def version_of(text: str) -> str:
    """The version of a case file's text, as pages carry it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _lock(path: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """One change at a time per case file within this server."""
    with _lock(path):
        yield


@contextmanager
def editing(path: Path, version: str | None) -> Iterator[Draft]:
    """The draft at `path` to change, when its version is still `version`; saved afterwards
    if anything changed. Raises CaseChanged (nothing written) when the file moved on."""
    with locked(path):
        draft = Draft.open(path)
        current = version_of(draft.original)
        if version != current:
            raise CaseChanged(path, current)
        yield draft
        if draft.text() != draft.original:
            draft.save()


def current_version(path: Path) -> str:
    """The version of the case file as it is on disk now."""
    return version_of(Draft.open(path).original)
