"""`appeal monitor` over ten days of real-shaped downloads (tests/monitor_files.py), run as a
seller would: one process a day, files added to the folder each evening. The warnings must
match the hand reading written beside the files, day by day."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from appeal.cli.views.monitor import BLOCKS
from appeal.monitor.store import DB_NAME
from tests.conftest import ROOT, run_appeal
from tests.monitor_files import HAND_RATES, HAND_READING, RUN_DAYS, write_day


def _warnings(report: dict[str, Any]) -> list[str]:
    """The warnings of a --json report in the hand reading's notation."""
    found = []
    for figures in report["marketplaces"].values():
        for figure in figures:
            if figure["status"] in ("red", "amber"):
                text = f"{figure['metric']}:{','.join(figure['reasons'])}"
                if figure["trend"]["crosses_on"]:
                    text += f":{figure['trend']['crosses_on']}"
                found.append(text)
    return found + [signal["kind"] for signal in report["signals"]]


def _monitor(
    folder: Path, day: dt.date, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_appeal("monitor", str(folder), "--as-of", day.isoformat(), *args, env=env)


def _monitor_bytes(folder: Path, day: dt.date, *args: str, encoding: str) -> tuple[int, str, str]:
    """Run with the console's encoding set to `encoding`; (exit code, stdout, stderr)."""
    import os

    done = subprocess.run(
        [sys.executable, "-m", "appeal", "monitor", str(folder), "--as-of", str(day), *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        cwd=ROOT,
        timeout=120,
    )
    return done.returncode, done.stdout.decode(encoding), done.stderr.decode(encoding)


@pytest.fixture(scope="module")
def ten_days(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[dt.date, Any]]:
    """The folder after ten daily runs (each a new process), and each day's JSON report."""
    folder = tmp_path_factory.mktemp("downloads")
    reports = {}
    for day in RUN_DAYS:
        write_day(folder, day)
        done = _monitor(folder, day, "--json")
        assert done.returncode in (0, 1), done.stderr
        reports[day] = json.loads(done.stdout)
        assert reports[day]["exit_code"] == done.returncode
    return folder, reports


def test_the_warnings_match_the_hand_reading_day_by_day(
    ten_days: tuple[Path, dict[dt.date, Any]],
) -> None:
    _, reports = ten_days
    found = {day: _warnings(report) for day, report in reports.items()}
    assert found == HAND_READING
    for day, report in reports.items():
        assert report["exit_code"] == (1 if HAND_READING[day] else 0), day


def test_it_warns_on_the_day_the_trend_heads_over_the_target_and_not_before(
    ten_days: tuple[Path, dict[dt.date, Any]],
) -> None:
    _, reports = ten_days

    def cancellation(day: dt.date) -> dict[str, Any]:
        figures = reports[day]["marketplaces"]["amazon.com"]
        return next(f for f in figures if f["series"] == "estimate.cancellation_rate.latest_7d")

    first = next(day for day in RUN_DAYS if cancellation(day)["status"] != "green")
    assert first == dt.date(2026, 10, 25)
    assert cancellation(first)["reasons"] == ["trend_crosses"]
    assert cancellation(first)["trend"]["crosses_on"] == "2026-10-31"
    # 1.25 cancellations of 700 a day (hand reading): 0.1786 points a day.
    assert cancellation(first)["trend"]["slope_per_day"] == pytest.approx(1.25 / 7)
    assert cancellation(dt.date(2026, 10, 24))["trend"]["slope_per_day"] == pytest.approx(
        15.5 / 17.5 / 7
    )
    for day in RUN_DAYS:
        assert cancellation(day)["value"] == pytest.approx(HAND_RATES[day])


def test_snapshots_survive_restarts(ten_days: tuple[Path, dict[dt.date, Any]]) -> None:
    folder, reports = ten_days
    last = reports[RUN_DAYS[-1]]
    history = next(
        f["history"]
        for f in last["marketplaces"]["amazon.com"]
        if f["series"] == "estimate.cancellation_rate.latest_7d"
    )
    # One point per day, each recorded by an earlier process, in the order of the windows.
    assert [day for day, _ in history] == [d.isoformat() for d in RUN_DAYS]
    assert [value for _, value in history] == pytest.approx([HAND_RATES[d] for d in RUN_DAYS])
    # Five figures a day are recorded (Amazon's three, the cancellation and tracking estimates;
    # late confirmations have no orders due in their windows, so no value to keep).
    assert [reports[d]["snapshots"]["stored"] for d in RUN_DAYS] == [5 * n for n in range(1, 11)]
    assert (folder / DB_NAME).is_file()


def test_running_again_on_the_same_files_records_nothing_new(
    ten_days: tuple[Path, dict[dt.date, Any]],
) -> None:
    folder, _ = ten_days
    again = json.loads(_monitor(folder, RUN_DAYS[-1], "--json").stdout)
    assert again["snapshots"] == {"stored": 50, "new": 0}
    assert _warnings(again) == HAND_READING[RUN_DAYS[-1]]


def test_the_dashboard_at_80_columns(tmp_path: Path) -> None:
    for day in RUN_DAYS[:7]:
        write_day(tmp_path, day)
        done = _monitor(tmp_path, day, env={"COLUMNS": "80"})
    out = done.stdout
    assert done.returncode == 1
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "amber   Cancellation Rate, latest 7 days" in out
    assert "green   Valid Tracking Rate (Amazon)" in out
    assert any(ch in out for ch in BLOCKS)
    assert "Warnings (1):" in out
    assert "crosses the target < 2.5 % on 2026-10-31." in " ".join(out.split())
    assert "Traceback" not in done.stderr


def test_quiet_prints_only_the_warnings(tmp_path: Path) -> None:
    for day in RUN_DAYS[:6]:
        write_day(tmp_path, day)
        quiet = _monitor(tmp_path, day, "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == ""  # 24 October: all well, nothing said
    write_day(tmp_path, RUN_DAYS[6])
    quiet = _monitor(tmp_path, RUN_DAYS[6], "--quiet")
    assert quiet.returncode == 1
    assert quiet.stdout.splitlines() == [
        "Cancellation Rate, latest 7 days (amazon.com): 1.57 % (an upper bound: the files do "
        "not say who cancelled); at +0.18 points a day (7 snapshots) it crosses the target "
        "< 2.5 % on 2026-10-31."
    ]


def test_chinese_dashboard_on_a_gbk_console(tmp_path: Path) -> None:
    for day in RUN_DAYS[:7]:
        write_day(tmp_path, day)
        code, shown, errors = _monitor_bytes(tmp_path, day, "--lang", "zh", encoding="gbk")
    assert code == 1 and "Traceback" not in errors
    assert "取消率，最近7天" in shown
    assert "将于2026-10-31越过目标" in "".join(shown.split())
    assert any(ch in shown for ch in BLOCKS)


def test_a_console_without_block_characters_gets_an_ascii_sparkline(tmp_path: Path) -> None:
    for day in RUN_DAYS[:3]:
        write_day(tmp_path, day)
        code, shown, errors = _monitor_bytes(tmp_path, day, encoding="latin-1")
    assert code == 1 and "Traceback" not in errors
    assert not any(ch in shown for ch in BLOCKS)
    assert "Cancellation Rate, latest 7 days" in shown


def test_the_docs_name_every_option_and_the_schedules_in_both_languages() -> None:
    from typer.main import get_command

    from appeal.cli import app

    doc = (ROOT / "docs" / "monitor.md").read_text(encoding="utf-8")
    command = get_command(app).commands["monitor"]  # type: ignore[attr-defined]
    for param in command.params:
        for option in getattr(param, "opts", []):
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in doc, option
    chinese = doc.split("## 每天自动运行")[1]
    assert "schtasks /Create" in chinese and "crontab -e" in chinese and "--quiet" in chinese
    assert "docs/monitor.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_sqlite_is_loaded_only_when_the_monitor_runs() -> None:
    """Start-up stays light: `appeal monitor --help` and every other command's start do not
    load sqlite3; a monitor run does."""
    probe = (
        "import sys\nsys.argv = {argv!r}\nfrom appeal.cli import app\n"
        "try:\n    app(prog_name='appeal')\nexcept SystemExit:\n    pass\n"
        "print('sqlite3' in sys.modules)"
    )

    def loads_sqlite(*argv: str) -> bool:
        done = subprocess.run(
            [sys.executable, "-c", probe.format(argv=["appeal", *argv])],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        return done.stdout.strip().splitlines()[-1] == "True"

    assert not loads_sqlite("monitor", "--help")
    assert not loads_sqlite("causes")
    assert loads_sqlite("monitor", str(ROOT / "nowhere"))  # the monitor path itself does
