"""Which download the monitor reads, by the data in it and not by the time the file was saved
(tester3 F2.2): a seller re-downloads an old date range, or copies the folder from another
computer (an unzip, `cp` without -a, a sync tool all set the file time to now), and the old
report must not replace the real newest one. A report read that ends days before the day
judged is said, and "no orders" never stands for "no data for these days"."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from appeal.monitor.result import MonitorResult, Signal
from appeal.monitor.run import run_monitor
from appeal.monitor.wording import empty, note_texts, signal_text, warning_texts
from tests.conftest import run_appeal
from tests.monitor_files import (
    ALL_ORDERS_COLUMNS,
    UNSHIPPED_COLUMNS,
    all_orders_row,
    order_id,
    orders_file,
    place,
    table,
    unshipped_row,
)

AMAZON_EXAMPLE = Path(__file__).resolve().parent / "data" / "amazon-reports"
NOV_10 = dt.date(2026, 11, 10)
NOV_24 = dt.date(2026, 11, 24)
AS_OF = dt.date(2026, 11, 25)
SAVED_24 = dt.datetime(2026, 11, 24, 17, 0, tzinfo=dt.UTC)  # 09:00 in Los Angeles
SAVED_NOW = dt.datetime(2026, 11, 26, 23, 39, tzinfo=dt.UTC)  # the old copy, saved later
NOW = dt.datetime(2026, 11, 26, 23, 45, tzinfo=dt.UTC)


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def kinds(result: MonitorResult) -> list[str]:
    return [s.kind for s in result.signals]


def one(result: MonitorResult, kind: str) -> Signal:
    found = [s for s in result.signals if s.kind == kind]
    assert len(found) == 1, kinds(result)
    return found[0]


def old_download() -> dict[str, str | bytes]:
    """The downloads of 10 November: orders to that day; one order unshipped then, promised
    for 12 November (it shipped long ago)."""
    late = unshipped_row(
        "113-0000000-0000001",
        utc("2026-11-09T18:00:00+00:00"),
        utc("2026-11-13T07:59:59+00:00"),  # 23:59:59 on 12 November in Los Angeles
    )
    return {
        "All_Orders_20261110.txt": orders_file(dt.date(2026, 10, 12), NOV_10),
        "Unshipped_20261110.txt": table(UNSHIPPED_COLUMNS, [late]),
    }


def new_download() -> dict[str, str | bytes]:
    """The downloads of 24 November: 10 orders a day, 2 of each day cancelled (20 %); one
    order unshipped, promised for 27 November."""
    waiting = unshipped_row(
        "113-0000000-0000002",
        utc("2026-11-24T16:00:00+00:00"),
        utc("2026-11-28T07:59:59+00:00"),
    )
    return {
        "All_Orders_20261124.txt": orders_file(dt.date(2026, 10, 26), NOV_24, cancelled=2),
        "Unshipped_20261124.txt": table(UNSHIPPED_COLUMNS, [waiting]),
    }


def test_an_old_download_saved_later_does_not_replace_the_newest(tmp_path: Path) -> None:
    place(tmp_path, new_download(), SAVED_24)
    place(tmp_path, old_download(), SAVED_NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=AS_OF, record=False)
    read = sorted(path.name for path, kind in result.files if kind != "shipping_confirmation")
    assert read == ["All_Orders_20261124.txt", "Unshipped_20261124.txt"]
    # no false "ship today" from the old Unshipped report; the report read is current
    assert kinds(result) == []
    (cancel,) = [w for w in result.watches if w.figure.metric == "cancellation_rate"]
    # 19 - 25 November (the files end on the 24th): 12 of 60 orders cancelled
    assert cancel.figure.value == 20.0 and cancel.assessment.status == "red"
    notes = note_texts(result)
    assert "2 older downloads of the same reports were left aside" in " ".join(notes)
    assert (
        "All_Orders_20261110.txt was saved after All_Orders_20261124.txt but its data ends "
        "earlier (2026-11-10): All_Orders_20261124.txt is read."
    ) in notes


def test_the_dashboard_says_which_files_were_left_aside(tmp_path: Path) -> None:
    place(tmp_path, new_download(), SAVED_24)
    place(tmp_path, old_download(), SAVED_NOW)
    done = run_appeal("monitor", str(tmp_path), "--as-of", AS_OF.isoformat())
    said = " ".join(done.stdout.split())
    assert "2 older downloads of the same reports were left aside" in said
    assert "Unshipped_20261110.txt was saved after Unshipped_20261124.txt" in said
    assert "past their promise date" not in said


def test_a_report_that_ends_days_before_the_day_judged_is_a_warning(tmp_path: Path) -> None:
    place(tmp_path, old_download(), SAVED_NOW)  # only the old download, saved today
    result = run_monitor(folder=tmp_path, now=NOW, as_of=AS_OF, record=False)
    ended = one(result, "report_ends")
    assert (ended.name, ended.end, ended.today) == ("all_orders", NOV_10, AS_OF)
    assert signal_text(ended) == (
        "All_Orders_20261110.txt: your All Orders report ends 2026-11-10, 15 days before the "
        "day judged (2026-11-25): download a fresh one. The figures cannot know the days "
        "after it."
    )
    assert "截至 2026-11-10，比判断日（2026-11-25）早 15 天" in signal_text(ended, "zh")
    # the window of 19-25 November holds no data: not "no orders"
    (cancel,) = [w for w in result.watches if w.figure.metric == "cancellation_rate"]
    assert cancel.figure.value is None and cancel.no_data
    assert empty(cancel, "en") == "no data" and empty(cancel, "zh") == "无数据"
    assert result.exit_code == 1


def test_a_slow_sellers_report_of_today_is_not_called_old(tmp_path: Path) -> None:
    """The newest order was bought five days ago, but the report was brought up to date
    today (its last-updated-date): it is today's report."""
    rows = []
    for n, day in enumerate((dt.date(2026, 11, 12), dt.date(2026, 11, 20))):
        bought = dt.datetime(day.year, day.month, day.day, 18, tzinfo=dt.UTC)
        row = all_orders_row(order_id(day, n), bought, "Shipped")
        row["last-updated-date"] = "2026-11-25T15:00:00+00:00"
        rows.append(row)
    place(tmp_path, {"orders.txt": table(ALL_ORDERS_COLUMNS, rows)}, SAVED_NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=AS_OF, record=False)
    assert "report_ends" not in kinds(result)
    (cancel,) = [w for w in result.watches if w.figure.metric == "cancellation_rate"]
    assert cancel.figure.value == 0.0  # the order of 20 November is in the window


