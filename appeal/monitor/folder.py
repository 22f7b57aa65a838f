"""The seller's folder: which files are Amazon's reports (recognised by content, through the
same readers as `appeal metrics`), and which of them a run takes.

Of the seller performance report, the All Orders report and the Unshipped report the newest
file is taken (each download replaces the last one's view); every shipping-confirmation file is
taken (each is one day's uploads), the newest of them also for the tracking check. Inventory
files (Seller Central's listings reports, or the Price & Quantity / Inventory Loader upload the
seller's stock sync writes) are recognised only for their age.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Folder:
    found: list[Found] = field(default_factory=list)
    not_read: list[tuple[Path, str]] = field(default_factory=list)

    def of(self, kind: str) -> list[Found]:
        """Files of `kind`, newest first (by modification time, then name)."""
        mine = [f for f in self.found if f.kind == kind]
        return sorted(mine, key=lambda f: (f.modified, f.path.name), reverse=True)

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
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", DB_NAME)) or path.suffix == ".log" or not path.is_file():
            continue  # hidden files, the snapshot database, a scheduled run's own log
        kind = _kind(path, result)
        if kind is not None:
            result.found.append(Found(path, kind, path.stat().st_mtime))
    return result


def _kind(path: Path, into: Folder) -> str | None:
    from appeal.sellerfiles.reports import open_report

    try:
        opened = open_report(path)
    except InputError as exc:
        if _is_inventory(path):
            return "inventory"
        into.not_read.append((path, exc.message))
        return None
    if isinstance(opened, dict):
        return "performance_json"
    close = getattr(opened.lines, "close", None)
    if close is not None:
        close()  # only the header was needed: let go of the file
    return opened.kind


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
