"""What `appeal metrics` finds, as facts: figures, per-marketplace sections, notes. No wording:
`sellerfiles/wording.py` says them (for the terminal and the web page); the case writer
records them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from appeal.core.targets import Target
from appeal.sellerfiles.reports import Kind

# What a figure is: Amazon's own (read from the SP-API report) or estimated from files.
Source = Literal["amazon", "estimate"]
# Which window of a metric an estimate covers.
Role = Literal["amazon", "worst_7d", "latest_7d", "span", "last_30d", "last_10d"]
# Which files an estimate was computed from.
Basis = Literal["all_orders", "all_orders+unshipped", "confirmations", "unshipped+confirmations"]


@dataclass(frozen=True)
class Figure:
    """One rate. `value` is in percent; None when the window holds nothing to count ("no
    orders"), never 0. Amazon's figures carry Amazon's rate, target, status and counts exactly
    as the report gives them; `numerator`/`denominator` are set only for estimates."""

    metric: str  # catalogue metric id (valid_tracking_rate ...) or an SP-API key
    role: Role
    source: Source
    value: float | None
    start: dt.date
    end: dt.date
    target: Target | None
    numerator: int | None = None
    denominator: int | None = None
    status: str | None = None  # Amazon's status: GOOD, BAD, NONE
    counts: dict[str, int] = field(default_factory=dict)  # by the source's own names
    upper_bound: bool = False  # the estimate may count more than Amazon would
    basis: Basis | None = None  # estimates: the files it was computed from
    key: str = ""  # Amazon's: the report's key (lateShipmentRateList[1], orderDefectRate.afn)

    @property
    def meets(self) -> bool | None:
        """Whether the value meets the target; None when there is no value."""
        if self.value is None or self.target is None:
            return None
        return self.target.met_by(self.value)


@dataclass(frozen=True)
class Count:
    """A count Amazon gives with a status but no rate (policy violations, warnings)."""

    key: str
    count: int | None
    status: str | None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Carrier:
    """Shipments of one carrier in the tracking window."""

    usable: int = 0
    unusable: int = 0
    not_checked: int = 0


@dataclass(frozen=True)
class DailyCount:
    """One day of merchant-fulfilled orders, for the cancellation chart."""

    day: dt.date
    orders: int
    cancelled: int  # seller cancellations (or cancellations of unknown cause)
    rate_7d: float | None  # the rolling 7-day rate ending that day, when 7 days are covered


NoteKind = Literal[
    "amazon_cancels_left_out",  # count: Pending orders left out
    "cause_unknown",  # count: cancellations whose cause the files do not say
    "other_channel",  # count: Amazon-fulfilled orders, not counted
    "not_checked",  # count: shipments by carriers whose format cannot be checked; detail
    "short_span",  # the files span fewer than 7 days
    "as_of_after_files",  # detail: the last day in the files, before --as-of
    "short_before_as_of",  # fewer than 7 days up to --as-of; detail: the days counted
    "no_shipments_in_window",  # detail: the days the shipments cover
    "mixed_currencies",  # detail: the currencies
    "separate_periods",  # detail: the periods
    "several_marketplaces",  # detail: the marketplaces
    "unknown_marketplace",  # detail: the sales channel as written
    "no_rows",  # count: reports with column names but no rows; detail: their names
    "cut_rows",  # count: rows cut short, left out (one note per kind of file); detail: where
    "amazon_report_apart",  # detail: the marketplace; period: Amazon's report's window
]


@dataclass(frozen=True)
class Note:
    kind: NoteKind
    count: int = 0
    detail: str = ""
    columns: tuple[int, int] | None = None  # cut_rows: the first one's cells, the header's
    period: tuple[dt.date, dt.date] | None = None  # amazon_report_apart: Amazon's window
    report: Kind | None = None  # cut_rows: the kind of file


@dataclass(frozen=True)
class HealthRating:
    status: str | None  # GREAT, WARNED ... as Amazon writes it
    score: int | None
    start: dt.date | None
    end: dt.date | None


@dataclass
class Section:
    """Everything about one marketplace (and one period of it)."""

    marketplace: str | None  # amazon.com ...; None when the files do not say
    marketplace_id: str | None = None  # Amazon's id (SP-API) when known
    period: tuple[dt.date, dt.date] | None = None  # set when a marketplace's files split
    account_status: str | None = None  # Amazon's accountStatuses entry
    health: HealthRating | None = None
    figures: list[Figure] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    daily: list[DailyCount] = field(default_factory=list)
    carriers: dict[str, Carrier] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    as_of: dt.date | None = None

    @property
    def name(self) -> str:
        return self.marketplace or self.marketplace_id or "marketplace not stated"


@dataclass
class Written:
    """What `--into` did for one metric."""

    metric: str
    place: Literal["metric", "beside_seller", "not_written"]
    figure: Figure | None
    # for not_written: why (a fact code: upper_bound, no_value, no_cause: no cause of the case
    # concerns the metric ...)
    reason: str = ""
    sentence: str | None = None  # the facts sentence added to a cause, if any


@dataclass
class MetricsResult:
    """The result of `appeal metrics`: one section per marketplace, and what --into wrote."""

    files: list[Path]
    sections: list[Section]
    notes: list[Note] = field(default_factory=list)  # about the call as a whole
    into: Path | None = None
    written: list[Written] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0
