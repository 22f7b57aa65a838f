"""The warning rules for one figure: its latest value against its target, and where the trend
over the stored snapshots takes it.

- red: the value misses the target (or Amazon's own status for it is BAD);
- amber: the value is within `margin` percentage points of the target, or the trend crosses
  the target within HORIZON days (the day it does is the projected date);
- green: neither; grey: no value or no target to compare with.

The trend is the least-squares slope of the figure's values against the last day of their data
windows, over the snapshots whose window ends within TREND_DAYS of the latest one (at least
MIN_POINTS of them). The projection starts from the latest value: days = distance / slope.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

from appeal.core.targets import Target

HORIZON = 7  # days ahead a trend is followed
TREND_DAYS = 14  # the stretch of data windows a trend is fitted over
MIN_POINTS = 3  # fewer snapshots make no trend
_EPSILON = 1e-9  # binary fractions: 1 / (1 / 7) is 7.000000000000001 days

Status = Literal["red", "amber", "green", "grey"]
Reason = Literal["misses_target", "amazon_says_bad", "near_target", "trend_crosses"]


@dataclass(frozen=True)
class Assessment:
    status: Status
    reasons: tuple[Reason, ...]
    slope: float | None  # percentage points per day; None when there are too few snapshots
    points: int  # snapshots the trend was fitted over
    crosses_on: dt.date | None  # the day the trend reaches the target (within HORIZON)


def slope(points: list[tuple[dt.date, float]]) -> float | None:
    """Least-squares slope (value per day) of `points`; None for fewer than MIN_POINTS."""
    if len({day for day, _ in points}) < MIN_POINTS:
        return None
    origin = points[0][0]
    xs = [(day - origin).days for day, _ in points]
    ys = [value for _, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def recent(points: list[tuple[dt.date, float]], end: dt.date) -> list[tuple[dt.date, float]]:
    """The points a trend ending on `end` is fitted over."""
    first = end - dt.timedelta(days=TREND_DAYS - 1)
    return [(day, value) for day, value in points if first <= day <= end]


def days_to_cross(value: float, target: Target, per_day: float) -> float | None:
    """Days until a value moving by `per_day` stops meeting `target`; None when it moves away
    from the line (or the target is an exact value, which no trend approaches)."""
    if target.condition == "less_than" and per_day > 0:
        return (target.value - value) / per_day
    if target.condition in ("at_least", "greater_than") and per_day < 0:
        return (value - target.value) / -per_day
    return None


def _near(value: float, target: Target, margin: float) -> bool:
    if target.condition == "less_than":
        return target.value - value <= margin
    if target.condition in ("at_least", "greater_than"):
        return value - target.value <= margin
    return False


def assess(
    value: float | None,
    target: Target | None,
    history: list[tuple[dt.date, float]],
    *,
    end: dt.date,
    margin: float,
    amazon_status: str | None = None,
) -> Assessment:
    """The status of a figure whose latest window ends on `end`; `history` holds its stored
    snapshots (window end, value), this run's included."""
    points = recent(history, end)
    per_day = slope(points)
    fitted = len(points) if per_day is not None else 0
    if value is None or target is None:
        return Assessment("grey", (), per_day, fitted, None)
    reasons: list[Reason] = []
    if not target.met_by(value):
        reasons.append("misses_target")
    if (amazon_status or "").upper() == "BAD":
        reasons.append("amazon_says_bad")
    if reasons:
        return Assessment("red", tuple(reasons), per_day, fitted, None)
    crosses_on = None
    if per_day is not None:
        days = days_to_cross(value, target, per_day)
        if days is not None and days <= HORIZON + _EPSILON:
            crosses_on = end + dt.timedelta(days=max(1, math.ceil(days - _EPSILON)))
    if _near(value, target, margin):
        reasons.append("near_target")
    if crosses_on is not None:
        reasons.append("trend_crosses")
    return Assessment("amber" if reasons else "green", tuple(reasons), per_day, fitted, crosses_on)
