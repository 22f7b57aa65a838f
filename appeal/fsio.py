"""Reading user files (with encoding diagnosis) and writing files atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from appeal.errors import InputError, OutputError

LOCK_NAME = ".appeal.lock"  # one per folder appeal writes in; see folder_lock
LOCK_WAIT = 60.0  # seconds to wait for another appeal writing in the same folder
TEXT_FILE_LIMIT = 1_000_000  # bytes: case files, notices, replies (docs/case-file.md, "Limits")

# Encodings a seller's files turn up in, most likely first, with the advice for each.
_GUESSES: tuple[tuple[str, str], ...] = (
    ("gbk", "GBK (Chinese Windows, e.g. Notepad on a Chinese system)"),
    ("shift_jis", "Shift_JIS (Japanese Windows or Seller Central JP)"),
    ("cp1252", "Windows-1252 (Western European Windows)"),
)


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff" for ch in text)


def guess_encoding(data: bytes) -> str | None:
    """Name the legacy encoding `data` most likely uses, or None when nothing fits."""
    for codec, label in _GUESSES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec in ("gbk", "shift_jis") and not _has_cjk(text):
            continue
        return label
    return None


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM); on failure say which encoding the bytes look like."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = guess_encoding(data)
        looks = f"it looks like {guess}" if guess else "its encoding is not recognised"
        raise InputError(
            f"{name}:{line}: the file is not UTF-8 (byte 0x{data[exc.start]:02x}); {looks}. "
            "Re-save it as UTF-8 (in Notepad: File > Save as > Encoding: UTF-8; "
            "or `iconv -f GBK -t UTF-8 old.yaml > new.yaml`) and run again."
        ) from None


def open_binary(path: Path, *, buffering: int = -1) -> BinaryIO:
    """Open a file the user gave us for reading bytes; a missing file, a folder or one that
    cannot be read is an InputError naming the path."""
    try:
        return path.open("rb", buffering=buffering)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path.") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file.") from None
    except OSError as exc:
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: OSError) -> InputError:
    """The error for a file the system would not let us read (permissions, a device error)."""
    return InputError(f"{path}: cannot be read ({exc.strerror}).")


def read_text(path: Path, *, limit: int = TEXT_FILE_LIMIT) -> str:
    """Read a UTF-8 text file the user gave us, with a located, actionable error. Files over
    `limit` bytes are refused before they are read whole."""
    with open_binary(path) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise unreadable(path, exc) from None
    if len(data) > limit:
        raise InputError(
            f"{path}: the file is larger than {limit:,} bytes, far more than a case file, a "
            "notice or a reply needs; check that it is the right file, and keep long texts "
            "short."
        )
    return decode_utf8(data, str(path))


def atomic_write(
    path: Path,
    data: bytes,
    *,
    follow_links: bool = False,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half.

    A symbolic link at `path` is replaced by the file, unless `follow_links` (for a case file
    the user keeps behind a link: the file it points to is written, the link stays).
    `before_replace` runs once the new content is safely on disk, just before it takes the
    old one's place (to record it)."""
    if follow_links:
        path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"{folder}: cannot write here ({exc.strerror}); choose another folder with -o."
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot be written ({exc.strerror}).") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AtomicStream:
    """A file written piece by piece into a temporary file beside `path` and renamed over it
    by `commit()`, so a reader sees no file or the whole file; `abort()` leaves nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
        except OSError as exc:
            raise OutputError(f"{path.parent}: cannot write here ({exc.strerror}).") from None
        self._handle = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self._handle.write(data)
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.path}: cannot be written ({exc.strerror}).") from None

    def commit(self) -> None:
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.path}: cannot be written ({exc.strerror}).") from None

    def abort(self) -> None:
        self._handle.close()
        Path(self._tmp).unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold `folder`'s lock (the file .appeal.lock in it) while reading, changing and writing
    files appeal keeps there (the record of outputs, case files), so that two appeal commands
    at once never lose each other's changes. An OS lock (appeal.oslock: fcntl or msvcrt),
    released when the process ends however it ends; re-entrant within one thread."""
    from appeal import oslock

    path = folder.resolve() / LOCK_NAME
    try:
        oslock.acquire(path, LOCK_WAIT)
    except oslock.LockTimeout:
        raise OutputError(
            f"{folder}: another appeal command has been writing here for over "
            f"{LOCK_WAIT:g} seconds; let it finish and run again."
        ) from None
    except OSError as exc:
        raise OutputError(
            f"{folder}: cannot write here ({exc.strerror}); choose another folder with -o."
        ) from None
    try:
        yield
    finally:
        oslock.release(path)


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files an interrupted atomic_write of `path` left (a killed process
    cannot clean up after itself). Call while holding the folder's lock."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp") and len(name) == len(prefix) + 12:
            Path(path.parent, name).unlink(missing_ok=True)
