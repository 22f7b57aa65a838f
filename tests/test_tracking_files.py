"""`appeal tracking` on files shaped like the ones sellers have (domain.md 6, 6a): Amazon JP's
template in Shift_JIS with its lines above the column names, Excel's "Unicode Text" (UTF-16),
Excel for Mac's CR line endings, short rows, Other in other languages; the corrected copy
keeps every byte it does not fix; text from a file never drives the terminal."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from tests.helpers import SHIPPING_COLUMNS

runner = CliRunner()
COLUMNS = SHIPPING_COLUMNS
HEADER = "\t".join(COLUMNS)
ZWSP = "\u200b"

# Amazon JP's shipping-confirmation template: a template line, a line of Japanese labels, then
# the column names (domain.md 6a).
JP_TOP = [
    "TemplateType=OrderFulfillment\tVersion=2011.1102\tこの行はAmazonが使用しますので変更や削除しないでください。",
    "注文番号\t注文商品番号\t出荷数\t出荷日\t配送業者コード\t配送業者名\tお問い合わせ伝票番号\t配送方法",
    HEADER,
]


def _row(order: str, code: str, name: str, number: str, method: str = "宅急便") -> str:
    return f"{order}\t{order[-4:]}1\t1\t2026-10-07\t{code}\t{name}\t{number}\t{method}"


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["tracking", *args])
    return result.exit_code, result.output


def test_jp_template_in_shift_jis_read_right_and_fixed_byte_for_byte(tmp_path: Path) -> None:
    rows = [
        _row("250-1111111-0000001", "Other", "ヤマト運輸", "４５６７\u300089012345"),
        _row("250-1111111-0000002", "Other", "佐川急便㈱", "123456789012", "飛脚宅配便"),
        _row("250-1111111-0000003", "Japan Post", "", "EJ123456785JP", "ゆうパック①"),
        _row("250-1111111-0000004", "YamatoTransport", "", "456789012346"),
    ]
    text = "\r\n".join([*JP_TOP, *rows]) + "\r\n"
    source = tmp_path / "出荷通知.txt"
    source.write_bytes(text.encode("cp932"))  # ㈱ and ① exist only in Windows' Shift_JIS
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed), "--json")
    assert code == 1, output
    data = json.loads(output)
    assert data["ids_checked"] == 4
    assert data["counts"] == {"invisible": 1, "folded": 1, "use_code": 2, "not_checked": 4}
    findings = {row["line"]: " ".join(row["findings"]) for row in data["rows"]}
    assert "use the code YamatoTransport" in findings[4]
    assert "use the code SagawaExpress" in findings[5]
    expected = text.replace("４５６７\u300089012345", "456789012345").encode("cp932")
    assert fixed.read_bytes() == expected  # the three top lines and every other byte kept


def test_jp_template_of_unchecked_carriers_exits_0(tmp_path: Path) -> None:
    rows = [
        _row("250-1111111-0000001", "YamatoTransport", "", "456789012345"),
        _row("250-1111111-0000002", "SagawaExpress", "", "123456789012"),
        _row("250-1111111-0000003", "Japan Post", "", "EJ123456785JP"),
    ]
    source = tmp_path / "jp.txt"
    source.write_bytes(("\r\n".join([*JP_TOP, *rows]) + "\r\n").encode("cp932"))
    code, output = _run(str(source))
    assert code == 0, output
    assert "Not checked: 3 rows" in output


def test_a_4px_and_yanwen_file_is_not_checked_and_the_fix_changes_nothing(tmp_path: Path) -> None:
    rows = [
        _row("111-0000001-0000001", "4PX", "", "4PX3000012345678CN", "Standard"),
        _row("111-0000001-0000002", "Yanwen", "", "UG123456785CN", "Standard"),
        _row("111-0000001-0000003", "Other", "燕文物流", "UG123456794CN", "Standard"),
    ]
    text = "\n".join([HEADER, *rows]) + "\n"
    source = tmp_path / "cn.txt"
    source.write_text(text, encoding="utf-8")
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed))
    assert code == 1  # the third row should use the code Yanwen
    assert "use the code Yanwen" in output
    assert fixed.read_bytes() == text.encode("utf-8")
    assert (tmp_path / "fixed.left-for-you.txt").is_file()


@pytest.mark.parametrize(
    ("other", "name", "kind"),
    [
        ("Otro", "Correos Express", "use_code"),
        ("Andere", "Hermes", "use_code"),
        ("Sonstige", "DHL Paket", "use_code"),
        ("Autre", "Colissimo", "use_code"),
        ("Altro", "Poste Italiane", "use_code"),
        ("Overig", "PostNL", "use_code"),
        ("その他", "ヤマト運輸", "use_code"),
        ("Otro", "Mensajeria Lopez", "not_integrated"),
        ("Sonstige", "", "not_integrated"),
    ],
)
def test_localised_other(tmp_path: Path, other: str, name: str, kind: str) -> None:
    source = tmp_path / "upload.txt"
    row = _row("111-0000001-0000001", other, name, "123456789012", "Standard")
    source.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    code, output = _run(str(source), "--json")
    assert code == 1
    assert json.loads(output)["rows"][0]["kinds"][0] == kind


def test_short_rows_get_no_extra_tabs(tmp_path: Path) -> None:
    lines = [
        HEADER,
        "111-0000001-0000001\t1\t1\t2026-10-07\tUPS\t\t1Z5R89390357567127" + ZWSP,  # no method
        "111-0000001-0000002\t1\t1",  # stops before the carrier
        "111-0000001-0000003\t1\t1\t2026-10-07\tUPS\t\t1Z5R8939 0357567127\tGround",
        "",
        "111-0000001-0000004\t1",
    ]
    text = "\r\n".join(lines)  # and no line break after the last line
    source = tmp_path / "upload.txt"
    source.write_text(text, encoding="utf-8", newline="")
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed))
    assert code == 1, output
    expected = text.replace(ZWSP, "").replace("1Z5R8939 0357567127", "1Z5R89390357567127")
    assert fixed.read_bytes() == expected.encode("utf-8")
    assert "2 tracking cell(s) cleaned" in " ".join(output.split())


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_excel_unicode_text_comes_back_in_utf16(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    lines = [
        HEADER,
        _row("111-0000001-0000001", "UPS", "", "1z5r89390357567127", "Müller 深圳"),
        _row("111-0000001-0000002", "USPS", "", "9400 1112 0620 6406 2607 87", "Standard"),
        _row("111-0000001-0000003", "Other", "云途物流", "YT2229521272164446", "Standard"),
    ]
    text = "\r\n".join(lines) + "\r\n"
    source = tmp_path / "unicode.txt"
    source.write_bytes(bom + text.encode(codec))
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed), "--json")
    assert code == 1, output
    assert json.loads(output)["counts"] == {"folded": 1, "separators": 1, "use_code": 1}
    expected = text.replace("1z5r89390357567127", "1Z5R89390357567127").replace(
        "9400 1112 0620 6406 2607 87", "9400111206206406260787"
    )
    assert fixed.read_bytes() == bom + expected.encode(codec)


def test_utf16_without_its_mark_is_refused_clearly(tmp_path: Path) -> None:
    source = tmp_path / "unicode.txt"
    source.write_bytes(f"{HEADER}\r\n".encode("utf-16-le"))
    code, output = _run(str(source))
    assert code == 2
    assert "unicode.txt: holds NUL bytes" in output and "UTF-16" in output


def test_mac_line_endings_kept(tmp_path: Path) -> None:
    lines = [HEADER, _row("111-0000001-0000001", "UPS", "", "1Z5R89390357567127 ", "Std")]
    text = "\r".join(lines) + "\r"
    source = tmp_path / "mac.txt"
    source.write_bytes(text.encode("cp1252"))
    fixed = tmp_path / "fixed.txt"
    code, _ = _run(str(source), "--fix", str(fixed))
    assert code == 1
    assert fixed.read_bytes() == text.replace("127 ", "127").encode("cp1252")


def test_a_file_that_changes_encoding_halfway_is_located(tmp_path: Path) -> None:
    rows = 20_000  # past the first megabyte, from which the encoding is picked
    good = f"{HEADER}\n" + "".join(
        _row(f"111-0000001-{n:07d}", "UPS", "", "1Z5R89390357567127", "Straße") + "\n"
        for n in range(rows)
    )
    source = tmp_path / "mixed.txt"
    source.write_bytes(good.encode("utf-8") + "Müller\t\n".encode("cp1252"))
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed))
    assert code == 2
    assert f"mixed.txt:{rows + 2}:" in output and "mixes encodings" in output
    assert not fixed.exists() and list(tmp_path.iterdir()) == [source]  # nothing half-written


def test_text_from_the_file_is_shown_inert(tmp_path: Path) -> None:
    hostile = "\x1b]0;owned\x07\x1b[2J"
    rows = [
        _row(f"111-{hostile}-1", "UPS", "", f"1Z5R8939{hostile}0357567127", "Std"),
        _row("111-0000001-0000002", "Other", f"Evil{hostile}Post", "X1", "Std"),
    ]
    source = tmp_path / "upload.txt"
    source.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    code, output = _run(str(source))
    assert code == 1
    assert "\x1b" not in output and "\x07" not in output
    assert "\\u001b]0;owned\\u0007\\u001b[2J" in output


def test_the_terminal_report_is_bounded(tmp_path: Path) -> None:
    rows = [
        _row(f"111-0000001-{n:07d}", "UPS", "", f"1Z5R8939{n:08d}{ZWSP}", "Std")
        for n in range(3000)
    ]
    source = tmp_path / "upload.txt"
    source.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed))
    assert code == 1
    assert len(output.splitlines()) < 80
    assert "Invisible characters pasted in: 3,000 rows" in output
    assert "... and 2,990 more" in output
    left = (tmp_path / "fixed.left-for-you.txt").read_text(encoding="utf-8-sig").splitlines()
    assert len(left) == 1 + 3000  # 16 characters: no UPS format, even once cleaned


def test_json_lists_every_row(tmp_path: Path) -> None:
    rows = [
        _row(f"111-0000001-{n:07d}", "UPS", "", f"1Z5R8939{n:08d}{ZWSP}", "Std") for n in range(500)
    ]
    source = tmp_path / "upload.txt"
    source.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    code, output = _run(str(source), "--json")
    assert code == 1
    data = json.loads(output)
    assert len(data["rows"]) == 500 == data["rows_with_findings"]
    assert [r["line"] for r in data["rows"]] == list(range(2, 502))


def test_progress_counts_the_bytes_of_every_file(tmp_path: Path) -> None:
    from appeal.tracking.command import check_tracking_files

    rows = [
        _row(f"111-0000001-{n:07d}", "UPS", "", "1Z5R89390357567127", "Std") for n in range(40_000)
    ]
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    for path in (first, second):
        path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    seen: list[int] = []
    check_tracking_files([first, second], on_progress=seen.append)
    total = first.stat().st_size + second.stat().st_size
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] == total
