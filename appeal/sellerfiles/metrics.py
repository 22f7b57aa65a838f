"""Account-health figures computed from the seller's own reports (estimates), or read from
Amazon's SP-API seller performance report (Amazon's own figures)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appeal.core.catalogue import MetricInfo, load_catalogue
from appeal.errors import InputError
from appeal.sellerfiles.reports import CANCELLED, MFN, NAMES, TRUE, Report, open_report, parse_day
from appeal.tracking.check import check_tracking_number

DAY = dt.timedelta(days=1)
WHY_ESTIMATES = (
    "Figures computed from your files are estimates; Account Health is authoritative. They can "
    "differ because Amazon counts some metrics by promised delivery date and updates them with "
    "a lag of up to two weeks, and because orders missing from the files are not counted."
)


@dataclass(frozen=True)
class Figure:
    """One rate with what it is made of."""

    metric: MetricInfo
    label: str
    numerator: int
    denominator: int
    start: dt.date
    end: dt.date
    source: str
    estimate: bool = True
    rate: float | None = None  # given by Amazon when counts are absent

    @property
    def value(self) -> float:
        if self.rate is not None:
            return self.rate
        return 100.0 * self.numerator / self.denominator if self.denominator else 0.0

    @property
    def meets(self) -> bool:
        return self.metric.meets(self.value)

    def as_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric.id,
            "label": self.label,
            "value": round(self.value, 2),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "window": [self.start.isoformat(), self.end.isoformat()],
            "target": self.metric.target_text,
            "meets_target": self.meets,
            "source": self.source,
            "estimate": self.estimate,
        }


@dataclass(slots=True)
class _Order:
    day: dt.date
    cancelled: bool
    buyer_requested: bool
    updated: str


@dataclass
class Evidence:
    """What the files hold, merged (rows for the same order counted once)."""

    orders: dict[str, _Order] = field(default_factory=dict)
    other_channel_orders: int = 0
    marketplaces: Counter[str] = field(default_factory=Counter)
    currencies: Counter[str] = field(default_factory=Counter)
    buyer_requested: set[str] = field(default_factory=set)
    promised: dict[str, dt.date] = field(default_factory=dict)
    shipped: dict[str, dt.date] = field(default_factory=dict)
    shipments: dict[tuple[str, str], tuple[dt.date, str, bool]] = field(default_factory=dict)
    amazon: list[Figure] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)


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


def _read_all_orders(report: Report, ev: Evidence) -> None:
    orders = ev.orders
    days: dict[str, dt.date] = {}  # a report spans few days but many rows: parse each once
    for number, (
        order_id,
        purchased,
        updated,
        status,
        channel,
        market,
        currency,
        buyer_flag,
    ) in report.values(_ALL_ORDERS_COLUMNS):
        if channel.strip().lower() not in MFN:
            ev.other_channel_orders += 1
            continue
        order_id = order_id.strip()
        known = orders.get(order_id)
        if known is None:  # the first row of this order: count its marketplace once
            if market.strip() and market.strip().lower() != "non-amazon":
                ev.marketplaces[market.strip()] += 1
            if currency.strip():
                ev.currencies[currency.strip()] += 1
        elif known.updated >= updated:
            continue  # another item row, or an older copy from an overlapping report
        purchased = purchased.strip()
        day = days.get(purchased[:10]) if purchased[10:11] in ("", "T", " ") else None
        if day is None:
            day = days[purchased[:10]] = parse_day(
                purchased, (report.path, number, "purchase-date")
            )
        orders[order_id] = _Order(
            day, status.strip().lower() in CANCELLED, buyer_flag.strip().lower() in TRUE, updated
        )


def _read_unshipped(report: Report, ev: Evidence) -> None:
    for number, row in report.rows(("order-id", "promise-date", "is-buyer-requested-cancellation")):
        order_id = row["order-id"]
        if row.get("is-buyer-requested-cancellation", "").lower() in TRUE:
            ev.buyer_requested.add(order_id)
        if row.get("promise-date"):
            ev.promised[order_id] = parse_day(
                row["promise-date"], (report.path, number, "promise-date")
            )


def _read_confirmations(report: Report, ev: Evidence) -> None:
    columns = ("order-id", "ship-date", "carrier-code", "carrier-name", "tracking-number")
    for number, row in report.rows(columns):
        order_id, tracking = row["order-id"], row.get("tracking-number", "")
        if not row.get("ship-date"):
            continue
        day = parse_day(row["ship-date"], (report.path, number, "ship-date"))
        first = ev.shipped.get(order_id)
        ev.shipped[order_id] = day if first is None else min(first, day)
        code = row.get("carrier-code", "")
        carrier = row.get("carrier-name", "") if code.lower() == "other" else code
        usable = check_tracking_number(tracking, carrier or None).verdict == "valid"
        ev.shipments[(order_id, tracking.strip())] = (day, carrier or "(none)", usable)


_AMAZON_KEYS = {
    "lateShipmentRate": ("late_shipment_rate", "lateShipmentCount", "orderCount"),
    "preFulfillmentCancellationRate": ("cancellation_rate", "cancellationCount", "orderCount"),
    "prefulfillmentCancelRate": ("cancellation_rate", "cancellationCount", "orderCount"),
    "validTrackingRate": ("valid_tracking_rate", "validTrackingCount", "shipmentCount"),
    "onTimeDeliveryRate": (
        "on_time_delivery_rate",
        "onTimeDeliveryCount",
        "shipmentCountWithValidTracking",
    ),
}


def _read_performance(data: dict[str, Any], path: Path, ev: Evidence) -> None:
    metrics = load_catalogue().metrics
    blocks = data.get("performanceMetrics") or []
    if isinstance(blocks, dict):
        blocks = [blocks]
    for block in blocks:
        items = [(key, block.get(key)) for key in _AMAZON_KEYS]
        odr = (block.get("orderDefectRate") or {}).get("mfn")
        for key, node in [*items, ("orderDefectRate", odr)]:
            if not isinstance(node, dict) or "reportingDateRange" not in node:
                continue
            if key == "orderDefectRate":
                metric_id, count = (
                    "order_defect_rate",
                    (node.get("orderWithDefects") or {}).get("count"),
                )
                total = node.get("orderCount")
            else:
                metric_id, count_key, total_key = _AMAZON_KEYS[key]
                count, total = node.get(count_key), node.get(total_key)
            span = node["reportingDateRange"]
            start = parse_day(str(span.get("reportingDateFrom", "")), (path, 0, key))
            end = parse_day(str(span.get("reportingDateTo", "")), (path, 0, key))
            rate = None
            if not (isinstance(count, int | str) and isinstance(total, int | str) and int(total)):
                raw = float(node.get("rate", 0))
                rate = raw * 100 if raw <= 1 else raw  # Amazon writes a fraction (0.012)
                count = total = 0
            ev.amazon.append(
                Figure(
                    metrics[metric_id],
                    metrics[metric_id].en,
                    int(count),
                    int(total),
                    start,
                    end,
                    "Amazon (SP-API report)",
                    estimate=False,
                    rate=rate,
                )
            )


def read_evidence(paths: list[Path]) -> Evidence:
    """Read every file, whatever its kind, into one merged Evidence."""
    ev = Evidence()
    for path in paths:
        opened = open_report(path)
        if isinstance(opened, dict):
            _read_performance(opened, path, ev)
            ev.sources.add(NAMES["performance_json"])
            continue
        reader = {
            "all_orders": _read_all_orders,
            "unshipped": _read_unshipped,
            "shipping_confirmation": _read_confirmations,
        }[opened.kind]
        reader(opened, ev)
        ev.sources.add(NAMES[opened.kind])
    for order_id in ev.buyer_requested:
        if order_id in ev.orders:
            ev.orders[order_id].buyer_requested = True
    return ev


@dataclass
class Results:
    as_of: dt.date
    figures: list[Figure]
    daily: list[tuple[dt.date, int, int, float | None]]  # day, orders, cancels, 7-day rate
    by_carrier: dict[str, tuple[int, int]]
    notes: list[str]


def _check_consistency(ev: Evidence) -> None:
    if len(ev.marketplaces) > 1:
        listed = ", ".join(f"{m} ({n} orders)" for m, n in ev.marketplaces.most_common())
        raise InputError(
            f"the reports mix marketplaces ({listed}); Amazon measures each "
            "marketplace separately. Run appeal metrics on one marketplace's files."
        )
    if len(ev.currencies) > 1:
        listed = ", ".join(ev.currencies)
        raise InputError(
            f"the reports mix currencies ({listed}), so they cover more than one "
            "marketplace; run appeal metrics on one marketplace's files."
        )


def _cancellation(
    ev: Evidence, as_of: dt.date, catalogue_metric: MetricInfo, notes: list[str]
) -> tuple[list[Figure], list[tuple[dt.date, int, int, float | None]]]:
    per_day: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    for order in ev.orders.values():
        per_day[order.day][0] += 1
        if order.cancelled and not order.buyer_requested:
            per_day[order.day][1] += 1
    first = min(per_day)
    if as_of < first:
        raise InputError(f"--as-of {as_of}: before the first order in the files ({first}).")
    daily = []
    windows: list[tuple[dt.date, int, int]] = []
    day = first
    while day <= as_of:
        orders, cancels = per_day.get(day, [0, 0])
        start = day - 6 * DAY
        if start >= first:
            total = sum(per_day.get(start + n * DAY, [0, 0])[0] for n in range(7))
            cancelled = sum(per_day.get(start + n * DAY, [0, 0])[1] for n in range(7))
            windows.append((day, cancelled, total))
            rate = 100.0 * cancelled / total if total else None
        else:
            rate = None
        daily.append((day, orders, cancels, rate))
        day += DAY
    source = "estimate from All Orders report"
    if not windows:
        total = sum(v[0] for v in per_day.values())
        cancelled = sum(v[1] for v in per_day.values())
        notes.append(
            "The files span fewer than 7 days: the cancellation rate covers the "
            "whole span, not a 7-day window."
        )
        return [
            Figure(
                catalogue_metric,
                "Cancellation Rate (all days in the files)",
                cancelled,
                total,
                first,
                max(per_day),
                source,
            )
        ], daily
    end, cancelled, total = windows[-1]
    latest = Figure(
        catalogue_metric,
        "Cancellation Rate, latest 7 days",
        cancelled,
        total,
        end - 6 * DAY,
        end,
        source,
    )
    worst_end, w_cancelled, w_total = max(
        (w for w in windows if w[2]), key=lambda w: (w[1] / w[2], w[0]), default=windows[-1]
    )
    worst = Figure(
        catalogue_metric,
        "Cancellation Rate, worst 7 days",
        w_cancelled,
        w_total,
        worst_end - 6 * DAY,
        worst_end,
        source,
    )
    return [worst, latest], daily


def compute(paths: list[Path], as_of: dt.date | None = None) -> Results:
    """Read the files and compute every figure they allow."""
    ev = read_evidence(paths)
    _check_consistency(ev)
    metrics = load_catalogue().metrics
    notes: list[str] = []
    figures: list[Figure] = []
    daily: list[tuple[dt.date, int, int, float | None]] = []
    days = [o.day for o in ev.orders.values()] + [d for d, _, _ in ev.shipments.values()]
    if not days and not ev.amazon:
        if ev.other_channel_orders:
            raise InputError(
                "the reports hold no merchant-fulfilled orders (all "
                f"{ev.other_channel_orders} are fulfilled by Amazon); these "
                "metrics concern merchant-fulfilled orders only."
            )
        raise InputError("the files hold no orders or shipments to compute figures from.")
    as_of = as_of or (max(days) if days else max(f.end for f in ev.amazon))
    if ev.orders:
        found, daily = _cancellation(ev, as_of, metrics["cancellation_rate"], notes)
        figures += found
    by_carrier: dict[str, tuple[int, int]] = {}
    if ev.shipments:
        start = as_of - 29 * DAY
        recent = [(c, ok) for d, c, ok in ev.shipments.values() if start <= d <= as_of]
        if not recent:
            raise InputError(
                f"no shipments in the 30 days to {as_of}; the files cover "
                f"{min(d for d, _, _ in ev.shipments.values())} to "
                f"{max(d for d, _, _ in ev.shipments.values())}. Use --as-of."
            )
        figures.append(
            Figure(
                metrics["valid_tracking_rate"],
                "Usable tracking IDs, last 30 days (by ship date)",
                sum(ok for _, ok in recent),
                len(recent),
                start,
                as_of,
                "estimate from shipping-confirmation files",
            )
        )
        for carrier in sorted({c for c, _ in recent}):
            mine = [ok for c, ok in recent if c == carrier]
            by_carrier[carrier] = (sum(mine), len(mine))
    if ev.promised and ev.shipped:
        for span in (10, 30):
            start = as_of - (span - 1) * DAY
            due = [o for o, d in ev.promised.items() if start <= d <= as_of and o in ev.shipped]
            if due:
                late = sum(ev.shipped[o] > ev.promised[o] for o in due)
                figures.append(
                    Figure(
                        metrics["late_shipment_rate"],
                        f"Late confirmations, last {span} days",
                        late,
                        len(due),
                        start,
                        as_of,
                        "estimate from Unshipped + confirmation files",
                    )
                )
    figures += ev.amazon
    return Results(as_of, figures, daily, by_carrier, notes)
