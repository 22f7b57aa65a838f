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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from appeal.errors import InputError
from appeal.flatfile import QUOTED_LINES, Encoding, detect_encoding, open_quote, split_quoted
from appeal.fsio import open_binary, unreadable

_BLOCK = 1 << 20  # bytes read at a time (also the sample the encoding is picked from)
_LOOK = 10  # lines searched for the column names
HEADER_COLUMNS = ("order-id", "tracking-number")
# The cells a row must reach to be checked: the ones Amazon requires (order-id, ship-date) and
# the ones the check judges. A row ending before one of them was cut short; one that lacks only
# later, optional columns (ship-method, transparency_code ...) is checked.
NEEDED_COLUMNS = ("order-id", "ship-date", "carrier-code", "tracking-number")
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


class Rows(NamedTuple):
    """Consecutive rows of a shipping-confirmation file: their bytes and text (a row whose cell
    Excel quoted because of a line break in it spans several lines, the breaks inside), the
    number of each row's first line, and for rows holding quotes their cells as written and
    their values, for every row of a block where one holds a quote (None: none does)."""

    raws: list[bytes]
    texts: list[str]
    numbers: Sequence[int]
    quoted: dict[int, tuple[list[str], list[str]]] | None


class Columns(NamedTuple):
    """Where the cells that matter are (None: the file has no such column)."""

    order: int | None
    carrier: int | None
    name: int | None
    tracking: int
    ship_date: int | None
    need: int  # cells a row must have to reach every column of NEEDED_COLUMNS there is
    names: tuple[str, ...]  # the column names, as keys (lower case)


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
    width: int = 0  # how many cells the column names row has

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
        elif raw.endswith(b"\r\n"):  # inline, not self.ending(): once per cleaned row
            ending = "\r\n"
        else:
            ending = "\n" if raw.endswith(b"\n") else "\r" if raw.endswith(b"\r") else ""
        if cells is None:
            return (value + ending).encode(codec)
        if codec in _ONE_TO_ONE:  # decoding gave exactly these bytes: rebuild from the text
            cells[index] = value
            return ("\t".join(cells) + ending).encode(codec)
        # e.g. Shift_JIS, where two byte sequences can decode alike: split the bytes (a tab or a
        # quote byte never occurs inside a character of these encodings)
        body = raw[: len(raw) - len(ending)]
        split = split_quoted(body.decode("latin-1")) if b'"' in body else None
        parts = [c.encode("latin-1") for c in split[0]] if split else body.split(b"\t")
        parts[index] = value.encode("ascii")
        return b"\t".join(parts) + ending.encode("ascii")

    def splice_cells(
        self, raw: bytes, text: str, cells: list[str], changes: Sequence[tuple[int, str]]
    ) -> bytes:
        """`splice` for several cells of one line (index, value), ASCII values (a cleaned
        tracking ID, a yyyy-mm-dd date)."""
        if self.encoding.codec in _ONE_TO_ONE:  # rebuilt from `cells`: change all, splice once
            for index, value in changes[:-1]:
                cells[index] = value
            return self.splice(raw, text, cells, *changes[-1])
        for index, value in changes:  # split from the bytes (line ending kept): one by one
            raw = self.splice(raw, text, cells, index, value)
        return raw

    def ending(self, raw: bytes, text: str) -> str:
        """The line ending of the line `raw` (its text `text`)."""
        if not self.bytewise:
            return raw.decode(self.encoding.codec)[len(text) :]
        if raw.endswith(b"\r\n"):
            return "\r\n"
        return "\n" if raw.endswith(b"\n") else "\r" if raw.endswith(b"\r") else ""


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
            source.width = len(cells)
            raws, texts = raws[at + 1 :], texts[at + 1 :]
            source.first_line = at + 2
            break
    source.first_texts = texts[:_LOOK]
    source.blocks = _chain(Block(raws, texts), blocks)
    return source


def table_rows(source: TrackingFile) -> Iterator[Rows]:
    """The rows of a file with column names, block by block. A line with fewer cells than the
    column names that ends inside a quoted cell goes on on the next lines (Excel's cell with a
    line break); Amazon's files never quote, so a block without a quote is passed as it is."""
    number = source.first_line
    held: list[tuple[bytes, str, int]] = []  # the lines of a row still open at a block's end
    for raws, texts in source.blocks:
        if not held and '"' not in "".join(texts):
            yield Rows(raws, texts, range(number, number + len(texts)), None)
            number += len(texts)
            continue
        rows = Rows([], [], [], {})
        for raw, text in zip(raws, texts, strict=True):
            held.append((raw, text, number))
            number += 1
            _settle(source, held, rows)
        yield rows
    if held:
        raise open_quote(source.path, held[0][2], source.width, None)


def _settle(source: TrackingFile, held: list[tuple[bytes, str, int]], rows: Rows) -> None:
    """Move the row in `held` to `rows` once it is whole."""
    assert rows.quoted is not None and isinstance(rows.numbers, list)
    raw, text, number = held[0]
    if len(held) == 1:
        if '"' not in text:
            _add(rows, raw, text, number, (text.split("\t"), text.split("\t")))
            held.clear()
            return
        split = split_quoted(text)
        if split is None and len(text.split("\t")) >= source.width:
            split = text.split("\t"), text.split("\t")  # a whole row: the quote is text
        if split is not None:
            _add(rows, raw, text, number, split)
            held.clear()
        return
    joined = "".join(t + source.ending(r, t) for r, t, _ in held[:-1]) + held[-1][1]
    split = split_quoted(joined)
    if split is None:
        if len(held) > QUOTED_LINES:
            raise open_quote(source.path, number, source.width, None)
        return
    if len(split[0]) > source.width:
        raise open_quote(source.path, number, source.width, len(split[0]))
    _add(rows, b"".join(r for r, _, _ in held), joined, number, split)
    held.clear()


def _add(
    rows: Rows, raw: bytes, text: str, number: int, split: tuple[list[str], list[str]]
) -> None:
    assert rows.quoted is not None and isinstance(rows.numbers, list)
    rows.quoted[len(rows.texts)] = split
    rows.raws.append(raw)
    rows.texts.append(text)
    rows.numbers.append(number)


def _chain(first: Block, rest: Iterator[Block]) -> Iterator[Block]:
    if first.raws:
        yield first
    yield from rest


def _columns(cells: list[str]) -> Columns:
    def at(name: str) -> int | None:
        return cells.index(name) if name in cells else None

    tracking = cells.index(HEADER_COLUMNS[1])
    need = 1 + max(cells.index(name) for name in NEEDED_COLUMNS if name in cells)
    return Columns(
        at("order-id"),
        at("carrier-code"),
        at("carrier-name"),
        tracking,
        at("ship-date"),
        need,
        tuple(cells),
    )


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
