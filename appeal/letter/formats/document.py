"""The letter's Markdown parsed into a few block types that every writer walks.

Only the subset the template uses exists: headings, paragraphs, bullet and numbered lists,
tables, and inline bold / italic / code / line breaks. Backslash escapes are resolved here, so
writers receive the user's text exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its emphasis; `text == "\\n"` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


Inline = list[Run]


@dataclass
class Heading:
    level: int
    runs: Inline


@dataclass
class Paragraph:
    runs: Inline


@dataclass
class ListBlock:
    ordered: bool
    items: list[Inline] = field(default_factory=list)


@dataclass
class Table:
    header: list[Inline]
    rows: list[list[Inline]] = field(default_factory=list)


Block = Heading | Paragraph | ListBlock | Table


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def joined(runs: Inline) -> Inline:
    """Neighbouring runs of the same emphasis as one run: the same letter gives the same
    blocks whichever reader read it."""
    out: Inline = []
    for run in runs:
        last = out[-1] if out else None
        if (
            last is not None
            and "\n" not in (run.text, last.text)
            and (last.bold, last.italic, last.code) == (run.bold, run.italic, run.code)
        ):
            out[-1] = Run(last.text + run.text, run.bold, run.italic, run.code)
        else:
            out.append(run)
    return out


def _runs(children: list[Any]) -> Inline:
    runs: Inline = []
    bold = italic = False
    for tok in children:
        kind = tok.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n"))
        elif kind == "code_inline":
            runs.append(Run(tok.content, bold, italic, code=True))
        elif tok.content:
            runs.append(Run(tok.content, bold, italic))
    return joined(runs)


def parse_markdown(text: str) -> list[Block]:
    """Parse the letter's Markdown into blocks. The same letter is often parsed by several
    readers in a row (the checks count its words, a writer or the web preview lays it out):
    the last few parses are kept. Writers only read blocks, never change them."""
    return list(_parsed(text))


@lru_cache(maxsize=16)
def _parsed(text: str) -> tuple[Block, ...]:
    from appeal.letter.formats.quickmd import read_blocks

    quick = read_blocks(text)  # our template's plain Markdown, read without markdown-it
    return tuple(quick) if quick is not None else markdown_it_blocks(text)


def markdown_it_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of any Markdown, read by markdown-it."""
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    lists: list[ListBlock] = []
    table: Table | None = None
    row: list[Inline] | None = None
    in_head = False
    pending: Literal["heading", "paragraph", None] = None
    level = 0
    for tok in tokens:
        kind = tok.type
        if kind == "heading_open":
            pending, level = "heading", int(tok.tag[1])
        elif kind == "paragraph_open":
            pending = "paragraph"
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(ListBlock(ordered=kind == "ordered_list_open"))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            blocks.append(lists.pop())
        elif kind == "list_item_open" and lists:
            lists[-1].items.append([])
        elif kind == "table_open":
            table = Table(header=[])
        elif kind == "table_close" and table is not None:
            blocks.append(table)
            table = None
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None and row is not None:
            if in_head:
                table.header = row
            else:
                table.rows.append(row)
            row = None
        elif kind == "inline":
            runs = _runs(tok.children or [])
            if row is not None:
                row.append(runs)
            elif lists:
                item = lists[-1].items[-1]
                if item:
                    item.append(Run("\n"))
                item.extend(runs)
            elif pending == "heading":
                blocks.append(Heading(level, runs))
            else:
                blocks.append(Paragraph(runs))
            pending = None
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph([Run(tok.content.rstrip("\n"), code=True)]))
    return tuple(blocks)


def plain(runs: Inline) -> str:
    """The text of some runs, emphasis dropped."""
    return "".join(run.text for run in runs)


def inline_plain_text(markdown: str) -> str:
    """Plain text of one line of Markdown (escapes resolved, emphasis dropped)."""
    blocks = parse_markdown(markdown)
    return "\n".join(plain(b.runs) for b in blocks if isinstance(b, Paragraph | Heading))
