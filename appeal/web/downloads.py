"""The letter's files for download, made by the same writers `appeal render` uses, in memory:
nothing is written beside the case."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from appeal.core.catalogue import Catalogue
from appeal.letter.content import Letter

MEDIA_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "eml": "message/rfc822",
    "form": "text/plain; charset=utf-8",
    "zh": "text/plain; charset=utf-8",
}


def formats_for(letter: Letter) -> list[str]:
    """The files this case's channel needs (as `appeal render` writes them), the Chinese
    reading copy for a case in Chinese."""
    from appeal.letter.render import CHANNEL_FORMATS

    formats: list[str] = list(CHANNEL_FORMATS[letter.channel.kind])
    if letter.case.lang == "zh":
        formats.append("zh")
    return formats


def finish_context(preview: Any) -> dict[str, Any]:
    """The last step: the files to download and the text to paste, box by box."""
    from appeal.core.catalogue import load_catalogue
    from appeal.letter.formats.document import parse_markdown
    from appeal.letter.formats.form import Box, split_into_boxes
    from appeal.letter.formats.txt import blocks_to_text

    if preview.report is None:
        return {"formats": [], "boxes": []}
    letter = preview.report.letter
    blocks = parse_markdown(letter.markdown)
    if letter.channel.kind == "seller_central":
        closing = parse_markdown(letter.closing) if letter.closing else []
        boxes = split_into_boxes(blocks, load_catalogue().box_titles(), closing)
    else:
        boxes = [Box(letter.subject, blocks_to_text(blocks).strip())]
    return {"formats": formats_for(letter), "boxes": boxes}


def letter_file(path: Path, letter: Letter, fmt: str, catalogue: Catalogue) -> tuple[str, bytes]:
    """(file name, bytes) of the letter in format `fmt`, as `appeal render` would write it."""
    from appeal.letter.evidence import scan_evidence
    from appeal.letter.render import SUFFIX, build_files, reading_copy

    if fmt == "zh":
        name = f"{path.stem}.zh.txt"
        return name, reading_copy(letter, catalogue, path.with_name(name)).data
    planned = build_files(
        letter,
        [fmt],  # type: ignore[list-item]  # checked against formats_for by the caller
        folder=path.parent,
        stem=path.stem,
        box_titles=catalogue.box_titles(),
        evidence=scan_evidence(letter.case, path) if fmt == "eml" else None,
    )
    return f"{path.stem}{SUFFIX[fmt]}", planned[0].data  # type: ignore[index]


def attachment(name: str) -> str:
    """A Content-Disposition value that keeps a Chinese file name (RFC 6266)."""
    ascii_name = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name
    )
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
