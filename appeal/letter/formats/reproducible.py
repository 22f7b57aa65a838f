"""Output that depends only on its content: a .zip (the .docx) with fixed entry times.

python-docx stamps each zip entry with the time of saving, so the same letter saved twice gave
different bytes, and "did the user change the file" could not be told from "was it saved again".
The times are set in place (local headers and central directory); the compressed data and its
checksums do not change.
"""

from __future__ import annotations

import datetime as dt
import struct

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_END = b"PK\x05\x06"


def fixed_zip_times(data: bytes, moment: dt.datetime) -> bytes:
    """`data` (a zip archive) with every entry dated `moment` (to the 2 seconds zip keeps)."""
    time = (moment.hour << 11) | (moment.minute << 5) | (moment.second // 2)
    date = ((moment.year - 1980) << 9) | (moment.month << 5) | moment.day
    out = bytearray(data)
    end = out.rfind(_END)
    if end < 0:
        return data
    count, _size, offset = struct.unpack_from("<HII", out, end + 10)
    for _ in range(count):
        if out[offset : offset + 4] != _CENTRAL:
            return data  # not the plain zip python-docx writes: leave it as it is
        struct.pack_into("<HH", out, offset + 12, time, date)
        names, extra, comment = struct.unpack_from("<HHH", out, offset + 28)
        (local,) = struct.unpack_from("<I", out, offset + 42)
        if out[local : local + 4] == _LOCAL:
            struct.pack_into("<HH", out, local + 10, time, date)
        offset += 46 + names + extra + comment
    return bytes(out)
