"""Amazon's SP-API seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT), read per
Amazon's schema (`accountHealthReport-2020-11-18.json`, domain.md section 6a).

Amazon's `rate`, `targetValue`, `targetCondition`, `status` and reporting window are the
figures: they are taken exactly. The counts are kept as Amazon gives them and never divided
into a rate (in Amazon's own example they do not divide to its rate). One section per
`performanceMetrics` entry, named by its marketplace; and one, without figures, per marketplace
whose account status is not NORMAL but that has no `performanceMetrics` entry (Amazon's own
example lists amazon.com.mx as SUSPENDED with figures for amazon.com only).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from appeal.core.targets import Condition, Target
from appeal.errors import InputError
from appeal.sellerfiles.figures import Count, Figure, HealthRating, Section
from appeal.sellerfiles.reports import report_day

# SP-API key -> catalogue metric id. Both spellings of the cancellation key occur: the schema's
# preFulfillmentCancellationRate and the example's prefulfillmentCancelRate.
RATES = {
    "orderDefectRate.mfn": "order_defect_rate",
    "orderDefectRate.afn": "order_defect_rate_afn",
    "lateShipmentRate": "late_shipment_rate",
    "lateShipmentRateList": "late_shipment_rate",
    "preFulfillmentCancellationRate": "cancellation_rate",
    "prefulfillmentCancelRate": "cancellation_rate",
    "validTrackingRate": "valid_tracking_rate",
    "onTimeDeliveryRate": "on_time_delivery_rate",
    "unitOnTimeDeliveryRate": "unit_on_time_delivery_rate",
    "invoiceDefectRate": "invoice_defect_rate",
}
_CONDITIONS: dict[str, Condition] = {
    "GREATER_THAN": "greater_than",
    "LESS_THAN": "less_than",
    "EQUALS": "equals",
}
_NOT_COUNTS = frozenset({"rate", "targetValue"})


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, what: str) -> InputError:
        return InputError(
            f"{self.path}: {where}: {what}; this is not how Amazon's seller performance "
            "report writes it. Download the report again, or copy the figures from Account "
            "Health into the case by hand."
        )

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"'{str(value)[:40]}' is not a number")
        return float(value)

    def percent(self, value: Any, where: str) -> float:
        """Amazon writes rates and targets as fractions (0.9529); in percent, exactly."""
        number = self.number(value, where)
        if not 0 <= number <= 100:
            raise self.fail(where, f"{number:g} is not a rate")
        # Decimal: 0.9529 * 100 is 95.28999999999999 in binary floating point.
        return float(Decimal(repr(number)) * 100) if number <= 1 else number

    def window(self, node: dict[str, Any], where: str) -> tuple[Any, Any]:
        span = node.get("reportingDateRange")
        if not isinstance(span, dict):
            raise self.fail(f"{where}.reportingDateRange", "missing")
        here = f"{where}.reportingDateRange"
        return (
            report_day(span.get("reportingDateFrom"), (self.path, 0, f"{here}.reportingDateFrom")),
            report_day(span.get("reportingDateTo"), (self.path, 0, f"{here}.reportingDateTo")),
        )

    def counts(self, node: dict[str, Any]) -> dict[str, int]:
        """Every count in a block, by Amazon's names: plain numbers and {count: n} parts."""
        found: dict[str, int] = {}
        for key, value in node.items():
            if isinstance(value, dict):
                value = value.get("count")
            if key in _NOT_COUNTS or isinstance(value, bool):
                continue
            if isinstance(value, int | float) and value >= 0 and value == int(value):
                found[key] = int(value)
        return found

    def rate(self, node: Any, key: str, where: str, metric: str) -> Figure:
        if not isinstance(node, dict):
            raise self.fail(where, "not an object")
        if "rate" not in node:
            raise self.fail(where, "no 'rate'")
        start, end = self.window(node, where)
        target = None
        if "targetValue" in node:
            condition = _CONDITIONS.get(str(node.get("targetCondition", "")).upper())
            if condition is None:
                raise self.fail(
                    f"{where}.targetCondition",
                    f"'{str(node.get('targetCondition'))[:40]}' is not one of "
                    + ", ".join(_CONDITIONS),
                )
            target = Target(self.percent(node["targetValue"], f"{where}.targetValue"), condition)
        status = node.get("status")
        return Figure(
            metric=metric,
            role="amazon",
            source="amazon",
            value=self.percent(node["rate"], f"{where}.rate"),
            start=start,
            end=end,
            target=target,
            status=status if isinstance(status, str) else None,
            counts=self.counts(node),
            key=key,
        )


