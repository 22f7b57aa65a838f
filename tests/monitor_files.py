"""Real-shaped Seller Central files for the monitor's tests, in Amazon's layouts (domain.md 6
and 6a): All Orders and Unshipped reports with UTC timestamps, shipping-confirmation upload
files, and the SP-API seller performance report in the shape of Amazon's own example.

`write_day` builds the files a seller of amazon.com downloads on one day of a scenario whose
figures are worked out by hand in `HAND_READING` below."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import SHIPPING_COLUMNS

DAY = dt.timedelta(days=1)

ALL_ORDERS_COLUMNS = (
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "order-channel",
    "url",
    "ship-service-level",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "item-promotion-discount",
    "ship-promotion-discount",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "promotion-ids",
    "is-business-order",
    "purchase-order-number",
    "price-designation",
)
UNSHIPPED_COLUMNS = (
    "order-id",
    "order-item-id",
    "purchase-date",
    "payments-date",
    "reporting-date",
    "promise-date",
    "days-past-promise",
    "buyer-email",
    "buyer-name",
    "buyer-phone-number",
    "sku",
    "product-name",
    "quantity-purchased",
    "quantity-shipped",
    "quantity-to-ship",
    "ship-service-level",
    "recipient-name",
    "ship-address-1",
    "ship-address-2",
    "ship-address-3",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "is-business-order",
    "purchase-order-number",
    "price-designation",
    "is-prime",
    "is-buyer-requested-cancellation",
    "buyer-requested-cancel-reason",
    "verge-of-cancellation",
    "verge-of-lateShipment",
)
CONFIRMATION_COLUMNS = tuple(SHIPPING_COLUMNS)


def order_id(day: dt.date, n: int) -> str:
    """3-7-7 digits, unique per day and number."""
    return f"114-{day:%y%m%d}0-{n:07d}"


def ups_number(serial: int) -> str:
    """A UPS number with its check digit (domain.md 7: weights 1,2,1,2... over the 15
    characters after 1Z; check = (10 - sum mod 10) mod 10)."""
    body = f"{serial:015d}"
    total = sum(int(c) * (2 if i % 2 else 1) for i, c in enumerate(body))
    return f"1Z{body}{(10 - total % 10) % 10}"


def utc_stamp(moment: dt.datetime) -> str:
    """How Amazon writes a timestamp: ISO 8601 in UTC with +00:00."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def pacific(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime(
        day.year, day.month, day.day, hour, minute, second, tzinfo=ZoneInfo("America/Los_Angeles")
    )


def table(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(columns)]
    lines += ["\t".join(row.get(c, "") for c in columns) for row in rows]
    return "\r\n".join(lines) + "\r\n"  # Seller Central writes CRLF


def all_orders_row(
    oid: str, purchased: dt.datetime, status: str, channel: str = "Merchant"
) -> dict[str, str]:
    return {
        "amazon-order-id": oid,
        "purchase-date": utc_stamp(purchased),
        "last-updated-date": utc_stamp(purchased + dt.timedelta(hours=6)),
        "order-status": status,
        "fulfillment-channel": channel,
        "sales-channel": "Amazon.com",
        "ship-service-level": "Standard",
        "product-name": "Silicone baking mat",
        "sku": "MAT-01",
        "asin": "B0EXAMPLE1",
        "item-status": status,
        "quantity": "1",
        "currency": "USD",
        "item-price": "12.99",
        "ship-city": "SEATTLE",
        "ship-state": "WA",
        "ship-postal-code": "98101",
        "ship-country": "US",
        "is-business-order": "false",
    }


