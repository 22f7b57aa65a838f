"""Files dropped onto a case: Seller Central reports give the figures (`appeal metrics`), a
shipping-confirmation file gets its tracking IDs checked and corrected (`appeal tracking`);
both go into the case the way `--into` puts them there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from appeal.errors import AppealError, CaseInvalid
from appeal.sellerfiles.figures import MetricsResult
from appeal.tracking.result import RowFinding, TrackingResult

ROWS_SHOWN = 50  # rows with findings listed on the page; the corrected file has them all
TRACKING_CAUSE = "invalid_tracking"


@dataclass
class TrackingFound:
    """One shipping-confirmation file checked."""

    file: str
    summary: TrackingResult
    rows: list[RowFinding]
    fixed_name: str | None = None
    fixed: bytes | None = None
    written: bool = False


@dataclass
class Dropped:
    """What the dropped files gave, and what went into the case."""

    files: list[tuple[str, str]] = field(default_factory=list)  # name, what it is
    problems: list[str] = field(default_factory=list)  # files that could not be read
    tracking: list[TrackingFound] = field(default_factory=list)
    metrics: MetricsResult | None = None
    not_written: str | None = None  # why nothing went into the case
    no_tracking_cause: bool = False


def safe_name(name: str) -> str:
    """The base name of an uploaded file, without anything that could make it a path."""
    base = re.split(r"[\\/]", name)[-1].strip().lstrip(".")
    base = re.sub(r"[\x00-\x1f\x7f:*?\"<>|]", "_", base)
    return base[:120] or "upload.txt"


def classify(path: Path) -> str:
    """The kind of Seller Central file at `path` (InputError when it is none)."""
    from appeal.sellerfiles.reports import open_report

    opened = open_report(path)
    if isinstance(opened, dict):
        return "performance_json"
    close = getattr(opened.lines, "close", None)
    if close is not None:
        close()
    return opened.kind


def fixed_name(name: str) -> str:
    """The corrected copy's download name: beside the original in Downloads, never taken
    for it (ship-confirm.txt -> ship-confirm-fixed.txt)."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-fixed.{suffix}" if dot and stem else f"{name}-fixed"


def read_files(saved: list[Path], fixed_dir: Path) -> tuple[Dropped, list[Path], list[Path]]:
    """Recognise every file, check the tracking IDs of shipping confirmations (writing the
    corrected copies into `fixed_dir`). Returns what was found, the confirmation files and
    the files for the figures. Writes nothing into the case."""
    from appeal.sellerfiles.reports import NAMES
    from appeal.tracking.command import check_tracking_files

    dropped = Dropped()
    confirmations: list[Path] = []
    reports: list[Path] = []
    for path in saved:
        try:
            kind = classify(path)
        except AppealError as exc:
            dropped.problems.append(exc.message.replace(str(path.parent) + "/", ""))
            continue
        dropped.files.append((path.name, NAMES[kind]))  # type: ignore[index]
        (confirmations if kind == "shipping_confirmation" else reports).append(path)
    for path in confirmations:
        rows: list[RowFinding] = []

        def keep(row: RowFinding, rows: list[RowFinding] = rows) -> None:
            if len(rows) < ROWS_SHOWN:
                rows.append(row)

        fixed = fixed_dir / path.name
        try:
            summary = check_tracking_files([path], fix=fixed, on_row=keep)
        except AppealError as exc:
            dropped.problems.append(exc.message)
            continue
        found = TrackingFound(path.name, summary, rows)
        if summary.cleanable and fixed.is_file():
            found.fixed_name = fixed_name(path.name)
            found.fixed = fixed.read_bytes()
        dropped.tracking.append(found)
    return dropped, confirmations, reports


def into_case(case: Path, dropped: Dropped, confirmations: list[Path], reports: list[Path]) -> None:
    """Put the findings into the case: the figures of the reports (with the confirmations
    they were dropped with), the tracking sentence into the invalid-tracking cause's facts."""
    from appeal.core.caseedit import append_facts
    from appeal.core.casefile import load_case
    from appeal.sellerfiles.intocase import write_into_case
    from appeal.sellerfiles.metrics import read_figures

    try:
        case_now = load_case(case).case
    except CaseInvalid:
        case_now = None
    marketplace = case_now.seller.marketplace if case_now is not None else None
    if reports:
        try:
            dropped.metrics = read_figures(reports + confirmations, marketplace=marketplace)
        except AppealError as exc:
            dropped.problems.append(exc.message)
    if case_now is None:
        dropped.not_written = "incomplete"
        return
    if dropped.metrics is not None:
        dropped.metrics.into = case
        dropped.metrics.written = write_into_case(case, dropped.metrics)
    has_cause = any(c.cause == TRACKING_CAUSE for c in case_now.causes)
    dropped.no_tracking_cause = bool(dropped.tracking) and not has_cause
    for found in dropped.tracking:
        if has_cause:
            append_facts(case, TRACKING_CAUSE, found.summary.sentence())
            found.written = True