def test_amazons_example_saved_today_is_called_old(tmp_path: Path) -> None:
    """Amazon's own example report (windows ending 19 November 2020) saved today: judged by
    its reportingDateTo, not by the file's time."""
    schema = json.loads((AMAZON_EXAMPLE / "accountHealthReport-2020-11-18.json").read_text())
    place(tmp_path, {"report-2020": json.dumps(schema["examples"][0])}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, record=False)
    ended = one(result, "report_ends")
    assert (ended.name, ended.end) == ("performance_json", dt.date(2020, 11, 19))
    said = " ".join(warning_texts(result))
    assert "report-2020: your seller performance report (SP-API) ends 2020-11-19" in said


def test_a_report_of_yesterday_is_not_old(tmp_path: Path) -> None:
    """Amazon's performance report ends the day before it is made: not a warning."""
    schema = json.loads((AMAZON_EXAMPLE / "accountHealthReport-2020-11-18.json").read_text())
    moved = json.dumps(schema["examples"][0]).replace('"2020-11-19', '"2026-11-25')
    place(tmp_path, {"report.json": moved}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, record=False)  # 26 November in LA
    assert "report_ends" not in kinds(result)


def test_orders_an_old_unshipped_report_lists_but_all_orders_says_shipped(
    tmp_path: Path,
) -> None:
    """Only an old Unshipped report in the folder, beside today's All Orders report: the order
    it lists as due on 12 November shipped long ago (All Orders: Shipped), so no false 'ship
    today'; an order All Orders still calls Unshipped stays."""
    shipped, waiting = "113-0000000-0000001", "113-0000000-0000003"
    rows = [
        all_orders_row(shipped, utc("2026-11-09T18:00:00+00:00"), "Shipped"),
        all_orders_row(waiting, utc("2026-11-09T19:00:00+00:00"), "Unshipped"),
        all_orders_row(order_id(NOV_24, 1), utc("2026-11-24T18:00:00+00:00"), "Shipped"),
    ]
    late = utc("2026-11-13T07:59:59+00:00")  # 23:59:59 on 12 November in Los Angeles
    unshipped = [
        unshipped_row(shipped, utc("2026-11-09T18:00:00+00:00"), late),
        unshipped_row(waiting, utc("2026-11-09T19:00:00+00:00"), late),
    ]
    files: dict[str, str | bytes] = {
        "All_Orders_20261124.txt": table(ALL_ORDERS_COLUMNS, rows),
        "Unshipped_20261110.txt": table(UNSHIPPED_COLUMNS, unshipped),
    }
    place(tmp_path, files, SAVED_NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=AS_OF, record=False)
    due = one(result, "late_today")
    assert (due.count, due.orders, due.overdue) == (1, (waiting,), 1)
    (note,) = [n for n in result.notes if n.kind == "unshipped_done_since"]
    assert note.count == 1
    assert (
        "1 order(s) of Unshipped_20261110.txt have shipped or been cancelled since, says "
        "All_Orders_20261124.txt: left out."
    ) in " ".join(note_texts(result))
