"""Estimates from the seller's files that never claim more than the files show.

- Cancellation Rate, rolling 7 days: cancelled merchant-fulfilled orders over all of them, by
  purchase day in the marketplace's time zone. Buyer-requested cancellations are left out when
  the files say so (the Unshipped report's is-buyer-requested-cancellation); where they do not
  say, the figure is an upper bound and is marked so. Orders still Pending (unpaid) are left
  out: Amazon cancels those itself.
- Usable tracking IDs, 30 days by ship date: over shipments whose carrier's format can be
  checked; the others are counted apart, neither usable nor unusable.
- Late confirmations, 10 and 30 days by promise date (in the marketplace's time zone).

An empty window has no value ("no orders"), never 0 %.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from appeal.core.targets import Target
from appeal.errors import InputError
from appeal.sellerfiles.evidence import Evidence, Markets, Shipment
from appeal.sellerfiles.figures import (
    Basis,
    Carrier,
    DailyCount,
    Figure,
    Note,
    Role,
    Section,
)

DAY = dt.timedelta(days=1)
GAP = 31  # days without any record that split one marketplace's files into separate periods


@dataclass
class _Bucket:
    """One marketplace's records."""

    days: dict[dt.date, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    pending: Counter[dt.date] = field(default_factory=Counter)  # Pending orders by purchase day
    promises: dict[str, dt.date] = field(default_factory=dict)
    promises_as_written: int = 0
    shipments: list[Shipment] = field(default_factory=list)

    def all_days(self) -> list[dt.date]:
        """The days the files show happening: orders and shipments. Promise dates lie ahead of
        them (an Unshipped report promises days to come), so they count only when the files
        hold nothing else, or the newest day would be in the future."""
        found = set(self.days) | {s.day for s in self.shipments}
        return sorted(found or set(self.promises.values()))


def _buckets(ev: Evidence, markets: Markets, default: str) -> dict[str, _Bucket]:
    buckets: dict[str, _Bucket] = defaultdict(_Bucket)
    buyer, known = ev.buyer_requested, ev.cause_known
    for order_id, order in ev.orders.items():
        bucket = buckets[order.market]
        if order.pending:
            bucket.pending[order.day] += 1
            continue
        counts = bucket.days[order.day]
        counts[0] += 1
        if order.cancelled and order_id not in buyer:
            counts[1] += 1
            if order_id not in known:
                counts[2] += 1
    market_of: dict[str, str] = {}
    for order_id, promise in ev.promised.items():
        ordered = ev.orders.get(order_id)
        market = promise.market or (ordered.market if ordered else "") or default
        market_of[order_id] = market
        bucket = buckets[market]
        days = markets.days(market)
        if days.zone is None and len(promise.stamp) > 10:
            bucket.promises_as_written += 1
        bucket.promises[order_id] = days.day(promise.stamp, promise.where)
    for (order_id, _), shipment in ev.shipments.items():
        ordered = ev.orders.get(order_id)
        market = (ordered.market if ordered else "") or market_of.get(order_id) or default
        buckets[market].shipments.append(shipment)
    return buckets


def _periods(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of days with no gap longer than GAP days."""
    periods = []
    start = previous = days[0]
    for day in days[1:]:
        if (day - previous).days > GAP:
            periods.append((start, previous))
            start = day
        previous = day
    periods.append((start, previous))
    return periods


def estimate_sections(
    ev: Evidence, markets: Markets, *, as_of: dt.date | None, default: str, targets: Targets
) -> list[Section]:
    """One section per marketplace (and per separate period of it) with every estimate."""
    buckets = _buckets(ev, markets, default)
    everything = sorted(d for b in buckets.values() for d in b.all_days())
    if as_of is not None and everything and as_of < everything[0]:
        raise InputError(
            f"--as-of {as_of}: before the first order or shipment in the files ({everything[0]})."
        )
    sections = []
    for market, bucket in buckets.items():
        days = bucket.all_days()
        if not days:
            continue
        periods = _periods(days)
        for lo, hi in periods:
            if as_of is None or (as_of > hi and (lo, hi) != periods[-1]):
                end = hi  # an earlier period ends with its own last day
            elif as_of < lo:
                continue
            else:
                end = as_of
            section = Section(marketplace=market or None, as_of=end)
            if len(periods) > 1:
                section.period = (lo, hi)
            # The days the notes count: the period's, up to --as-of like the figures (the first
            # period from the files' start, the last to their end when no --as-of is given).
            counted = (
                None if (lo, hi) == periods[0] else lo,
                end if as_of is not None or (lo, hi) != periods[-1] else None,
            )
            _fill(section, ev, bucket, (lo, hi, end), counted, targets)
            if end > hi:  # --as-of after the newest day: say where the files end
                section.notes.append(Note("as_of_after_files", detail=str(hi)))
            sections.append(section)
    return sections


Targets = dict[str, Target]


def _fill(
    section: Section,
    ev: Evidence,
    bucket: _Bucket,
    span: tuple[dt.date, dt.date, dt.date],
    counted: tuple[dt.date | None, dt.date | None],
    targets: Targets,
) -> None:
    lo, hi, as_of = span
    days = {d: c for d, c in bucket.days.items() if lo <= d <= hi}
    pending = _within(bucket.pending, counted)
    if pending:
        section.notes.append(Note("amazon_cancels_left_out", pending))
    other = _within(ev.other_channel.get(section.marketplace or "", Counter()), counted)
    if other:
        section.notes.append(Note("other_channel", other))
    money = ev.currencies.get(section.marketplace or "")
    if money is not None and len(money) > 1:
        listed = ", ".join(f"{c or '(none)'} ({n})" for c, n in money.most_common())
        section.notes.append(Note("mixed_currencies", len(money), listed))
    if days:
        _cancellations(section, days, as_of, targets["cancellation_rate"], ev)
    shipments = [s for s in bucket.shipments if lo <= s.day <= hi]
    if shipments:
        _tracking(section, shipments, as_of, targets["valid_tracking_rate"])
    promises = {o: d for o, d in bucket.promises.items() if lo <= d <= hi}
    if promises and ev.shipped:
        _late(section, promises, ev.shipped, as_of, targets["late_shipment_rate"])
    if bucket.promises_as_written:
        section.notes.append(Note("unknown_marketplace", bucket.promises_as_written))


def _within(per_day: Counter[dt.date], counted: tuple[dt.date | None, dt.date | None]) -> int:
    """Orders of the days from `counted[0]` to `counted[1]` (None: no bound)."""
    first, last = counted
    return sum(
        n
        for day, n in per_day.items()
        if (first is None or day >= first) and (last is None or day <= last)
    )


def _window(days: dict[dt.date, list[int]], end: dt.date) -> tuple[int, int, int]:
    total = cancelled = unknown = 0
    for n in range(7):
        counts = days.get(end - n * DAY)
        if counts is not None:
            total += counts[0]
            cancelled += counts[1]
            unknown += counts[2]
    return total, cancelled, unknown


def _cancellations(
    section: Section,
    days: dict[dt.date, list[int]],
    as_of: dt.date,
    target: Target,
    ev: Evidence,
) -> None:
    first = min(days)
    basis: Basis = "all_orders+unshipped" if "unshipped" in ev.kinds else "all_orders"
    windows: list[tuple[dt.date, int, int, int]] = []
    day = first
    while day <= as_of:
        counts = days.get(day, [0, 0, 0])
        rate = None
        if day - 6 * DAY >= first:
            total, cancelled, unknown = _window(days, day)
            windows.append((day, total, cancelled, unknown))
            rate = 100.0 * cancelled / total if total else None
        section.daily.append(DailyCount(day, counts[0], counts[1], rate))
        day += DAY

    def figure(role: Role, start: dt.date, end: dt.date, counts: tuple[int, int, int]) -> Figure:
        total, cancelled, unknown = counts
        return _estimate(
            "cancellation_rate",
            role,
            (start, end),
            target,
            (cancelled, total),
            basis,
            counts={"cause_unknown": unknown} if unknown else {},
            upper_bound=unknown > 0,
        )

    if not windows:
        totals = [sum(c[i] for d, c in days.items() if d <= as_of) for i in range(3)]
        if max(days) > as_of:  # the files go on: --as-of cuts them short
            section.notes.append(Note("short_before_as_of", detail=f"{first} to {as_of}"))
        else:
            section.notes.append(Note("short_span"))
        section.figures.append(figure("span", first, as_of, (totals[0], totals[1], totals[2])))
    else:
        worst = max(
            (w for w in windows if w[1]), key=lambda w: (w[2] / w[1], w[0]), default=windows[-1]
        )
        for role, (end, *counts) in (("worst_7d", worst), ("latest_7d", windows[-1])):
            section.figures.append(
                figure(role, end - 6 * DAY, end, (counts[0], counts[1], counts[2]))  # type: ignore[arg-type]
            )
    unknown = sum(c[2] for d, c in days.items() if d <= as_of)
    if unknown:
        section.notes.append(Note("cause_unknown", unknown))


def _tracking(section: Section, shipments: list[Shipment], as_of: dt.date, target: Target) -> None:
    start = as_of - 29 * DAY
    recent = [s for s in shipments if start <= s.day <= as_of]
    if not recent:
        first, last = min(s.day for s in shipments), max(s.day for s in shipments)
        section.notes.append(Note("no_shipments_in_window", len(shipments), f"{first} to {last}"))
        return
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for shipment in recent:
        tally[shipment.carrier][shipment.usable] += 1
    section.carriers = {
        name: Carrier(c["usable"], c["unusable"], c["not_checked"])
        for name, c in sorted(tally.items())
    }
    usable = sum(c.usable for c in section.carriers.values())
    unusable = sum(c.unusable for c in section.carriers.values())
    unchecked = sum(c.not_checked for c in section.carriers.values())
    checked = usable + unusable
    section.figures.append(
        _estimate(
            "valid_tracking_rate",
            "last_30d",
            (start, as_of),
            target,
            (usable, checked),
            "confirmations",
            counts={"not_checked": unchecked} if unchecked else {},
        )
    )
    if unchecked:
        names = ", ".join(n for n, c in section.carriers.items() if c.not_checked)
        section.notes.append(Note("not_checked", unchecked, names))


def _late(
    section: Section,
    promises: dict[str, dt.date],
    shipped: dict[str, dt.date],
    as_of: dt.date,
    target: Target,
) -> None:
    spans: tuple[tuple[int, Role], ...] = ((10, "last_10d"), (30, "last_30d"))
    for span, role in spans:
        start = as_of - (span - 1) * DAY
        due = [o for o, d in promises.items() if start <= d <= as_of and o in shipped]
        late = sum(shipped[o] > promises[o] for o in due)
        section.figures.append(
            _estimate(
                "late_shipment_rate",
                role,
                (start, as_of),
                target,
                (late, len(due)),
                "unshipped+confirmations",
            )
        )


def _estimate(
    metric: str,
    role: Role,
    window: tuple[dt.date, dt.date],
    target: Target,
    fraction: tuple[int, int],
    basis: Basis,
    *,
    counts: dict[str, int] | None = None,
    upper_bound: bool = False,
) -> Figure:
    """An estimate counted from the files: `fraction` is (numerator, denominator); an empty
    window has no value, never 0 %."""
    numerator, denominator = fraction
    return Figure(
        metric=metric,
        role=role,
        source="estimate",
        value=100.0 * numerator / denominator if denominator else None,
        start=window[0],
        end=window[1],
        target=target,
        numerator=numerator,
        denominator=denominator,
        counts=counts or {},
        upper_bound=upper_bound,
        basis=basis,
    )
