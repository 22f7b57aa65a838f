"""`appeal tracking` on the ship-date column of a shipping-confirmation file: Amazon takes
yyyy-mm-dd (domain.md section 6; Seller Central's template help, "Format: yyyy-mm-dd"), and
sellers' spreadsheets write other forms (Chinese Excel 2026/11/20 in a GBK file, 2026年11月20日,
Excel's 2026-11-20 10:00:00, US and European 11/20/2026 and 20/11/2026). Those that name one day
are rewritten by --fix (every other byte kept); the others are left for the seller and said so.
Also rows cut short (fewer cells than the column names) named as such."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.tracking.command import check_tracking_files
from appeal.tracking.shipdate import read_ship_date
from tests.helpers import SHIPPING_COLUMNS
from tests.monitor_files import ups_number

runner = CliRunner()
HEADER = "\t".join(SHIPPING_COLUMNS)


def _row(n: int, date: str, number: str = "", method: str = "Standard") -> str:
    """Order n's row, shipped by UPS with its own valid number unless `number` is given."""
    number = number or ups_number(n)
    return f"113-1234567-{n:07d}\t{n:014d}\t1\t{date}\tUPS\t\t{number}\t{method}"


def _file(tmp_path: Path, rows: list[str], encoding: str = "utf-8") -> tuple[Path, str]:
    text = "\r\n".join([HEADER, *rows]) + "\r\n"
    path = tmp_path / "confirm.txt"
    path.write_bytes(text.encode(encoding))
    return path, text


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["tracking", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("written", "verdict", "rewritten"),
    [
        ("2026-11-20", "ok", ""),
        ("2026/11/20", "rewrite", "2026-11-20"),  # Chinese Excel
        ("2026/1/5", "rewrite", "2026-01-05"),
        ("2026-1-5", "rewrite", "2026-01-05"),
        ("2026年11月20日", "rewrite", "2026-11-20"),
        ("２０２６/１１/２０", "rewrite", "2026-11-20"),  # full-width digits
        ("2026-11-20 10:00:00", "rewrite", "2026-11-20"),  # Excel's date and time
        ("2026/11/20 10:00", "rewrite", "2026-11-20"),
        ("2026-11-20T23:30:00-08:00", "rewrite", "2026-11-20"),  # the date as written
        ("2026-11-20T10:00:00Z", "rewrite", "2026-11-20"),
        ("11/20/2026", "rewrite", "2026-11-20"),  # month first: 20 cannot be a month
        ("20/11/2026", "rewrite", "2026-11-20"),  # day first
        ("20.11.2026", "rewrite", "2026-11-20"),
        ("05/05/2026", "rewrite", "2026-05-05"),  # both readings are the same day
        ("20-Nov-2026", "rewrite", "2026-11-20"),
        ("Nov 20, 2026", "rewrite", "2026-11-20"),
        ("03/04/2026", "ambiguous", ""),  # 3 April or 4 March
        ("2026-02-30", "not_a_day", ""),
        ("2026/2/30", "not_a_day", ""),
        ("31/04/2026", "not_a_day", ""),
        ("1900-01-00", "not_a_day", ""),
        ("46346", "not_a_date", ""),  # a spreadsheet's day number
        ("next Monday", "not_a_date", ""),
        ("  ", "blank", ""),
    ],
)
def test_ship_date_forms(written: str, verdict: str, rewritten: str) -> None:
    found = read_ship_date(written)
    assert (found.verdict, found.rewritten) == (verdict, rewritten)


def test_chinese_excel_dates_in_a_gbk_file_are_rewritten_and_the_rest_kept(
    tmp_path: Path,
) -> None:
    # Chinese Excel saves "Text (Tab delimited)" in the ANSI code page, GBK; one row also has a
    # full-width tracking number: both cells rewritten in one line, every other byte kept.
    rows = [
        _row(1, "2026-11-20", method="标准"),
        _row(2, "2026/11/20", method="标准"),
        _row(3, "2026年11月21日", number="１Ｚ" + ups_number(3)[2:], method="标准"),
        _row(4, "2026/1/5", method="标准"),
    ]
    source, text = _file(tmp_path, rows, "gbk")
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed))
    assert code == 1, output
    said = " ".join(output.split())
    assert "Ship-date not written yyyy-mm-dd (Amazon's form): 3 rows (rewritten in fixed.txt)" in (
        said
    )
    assert "ship-date '2026/11/20' is 20 November 2026 but not in Amazon's form yyyy-mm-dd" in said
    assert "1 tracking cell(s) cleaned and 3 ship-date(s) written yyyy-mm-dd" in said
    expected = (
        text.replace("2026/11/20", "2026-11-20")
        .replace("2026年11月21日", "2026-11-21")
        .replace("2026/1/5", "2026-01-05")
        .replace("１Ｚ", "1Z")
    )
    assert fixed.read_bytes() == expected.encode("gbk")
    assert not (tmp_path / "fixed.left-for-you.txt").exists()  # nothing left for the seller
    # the corrected copy passes
    code, output = _run(str(fixed))
    assert code == 0, output


