"""Rows as sellers' files really hold them: a cell Excel wrote in double quotes because it holds
a line break (Alt+Enter), read as one cell by `appeal tracking` (its corrected copy keeping the
row whole) and `appeal metrics`; an All Orders row cut short, left out with a note."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from appeal.cli import app
from appeal.monitor.run import run_monitor
from appeal.monitor.wording import note_texts
from appeal.sellerfiles.metrics import read_figures
from tests.helpers import SHIPPING_COLUMNS
from tests.test_metrics_files import DATA, only
from tests.test_metrics_spapi import EXAMPLE

runner = CliRunner()
HEADER = "\t".join(SHIPPING_COLUMNS)
ZWSP = "\u200b"


def _ship(order: str, code: str, name: str, number: str, method: str = "Standard") -> str:
    return f"{order}\t{order[-4:]}1\t1\t2026-11-20\t{code}\t{name}\t{number}\t{method}"


def _tracking(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["tracking", *args])
    return result.exit_code, result.output


def test_a_quoted_carrier_name_with_a_line_break_is_one_cell_and_the_copy_keeps_it(
    tmp_path: Path,
) -> None:
    # As Excel for Windows saves "Text (Tab delimited)": rows end CRLF, the break typed with
    # Alt+Enter inside a cell is a lone LF and the cell is put in quotes ("" for a quote).
    rows = [
        HEADER,
        _ship("113-1234567-1234567", "UPS", "", "1Z12345E0201234563" + ZWSP),
        _ship("113-1234567-1234580", "Other", '"Yun\nExpress"', "YT2412345678901235"),
        _ship(
            "113-1234567-1234581", "Other", '"Yun ""Express""\nCo."', "YT2412345678901236" + ZWSP
        ),
        _ship("113-1234567-1234571", "UPS", "", "1Z12345E0201234564"),
    ]
    text = "\r\n".join(rows) + "\r\n"
    source = tmp_path / "confirm.txt"
    source.write_bytes(text.encode("utf-8"))
    fixed = tmp_path / "fixed.txt"
    code, output = _tracking(str(source), "--fix", str(fixed), "--json")
    assert code == 1, output
    data = json.loads(output)
    assert data["ids_checked"] == 4  # not 6: no row split in two, no "missing" ID invented
    assert "missing" not in data["counts"]
    by_line = {row["line"]: row for row in data["rows"]}
    # each row is named by its first line; the row after a two-line row is on line 7
    assert by_line[3]["raw"] == "YT2412345678901235"
    assert by_line[3]["carrier_name"] == "Yun\nExpress"
    assert "use the code Yun Express" in " ".join(by_line[3]["findings"])
    assert by_line[5]["cleaned"] == "YT2412345678901236"
    assert by_line[7]["kinds"] == ["check_failed"]
    # the copy: the two cleaned cells changed, every other byte (quotes, LF, CRLF) as it was
    expected = text.replace(ZWSP, "").encode("utf-8")
    assert fixed.read_bytes() == expected


def test_shift_jis_copy_splices_the_right_cell_after_a_quoted_cell_with_a_tab(
    tmp_path: Path,
) -> None:
    rows = [
        HEADER,
        _ship(
            "250-1111111-0000001", "Other", '"ヤマト\t運輸\n本社"', "EJ123456785JP" + "　", "宅急便"
        ),
        _ship("250-1111111-0000002", "Japan Post", "", "ＥＪ123456785JP", "ゆうパック"),
    ]
    text = "\r\n".join(rows) + "\r\n"
    source = tmp_path / "出荷通知.txt"
    source.write_bytes(text.encode("cp932"))
    fixed = tmp_path / "fixed.txt"
    code, output = _tracking(str(source), "--fix", str(fixed), "--json")
    assert code == 1, output
    data = json.loads(output)
    assert data["ids_checked"] == 2
    assert {row["line"]: row["cleaned"] for row in data["rows"]} == {
        2: "EJ123456785JP",
        4: "EJ123456785JP",
    }
    expected = text.replace("EJ123456785JP　", "EJ123456785JP").replace("ＥＪ", "EJ")
    assert fixed.read_bytes() == expected.encode("cp932")


def test_a_quote_that_never_closes_is_a_located_error_and_a_whole_row_keeps_its_quote(
    tmp_path: Path,
) -> None:
    open_cell = tmp_path / "open.txt"
    short = '113-1234567-1234580\t1\t1\t2026-11-20\tOther\t"Yun'  # 6 cells, quote open
    open_cell.write_text("\n".join([HEADER, short, "Express\tYT2412345678901235\tx"]) + "\n")
    code, output = _tracking(str(open_cell))
    assert code == 2
    assert "open.txt:2: a cell here starts with a double quote" in output.replace("\n", " ")
    # Amazon's own files never quote: a name that starts with a quote in a whole row is text
    whole = tmp_path / "whole.txt"
    whole.write_text(
        HEADER + "\n" + _ship("113-1234567-1234567", "UPS", '"Best', "1Z12345E0201234563") + "\n"
    )
    code, output = _tracking(str(whole))
    assert code == 0, output


def _all_orders(tmp_path: Path, order: str, edit: Callable[[str], str]) -> tuple[Path, int]:
    """The real-shaped All Orders report with the row of `order` edited; the row's line."""
    lines = (DATA / "all-orders-us.txt").read_bytes().decode("utf-8").split("\r\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(order))
    lines[at] = edit(lines[at])
    path = tmp_path / "All Orders.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return path, at + 1


def test_all_orders_a_quoted_product_name_over_two_lines_counts_once(tmp_path: Path) -> None:
    # One of the two cancellations of the latest window (README of tests/data/metrics); its
    # product name as Excel writes a cell with a line break, the rest of the row on line 2.
    def broken(line: str) -> str:
        return line.replace("Garden hose 15 m, kink-free", '"Garden hose 15 m,\nkink-free"')

    path, _ = _all_orders(tmp_path, "113-0000008-0000000", broken)
    result = read_figures([path])
    latest = only(result, "cancellation_rate", "latest_7d")
    assert (latest.numerator, latest.denominator) == (2, 34)  # as in the file without the break
    assert result.notes == []
    (section,) = result.sections
    assert [n.kind for n in section.notes] == [
        "amazon_cancels_left_out",
        "other_channel",
        "cause_unknown",
    ]


def test_all_orders_a_row_cut_short_is_left_out_with_a_note(tmp_path: Path) -> None:
    # merchant-fulfilled, Pacific 9 October: in the latest window; cut after order-status
    path, line = _all_orders(
        tmp_path, "113-0000010-0000001", lambda row: "\t".join(row.split("\t")[:5])
    )
    result = read_figures([path])
    latest = only(result, "cancellation_rate", "latest_7d")
    assert (latest.numerator, latest.denominator) == (2, 33)  # 34 without the cut row
    (note,) = result.notes
    assert (note.kind, note.count, note.detail, note.columns) == (
        "cut_rows",
        1,
        f"All Orders.txt line {line}",
        (5, 32),
    )
    out = runner.invoke(app, ["metrics", str(path)])
    assert out.exit_code == 0
    said = " ".join(out.output.split())
    assert (
        f"1 row of the All Orders report (All Orders.txt line {line}) has 5 of 32 columns and "
        "was left out" in said
    )
    out = runner.invoke(app, ["metrics", str(path), "--json"])
    (shown,) = json.loads(out.output)["notes"]
    assert (shown["kind"], shown["count"], shown["columns"]) == ("cut_rows", 1, [5, 32])
    # the monitor says it too
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "All Orders.txt").write_bytes(path.read_bytes())
    now = dt.datetime(2026, 10, 14, 12, tzinfo=dt.UTC)
    monitored = run_monitor(folder=folder, now=now, as_of=dt.date(2026, 10, 13), record=False)
    assert any(
        f"1 row(s) of the All Orders report (All Orders.txt line {line}) have fewer columns "
        "than its header (the first: 5 of 32)" in text
        for text in note_texts(monitored)
    )


