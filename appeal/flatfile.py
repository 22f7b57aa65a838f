"""Seller Central tab-separated files: encoding detection, header detection, streaming rows.

Lines are kept as Amazon wrote them (their endings included) so that a corrected file can be
written back byte for byte except for the cells that were changed.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple, cast

from appeal.errors import InputError
from appeal.fsio import open_binary, unreadable

_SAMPLE = 1 << 20  # bytes looked at to pick the encoding
_GZIP_MAGIC = b"\x1f\x8b"
# cp932 is Shift_JIS as Windows and Seller Central JP write it (with ㈱, ① and the like).
_CANDIDATES = ("cp932", "gbk", "cp1252")
_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


@dataclass(frozen=True)
class Encoding:
    codec: str  # Python codec name
    bom: bool = False

    @property
    def label(self) -> str:
        names = {
            "utf-8": "UTF-8",
            "cp932": "Shift_JIS",
            "gbk": "GBK",
            "cp1252": "Windows-1252",
            "utf-16-le": "UTF-16",
            "utf-16-be": "UTF-16 (big-endian)",
        }
        return names.get(self.codec, self.codec) + (" with BOM" if self.bom else "")

    @property
    def bom_bytes(self) -> bytes:
        """The byte-order mark the file starts with (empty when it has none)."""
        return _BOMS[self.codec] if self.bom else b""


_CP1252_PUNCTUATION = frozenset("€‚„…–—‘’“”•")
_ASCII = re.compile(r"[\x00-\x7f]+")
_AFTER_LETTER = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]")  # right after an ASCII letter
_RUN_OF_3 = re.compile(r"[^\x00-\x7f]{3,}")  # ÑàÎÄ: Chinese read as Windows-1252


def _plausibility(text: str, codec: str) -> int:
    """How natural the non-ASCII text looks in `codec`: kana, Han and full-width forms for
    Shift_JIS; the common Han of GB2312 and full-width forms for GBK; accented letters in words
    for Windows-1252 (never three in a row); anything else counts against it. A two-byte
    character whose second byte is an ASCII letter, right after an ASCII letter, is a Latin
    word read wrongly (Windows-1252 "Hermès" as GBK "Herm鑣"), never Chinese or Japanese."""
    seen = Counter(_ASCII.sub("", text))  # counted in C: the sample is up to a megabyte
    after = Counter(_AFTER_LETTER.findall(text))
    score = sum(
        _score(ch, codec, False) * (n - after[ch]) + _score(ch, codec, True) * after[ch]
        for ch, n in seen.items()
    )
    if codec == "cp1252":  # three accented letters in a row: no European word has them
        score -= 2 * sum(map(len, _RUN_OF_3.findall(text)))
    return score


def _score(ch: str, codec: str, after_letter: bool) -> int:
    code = ord(ch)
    if codec == "cp1252":
        good = 0xC0 <= code <= 0xFF and ch not in "×÷"
        if good or ch in _CP1252_PUNCTUATION:
            return 2 if good and after_letter else 1
        return -2
    raw = ch.encode(codec)
    if after_letter and len(raw) == 2 and chr(raw[1]).isalpha() and raw[1] < 0x80:
        return -3
    wide = 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E  # 、。「」 and ＡＢＣ１２３
    han = 0x4E00 <= code <= 0x9FFF
    if codec == "cp932":
        if 0x3040 <= code <= 0x30FF:  # hiragana and katakana
            return 2
        if han or wide:
            return 1
        if 0xFF61 <= code <= 0xFF9F or 0x2460 <= code <= 0x24FF or 0x3200 <= code <= 0x33FF:
            return 0  # half-width katakana, ①, ㈱: Japanese, but rare
        return 0 if len(raw) == 2 else -2  # ※, ○, Greek ...: in Japanese text, not telling
    if han or wide:  # GBK: Han outside GB2312 is what Shift_JIS bytes read as GBK give
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return -1
        return 1
    return 0 if len(raw) == 2 else -2


def detect_encoding(sample: bytes, name: str) -> Encoding:
    """UTF-8 (with or without BOM) when it decodes; UTF-16 with a BOM (Excel's "Unicode
    Text"); otherwise the legacy encoding the bytes look most like (Shift_JIS, GBK,
    Windows-1252)."""
    for codec, bom in _BOMS.items():
        if sample.startswith(bom):
            return Encoding(codec, bom=True)
    if b"\x00" in sample:
        raise InputError(
            f"{name}: holds NUL bytes, so it is not plain text: UTF-16 without its byte-order "
            "mark, or not a text file at all. Save it as UTF-8 text (or Excel's Unicode Text) "
            "and run again."
        )
    try:
        sample.decode("utf-8")
        return Encoding("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a character cut by the sample's end
            return Encoding("utf-8")
    best: tuple[int, str] | None = None
    for codec in _CANDIDATES:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text, codec)
        if best is None or score > best[0]:
            best = (score, codec)
    if best is None:
        raise InputError(
            f"{name}: the text encoding is not recognised (not UTF-8, Shift_JIS, "
            "GBK or Windows-1252); save it as UTF-8 and run again."
        )
    return Encoding(best[1])


class Line(NamedTuple):
    """One physical line: its number, its text without the ending, and the ending."""

    number: int
    text: str
    ending: str


def read_lines(path: Path, encoding: Encoding | None = None) -> tuple[Encoding, Iterator[Line]]:
    """Open `path`, pick its encoding, and stream its lines (CRLF, LF or CR kept)."""
    chosen, handle = _open(path, encoding)
    return chosen, _lines(handle, chosen, path)


def open_text(path: Path, encoding: Encoding) -> io.TextIOWrapper:
    """`path` as text in `encoding`, line endings kept: the fastest way through a million
    lines when their endings do not matter. Wrap the reading in `except STREAM_ERRORS` and
    raise `stream_error(...)`."""
    handle = _open(path, encoding)[1]
    return io.TextIOWrapper(handle, encoding=encoding.codec, newline="")


def _open(path: Path, encoding: Encoding | None) -> tuple[Encoding, BinaryIO]:
    handle = open_binary(path)
    try:
        if handle.read(2) == _GZIP_MAGIC:  # SP-API documents are often saved compressed
            handle.close()
            handle = cast(BinaryIO, gzip.open(path, "rb"))  # noqa: SIM115 (closed by _lines)
        handle.seek(0)
        sample = handle.read(_SAMPLE)
        handle.seek(0)
    except (EOFError, zlib.error, OSError) as exc:
        handle.close()
        if isinstance(exc, OSError) and not isinstance(exc, gzip.BadGzipFile):
            raise unreadable(path, exc) from None
        raise InputError(_damaged(path, _lines_before_damage(path))) from None
    chosen = encoding or detect_encoding(sample, str(path))
    handle.read(len(chosen.bom_bytes))
    return chosen, handle


STREAM_ERRORS = (UnicodeDecodeError, EOFError, zlib.error, gzip.BadGzipFile)


def stream_error(exc: Exception, path: Path, encoding: Encoding, line: int) -> InputError:
    """The located message for an error met reading line `line` of `path`."""
    if isinstance(exc, UnicodeDecodeError):
        return InputError(
            f"{path}:{line}: text near this line is not valid {encoding.label} like "
            "the lines before it; the file mixes encodings. Re-save it as UTF-8."
        )
    return InputError(_damaged(path, line))


def _lines(handle: BinaryIO, encoding: Encoding, path: Path) -> Iterator[Line]:
    # Decoding in the io layer is several times faster than line by line; newline="" keeps
    # each line's own ending (CRLF, LF or CR).
    text = io.TextIOWrapper(handle, encoding=encoding.codec, newline="")
    number = 0
    with text:
        try:
            # tuple.__new__ builds the NamedTuple without its Python-level constructor: this
            # runs once per line of files with a million lines.
            make = tuple.__new__
            for number, raw in enumerate(text, start=1):
                if raw.endswith("\r\n"):
                    yield make(Line, (number, raw[:-2], "\r\n"))
                elif raw.endswith(("\n", "\r")):
                    yield make(Line, (number, raw[:-1], raw[-1]))
                else:
                    yield make(Line, (number, raw, ""))
        except STREAM_ERRORS as exc:
            raise stream_error(exc, path, encoding, number + 1) from None


def _lines_before_damage(path: Path) -> int:
    """The line where a damaged gzip file stops making sense (1 + the lines it gives)."""
    unpack = zlib.decompressobj(wbits=31)
    try:
        return 1 + unpack.decompress(path.read_bytes()).count(b"\n")
    except zlib.error:
        return 1


def _damaged(path: Path, line: int) -> str:
    return (
        f"{path}:{line}: the gzip-compressed file ends early or is damaged (a download cut "
        "short?); download the report again."
    )


SHIPPING_CONFIRMATION_COLUMNS = ("order-id", "tracking-number")
_SEPARATORS = {",": "comma-separated", ";": "semicolon-separated"}


def other_separator(text: str, required: tuple[str, ...]) -> str | None:
    """How `text` separates the `required` column names when not by tabs: "comma-separated"
    (Excel's CSV) or "semicolon-separated" (Excel's CSV where the decimal mark is a comma);
    None when it does not hold them that way."""
    for separator, name in _SEPARATORS.items():
        cells = [c.strip().strip('"').strip().lower() for c in text.split(separator)]
        if len(cells) > 1 and all(col in cells for col in required):
            return name
    return None


def not_tab_separated(path: Path, line: int, how: str, kind: str) -> InputError:
    """The message for a file re-saved by Excel as CSV: Amazon reads and writes tabs."""
    return InputError(
        f"{path}:{line}: the columns are {how} (a CSV file, as Excel saves it); Amazon's {kind} "
        "is tab-delimited, and a CSV file is not what Seller Central takes or gives. In Excel: "
        "File > Save As > 'Text (Tab delimited) (*.txt)' or 'Unicode Text (*.txt)', then run "
        "appeal on that file (or use the file as Seller Central gave it)."
    )


def find_header(
    lines: Iterator[Line], required: tuple[str, ...], *, look: int = 10
) -> tuple[list[Line], Line | None, Iterator[Line]]:
    """Lines before the header, the header line (None if absent in the first `look` lines),
    and the remaining lines. Template rows above the header are kept as they are."""
    before: list[Line] = []
    for line in lines:
        cells = [c.strip().lower() for c in line.text.split("\t")]
        if all(col in cells for col in required):
            return before, line, lines
        before.append(line)
        if len(before) >= look:
            break
    return before, None, lines


# A cell Excel saves with a line break in it (Alt+Enter) is written in double quotes and goes on
# on the next line. A row is read across lines only when its first line has fewer cells than the
# header and ends inside such a cell; Amazon's own files never quote, and their rows are whole.
QUOTED_LINES = 20  # lines one row may run over


def split_quoted(text: str) -> tuple[list[str], list[str]] | None:
    """The cells of a row as Excel writes tab-separated text: a cell that starts with a double
    quote runs to the quote before the next tab or the end of the row, `""` in it being one
    quote; any other quote is text. Returns the cells as written and their values; None while a
    quoted cell is still open at the end of `text` (the row goes on on the next line)."""
    written: list[str] = []
    values: list[str] = []
    at, end = 0, len(text)
    while True:
        if text.startswith('"', at):
            close = _closing_quote(text, at + 1)
            if close < 0:
                return None
            if close < end and (close + 1 == end or text[close + 1] == "\t"):
                written.append(text[at : close + 1])
                values.append(text[at + 1 : close].replace('""', '"'))
                if close + 1 == end:
                    return written, values
                at = close + 2
                continue
        tab = text.find("\t", at)
        cell = text[at:] if tab < 0 else text[at:tab]
        written.append(cell)
        values.append(cell)
        if tab < 0:
            return written, values
        at = tab + 1


def _closing_quote(text: str, at: int) -> int:
    """Where the quoted cell opened before `at` closes: the index of its closing quote, `len(text)`
    when a quote closes it but text follows (a quote inside plain text: not a quoted cell), -1
    when it is still open at the end."""
    while True:
        quote = text.find('"', at)
        if quote < 0:
            return -1
        if text.startswith('"', quote + 1):
            at = quote + 2  # "" is one quote inside the cell
            continue
        if quote + 1 == len(text) or text[quote + 1] == "\t":
            return quote
        return len(text)


def open_quote(path: Path, line: int, width: int, cells: int | None) -> InputError:
    """The message for a row whose quoted cell never closes (or, closed, makes the row longer
    than the header)."""
    if cells is None:
        what = f"does not end within {QUOTED_LINES} lines"
    else:
        what = f"ends only after the row has {cells} cells, more than the header's {width}"
    return InputError(
        f"{path}:{line}: a cell here starts with a double quote, as Excel writes a cell with a "
        f"line break in it, but the quoted cell {what}. Remove the stray quote (or the line "
        "break in the cell) and save the file again as tab-delimited text."
    )


def rejoin(
    first: str, more: Iterator[str], width: int, where: tuple[Path, int]
) -> tuple[list[str], int]:
    """The values of the row whose first line is `first`, with as many of the lines `more`
    gives as its open quoted cell needs (line endings kept in both: the one inside the cell is
    part of its value), and how many lines it took from `more`; `width` is the number of header
    cells. Raises InputError when the quoted cell never closes."""
    text = first
    for taken in range(1, QUOTED_LINES + 1):
        line = next(more, None)
        if line is None:
            break
        text += line
        split = split_quoted(text.rstrip("\r\n"))
        if split is not None:
            if len(split[1]) > width:
                raise open_quote(*where, width, len(split[1]))
            return split[1], taken
    raise open_quote(*where, width, None)
