"""A reader for the plain Markdown appeal's own templates write, without markdown-it.

Importing markdown-it costs about as much as everything else a text render does beyond
reading the case (its HTML entity table and rule modules), and a letter from our template uses
a small, regular part of CommonMark: blocks separated by blank lines (a one-line heading, a
list, a pipe table, a paragraph), `**bold**` spanning a whole line, backslash escapes and hard
line breaks, with every character of the seller's text escaped. This module reads exactly that
and answers None for anything else (a seller's own template, a construct it does not know, an
unescaped special character), which `document.py` then gives to markdown-it. Where it answers,
its blocks are markdown-it's (tests/test_quickmd.py checks that on generated documents).
"""

from __future__ import annotations

import re

from appeal.letter.formats.document import (
    Block,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Run,
    Table,
    joined,
)

_HEADING = re.compile(r"(#{1,6})(?:[ \t].*)?")
_BULLET = re.compile(r"([-+*]) ")
_ORDERED = re.compile(r"(\d{1,9})([.)]) ")
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
# A line whose first character could open a block of its own (a "**" that opens bold text
# does not): not plain paragraph or item text.
_BLOCK_START = re.compile(r"[ \t]*(?:[#>|<`~=_+-]|\*(?!\*[^\s*])|\d{1,9}[.)](?:[ \t]|$))|[ \t]{4}")
# Outside escapes, nothing but text may be special: links, code, HTML, entities, emphasis.
_SPECIAL = frozenset("*_`[]<&!~")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class _Unknown(Exception):
    """Something outside the subset: markdown-it reads this text."""


def read_blocks(text: str) -> list[Block] | None:
    """The blocks of `text`, or None when it leaves the subset this module reads."""
    if "\r" in text or "\0" in text:
        return None
    blocks: list[Block] = []
    marker = None  # the list marker of the block before, when it was a list
    try:
        for lines in _chunks(text):
            block = _block(lines)
            item = _item(lines[0]) if isinstance(block, ListBlock) else None
            kind = item[0] if item else None
            last = blocks[-1] if blocks else None
            if isinstance(block, ListBlock) and isinstance(last, ListBlock) and kind == marker:
                last.items.extend(block.items)  # a blank line inside one (loose) list
            else:
                blocks.append(block)
            marker = kind
    except _Unknown:
        return None
    return blocks


def _item(line: str) -> tuple[str, str] | None:
    """A list item's marker ("-", "*", "+", or "1." / "1)" for any number) and its text."""
    bullet = _BULLET.match(line)
    if bullet:
        return bullet.group(1), line[bullet.end() :]
    ordered = _ORDERED.match(line)
    return ("1" + ordered.group(2), line[ordered.end() :]) if ordered else None