def unshipped_row(
    oid: str,
    purchased: dt.datetime,
    promise: dt.datetime,
    *,
    verge: bool = False,
    buyer_cancel: bool = False,
) -> dict[str, str]:
    return {
        "order-id": oid,
        "order-item-id": f"6{oid[4:].replace('-', '')}",
        "purchase-date": utc_stamp(purchased),
        "payments-date": utc_stamp(purchased),
        "reporting-date": utc_stamp(purchased + dt.timedelta(minutes=30)),
        "promise-date": utc_stamp(promise),
        "days-past-promise": "0",
        "sku": "MAT-01",
        "product-name": "Silicone baking mat",
        "quantity-purchased": "1",
        "quantity-shipped": "0",
        "quantity-to-ship": "1",
        "ship-service-level": "Standard",
        "recipient-name": "A Buyer",
        "ship-address-1": "1 Main St",
        "ship-city": "SEATTLE",
        "ship-state": "WA",
        "ship-postal-code": "98101",
        "ship-country": "US",
        "is-business-order": "false",
        "is-prime": "false",
        "is-buyer-requested-cancellation": "true" if buyer_cancel else "false",
        "verge-of-cancellation": "true" if verge else "false",
        "verge-of-lateShipment": "false",
    }


def confirmation_row(
    oid: str, ship: dt.date, tracking: str, carrier: str = "UPS"
) -> dict[str, str]:
    return {
        "order-id": oid,
        "order-item-id": f"6{oid[4:].replace('-', '')}",
        "quantity": "1",
        "ship-date": ship.isoformat(),
        "carrier-code": carrier,
        "tracking-number": tracking,
        "ship-method": "Ground",
    }


def performance_report(end: dt.date, rates: dict[str, float], status: str = "NORMAL") -> str:
    """The SP-API seller performance report for amazon.com, in the shape of Amazon's example:
    rates as fractions, Amazon's targets and statuses, windows ending on `end`."""

    def window(days: int) -> dict[str, str]:
        return {
            "reportingDateFrom": f"{end - (days - 1) * DAY}T00:00Z",
            "reportingDateTo": f"{end}T23:59Z",
        }

    block = {
        "marketplaceId": "ATVPDKIKX0DER",
        "validTrackingRate": {
            "reportingDateRange": window(30),
            "shipmentCount": 2700,
            "validTrackingCount": 2619,
            "status": "GOOD",
            "rate": rates["vtr"],
            "targetValue": 0.95,
            "targetCondition": "GREATER_THAN",
        },
        "lateShipmentRate": {
            "reportingDateRange": window(30),
            "orderCount": 3000,
            "lateShipmentCount": 30,
            "status": "GOOD",
            "rate": rates["lsr"],
            "targetValue": 0.04,
            "targetCondition": "LESS_THAN",
        },
        "prefulfillmentCancelRate": {
            "reportingDateRange": window(7),
            "orderCount": 700,
            "cancellationCount": 3,
            "status": "GOOD",
            "rate": rates["cr"],
            "targetValue": 0.025,
            "targetCondition": "LESS_THAN",
        },
    }
    report = {"accountStatuses": [{"marketplaceId": "ATVPDKIKX0DER", "status": status}]}
    report["performanceMetrics"] = [block]  # type: ignore[list-item]
    return json.dumps(report, indent=2)


# ---------------------------------------------------------------------------------------------
# The scenario: an amazon.com seller, 100 merchant-fulfilled orders a day (8:00-17:54 Pacific),
# whose seller cancellations climb in the second half of October 2026. The files of each day
# are what the seller downloads that evening; the monitor runs with --as-of that day.

FIRST = dt.date(2026, 9, 20)  # the first day of orders
RUN_DAYS = [dt.date(2026, 10, 19) + n * DAY for n in range(10)]  # 19-28 October
ORDERS_PER_DAY = 100
UNSHIPPED_PER_DAY = 10  # of each day's orders, still unshipped on the evening they came in

