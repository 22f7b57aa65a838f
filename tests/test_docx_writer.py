"""The .docx writer: letters read back with python-docx (and zipfile), whatever the text and
whatever reference document the seller passes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from appeal.letter.formats.document import Heading, ListBlock, Paragraph, Run, Table
from appeal.letter.formats.docx import write_docx
from appeal.letter.formats.ziparchive import deflate, write_zip

DAY = dt.date(2026, 11, 24)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letter(blocks: list[Any], reference: Path | None = None, market: str = "amazon.de") -> Any:
    from docx import Document

    data = write_docx(
        blocks,
        title="Plan of Action",
        author="Seller & Co. <Ltd>",
        marketplace=market,
        letter_date=DAY,
        reference=reference,
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
    return Document(io.BytesIO(data))


# Text a seller may type or paste: XML's special characters, quotes, CJK, emoji, tabs, line
# breaks, spaces at the ends, control characters that XML cannot hold.
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r"), max_size=60)


@settings(max_examples=60, deadline=None)
@given(TEXT, st.booleans(), st.booleans())
@example("a & b < c > d \"e\" 'f' ]]> &amp;", True, False)
@example("  leading and trailing  ", False, True)
@example("深圳市优品家居有限公司 \U0001f600", False, False)
@example("tab\there\nline two\x00\x0b\ufffe", True, True)
def test_any_text_reads_back_as_typed(text: str, bold: bool, italic: bool) -> None:
    doc = _letter([Paragraph([Run(text, bold=bold, italic=italic)])])
    [paragraph] = doc.paragraphs
    assert paragraph.text == re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
    assert all(run.bold == (bold or None) for run in paragraph.runs)


def test_blocks_take_the_reference_styles_and_lists_restart() -> None:
    doc = _letter(
        [
            Heading(1, [Run("Invalid tracking")]),
            Heading(3, [Run("Root cause")]),
            ListBlock(True, [[Run("first")], [Run("second")]]),
            ListBlock(False, [[Run("a bullet")]]),
            ListBlock(True, [[Run("again first")]]),
            Paragraph([Run("code", code=True), Run("\n"), Run("next line")]),
        ]
    )
    styles = [p.style.name if p.style is not None else None for p in doc.paragraphs]
    assert styles[:6] == ["Heading 1", "Heading 2", "List Number", "List Number", "List Bullet",
                          "List Number"]  # fmt: skip
    ids = [p._p.pPr.numPr.numId.val for p in doc.paragraphs[2:6] if p._p.pPr.numPr is not None]
    assert ids[0] == ids[1] != ids[2]  # one numbering per list
    numbering = doc.part.numbering_part.element
    for num_id in {ids[0], ids[2]}:
        num = numbering.num_having_numId(num_id)
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"
    code = doc.paragraphs[6].runs[0]
    assert code.font.name == "Consolas"
    assert doc.paragraphs[6].text == "code\nnext line"
    assert doc.core_properties.author == "Seller & Co. <Ltd>"


def test_table_columns_fit_the_page_and_the_text() -> None:
    table = Table(
        [[Run("Metric")], [Run("Window")]],
        [[[Run("Valid Tracking Rate")], [Run("6 October to 4 November 2026")]], [[Run("x")]]],
    )
    for market, inches in (("amazon.com", 8.5), ("amazon.co.uk", 8.27)):
        doc = _letter([table], market=market)
        section = doc.sections[0]
        assert round(section.page_width.inches, 2) == inches
        text_width = section.page_width - section.left_margin - section.right_margin
        [out] = doc.tables
        widths = [column.width for column in out.columns]
        assert widths[1] > widths[0] and sum(widths) <= text_width
        assert [c.text for c in out.rows[0].cells] == ["Metric", "Window"]
        assert out.rows[0].cells[0].paragraphs[0].runs[0].bold
        assert [c.text for c in out.rows[2].cells] == ["x", ""]  # a short row is padded
        assert out.style is not None and out.style.name == "Table Grid"


def _seller_reference(folder: Path) -> Path:
    """A letterhead as a seller saves it from Word: landscape, a header, body text, and the
    thumbnail python-docx's own template carries."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    section.header.paragraphs[0].text = "ACME LETTERHEAD"
    doc.add_paragraph("old body text")
    path = folder / "letterhead.docx"
    doc.save(str(path))
    return path


def test_a_seller_letterhead_keeps_its_header_and_loses_its_body(tmp_path: Path) -> None:
    reference = _seller_reference(tmp_path)
    doc = _letter(
        [Paragraph([Run("Dear team,")]), ListBlock(True, [[Run("one")]])], reference=reference
    )
    assert doc.sections[0].header.paragraphs[0].text == "ACME LETTERHEAD"
    assert [p.text for p in doc.paragraphs] == ["Dear team,", "one"]
    section = doc.sections[0]
    assert round(section.page_width.inches, 2) == 8.27  # A4 portrait for amazon.de
    assert section.page_height > section.page_width
    with zipfile.ZipFile(reference) as package:
        assert any("thumbnail" in name for name in package.namelist())  # the reference has one


def test_a_reference_without_numbering_or_properties_still_works(tmp_path: Path) -> None:
    from docx import Document

    source = tmp_path / "bare.docx"
    Document().save(str(source))
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    for name in ("word/numbering.xml", "docProps/core.xml", "docProps/thumbnail.jpeg"):
        parts.pop(name, None)
    parts["_rels/.rels"] = b"".join(
        line
        for line in parts["_rels/.rels"].replace(b"><", b">\n<").splitlines()
        if b"core-properties" not in line and b"thumbnail" not in line
    )
    parts["word/_rels/document.xml.rels"] = b"".join(
        line
        for line in parts["word/_rels/document.xml.rels"].replace(b"><", b">\n<").splitlines()
        if b"numbering" not in line
    )
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(stripped, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    doc = _letter([ListBlock(True, [[Run("one")], [Run("two")]])], reference=stripped)
    assert [p.text for p in doc.paragraphs] == ["one", "two"]
    assert doc.core_properties.title == "Plan of Action"


def test_the_zip_is_the_same_for_the_same_letter_and_readable() -> None:
    members = [deflate("a.xml", b"<a/>" * 100), deflate("folder/\u00e9.xml", b"text")]
    moment = dt.datetime(2026, 11, 24, 9, 0)
    data = write_zip(members, moment)
    assert data == write_zip(members, moment)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert package.namelist() == ["a.xml", "folder/\u00e9.xml"]
        assert package.read("a.xml") == b"<a/>" * 100
        assert package.getinfo("a.xml").date_time == (2026, 11, 24, 9, 0, 0)


def test_a_changed_reference_is_read_again(tmp_path: Path) -> None:
    from docx import Document

    reference = tmp_path / "letterhead.docx"
    for text in ("FIRST", "SECOND"):
        doc = Document()
        doc.sections[0].header.paragraphs[0].text = text
        doc.save(str(reference))
        out = _letter([Paragraph([Run("x")])], reference=reference)
        assert out.sections[0].header.paragraphs[0].text == text


def test_a_reference_that_unpacks_huge_is_refused(tmp_path: Path) -> None:
    from appeal.errors import InputError

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"\0" * (65 * 1024 * 1024))
    with pytest.raises(InputError, match=r"bomb\.docx.*more than 64 MB"):
        write_docx(
            [], title="t", author="a", marketplace="amazon.de", letter_date=DAY, reference=bomb
        )
