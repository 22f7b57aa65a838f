"""Leading signals: warnings that need no Amazon figure.

- late today: unshipped orders whose promise date, in the marketplace's own day, is today or
  already past (buyer-requested cancellations aside: those are cancelled, not shipped);
- verge of cancellation: orders Amazon's Unshipped report flags `verge-of-cancellation`;
- tracking: tracking IDs in the newest shipping-confirmation file that fail their check (the
  tracking doctor's `check_shipment`; carriers whose format is not public are not failures);
- holidays: a holiday of the seller's calendars running or starting within 14 days, unless the
  Unshipped report shows extended handling time (no order due to ship during it, and an order
  bought before it promised after it);
- inventory: the newest inventory file was written more than a day ago.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from appeal.monitor.folder import Found
from appeal.monitor.holidays import LOOKAHEAD, calendars, upcoming
from appeal.monitor.result import Note, Signal

SHOWN = 10  # order ids kept per signal; the count is always complete
STALE = dt.timedelta(days=1)
_TRUE = frozenset({"true", "yes", "y", "1"})
_COLUMNS = (
    "order-id",
    "purchase-date",
    "promise-date",
    "sales-channel",
    "is-buyer-requested-cancellation",
    "verge-of-cancellation",
    "quantity-to-ship",
    "ship-country",
)


@dataclass(frozen=True)
class Unshipped:
    """One order of the Unshipped report, its dates in its marketplace's day."""

    order_id: str
    market: str | None
    promise: dt.date
    purchased: dt.date | None
    buyer_cancel: bool
    verge: bool


@dataclass(frozen=True)
class UnshippedRead:
    orders: list[Unshipped]
    as_written: int  # promise dates taken as written: no marketplace (so no time zone) known
    done_since: int  # orders the All Orders report says have shipped or been cancelled since
    cut: Note | None = None  # the note on rows cut short (left out), if any


_DONE = frozenset({"shipped", "cancelled", "canceled"})  # order-status: nothing left to ship


def read_unshipped(
    found: Found, default: str | None, all_orders: Found | None = None
) -> UnshippedRead:
    """The orders of the newest Unshipped report still to ship.

    Amazon's Unshipped report usually has no sales-channel column. An order's marketplace is
    then the folder's only marketplace (`default`), else the one the All Orders report
    (`all_orders`) gives the same order, else the marketplace of the order's ship-country (an
    amazon.com order ships to the US, an amazon.co.uk one to GB). An order the All Orders
    report calls Shipped or Cancelled is left out: the Unshipped report is older than that
    (a download of days ago), and the order needs nothing today."""
    from appeal.core.marketplaces import marketplaces
    from appeal.sellerfiles.reports import LocalDays, Report, cut_places, open_report

    known = marketplaces()
    by_country: dict[str, list[str]] = {}
    for domain, site in known.items():
        by_country.setdefault(site.country, []).append(domain)
    report = open_report(found.path)
    assert isinstance(report, Report)  # the folder scan recognised it as tab-separated
    rows = []
    for number, row in report.rows(_COLUMNS):
        if not row.get("order-id") or not row.get("promise-date"):
            continue
        if row.get("quantity-to-ship", "1") in ("0", "0.0"):
            continue  # nothing left to ship on this item row
        rows.append((number, row))
    wanted = {row["order-id"] for _, row in rows}
    listed = _listed(all_orders, wanted) if all_orders is not None and wanted else {}
    done = {order for order, (_, status) in listed.items() if status in _DONE}
    days: dict[str | None, LocalDays] = {}
    orders: dict[str, Unshipped] = {}
    as_written = 0
    for number, row in rows:
        order_id = row["order-id"]
        if order_id in done:
            continue
        channel = row.get("sales-channel", "").lower()
        market = channel if channel in known else default
        if market not in known and listed.get(order_id, ("", ""))[0]:
            market = listed[order_id][0]
        if market not in known:
            country = by_country.get(row.get("ship-country", "").upper(), [])
            market = country[0] if len(country) == 1 else market
        zone = days.get(market)
        if zone is None:
            zone = days[market] = LocalDays(known[market].time_zone if market in known else None)
        promise = zone.day(row["promise-date"], (found.path, number, "promise-date"))
        if zone.zone is None and len(row["promise-date"]) > 10:
            as_written += 1
        purchased = None
        if row.get("purchase-date"):
            purchased = zone.day(row["purchase-date"], (found.path, number, "purchase-date"))
        earlier = orders.get(order_id)
        if earlier is not None and earlier.promise <= promise:
            continue  # another item row: the order is as late as its earliest promise
        orders[order_id] = Unshipped(
            order_id,
            market,
            promise,
            purchased,
            row.get("is-buyer-requested-cancellation", "").lower() in _TRUE,
            row.get("verge-of-cancellation", "").lower() in _TRUE,
        )
    cut = None
    if report.cut.count:
        where = cut_places([(found.path.name, report.cut)])
        other = f"{report.cut.first[0][1]},{report.width},unshipped"
        cut = Note("rows_left_out", where, other, count=report.cut.count)
    return UnshippedRead(list(orders.values()), as_written, len(done), cut)


