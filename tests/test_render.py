"""`appeal render`: where files go, which formats, and never overwriting someone's edits."""

from __future__ import annotations

import email
import io
import math
import re
import shutil
import subprocess
from email.policy import default as default_policy
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.fsio import LOCK_NAME
from appeal.letter.formats.document import parse_markdown
from appeal.letter.formats.form import split_into_boxes
from appeal.letter.outputs import RECORD_NAME
from appeal.letter.render import render_case
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import MINIMAL_CASE

runner = CliRunner()
ALL_EXAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def _case(tmp_path: Path, text: str = MINIMAL_CASE, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_output_beside_case_with_channel_formats(tmp_path: Path) -> None:
    case = _case(tmp_path)
    result = runner.invoke(app, ["render", str(case)])
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {"case.txt", "case.md", "case.docx", "case.form.txt", RECORD_NAME} <= names
    assert "case.eml" not in names  # Seller Central case: no e-mail draft
    assert "Channel: Seller Central appeal" in result.output
    assert "Deadline: 7 December 2026 (notice date + 17 days), 13 days left" in result.output


def test_output_folder_and_repeated_format(tmp_path: Path) -> None:
    case = _case(tmp_path)
    out = tmp_path / "letters" / "nested"
    result = runner.invoke(
        app, ["render", str(case), "-o", str(out), "--format", "txt", "-f", "md", "-f", "txt"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        RECORD_NAME,
        LOCK_NAME,
        "case.md",
        "case.txt",
    ]


def test_rerender_replaces_own_files(tmp_path: Path) -> None:
    case = _case(tmp_path)
    assert runner.invoke(app, ["render", str(case), "-f", "txt"]).exit_code == 0
    case.write_text(MINIMAL_CASE.replace("18 of 300", "19 of 300"), encoding="utf-8")
    result = runner.invoke(app, ["render", str(case), "-f", "txt"])
    assert result.exit_code == 0, result.output
    assert "19 of 300" in (tmp_path / "case.txt").read_text(encoding="utf-8")


def test_refuses_file_edited_since_written(tmp_path: Path) -> None:
    case = _case(tmp_path)
    assert runner.invoke(app, ["render", str(case), "-f", "txt", "-f", "md"]).exit_code == 0
    edited = "my polished letter\n"
    (tmp_path / "case.txt").write_text(edited, encoding="utf-8")
    md_before = (tmp_path / "case.md").read_bytes()
    case.write_text(MINIMAL_CASE.replace("18 of 300", "19 of 300"), encoding="utf-8")
    result = runner.invoke(app, ["render", str(case), "-f", "txt", "-f", "md"])
    assert result.exit_code == 2
    assert f"{tmp_path / 'case.txt'}: was changed after appeal wrote it" in result.output
    assert "--force" in result.output and "-o" in result.output
    assert (tmp_path / "case.txt").read_text(encoding="utf-8") == edited
    assert (tmp_path / "case.md").read_bytes() == md_before  # nothing at all was written
    forced = runner.invoke(app, ["render", str(case), "-f", "txt", "-f", "md", "--force"])
    assert forced.exit_code == 0
    assert "19 of 300" in (tmp_path / "case.txt").read_text(encoding="utf-8")
    # after a forced write the file is appeal's again
    assert runner.invoke(app, ["render", str(case), "-f", "txt"]).exit_code == 0


def test_refuses_file_it_did_not_write(tmp_path: Path) -> None:
    case = _case(tmp_path)
    (tmp_path / "case.md").write_text("someone else's notes", encoding="utf-8")
    result = runner.invoke(app, ["render", str(case), "-f", "md"])
    assert result.exit_code == 2
    assert "exists and was not written by appeal" in result.output
    assert (tmp_path / "case.md").read_text(encoding="utf-8") == "someone else's notes"


def test_eml_refused_for_seller_central(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(_case(tmp_path)), "-f", "eml"])
    assert result.exit_code == 2
    assert "Seller Central, not e-mail" in result.output


def test_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(_case(tmp_path)), "-f", "pdf"])
    assert result.exit_code == 2
    assert "--format pdf: unknown format" in result.output


