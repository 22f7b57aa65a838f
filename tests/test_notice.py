"""Reading Amazon's notice: a corpus of notices written from domain.md 6a, scored per field;
the rules a careful reader follows; and garbage."""

from __future__ import annotations

import datetime as dt

import pytest

from appeal.wizard.notice import read_notice, split_categories
from tests.notice_corpus import DEV, HELD_OUT
from tests.notice_scoring import FIELDS, score, table


@pytest.mark.parametrize(("name", "corpus"), [("dev", DEV), ("held-out", HELD_OUT)])
def test_corpus_accuracy_per_field(name: str, corpus: list[tuple[str, dict[str, object]]]) -> None:
    right, wrong = score(corpus)
    print(f"\nnotice reader, {name} corpus ({len(corpus)} notices):\n{table(corpus)}")
    assert set(right) == set(FIELDS)
    assert wrong == []


def test_the_notice_date_is_never_the_latest_date_in_the_text() -> None:
    pasted = """My notes: phoned the carrier on 2026-11-25 and 2026-11-26.

We have removed your merchant-fulfilled selling privileges in the Toys & Games category.
Your valid tracking rate between 2026-10-01 and 2026-10-30 was 90%."""
    facts = read_notice(pasted)
    assert facts.date is None
    assert facts.periods == {"valid_tracking_rate": (dt.date(2026, 10, 1), dt.date(2026, 10, 30))}


def test_an_ambiguous_labelled_date_is_asked_not_guessed() -> None:
    facts = read_notice("Date: 03/04/2026\nYour account has been deactivated.")
    assert facts.date is None
    assert facts.ambiguous_dates == [("03/04/2026", dt.date(2026, 3, 4), dt.date(2026, 4, 3))]
    assert read_notice("Date: 25/11/2026").date == dt.date(2026, 11, 25)


def test_within_n_days_and_a_window_are_different_things() -> None:
    facts = read_notice(
        "Over the past 30 days your cancellation rate was 5%. We have deactivated your account. "
        "Send a plan of action within 17 days."
    )
    assert facts.deadline_days == 17 and facts.window_days == {"cancellation_rate": 30}
    assert read_notice("In the past 30 days your ODR was 2%.").deadline_days is None
    assert read_notice("过去 30 天内您的取消率为 5%。").deadline_days is None


def test_a_deadline_stated_as_a_date() -> None:
    facts = read_notice("Your account has been deactivated. Appeal by December 7, 2026.")
    assert facts.deadline == dt.date(2026, 12, 7)


def test_full_width_figures_in_a_chinese_notice() -> None:
    facts = read_notice("您的有效追踪率为 ９１．２％，低于 ９５％ 的目标。您的自配送权限已被停用。")
    assert facts.metrics == {"valid_tracking_rate": 91.2}
    assert facts.targets == {"valid_tracking_rate": 95.0}


def test_category_names_with_commas_stay_whole() -> None:
    assert split_categories("Toys & Games, Clothing, Shoes & Jewelry; Home & Kitchen") == [
        "Toys & Games",
        "Clothing, Shoes & Jewelry",
        "Home & Kitchen",
    ]
    assert split_categories("Arts, Crafts & Sewing and Baby Products") == [
        "Arts, Crafts & Sewing",
        "Baby Products",
    ]


def test_garbage() -> None:
    for text in (
        "",
        "hello world",
        "\x00\x01 ### 99/99/2026 %%%",
        "a" * 10000,
        "Late Shipment Rate",
        "%" * 500 + "1" * 500,
    ):
        facts = read_notice(text)
        assert facts.date is None and facts.metrics == {}
    assert not read_notice("hello").found_anything


UK_VTR = """Hello,

We are contacting you because your Valid Tracking Rate (VTR) for the Home & Kitchen category is
below the 95% requirement for seller-fulfilled orders. As a result, we have removed your ability
to offer seller-fulfilled items in the Home & Kitchen category.

Your Valid Tracking Rate: 87.6%
Time period: 1 October 2026 – 30 October 2026

How do I reinstate my selling privileges?
Send a plan of action to op-pso-vtr-appeals@amazon.co.uk."""
US_LSR = """Dear Seller,

Your Late Shipment Rate from October 1, 2026 to October 30, 2026 was 6.1%, which does not meet
our goal of less than 4%. As a result, your selling account has been deactivated.
Submit a plan of action within 17 days."""
ZH_VTR = """您好，

由于您的有效追踪率低于 95% 的要求，您在以下品类的卖家自配送权限已被停用：玩具。

您的有效追踪率：87.6%
统计期间：2026年10月1日至2026年10月30日"""
ZH_INLINE = (
    "您的迟发率（2026年10月1日至2026年10月30日）为 6.1%，超过了 4% 的目标。您的账户已被停用。"
)
OCT = (dt.date(2026, 10, 1), dt.date(2026, 10, 30))


@pytest.mark.parametrize(
    ("notice", "metric", "value"),
    [
        (UK_VTR, "valid_tracking_rate", 87.6),
        (UK_VTR.replace("–", "—"), "valid_tracking_rate", 87.6),
        (UK_VTR.replace(" – ", " to "), "valid_tracking_rate", 87.6),
        (US_LSR, "late_shipment_rate", 6.1),
        (ZH_VTR, "valid_tracking_rate", 87.6),
        (ZH_INLINE, "late_shipment_rate", 6.1),
        ("Your VTR: 87.6%\n\nTime period: 2026/10/01 - 2026/10/30", "valid_tracking_rate", 87.6),
    ],
)
def test_the_notices_own_window_is_read_with_its_figure(
    notice: str, metric: str, value: float
) -> None:
    facts = read_notice(notice)
    assert facts.metrics == {metric: value}
    assert facts.periods == {metric: OCT}


def test_a_window_belongs_to_no_metric_when_the_notice_names_several() -> None:
    facts = read_notice(
        "Your Late Shipment Rate is 6.1% and your Cancellation Rate is 3%.\n\n"
        "Time period: 1 October 2026 – 30 October 2026"
    )
    assert facts.periods == {}  # which figure it measures is not said: nothing is guessed