def _chunks(text: str) -> list[list[str]]:
    """The runs of non-blank lines between blank ones."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip(" \t"):
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _block(lines: list[str]) -> Block:
    first = lines[0]
    if first[:1] in " \t":
        raise _Unknown  # indentation: code, or a nested structure
    heading = _HEADING.fullmatch(first)
    if heading:
        if len(lines) > 1:
            raise _Unknown
        return _heading(heading.group(1), first[len(heading.group(1)) :])
    if first.startswith("|"):
        return _table(lines)
    if _item(first) is not None:
        return _list(lines)
    if any(_BLOCK_START.match(line) for line in lines):
        raise _Unknown
    return Paragraph(_inline("\n".join(lines)))


def _heading(marks: str, rest: str) -> Heading:
    """An ATX heading; a closing run of "#" after a space is not text."""
    rest = rest.rstrip(" \t")
    cut = len(rest.rstrip("#"))
    if cut and rest[cut - 1] in " \t":
        rest = rest[:cut]
    return Heading(len(marks), _inline(rest))


def _list(lines: list[str]) -> ListBlock:
    first = _item(lines[0])
    assert first is not None  # _block saw a marker
    marker = first[0]
    items: list[list[str]] = []
    for line in lines:
        item = _item(line)
        if item is not None and item[0] == marker:
            content = item[1]
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if not content.strip() or "\t" in indent or _BLOCK_START.match(content):
                raise _Unknown  # an empty item, tab stops, or a block (code, a list ...) in one
            items.append([content])
        elif _BLOCK_START.match(line) or not items:
            raise _Unknown
        else:
            items[-1].append(line)  # the item's text goes on (after a line break)
    ordered = marker[0] == "1"
    return ListBlock(ordered=ordered, items=[_inline("\n".join(item)) for item in items])


def _cells(line: str) -> list[str]:
    """A table row's cells as markdown-it splits them: at each pipe not right after a
    backslash (that backslash dropped), the empty cell before a leading and after a trailing
    pipe left out."""
    cells: list[str] = []
    current = ""
    last = 0
    for index, char in enumerate(line):
        if char == "|":
            if index and line[index - 1] == "\\":
                current += line[last : index - 1]
                last = index
            else:
                cells.append(current + line[last:index])
                current = ""
                last = index + 1
    cells.append(current + line[last:])
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _table(lines: list[str]) -> Table:
    delimiter = lines[1].strip() if len(lines) > 1 else ""
    if "|" not in delimiter or not _DELIMITER_ROW.fullmatch(delimiter):
        raise _Unknown
    header = _cells(lines[0].strip())
    if len(header) != len(_cells(delimiter)):
        raise _Unknown
    rows = []
    for line in lines[2:]:
        if not line.startswith("|"):
            raise _Unknown
        cells = _cells(line.strip())
        rows.append([_inline(cell) for cell in cells[: len(header)]])
        rows[-1] += [[] for _ in range(len(header) - len(rows[-1]))]
    return Table(header=[_inline(cell) for cell in header], rows=rows)


def _inline(text: str) -> Inline:
    """Inline text: escapes resolved, line breaks, and `**bold**`. The text is stripped
    first, as markdown-it strips a paragraph, a heading or a cell."""
    lines = text.strip().split("\n")
    runs: Inline = []
    bold = False
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        if number:
            line = line.lstrip(" \t")  # a new line's indentation is not text
        if not last:
            bare = line.rstrip(" ")
            if bare != line and bare.endswith("\\") and _escaped_end(bare):
                raise _Unknown  # "\\ " is one token for markdown-it: its space is text
            if line.endswith("\\") and _escaped_end(line):
                line = line[:-1]  # backslash + line end: a hard break
            elif line.endswith("  "):
                line = line.rstrip(" ")  # two spaces + line end: a hard break
            elif line.endswith(" "):
                line = line[:-1]
        bold = _scan(line, bold, runs)
        if not last:
            runs.append(Run("\n"))
    if bold:
        raise _Unknown  # a "**" never closed
    return joined(runs)


def _scan(line: str, bold: bool, runs: Inline) -> bool:
    """Add the runs of one line; answer whether bold is still open at its end. A "**" counts
    only where CommonMark cannot read it two ways: opening after a space (or the line's start)
    before text, closing after text before a space (or the line's end)."""
    out: list[str] = []
    index, end = 0, len(line)
    escaped = False  # the character before was written with a backslash (not a delimiter)
    while index < end:
        char = line[index]
        if char == "\\" and index + 1 < end and line[index + 1] in _ESCAPABLE:
            out.append(line[index + 1])
            index += 2
            escaped = True
            continue
        if char == "*" and line[index : index + 2] == "**":
            before = line[index - 1] if index else " "
            after = line[index + 2] if index + 2 < end else " "
            opens = before == " " and not after.isspace() and after != "*"
            closes = after == " " and not before.isspace() and (before != "*" or escaped)
            if (opens and bold) or (closes and not bold) or opens == closes:
                raise _Unknown
            if out:
                runs.append(Run("".join(out), bold=bold))
                out = []
            bold = opens
            index += 2
            escaped = False
            continue
        if char in _SPECIAL:
            raise _Unknown
        out.append(char)
        index += 1
        escaped = False
    if out:
        runs.append(Run("".join(out), bold=bold))
    return bold


def _escaped_end(text: str) -> bool:
    """Whether the character closing `text` is itself (not escaped by a backslash)."""
    backslashes = len(text) - 1 - len(text[:-1].rstrip("\\"))
    return backslashes % 2 == 0
