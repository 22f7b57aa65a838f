"""Writing output files safely: replace what appeal wrote, never what someone else changed.

A record beside the outputs (`.appeal-written.json`) keeps the SHA-256 of every file appeal
wrote there. A file may be replaced when it is absent, or when its content still matches the
record; otherwise the render stops before writing anything, unless forced.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from appeal.errors import OutputConflict, OutputError
from appeal.fsio import atomic_write

RECORD_NAME = ".appeal-written.json"


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    data: bytes


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_record(folder: Path) -> dict[str, str]:
    try:
        raw = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def conflicts(files: list[PlannedFile]) -> list[str]:
    """Why each existing file may not be replaced (empty when all may)."""
    problems = []
    records: dict[Path, dict[str, str]] = {}
    for planned in files:
        path = planned.path
        if not path.exists():
            continue
        record = records.setdefault(path.parent, _read_record(path.parent))
        known = record.get(path.name)
        if known is None:
            problems.append(f"{path}: exists and was not written by appeal")
        else:
            try:
                current = _digest(path.read_bytes())
            except OSError as exc:
                raise OutputError(f"{path}: cannot be read ({exc.strerror}).") from None
            if current != known:
                problems.append(f"{path}: was changed after appeal wrote it")
    return problems


def write_files(files: list[PlannedFile], *, force: bool) -> None:
    """Write every planned file atomically, or none when one may not be replaced."""
    if not force:
        problems = conflicts(files)
        if problems:
            raise OutputConflict(
                "nothing was written:\n"
                + "\n".join(f"  {p}" for p in problems)
                + "\nKeep your edits by rendering elsewhere with -o DIR, or replace the files "
                "with --force."
            )
    folders: dict[Path, dict[str, str]] = {}
    for planned in files:
        folder = planned.path.parent
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(f"{folder}: cannot create the folder ({exc.strerror}).") from None
        atomic_write(planned.path, planned.data)
        folders.setdefault(folder, _read_record(folder))[planned.path.name] = _digest(planned.data)
    for folder, record in folders.items():
        text = json.dumps(dict(sorted(record.items())), indent=2) + "\n"
        atomic_write(folder / RECORD_NAME, text.encode("utf-8"))
