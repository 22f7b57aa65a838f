"""Plain text: no hard wraps, `- ` bullets, for pasting into any box."""

from __future__ import annotations

from appeal.letter.formats.document import Block, Heading, ListBlock, Paragraph, Table, plain


def blocks_to_text(blocks: list[Block]) -> str:
    """Plain text of `blocks`: one line per paragraph, a blank line between blocks."""
    chunks: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            chunks.append(plain(block.runs))
        elif isinstance(block, ListBlock):
            lines = []
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}. " if block.ordered else "- "
                lines.append(marker + plain(item).replace("\n", "\n  "))
            chunks.append("\n".join(lines))
        elif isinstance(block, Table):
            header = [plain(cell) for cell in block.header]
            lines = []
            for row in block.rows:
                cells = [plain(cell) for cell in row]
                pairs = zip(header[1:], cells[1:], strict=False)
                lines.append(f"- {cells[0]}: " + "; ".join(f"{k} {v}" for k, v in pairs))
            chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"
