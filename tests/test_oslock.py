"""The folder lock appeal holds while it reads, changes and writes files: exclusive between
processes and threads, re-entrant within a thread, released when its process dies."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from appeal import oslock

HOLDER = """
import sys
from pathlib import Path
from appeal import oslock
oslock.acquire(Path(sys.argv[1]), 5)
print("held", flush=True)
sys.stdin.readline()
"""


def test_another_thread_waits_and_times_out(tmp_path: Path) -> None:
    path = tmp_path / ".appeal.lock"
    oslock.acquire(path, 1)
    outcome: list[str] = []

    def other() -> None:
        try:
            oslock.acquire(path, 0.2)
        except oslock.LockTimeout:
            outcome.append("timed out")
        else:
            outcome.append("acquired")
            oslock.release(path)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert outcome == ["timed out"]
    oslock.release(path)
    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert outcome == ["timed out", "acquired"]


def test_re_entrant_within_a_thread(tmp_path: Path) -> None:
    path = tmp_path / ".appeal.lock"
    oslock.acquire(path, 1)
    oslock.acquire(path, 1)
    oslock.release(path)
    held: list[bool] = []
    thread = threading.Thread(target=lambda: held.append(_free(path)))
    thread.start()
    thread.join()
    assert held == [False]  # still held once
    oslock.release(path)
    assert _free(path)


def _free(path: Path) -> bool:
    try:
        oslock.acquire(path, 0)
    except oslock.LockTimeout:
        return False
    oslock.release(path)
    return True


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / ".appeal.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        with pytest.raises(oslock.LockTimeout):
            oslock.acquire(path, 0.1)
    finally:
        child.kill()
        child.wait()
    oslock.acquire(path, 5)  # the operating system let go of the dead process's lock
    oslock.release(path)


def test_a_folder_that_cannot_hold_the_lock_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        oslock.acquire(tmp_path / "missing" / ".appeal.lock", 0.1)