def test_no_temporary_files_left(tmp_path: Path) -> None:
    case = _case(tmp_path)
    assert runner.invoke(app, ["render", str(case)]).exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_example_in_every_format(name: str, tmp_path: Path) -> None:
    from docx import Document

    result = render_case(
        EXAMPLES / f"{name}.yaml",
        formats=["txt", "md", "docx", "form"],
        out_dir=tmp_path,
        today=TODAY,
    )
    if result.channel.kind == "email":
        render_case(EXAMPLES / f"{name}.yaml", formats=["eml"], out_dir=tmp_path, today=TODAY)
    # Numbers and their units are joined by no-break spaces in every format.
    txt = (tmp_path / f"{name}.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    case = result.letter.case
    assert case.seller.business_name in txt
    for entry in case.causes:
        if entry.facts:
            assert " ".join(entry.facts.split()) in txt
    doc = Document(str(tmp_path / f"{name}.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert case.seller.business_name in body
    headings = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert len(headings) >= 4 * len(case.causes)
    section = doc.sections[0]
    us_letter = case.seller.marketplace in ("amazon.com", "amazon.ca")
    assert section.page_width is not None
    assert round(section.page_width.inches, 2) == (8.5 if us_letter else 8.27)
    assert "Page " in section.footer.paragraphs[0].text
    boxes = split_into_boxes(
        parse_markdown(result.letter.markdown), ["Root cause", "Actions taken", "Prevention"]
    )
    assert [b.title for b in boxes] == ["Root cause", "Actions taken", "Prevention"]
    assert all(b.text for b in boxes)
    form = (tmp_path / f"{name}.form.txt").read_text(encoding="utf-8")
    for box in boxes:
        assert f"===== {box.title} ({len(box.text)} characters) =====\n{box.text}\n" in form


def test_eml_is_an_unsent_draft_with_the_docx_and_the_evidence(tmp_path: Path) -> None:
    result = render_case(
        EXAMPLES / "vtr-toys.yaml", formats=["eml", "docx"], out_dir=tmp_path, today=TODAY
    )
    raw = (tmp_path / "vtr-toys.eml").read_bytes()
    assert b"\r\n" in raw
    message = email.message_from_bytes(raw, policy=default_policy)
    assert message["To"] == "op-pso-vtr-appeals@amazon.com"
    assert message["X-Unsent"] == "1"
    subject = str(message["Subject"])
    assert "ExampleHome" in subject and "A2EXAMPLE0TOKEN" in subject
    assert "Toys & Games" in subject
    attachments = list(message.iter_attachments())
    evidence = result.letter.case.evidence_files()  # shipped beside the example
    assert [a.get_filename() for a in attachments] == ["vtr-toys.docx", *evidence]
    assert attachments[0].get_content() == (tmp_path / "vtr-toys.docx").read_bytes()
    for part, name in zip(attachments[1:], evidence, strict=True):
        assert part.get_payload(decode=True) == (EXAMPLES / name).read_bytes()


def test_uk_case_goes_to_uk_address(tmp_path: Path) -> None:
    result = render_case(
        EXAMPLES / "untrackable-uk.yaml", formats=["eml"], out_dir=tmp_path, today=TODAY
    )
    assert result.channel.address == "op-pso-vtr-appeals@amazon.co.uk"
    message = email.message_from_bytes(
        (tmp_path / "untrackable-uk.eml").read_bytes(), policy=default_policy
    )
    assert message["To"] == "op-pso-vtr-appeals@amazon.co.uk"


def test_reference_docx_is_used(tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    reference = tmp_path / "letterhead.docx"
    doc = Document()
    doc.styles["Normal"].font.size = Pt(13)
    doc.sections[0].header.paragraphs[0].text = "ACME LETTERHEAD"
    doc.add_paragraph("sample body text that must not survive")
    doc.save(str(reference))
    case = _case(tmp_path)
    result = runner.invoke(
        app, ["render", str(case), "-f", "docx", "--reference-docx", str(reference)]
    )
    assert result.exit_code == 0, result.output
    out = Document(str(tmp_path / "case.docx"))
    assert out.sections[0].header.paragraphs[0].text == "ACME LETTERHEAD"
    assert out.styles["Normal"].font.size == Pt(13)
    assert "sample body text" not in "\n".join(p.text for p in out.paragraphs)


def test_bad_reference_docx(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = runner.invoke(
        app, ["render", str(_case(tmp_path)), "-f", "docx", "--reference-docx", str(bad)]
    )
    assert result.exit_code == 2
    assert "not a usable .docx reference" in result.output


def test_chinese_names_in_docx_use_east_asian_font(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    render_case(EXAMPLES / "late-shipment.yaml", formats=["docx"], out_dir=tmp_path, today=TODAY)
    doc = Document(str(tmp_path / "late-shipment.docx"))
    assert doc.paragraphs[0].text.startswith("深圳市优品家居有限公司")
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_opens_in_libreoffice(tmp_path: Path) -> None:
    render_case(EXAMPLES / "full-suspension.yaml", formats=["docx"], out_dir=tmp_path, today=TODAY)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path / "lo"),
            str(tmp_path / "full-suspension.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (tmp_path / "lo" / "full-suspension.txt").read_text(encoding="utf-8-sig")
    assert "Steps taken to prevent it" in text
    assert "Xiamen Bluewave Electronics" in text


def test_docx_is_a_valid_zip_package(tmp_path: Path) -> None:
    import zipfile

    render_case(EXAMPLES / "vtr-toys.yaml", formats=["docx"], out_dir=tmp_path, today=TODAY)
    with zipfile.ZipFile(io.BytesIO((tmp_path / "vtr-toys.docx").read_bytes())) as package:
        assert package.testzip() is None
        assert "word/document.xml" in package.namelist()


def test_several_cases_in_one_call(tmp_path: Path) -> None:
    first = _case(tmp_path, name="first.yaml")
    second = _case(tmp_path, MINIMAL_CASE.replace("TestStore", "OtherStore"), name="second.yaml")
    result = runner.invoke(app, ["render", str(first), str(second), "-f", "txt"])
    assert result.exit_code == 0, result.output
    assert "OtherStore" in (tmp_path / "second.txt").read_text(encoding="utf-8")
    assert "first.yaml: Seller Central, due 2026-12-07, 1 file(s) written" in result.output


def test_one_bad_case_among_several_writes_nothing(tmp_path: Path) -> None:
    good = _case(tmp_path, name="good.yaml")
    bad = _case(tmp_path, MINIMAL_CASE.replace("scope: all", "scope: x"), name="bad.yaml")
    result = runner.invoke(app, ["render", str(good), str(bad)])
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "good.yaml"]


def test_same_stem_into_one_folder_is_refused(tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    result = runner.invoke(
        app, ["render", str(_case(a)), str(_case(b)), "-o", str(tmp_path / "out"), "-f", "txt"]
    )
    assert result.exit_code == 2
    assert "different names" in result.output
    assert not (tmp_path / "out").exists()


def test_never_writes_over_the_case_file(tmp_path: Path) -> None:
    case = _case(tmp_path, name="appeal.txt")
    result = runner.invoke(app, ["render", str(case), "--force"])
    assert result.exit_code == 2
    assert "would replace the case file itself" in result.output
    assert case.read_text(encoding="utf-8") == MINIMAL_CASE


def test_every_example_fits_two_pages_by_the_estimate() -> None:
    from appeal.core.catalogue import load_catalogue
    from appeal.letter.content import render_letter
    from appeal.letter.length import allowed_pages
    from appeal.letter.rules import letter_pages

    for name in ALL_EXAMPLES:
        case = load_case(EXAMPLES / f"{name}.yaml").case
        letter = render_letter(case, load_catalogue(), letter_date=TODAY)
        assert letter_pages(case, letter) <= allowed_pages(len(case.causes)) == 2, name


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_page_estimate_matches_libreoffice(tmp_path: Path) -> None:
    """Every example's .docx as LibreOffice lays it out: the estimate's page count, and at
    most two pages (the three-cause example included)."""
    from appeal.letter.rules import letter_pages

    estimates = {}
    for name in ALL_EXAMPLES:
        result = render_case(
            EXAMPLES / f"{name}.yaml", formats=["docx"], out_dir=tmp_path, today=TODAY
        )
        estimates[name] = letter_pages(result.letter.case, result.letter)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / f"{name}.docx") for name in ALL_EXAMPLES),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pages = {n: _pdf_pages((tmp_path / "pdf" / f"{n}.pdf").read_bytes()) for n in ALL_EXAMPLES}
    assert pages["full-suspension"] == 2
    for name in ALL_EXAMPLES:
        assert pages[name] <= 2, (name, pages[name])
        assert pages[name] == math.ceil(estimates[name]), (name, pages[name], estimates[name])


def test_docx_properties_and_no_stock_thumbnail(tmp_path: Path) -> None:
    import zipfile

    from docx import Document

    result = render_case(
        EXAMPLES / "vtr-toys.yaml", formats=["docx"], out_dir=tmp_path, today=TODAY
    )
    data = (tmp_path / "vtr-toys.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [n for n in package.namelist() if "thumbnail" in n.lower()]
        assert b"thumbnail" not in package.read("_rels/.rels")
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == result.letter.subject
    assert props.author == "Shenzhen Example Trading Co., Ltd."
    assert props.subject == "Plan of Action"
