"""The snapshot database: created and migrated on open, an unreadable one kept aside, two
monitors at once, a clock set back."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from appeal.errors import AppealError, InputError
from appeal.monitor.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Snapshot,
    StoreBusy,
    open_store,
)
from tests.conftest import ROOT

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def snap(
    end: dt.date, value: float, figure: str = "estimate.cancellation_rate.latest_7d"
) -> Snapshot:
    return Snapshot(
        "amazon.com",
        figure,
        "cancellation_rate",
        value,
        end - 6 * DAY,
        end,
        "estimate",
        2.5,
        "less_than",
    )


def test_a_new_database_has_the_current_schema(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        assert store.opened.created and store.opened.moved_aside is None
        assert store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW) == 1
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    columns = [row[1] for row in db.execute("PRAGMA table_info(snapshots)")]
    for needed in ("marketplace", "figure", "value", "window_start", "window_end", "source"):
        assert needed in columns
    assert "taken_at" in columns
    db.close()


def test_an_empty_file_is_migrated_from_version_zero(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"")  # what an interrupted first run can leave
    with open_store(tmp_path) as store:
        assert store.opened.migrated_from == 0
        assert store.count() == 0


def test_an_older_schema_is_brought_up_to_date_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of schema 1 opened by an appeal whose schema 2 adds a column: migrated in
    place, the snapshots kept."""
    with open_store(tmp_path) as store:
        store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW)
    import appeal.monitor.store as module

    monkeypatch.setattr(module, "MIGRATIONS", (*MIGRATIONS, "ALTER TABLE snapshots ADD note TEXT"))
    monkeypatch.setattr(module, "SCHEMA_VERSION", len(MIGRATIONS) + 1)
    with open_store(tmp_path) as store:
        assert store.opened.migrated_from == 1
        assert store.series("amazon.com", "estimate.cancellation_rate.latest_7d", NOW.date()) == [
            (dt.date(2026, 11, 1), 1.0)
        ]
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone() == (2,)
    assert "note" in [row[1] for row in db.execute("PRAGMA table_info(snapshots)")]
    db.close()


def test_a_database_from_a_newer_appeal_is_refused_not_replaced(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(InputError, match="made by a newer appeal"), open_store(tmp_path):
        pass
    assert not list(tmp_path.glob("*.corrupt*"))


def test_someone_elses_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("CREATE TABLE orders (id TEXT)")
    db.commit()
    db.close()
    with pytest.raises(InputError, match=r"appeal did not make .*orders"), open_store(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("orders",)]
    db.close()


def test_a_corrupt_database_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database, it is a text file\n" * 100)
    (tmp_path / f"{DB_NAME}-journal").write_bytes(b"\0" * 512)
    with open_store(tmp_path) as store:
        assert store.opened.moved_aside == tmp_path / f"{DB_NAME}.corrupt"
        assert store.opened.created
        store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW)
    assert (tmp_path / f"{DB_NAME}.corrupt").read_bytes().startswith(b"this is not")
    assert (tmp_path / f"{DB_NAME}.corrupt-journal").is_file()  # its journal went with it
    assert not (tmp_path / f"{DB_NAME}-journal").exists()
    # A second corruption never replaces the first one kept aside.
    (tmp_path / DB_NAME).write_bytes(b"garbage" * 1000)
    with open_store(tmp_path) as store:
        assert store.opened.moved_aside == tmp_path / f"{DB_NAME}.corrupt-2"
    assert (tmp_path / f"{DB_NAME}.corrupt").read_bytes().startswith(b"this is not")


def test_a_damaged_page_is_found_on_open(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.record([snap(dt.date(2026, 10, 1) + n * DAY, float(n)) for n in range(300)], NOW)
    data = bytearray((tmp_path / DB_NAME).read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xff" * page  # scribble over a b-tree page
    (tmp_path / DB_NAME).write_bytes(bytes(data))
    with open_store(tmp_path) as store:
        assert store.opened.moved_aside is not None
        assert store.count() == 0


def test_series_are_ordered_by_data_window_not_by_clock(tmp_path: Path) -> None:
    """A clock set back a week: the run of 3 November is 'taken' before the one of 1 November;
    the series still reads 1, 2, 3 November, and a revised figure for a window replaces the
    older one (the one recorded last wins, whatever the clock said)."""
    with open_store(tmp_path) as store:
        store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW)
        store.record([snap(dt.date(2026, 11, 3), 3.0)], NOW - 7 * DAY)
        store.record([snap(dt.date(2026, 11, 2), 2.0)], NOW - 8 * DAY)
        store.record([snap(dt.date(2026, 11, 2), 2.5)], NOW - 9 * DAY)  # revised later
        assert store.series("amazon.com", "estimate.cancellation_rate.latest_7d", NOW.date()) == [
            (dt.date(2026, 11, 1), 1.0),
            (dt.date(2026, 11, 2), 2.5),
            (dt.date(2026, 11, 3), 3.0),
        ]
        assert store.last_taken() == NOW
        # --as-of in the past reads the series up to that day only
        assert store.series(
            "amazon.com", "estimate.cancellation_rate.latest_7d", dt.date(2026, 11, 1)
        ) == [(dt.date(2026, 11, 1), 1.0)]


def test_the_same_figure_twice_is_recorded_once(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        assert store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW) == 1
        assert store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW + DAY) == 0
        assert store.count() == 1


