"""Writing output files safely: replace what appeal wrote, never what someone else changed.

A record beside the outputs (`.appeal-written.jsonl`) keeps the SHA-256 of every file appeal
wrote there, one JSON line per file written. A file may be replaced when it is absent, or when
its content is what appeal last wrote; otherwise the render stops before writing anything,
unless forced. A symbolic link at an output path is never followed nor replaced.

The record never falls out of step with the files: the folder is locked (two renders at once
take turns), and each file's line is appended once its new content is on disk, just before it
is put in place, so a render
stopped at any point (Ctrl-C, kill, a failed write) leaves every file either as it was or as
recorded. A file's last two recorded digests count as appeal's, covering a stop between the two
steps. The record is compacted now and then.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from appeal.errors import OutputConflict, OutputError
from appeal.fsio import atomic_write, folder_lock, remove_stale_temporaries

RECORD_NAME = ".appeal-written.jsonl"
LEGACY_RECORD_NAME = ".appeal-written.json"  # one JSON object, written by appeal up to 0.1


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    data: bytes


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Record:
    """What appeal wrote in one folder: for each file name, its digests, oldest first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.digests: dict[str, list[str]] = {}
        self.lines = 0
        self.legacy = False
        self._log: IO[str] | None = None

    @classmethod
    def read(cls, folder: Path) -> Record:
        record = cls(folder)
        try:
            legacy = json.loads((folder / LEGACY_RECORD_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            legacy = None
        if isinstance(legacy, dict):
            record.legacy = True
            for name, digest in legacy.items():
                record.digests[str(name)] = [str(digest)]
        try:
            text = (folder / RECORD_NAME).read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        for line in text.splitlines():
            try:
                entry = json.loads(line)
                name, digest = str(entry["file"]), str(entry["sha256"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a stop mid-write
            record.digests.setdefault(name, []).append(digest)
            record.lines += 1
        return record

    def knows(self, name: str) -> bool:
        return name in self.digests

    def wrote(self, name: str, digest: str) -> bool:
        return digest in self.digests.get(name, [])[-2:]

    def add(self, name: str, digest: str) -> None:
        """Append `name`'s new digest to the record file (before the file is put in place)."""
        if self._log is None:
            path = self.folder / RECORD_NAME
            try:
                self._log = path.open("a", encoding="utf-8", newline="\n")
                if self._log.tell() and not path.read_bytes().endswith(b"\n"):
                    self._log.write("\n")  # after a line cut short
            except OSError as exc:
                raise OutputError(f"{path}: cannot be written ({exc.strerror}).") from None
        self._log.write(json.dumps({"file": name, "sha256": digest}) + "\n")
        self._log.flush()
        self.digests.setdefault(name, []).append(digest)
        self.lines += 1

    def close(self) -> None:
        """Close the record file; rewrite it short when it has grown long (or is legacy)."""
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.legacy or self.lines > 4 * len(self.digests) + 100:
            lines = [
                json.dumps({"file": name, "sha256": digest}) + "\n"
                for name in sorted(self.digests)
                for digest in self.digests[name][-2:]
            ]
            atomic_write(self.folder / RECORD_NAME, "".join(lines).encode("utf-8"))
            self.lines = len(lines)
            if self.legacy:
                (self.folder / LEGACY_RECORD_NAME).unlink(missing_ok=True)
                self.legacy = False


def _problem(path: Path, record: Record, force: bool) -> str | None:
    """Why `path` may not be replaced, or None."""
    if path.is_symlink():
        return (
            f"{path}: is a symbolic link; appeal neither writes through links nor replaces "
            "them (remove it, or render elsewhere with -o)"
        )
    if force or not path.exists():
        return None
    if not record.knows(path.name):
        return f"{path}: exists and was not written by appeal"
    try:
        current = _digest(path.read_bytes())
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read ({exc.strerror}).") from None
    if not record.wrote(path.name, current):
        return f"{path}: was changed after appeal wrote it"
    return None


def write_files(files: list[PlannedFile], *, force: bool) -> None:
    """Write every planned file atomically, or none when one may not be replaced."""
    folders = sorted({planned.path.parent for planned in files})
    for folder in folders:
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(f"{folder}: cannot create the folder ({exc.strerror}).") from None
    with ExitStack() as stack:
        for folder in folders:  # in sorted order, so two renders never wait on each other
            stack.enter_context(folder_lock(folder))
        records = {folder: Record.read(folder) for folder in folders}
        for record in records.values():
            stack.callback(record.close)
        problems = [
            problem
            for planned in files
            if (problem := _problem(planned.path, records[planned.path.parent], force))
        ]
        if problems:
            raise OutputConflict(
                "nothing was written:\n"
                + "\n".join(f"  {p}" for p in problems)
                + "\nKeep your edits by rendering elsewhere with -o DIR, or replace the files "
                "with --force."
            )
        for planned in files:
            remove_stale_temporaries(planned.path)
            note = partial(
                records[planned.path.parent].add, planned.path.name, _digest(planned.data)
            )
            atomic_write(planned.path, planned.data, before_replace=note)
