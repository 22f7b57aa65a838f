"""Reading the letter files `appeal render` writes as a reader sees them."""

from __future__ import annotations

import email
import io
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from appeal.letter.formats.document import parse_markdown
from appeal.letter.formats.txt import blocks_to_text


def docx_text(data: bytes) -> str:
    """The paragraphs, then the table cells, of a .docx."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def eml_message(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def eml_body(path: Path) -> str:
    body = eml_message(path).get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert isinstance(text, str)
    return text


def format_texts(folder: Path, stem: str) -> dict[str, str]:
    """Every letter file of `stem` in `folder`, as text: the .md read as Markdown, the .docx's
    paragraphs and cells, the e-mail's body; the form and the reading copy as written."""
    texts: dict[str, str] = {}
    for fmt, suffix in [("txt", ".txt"), ("form", ".form.txt"), ("zh", ".zh.txt")]:
        if (folder / f"{stem}{suffix}").exists():
            texts[fmt] = (folder / f"{stem}{suffix}").read_text(encoding="utf-8")
    if (folder / f"{stem}.md").exists():
        md = (folder / f"{stem}.md").read_text(encoding="utf-8")
        texts["md"] = blocks_to_text(parse_markdown(md))
    if (folder / f"{stem}.docx").exists():
        texts["docx"] = docx_text((folder / f"{stem}.docx").read_bytes())
    if (folder / f"{stem}.eml").exists():
        texts["eml"] = eml_body(folder / f"{stem}.eml")
    return texts