def test_a_writer_waits_for_the_other_and_nothing_is_lost(tmp_path: Path) -> None:
    """One monitor holds the write lock; a second one records meanwhile: it waits (SQLite's
    busy timeout) and records once the first commits. Both snapshots are there."""
    with open_store(tmp_path):
        pass  # created and migrated
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute(
        "INSERT INTO snapshots (marketplace, figure, metric, value, window_start, window_end, "
        "source, taken_at) VALUES ('amazon.com', 'f', 'm', 1, '2026-11-01', '2026-11-01', 's', "
        "'2026-11-24T12:00:00+00:00')"
    )
    trying = threading.Event()
    outcome: list[object] = []

    def second() -> None:
        try:
            with open_store(tmp_path) as store:
                store._db.set_trace_callback(lambda sql: trying.set())  # about to write
                outcome.append(store.record([snap(dt.date(2026, 11, 2), 2.0)], NOW))
        except Exception as exc:  # reported below
            outcome.append(exc)

    thread = threading.Thread(target=second)
    thread.start()
    assert trying.wait(timeout=60)
    holder.execute("COMMIT")  # the first monitor finishes
    thread.join(timeout=60)
    holder.close()
    assert outcome == [1]
    with open_store(tmp_path) as store:
        assert store.count() == 2


def test_a_writer_that_waits_too_long_is_told(tmp_path: Path) -> None:
    with open_store(tmp_path):
        pass
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            pytest.raises(AppealError, match="another appeal monitor") as caught,
            open_store(tmp_path, timeout=0) as store,
        ):
            store.record([snap(dt.date(2026, 11, 2), 2.0)], NOW)
        assert isinstance(caught.value, StoreBusy)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


_WRITER = """
import datetime as dt, sys
from pathlib import Path
from appeal.monitor.store import Snapshot, open_store
folder, market = Path(sys.argv[1]), sys.argv[2]
now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
for n in range(40):
    end = dt.date(2026, 1, 1) + dt.timedelta(days=n)
    with open_store(folder) as store:
        store.record([Snapshot(market, "f", "m", float(n), end, end, "s")], now)
"""


def test_two_monitors_at_once_lose_no_snapshot(tmp_path: Path) -> None:
    """Two processes, each opening the database and recording 40 times, started together on a
    folder with no database yet (both may try to create it)."""
    runs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), market], cwd=ROOT)
        for market in ("amazon.com", "amazon.de")
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    with open_store(tmp_path) as store:
        assert store.count() == 80
        assert set(store.marketplaces()) == {"amazon.com", "amazon.de"}


def test_read_only_changes_nothing_on_disk(tmp_path: Path) -> None:
    with open_store(tmp_path, read_only=True) as store:
        assert store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW) == 1  # in memory
        assert store.count() == 1
    assert not (tmp_path / DB_NAME).exists()
    with open_store(tmp_path) as store:
        store.record([snap(dt.date(2026, 11, 1), 1.0)], NOW)
    before = (tmp_path / DB_NAME).read_bytes()
    with open_store(tmp_path, read_only=True) as store:
        store.record([snap(dt.date(2026, 11, 2), 2.0)], NOW)
        assert [
            v for _, v in store.series("amazon.com", snap(NOW.date(), 0).figure, NOW.date())
        ] == [
            1.0,
            2.0,
        ]
    assert (tmp_path / DB_NAME).read_bytes() == before


def test_read_only_on_an_unreadable_database_reads_empty_and_says_so(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"not a database" * 100)
    with open_store(tmp_path, read_only=True) as store:
        assert store.opened.unread and store.count() == 0
    assert (tmp_path / DB_NAME).read_bytes() == b"not a database" * 100
    assert not list(tmp_path.glob("*.corrupt*"))
