"""An unsent e-mail draft (.eml) to the appeals address, with the .docx and evidence attached.

The message is written here line by line rather than by the `email` package, which re-parses
the values it is given (see `mailheaders`): every header is one the app sets, every value reads
back as the user typed it. The bytes depend only on the content (the boundary is a hash of it),
so the same case on the same day gives the same file.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime

from appeal.letter.formats.mailheaders import (
    file_name_parameters,
    legacy_name_parameter,
    mailbox,
    safe_file_name,
    unstructured,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Attachment:
    """A file attached to the draft; `name` is shown to the recipient (made safe to save)."""

    name: str
    data: bytes
    content_type: str = "application/octet-stream"


def _quoted_printable(text: str) -> str:
    from email import quoprimime

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # quoprimime works on text whose characters are bytes: give it the UTF-8 bytes as latin-1.
    latin = "\n".join(lines).encode("utf-8").decode("latin-1")
    return quoprimime.body_encode(latin, maxlinelen=76, eol="\r\n")


def _base64_lines(data: bytes) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return "\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


def _part(headers: list[str], payload: str) -> str:
    return "\r\n".join(headers) + "\r\n\r\n" + payload + "\r\n"


def write_eml(
    *,
    to: str,
    sender_name: str,
    sender_email: str | None,
    subject: str,
    body: str,
    letter_date: dt.date,
    attachments: Sequence[Attachment] = (),
) -> bytes:
    """The draft as bytes. `X-Unsent: 1` makes Outlook and Thunderbird open it for editing."""
    headers = [mailbox("To", "", to)]
    if sender_email:
        headers.append(mailbox("From", sender_name, sender_email))
    headers += [
        unstructured("Subject", subject),
        "Date: " + format_datetime(dt.datetime.combine(letter_date, dt.time(9, 0), tzinfo=dt.UTC)),
        "X-Unsent: 1",
        "MIME-Version: 1.0",
    ]
    text_headers = [
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    text = _quoted_printable(body)
    if not attachments:
        return _part(headers + text_headers, text).encode("ascii")
    parts = [_part(text_headers, text)]
    for attachment in attachments:
        name = safe_file_name(attachment.name)
        parts.append(
            _part(
                [
                    f"Content-Type: {attachment.content_type};\r\n {legacy_name_parameter(name)}",
                    "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment"
                    + "".join(f";\r\n {p}" for p in file_name_parameters("filename", name)),
                ],
                _base64_lines(attachment.data),
            )
        )
    # Quoted-printable and base64 never produce "=_", so this boundary cannot occur in a part.
    boundary = "=_appeal_" + hashlib.sha256("".join(parts).encode("ascii")).hexdigest()[:32]
    headers.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
    body_parts = "".join(f"--{boundary}\r\n{part}" for part in parts)
    return ("\r\n".join(headers) + "\r\n\r\n" + body_parts + f"--{boundary}--\r\n").encode("ascii")
