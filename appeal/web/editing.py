"""Saving answers from the page into the case file, never over someone else's change.

Each page holds the version (a hash of the case file's text) it was made from and sends it back
with every change, with the id of the tab. A change is applied when the file still has that
version, or when the only changes since were this same tab's own (its answers may overtake
one another on the way); otherwise another tab, the command line or an editor changed the
file, and the page is told (`CaseChanged`) instead of overwriting it. Saving goes through the
wizard's `Draft`: the same YAML engine, the same atomic write, comments and key order kept.
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
_LAST_WRITER: dict[Path, tuple[str, str]] = {}  # case -> (version written, tab that wrote it)
_SEEN: dict[str, list[str]] = {}  # tab -> versions it was given, newest last
_TABS_KEPT, _VERSIONS_KEPT = 500, 100
_KEPT: dict[Path, Draft] = {}  # case -> the draft as this server last saved it


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
    """One change at a time per case file: within this server, and with every appeal command
    (which holds the same folder lock from reading a case to writing it)."""
    from appeal.fsio import folder_lock

    with _lock(path), folder_lock(path.resolve().parent):
        yield


def seen_by(tab: str, version: str) -> None:
    """Remember that the page `tab` holds `version`."""
    with _LOCKS_GUARD:
        versions = _SEEN.setdefault(tab, [])
        versions.append(version)
        del versions[:-_VERSIONS_KEPT]
        while len(_SEEN) > _TABS_KEPT:
            _SEEN.pop(next(iter(_SEEN)))


def _may_change(path: Path, current: str, version: str | None, tab: str | None) -> bool:
    if version == current:
        return True
    if not tab or version is None:
        return False
    with _LOCKS_GUARD:
        return _LAST_WRITER.get(path.resolve()) == (current, tab) and version in _SEEN.get(tab, [])


def check_version(path: Path, current: str, version: str | None, tab: str | None) -> None:
    """Raise CaseChanged unless the page (`tab`, holding `version`) may change the file."""
    if not _may_change(path, current, version, tab):
        raise CaseChanged(path, current)


def written_by(path: Path, version: str, tab: str | None) -> None:
    if tab:
        with _LOCKS_GUARD:
            _LAST_WRITER[path.resolve()] = (version, tab)
        seen_by(tab, version)


def _open(path: Path) -> Draft:
    """The draft at `path` for changing. The round-trip reader is slow (tens of ms for a case),
    so the draft this server last wrote is kept while the file still holds exactly its text."""
    from appeal.fsio import read_text

    key = path.resolve()
    kept = _KEPT.get(key)
    if kept is not None and path.exists() and read_text(path) == kept.original:
        return kept
    _KEPT.pop(key, None)
    return Draft.open(path)


@contextmanager
def editing(path: Path, version: str | None, tab: str | None = None) -> Iterator[Draft]:
    """The draft at `path` to change, if the page may (see the module docstring); saved
    afterwards if anything changed. Raises CaseChanged (nothing written) otherwise."""
    key = path.resolve()
    with locked(path):
        draft = _open(path)
        check_version(path, version_of(draft.original), version, tab)
        _KEPT.pop(key, None)  # changed below: kept again only once saved
        yield draft
        text = draft.text()
        if text != draft.original:
            from appeal.fsio import atomic_write

            atomic_write(path, text.encode("utf-8"), follow_links=True)
            draft.original = text
            written_by(path, version_of(text), tab)
        _KEPT[key] = draft


def read_draft(path: Path) -> Draft:
    """The case at `path` for showing (not changing): read with the case reader, which is far
    quicker than the round-trip editor. Values are the file's text, as the pages show them."""
    from appeal.errors import InputError
    from appeal.fsio import read_text
    from appeal.yamlio import load_yaml

    text = read_text(path)
    data = load_yaml(text, path.name) if text.strip() else {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path.name}: is not a case file (a case file is a mapping of keys).")
    return Draft(path, data, text)


def current_version(path: Path) -> str:
    """The version of the case file as it is on disk now."""
    return version_of(Draft.open(path).original)
