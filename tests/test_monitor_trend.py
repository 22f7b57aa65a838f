"""The warning rules on hand-made series: the target, the margin, the 7-day trend."""

from __future__ import annotations

import datetime as dt

import pytest

from appeal.core.targets import Target
from appeal.monitor.trend import HORIZON, TREND_DAYS, assess, slope

END = dt.date(2026, 11, 10)
LESS = Target(2.5, "less_than")  # cancellation rate
AT_LEAST = Target(95.0, "at_least")  # valid tracking rate (the catalogue's usual target)
GREATER = Target(95.0, "greater_than")  # Amazon's own way of writing it


def series(*values: float, end: dt.date = END) -> list[tuple[dt.date, float]]:
    """Daily points ending on `end`."""
    return [(end - dt.timedelta(days=len(values) - 1 - n), v) for n, v in enumerate(values)]


def test_slope_of_a_straight_line_and_of_gaps() -> None:
    assert slope(series(1.0, 1.5, 2.0)) == pytest.approx(0.5)
    gappy = [(dt.date(2026, 11, 1), 1.0), (dt.date(2026, 11, 3), 2.0), (dt.date(2026, 11, 7), 4.0)]
    assert slope(gappy) == pytest.approx(0.5)  # days count, not snapshots
    assert slope(series(1.0, 2.0)) is None  # two points make no trend


def test_a_value_over_the_line_is_red() -> None:
    verdict = assess(2.5, LESS, series(2.5), end=END, margin=0.5)
    assert (verdict.status, verdict.reasons) == ("red", ("misses_target",))
    assert assess(94.9, AT_LEAST, series(94.9), end=END, margin=0.5).status == "red"
    assert assess(95.0, GREATER, series(95.0), end=END, margin=0.5).status == "red"


def test_the_margin_in_percentage_points() -> None:
    assert assess(2.0, LESS, series(2.0), end=END, margin=0.5).reasons == ("near_target",)
    assert assess(1.99, LESS, series(1.99), end=END, margin=0.5).status == "green"
    assert assess(95.5, AT_LEAST, series(95.5), end=END, margin=0.5).status == "amber"
    assert assess(95.6, AT_LEAST, series(95.6), end=END, margin=0.5).status == "green"
    assert assess(2.0, LESS, series(2.0), end=END, margin=0).status == "green"


def test_a_rising_trend_warns_with_the_day_it_crosses() -> None:
    # +0.25 a day from 1.0: (2.5 - 1.5) / 0.25 = 4 days after 10 November.
    verdict = assess(1.5, LESS, series(1.0, 1.25, 1.5), end=END, margin=0.5)
    assert verdict.status == "amber"
    assert verdict.reasons == ("trend_crosses",)
    assert verdict.crosses_on == dt.date(2026, 11, 14)
    assert verdict.points == 3


def test_a_trend_further_than_seven_days_does_not_warn() -> None:
    # +0.1 a day from 1.5: 10 days away.
    verdict = assess(1.5, LESS, series(1.3, 1.4, 1.5), end=END, margin=0.5)
    assert verdict.status == "green" and verdict.crosses_on is None
    # exactly HORIZON days away still warns
    per_day = 1.0 / HORIZON
    values = (1.5 - 2 * per_day, 1.5 - per_day, 1.5)
    assert assess(1.5, LESS, series(*values), end=END, margin=0).crosses_on == END + dt.timedelta(
        days=HORIZON
    )


def test_a_falling_tracking_rate_warns_before_it_falls_under_95() -> None:
    verdict = assess(97.0, GREATER, series(99.0, 98.0, 97.0), end=END, margin=0.5)
    assert verdict.reasons == ("trend_crosses",)
    assert verdict.crosses_on == dt.date(2026, 11, 12)  # (97 - 95) / 1 = 2 days
    rising = assess(97.0, GREATER, series(95.0, 96.0, 97.0), end=END, margin=0.5)
    assert rising.status == "green"  # moving away from the line


def test_amazons_own_bad_status_is_red_even_when_the_rate_meets_the_target() -> None:
    verdict = assess(1.0, LESS, series(1.0), end=END, margin=0.5, amazon_status="BAD")
    assert (verdict.status, verdict.reasons) == ("red", ("amazon_says_bad",))


def test_only_recent_snapshots_make_the_trend() -> None:
    old = [(END - dt.timedelta(days=TREND_DAYS + n), 0.0) for n in range(5)]
    verdict = assess(2.0, LESS, [*old, *series(2.0, 2.0, 2.0)], end=END, margin=0)
    assert verdict.slope == pytest.approx(0.0) and verdict.points == 3
    assert verdict.status == "green"


def test_no_value_or_no_target_is_grey() -> None:
    assert assess(None, LESS, [], end=END, margin=0.5).status == "grey"
    assert assess(1.0, None, series(1.0), end=END, margin=0.5).status == "grey"
    exact = assess(0.0, Target(0.0, "equals"), series(0.0, 0.0, 0.0), end=END, margin=0.5)
    assert exact.status == "green" and exact.crosses_on is None
