"""Seller Central reports recognised by their header (or JSON shape) and read as records.

All Orders, Unshipped orders and shipping-confirmation files are tab-separated (domain.md
section 6); the SP-API seller performance report is JSON. Rows stream; only what the figures
need is kept per order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from appeal.errors import InputError
from appeal.sellerfiles.flatfile import Line, read_lines

Kind = Literal["all_orders", "unshipped", "shipping_confirmation", "performance_json"]
SIGNATURES: dict[Kind, tuple[str, ...]] = {
    "all_orders": ("amazon-order-id", "purchase-date", "order-status", "fulfillment-channel"),
    "unshipped": ("order-id", "purchase-date", "promise-date"),
    "shipping_confirmation": ("order-id", "ship-date", "tracking-number"),
}
NAMES: dict[Kind, str] = {
    "all_orders": "All Orders report",
    "unshipped": "Unshipped orders report",
    "shipping_confirmation": "shipping-confirmation upload file",
    "performance_json": "SP-API seller performance report (JSON)",
}
MFN = frozenset({"merchant", "mfn"})
CANCELLED = frozenset({"cancelled", "canceled"})
TRUE = frozenset({"true", "yes", "y", "1"})


@lru_cache(maxsize=4096)
def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def parse_day(value: str, where: tuple[Path, int, str]) -> dt.date:
    """The calendar date of an Amazon date or timestamp, in the offset it was written with
    (which is the date part as written: 2026-10-06T23:30:00-08:00 is 6 October)."""
    text = value.strip()
    try:
        if len(text) > 10 and text[10] not in "T ":
            raise ValueError(text)
        return _day(text[:10])
    except ValueError:
        path, line, column = where
        place = f"{path}:{line}: {column}" if line else f"{path}: {column}"
        raise InputError(
            f"{place}: '{value}' is not a date Amazon writes "
            "(YYYY-MM-DD or an ISO timestamp such as 2026-10-06T14:03:12+00:00)."
        ) from None


@dataclass
class Report:
    """A recognised tab-separated report: its kind, columns and remaining lines."""

    path: Path
    kind: Kind
    columns: dict[str, int]
    lines: Iterator[Line]

    def rows(self, wanted: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
        """(line number, {column: stripped cell}) for the `wanted` columns present."""
        present = tuple(name for name in wanted if name in self.columns)
        for number, values in self.values(present):
            yield number, {n: v.strip() for n, v in zip(present, values, strict=True)}

    def values(self, wanted: tuple[str, ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(line number, cells of the `wanted` columns, "" where absent), unstripped: the
        fast form for million-row reports (callers strip what they compare)."""
        from operator import itemgetter

        # An absent column reads the empty cell appended to every row (index -1).
        picks = [self.columns.get(name, -1) for name in wanted]
        width = 1 + max(picks)
        pick = itemgetter(*picks)
        for line in self.lines:
            text = line.text
            if not text or text.isspace():
                continue
            cells = text.split("\t")
            if len(cells) < width:
                cells += [""] * (width - len(cells))
            cells.append("")
            yield line.number, pick(cells)


def open_report(path: Path) -> Report | dict[str, Any]:
    """A tab-separated report with its kind, or the parsed SP-API JSON."""
    if path.suffix.lower() == ".json":
        return _performance_json(path)
    _, lines = read_lines(path)
    first = next(lines, None)
    if first is None:
        raise InputError(f"{path}: the file is empty.")
    if first.text.lstrip().startswith("{"):
        return _performance_json(path)
    header = [c.strip().lower() for c in first.text.split("\t")]
    for kind, needed in SIGNATURES.items():
        if all(col in header for col in needed):
            return Report(path, kind, {name: i for i, name in enumerate(header) if name}, lines)
    expected = "; ".join(f"{NAMES[k]}: {', '.join(cols)}" for k, cols in SIGNATURES.items())
    raise InputError(
        f"{path}:1: not a report appeal reads. Expected a header row with the columns of "
        f"one of: {expected}; or an SP-API seller performance report (.json). Download the "
        "report again from Seller Central (Reports > Fulfilment, or Orders > Order Reports)."
    )


def _performance_json(path: Path) -> dict[str, Any]:
    from appeal.fsio import read_text

    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}).") from None
    if not isinstance(data, dict) or "performanceMetrics" not in data:
        raise InputError(
            f"{path}: JSON without 'performanceMetrics': not an SP-API seller "
            "performance report (GET_V2_SELLER_PERFORMANCE_REPORT)."
        )
    return data
