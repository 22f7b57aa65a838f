"""The seller's folder: which files are Amazon's reports (recognised by content, through the
same readers as `appeal metrics`), and which of them a run takes.

Of the seller performance report, the All Orders report and the Unshipped report the newest
file is taken (each download replaces the last one's view); every shipping-confirmation file is
taken (each is one day's uploads), the newest of them also for the tracking check. "Newest" is
read from the data, not from the file's time (a report re-downloaded for an old date range, or
copied from another computer, is saved later than the real newest one): the latest
`reportingDateTo` of the performance report, the latest purchase (and, in the Unshipped report,
payment and reporting) time of the order reports, the latest ship-date of a confirmation file.
The file's time decides only between files of the same data, or for a file without dates.
Inventory files (Seller Central's listings reports, or the Price & Quantity / Inventory Loader
upload the seller's stock sync writes) are recognised only for their age.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appeal.errors import InputError
from appeal.monitor.store import DB_NAME

ONE_OF_A_KIND = ("performance_json", "all_orders", "unshipped")
# Column names of inventory files: Seller Central's listings reports say seller-sku, the upload
# templates say sku; both have quantity.
_INVENTORY_HEADERS = (("seller-sku", "quantity"), ("sku", "quantity"))


@dataclass(frozen=True)
class Found:
    path: Path
    kind: str  # a report kind (all_orders ...), or inventory
    modified: float  # seconds since the epoch, as the file system says
    data_end: dt.datetime | None = None  # the latest moment its data covers (aware), if any
    known_until: dt.datetime | None = None  # the latest moment it knows anything about: for
    # an All Orders report also the latest last-updated-date (a slow seller's newest order
    # may be days old in a report downloaded today)

    @property
    def newness(self) -> tuple[dt.datetime, float, str]:
        """How new the file is: by its data, else by its time; then its time, its name."""
        saved = dt.datetime.fromtimestamp(self.modified, tz=dt.UTC)
        return (self.data_end or saved, self.modified, self.path.name)


@dataclass
class Folder:
    found: list[Found] = field(default_factory=list)
    not_read: list[tuple[Path, str]] = field(default_factory=list)

    def of(self, kind: str) -> list[Found]:
        """Files of `kind`, newest first (by their data, see `Found.newness`)."""
        mine = [f for f in self.found if f.kind == kind]
        return sorted(mine, key=lambda f: f.newness, reverse=True)

    def newest(self, kind: str) -> Found | None:
        mine = self.of(kind)
        return mine[0] if mine else None

    def for_figures(self) -> list[Found]:
        """The files the figures are read from."""
        chosen = [f for kind in ONE_OF_A_KIND if (f := self.newest(kind)) is not None]
        return chosen + self.of("shipping_confirmation")[::-1]

    def ignored(self) -> int:
        """Older files of the kinds a run takes one of."""
        return sum(max(0, len(self.of(kind)) - 1) for kind in ONE_OF_A_KIND)

    def saved_later(self) -> list[tuple[Found, Found]]:
        """(file left aside, file read) where the file left aside was saved later but holds
        older data: the file time alone would have chosen it."""
        pairs = []
        for kind in ONE_OF_A_KIND:
            mine = self.of(kind)
            pairs += [(f, mine[0]) for f in mine[1:] if f.modified > mine[0].modified]
        return pairs


def scan_folder(folder: Path) -> Folder:
    """Every file directly in `folder`, recognised by content."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder; give the folder your reports are saved in.")
    if not folder.is_dir():
        raise InputError(
            f"{folder}: a file, not a folder; give the folder your reports are saved in "
            "(appeal monitor reads the newest reports there)."
        )
    result = Folder()
    recognised: list[Found] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", DB_NAME)) or path.suffix == ".log" or not path.is_file():
            continue  # hidden files, the snapshot database, a scheduled run's own log
        found = _kind(path, result)
        if found is not None:
            kind, end = found
            recognised.append(Found(path, kind, path.stat().st_mtime, end, end))
    # Dated newest saved first: a file saved before the latest data already seen cannot hold
    # newer data (data is written before the file is saved), so it is not read through.
    latest_seen: dict[str, dt.datetime] = {}
    dated: dict[Path, Found] = {}
    for item in sorted(recognised, key=lambda f: f.modified, reverse=True):
        seen = latest_seen.get(item.kind)
        saved = dt.datetime.fromtimestamp(item.modified, tz=dt.UTC)
        if item.kind in _DATED and (seen is None or saved >= seen):
            end, known_until = _dates(item.path)
            item = Found(item.path, item.kind, item.modified, end, known_until)
        if item.data_end is not None and (seen is None or item.data_end > seen):
            latest_seen[item.kind] = item.data_end
        dated[item.path] = item
    result.found = [dated[f.path] for f in recognised]
    return result