def test_a_huge_cell_is_cut_in_the_terminal_and_whole_in_json(tmp_path: Path) -> None:
    # a damaged file: one tracking cell of a million characters, another of pasted spaces
    huge = "A" * 1_000_000
    pasted = "1Z12345E02" + ZWSP * 50_000 + "01234563"
    source = tmp_path / "confirm.txt"
    rows = [HEADER, _ship("113-1234567-1234571", "UPS", "", huge)]
    rows.append(_ship("113-1234567-1234572", "UPS", "", pasted))
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, output = _tracking(str(source))
    assert code == 1
    assert len(output) < 3_000  # the whole report, not a million characters
    assert f"UPS: {'A' * 60}... (1,000,000 characters)" in output
    said = " ".join(output.split())
    assert "50,000 x U+200B ZERO WIDTH SPACE at positions 11 to 50,010" in said
    code, output = _tracking(str(source), "--json")
    rows_json = json.loads(output)["rows"]
    assert [row["raw"] for row in rows_json] == [huge, pasted]


def test_digits_of_another_script_and_scientific_notation_are_named_once(tmp_path: Path) -> None:
    arabic = "".join(chr(0x0660 + int(d)) for d in "9400111899223344556677")
    source = tmp_path / "confirm.txt"
    rows = [HEADER, _ship("113-1234567-1234571", "USPS", "", arabic)]
    rows.append(_ship("113-1234567-1234572", "USPS", "", "9.40011E+21"))
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, output = _tracking(str(source))
    assert code == 1
    said = " ".join(output.split())
    assert "cannot be cleaned: 22 digits of another script (Arabic-Indic)" in said
    assert "ARABIC-INDIC DIGIT" not in said
    assert "scientific notation (9.40011E+21): its last digits are lost" in said
    assert "U+002B PLUS SIGN" not in said


