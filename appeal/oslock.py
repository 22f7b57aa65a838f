"""An exclusive lock on a file, which the operating system releases when the process ends however
it ends (killed, crashed): `fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows.

The `filelock` package does the same and more; importing it cost about 10 ms of every start
(a twentieth of the floor spec section 9 measures against), so appeal keeps these few lines.
Re-entrant within a thread; two threads, like two processes, wait for each other.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

_POLL = 0.05  # seconds between attempts while another holder has the lock
_held = threading.local()  # per thread: path -> (file descriptor, depth)


class LockTimeout(Exception):
    """Raised when the lock stayed taken for longer than the time allowed."""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _table() -> dict[str, tuple[int, int]]:
    table: dict[str, tuple[int, int]] | None = getattr(_held, "table", None)
    if table is None:
        table = _held.table = {}
    return table


def acquire(path: Path, timeout: float) -> None:
    """Take the lock on `path` (created if missing), waiting up to `timeout` seconds.
    OSError when the file cannot be opened; LockTimeout when another holder keeps it."""
    key = str(path)
    table = _table()
    if key in table:
        fd, depth = table[key]
        table[key] = (fd, depth + 1)
        return
    fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o666)
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise LockTimeout(key)
        time.sleep(_POLL)
    table[key] = (fd, 1)


def release(path: Path) -> None:
    """Give back one hold of the lock on `path`; the last one unlocks it."""
    key = str(path)
    table = _table()
    fd, depth = table[key]
    if depth > 1:
        table[key] = (fd, depth - 1)
        return
    del table[key]
    try:
        _unlock(fd)
    finally:
        os.close(fd)
