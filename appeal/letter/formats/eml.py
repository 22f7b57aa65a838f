"""An unsent e-mail draft (.eml) to the appeals address, with the .docx attached."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr


def write_eml(
    *,
    to: str,
    sender_name: str,
    sender_email: str | None,
    subject: str,
    body: str,
    letter_date: dt.date,
    attachment: bytes | None,
    attachment_name: str,
) -> bytes:
    """The draft as bytes. `X-Unsent: 1` makes Outlook and Thunderbird open it for editing."""
    message = EmailMessage(policy=SMTP)
    message["To"] = to
    if sender_email:
        message["From"] = formataddr((sender_name, sender_email))
    message["Subject"] = subject
    message["Date"] = format_datetime(
        dt.datetime.combine(letter_date, dt.time(9, 0), tzinfo=dt.UTC)
    )
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    if attachment is not None:
        message.add_attachment(
            attachment,
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
            filename=attachment_name,
        )
    return message.as_bytes()
