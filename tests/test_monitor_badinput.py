"""Bad input for `appeal monitor`: each case a clear message, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from appeal.errors import InputError
from appeal.monitor.run import run_monitor
from appeal.monitor.store import DB_NAME
from tests.conftest import ROOT, run_appeal
from tests.monitor_files import RUN_DAYS, orders_file, place, write_day

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def test_an_empty_folder(tmp_path: Path) -> None:
    done = run_appeal("monitor", str(tmp_path))
    assert done.returncode == 2
    assert "no Amazon report in this folder" in done.stderr
    assert "All Orders report" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / DB_NAME).exists()  # nothing written for nothing read


def test_a_folder_of_other_files_names_them(tmp_path: Path) -> None:
    place(tmp_path, {"notes.txt": "call the carrier\n", "photo.jpg": b"\xff\xd8\xff\xe0" * 50}, NOW)
    done = run_appeal("monitor", str(tmp_path))
    assert done.returncode == 2
    assert "none of the files is an Amazon report appeal reads (notes.txt, photo.jpg)" in (
        done.stderr
    )


def test_a_missing_folder_or_a_file_instead(tmp_path: Path) -> None:
    missing = run_appeal("monitor", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr
    place(tmp_path, {"a.txt": "x"}, NOW)
    a_file = run_appeal("monitor", str(tmp_path / "a.txt"))
    assert a_file.returncode == 2 and "a file, not a folder" in a_file.stderr


def test_options_out_of_range() -> None:
    assert "--margin -1: give percentage points" in run_appeal("monitor", "--margin", "-1").stderr
    assert "--lang fr: use en or zh" in run_appeal("monitor", "--lang", "fr").stderr
    bad_day = run_appeal("monitor", "--as-of", "24/11/2026")
    assert bad_day.returncode == 2 and "--as-of" in bad_day.stderr


def test_a_report_that_cannot_be_read_is_a_located_error(tmp_path: Path) -> None:
    place(
        tmp_path, {"All Orders.txt": orders_file(dt.date(2026, 11, 1), dt.date(2026, 11, 20))}, NOW
    )
    broken = orders_file(dt.date(2026, 11, 1), dt.date(2026, 11, 21)).replace(
        "2026-11-02T12:00:00+00:00", "02/11/2026", 1
    )
    place(tmp_path, {"All Orders 2.txt": broken}, NOW + DAY)  # the newest data is taken
    done = run_appeal("monitor", str(tmp_path))
    assert done.returncode == 2
    assert "All Orders 2.txt:" in done.stderr and "purchase-date" in done.stderr


def test_files_of_another_marketplace(tmp_path: Path) -> None:
    """The folder held amazon.com's files; now amazon.de's are downloaded into it: each keeps
    its own series, and the user is told about both."""
    first = dt.date(2026, 11, 1)
    place(tmp_path, {"All Orders.txt": orders_file(first, dt.date(2026, 11, 20))}, NOW)
    run_monitor(folder=tmp_path, now=NOW, as_of=dt.date(2026, 11, 20))
    german = orders_file(first, dt.date(2026, 11, 21), sales_channel="Amazon.de", currency="EUR")
    place(tmp_path, {"All Orders.txt": german}, NOW + DAY)
    result = run_monitor(folder=tmp_path, now=NOW + DAY, as_of=dt.date(2026, 11, 21))
    notes = {(n.kind, n.detail) for n in result.notes}
    assert ("new_marketplace", "amazon.de") in notes
    assert ("marketplace_not_in_files", "amazon.com") in notes
    assert {w.marketplace for w in result.watches} == {"amazon.de"}
    assert all(len(w.history) == 1 for w in result.watches)  # amazon.com's are not mixed in
    assert result.calendars == ("CN", "DE")


def test_two_marketplaces_in_one_folder_are_watched_apart(tmp_path: Path) -> None:
    last = dt.date(2026, 11, 20)
    place(
        tmp_path,
        {
            "us.txt": orders_file(dt.date(2026, 11, 1), last, cancelled=3),
            "de.json": json.dumps(
                {
                    "performanceMetrics": [
                        {
                            "marketplaceId": "A1PA6795UKMFR9",
                            "lateShipmentRate": {
                                "reportingDateRange": {
                                    "reportingDateFrom": "2026-10-22T00:00Z",
                                    "reportingDateTo": "2026-11-20T23:59Z",
                                },
                                "orderCount": 100,
                                "lateShipmentCount": 1,
                                "status": "GOOD",
                                "rate": 0.01,
                                "targetValue": 0.04,
                                "targetCondition": "LESS_THAN",
                            },
                        }
                    ]
                }
            ),
        },
        NOW,
    )
    result = run_monitor(folder=tmp_path, now=NOW, as_of=last)
    by_market = {(w.marketplace, w.figure.metric, w.assessment.status) for w in result.watches}
    assert ("amazon.com", "cancellation_rate", "red") in by_market  # 30 % of orders cancelled
    assert ("amazon.de", "late_shipment_rate", "green") in by_market


def test_a_corrupt_database_is_kept_aside_and_the_user_told(tmp_path: Path) -> None:
    write_day(tmp_path, RUN_DAYS[0])
    (tmp_path / DB_NAME).write_bytes(b"\x00\x01 not sqlite " * 300)
    done = run_appeal("monitor", str(tmp_path), "--as-of", str(RUN_DAYS[0]), "--quiet")
    assert done.returncode == 0, done.stderr  # all well otherwise
    assert done.stdout == ""
    told = " ".join(done.stderr.split())
    assert f"could not be read: kept it as {tmp_path / DB_NAME}.corrupt and started a new one" in (
        told
    )
    assert (tmp_path / f"{DB_NAME}.corrupt").read_bytes().startswith(b"\x00\x01 not sqlite")
    again = run_appeal("monitor", str(tmp_path), "--as-of", str(RUN_DAYS[0]), "--json")
    assert json.loads(again.stdout)["snapshots"]["stored"] == 5  # the new database works


def test_a_clock_that_went_backwards(tmp_path: Path) -> None:
    """Run on three days with a clock that jumps back a week before the third run: the user is
    told, the third day's snapshot still comes last in the trend."""
    for n, day in enumerate(RUN_DAYS[:3]):
        write_day(tmp_path, day)
        clock = NOW + n * DAY if n < 2 else NOW - 7 * DAY
        result = run_monitor(folder=tmp_path, now=clock, as_of=day)
    clocks = [n for n in result.notes if n.kind == "clock_backwards"]
    assert len(clocks) == 1 and clocks[0].detail == (NOW + DAY).isoformat(timespec="seconds")
    watch = next(w for w in result.watches if w.series == "estimate.cancellation_rate.latest_7d")
    assert [d for d, _ in watch.history] == RUN_DAYS[:3]
    assert watch.assessment.points == 3


