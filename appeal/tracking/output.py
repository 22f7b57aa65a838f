"""The files `--fix` writes, streamed: the corrected copy (the input's bytes, with only the
cleaned tracking cells replaced) and, beside it, the list of rows left for the user."""

from __future__ import annotations

from pathlib import Path

from appeal.errors import InputError
from appeal.fsio import AtomicStream
from appeal.tracking.findings import findings, inert
from appeal.tracking.result import RowFinding

_BATCH = 4096  # lines per write


def left_path(fix: Path) -> Path:
    """Where the rows left for the user are listed: `fixed.txt` -> `fixed.left-for-you.txt`."""
    return fix.with_name(f"{fix.stem}.left-for-you.txt")


def check_targets(paths: list[Path], fix: Path) -> None:
    """Refuse a --fix that would overwrite anything or has nowhere to go."""
    if len(paths) != 1:
        raise InputError("--fix writes one corrected file: give exactly one input file.")
    for target in (fix, left_path(fix)):
        if target.exists() or target.is_symlink():
            same = target.resolve() == paths[0].resolve()
            raise InputError(
                f"--fix {fix}: {target} "
                + ("is the input file" if same else "already exists")
                + "; give a new file name so that nothing is overwritten."
            )
    if not fix.parent.is_dir():
        raise InputError(f"--fix {fix}: the folder {fix.parent} does not exist.")


class BatchWriter:
    """Bytes to an atomic file, written a few thousand lines at a time."""

    def __init__(self, path: Path, first: bytes = b"") -> None:
        self.stream = AtomicStream(path)
        self.pending: list[bytes] = [first] if first else []
        self.path = path

    def add(self, data: bytes) -> None:
        self.pending.append(data)
        if len(self.pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        self.stream.write(b"".join(self.pending))
        self.pending.clear()

    def write(self, data: bytes) -> None:
        """A large piece (a block of lines): written now, after anything pending."""
        if self.pending:
            self.flush()
        self.stream.write(data)

    def commit(self) -> None:
        self.flush()
        self.stream.commit()

    def abort(self) -> None:
        self.stream.abort()


class LeftReport:
    """The rows left for the user, one a line (UTF-8 with BOM and CRLF, so Excel and Notepad
    open it as it is), written only when there is at least one."""

    HEADER = "line\torder-id\tcarrier\ttracking-number\tfindings\r\n"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer: BatchWriter | None = None

    def add(self, row: RowFinding) -> None:
        if self.writer is None:
            self.writer = BatchWriter(self.path, b"\xef\xbb\xbf" + self.HEADER.encode())
        carrier = row.checked.carrier
        line = "\t".join(
            (
                str(row.line),
                inert(row.order_id),
                inert(carrier.shown) if carrier is not None else "",
                inert(row.checked.cleaned.raw),
                " | ".join(findings(row)),
            )
        )
        self.writer.add(line.encode("utf-8", "surrogateescape") + b"\r\n")

    def commit(self) -> Path | None:
        if self.writer is None:
            return None
        self.writer.commit()
        return self.path

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.abort()
