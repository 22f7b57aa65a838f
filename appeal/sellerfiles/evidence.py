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
from dataclasses import dataclass, field
from typing import Literal

from appeal.sellerfiles.reports import LocalDays, Report, Where, report_day

Usability = Literal["usable", "unusable", "not_checked"]
MFN = frozenset({"merchant", "mfn"})
CANCELLED = frozenset({"cancelled", "canceled"})
TRUE = frozenset({"true", "yes", "y", "1"})
_USABILITY: dict[bool | None, Usability] = {True: "usable", False: "unusable", None: "not_checked"}
OTHER_SALES_CHANNELS = frozenset({"non-amazon"})  # multi-channel fulfilment, not a marketplace


@dataclass(slots=True)
class Order:
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
    other_channel: Counter[str] = field(default_factory=Counter)  # Amazon-fulfilled, by market
    other_orders: set[str] = field(default_factory=set)
    currencies: dict[str, Counter[str]] = field(default_factory=dict)  # market -> currency
    unknown_markets: set[str] = field(default_factory=set)
    cause_known: set[str] = field(default_factory=set)  # cancellations whose initiator is known
    buyer_requested: set[str] = field(default_factory=set)
    promised: dict[str, Promise] = field(default_factory=dict)
    shipped: dict[str, dt.date] = field(default_factory=dict)  # first ship day per order
    shipments: dict[tuple[str, str], Shipment] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)


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
    orders = ev.orders
    mfn: dict[str, bool] = {}
    statuses: dict[str, tuple[bool, bool]] = {}
    others = ev.other_orders
    for number, (
        order_id,
        purchased,
        updated,
        status,
        channel,
        sales_channel,
        currency,
        buyer_flag,
    ) in report.values(_ALL_ORDERS_COLUMNS):
        merchant = mfn.get(channel)
        if merchant is None:
            merchant = mfn[channel] = channel.strip().lower() in MFN
        if not merchant or sales_channel.strip().lower() in OTHER_SALES_CHANNELS:
            if order_id not in others:  # counted once per order, not per item row
                others.add(order_id)
                ev.other_channel[markets.get(sales_channel)[0]] += 1
            continue
        market, days = markets.get(sales_channel)
        order_id = order_id.strip()
        known = orders.get(order_id)
        if known is None:  # the first row of this order: count its currency once
            money = ev.currencies.get(market)
            if money is None:
                money = ev.currencies[market] = Counter()
            money[currency.strip()] += 1
        elif known.updated >= updated:
            continue  # another item row, or an older copy from an overlapping report
        state = statuses.get(status)
        if state is None:
            word = status.strip().lower()
            state = statuses[status] = (word in CANCELLED, word == "pending")
        day = days.day(purchased, (report.path, number, "purchase-date"))
        orders[order_id] = Order(market, day, state[0], state[1], updated)
        if buyer_flag:
            ev.cause_known.add(order_id)
            if buyer_flag.strip().lower() in TRUE:
                ev.buyer_requested.add(order_id)


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
        day = report_day(row["ship-date"], (report.path, number, "ship-date"))
        first = ev.shipped.get(order_id)
        ev.shipped[order_id] = day if first is None else min(first, day)
        code, name = row.get("carrier-code", ""), row.get("carrier-name", "")
        checked = check_shipment(tracking, code, name)
        usable = _USABILITY[checked.usable]
        shown = (checked.carrier.listed if checked.carrier else None) or name or code
        # one row per carrier however it is spelt (YamatoTransport, Yamato Transport)
        carrier = names.setdefault(carrier_key(shown), shown or "(none)")
        ev.shipments[(order_id, tracking.strip())] = Shipment(day, carrier, usable)
