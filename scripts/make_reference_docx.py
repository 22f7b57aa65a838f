"""Build templates/reference.docx: the styles, page setup and footer every letter inherits.

Run `uv run python scripts/make_reference_docx.py` after changing it; the result is committed.
A seller can pass their own reference (letterhead, fonts) with `appeal render --reference-docx`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
LATIN = "Calibri"
EAST_ASIAN = "Microsoft YaHei"
BODY_PT = 10.5  # Word on Windows; LibreOffice substitutes a CJK font it has


def _fonts(style: object, size: float | None = None, bold: bool | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = LATIN
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _field(paragraph: object, code: str) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def drop_thumbnail(doc: object) -> None:
    """Remove the package's thumbnail (python-docx's stock picture of an empty page)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = doc.part.package  # type: ignore[attr-defined]
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)


def main() -> None:
    doc = Document()
    styles = doc.styles
    # Sizes chosen so that a plan of up to three causes fits two pages (issue 13); the page
    # estimate in appeal/letter/length.py assumes exactly these values.
    _fonts(styles["Normal"], BODY_PT)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Normal"].paragraph_format.line_spacing = 1.0
    for name, size in (("Heading 1", 12.5), ("Heading 2", 10.5)):
        style = styles[name]
        _fonts(style, size, bold=True)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.space_before = Pt(9 if name == "Heading 1" else 5)
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Number"):
        _fonts(styles[name], BODY_PT)
        styles[name].paragraph_format.space_after = Pt(2)
        styles[name].paragraph_format.line_spacing = 1.0
    _fonts(styles["Title"], 16)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    _fonts(styles["Footer"], 9)
    doc.core_properties.author = ""
    doc.core_properties.title = "Plan of Action"
    doc.core_properties.comments = ""
    drop_thumbnail(doc)
    OUT.parent.mkdir(exist_ok=True)
    doc.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
