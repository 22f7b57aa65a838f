"""The formal letter as .docx, styled by a reference document (ours or the seller's).

python-docx is imported here only, so that commands which write no .docx stay fast.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from appeal.errors import InputError
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
from appeal.letter.formats.reproducible import fixed_zip_times

LETTER_SIZE_MARKETPLACES = ("amazon.com", "amazon.ca")  # US Letter; A4 elsewhere
_HEADING_STYLE = {1: "Heading 1", 2: "Heading 1", 3: "Heading 2"}


def default_reference() -> Path:
    from appeal.packaged import template_path

    return template_path("reference.docx")


class _Styles:
    """Style ids looked up once per document: python-docx resolves a style name by scanning
    every style on each assignment, which dominated the time of a long letter."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self._ids: dict[str, str | None] = {}

    def style_id(self, name: str) -> str | None:
        if name not in self._ids:
            try:
                self._ids[name] = self._doc.styles[name].style_id
            except KeyError:  # a seller's reference document may lack some styles
                self._ids[name] = None
        return self._ids[name]

    def paragraph(self, name: str) -> Any:
        paragraph = self._doc.add_paragraph()
        style_id = self.style_id(name)
        if style_id is not None and name != "Normal":
            paragraph._p.style = style_id
        return paragraph


def _add_runs(paragraph: Any, runs: Inline) -> None:
    from docx.text.run import Run as DocxRun

    last = None
    for run in runs:
        if run.text == "\n":
            if last is not None:
                last.add_br()
            continue
        # Build <w:r><w:t> directly: Run.text's setter walks the text one character at a
        # time, which was a fifth of the time of a long letter.
        last = paragraph._p.add_r()
        last.add_t(run.text)
        if run.bold or run.italic or run.code:
            styled = DocxRun(last, paragraph)
            styled.bold = run.bold or None
            styled.italic = run.italic or None
            if run.code:
                styled.font.name = "Consolas"


def _clear_body(doc: Any) -> None:
    """Empty the (reused) reference document: its body, and the list numberings an earlier
    letter added, so every letter is built from the same start."""
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    for num in _ADDED.pop(id(doc), []):
        num.getparent().remove(num)


def _page_setup(doc: Any, marketplace: str) -> None:
    from docx.shared import Cm, Inches

    for section in doc.sections:
        if marketplace in LETTER_SIZE_MARKETPLACES:
            section.page_width, section.page_height = Inches(8.5), Inches(11)
        else:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)


def _table(doc: Any, block: Table, styles: _Styles) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
    style_id = styles.style_id("Table Grid")
    if style_id is not None:
        table._tbl.tblStyle_val = style_id
    header = [[*map(_bold, runs)] for runs in block.header]
    for row, cells in zip(table.rows, [header, *block.rows], strict=True):
        for cell, runs in zip(row.cells, cells, strict=False):
            _add_runs(cell.paragraphs[0], runs)
    _column_widths(doc, table, [block.header, *block.rows])
    doc.add_paragraph()


def _column_widths(doc: Any, table: Any, rows: list[list[Inline]]) -> None:
    """Columns as wide as their longest line needs, within the text width, so that a date
    range or a metric name wraps only when it must."""
    section = doc.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    needs = [
        max(len(plain(row[i])) if i < len(row) else 0 for row in rows) + 2
        for i in range(len(table.columns))
    ]
    total = sum(needs)
    table.autofit = False
    for index, column in enumerate(table.columns):
        share = int(width * needs[index] / total)
        column.width = share
        for cell in column.cells:
            cell.width = share


def _restart_numbering(doc: Any, paragraphs: list[Any]) -> None:
    """Each numbered list starts at 1 (Word would otherwise continue the previous list)."""
    if not paragraphs:
        return
    p_pr = paragraphs[0].style.element.pPr if paragraphs[0].style is not None else None
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is None or num_pr.numId is None:
        return
    numbering = doc.part.numbering_part.element
    style_num = numbering.num_having_numId(num_pr.numId.val)
    num = numbering.add_num(style_num.abstractNumId.val)
    _ADDED.setdefault(id(doc), []).append(num)  # removed before the next letter (_clear_body)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    for paragraph in paragraphs:
        own = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        own.get_or_add_ilvl().val = 0
        own.get_or_add_numId().val = num.numId


def _bold(run: Run) -> Run:
    return Run(run.text, bold=True, italic=run.italic, code=run.code)


_OPENED: dict[Path, Any] = {}
_ADDED: dict[int, list[Any]] = {}  # the numberings a letter added to a reference document


def _reference_document(source: Path) -> Any:
    """The parsed reference document. Parsed once per run and reused for every letter (its
    body is emptied before each), which matters when many cases are rendered in one call."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if source not in _OPENED:
        try:
            _OPENED[source] = Document(str(source))
        except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
            raise InputError(
                f"{source}: not a usable .docx reference document ({exc}); save a letterhead "
                "from Word as .docx and pass that, or leave --reference-docx out."
            ) from None
    return _OPENED[source]


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _drop_thumbnail(doc: Any) -> None:
    """No thumbnail: a reference document's picture (python-docx's stock one, or a seller's
    old letterhead) would show in file browsers instead of this letter."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)


def write_docx(
    blocks: list[Block],
    *,
    title: str,
    author: str,
    marketplace: str,
    letter_date: dt.date,
    reference: Path | None = None,
) -> bytes:
    """The letter as .docx bytes."""
    doc = _reference_document(reference or default_reference())
    _clear_body(doc)
    _page_setup(doc, marketplace)
    styles = _Styles(doc)
    for block in blocks:
        if isinstance(block, Heading):
            heading = styles.paragraph(_HEADING_STYLE.get(block.level, "Heading 2"))
            _add_runs(heading, block.runs)
        elif isinstance(block, Paragraph):
            _add_runs(styles.paragraph("Normal"), block.runs)
        elif isinstance(block, ListBlock):
            name = "List Number" if block.ordered else "List Bullet"
            added = []
            for item in block.items:
                added.append(styles.paragraph(name))
                _add_runs(added[-1], item)
            if block.ordered:
                _restart_numbering(doc, added)
        elif isinstance(block, Table):
            _table(doc, block, styles)
    props = doc.core_properties
    # Word's document properties hold at most 255 characters (python-docx refuses more).
    props.title = _shortened(title, 255)
    props.author = _shortened(author, 255)
    props.last_modified_by = _shortened(author, 255)
    moment = dt.datetime.combine(letter_date, dt.time(9, 0))
    props.created = moment
    props.modified = moment
    props.revision = 1
    props.subject = "Plan of Action"
    props.keywords = ""
    props.comments = ""
    _drop_thumbnail(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip_times(buffer.getvalue(), moment)