def test_an_old_amazon_report_among_new_order_files_is_shown_apart(tmp_path: Path) -> None:
    # Amazon's own example (windows in 2020) with the October 2026 All Orders report
    report = tmp_path / "performance.json"
    report.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    result = read_figures([report, DATA / "all-orders-us.txt"])
    old, new, suspended = result.sections
    assert (suspended.marketplace, suspended.figures) == ("amazon.com.mx", [])
    assert old.marketplace_id == "ATVPDKIKX0DER" and old.period is not None
    assert old.period[1] == dt.date(2020, 11, 19)
    assert {f.source for f in old.figures} == {"amazon"}
    assert new.period == (dt.date(2026, 9, 30), dt.date(2026, 10, 13))
    assert {f.source for f in new.figures} == {"estimate"}
    # the estimates keep the usual target: the 2020 report's 1 % is not theirs
    assert {f.target.text for f in new.figures if f.target} == {"< 2.5 %"}
    (note,) = [n for n in result.notes if n.kind == "amazon_report_apart"]
    assert note.period == old.period
    out = runner.invoke(app, ["metrics", str(report), str(DATA / "all-orders-us.txt")])
    said = " ".join(out.output.split())
    assert "Amazon's performance report covers 2020-09-06 to 2020-11-19, far from" in said
    assert "amazon.com, 2026-09-30 to 2026-10-13" in said
    assert "(| marks the 2.5 % target)" in said
    # the monitor follows the newer files and says why the old figures are not there
    folder = tmp_path / "folder"
    folder.mkdir()
    for source in (report, DATA / "all-orders-us.txt"):
        (folder / source.name).write_bytes(source.read_bytes())
    now = dt.datetime(2026, 10, 14, 12, tzinfo=dt.UTC)
    monitored = run_monitor(folder=folder, now=now, as_of=dt.date(2026, 10, 13), record=False)
    assert {w.figure.source for w in monitored.watches} == {"estimate"}
    assert not [s for s in monitored.signals if s.kind == "account_status"]  # 2020's AT_RISK
    assert any("far apart in time" in text for text in note_texts(monitored))


