"""A tracking file as it is on disk: its encoding, the lines above the data (Amazon JP's template
has `TemplateType=OrderFulfillment`, `Version=...` and a line of Japanese labels above the
column names), its columns, and each line's own bytes, so that a corrected copy can change the
cells it fixes and nothing else.

Lines end with LF, CRLF or a lone CR (Excel for Mac) and keep their endings. The file is read in
blocks of about a megabyte, split into lines and decoded in C. Tab-separated text in UTF-8,
Shift_JIS, GBK or Windows-1252 is spliced byte by byte (a tab or line-break byte never occurs
inside a character of these encodings); UTF-16 (Excel's "Unicode Text") is re-encoded, which
gives the same bytes back.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from appeal.errors import InputError
from appeal.flatfile import Encoding, detect_encoding
from appeal.fsio import open_binary, unreadable

_BLOCK = 1 << 20  # bytes read at a time (also the sample the encoding is picked from)
_LOOK = 10  # lines searched for the column names
HEADER_COLUMNS = ("order-id", "tracking-number")
# Encodings where every decodable byte sequence has one text and every text one encoding, so
# that text rebuilt from decoded cells encodes to the same bytes.
_ONE_TO_ONE = frozenset({"utf-8", "utf-16-le", "utf-16-be", "cp1252"})
# Characters str.splitlines() breaks at but bytes.splitlines() does not: a block holding one
# is split line by line instead, so that text and bytes stay in step.
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


class Block(NamedTuple):
    """Consecutive lines: their bytes (endings included) and their text (endings excluded)."""

    raws: list[bytes]
    texts: list[str]


class Columns(NamedTuple):
    """Where the cells that matter are (None: the file has no such column)."""

    order: int | None
    carrier: int | None
    name: int | None
    tracking: int


@dataclass
class TrackingFile:
    """An opened tracking file: everything above the data, and the data in blocks of lines."""

    path: Path
    encoding: Encoding
    handle: BinaryIO
    top: list[bytes] = field(default_factory=list)  # template lines and the column names
    columns: Columns | None = None  # None: a plain list, one number per line
    first_texts: list[str] = field(default_factory=list)  # the first lines' text
    blocks: Iterator[Block] = field(default_factory=lambda: iter(()))
    first_line: int = 1  # number of the first data line

    def __post_init__(self) -> None:
        self.bytewise = not self.encoding.codec.startswith("utf-16")

    def position(self) -> int:
        """Bytes read so far (for a progress bar)."""
        try:
            return self.handle.tell()
        except (OSError, ValueError):
            return 0

    def splice(
        self, raw: bytes, text: str, cells: list[str] | None, index: int, value: str
    ) -> bytes:
        """The line `raw` (its text `text`, split into `cells`; None: a plain list, the whole
        line is the cell) with cell `index` replaced by `value`, every other byte unchanged."""
        codec = self.encoding.codec
        if not self.bytewise:
            ending = raw.decode(codec)[len(text) :]
        elif raw.endswith(b"\r\n"):
            ending = "\r\n"
        else:
            ending = "\n" if raw.endswith(b"\n") else "\r" if raw.endswith(b"\r") else ""
        if cells is None:
            return (value + ending).encode(codec)
        if codec in _ONE_TO_ONE:  # decoding gave exactly these bytes: rebuild from the text
            cells[index] = value
            return ("\t".join(cells) + ending).encode(codec)
        parts = raw.split(b"\t")  # e.g. Shift_JIS, where two byte sequences can decode alike
        last = index == len(parts) - 1
        parts[index] = value.encode("ascii") + (ending.encode("ascii") if last else b"")
        return b"\t".join(parts)


def open_tracking_file(path: Path) -> TrackingFile:
    """Open `path`, pick its encoding, and find its column names (in the first ten lines)."""
    handle = open_binary(path, buffering=_BLOCK)
    try:
        try:
            sample = handle.peek(_BLOCK)[:_BLOCK]  # type: ignore[attr-defined]
        except OSError as exc:
            raise unreadable(path, exc) from None
        encoding = detect_encoding(sample, str(path))
        handle.read(len(encoding.bom_bytes))
    except BaseException:
        handle.close()
        raise
    source = TrackingFile(path, encoding, handle)
    blocks = _text_blocks(source) if not source.bytewise else _byte_blocks(source)
    raws: list[bytes] = []
    texts: list[str] = []
    for block in blocks:  # gather the first lines (usually all in the first block)
        raws += block.raws
        texts += block.texts
        if len(texts) >= _LOOK:
            break
    for at, text in enumerate(texts[:_LOOK]):
        cells = [c.strip().lower() for c in text.split("\t")]
        if all(name in cells for name in HEADER_COLUMNS):
            source.top = raws[: at + 1]
            source.columns = _columns(cells)
            raws, texts = raws[at + 1 :], texts[at + 1 :]
            source.first_line = at + 2
            break
    source.first_texts = texts[:_LOOK]
    source.blocks = _chain(Block(raws, texts), blocks)
    return source


def _chain(first: Block, rest: Iterator[Block]) -> Iterator[Block]:
    if first.raws:
        yield first
    yield from rest


def _columns(cells: list[str]) -> Columns:
    def at(name: str) -> int | None:
        return cells.index(name) if name in cells else None

    tracking = cells.index(HEADER_COLUMNS[1])
    return Columns(at("order-id"), at("carrier-code"), at("carrier-name"), tracking)


def _byte_blocks(source: TrackingFile) -> Iterator[Block]:
    """Blocks of whole lines; each block is split and decoded in C."""
    codec = source.encoding.codec
    carry = b""
    number = 0
    with source.handle as handle:
        while True:
            chunk = handle.read(_BLOCK)
            if chunk:
                data = carry + chunk
                cut = data.rfind(b"\n") + 1
                if not cut:  # no LF at all: lines end with a lone CR (or one long line)
                    cut = data.rfind(b"\r", 0, len(data) - 1) + 1
                if not cut:
                    carry = data
                    continue
                data, carry = data[:cut], data[cut:]
            else:
                data, carry = carry, b""
                if not data:
                    return
            raws = data.splitlines(keepends=True)
            texts = _decode(data, raws, codec, source.path, number)
            number += len(raws)
            yield Block(raws, texts)
            if not chunk:
                return


def _decode(data: bytes, raws: list[bytes], codec: str, path: Path, before: int) -> list[str]:
    try:
        text = data.decode(codec)
        if not any(ch in text for ch in _OTHER_BREAKS):
            return text.splitlines()
        return [raw.decode(codec).rstrip("\r\n") for raw in raws]
    except UnicodeDecodeError as exc:
        line = before + data[: exc.start].count(b"\n") + 1
        label = Encoding(codec).label
        raise InputError(
            f"{path}:{line}: this line is not valid {label} like the lines before it; the file "
            "mixes encodings. Re-save it as UTF-8 and run again."
        ) from None


def _text_blocks(source: TrackingFile) -> Iterator[Block]:
    """UTF-16: decoded by the io layer, each line encoded again for its bytes."""
    codec = source.encoding.codec
    text = io.TextIOWrapper(source.handle, encoding=codec, newline="")
    raws: list[bytes] = []
    texts: list[str] = []
    number = 0
    with text:
        try:
            for number, line in enumerate(text, start=1):  # noqa: B007 (used in the error)
                raws.append(line.encode(codec))
                if line.endswith("\r\n"):
                    texts.append(line[:-2])
                else:
                    texts.append(line[:-1] if line.endswith(("\n", "\r")) else line)
                if len(raws) >= 4096:
                    yield Block(raws, texts)
                    raws, texts = [], []
        except UnicodeDecodeError:
            raise InputError(
                f"{source.path}:{number + 1}: this line is not valid UTF-16 like the lines "
                "before it; re-save the file as UTF-8 or Unicode Text and run again."
            ) from None
    if raws:
        yield Block(raws, texts)
