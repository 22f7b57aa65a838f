"""What `appeal monitor` finds, as facts: per figure its value, target, trend and status; the
leading signals; notes about the run. No wording: `monitor/wording.py` says them, for the
terminal (`cli/views/monitor.py`) and the local web page alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from appeal.core.targets import Target
from appeal.monitor.trend import Assessment
from appeal.sellerfiles.figures import Figure, MetricsResult

SignalKind = Literal[
    "late_today",  # unshipped orders whose promise date is today or past (marketplace's day)
    "verge_of_cancellation",  # Amazon flags unshipped orders about to be cancelled
    "tracking_fails",  # tracking IDs in the newest confirmation file that fail their check
    "holiday",  # a holiday within 14 days without extended handling time seen in the files
    "inventory_stale",  # the newest inventory file is older than a day
    "account_status",  # Amazon's account status for a marketplace is not NORMAL
    "health_rating",  # Amazon's Account Health Rating is WARNED (or another state not good):
    # name the state, count the score (0: not given)
    "policy_bad",  # items Amazon's report marks BAD (policy complaints, warnings): items
    "report_ends",  # a report read ends days before the day judged: name its kind, end its
    # last day, today the day judged, file the report
]
HolidayEvidence = Literal[
    "orders_due_during",  # unshipped orders are due to ship during the holiday
    "not_seen",  # no unshipped order shows extended handling time
    "no_unshipped",  # no Unshipped report was read: handling time cannot be seen
]
NoteKind = Literal[
    "database_created",  # detail: the database path
    "database_moved_aside",  # detail: where the unreadable database went
    "database_migrated",  # count: the version it came from
    "database_not_read",  # detail: the database a read-only run could not use
    "clock_backwards",  # detail: the newest earlier snapshot's time; when: this run's time
    "new_marketplace",  # detail: the marketplace; other: the ones already in the database
    "marketplace_not_in_files",  # detail: the marketplace; day: its newest snapshot window
    "not_read",  # detail: the file; other: why (the reader's message)
    "older_files_ignored",  # count: older files of a kind the monitor takes one of
    "saved_later_older_data",  # detail: a file saved later but holding older data, left
    # aside; other: the file read instead; day: the last day of the one left aside
    "no_figures",  # the files hold no figure (only an Unshipped report, say)
    "reports_old",  # when: the newest report was saved more than a day before the run
    "unshipped_done_since",  # count: orders of the Unshipped report (detail) the All Orders
    # report (other) says have shipped or been cancelled: left out of the signals
    "dates_as_written",  # count: promise dates read as written: no marketplace time zone
    "no_holiday_table",  # detail: the country code
    "holiday_table_ends",  # detail: the country code; day: the table's last day
    "provisional_holiday",  # detail: the holiday; day: its start
    "inventory_file_in_future",  # detail: the file
    "amazon_report_apart",  # detail: the marketplace; other: the report's window
    "rows_left_out",  # count: rows cut short; detail: where; other: "cells,width,report kind"
]


@dataclass(frozen=True)
class Note:
    kind: NoteKind
    detail: str = ""
    other: str = ""
    count: int = 0
    day: dt.date | None = None
    when: dt.datetime | None = None


@dataclass(frozen=True)
class Watch:
    """One figure of one marketplace: the latest reading, its stored history, the verdict."""

    marketplace: str
    series: str  # the snapshot series' name
    figure: Figure
    target: Target | None  # Amazon's own for the figure, else the catalogue's usual one
    history: list[tuple[dt.date, float]]  # (window end, value) in data-window order
    assessment: Assessment
    data_end: dt.date | None = None  # estimates: the last day the files read hold

    @property
    def no_data(self) -> bool:
        """No value because the files end before the window starts (not "no orders")."""
        end = self.data_end
        return self.figure.value is None and end is not None and end < self.figure.start

    @property
    def warning(self) -> bool:
        return self.assessment.status in ("red", "amber")


@dataclass(frozen=True)
class Signal:
    """A leading signal: something that needs no Amazon figure and is a warning by itself."""

    kind: SignalKind
    marketplace: str | None = None
    count: int = 0
    orders: tuple[str, ...] = ()  # order ids (or tracking IDs), the first few
    overdue: int = 0  # late_today: of `count`, orders already past their promise date
    today: dt.date | None = None  # the marketplace's day the signal was judged on
    name: str = ""  # holiday: English name; account_status: Amazon's status
    name_zh: str = ""  # holiday: Chinese name
    calendar: str = ""  # holiday: the country code
    start: dt.date | None = None  # holiday: first day
    end: dt.date | None = None  # holiday: last day
    evidence: HolidayEvidence | None = None
    file: Path | None = None  # tracking_fails, inventory_stale: the file it comes from
    written: dt.datetime | None = None  # inventory_stale: when the file was written
    items: tuple[tuple[str, int | None], ...] = ()  # policy_bad: (Amazon's key, its count)


@dataclass
class MonitorResult:
    """The result of one `appeal monitor` run."""

    folder: Path
    database: Path
    taken_at: dt.datetime
    margin: float
    files: list[tuple[Path, str]]  # (file, kind) read this run
    figures: MetricsResult | None  # what the readers found (None: no figure in the files)
    watches: list[Watch] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    recorded: int = 0  # new snapshots this run
    stored: int = 0  # snapshots in the database after this run
    calendars: tuple[str, ...] = ()

    @property
    def warnings(self) -> int:
        return sum(w.warning for w in self.watches) + len(self.signals)

    @property
    def exit_code(self) -> int:
        return 1 if self.warnings else 0
