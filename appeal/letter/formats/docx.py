"""The formal letter as .docx, styled by a reference document (ours or the seller's).

The letter's blocks are written as WordprocessingML into the reference package
(`docxref.Reference`): headings, paragraphs and lists in the reference's own styles, numbered
lists restarted at 1, tables in "Table Grid" sized to their text. No python-docx and no lxml
per letter, which is what makes a thousand letters in one call cheap; tests read every letter
back with python-docx and LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from appeal.letter.formats.document import (
    Block,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Run,
    Table,
    plain,
)
from appeal.letter.formats.docxref import Reference, load_reference
from appeal.letter.formats.ziparchive import deflate, write_zip

LETTER_SIZE_MARKETPLACES = ("amazon.com", "amazon.ca")  # US Letter; A4 elsewhere
_HEADING_STYLE = {1: "heading 1", 2: "heading 1", 3: "heading 2"}
_CODE_FONT = "Consolas"
# Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, and the two
# non-characters): dropped, as no letter text needs them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def default_reference() -> Path:
    from appeal.packaged import template_path

    return template_path("reference.docx")


def _escape(text: str) -> str:
    return _NOT_XML.sub("", text).translate(_ESCAPES)


class _Body:
    """The letter's body as WordprocessingML, written into a list of strings."""

    def __init__(self, reference: Reference, paper: str) -> None:
        self.ref = reference
        self.w = reference.prefix
        self.width = reference.text_width[paper]
        self.out: list[str] = []
        self.restarts: list[int] = []  # the w:numIds added to restart numbered lists

    def style(self, name: str, tag: str = "pStyle") -> str:
        """The reference's style `name` as a paragraph's (or a table's) style element; nothing
        where the reference lacks it."""
        style_id = self.ref.styles.get(name)
        return "" if style_id is None else f'<{self.w}{tag} {self.w}val="{_escape(style_id)}"/>'

    def paragraph(self, runs: Inline, properties: str = "") -> None:
        w = self.w
        self.out.append(f"<{w}p><{w}pPr>{properties}</{w}pPr>" if properties else f"<{w}p>")
        self.runs(runs)
        self.out.append(f"</{w}p>")

    def runs(self, runs: Inline) -> None:
        w = self.w
        open_run = False
        for run in runs:
            if run.text == "\n":  # a line break, also one that opens the paragraph
                if not open_run:
                    self.out.append(f"<{w}r>{self.run_properties(run)}")
                    open_run = True
                self.out.append(f"<{w}br/>")
                continue
            if open_run:
                self.out.append(f"</{w}r>")
            self.out.append(f"<{w}r>{self.run_properties(run)}")
            for number, line in enumerate(run.text.split("\n")):
                if number:
                    self.out.append(f"<{w}br/>")
                for index, piece in enumerate(line.split("\t")):
                    if index:
                        self.out.append(f"<{w}tab/>")
                    if piece:
                        space = ' xml:space="preserve"' if piece != piece.strip() else ""
                        self.out.append(f"<{w}t{space}>{_escape(piece)}</{w}t>")
            open_run = True
        if open_run:
            self.out.append(f"</{w}r>")

    def run_properties(self, run: Run) -> str:
        if not (run.bold or run.italic or run.code):
            return ""
        w = self.w
        font = f'<{w}rFonts {w}ascii="{_CODE_FONT}" {w}hAnsi="{_CODE_FONT}"/>' if run.code else ""
        bold = f"<{w}b/>" if run.bold else ""
        italic = f"<{w}i/>" if run.italic else ""
        return f"<{w}rPr>{font}{bold}{italic}</{w}rPr>"

    def numbered(self, items: list[Inline]) -> None:
        """A numbered list that starts at 1 (Word would otherwise go on from the last one)."""
        w = self.w
        style = self.style("list number")
        restart = self.ref.list_number
        numbering = ""
        if restart is not None and style:
            num_id = restart[0] + len(self.restarts)
            self.restarts.append(num_id)
            numbering = f'<{w}numPr><{w}ilvl {w}val="0"/><{w}numId {w}val="{num_id}"/></{w}numPr>'
        for item in items:
            self.paragraph(item, style + numbering)

    def table(self, block: Table) -> None:
        """Columns as wide as their longest line needs, within the text width, so that a date
        range or a metric name wraps only when it must."""
        w = self.w
        rows = [[[_bold(run) for run in cell] for cell in block.header], *block.rows]
        needs = [
            max(len(plain(row[i])) if i < len(row) else 0 for row in rows) + 2
            for i in range(len(block.header))
        ]
        widths = [self.width * need // sum(needs) for need in needs]
        style = self.style("table grid", "tblStyle")
        self.out.append(
            f'<{w}tbl><{w}tblPr>{style}<{w}tblW {w}type="auto" {w}w="0"/>'
            f'<{w}tblLayout {w}type="fixed"/><{w}tblLook {w}firstColumn="1" {w}firstRow="1" '
            f'{w}lastColumn="0" {w}lastRow="0" {w}noHBand="0" {w}noVBand="1" {w}val="04A0"/>'
            f"</{w}tblPr><{w}tblGrid>"
            + "".join(f'<{w}gridCol {w}w="{width}"/>' for width in widths)
            + f"</{w}tblGrid>"
        )
        for row in rows:
            self.out.append(f"<{w}tr>")
            for index, width in enumerate(widths):
                self.out.append(f'<{w}tc><{w}tcPr><{w}tcW {w}type="dxa" {w}w="{width}"/></{w}tcPr>')
                self.paragraph(row[index] if index < len(row) else [])
                self.out.append(f"</{w}tc>")
            self.out.append(f"</{w}tr>")
        self.out.append(f"</{w}tbl>")
        self.paragraph([])

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.paragraph(block.runs, self.style(_HEADING_STYLE.get(block.level, "heading 2")))
            elif isinstance(block, Paragraph):
                self.paragraph(block.runs)
            elif isinstance(block, ListBlock) and block.ordered:
                self.numbered(block.items)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    self.paragraph(item, self.style("list bullet"))
            elif isinstance(block, Table):
                self.table(block)


def _bold(run: Run) -> Run:
    return Run(run.text, bold=True, italic=run.italic, code=run.code)


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _core_properties(title: str, author: str, moment: dt.datetime) -> bytes:
    """The document properties, written afresh: nothing of the reference's (its author, its
    last printing) is carried into the letter. Word holds at most 255 characters in each."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    title, author = _escape(_shortened(title, 255)), _escape(_shortened(author, 255))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:subject>Plan of Action</dc:subject>"
        f"<dc:creator>{author}</dc:creator><cp:keywords></cp:keywords>"
        f"<dc:description></dc:description><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def _numbering(reference: Reference, restarts: list[int]) -> bytes:
    w = reference.numbering_prefix
    assert reference.list_number is not None  # restarts exist only with a numbered style
    abstract = _escape(reference.list_number[1])
    added = "".join(
        f'<{w}num {w}numId="{num_id}"><{w}abstractNumId {w}val="{abstract}"/>'
        f'<{w}lvlOverride {w}ilvl="0"><{w}startOverride {w}val="1"/></{w}lvlOverride></{w}num>'
        for num_id in restarts
    )
    return reference.numbering_head + added.encode("utf-8") + reference.numbering_tail


def write_docx(
    blocks: list[Block],
    *,
    title: str,
    author: str,
    marketplace: str,
    letter_date: dt.date,
    reference: Path | None = None,
) -> bytes:
    """The letter as .docx bytes: the same letter always gives the same bytes."""
    ref = load_reference(reference or default_reference())
    paper = "letter" if marketplace in LETTER_SIZE_MARKETPLACES else "a4"
    body = _Body(ref, paper)
    body.blocks(blocks)
    moment = dt.datetime.combine(letter_date, dt.time(9, 0))
    written = {
        ref.document: ref.head + "".join(body.out).encode("utf-8") + ref.tails[paper],
        ref.core: _core_properties(title, author, moment),
    }
    if ref.numbering is not None and body.restarts:
        written[ref.numbering] = _numbering(ref, body.restarts)
    members = [
        deflate(member.name, written[member.name]) if member.name in written else member
        for member in ref.members
    ]
    return write_zip(members, moment)