def test_dates_amazon_would_reject_are_grouped_and_the_ambiguous_left_for_the_seller(
    tmp_path: Path,
) -> None:
    rows = [_row(n, "11/20/2026") for n in range(1, 13)]  # 12 rows of US Excel dates
    rows += [_row(13, "03/04/2026"), _row(14, ""), _row(15, "2026-11-20 10:00:00")]
    source, text = _file(tmp_path, rows)
    code, output = _run(str(source))
    assert code == 1
    said = " ".join(output.split())
    assert "Ship-date not written yyyy-mm-dd (Amazon's form): 13 rows (--fix rewrites them)" in said
    assert "... and 3 more (every row: --json)" in said  # the first 10 rows shown
    assert "Ship-date Amazon cannot read, left for you: 2 rows" in said
    assert (
        "ship-date '03/04/2026' reads as 3 April 2026 (day first) or 4 March 2026 (month first): "
        "--fix cannot tell which. Write 2026-04-03 or 2026-03-04"
    ) in said
    assert "no ship-date: Amazon requires one" in said
    # a ship-date is about the upload, not the tracking IDs: the letter's sentence says so
    assert "All 15 tracking IDs in confirm.txt have the format and check digit" in said
    code, output = _run(str(source), "--json")
    data = json.loads(output)
    assert data["counts"] == {"ship_date": 13, "ship_date_left": 2}
    assert len(data["rows"]) == 15
    by_line = {row["line"]: row for row in data["rows"]}
    assert by_line[14]["ship_date"] == {
        "raw": "03/04/2026",
        "verdict": "ambiguous",
        "rewritten": None,
        "readings": ["2026-04-03", "2026-03-04"],
    }
    assert by_line[16]["ship_date"]["rewritten"] == "2026-11-20"
    fixed = tmp_path / "fixed.txt"
    code, output = _run(str(source), "--fix", str(fixed))
    assert fixed.read_bytes() == (
        text.replace("11/20/2026", "2026-11-20").replace("2026-11-20 10:00:00", "2026-11-20")
    ).encode("utf-8")
    left = (tmp_path / "fixed.left-for-you.txt").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split("\t")[0] for line in left[1:]] == ["14", "15"]
    assert "--fix cannot tell which" in left[1]


def test_a_row_cut_before_its_tracking_number_is_named_not_called_blank(tmp_path: Path) -> None:
    rows = [
        _row(1, "2026-11-20"),
        "113-1234567-0000002\t00000000000002\t1\t2026-11-20\tUPS",  # cut after carrier-code
        _row(3, "2026-11-20")[: -len("\tStandard")],  # without its (optional) ship-method
    ]
    source, _ = _file(tmp_path, rows)
    code, output = _run(str(source), "--json")
    assert code == 1
    data = json.loads(output)
    assert data["counts"] == {"cut_short": 1}  # not "missing": the cell is not there at all
    (row,) = data["rows"]
    assert (row["line"], row["cells"], row["verdict"], row["usable"]) == (
        3,
        [5, 8],
        "missing",
        False,
    )
    assert row["findings"] == [
        "the row has 5 of the 8 columns and ends before tracking-number: cut short? Amazon "
        "reads the missing cells as blank. Complete the row"
    ]
    code, output = _run(str(source))
    assert "Rows cut short (fewer cells than the column names): 1 row" in output


def test_the_summary_sentence_leaves_ship_dates_out(tmp_path: Path) -> None:
    source, _ = _file(tmp_path, [_row(1, "2026/11/20"), _row(2, "2026-11-20", "1Z5R8939035756712")])
    result = check_tracking_files([source])
    assert result.counts == {"unrecognised": 1, "ship_date": 1}
    assert result.sentence() == (
        "Of 2 tracking IDs in confirm.txt, 1 matched no format of the selected carrier."
    )


def test_metrics_reads_a_confirmation_file_re_saved_by_chinese_excel(tmp_path: Path) -> None:
    from appeal.sellerfiles.metrics import read_figures
    from tests.test_metrics_files import DATA, only

    # unshipped-us-utc.txt + confirm-us.txt (README: late confirmations 1 of 3), the ship-dates
    # as Chinese Excel writes them after opening and saving the file
    text = (DATA / "confirm-us.txt").read_text(encoding="utf-8")
    excel = tmp_path / "confirm.txt"
    excel.write_text(text.replace("2025-09-2", "2025/9/2"), encoding="utf-8", newline="")
    assert "2025/9/26" in excel.read_text(encoding="utf-8")
    result = read_figures([DATA / "unshipped-us-utc.txt", excel])
    late = only(result, "late_shipment_rate", "last_30d")
    assert (late.numerator, late.denominator) == (1, 3)
    # a date that reads both ways stops, naming the file, the line and the way out
    both = tmp_path / "both.txt"
    both.write_text(text.replace("2025-09-25", "09/10/2025"), encoding="utf-8", newline="")
    out = runner.invoke(app, ["metrics", str(both)])
    assert out.exit_code == 2
    said = " ".join(out.output.split())
    assert "both.txt:3: ship-date: '09/10/2025' reads as a day-first or a month-first date" in said
    assert "appeal tracking FILE --fix FIXED" in said
