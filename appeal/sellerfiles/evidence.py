"""The seller's own tab-separated files read into evidence: orders, cancellations and who asked
for them, promise dates, shipments and whether their tracking IDs are usable.

Rows for the same order are counted once (an order has one row per item, and overlapping
reports repeat orders). Each order keeps its marketplace (`sales-channel`) and its purchase day
in that marketplace's time zone. A million-row All Orders report holds few distinct channel,
status and sales-channel values: each is interpreted once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from appeal.errors import InputError
from appeal.flatfile import STREAM_ERRORS, open_text, rejoin, split_quoted, stream_error
from appeal.sellerfiles.reports import (
    CutRows,
    Kind,
    LocalDays,
    Report,
    Where,
    needed_width,
    report_day,
)

Usability = Literal["usable", "unusable", "not_checked"]
MFN = frozenset({"merchant", "mfn"})
CANCELLED = frozenset({"cancelled", "canceled"})
TRUE = frozenset({"true", "yes", "y", "1"})
_USABILITY: dict[bool | None, Usability] = {True: "usable", False: "unusable", None: "not_checked"}
OTHER_SALES_CHANNELS = frozenset({"non-amazon"})  # multi-channel fulfilment, not a marketplace


class Order(NamedTuple):
    market: str  # marketplace domain, the sales channel as written when unknown, or ""
    day: dt.date  # purchase day in the marketplace's time zone
    cancelled: bool
    pending: bool  # still Pending (unpaid): Amazon cancels these itself
    updated: str  # last-updated-date, to keep the newest copy of an order


@dataclass(frozen=True)
class Promise:
    stamp: str  # promise-date as written (converted once the marketplace is known)
    where: Where
    market: str  # from the report's sales-channel column when present, else ""


@dataclass(frozen=True)
class Shipment:
    day: dt.date  # ship-date as the seller wrote it
    carrier: str
    usable: Usability


@dataclass
class Evidence:
    """What the files hold, merged."""

    orders: dict[str, Order] = field(default_factory=dict)
    # Amazon-fulfilled orders: market -> purchase day (in the market's time zone) -> orders
    other_channel: dict[str, Counter[dt.date]] = field(default_factory=dict)
    other_orders: set[str] = field(default_factory=set)
    currencies: dict[str, Counter[str]] = field(default_factory=dict)  # market -> currency
    unknown_markets: set[str] = field(default_factory=set)
    cause_known: set[str] = field(default_factory=set)  # cancellations whose initiator is known
    buyer_requested: set[str] = field(default_factory=set)
    promised: dict[str, Promise] = field(default_factory=dict)
    shipped: dict[str, dt.date] = field(default_factory=dict)  # first ship day per order
    shipments: dict[tuple[str, str], Shipment] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)
    # rows cut short (without the columns a row needs), left out: per report, its kind, file
    # name, header width and the rows
    cut: list[tuple[Kind, str, int, CutRows]] = field(default_factory=list)


class Markets:
    """Sales-channel text -> (marketplace key, that marketplace's day converter)."""

    def __init__(self, ev: Evidence, default: str | None) -> None:
        from appeal.core.marketplaces import marketplaces

        self._known = marketplaces()
        self._ev = ev
        self._default = default or ""
        self._seen: dict[str, tuple[str, LocalDays]] = {}
        self._zones: dict[str, LocalDays] = {}

    def days(self, key: str) -> LocalDays:
        found = self._zones.get(key)
        if found is None:
            known = self._known.get(key)
            found = self._zones[key] = LocalDays(known.time_zone if known else None)
        return found

    def get(self, channel: str) -> tuple[str, LocalDays]:
        found = self._seen.get(channel)
        if found is None:
            name = channel.strip()
            key = name.lower() if name else self._default
            if key and key not in self._known:
                self._ev.unknown_markets.add(name)
                key = name
            found = self._seen[channel] = (key, self.days(key))
        return found


_ALL_ORDERS_COLUMNS = (
    "amazon-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "currency",
    "is-buyer-requested-cancellation",
)


def read_all_orders(report: Report, ev: Evidence, markets: Markets) -> None:
    """Merchant-fulfilled orders, the newest copy of each. The hot loop of a million-row
    report: the text is read plainly (no line objects), cells are picked by index, and every
    value that repeats (channel, sales channel, status, the minute of a timestamp) is
    interpreted once."""
    columns = report.columns
    at = {name: columns.get(name) for name in _ALL_ORDERS_COLUMNS}
    width = 1 + max(i for i in at.values() if i is not None)
    # an absent column reads the empty cell appended at index `width`
    index: dict[str, int] = {name: width if i is None else i for name, i in at.items()}
    i_id, i_bought, i_updated, i_status, i_channel, i_sales, i_currency, i_flag = (
        index[name] for name in _ALL_ORDERS_COLUMNS
    )
    flagged = at["is-buyer-requested-cancellation"] is not None
    ending = width >= max(columns.values(), default=0)  # a wanted cell may hold the line end
    # A row shorter than `full` is looked at closely: blank, cut short, or carrying a cell
    # Excel quoted because of a line break in it; it needs `need` cells to count.
    full = max(report.width, width + 1)
    longest = report.width  # a longer row may carry a tab inside a quoted cell
    need = needed_width("all_orders", columns)
    shift = 0  # lines read as part of rows before (a quoted cell over several lines)
    orders, others, currencies = ev.orders, ev.other_orders, ev.currencies
    kinds: dict[tuple[str, str], tuple[bool, str, dict[str, dt.date], LocalDays]] = {}
    statuses: dict[str, tuple[bool, bool]] = {}
    make = tuple.__new__
    close = getattr(report.lines, "close", None)
    if close is not None:
        close()  # the rest is read again as plain text, past the header
    header = number = report.header
    with open_text(report.path, report.encoding) as text:
        try:
            for _ in range(header):
                next(text)
            for number, raw in enumerate(text, header + 1):
                cells = (raw.rstrip("\r\n") if ending else raw).split("\t")
                count = len(cells)
                if count < full:
                    if not raw.strip():
                        continue
                    line = number + shift
                    if '"' in raw:
                        cells, taken = _quoted(raw, cells, text, report, line)
                        shift += taken
                    if len(cells) < need:
                        report.cut.add(line, len(cells))
                        continue
                    if len(cells) <= width:
                        cells += [""] * (width + 1 - len(cells))
                elif count > longest and '"' in raw:  # a quoted cell holding a tab
                    split = split_quoted(raw.rstrip("\r\n"))
                    cells = cells if split is None else split[1]
                kind = kinds.get((cells[i_channel], cells[i_sales]))
                if kind is None:
                    kind = kinds[(cells[i_channel], cells[i_sales])] = _kind(
                        cells[i_channel], cells[i_sales], markets
                    )
                merchant, market, seen, days = kind
                order_id = cells[i_id].strip()
                stamp = cells[i_bought]
                if not merchant:
                    if order_id not in others:  # counted once per order, not per item row
                        others.add(order_id)
                        day = seen.get(stamp[:16] + stamp[19:])
                        if day is None:
                            day = days.day(stamp, (report.path, number + shift, "purchase-date"))
                        other = ev.other_channel.get(market)
                        if other is None:
                            other = ev.other_channel[market] = Counter()
                        other[day] += 1
                    continue
                updated = cells[i_updated]
                known = orders.get(order_id)
                if known is None:  # the first row of this order: count its currency once
                    money = currencies.get(market)
                    if money is None:
                        money = currencies[market] = Counter()
                    money[cells[i_currency].strip()] += 1
                elif known[4] >= updated:
                    continue  # another item row, or an older copy of an overlapping report
                state = statuses.get(cells[i_status])
                if state is None:
                    word = cells[i_status].strip().lower()
                    state = statuses[cells[i_status]] = (word in CANCELLED, word == "pending")
                day = seen.get(stamp[:16] + stamp[19:])
                if day is None:
                    day = days.day(stamp, (report.path, number + shift, "purchase-date"))
                orders[order_id] = make(Order, (market, day, state[0], state[1], updated))
                if flagged and cells[i_flag]:
                    ev.cause_known.add(order_id)
                    if cells[i_flag].strip().lower() in TRUE:
                        ev.buyer_requested.add(order_id)
        except STREAM_ERRORS as exc:
            raise stream_error(exc, report.path, report.encoding, number + shift + 1) from None
    if report.cut.count:
        ev.cut.append((report.kind, report.path.name, report.width, report.cut))


def _quoted(
    raw: str, cells: list[str], more: Iterator[str], report: Report, number: int
) -> tuple[list[str], int]:
    """A row holding a double quote: its cells as Excel wrote them (a quoted cell may run over
    several lines), and how many more lines it took."""
    split = split_quoted(raw.rstrip("\r\n"))
    if split is not None:
        return split[1], 0
    if len(cells) >= report.width:
        return cells, 0  # a whole row: the quote is text
    return rejoin(raw, more, report.width, (report.path, number))


def _kind(
    channel: str, sales_channel: str, markets: Markets
) -> tuple[bool, str, dict[str, dt.date], LocalDays]:
    """Whether a row is merchant-fulfilled on an Amazon marketplace, its marketplace, and that
    marketplace's dates."""
    market, days = markets.get(sales_channel)
    merchant = channel.strip().lower() in MFN
    merchant = merchant and sales_channel.strip().lower() not in OTHER_SALES_CHANNELS
    return merchant, market, days.seen, days


def read_unshipped(report: Report, ev: Evidence, markets: Markets) -> None:
    columns = ("order-id", "promise-date", "is-buyer-requested-cancellation", "sales-channel")
    flagged = "is-buyer-requested-cancellation" in report.columns
    for number, row in report.rows(columns):
        order_id = row["order-id"]
        if flagged:
            ev.cause_known.add(order_id)
            if row["is-buyer-requested-cancellation"].lower() in TRUE:
                ev.buyer_requested.add(order_id)
        if row.get("promise-date"):
            market = markets.get(row["sales-channel"])[0] if row.get("sales-channel") else ""
            where = (report.path, number, "promise-date")
            ev.promised[order_id] = Promise(row["promise-date"], where, market)
    if report.cut.count:
        ev.cut.append((report.kind, report.path.name, report.width, report.cut))


def _ship_day(value: str, where: Where) -> dt.date:
    """The ship-date as written: Amazon's yyyy-mm-dd, or a form a spreadsheet wrote that names
    one day (2026/11/20, 2026年11月20日, 11/20/2026: a copy re-saved by Excel); a day and month
    that read both ways (03/04/2026) stop with the way out."""
    try:
        return report_day(value, where)
    except InputError as exc:
        from appeal.tracking.shipdate import read_ship_date

        found = read_ship_date(value)
        if found.verdict == "rewrite" and found.day is not None:
            return found.day
        if found.verdict != "ambiguous":
            raise
        path, line, _ = where
        raise InputError(
            f"{path}:{line}: ship-date: '{value.strip()[:40]}' reads as a day-first or a "
            "month-first date; `appeal tracking FILE --fix FIXED` lists such dates, rewrites "
            "the ones that read one way only, and leaves these for you to write as yyyy-mm-dd."
        ) from exc


def read_confirmations(report: Report, ev: Evidence) -> None:
    """Shipments with whether Amazon can use their tracking ID: usable, unusable, or not
    checked (the carrier's number format is not public, so the file cannot tell)."""
    from appeal.tracking.carriers import carrier_key
    from appeal.tracking.check import check_shipment

    names: dict[str, str] = {}
    columns = ("order-id", "ship-date", "carrier-code", "carrier-name", "tracking-number")
    for number, row in report.rows(columns):
        order_id, tracking = row["order-id"], row.get("tracking-number", "")
        if not row.get("ship-date"):
            continue
        day = _ship_day(row["ship-date"], (report.path, number, "ship-date"))
        first = ev.shipped.get(order_id)
        ev.shipped[order_id] = day if first is None else min(first, day)
        code, name = row.get("carrier-code", ""), row.get("carrier-name", "")
        checked = check_shipment(tracking, code, name)
        usable = _USABILITY[checked.usable]
        shown = (checked.carrier.listed if checked.carrier else None) or name or code
        # one row per carrier however it is spelt (YamatoTransport, Yamato Transport)
        carrier = names.setdefault(carrier_key(shown), shown or "(none)")
        ev.shipments[(order_id, tracking.strip())] = Shipment(day, carrier, usable)
    if report.cut.count:
        ev.cut.append((report.kind, report.path.name, report.width, report.cut))
