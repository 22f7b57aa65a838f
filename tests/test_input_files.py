"""Files that are not what `appeal tracking` and `appeal metrics` expect: empty, only the column
names, only blank lines. Such a file is a truncated export or the wrong file, never a clean
result: exit 2 naming the file (a script's `appeal tracking file || stop` stops)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from tests.conftest import ROOT
from tests.helpers import SHIPPING_COLUMNS

runner = CliRunner()
METRICS = ROOT / "tests" / "data" / "metrics"
COLUMNS = "\t".join(SHIPPING_COLUMNS)
# Amazon JP's template: two lines above the column names (domain.md 6a).
JP_TOP = (
    "TemplateType=OrderFulfillment\tVersion=2011.1102\r\n"
    "注文番号\t注文商品番号\t出荷数\t出荷日\t配送業者コード\t配送業者名\tお問い合わせ伝票番号\t配送方法\r\n"
)


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "empty.txt: the file is empty"),
        (b"\xef\xbb\xbf", "empty.txt: the file is empty"),  # Excel's BOM and nothing else
        (b"\r\n   \r\n\t\r\n", "empty.txt: the file has only blank lines"),
        ((COLUMNS + "\r\n").encode(), "empty.txt:1: the column names are there, but no rows"),
        ((COLUMNS + "\n\n \n").encode(), "empty.txt:1: the column names are there, but no rows"),
        ((JP_TOP + COLUMNS + "\r\n").encode("cp932"), "empty.txt:3: the column names are there"),
    ],
    ids=["zero-bytes", "bom-only", "blank-lines", "header-only", "header-blanks", "jp-template"],
)
def test_tracking_refuses_a_file_without_rows(tmp_path: Path, content: bytes, said: str) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(content)
    fixed = tmp_path / "fixed.txt"
    code, output = _invoke("tracking", str(source), "--fix", str(fixed))
    assert code == 2
    assert said in " ".join(output.split())
    assert "All 0" not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]  # nothing written


def test_tracking_refuses_the_empty_one_of_several_files(tmp_path: Path) -> None:
    good = tmp_path / "monday.txt"
    row = "113-1234567-0000001\t1\t1\t2026-11-20\tUPS\t\t1Z999AA10123456784\t"
    good.write_text(f"{COLUMNS}\n{row}\n")
    cut = tmp_path / "tuesday.txt"
    cut.write_text(COLUMNS + "\n")
    code, output = _invoke("tracking", str(good), str(cut))
    assert code == 2 and "tuesday.txt:1: the column names are there, but no rows" in output


def test_metrics_refuses_a_report_with_only_its_column_names(tmp_path: Path) -> None:
    header = (METRICS / "all-orders-us.txt").read_text(encoding="utf-8").splitlines()[0]
    report = tmp_path / "all-orders.txt"
    report.write_text(header + "\r\n", encoding="utf-8")
    code, output = _invoke("metrics", str(report))
    assert code == 2
    assert "all-orders.txt:1: the All Orders report has column names but no rows" in " ".join(
        output.split()
    )


def test_metrics_notes_an_empty_report_beside_real_ones(tmp_path: Path) -> None:
    header = (METRICS / "unshipped-us-utc.txt").read_text(encoding="utf-8").splitlines()[0]
    unshipped = tmp_path / "unshipped.txt"
    unshipped.write_text(header + "\n", encoding="utf-8")
    code, output = _invoke("metrics", str(METRICS / "all-orders-us.txt"), str(unshipped))
    assert code == 0
    flat = " ".join(output.split())
    assert "unshipped.txt: column names but no rows below them, so nothing was read from it" in flat
    code, output = _invoke("metrics", str(METRICS / "all-orders-us.txt"), str(unshipped), "--json")
    assert '"no_rows"' in output


def _excel_csv(rows: list[list[str]], separator: str = ",") -> bytes:
    """What Excel's "CSV UTF-8" writes: a BOM, CRLF, quotes around cells holding the separator."""
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


UPLOAD_ROWS = [
    COLUMNS.split("\t"),
    ["113-1234567-0000001", "1001", "1", "2026-11-20", "UPS", "", "1Z999AA10123456784", "Ground"],
    [
        "113-1234567-0000002",
        "1002",
        "1",
        "2026-11-20",
        "Other",
        "Yun, Express",
        "YT2412345678901235",
        "",
    ],
]


@pytest.mark.parametrize(
    ("separator", "how"), [(",", "comma-separated"), (";", "semicolon-separated")]
)
def test_tracking_refuses_an_excel_csv_and_says_how_to_save_it(
    tmp_path: Path, separator: str, how: str
) -> None:
    source = tmp_path / "confirm.csv"
    source.write_bytes(_excel_csv(UPLOAD_ROWS, separator))
    code, output = _invoke("tracking", str(source), "--fix", str(tmp_path / "fixed.csv"))
    flat = " ".join(output.split())
    assert code == 2
    assert f"confirm.csv:1: the columns are {how}" in flat
    assert "shipping-confirmation upload file is tab-delimited" in flat
    assert "Text (Tab delimited)" in flat
    assert sorted(p.name for p in tmp_path.iterdir()) == ["confirm.csv"]


def test_metrics_says_an_all_orders_csv_is_comma_separated(tmp_path: Path) -> None:
    lines = (METRICS / "all-orders-us.txt").read_text(encoding="utf-8").splitlines()[:4]
    source = tmp_path / "orders.csv"
    source.write_bytes(_excel_csv([line.split("\t") for line in lines]))
    code, output = _invoke("metrics", str(source))
    flat = " ".join(output.split())
    assert code == 2
    assert "orders.csv:1: the columns are comma-separated" in flat
    assert "All Orders report is tab-delimited" in flat


def test_tracking_refuses_json_and_a_case_file_and_writes_nothing(tmp_path: Path) -> None:
    report = ROOT / "tests" / "data" / "amazon-reports" / "accountHealthReport-2020-11-18.json"
    code, output = _invoke("tracking", str(report), "--fix", str(tmp_path / "a.txt"))
    assert code == 2 and "this is JSON" in output and "appeal metrics" in output
    case = ROOT / "examples" / "vtr-toys.yaml"
    code, output = _invoke("tracking", str(case), "--fix", str(tmp_path / "b.txt"))
    assert code == 2 and "vtr-toys.yaml" in output and "looks like YAML" in output
    assert list(tmp_path.iterdir()) == []


def test_tracking_refuses_prose_but_reads_a_badly_pasted_list(tmp_path: Path) -> None:
    prose = tmp_path / "notes.txt"
    prose.write_text(
        "Tracking numbers for the appeal\n"
        "37 of 412 merchant-fulfilled packages shipped between 6 October and 4 November\n"
        "1Z999AA10123456784\n"
        "Ask the warehouse about the others.\n",
        encoding="utf-8",
    )
    code, output = _invoke("tracking", str(prose), "--fix", str(tmp_path / "fixed.txt"))
    assert code == 2 and "notes.txt:1: 'Tracking numbers for the appeal' is not a tracking" in (
        " ".join(output.split())
    )
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(
        "tracking number\n"  # a heading the seller typed
        " 1Z 999 AA1 0123 4567 84\n"
        "１Ｚ９９９ＡＡ１０１２３４５６７８４\n"
        "1z999aa1012345678\u200b4\n"
        "\u0669\u0664\u0660\u0660\u0661\u0661\u0661\u0668\u0669\u0669\n"
        "9.40011E+21\n",
        encoding="utf-8",
    )
    code, output = _invoke("tracking", str(pasted), "--carrier", "UPS", "--json")
    assert code == 1
    assert json.loads(output)["ids_checked"] == 6
