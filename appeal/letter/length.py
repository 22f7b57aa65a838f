"""How long the letter is, in pages of the .docx as our reference document lays it out.

Reviewers read for a few minutes: two pages for up to three causes. The estimate needs no word
processor: it lays the blocks out line by line with the default style's fonts, spacing and
margins (scripts/make_reference_docx.py) and an average character width for Calibri, and was
checked against LibreOffice's page counts of every example (tests/test_render.py).
"""

from __future__ import annotations

import math

from appeal.letter.formats.document import Block, Heading, ListBlock, Paragraph, Table, plain

CM = 72 / 2.54  # points per centimetre
PAGES = {"letter": (8.5 * 72, 11 * 72), "a4": (21.0 * CM, 29.7 * CM)}
MARGIN_SIDE, MARGIN_TOP = 2.0 * CM, 1.8 * CM  # as in templates/reference.docx
BODY_PT, LINE = 10.5, 1.17  # font size; line height in ems (Calibri's ascent + descent + gap)
CHAR_EM = 0.42  # average width of a character of English text in Calibri, in ems
HEADINGS = {1: (12.5, 9, 2), 2: (12.5, 9, 2), 3: (10.5, 5, 2)}  # size, space before, after
PARAGRAPH_AFTER, LIST_AFTER, LIST_INDENT = 4.0, 2.0, 0.635 * CM
CELL_PADDING = 0.38 * CM  # left + right cell margins of a table cell


def _lines(text: str, width: float, size: float = BODY_PT) -> int:
    """Lines `text` takes in a column `width` points wide (each hard break starts a line)."""
    per_line = max(1, int(width / (size * CHAR_EM)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _table_height(table: Table, width: float) -> float:
    rows = [table.header, *table.rows]
    needs = [
        max(len(plain(r[i])) if i < len(r) else 0 for r in rows) + 2
        for i in range(len(table.header))
    ]
    widths = [width * n / sum(needs) - CELL_PADDING for n in needs]
    height = 0.0
    for row in rows:
        lines = max(_lines(plain(cell), w) for cell, w in zip(row, widths, strict=False))
        height += lines * BODY_PT * LINE + PARAGRAPH_AFTER + 1
    return height + BODY_PT * LINE + PARAGRAPH_AFTER  # the empty paragraph after the table


def estimate_pages(blocks: list[Block], paper: str) -> float:
    """The letter's length in pages (1.5 = a page and a half) at the default style."""
    page_width, page_height = PAGES[paper]
    width = page_width - 2 * MARGIN_SIDE
    usable = page_height - 2 * MARGIN_TOP
    line = BODY_PT * LINE
    height = 0.0
    for block in blocks:
        if isinstance(block, Heading):
            size, before, after = HEADINGS.get(block.level, HEADINGS[3])
            height += before + _lines(plain(block.runs), width, size) * size * LINE + after
        elif isinstance(block, Paragraph):
            height += _lines(plain(block.runs), width) * line + PARAGRAPH_AFTER
        elif isinstance(block, ListBlock):
            for item in block.items:
                height += _lines(plain(item), width - LIST_INDENT) * line + LIST_AFTER
        elif isinstance(block, Table):
            height += _table_height(block, width)
    return height / usable


def allowed_pages(causes: int) -> int:
    """Two pages for up to three causes, a page more beyond."""
    return 2 if causes <= 3 else 3
