"""The e-mail draft: no user text can become a header; every value reads back as typed.

Each draft is parsed back with the standard library's parser (policy.default, as a mail client
reads it); the display name is also decoded by the RFC 2047 rules (`decode_header`), which
ignore the space between two encoded words, as Thunderbird and Outlook do.
"""

from __future__ import annotations

import datetime as dt
import email
from email.header import decode_header
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from appeal.cli import app
from appeal.letter.formats.eml import DOCX_TYPE, Attachment, write_eml
from appeal.letter.formats.mailheaders import display_text
from appeal.letter.render import render_case
from tests.conftest import EXAMPLES, TODAY

runner = CliRunner()
INJECTION = "Shop =?utf-8?q?Hi=0D=0ABcc:_attacker@x.example?= end"
APP_HEADERS = ["To", "From", "Subject", "Date", "X-Unsent", "MIME-Version", "Content-Type"]


def _parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def _raw_header(raw: bytes, name: str) -> str:
    """The header's raw value, unfolded (what a reader decodes)."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    for line in head.replace("\r\n ", " ").split("\r\n"):
        key, _, value = line.partition(": ")
        if key == name:
            return value
    raise AssertionError(f"no {name} header")


def _rfc2047(value: str) -> str:
    return "".join(
        part.decode(charset or "ascii") if isinstance(part, bytes) else part
        for part, charset in decode_header(value)
    )


def _display_name(raw_from: str) -> str:
    """The display name of a raw `From:` value, decoded by RFC 5322 and RFC 2047."""
    phrase, _, _ = raw_from.rpartition(" <")
    if phrase.startswith('"'):
        return phrase[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return _rfc2047(phrase) if "=?" in phrase else phrase


def _case(tmp_path: Path, **replace: str) -> Path:
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_encoded_word_in_case_fields_stays_text(tmp_path: Path) -> None:
    case = _case(
        tmp_path,
        **{
            "store_name: ExampleHome": f'store_name: "{INJECTION}"',
            "merchant_token: A2EXAMPLE0TOKEN": f'merchant_token: "{INJECTION}"',
            "[Toys & Games]": f'["{INJECTION}", "Toys & Games"]',
            "contact_name: Li Wei": 'contact_name: "Li =?utf-8?q?Wei=0D=0ABcc:_x@y.example?="',
        },
    )
    result = render_case(case, formats=["eml"], out_dir=tmp_path / "out", today=TODAY)
    raw = (tmp_path / "out" / "case.eml").read_bytes()
    message = _parse(raw)
    assert list(message.keys()) == APP_HEADERS
    assert message["Subject"] == result.letter.subject
    assert result.letter.subject.count(INJECTION) == 3
    assert [a.addr_spec for a in message["From"].addresses] == ["ops@example.com"]
    assert message["From"].addresses[0].display_name == "Li =?utf-8?q?Wei=0D=0ABcc:_x@y.example?="
    assert message.get_all("Bcc") is None


def test_encoded_word_in_a_pasted_notice_stays_text(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "We have removed your ability to fulfil orders yourself in the following categories:\n"
        f"- {INJECTION}\n\nThis notification was sent on November 20, 2026.\n",
        encoding="utf-8",
    )
    case = tmp_path / "new.yaml"
    sets = [
        "seller.business_name=Example Ltd",
        f"seller.store_name={INJECTION}",
        "seller.marketplace=amazon.com",
        "seller.contact_name=Li Wei",
        "seller.contact_email=ops@example.com",
        "causes[0].cause=invalid_tracking",
        "causes[0].facts=37 of 412 packages between 6 and 30 October 2026 had no valid ID.",
        "causes[0].root_causes[0].use=zero_width_paste",
        "causes[0].corrective_actions[0].use=reuploaded_tracking",
        "causes[0].preventive_measures[0].use=daily_vtr_check",
    ]
    args = ["new", str(case), "--no-input", "--notice", str(notice)]
    result = runner.invoke(app, args + [f"--set={s}" for s in sets])
    assert result.exit_code in (0, 1), result.output
    message = _parse((tmp_path / "new.eml").read_bytes())
    assert list(message.keys()) == APP_HEADERS
    assert str(message["Subject"]).count(INJECTION) == 2  # store name and category


def test_two_addresses_in_contact_email_are_a_located_error(tmp_path: Path) -> None:
    case = _case(
        tmp_path,
        **{"contact_email: ops@example.com": "contact_email: a@x.example, b@evil.example"},
    )
    result = runner.invoke(app, ["render", str(case), "-f", "eml"])
    assert result.exit_code == 2
    assert "case.yaml:10: seller.contact_email:" in result.output
    assert "more than one address" in result.output
    assert not (tmp_path / "case.eml").exists()


def test_contact_email_must_be_an_address(tmp_path: Path) -> None:
    for bad in ["Li Wei <ops@example.com>", "ops@example", "ops@@example.com", "o ps@example.com"]:
        case = _case(tmp_path, **{"contact_email: ops@example.com": f'contact_email: "{bad}"'})
        result = runner.invoke(app, ["check", str(case)])
        assert result.exit_code == 2, bad
        assert "seller.contact_email:" in result.output


def test_same_case_same_day_same_bytes(tmp_path: Path) -> None:
    render_case(EXAMPLES / "vtr-toys.yaml", formats=["eml"], out_dir=tmp_path / "a", today=TODAY)
    render_case(EXAMPLES / "vtr-toys.yaml", formats=["eml"], out_dir=tmp_path / "b", today=TODAY)
    first = (tmp_path / "a" / "vtr-toys.eml").read_bytes()
    assert first == (tmp_path / "b" / "vtr-toys.eml").read_bytes()


# Text as a hostile user might type it: line breaks, encoded words, header look-alikes,
# quotes, specials, non-ASCII, long runs.
_PIECES = st.sampled_from(
    [
        "\r\n",
        "\n",
        "\r",
        "Bcc: x@evil.example",
        "=?utf-8?q?Hi=0D=0ABcc:_a@b.example?=",
        "=?utf-8?b?QmNjOiBhQGIuZXhhbXBsZQ==?=",
        '"',
        "\\",
        "<a@b.example>",
        ", ",
        ";",
        ":",
        "(",
        ")",
        " ",
        "  ",
        "\t",
        "王",
        "é",
        "🙂",
        "\u200b",
        "\x00",
        "\x1b[31m",
        "x" * 80,
    ]
)
HOSTILE = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(subject=HOSTILE, name=HOSTILE, body=HOSTILE, file_name=HOSTILE)
@example(subject="", name="", body="", file_name="\xa0")  # mail programs strip it from names
def test_any_text_reads_back_exactly(subject: str, name: str, body: str, file_name: str) -> None:
    raw = write_eml(
        to="op-pso-vtr-appeals@amazon.com",
        sender_name=name,
        sender_email="ops@example.com",
        subject=subject,
        body=body,
        letter_date=dt.date(2026, 11, 24),
        attachments=[Attachment(file_name + ".docx", b"PK\x03\x04 data", DOCX_TYPE)],
    )
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    message = _parse(raw)
    assert list(message.keys()) == APP_HEADERS
    assert not message.defects
    assert message["To"] == "op-pso-vtr-appeals@amazon.com"
    assert message["Subject"] == subject
    (address,) = message["From"].addresses
    assert address.addr_spec == "ops@example.com"
    assert _display_name(_raw_header(raw, "From")) == display_text(name)
    text = message.get_body(("plain",))
    assert text is not None
    expected = body.replace("\r\n", "\n").replace("\r", "\n")
    assert text.get_content().replace("\r\n", "\n") == expected
    (attached,) = message.iter_attachments()
    assert attached.get_content() == b"PK\x03\x04 data"
    saved = attached.get_filename()
    assert saved is not None and saved.endswith(".docx")
    assert not any(c in saved for c in '\r\n\x00/\\:*?"<>|')
    parts = ["Content-Type", "Content-Transfer-Encoding", "Content-Disposition"]
    assert list(attached.keys()) == parts
    assert attached.get_param("name") == saved  # the encoded words of the type say the same
