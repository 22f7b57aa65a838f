"""Seller Central reports recognised by their content and read as records.

All Orders, Unshipped orders and shipping-confirmation files are tab-separated (domain.md
section 6), sometimes with template lines above the column names (Amazon JP); the SP-API seller
performance report is JSON. Any of them may be gzip-compressed or saved without an extension:
the kind is read from the content, never from the file name. Rows stream; dates in them are
taken in the marketplace's own time zone (a UTC promise date of 06:59:59 on the 26th is the
25th on amazon.com).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from appeal.dates import FIRST_YEAR, LAST_YEAR
from appeal.errors import InputError
from appeal.flatfile import (
    Encoding,
    Line,
    not_tab_separated,
    other_separator,
    read_lines,
    rejoin,
    split_quoted,
)
from appeal.tracking.source import NEEDED_COLUMNS

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
# The columns a row must reach to be read. Amazon fills these in every row of its reports (the
# flags with true/false); in the seller's upload file they are the cells Amazon requires or the
# readers judge (order-id, ship-date: required; carrier-code, tracking-number: what is checked).
# A row that ends before one of them was cut short and is left out; a row that lacks only later
# columns (optional, often empty: buyer-requested-cancel-reason, ship-method ...) is read.
NEEDED: dict[Kind, tuple[str, ...]] = {
    "all_orders": (
        "amazon-order-id",
        "purchase-date",
        "order-status",
        "fulfillment-channel",
        "sales-channel",
    ),
    "unshipped": (
        "order-id",
        "purchase-date",
        "promise-date",
        "quantity-to-ship",
        "is-buyer-requested-cancellation",
        "verge-of-cancellation",
        "sales-channel",
    ),
    "shipping_confirmation": NEEDED_COLUMNS,  # also what `appeal tracking` needs
}
CUT_SHOWN = 5  # rows cut short named in a note
_LOOK = 10  # lines searched for the column names (Amazon JP puts template lines above them)

Where = tuple[Path, int, str]  # file, line (0: none), field


def bad_date(value: object, where: Where) -> InputError:
    path, line, column = where
    place = f"{path}:{line}: {column}" if line else f"{path}: {column}"
    return InputError(
        f"{place}: '{str(value)[:40]}' is not a date Amazon writes "
        "(YYYY-MM-DD or an ISO timestamp such as 2026-10-06T14:03:12+00:00)."
    )


def report_day(value: object, where: Where) -> dt.date:
    """The date written at the start of an Amazon date or timestamp, as written (Amazon's
    reporting windows and the seller's `ship-date`)."""
    text = str(value).strip()
    try:
        if len(text) > 10 and text[10] not in "T ":
            raise ValueError(text)
        day = dt.date.fromisoformat(text[:10])
        if len(text) > 10:
            dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise bad_date(value, where) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise bad_date(value, where)
    return day


class LocalDays:
    """Dates of Amazon timestamps in one marketplace's time zone (`zone` None: the date as
    written). A report has millions of timestamps but few distinct minutes: each minute and
    offset is converted once."""

    def __init__(self, zone: str | None) -> None:
        from zoneinfo import ZoneInfo

        self.zone = ZoneInfo(zone) if zone else None
        self.seen: dict[str, dt.date] = {}  # by the timestamp up to its minute, and its offset

    def day(self, text: str, where: Where) -> dt.date:
        # The day depends on the date, the minute and the offset, never on the seconds.
        key = text[:16] + text[19:] if len(text) > 19 else text
        found = self.seen.get(key)
        if found is None:
            found = self.seen[key] = self._convert(text.strip(), where)
        return found

    def _convert(self, text: str, where: Where) -> dt.date:
        if len(text) <= 10 or self.zone is None:
            return report_day(text, where)
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise bad_date(text, where) from None
        if moment.tzinfo is not None:
            moment = moment.astimezone(self.zone)
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise bad_date(text, where)
        return moment.date()


@dataclass
class CutRows:
    """Rows of a report that end before a column its readers need (NEEDED): left out."""

    count: int = 0
    first: list[tuple[int, int]] = field(default_factory=list)  # (line, cells), the first few

    def add(self, line: int, cells: int) -> None:
        self.count += 1
        if len(self.first) < CUT_SHOWN:
            self.first.append((line, cells))


def cut_places(reports: list[tuple[str, CutRows]]) -> str:
    """Where the first rows cut short are, over `reports` (file name, rows): 'a.txt lines 4,
    9; b.txt line 2', with ' ...' when there are more."""
    places = []
    shown = 0
    for name, cut in reports:
        lines = [str(line) for line, _ in cut.first[: CUT_SHOWN - shown]]
        if lines:
            places.append(f"{name} line{'s' if len(lines) > 1 else ''} {', '.join(lines)}")
            shown += len(lines)
    more = sum(cut.count for _, cut in reports) > shown
    return "; ".join(places) + (" ..." if more else "")


def needed_width(kind: Kind, columns: dict[str, int]) -> int:
    """How many cells a row of `kind` with these columns must have to be read."""
    return 1 + max((columns[name] for name in NEEDED[kind] if name in columns), default=-1)


@dataclass
class Report:
    """A recognised tab-separated report: its kind, columns and remaining lines."""

    path: Path
    kind: Kind
    columns: dict[str, int]
    lines: Iterator[Line]
    encoding: Encoding
    header: int  # the line number of the column names
    width: int = 0  # how many cells the header row has
    cut: CutRows = field(default_factory=CutRows)  # rows left out by values() and rows()

    def rows(self, wanted: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
        """(line number, {column: stripped cell}) for the `wanted` columns present."""
        present = tuple(name for name in wanted if name in self.columns)
        for number, values in self.values(present):
            yield number, {n: v.strip() for n, v in zip(present, values, strict=True)}

    def values(self, wanted: tuple[str, ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(line number, cells of the `wanted` columns, "" where absent), unstripped: the
        fast form for million-row reports (callers strip what they compare). A row cut short
        (it ends before a column of NEEDED) is left out and counted in `cut`."""
        from operator import itemgetter

        # An absent column reads the empty cell appended to every row (index -1).
        picks = [self.columns.get(name, -1) for name in wanted]
        width = 1 + max(picks)
        need = needed_width(self.kind, self.columns)
        # itemgetter of one index returns the cell itself, not a 1-tuple: wrap it.
        pick = itemgetter(*picks) if len(picks) > 1 else (lambda cells: (cells[picks[0]],))
        for line in self.lines:
            text = line.text
            if not text or text.isspace():
                continue
            cells = text.split("\t")
            if '"' in text:  # cells Excel wrote in quotes, maybe with a line break in them
                cells = self._quoted(line, cells)
            if len(cells) < need:
                self.cut.add(line.number, len(cells))
                continue
            if len(cells) < width:
                cells += [""] * (width - len(cells))
            cells.append("")
            yield line.number, pick(cells)

    def _quoted(self, line: Line, cells: list[str]) -> list[str]:
        split = split_quoted(line.text)
        if split is not None:
            return split[1]
        if len(cells) >= self.width:
            return cells  # a whole row: the quote is text
        more = (following.text + following.ending for following in self.lines)
        return rejoin(line.text + line.ending, more, self.width, (self.path, line.number))[0]

    def has_rows(self) -> bool:
        """Whether a non-blank line follows the column names (peeked, then put back)."""
        for line in self.lines:
            if line.text.strip():
                self.lines = _put_back(line, self.lines)
                return True
        return False


def _put_back(first: Line, rest: Iterator[Line]) -> Iterator[Line]:
    yield first
    yield from rest


def open_report(path: Path) -> Report | dict[str, Any]:
    """A tab-separated report with its kind, or the parsed JSON of an SP-API document."""
    encoding, lines = read_lines(path)
    first = next(lines, None)
    while first is not None and not first.text.strip():
        first = next(lines, None)
    if first is None:
        raise InputError(f"{path}: the file is empty.")
    if first.text.lstrip().startswith(("{", "[")):
        return _json(path, first, lines)
    line: Line | None = first
    seen: list[Line] = []
    for _ in range(_LOOK):
        if line is None:
            break
        header = [c.strip().lower() for c in line.text.split("\t")]
        for kind, needed in SIGNATURES.items():
            if all(col in header for col in needed):
                columns = {name: i for i, name in enumerate(header) if name}
                return Report(path, kind, columns, lines, encoding, line.number, len(header))
        seen.append(line)
        line = next(lines, None)
    for line in seen:
        for kind, needed in SIGNATURES.items():
            how = other_separator(line.text, needed)
            if how is not None:
                raise not_tab_separated(path, line.number, how, NAMES[kind])
    expected = "; ".join(f"{NAMES[k]}: {', '.join(cols)}" for k, cols in SIGNATURES.items())
    raise InputError(
        f"{path}:{first.number}: not a report appeal reads. Expected a header row with the "
        f"columns of one of: {expected}; or an SP-API seller performance report (JSON). "
        "Download the report again from Seller Central (Reports > Fulfilment, or Orders > "
        "Order Reports)."
    )


def _json(path: Path, first: Line, rest: Iterator[Line]) -> dict[str, Any]:
    import json

    text = first.text + first.ending + "".join(line.text + line.ending for line in rest)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno + first.number - 1}: not valid JSON ({exc.msg}, column "
            f"{exc.colno}); download the seller performance report again."
        ) from None
    if isinstance(data, dict) and "performanceMetrics" in data:
        return data
    if isinstance(data, dict) and "$schema" in data and "examples" in data:
        raise InputError(
            f"{path}: this is the JSON schema of Amazon's seller performance report, not a "
            "report; its example is under 'examples'. Give the report Seller Central or the "
            "SP-API gave you (GET_V2_SELLER_PERFORMANCE_REPORT)."
        )
    raise InputError(
        f"{path}: JSON, but not an SP-API seller performance report "
        "(GET_V2_SELLER_PERFORMANCE_REPORT): it has no 'performanceMetrics'. appeal reads that "
        "report and the tab-separated order and shipping files."
    )
