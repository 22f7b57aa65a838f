"""Snapshots of the figures, kept in `appeal-monitor.sqlite` beside the seller's files.

One table: every figure of every run (marketplace, figure, value, data window, source, target,
when it was taken). The schema version is SQLite's `user_version`; opening the database brings
an older one up to date. A trend is read in the order of the data windows, never of the clock
that took them, so a clock set back cannot reorder it.

Two monitors at once: each write is one `BEGIN IMMEDIATE` transaction, and a writer waits up
to `timeout` seconds for the other (SQLite's own file locking, on Windows too). A database
that SQLite cannot read is moved aside (`.corrupt`) and a new one started; the caller is told.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from appeal.errors import AppealError, InputError

DB_NAME = "appeal-monitor.sqlite"
_SIDE_FILES = ("-journal", "-wal", "-shm")  # SQLite's companions of a database file
TIMEOUT = 30.0  # seconds a run waits for another run's write

# MIGRATIONS[n] brings a database at version n to version n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        marketplace TEXT NOT NULL,
        figure TEXT NOT NULL,
        metric TEXT NOT NULL,
        value REAL NOT NULL,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        source TEXT NOT NULL,
        target REAL,
        condition TEXT,
        taken_at TEXT NOT NULL,
        UNIQUE (marketplace, figure, window_start, window_end, value, source)
    );
    CREATE INDEX snapshots_series ON snapshots (marketplace, figure, window_end);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreBusy(AppealError):
    """Raised when another run holds the database longer than the timeout."""


@dataclass(frozen=True)
class Snapshot:
    """One figure as one run read it. `value` and `target` in percent."""

    marketplace: str
    figure: str  # a stable name for the series: estimate.cancellation_rate.latest_7d ...
    metric: str
    value: float
    start: dt.date
    end: dt.date
    source: str  # amazon, or estimate:<files it was computed from>
    target: float | None = None
    condition: str | None = None


@dataclass(frozen=True)
class Opened:
    """What opening the database found."""

    path: Path
    created: bool  # a new database was started
    moved_aside: Path | None  # where an unreadable database was put
    migrated_from: int | None  # the version an older database was brought up from
    unread: bool = False  # read-only: the database on disk could not be used


class Store:
    """An open snapshot database."""

    def __init__(self, connection: sqlite3.Connection, opened: Opened) -> None:
        self._db = connection
        self.opened = opened

    def record(self, snapshots: list[Snapshot], taken_at: dt.datetime) -> int:
        """Add the snapshots of one run; returns how many were new (a figure already recorded
        with the same window, value and source is not recorded twice)."""
        rows = [
            (
                s.marketplace,
                s.figure,
                s.metric,
                s.value,
                s.start.isoformat(),
                s.end.isoformat(),
                s.source,
                s.target,
                s.condition,
                taken_at.isoformat(timespec="seconds"),
            )
            for s in snapshots
        ]
        with _write(self._db):
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO snapshots (marketplace, figure, metric, value, "
                "window_start, window_end, source, target, condition, taken_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            return self._db.total_changes - before

    def series(self, marketplace: str, figure: str, until: dt.date) -> list[tuple[dt.date, float]]:
        """(window end, value) of one figure, one per window end (the one recorded last), in
        the order of the data windows, up to `until`."""
        found = self._db.execute(
            "SELECT window_end, value FROM snapshots AS s WHERE marketplace = ? AND figure = ? "
            "AND window_end <= ? AND id = (SELECT MAX(id) FROM snapshots AS t WHERE "
            "t.marketplace = s.marketplace AND t.figure = s.figure "
            "AND t.window_end = s.window_end) ORDER BY window_end",
            (marketplace, figure, until.isoformat()),
        ).fetchall()
        return [(dt.date.fromisoformat(end), float(value)) for end, value in found]

    def last_taken(self) -> dt.datetime | None:
        """When the newest snapshot was taken, by the clock of the run that took it."""
        (found,) = self._db.execute("SELECT MAX(taken_at) FROM snapshots").fetchone()
        return dt.datetime.fromisoformat(found) if found else None

    def marketplaces(self) -> dict[str, dt.date]:
        """Every marketplace with snapshots, and the end of its newest data window."""
        rows = self._db.execute(
            "SELECT marketplace, MAX(window_end) FROM snapshots GROUP BY marketplace"
        ).fetchall()
        return {market: dt.date.fromisoformat(end) for market, end in rows}

    def count(self) -> int:
        (found,) = self._db.execute("SELECT COUNT(*) FROM snapshots").fetchone()
        return int(found)


@contextmanager
def _write(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so that two runs queue instead of deadlocking."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _busy(db, exc) from None
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _busy(db: sqlite3.Connection, exc: sqlite3.OperationalError) -> AppealError:
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    if "locked" in str(exc) or "busy" in str(exc):
        return StoreBusy(
            f"{path}: another appeal monitor is writing to this database and did not finish "
            "within the time allowed; let it finish and run again."
        )
    return InputError(f"{path}: cannot write the monitor's database ({exc}).")


@contextmanager
def open_store(
    folder: Path, *, timeout: float = TIMEOUT, read_only: bool = False
) -> Iterator[Store]:
    """The snapshot database of `folder`, created or brought up to date; an unreadable one is
    moved aside and a new one started (`Store.opened` says so). `read_only` changes nothing on
    disk: a database that is missing, unreadable or of another schema reads as empty (and
    `Store.opened.unread` says so), and what is recorded stays in memory."""
    path = folder / DB_NAME
    if read_only:
        with _ReadOnly(path, timeout) as (connection, unread):
            yield Store(connection, Opened(path, False, None, None, unread))
        return
    created = not path.exists()
    moved: Path | None = None
    try:
        connection, migrated = _connect(path, timeout)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            raise _cannot_open(path, exc) from None
        moved = _move_aside(path)
        connection, migrated = _connect(path, timeout)
        created = True
    opened = Opened(path, created, moved, None if created else migrated)
    with closing(connection):
        yield Store(connection, opened)


def _connect(path: Path, timeout: float) -> tuple[sqlite3.Connection, int | None]:
    """Connect, check the file is a readable database of ours, migrate; returns the version
    migrated from (None when already current)."""
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        (version,) = db.execute("PRAGMA user_version").fetchone()
        (verdict,) = db.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(verdict)
        if version > SCHEMA_VERSION:
            raise InputError(
                f"{path}: made by a newer appeal (schema {version}; this appeal knows up to "
                f"{SCHEMA_VERSION}). Update appeal, or move the file away to start a new one."
            )
        migrated = _migrate(db, path) if version < SCHEMA_VERSION else None
    except BaseException:
        db.close()
        raise
    return db, migrated


def _migrate(db: sqlite3.Connection, path: Path) -> int | None:
    with _write(db):
        # Read again inside the transaction: another run may have migrated meanwhile.
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version >= SCHEMA_VERSION:
            return None
        if version == 0:
            tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            if tables:
                raise InputError(
                    f"{path}: an SQLite database appeal did not make (it holds the tables "
                    f"{', '.join(t for (t,) in tables)}). Move it away; appeal monitor keeps "
                    f"its snapshots in {DB_NAME}."
                )
        for step in MIGRATIONS[version:]:
            for statement in step.split(";"):
                if statement.strip():
                    db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return int(version)


class _ReadOnly:
    """A read-only view of the database as an in-memory copy (so this run's own figures can
    join the history without touching the file)."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.connection = sqlite3.connect(":memory:", isolation_level=None)
        self.unread = False
        if not path.exists():
            _migrate(self.connection, path)
            return
        try:
            disk = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
            try:
                (version,) = disk.execute("PRAGMA user_version").fetchone()
                if version != SCHEMA_VERSION:
                    raise sqlite3.DatabaseError(f"schema {version}")
                disk.backup(self.connection)
            finally:
                disk.close()
            (verdict,) = self.connection.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(verdict)
        except sqlite3.DatabaseError:
            self.unread = True
            self.connection.close()
            self.connection = sqlite3.connect(":memory:", isolation_level=None)
            _migrate(self.connection, path)

    def __enter__(self) -> tuple[sqlite3.Connection, bool]:
        return self.connection, self.unread

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def _move_aside(path: Path) -> Path:
    """Rename an unreadable database (and SQLite's journal files with it) to `.corrupt`,
    `.corrupt-2` ... never replacing an earlier one."""
    target = path.with_name(path.name + ".corrupt")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{n}")
    try:
        path.replace(target)
        for suffix in _SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
    except OSError as exc:
        raise InputError(
            f"{path}: the monitor's database cannot be read and cannot be moved aside "
            f"({exc.strerror}); move or delete it yourself and run again."
        ) from None
    return target


def _cannot_open(path: Path, exc: sqlite3.OperationalError) -> AppealError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreBusy(
            f"{path}: another appeal monitor is using this database and did not finish within "
            "the time allowed; let it finish and run again."
        )
    return InputError(
        f"{path}: cannot open the monitor's database ({text}); check that the folder is writable."
    )
