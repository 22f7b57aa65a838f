"""The letter split into the boxes of Seller Central's appeal form, with character counts.

The template gives each cause a level-2 heading with three level-3 headings in Amazon's order:
root cause, actions taken, prevention. Each box collects that part of every cause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from appeal.letter.formats.document import Block, Heading
from appeal.letter.formats.txt import blocks_to_text


@dataclass(frozen=True)
class Box:
    title: str
    text: str

    @property
    def characters(self) -> int:
        return len(self.text)


def split_into_boxes(blocks: list[Block], titles: Sequence[str]) -> list[Box]:
    """Collect, per part, each cause's heading and that part's content."""
    parts: list[list[Block]] = [[], [], []]
    cause: Heading | None = None
    part = -1
    for block in blocks:
        if isinstance(block, Heading) and block.level <= 2:
            cause, part = block, -1
            if block.level < 2 or not any(r.text.strip() for r in block.runs):
                cause = None
            continue
        if isinstance(block, Heading) and block.level == 3 and cause is not None:
            part += 1
            if 0 <= part < 3:
                parts[part].append(cause)
            continue
        if cause is not None and 0 <= part < 3:
            parts[part].append(block)
    return [
        Box(title, blocks_to_text(content).strip())
        for title, content in zip(titles, parts, strict=True)
    ]


def write_form(blocks: list[Block], *, titles: Sequence[str], channel_note: str) -> str:
    """The form file: each box's text under a header line with its character count."""
    out = [channel_note, ""]
    for box in split_into_boxes(blocks, titles):
        out.append(f"===== {box.title} ({box.characters} characters) =====")
        out.append(box.text)
        out.append("")
    return "\n".join(out)
