"""The e-mail draft carries the evidence files the case lists (issue 13, item 4): each file found
beside the case attached with its type and its name (a Chinese name too), byte for byte; a file
named but not there, outside the case's folder, or too large for one e-mail is a finding of the
render, the check and the web page, so the seller knows before sending.

Every draft is parsed back with the standard library's parser, as a mail client reads it."""

from __future__ import annotations

import email
import struct
import zlib
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from typer.testing import CliRunner

from appeal.cli import app
from appeal.letter.checks import check_case
from appeal.letter.evidence import EMAIL_LIMIT
from appeal.letter.render import render_case
from tests.conftest import EXAMPLES, TODAY
from tests.web_helpers import Page, web_client

runner = CliRunner()
LISTED = (
    "    attachments:\n"
    "      - account-health-vtr-2026-11.txt\n"
    "      - corrected-shipping-confirmation.txt\n"
    "      - tracking-check-before-after.txt\n"
)
CHINESE_NAME = "追踪号核对表 2026年11月.csv"


def _png() -> bytes:
    """A real 1x1 PNG (signature, IHDR, IDAT, IEND with their CRCs)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
CSV = (
    "amazon-order-id,tracking-id,carrier-code\r\n"
    "113-0000000-0000001,1Z999AA10123456784,UPS\r\n"
    "备注,已更正,\r\n"
).encode()


def _case(folder: Path, names: list[str]) -> Path:
    """The vtr-toys example (the e-mail channel) in `folder`, listing `names` as evidence."""
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    assert LISTED in text
    listed = "".join(f"      - {name}\n" for name in names)
    path = folder / "vtr-toys.yaml"
    path.write_text(text.replace(LISTED, "    attachments:\n" + listed), encoding="utf-8")
    return path


def _draft(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def _attached(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    """file name -> (content type, bytes) of every attachment."""
    found = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        name = part.get_filename()
        assert name is not None
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found[name] = (part.get_content_type(), payload)
    return found


def test_the_draft_attaches_each_listed_file_with_its_type_name_and_bytes(tmp_path: Path) -> None:
    png = _png()
    (tmp_path / "vtr-report-2026-11.pdf").write_bytes(PDF)
    (tmp_path / "shots").mkdir()
    (tmp_path / "shots" / "carrier-setting-after.png").write_bytes(png)
    (tmp_path / CHINESE_NAME).write_bytes(CSV)
    listed = ["vtr-report-2026-11.pdf", "shots/carrier-setting-after.png", CHINESE_NAME]
    case = _case(tmp_path, [*listed, "./vtr-report-2026-11.pdf"])  # the same file twice
    result = render_case(case, formats=["eml", "docx"], out_dir=tmp_path / "out", today=TODAY)
    assert [f for f in result.checks.findings if f.rule.startswith("evidence")] == []
    raw = (tmp_path / "out" / "vtr-toys.eml").read_bytes()
    raw.decode("ascii")  # every header and part is plain ASCII: names are encoded
    message = _draft(raw_path := tmp_path / "out" / "vtr-toys.eml")
    assert raw_path.read_bytes() == raw
    attached = _attached(message)
    assert list(attached) == [
        "vtr-toys.docx",
        "vtr-report-2026-11.pdf",
        "carrier-setting-after.png",  # the recipient sees the name, not our folders
        CHINESE_NAME,
    ]
    assert attached["vtr-toys.docx"][1] == (tmp_path / "out" / "vtr-toys.docx").read_bytes()
    assert attached["vtr-report-2026-11.pdf"] == ("application/pdf", PDF)
    assert attached["carrier-setting-after.png"] == ("image/png", png)
    assert attached[CHINESE_NAME] == ("text/csv", CSV)
    # The Chinese name travels as an RFC 2231 parameter (percent-encoded UTF-8), and as encoded
    # words in the type's `name` for the mail programs that read only those.
    assert "filename*0*=utf-8''%E8%BF%BD" in raw.decode("ascii")
    assert 'name="=?utf-8?b?' in raw.decode("ascii")
    names = [part.get_param("name") for part in message.iter_attachments()]
    assert names[-1] == CHINESE_NAME
    # The body is still the letter, listing the files.
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Dear Seller Performance team" in text and CHINESE_NAME in text


def test_a_file_named_but_missing_is_a_finding_of_render_check_and_the_cli(tmp_path: Path) -> None:
    (tmp_path / "vtr-report-2026-11.pdf").write_bytes(PDF)
    case = _case(tmp_path, ["vtr-report-2026-11.pdf", "sample-labels.pdf"])
    result = render_case(case, formats=["eml"], out_dir=tmp_path / "out", today=TODAY)
    missing = [f for f in result.checks.findings if f.rule == "evidence-file"]
    assert [(f.level, f.quote, f.where) for f in missing] == [
        ("warning", "sample-labels.pdf", "cause 1 (invalid_tracking), attachments")
    ]
    assert "not found beside the case file" in missing[0].fix
    assert "e-mail draft goes without it" in missing[0].fix and "找不到" in missing[0].fix_zh
    assert result.checks.exit_code == 0  # the draft is written: a warning, not an error
    assert list(_attached(_draft(tmp_path / "out" / "vtr-toys.eml"))) == [
        "vtr-toys.docx",
        "vtr-report-2026-11.pdf",
    ]
    assert [f.quote for f in check_case(case, TODAY).findings if f.rule == "evidence-file"] == [
        "sample-labels.pdf"
    ]
    output = runner.invoke(app, ["render", str(case), "-o", str(tmp_path / "cli")]).output
    assert '[evidence-file] "sample-labels.pdf": not found beside the case file' in output


def test_files_outside_the_case_folder_are_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not evidence")
    names = ["../secret.txt", str(secret), "evidence"]
    try:
        (folder / "link.txt").symlink_to(secret)
        names.append("link.txt")
    except OSError:  # Windows without the right to make links
        pass
    (folder / "evidence").mkdir()
    case = _case(folder, names)
    result = render_case(case, formats=["eml"], out_dir=tmp_path / "out", today=TODAY)
    found = {f.quote: f.fix for f in result.checks.findings if f.rule == "evidence-file"}
    assert set(found) == set(names)
    assert all("outside the case's folder" in found[n] for n in names if n != "evidence")
    assert "is a folder" in found["evidence"]
    assert b"not evidence" not in (tmp_path / "out" / "vtr-toys.eml").read_bytes()
    assert list(_attached(_draft(tmp_path / "out" / "vtr-toys.eml"))) == ["vtr-toys.docx"]


def test_files_past_the_e_mail_limit_are_left_out_with_a_finding(tmp_path: Path) -> None:
    half = EMAIL_LIMIT // 2 + 1
    with open(tmp_path / "scan-1.pdf", "wb") as first:
        first.truncate(half)
    with open(tmp_path / "scan-2.pdf", "wb") as second:
        second.truncate(half)  # the two together pass the limit by 2 bytes
    (tmp_path / "small.png").write_bytes(_png())
    case = _case(tmp_path, ["scan-1.pdf", "scan-2.pdf", "small.png"])
    result = render_case(case, formats=["eml"], out_dir=tmp_path / "out", today=TODAY)
    large = [f for f in result.checks.findings if f.rule == "evidence-too-large"]
    assert [(f.level, f.quote) for f in large] == [("warning", "scan-2.pdf")]
    assert "5.0\u00a0MB" in large[0].fix and "10.0\u00a0MB" in large[0].fix
    attached = _attached(_draft(tmp_path / "out" / "vtr-toys.eml"))
    assert list(attached) == ["vtr-toys.docx", "scan-1.pdf", "small.png"]  # smaller ones still go
    assert len(attached["scan-1.pdf"][1]) == half


def test_a_seller_central_case_names_missing_files_for_the_form(tmp_path: Path) -> None:
    text = (EXAMPLES / "full-suspension.yaml").read_text(encoding="utf-8")
    (tmp_path / "full-suspension.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "late-orders-2026-11.csv").write_bytes(CSV)
    findings = check_case(tmp_path / "full-suspension.yaml", TODAY).findings
    missing = {f.quote: f.fix for f in findings if f.rule == "evidence-file"}
    assert set(missing) == {"promotion-settings-2026-11.txt", "tracking-audit-2026-11.txt"}
    assert all("appeal form's file field" in fix for fix in missing.values())
    assert not [f for f in findings if f.rule == "evidence-too-large"]


def test_the_web_page_shows_the_missing_file_and_its_download_attaches_the_others(
    tmp_path: Path,
) -> None:
    (tmp_path / "vtr-report-2026-11.pdf").write_bytes(PDF)
    _case(tmp_path, ["vtr-report-2026-11.pdf", "sample-labels.pdf"])
    client = web_client(tmp_path)
    review = Page(client, "vtr-toys.yaml", "review").html
    assert "sample-labels.pdf" in review and "not found beside the case file" in review
    download = client.get("/case/vtr-toys.yaml/file/eml")
    assert download.status_code == 200
    message = email.message_from_bytes(download.content, policy=default_policy)
    assert isinstance(message, EmailMessage)
    assert _attached(message)["vtr-report-2026-11.pdf"] == ("application/pdf", PDF)
    # The file put beside the case afterwards: the page no longer asks for it.
    (tmp_path / "sample-labels.pdf").write_bytes(PDF)
    review = Page(client, "vtr-toys.yaml", "review").html
    assert "not found beside the case file" not in review


def _body(path: Path) -> str:
    from tests.letter_files import eml_body

    return eml_body(path)


def test_the_email_body_starts_at_the_salutation(tmp_path: Path) -> None:
    """The letterhead, date, To and Subject are the paper letter's (block `header`); the
    e-mail carries them in its own headers, so its body starts at "Dear ...". All the rest of
    the letter is there, as in the .txt."""
    render_case(EXAMPLES / "vtr-toys.yaml", formats=["eml", "txt"], out_dir=tmp_path, today=TODAY)
    body = _body(tmp_path / "vtr-toys.eml")
    letter = (tmp_path / "vtr-toys.txt").read_text(encoding="utf-8")
    assert body.startswith("Dear Seller Performance team,")
    assert "To: Amazon Seller Performance" not in body and "Subject:" not in body
    assert "Merchant token: A2EXAMPLE0TOKEN" not in body
    assert letter.startswith("Shenzhen Example Trading Co., Ltd.")
    assert "To: Amazon Seller Performance (op-pso-vtr-appeals@amazon.com)" in letter
    salutation = letter.index("Dear Seller Performance team,")
    assert body.replace("\r\n", "\n").strip() == letter[salutation:].strip()
    message = email.message_from_bytes(
        (tmp_path / "vtr-toys.eml").read_bytes(), policy=default_policy
    )
    assert message["Subject"].startswith("Plan of Action: ExampleHome")


def test_a_template_without_a_header_block_sends_its_whole_letter(tmp_path: Path) -> None:
    """A user's template need not mark a header: then nothing is cut from the e-mail."""
    root = Path(__file__).parent.parent / "templates" / "letter.md.j2"
    text = root.read_text(encoding="utf-8")
    text = text.replace("{% block header %}", "").replace(
        "**Subject: {{ self.subject() | safe }}**\n{% endblock %}",
        "**Subject: {{ self.subject() | safe }}**",
    )
    assert "block header" not in text
    template = tmp_path / "tpl" / "mine.md.j2"
    template.parent.mkdir()
    template.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    render_case(
        EXAMPLES / "vtr-toys.yaml", formats=["eml"], out_dir=out, today=TODAY, template=template
    )
    body = _body(out / "vtr-toys.eml")
    assert body.startswith("Shenzhen Example Trading Co., Ltd.")
    assert "Dear Seller Performance team," in body
