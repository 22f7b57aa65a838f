"""A .zip archive written from members compressed once: the .docx package.

Most members of a letter's .docx (styles, theme, fonts, footer: 800 kB of XML in our reference
document) are the same for every letter, so they are deflated once per reference document and
their compressed bytes reused; only the few parts that change are compressed per letter. Every
member carries the same fixed time (the letter's date), so the same letter gives the same bytes
("did the seller change the file" can be told from "was it saved again").
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from dataclasses import dataclass

_DEFLATED = 8
_UTF8_NAME = 0x800
_VERSION = 20  # 2.0: deflate


@dataclass(frozen=True)
class Member:
    """One archive member, already deflated (raw deflate stream, as zip stores it)."""

    name: str
    deflated: bytes
    crc: int
    size: int


def deflate(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def _dos_time(moment: dt.datetime) -> tuple[int, int]:
    time = (moment.hour << 11) | (moment.minute << 5) | (moment.second // 2)
    date = ((max(moment.year, 1980) - 1980) << 9) | (moment.month << 5) | moment.day
    return time, date


def write_zip(members: list[Member], moment: dt.datetime) -> bytes:
    """The archive of `members`, in their order, every entry dated `moment`."""
    time, date = _dos_time(moment)
    out = bytearray()
    directory = bytearray()
    for member in members:
        name = member.name.encode("utf-8")
        flags = 0 if member.name.isascii() else _UTF8_NAME
        offset = len(out)
        sizes = (member.crc, len(member.deflated), member.size, len(name))
        out += struct.pack(
            "<4s5H3I2H", b"PK\x03\x04", _VERSION, flags, _DEFLATED, time, date, *sizes, 0
        )
        out += name
        out += member.deflated
        directory += struct.pack(
            "<4s6H3I5H2I",
            b"PK\x01\x02",
            _VERSION,
            _VERSION,
            flags,
            _DEFLATED,
            time,
            date,
            *sizes,
            0,  # extra field
            0,  # comment
            0,  # disk
            0,  # internal attributes
            0,  # external attributes
            offset,
        )
        directory += name
    start = len(out)
    out += directory
    count = len(members)
    out += struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0)
    return bytes(out)