# Seller cancellations per purchase day; before 13 October: 0, 1, 0, 1 ... by day number.
CANCELLED = {
    dt.date(2026, 10, 13): 0,
    dt.date(2026, 10, 14): 1,
    dt.date(2026, 10, 15): 0,
    dt.date(2026, 10, 16): 1,
    dt.date(2026, 10, 17): 0,
    dt.date(2026, 10, 18): 1,
    dt.date(2026, 10, 19): 0,
    dt.date(2026, 10, 20): 0,
    dt.date(2026, 10, 21): 2,
    dt.date(2026, 10, 22): 0,
    dt.date(2026, 10, 23): 2,
    dt.date(2026, 10, 24): 3,
    dt.date(2026, 10, 25): 4,
    dt.date(2026, 10, 26): 3,
    dt.date(2026, 10, 27): 3,
    dt.date(2026, 10, 28): 4,
}
LATE_ORDER = order_id(dt.date(2026, 10, 19), 99)  # promised for 21 October, shipped on the 22nd
VERGE_ORDER = order_id(dt.date(2026, 10, 22), 95)  # Amazon flags it on 22 October
BAD_TRACKING_ORDER = order_id(dt.date(2026, 10, 23), 50)  # pasted with a zero-width space

# The hand reading (worked out on paper, not by appeal): per run day, the warnings.
#
# Cancellation Rate, latest 7 days = seller cancellations of the 7 purchase days ending that day
# over 700 orders. Sums: 19 Oct 3, 20 Oct 3, 21 Oct 4, 22 Oct 4, 23 Oct 5, 24 Oct 8, 25 Oct 11,
# 26 Oct 14, 27 Oct 17, 28 Oct 19 (in percent: the sum / 7). Target < 2.5 % (17.5 of 700);
# margin 0.5 points: near from 2.0 % (14 of 700).
# Least-squares slope over the snapshots so far (x = days since 19 Oct, y = cancellations):
#   21 Oct: y 3,3,4 -> 0.5/day; (17.5 - 4) / 0.5 = 27 days: no warning
#   22 Oct: y 3,3,4,4 -> Sxy 2 / Sxx 5 = 0.4; 33.75 days
#   23 Oct: y 3,3,4,4,5 -> 5 / 10 = 0.5; 25 days
#   24 Oct: y ...,8 -> 15.5 / 17.5 = 0.886; (17.5 - 8) / 0.886 = 10.7 days: still no warning
#   25 Oct: y ...,11 -> 35 / 28 = 1.25; (17.5 - 11) / 1.25 = 5.2 days: warning, crosses 31 Oct
#   26 Oct: y ...,14 -> 65 / 42 = 1.548; 3.5 / 1.548 = 2.26 days: crosses 29 Oct; 2.0 %: near
#   27 Oct: y ...,17 -> 107 / 60 = 1.783; 0.5 / 1.783 = 0.28 days: crosses 28 Oct; 2.43 %: near
#   28 Oct: 19 of 700 = 2.71 %: misses the target
# Leading signals: 21 Oct the late order is due today (promise 2026-10-22T06:59:59+00:00 is
# 23:59:59 on 21 October in Los Angeles); 22 Oct Amazon flags the verge order; 23 Oct the newest
# confirmation file has one tracking ID with a zero-width space. Amazon's own figures stay flat
# and far from their targets; no holiday of China or the US is within 14 days of 19-28 October
# (National Day ended 7 October, Thanksgiving is 26 November).
HAND_READING: dict[dt.date, list[str]] = {
    dt.date(2026, 10, 19): [],
    dt.date(2026, 10, 20): [],
    dt.date(2026, 10, 21): ["late_today"],
    dt.date(2026, 10, 22): ["verge_of_cancellation"],
    dt.date(2026, 10, 23): ["tracking_fails"],
    dt.date(2026, 10, 24): [],
    dt.date(2026, 10, 25): ["cancellation_rate:trend_crosses:2026-10-31"],
    dt.date(2026, 10, 26): ["cancellation_rate:near_target,trend_crosses:2026-10-29"],
    dt.date(2026, 10, 27): ["cancellation_rate:near_target,trend_crosses:2026-10-28"],
    dt.date(2026, 10, 28): ["cancellation_rate:misses_target"],
}
HAND_RATES = {
    day: sums / 7 for day, sums in zip(RUN_DAYS, (3, 3, 4, 4, 5, 8, 11, 14, 17, 19), strict=True)
}