def test_an_amazon_report_of_the_same_days_gives_its_target_to_the_estimates(
    tmp_path: Path,
) -> None:
    # the same example moved to 2026: its windows reach over the October 2026 orders
    report = tmp_path / "performance.json"
    report.write_text(json.dumps(EXAMPLE).replace('"2020-', '"2026-'), encoding="utf-8")
    result = read_figures([report, DATA / "all-orders-us.txt"])
    section, suspended = result.sections
    assert (suspended.account_status, suspended.figures) == ("SUSPENDED", [])
    cancellation = [f for f in section.figures if f.metric == "cancellation_rate"]
    assert {f.source for f in cancellation} == {"amazon", "estimate"}
    assert {f.target.text for f in cancellation if f.target} == {"< 1 %"}  # Amazon's, for all
    assert not [n for n in result.notes if n.kind == "amazon_report_apart"]
    out = runner.invoke(app, ["metrics", str(report), str(DATA / "all-orders-us.txt")])
    said = " ".join(out.output.split())
    assert "(| marks the 1 % target)" in said
    assert "2.5 %" not in said


def test_as_of_that_cuts_the_files_short_says_so() -> None:
    # all-orders-us.txt: Pacific 30 September to 13 October; --as-of 3 October leaves 4 days
    result = read_figures([DATA / "all-orders-us.txt"], as_of=dt.date(2026, 10, 3))
    (section,) = result.sections
    notes = {n.kind: n for n in section.notes}
    assert "short_span" not in notes
    assert notes["short_before_as_of"].detail == "2026-09-30 to 2026-10-03"
    (figure,) = [f for f in section.figures if f.metric == "cancellation_rate"]
    assert figure.role == "span" and figure.denominator == 20  # 4 days x 5 orders, none Pending
    out = runner.invoke(app, ["metrics", str(DATA / "all-orders-us.txt"), "--as-of", "2026-10-03"])
    said = " ".join(out.output.split())
    assert "--as-of leaves fewer than 7 days of orders (2026-09-30 to 2026-10-03)" in said
    assert "The files span fewer than 7 days" not in said
    lines = out.output.splitlines()
    header = next(line for line in lines if "figure" in line and "value" in line)
    row = next(line for line in lines if "Cancellation Rate" in line)
    assert row.index("%") + 1 == header.index("value") + len("value")  # in its column


def test_as_of_after_the_files_says_where_they_end() -> None:
    result = read_figures([DATA / "all-orders-us.txt"], as_of=dt.date(2026, 12, 1))
    (section,) = result.sections
    assert only(result, "cancellation_rate", "latest_7d").value is None  # "no orders"
    notes = {n.kind: n.detail for n in section.notes}
    assert notes["as_of_after_files"] == "2026-10-13"
    within = read_figures([DATA / "all-orders-us.txt"], as_of=dt.date(2026, 10, 13))
    assert "as_of_after_files" not in {n.kind for s in within.sections for n in s.notes}


def test_all_orders_a_quoted_product_name_holding_a_tab_keeps_the_cells_in_place(
    tmp_path: Path,
) -> None:
    """Excel quotes a cell holding a tab; split plainly, the cells after it moved one column
    to the right (here the currency: a 'mixed currencies' note for a one-currency file)."""

    def tabbed(line: str) -> str:
        return line.replace("Garden hose 15 m, kink-free", '"Garden hose\t15 m, kink-free"')

    (tmp_path / "plain").mkdir()
    (tmp_path / "tab").mkdir()
    plain, _ = _all_orders(tmp_path / "plain", "113-0000008-0000000", lambda line: line)
    path, _ = _all_orders(tmp_path / "tab", "113-0000008-0000000", tabbed)
    assert '"Garden hose\t15 m' in path.read_text(encoding="utf-8")
    expected, got = read_figures([plain]), read_figures([path])
    (want,), (have,) = expected.sections, got.sections
    assert [(n.kind, n.count) for n in have.notes] == [(n.kind, n.count) for n in want.notes]
    latest = only(got, "cancellation_rate", "latest_7d")
    assert (latest.numerator, latest.denominator) == (2, 34)
