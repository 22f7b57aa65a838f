"""Files that are not what `appeal tracking` and `appeal metrics` expect: empty, only the column
names, only blank lines. Such a file is a truncated export or the wrong file, never a clean
result: exit 2 naming the file (a script's `appeal tracking file || stop` stops)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from tests.conftest import ROOT

runner = CliRunner()
METRICS = ROOT / "tests" / "data" / "metrics"
COLUMNS = "\t".join(
    [
        "order-id",
        "order-item-id",
        "quantity",
        "ship-date",
        "carrier-code",
        "carrier-name",
        "tracking-number",
        "ship-method",
    ]
)
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