def test_two_monitors_at_once_on_the_same_folder(tmp_path: Path) -> None:
    """Two `appeal monitor` processes started together on one folder (no database yet): both
    finish, and the snapshots of both are kept."""
    write_day(tmp_path, RUN_DAYS[0])
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "appeal", "monitor", str(tmp_path), "--as-of", str(day), "-q"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for day in (RUN_DAYS[0], RUN_DAYS[0] + DAY)
    ]
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    done = run_appeal("monitor", str(tmp_path), "--as-of", str(RUN_DAYS[0]), "--json")
    report = json.loads(done.stdout)
    # 5 for 19 October; for 20 October the two estimates' windows are new, Amazon's three
    # figures (the same report) are not recorded twice.
    assert report["snapshots"]["stored"] == 7
    history = [
        f["history"]
        for f in report["marketplaces"]["amazon.com"]
        if f["series"] == "estimate.cancellation_rate.latest_7d"
    ]
    assert [day for day, _ in history[0]] == [str(RUN_DAYS[0])]  # --as-of 19 Oct reads to 19 Oct


def test_the_core_refuses_a_margin_out_of_range(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="percentage points"):
        run_monitor(folder=tmp_path, now=NOW, margin=60)


def test_other_files_beside_the_reports_are_named_once_and_a_log_is_ignored(
    tmp_path: Path,
) -> None:
    write_day(tmp_path, RUN_DAYS[0])
    place(tmp_path, {"notes.txt": "call the carrier\n", "monitor.log": "Cancellation ...\n"}, NOW)
    done = run_appeal("monitor", str(tmp_path), "--as-of", str(RUN_DAYS[0]))
    assert done.returncode == 0, done.stderr
    assert "Left aside, not reports appeal reads: notes.txt." in done.stdout
    assert "monitor.log" not in done.stdout
    report = json.loads(
        run_appeal("monitor", str(tmp_path), "--as-of", str(RUN_DAYS[0]), "--json").stdout
    )
    aside = [n for n in report["notes"] if n["kind"] == "not_read"]
    assert [Path(n["file"]).name for n in aside] == ["notes.txt"]
    assert "not a report appeal reads" in aside[0]["why"]
