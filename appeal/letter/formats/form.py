"""The letter split into the boxes of Seller Central's appeal form, with character counts.

The form asks three questions in separate boxes: root cause, actions taken, prevention
(domain.md section 4). The template gives each cause a level-2 heading with three level-3
headings in that order; each box collects that part of every cause. The first box opens with
the letter's opening paragraph (the notice, its reference, the metrics missed) and the metrics
table, the data points Amazon asks for in the root cause. The attachments (any level-2 section
without the three parts) and the signature (the template's block `closing`) stay outside the
boxes: files are uploaded in the form's own field, and the form is sent from the seller's
account. Amazon publishes no character limit for the boxes, so the counts are shown, never a
limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from appeal.letter.formats.document import Block, Heading, Paragraph, Table, plain
from appeal.letter.formats.txt import blocks_to_text


@dataclass(frozen=True)
class Box:
    title: str
    text: str

    @property
    def characters(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class FormText:
    """What goes into the form: the boxes, and what stays outside them."""

    boxes: list[Box]
    outside: list[Block] = field(default_factory=list)  # e.g. the attachments section
    closing: list[Block] = field(default_factory=list)  # the signature


def metrics_lines(table: Table) -> str:
    """The metrics table as one line per row, for a box that shows plain text in any font:
    "- Valid Tracking Rate: 88.4 % (Amazon's target: ≥ 95 %; Window: ...; Source: ...)"."""
    header = [plain(cell) for cell in table.header]
    lines = []
    for row in table.rows:
        cells = [plain(cell).replace("\n", " ").strip() for cell in row]
        if not cells:
            continue
        line = f"- {cells[0]}: {cells[1]}" if len(cells) > 1 else f"- {cells[0]}"
        pairs = [f"{h}: {c}" for h, c in zip(header[2:], cells[2:], strict=False) if c]
        lines.append(line + (f" ({'; '.join(pairs)})" if pairs else ""))
    return "\n".join(lines)


def _without_closing(blocks: list[Block], closing: list[Block]) -> list[Block]:
    if closing and blocks[-len(closing) :] == closing:
        return blocks[: -len(closing)]
    return blocks


def split_form(
    blocks: list[Block],
    titles: Sequence[str],
    closing: Sequence[Block] = (),
    *,
    with_opening: bool = True,
) -> FormText:
    """The boxes (one per part, each cause's heading and that part's content), the opening's
    facts in the first box (unless `with_opening` is False), and the attachments and
    signature apart."""
    closing = list(closing)
    body = _without_closing(blocks, closing)
    parts: list[list[Block]] = [[], [], []]
    opening: list[Block] = []
    outside: list[Block] = []
    cause: Heading | None = None
    section: Heading | None = None  # a level-2 heading without the three parts (yet)
    started = False
    part = -1
    for block in body:
        if isinstance(block, Heading) and block.level <= 2:
            started = True
            cause, section, part = block, block, -1
            if block.level < 2 or not any(r.text.strip() for r in block.runs):
                cause = None
            continue
        if not started:
            opening.append(block)
        elif isinstance(block, Heading) and block.level == 3 and cause is not None:
            section = None
            part += 1
            if 0 <= part < 3:
                parts[part].append(cause)
        elif cause is not None and 0 <= part < 3:
            parts[part].append(block)
        elif section is not None:
            if not outside or outside[-1] is not section:
                outside.append(section)
            outside.append(block)
    boxes = [
        Box(title, blocks_to_text(content).strip())
        for title, content in zip(titles, parts, strict=True)
    ]
    first = _opening_text(opening) if with_opening else ""
    if first:
        boxes[0] = Box(boxes[0].title, f"{first}\n\n{boxes[0].text}".strip())
    return FormText(boxes, outside, closing)


def _opening_text(opening: list[Block]) -> str:
    """The opening's last paragraph (the notice, its reference, the metrics missed) and the
    metrics as lines."""
    paragraphs = [b for b in opening if isinstance(b, Paragraph)]
    chunks = [plain(paragraphs[-1].runs).strip()] if paragraphs else []
    chunks += [metrics_lines(b) for b in opening if isinstance(b, Table)]
    return "\n\n".join(chunk for chunk in chunks if chunk)


def split_into_boxes(
    blocks: list[Block],
    titles: Sequence[str],
    closing: Sequence[Block] = (),
    *,
    with_opening: bool = True,
) -> list[Box]:
    """The text of each box of the form."""
    return split_form(blocks, titles, closing, with_opening=with_opening).boxes


def write_form(
    blocks: list[Block],
    *,
    titles: Sequence[str],
    channel_note: str,
    closing: Sequence[Block] = (),
) -> str:
    """The form file: each box's text under a header line with its character count, then
    what is not pasted into a box (the attachments to upload, the signature)."""
    form = split_form(blocks, titles, closing)
    out = [channel_note, ""]
    for box in form.boxes:
        out.append(f"===== {box.title} ({box.characters} characters) =====")
        out.append(box.text)
        out.append("")
    if form.outside or form.closing:
        out.append("----- Outside the boxes (not counted) -----")
        out.append(blocks_to_text(form.outside + form.closing).strip())
        out.append("")
    return "\n".join(out)