def _listed(found: Found, wanted: set[str]) -> dict[str, tuple[str, str]]:
    """Of the orders `wanted`, what the All Orders report says: (marketplace if known, "" if
    not; order-status in lower case)."""
    from appeal.core.marketplaces import marketplaces
    from appeal.sellerfiles.reports import Report, open_report

    known = marketplaces()
    report = open_report(found.path)
    assert isinstance(report, Report)
    listed: dict[str, tuple[str, str]] = {}
    columns = ("amazon-order-id", "sales-channel", "order-status")
    try:
        for _, (order_id, channel, status) in report.values(columns):
            order_id = order_id.strip()
            if order_id in wanted:
                market = channel.strip().lower()
                listed[order_id] = (market if market in known else "", status.strip().lower())
    finally:
        close = getattr(report.lines, "close", None)
        if close is not None:
            close()
    return listed


def order_signals(
    orders: list[Unshipped], today_of: Callable[[str | None], dt.date]
) -> list[Signal]:
    """Late today and verge of cancellation, per marketplace."""
    signals: list[Signal] = []
    for market in sorted({o.market for o in orders}, key=lambda m: m or ""):
        mine = [o for o in orders if o.market == market]
        today = today_of(market)
        late = sorted(
            (o for o in mine if o.promise <= today and not o.buyer_cancel),
            key=lambda o: (o.promise, o.order_id),
        )
        if late:
            signals.append(
                Signal(
                    "late_today",
                    market,
                    count=len(late),
                    orders=tuple(o.order_id for o in late[:SHOWN]),
                    overdue=sum(o.promise < today for o in late),
                    today=today,
                )
            )
        verge = sorted(o.order_id for o in mine if o.verge)
        if verge:
            signals.append(
                Signal(
                    "verge_of_cancellation",
                    market,
                    count=len(verge),
                    orders=tuple(verge[:SHOWN]),
                    today=today,
                )
            )
    return signals


def tracking_signal(found: Found, market: str | None) -> Signal | None:
    """Tracking IDs in the newest confirmation file that fail their carrier's check."""
    from appeal.sellerfiles.reports import Report, open_report
    from appeal.tracking.check import check_shipment

    report = open_report(found.path)
    assert isinstance(report, Report)
    failing: dict[tuple[str, str], None] = {}
    columns = ("order-id", "carrier-code", "carrier-name", "tracking-number")
    for _, row in report.rows(columns):
        tracking = row.get("tracking-number", "")
        checked = check_shipment(tracking, row.get("carrier-code", ""), row.get("carrier-name", ""))
        if checked.usable is False:
            failing[(row.get("order-id", ""), tracking)] = None
    if not failing:
        return None
    return Signal(
        "tracking_fails",
        market,
        count=len(failing),
        orders=tuple(order for order, _ in list(failing)[:SHOWN]),
        file=found.path,
    )


def holiday_signals(
    codes: tuple[str, ...], today: dt.date, orders: list[Unshipped] | None
) -> tuple[list[Signal], list[Note]]:
    """Holidays running or starting within 14 days without extended handling time seen
    (`orders` None: no Unshipped report was read, so it cannot be seen)."""
    read = orders is not None
    orders = orders or []
    table = calendars()
    signals: list[Signal] = []
    notes: list[Note] = []
    for code in codes:
        calendar = table.get(code)
        if calendar is None:
            notes.append(Note("no_holiday_table", code))
            continue
        if calendar.last_day < today + LOOKAHEAD:
            notes.append(Note("holiday_table_ends", code, day=calendar.last_day))
        for holiday in upcoming(calendar, today):
            first = max(holiday.start, today)
            due = sorted(o.order_id for o in orders if first <= o.promise <= holiday.end)
            spanning = any(
                o.purchased is not None and o.purchased < holiday.start and o.promise > holiday.end
                for o in orders
            )
            if holiday.provisional:
                notes.append(Note("provisional_holiday", holiday.en, day=holiday.start))
            if not due and (spanning or holiday.start <= today):
                continue  # handling time reaches past it (it was set), or it is on: too late
            signals.append(
                Signal(
                    "holiday",
                    count=len(due),
                    orders=tuple(due[:SHOWN]),
                    today=today,
                    name=holiday.en,
                    name_zh=holiday.zh,
                    calendar=code,
                    start=holiday.start,
                    end=holiday.end,
                    evidence="orders_due_during" if due else "not_seen" if read else "no_unshipped",
                )
            )
    return signals, notes


def inventory_signal(found: Found | None, now: dt.datetime) -> tuple[Signal | None, Note | None]:
    """The newest inventory file, when it was written more than a day before `now`."""
    if found is None:
        return None, None
    written = dt.datetime.fromtimestamp(found.modified, tz=dt.UTC)
    if written > now + dt.timedelta(minutes=5):
        return None, Note("inventory_file_in_future", str(found.path), when=written)
    if now - written <= STALE:
        return None, None
    return Signal("inventory_stale", file=found.path, written=written), None