def cancelled_on(day: dt.date) -> int:
    return CANCELLED.get(day, (day - FIRST).days % 2)


@dataclass
class Day:
    """The files of one download day, by name."""

    day: dt.date
    files: dict[str, str] = field(default_factory=dict)


def scenario_day(day: dt.date) -> Day:
    out = Day(day)
    orders: list[dict[str, str]] = []
    unshipped: list[dict[str, str]] = []
    confirmations: list[dict[str, str]] = []
    purchase_day = max(FIRST, day - 29 * DAY)
    while purchase_day <= day:
        for n in range(ORDERS_PER_DAY):
            oid = order_id(purchase_day, n)
            bought = pacific(purchase_day, 8 + n // 10, (n % 10) * 6)
            status = "Shipped"
            if n < cancelled_on(purchase_day):
                status = "Cancelled"
            elif purchase_day == day and n >= ORDERS_PER_DAY - UNSHIPPED_PER_DAY:
                status = "Unshipped"
                promise = pacific(day + 2 * DAY, 23, 59, 59)
                unshipped.append(unshipped_row(oid, bought, promise, verge=oid == VERGE_ORDER))
            elif oid == LATE_ORDER and day <= dt.date(2026, 10, 21):
                status = "Unshipped"
                unshipped.append(
                    unshipped_row(oid, bought, pacific(dt.date(2026, 10, 21), 23, 59, 59))
                )
            elif purchase_day == day:
                tracking = ups_number(day.toordinal() * 1000 + n)
                if oid == BAD_TRACKING_ORDER:
                    tracking = tracking[:6] + "\u200b" + tracking[6:]
                confirmations.append(confirmation_row(oid, day, tracking))
            orders.append(all_orders_row(oid, bought, status))
        purchase_day += DAY
    if day == dt.date(2026, 10, 22):
        confirmations.append(confirmation_row(LATE_ORDER, day, ups_number(99)))
    out.files[f"All+Orders+{day}.txt"] = table(ALL_ORDERS_COLUMNS, orders)
    out.files[f"Unshipped+Orders+{day}.txt"] = table(UNSHIPPED_COLUMNS, unshipped)
    out.files[f"shipping-confirmation-{day}.txt"] = table(CONFIRMATION_COLUMNS, confirmations)
    rates = {"vtr": 0.97, "lsr": 0.01, "cr": 0.004}
    out.files[f"seller-performance-{day}.json"] = performance_report(day - DAY, rates)
    return out


def write_day(folder: Path, day: dt.date) -> list[Path]:
    """Write one day's downloads into `folder`, dated that evening (file times in UTC)."""
    written = []
    stamp = pacific(day, 20).timestamp()
    for name, text in scenario_day(day).files.items():
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        os.utime(path, (stamp, stamp))
        written.append(path)
    return written


def orders_file(
    first: dt.date,
    last: dt.date,
    *,
    per_day: int = 10,
    cancelled: int = 0,
    sales_channel: str = "Amazon.com",
    currency: str = "USD",
) -> str:
    """An All Orders report: `per_day` merchant-fulfilled orders bought at noon UTC each day
    from `first` to `last`, the first `cancelled` of each day cancelled."""
    rows = []
    day = first
    while day <= last:
        for n in range(per_day):
            bought = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
            row = all_orders_row(
                order_id(day, n), bought, "Cancelled" if n < cancelled else "Shipped"
            )
            row["sales-channel"], row["currency"] = sales_channel, currency
            rows.append(row)
        day += DAY
    return table(ALL_ORDERS_COLUMNS, rows)


def place(folder: Path, files: dict[str, str | bytes], when: dt.datetime) -> None:
    """Write files into `folder` with the modification time `when`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        os.utime(path, (when.timestamp(), when.timestamp()))