# The columns whose latest time says how new a report's data is; then those that only say
# how recently it was brought up to date.
_DATED = {
    "all_orders": (("purchase-date",), ("last-updated-date",)),
    "unshipped": (("purchase-date", "payments-date", "reporting-date"), ()),
    "shipping_confirmation": (("ship-date",), ()),
}


def _kind(path: Path, into: Folder) -> tuple[str, dt.datetime | None] | None:
    """The file's kind (and the performance report's latest reportingDateTo)."""
    from appeal.sellerfiles.reports import open_report

    try:
        opened = open_report(path)
    except InputError as exc:
        if _is_inventory(path):
            return "inventory", None
        into.not_read.append((path, exc.message))
        return None
    if isinstance(opened, dict):
        return "performance_json", latest(_reporting_ends(opened))
    close = getattr(opened.lines, "close", None)
    if close is not None:
        close()  # only the header was needed: let go of the file
    return opened.kind, None


def _dates(path: Path) -> tuple[dt.datetime | None, dt.datetime | None]:
    """A tab-separated report's latest data time, and the latest time it knows anything."""
    from appeal.sellerfiles.reports import Report, open_report

    opened = open_report(path)
    assert isinstance(opened, Report)
    data, updated = _DATED[opened.kind]
    # Texts of one shape (length, separator, offset) sort as their times: keep the latest of
    # each shape per column, and read only those.
    best: dict[tuple[int, int, str, str], str] = {}
    try:
        for _, cells in opened.values(data + updated):
            for n, cell in enumerate(cells):
                shape = (n, len(cell), cell[4:5], cell[19:])
                if cell > best.get(shape, ""):
                    best[shape] = cell
    except InputError:
        best = {}  # the figures' reader says what is wrong with the file
    finally:
        close = getattr(opened.lines, "close", None)
        if close is not None:
            close()
    end = latest(text for (n, *_), text in best.items() if n < len(data))
    return end, latest(best.values())


def _reporting_ends(node: Any) -> list[str]:
    """Every `reportingDateTo` in the performance report."""
    if isinstance(node, dict):
        found = [str(v) for k, v in node.items() if k == "reportingDateTo"]
        return found + [end for v in node.values() for end in _reporting_ends(v)]
    if isinstance(node, list):
        return [end for v in node for end in _reporting_ends(v)]
    return []


def latest(texts: Any) -> dt.datetime | None:
    """The latest of Amazon's timestamps or dates (a date counts as its last moment, a time
    without an offset as UTC); those that are neither are passed over."""
    moments = []
    for text in texts:
        text = str(text).strip()
        try:
            if len(text) <= 10:
                day = dt.date.fromisoformat(text)
                moment = dt.datetime.combine(day, dt.time.max)
            else:
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        moments.append(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))
    return max(moments, default=None)


def _is_inventory(path: Path) -> bool:
    from appeal.flatfile import read_lines

    try:
        _, lines = read_lines(path)
    except InputError:
        return False
    try:
        for _, line in zip(range(10), lines, strict=False):
            cells = {c.strip().lower() for c in line.text.split("\t")}
            if any(all(name in cells for name in names) for names in _INVENTORY_HEADERS):
                return True
        return False
    except InputError:
        return False
    finally:
        close = getattr(lines, "close", None)
        if close is not None:
            close()


def named_marketplaces(found: list[Found], *, rows: int = 200) -> set[str]:
    """The marketplaces the chosen reports name, read cheaply before the figures: the SP-API
    report's marketplace ids, the sales channel of the first `rows` orders."""
    from appeal.core.marketplaces import by_id, marketplaces
    from appeal.sellerfiles.reports import open_report

    known = marketplaces()
    names: set[str] = set()
    for item in found:
        if item.kind == "performance_json":
            opened = open_report(item.path)
            assert isinstance(opened, dict)
            blocks = opened.get("performanceMetrics")
            for block in blocks if isinstance(blocks, list) else [blocks]:
                market = by_id(str(block.get("marketplaceId"))) if isinstance(block, dict) else None
                if market is not None:
                    names.add(market.domain)
        elif item.kind in ("all_orders", "unshipped"):
            report = open_report(item.path)
            assert not isinstance(report, dict)
            if "sales-channel" not in report.columns:
                continue
            # Two columns asked for: Report.rows with a single column reads its cell's letters.
            wanted = ("amazon-order-id", "order-id", "sales-channel")
            for _, (_, row) in zip(range(rows), report.rows(wanted), strict=False):
                if row["sales-channel"].lower() in known:
                    names.add(row["sales-channel"].lower())
            close = getattr(report.lines, "close", None)
            if close is not None:
                close()
    return names
