"""Unshipped orders and shipping-confirmation rows cut short (fewer cells than the header, ending
before a column the readers need) are left out with a note, as All Orders rows are, in
`appeal metrics` (terminal and --json) and `appeal monitor`; a row that lacks only later,
optional columns is read. Built on the real-shaped files of tests/data/metrics (README)."""

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
from tests.monitor_files import place
from tests.test_metrics_files import DATA, only

runner = CliRunner()
# 27 September 2025 in Los Angeles: the day after the last promise and shipment of the files
NOW = dt.datetime(2025, 9, 27, 19, 0, tzinfo=dt.UTC)


def _edited(name: str, order: str, edit: Callable[[list[str]], list[str]], folder: Path) -> Path:
    """The file `name` of tests/data/metrics with the row of `order` edited cell by cell."""
    raw = (DATA / name).read_bytes().decode("utf-8")
    ending = "\r\n" if "\r\n" in raw else "\n"
    lines = raw.split(ending)
    at = next(n for n, line in enumerate(lines) if line.startswith(order))
    lines[at] = "\t".join(edit(lines[at].split("\t")))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(ending.join(lines).encode("utf-8"))
    return path


def test_an_unshipped_row_cut_after_its_promise_date_is_left_out_with_a_note(
    tmp_path: Path,
) -> None:
    # 112-1111111-0000001 is the late one (promised Pacific 25 September, shipped the 26th);
    # its row cut after promise-date: 6 of 28 cells, without the buyer-cancellation flag and
    # the sales channel. Padded, it still counted (1 of 3 late, its flag read as blank).
    unshipped = _edited(
        "unshipped-us-utc.txt", "112-1111111-0000001", lambda cells: cells[:6], tmp_path
    )
    files = [unshipped, DATA / "confirm-us.txt"]
    result = read_figures(files, marketplace="amazon.com")
    late = only(result, "late_shipment_rate", "last_30d")
    assert (late.numerator, late.denominator) == (0, 2)
    (note,) = [n for n in result.notes if n.kind == "cut_rows"]
    assert (note.count, note.detail, note.columns, note.report) == (
        1,
        "unshipped-us-utc.txt line 2",
        (6, 28),
        "unshipped",
    )
    args = ["metrics", *map(str, files), "--marketplace", "amazon.com"]
    said = " ".join(runner.invoke(app, args).output.split())
    assert (
        "1 row of the Unshipped orders report (unshipped-us-utc.txt line 2) has 6 of 28 "
        "columns and was left out: the figures do not count it. Download the report again"
    ) in said
    shown = json.loads(runner.invoke(app, [*args, "--json"]).output)["notes"]
    assert [(n["kind"], n["count"], n["columns"], n["report"]) for n in shown] == [
        ("cut_rows", 1, [6, 28], "unshipped")
    ]


def test_a_confirmation_cut_before_its_tracking_number_is_left_out_not_unusable(
    tmp_path: Path,
) -> None:
    # confirm-us.txt: three UPS shipments, all usable. The third row cut after carrier-code
    # (5 of 8 cells) has no tracking-number cell: padded, it was an unusable blank ID (2 of 3).
    confirm = _edited("confirm-us.txt", "112-1111111-0000003", lambda cells: cells[:5], tmp_path)
    result = read_figures([confirm], marketplace="amazon.com")
    tracking = only(result, "valid_tracking_rate", "last_30d")
    assert (tracking.numerator, tracking.denominator) == (2, 2)
    (note,) = result.notes
    assert (note.kind, note.detail, note.columns, note.report) == (
        "cut_rows",
        "confirm-us.txt line 4",
        (5, 8),
        "shipping_confirmation",
    )
    out = runner.invoke(app, ["metrics", str(confirm), "--marketplace", "amazon.com"])
    said = " ".join(out.output.split())
    assert (
        "1 row of the shipping-confirmation upload file (confirm-us.txt line 4) has 5 of 8 "
        "columns and was left out: the figures do not count it. Check the file"
    ) in said


def test_a_confirmation_without_its_last_optional_column_is_read(tmp_path: Path) -> None:
    # ship-method (the last column, optional) dropped with its tab, as some tools trim an empty
    # last cell: the row keeps every cell Amazon requires or the readers judge.
    confirm = _edited("confirm-us.txt", "112-1111111-0000003", lambda cells: cells[:7], tmp_path)
    result = read_figures([confirm], marketplace="amazon.com")
    tracking = only(result, "valid_tracking_rate", "last_30d")
    assert (tracking.numerator, tracking.denominator) == (3, 3)
    assert result.notes == []


def test_monitor_leaves_cut_rows_out_of_its_warnings_and_says_so(tmp_path: Path) -> None:
    cut = _edited(
        "unshipped-us-utc.txt", "112-1111111-0000001", lambda cells: cells[:6], tmp_path / "in"
    )
    # the Unshipped report alone: read only for the warnings (no figure in the folder)
    alone = tmp_path / "alone"
    place(alone, {"Unshipped.txt": cut.read_bytes()}, NOW)
    monitored = run_monitor(folder=alone, now=NOW, record=False)
    late = [s for s in monitored.signals if s.kind == "late_today"]
    assert [s.orders for s in late] == [("112-1111111-0000002", "112-1111111-0000003")]
    expected = (
        "1 row(s) of the Unshipped orders report (Unshipped.txt line 2) have fewer columns than "
        "its header (the first: 6 of 28) and were left out: download the report again."
    )
    assert expected in note_texts(monitored)
    assert any(
        "未发货订单报告中有 1 行（Unshipped.txt line 2）的列数少于表头" in text
        for text in note_texts(monitored, "zh")
    )
    # with the confirmations the figures are read too: one note, not two
    both = tmp_path / "both"
    confirm = _edited(
        "confirm-us.txt", "112-1111111-0000003", lambda cells: cells[:5], tmp_path / "in2"
    )
    place(both, {"Unshipped.txt": cut.read_bytes(), "confirm.txt": confirm.read_bytes()}, NOW)
    monitored = run_monitor(folder=both, now=NOW, record=False)
    texts = [t for t in note_texts(monitored) if "fewer columns" in t]
    assert texts == [
        expected,
        "1 row(s) of the shipping-confirmation file (confirm.txt line 4) have fewer columns "
        "than its header (the first: 5 of 8) and were left out: check the file (a row cut "
        "short, or edited?).",
    ]
