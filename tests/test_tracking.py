"""`appeal tracking`: cleaning, validation, findings, the corrected file, the case sentence."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.tracking.check import check_tracking_number
from appeal.tracking.clean import clean_tracking_number
from tests.helpers import MINIMAL_CASE

runner = CliRunner()
HEADER = (
    "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
    "tracking-number\tship-method"
)
VALID = [
    "1Z5R89390357567127",
    "9400111206206406260787",
    "986578788855",
    "RB123456785GB",
    "LX123456785CN",
    "TBA502887274000",
    "3318810025",
    "C11031500001879",
    "YT2229521272164446",
]
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u00a0",
    "\u202f",
    "\u2003",
    "\u3000",
    "\u2028",
    "\u2029",
    "\t",
    "\n",
    "\ufe0f",
    "\u3164",
    "\u2800",
]


def _upload(rows: list[tuple[str, str, str, str]], ending: str = "\r\n") -> str:
    lines = [HEADER] + [
        f"{order}\t1\t1\t2026-10-07\t{code}\t{name}\t{number}\tStd"
        for order, code, name, number in rows
    ]
    return ending.join(lines) + ending


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(VALID),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(INVISIBLE)), max_size=5),
)
def test_invisible_characters_anywhere_clean_back(
    number: str, inserts: list[tuple[int, str]]
) -> None:
    dirty = number
    for position, ch in inserts:
        position = min(position, len(dirty))
        dirty = dirty[:position] + ch + dirty[position:]
    cleaned = clean_tracking_number(dirty)
    assert cleaned.certain
    assert cleaned.value == number


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30))
def test_cleaning_never_invents_a_character(raw: str) -> None:
    cleaned = clean_tracking_number(raw)
    folded = set(unicodedata.normalize("NFKC", raw).upper())
    assert set(cleaned.value) <= folded
    assert set(cleaned.value) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def test_full_width_and_lower_case_fold() -> None:
    cleaned = clean_tracking_number("１ｚ5r89390357567127")
    assert cleaned.value == "1Z5R89390357567127" and cleaned.folded and cleaned.certain


@pytest.mark.parametrize(
    ("raw", "char"),
    [
        ("1Z5R8939035756712\u0417", "U+0417 CYRILLIC CAPITAL LETTER ZE"),
        ("LX12345678\u0421CN", "U+0421 CYRILLIC CAPITAL LETTER ES"),
        ("\u0398318810025", "U+0398 GREEK CAPITAL LETTER THETA"),
        ("33188100\u0662\u0665", "U+0662 ARABIC-INDIC DIGIT TWO"),
        ("1Z5R/89390357567127", "U+002F SOLIDUS"),
    ],
)
def test_look_alikes_are_refused_and_named(raw: str, char: str) -> None:
    cleaned = clean_tracking_number(raw)
    assert not cleaned.certain
    assert char in cleaned.refused[0].describe()
    assert check_tracking_number(raw, "UPS").verdict == "uncleanable"


def test_hyphen_kept_only_where_the_format_has_one() -> None:
    assert check_tracking_number("1LS7119013618127-1", "Lasership").verdict == "valid"
    checked = check_tracking_number("1Z5R8939-0357567127", "UPS")
    assert checked.verdict == "valid" and checked.cleaned.hyphens_removed == 1


@pytest.mark.parametrize(
    ("number", "carrier", "verdict"),
    [
        ("1Z5R89390357567127", "UPS", "valid"),
        ("1Z5R89390357567128", "UPS", "check_failed"),
        ("9400111206206406260787", "USPS", "valid"),
        ("986578788855", "FedEx", "valid"),
        ("RB123456785GB", "Royal Mail", "valid"),
        ("RB123456785XX", "Royal Mail", "check_failed"),
        ("LX123456785CN", "China Post", "valid"),
        ("EA123456785CN", "EMS", "valid"),
        ("YT2229521272164446", "Yun Express", "valid"),
        ("1Z5R89390357567127", "USPS", "unrecognised"),
        ("12345678", "GLS", "not_checked"),
        ("", "UPS", "missing"),
        ("NULL", "UPS", "null"),
    ],
)
def test_verdicts(number: str, carrier: str, verdict: str) -> None:
    assert check_tracking_number(number, carrier).verdict == verdict


def test_number_fitting_another_carrier_says_which() -> None:
    checked = check_tracking_number("1Z5R89390357567127", "FedEx")
    assert checked.verdict == "unrecognised"
    assert checked.fits_other == ("ups",)


def test_scan_finds_everything_and_fixes_only_what_is_certain(tmp_path: Path) -> None:
    source = tmp_path / "upload.txt"
    text = _upload(
        [
            ("111-0000001-0000001", "UPS", "", "1Z5R89390357567127\u200b"),
            ("111-0000001-0000002", "USPS", "", "９４００ 1112 0620 6406 2607 87"),
            ("111-0000001-0000003", "Other", "YunExpress", "YT2229521272164446"),
            ("111-0000001-0000004", "FedEx", "", "986578788856"),
            ("111-0000001-0000005", "UPS", "", "1Z5R89390357567127"),
            ("111-0000001-0000006", "DHL", "", "33188100\u041225"),
            ("111-0000001-0000007", "Other", "Speedy Local Post", "SP1234"),
            ("111-0000001-0000008", "UPS", "", ""),
        ]
    )
    source.write_text(text, encoding="utf-8")
    fixed = tmp_path / "fixed.txt"
    result = runner.invoke(app, ["tracking", str(source), "--fix", str(fixed), "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["ids_checked"] == 8
    assert data["rows_with_findings"] == 8  # every row has something
    assert len(data["rows"]) == 8
    counts = data["counts"]
    assert counts["invisible"] == 1
    assert counts["folded"] == 1
    assert counts["check_failed"] == 1
    assert counts["duplicate"] == 1
    assert counts["use_code"] == 1
    assert counts["not_integrated"] == 1
    assert counts["uncleanable"] == 1
    assert counts["missing"] == 1
    assert data["invisible_characters"] == {"U+200B ZERO WIDTH SPACE": 1}
    assert data["sentence"].startswith(
        "Of 8 tracking IDs in upload.txt, 1 carried an invisible character (zero width space)"
    )
    by_line = {r["line"]: r for r in data["rows"]}
    assert "is on Amazon's carrier list: use the code Yun Express" in " ".join(
        by_line[4]["findings"]
    )
    assert "not a carrier Amazon integrates with" in " ".join(by_line[8]["findings"])
    assert "also used on another order (upload.txt line 2)" in " ".join(by_line[6]["findings"])
    out_lines = fixed.read_bytes().decode("utf-8").split("\r\n")
    in_lines = text.split("\r\n")
    assert out_lines[1].endswith("\t1Z5R89390357567127\tStd")
    assert out_lines[2].endswith("\t9400111206206406260787\tStd")
    for n in (0, 3, 4, 5, 6, 7, 8):  # untouched: header, clean, failing and uncleanable rows
        assert out_lines[n] == in_lines[n]
    left = {row["line"] for row in data["rows"] if row["left_for_you"]}
    assert left == {4, 5, 6, 7, 8, 9}
    report = (tmp_path / "fixed.left-for-you.txt").read_text(encoding="utf-8-sig").splitlines()
    assert report[0] == "line\torder-id\tcarrier\ttracking-number\tfindings"
    assert [int(line.split("\t")[0]) for line in report[1:]] == [4, 5, 6, 7, 8, 9]
    assert "33188100В25\tcannot be cleaned: U+0412 CYRILLIC CAPITAL LETTER VE" in report[4]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "shift_jis", "gbk"])
@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_fix_keeps_encoding_and_line_endings(tmp_path: Path, encoding: str, ending: str) -> None:
    names = {
        "utf-8": "Müller 深圳",
        "utf-8-sig": "Müller",
        "cp1252": "Müller Straße",
        "shift_jis": "山田 たろう",
        "gbk": "深圳市 王芳",
    }
    text = _upload(
        [
            ("111-0000001-0000001", "UPS", names[encoding], "1z5r89390357567127 "),
            ("111-0000001-0000002", "UPS", names[encoding], "1Z5R89390357567127"),
        ],
        ending,
    )
    source = tmp_path / "upload.txt"
    source.write_bytes(text.encode(encoding))
    fixed = tmp_path / "fixed.txt"
    result = runner.invoke(app, ["tracking", str(source), "--fix", str(fixed)])
    assert result.exit_code == 1, result.output
    expected = text.replace("1z5r89390357567127 ", "1Z5R89390357567127").encode(encoding)
    assert fixed.read_bytes() == expected


def test_clean_file_exits_0_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "upload.txt"
    source.write_text(
        _upload([("111-0000001-0000001", "UPS", "", "1Z5R89390357567127")]), encoding="utf-8"
    )
    result = runner.invoke(app, ["tracking", str(source)])
    assert result.exit_code == 0, result.output
    assert "The tracking ID in upload.txt has the format and check digit" in result.output


def test_plain_list_with_carrier(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text(
        "1Z5R89390357567127\n1Z5R89390357567128\n\n1z5r8939\u200b0357567127\n", encoding="utf-8"
    )
    fixed = tmp_path / "clean.txt"
    result = runner.invoke(app, ["tracking", str(source), "--carrier", "UPS", "--fix", str(fixed)])
    assert result.exit_code == 1
    assert fixed.read_bytes().decode("utf-8") == (
        "1Z5R89390357567127\n1Z5R89390357567128\n\n1Z5R89390357567127\n"
    )
    assert "Of 3 tracking IDs in list.txt" in result.output


def test_fix_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "upload.txt"
    source.write_text(_upload([("1", "UPS", "", "1Z5R89390357567127")]), encoding="utf-8")
    existing = tmp_path / "fixed.txt"
    existing.write_text("keep me", encoding="utf-8")
    for target in (existing, source):
        result = runner.invoke(app, ["tracking", str(source), "--fix", str(target)])
        assert result.exit_code == 2
        assert "nothing is overwritten" in result.output
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_unknown_file_and_missing_file(tmp_path: Path) -> None:
    other = tmp_path / "orders.txt"
    other.write_text("amazon-order-id\tpurchase-date\n1\t2\n", encoding="utf-8")
    result = runner.invoke(app, ["tracking", str(other)])
    assert result.exit_code == 2
    assert "not a shipping-confirmation file" in result.output
    result = runner.invoke(app, ["tracking", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_into_case_adds_the_sentence(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("# keep this comment\n" + MINIMAL_CASE, encoding="utf-8")
    source = tmp_path / "upload.txt"
    source.write_text(
        _upload(
            [("1", "UPS", "", "1Z5R89390357567127\u200b"), ("2", "UPS", "", "1Z5R89390357567128")]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["tracking", str(source), "--into", str(case)])
    assert result.exit_code == 1
    loaded = load_case(case).case
    tracking = [c for c in loaded.causes if c.cause == "invalid_tracking"]
    assert tracking and tracking[0].facts.startswith("Of 2 tracking IDs in upload.txt, 1 carried")
    assert case.read_text(encoding="utf-8").startswith("# keep this comment\n")
    again = runner.invoke(app, ["tracking", str(source), "--into", str(case)])
    assert again.exit_code == 1
    facts = load_case(case).case.causes[-1].facts
    assert facts.count("Of 2 tracking IDs") == 1  # not added twice


def test_other_scripts_digits_are_refused() -> None:
    arabic = "".join(chr(0x0660 + int(d)) for d in "3318810025")
    assert check_tracking_number(arabic, "DHL").verdict == "uncleanable"
    assert check_tracking_number("3318810025", "DHL").verdict == "valid"
