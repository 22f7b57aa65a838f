"""Plain text: no hard wraps, `- ` bullets, for pasting into any box."""

from __future__ import annotations

import unicodedata

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
            chunks.append(table_text(block))
    return "\n\n".join(chunks) + "\n"


def _width(text: str) -> int:
    """Columns `text` takes in a monospaced font: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table_text(table: Table) -> str:
    """The table with its columns aligned by spaces, a rule under the header."""
    rows = [[plain(cell).replace("\n", " ") for cell in table.header]]
    rows += [[plain(cell).replace("\n", " ") for cell in row] for row in table.rows]
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    widths = [max(_width(row[i]) for row in rows) for i in range(columns)]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])