def read_performance(data: dict[str, Any], path: Path) -> list[Section]:
    """One section per marketplace in Amazon's report, with Amazon's figures exactly."""
    from appeal.core.marketplaces import by_id

    reader = _Reader(path)
    statuses: dict[str, str] = {}
    for entry in data.get("accountStatuses") or []:
        if isinstance(entry, dict) and isinstance(entry.get("marketplaceId"), str):
            statuses[entry["marketplaceId"]] = str(entry.get("status"))
    blocks = data.get("performanceMetrics")
    if isinstance(blocks, dict):
        blocks = [blocks]
    if not isinstance(blocks, list):
        raise reader.fail("performanceMetrics", "not a list")
    sections = []
    for number, block in enumerate(blocks):
        where = f"performanceMetrics[{number}]"
        if not isinstance(block, dict):
            raise reader.fail(where, "not an object")
        market_id = block.get("marketplaceId")
        market = by_id(market_id) if isinstance(market_id, str) else None
        section = Section(
            marketplace=market.domain if market else None,
            marketplace_id=market_id if isinstance(market_id, str) else None,
            account_status=statuses.get(str(market_id)),
        )
        _read_block(reader, block, where, section)
        sections.append(section)
    covered = {s.marketplace_id for s in sections}
    for market_id, status in statuses.items():
        if market_id not in covered and status.upper() != "NORMAL":
            market = by_id(market_id)
            sections.append(
                Section(
                    marketplace=market.domain if market else None,
                    marketplace_id=market_id,
                    account_status=status,
                )
            )
    return sections


def _read_block(reader: _Reader, block: dict[str, Any], where: str, section: Section) -> None:
    for key, node in block.items():
        here = f"{where}.{key}"
        if key == "orderDefectRate" and isinstance(node, dict):
            for channel in ("mfn", "afn"):
                if channel in node:
                    name = f"{key}.{channel}"
                    metric = RATES[name]
                    figure = reader.rate(node[channel], name, f"{here}.{channel}", metric)
                    section.figures.append(figure)
        elif key == "lateShipmentRateList" and isinstance(node, list):
            for n, item in enumerate(node):
                name = f"{key}[{n}]"
                section.figures.append(reader.rate(item, name, f"{here}[{n}]", RATES[key]))
        elif key in RATES:
            section.figures.append(reader.rate(node, key, here, RATES[key]))
        elif key == "accountHealthRating" and isinstance(node, dict):
            section.health = _health(reader, node, here)
        elif key in ("warningStates", "warningState") and isinstance(node, list):
            for item in node:
                if isinstance(item, dict):
                    kind, status = item.get("warningType"), item.get("status")
                    section.counts.append(Count(str(kind), None, _text(status)))
        elif isinstance(node, dict) and "defectsCount" in node:
            start, end = reader.window(node, here)
            count = node.get("defectsCount")
            section.counts.append(
                Count(
                    key,
                    int(reader.number(count, f"{here}.defectsCount")),
                    _text(node.get("status")),
                    start,
                    end,
                )
            )


def _health(reader: _Reader, node: dict[str, Any], where: str) -> HealthRating:
    start = end = None
    if "reportingDateRange" in node:
        start, end = reader.window(node, where)
    status = node.get("ahrStatus", node.get("accountHealthRatingStatus"))
    score = node.get("ahrScore")
    return HealthRating(
        status=_text(status),
        score=int(reader.number(score, f"{where}.ahrScore")) if score is not None else None,
        start=start,
        end=end,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
